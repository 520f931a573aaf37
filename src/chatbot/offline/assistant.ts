/**
 * The offline assistant: from what the conversation settles (facts.ts), a reply that asks for
 * the next missing thing, a task draft, and category suggestions, each in the shape the model
 * is asked for, so that the service treats both alike.
 */
import type { ModelCategorySuggestions, ModelTaskDraft } from '../model-schemas.ts';
import type { Catalogue } from './catalogue-terms.ts';
import { isDescribed, rankCategories, readConversation, type ConversationFacts } from './facts.ts';

type DraftField = ModelTaskDraft['missing_fields'][number];

/** What the facts leave open, in the order the assistant asks about it. */
export function missingFields(facts: ConversationFacts): DraftField[] {
  const missing: DraftField[] = [];
  if (!facts.title) missing.push('title');
  if (!isDescribed(facts)) missing.push('description');
  if (!facts.category) missing.push('category');
  if (!facts.budget) missing.push('budget');
  if (!facts.deadline) missing.push('deadline');
  if (facts.remote === null || (facts.remote === false && !facts.location)) missing.push('location');
  if (!facts.skills.length) missing.push('skills');
  return missing;
}

/** What a task needs before it can be posted (POST /tasks/create/); the rest has defaults. */
const REQUIRED_TO_POST: DraftField[] = ['title', 'description', 'category', 'budget'];

export function isDraftReady(facts: ConversationFacts): boolean {
  const missing = missingFields(facts);
  return REQUIRED_TO_POST.every((field) => !missing.includes(field)) && !(facts.remote === false && !facts.location);
}

/** How much of the task the facts settle, weighted by how much each field matters; never certain. */
const FIELD_WEIGHTS: Record<DraftField, number> = { title: 0.15, description: 0.2, category: 0.2, budget: 0.2, deadline: 0.1, skills: 0.1, location: 0.05 };
const OFFLINE_CERTAINTY = 0.9;

function confidenceOf(missing: DraftField[]): number {
  const settled = Object.entries(FIELD_WEIGHTS).reduce((sum, [field, weight]) => sum + (missing.includes(field as DraftField) ? 0 : weight), 0);
  return Math.round(settled * OFFLINE_CERTAINTY * 100) / 100;
}

export function offlineDraft(userMessages: string[], catalogue: Catalogue, now: Date): ModelTaskDraft {
  const facts = readConversation(userMessages, catalogue, now);
  const missing = missingFields(facts);
  return {
    title: facts.title ?? '',
    description: facts.description,
    category: facts.category,
    skills: facts.skills,
    budget: facts.budget?.amount ?? null,
    currency: facts.budget?.currency ?? null,
    deadline: facts.deadline === 'none' ? null : facts.deadline,
    remote: facts.remote !== false,
    location: facts.location,
    missing_fields: missing,
    confidence: confidenceOf(missing),
  };
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const formatDate = (iso: string) => DATE_FORMAT.format(new Date(iso));

/** "Web Development, React and TypeScript, budget 500.00 USD, remote, due 15 December 2026". */
function summary(facts: ConversationFacts, catalogue: Catalogue): string {
  const names = (slugs: string[]) => slugs.map((slug) => catalogue.skills.find((skill) => skill.slug === slug)?.name ?? slug);
  const skills = names(facts.skills);
  const parts = [
    catalogue.categories.find((category) => category.slug === facts.category)?.name,
    skills.length ? (skills.length > 1 ? `${skills.slice(0, -1).join(', ')} and ${skills.at(-1)}` : skills[0]) : undefined,
    facts.budget ? `budget ${facts.budget.amount} ${facts.budget.currency.toUpperCase()}` : undefined,
    facts.remote === true ? 'remote' : facts.remote === false ? `on site${facts.location ? ` in ${facts.location}` : ''}` : undefined,
    facts.deadline === 'none' ? 'no fixed deadline' : facts.deadline ? `due ${formatDate(facts.deadline)}` : undefined,
  ];
  return parts.filter(Boolean).join(', ');
}

function question(field: DraftField, facts: ConversationFacts, catalogue: Catalogue): string {
  switch (field) {
    case 'title':
    case 'description':
      return 'Tell me a little more about the work: what should be delivered, and what do you have already?';
    case 'category':
      return `Which kind of work is it: ${catalogue.categories.map((category) => category.name).join(', ')}?`;
    case 'budget':
      return 'What budget do you have in mind, and in which currency (for example 500 USD)?';
    case 'deadline':
      return 'When do you need it done? A date is fine, or say if there is no deadline.';
    case 'location':
      return facts.remote === false ? 'Where will the work take place?' : 'Can the work be done remotely, or does it need someone on site (and where)?';
    case 'skills': {
      const category = catalogue.categories.find((candidate) => candidate.slug === facts.category);
      const examples = catalogue.skills.filter((skill) => category && skill.category_id === category.id).slice(0, 4).map((skill) => skill.name);
      return `Which skills or tools should the freelancer have${examples.length ? ` (for example ${examples.join(', ')})` : ''}?`;
    }
  }
}

const DECLINE_TO_ACT =
  "I can only help you write the task: I can't post it, pay, or contact anyone for you, and I know nothing about other users. When the draft is ready, review it and post it yourself.";

export function offlineReply(userMessages: string[], catalogue: Catalogue, now: Date): string {
  const facts = readConversation(userMessages, catalogue, now);
  const missing = missingFields(facts);
  const known = summary(facts, catalogue);
  const opening = facts.asksToAct
    ? DECLINE_TO_ACT
    : userMessages.length === 1
      ? `Happy to help you write this up.${known ? ` So far: ${known}.` : ''}`
      : known
        ? `Noted. So far: ${known}.`
        : 'Noted.';
  // Skills are asked about only once the essentials are settled; the draft can go without them.
  const next = missing.find((field) => field !== 'skills') ?? missing[0];
  if (next) return `${opening} ${question(next, facts, catalogue)}`;
  return `${opening} I have everything I need for a draft. Extract it to review the task before you post it.`;
}

/** Up to three categories, each with its share of the evidence found. */
export function offlineCategorySuggestions(text: string, catalogue: Catalogue): ModelCategorySuggestions {
  const ranked = rankCategories(text, catalogue).slice(0, 3);
  const total = ranked.reduce((sum, entry) => sum + entry.score, 0);
  return {
    suggestions: ranked.map((entry) => ({ category: entry.slug, confidence: Math.round((entry.score / (total + 1)) * 100) / 100 })),
  };
}
