/**
 * A model-shaped draft (catalogue slugs) as the contract's `TaskDraft`: slugs mapped to the real
 * catalogue (an unknown one is dropped and reported in `missing_fields`, never invented), the
 * budget and deadline held to the task form's rules, the confidence lowered for each thing dropped.
 */
import type { Skill, TaskDraft } from '../contract/schemas.ts';
import { MAX_MONEY_MINOR, MIN_BUDGET_MINOR, toMinor } from '../lib/money.ts';
import { DRAFT_FIELDS, type ModelTaskDraft } from './model-schemas.ts';
import type { Catalogue } from './offline/catalogue-terms.ts';


const PENALTY_PER_DROP = 0.1;

export function toTaskDraft(draft: ModelTaskDraft, catalogue: Catalogue, now: Date, certainty = 1): TaskDraft {
  const missing = new Set(draft.missing_fields);
  let dropped = 0;
  const bySlug = (slug: string) => slug.trim().toLowerCase();
  const category = draft.category === null ? null : (catalogue.categories.find((candidate) => candidate.slug === bySlug(draft.category!)) ?? null);
  if (draft.category !== null && !category) dropped += 1;
  if (!category) missing.add('category');
  const skills: Skill[] = [];
  for (const slug of draft.skills) {
    const skill = catalogue.skills.find((candidate) => candidate.slug === bySlug(slug));
    if (!skill) {
      dropped += 1;
      missing.add('skills');
    } else if (!skills.includes(skill)) skills.push(skill);
  }
  if (!skills.length) missing.add('skills');
  const budgetMinor = draft.budget === null ? null : toMinor(draft.budget);
  const budget = budgetMinor !== null && budgetMinor >= MIN_BUDGET_MINOR && budgetMinor <= MAX_MONEY_MINOR ? draft.budget : null;
  if (draft.budget !== null && budget === null) dropped += 1;
  if (budget === null) missing.add('budget');
  const deadlineDate = draft.deadline === null ? null : new Date(draft.deadline);
  const deadline = deadlineDate && !Number.isNaN(deadlineDate.getTime()) && deadlineDate > now ? deadlineDate.toISOString() : null;
  if (draft.deadline !== null && deadline === null) {
    dropped += 1;
    missing.add('deadline');
  }
  const title = draft.title.trim().slice(0, 120);
  if (title.length < 5) missing.add('title');
  const description = draft.description.trim().slice(0, 10_000);
  if (description.length < 20) missing.add('description');
  const location = draft.remote ? null : draft.location?.trim().slice(0, 120) || null;
  if (!draft.remote && !location) missing.add('location');
  const confidence = Math.max(0, Math.min(1, draft.confidence) - dropped * PENALTY_PER_DROP) * certainty;
  return {
    title,
    description,
    category,
    skills: skills.slice(0, 10),
    budget,
    currency: draft.currency ?? 'usd',
    deadline,
    remote: draft.remote,
    location,
    missing_fields: DRAFT_FIELDS.filter((field) => missing.has(field)),
    confidence: Math.round(confidence * 100) / 100,
  };
}
