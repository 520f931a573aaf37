/**
 * The offline assistant's reading of a conversation: what the client's messages settle about
 * the task (title, description, category, skills, budget, deadline, remote or on site). Rules,
 * not a model: deterministic, fast, and good enough to demo the flow and to test its rules.
 * A later message overrides an earlier one ("actually, make it $800").
 */
import type { Currency } from '../../contract/schemas.ts';
import { fromMinor, MAX_MONEY_MINOR, MIN_BUDGET_MINOR } from '../../lib/money.ts';
import { categoryStems, skillTerms, stems, type Catalogue } from './catalogue-terms.ts';

export type ConversationFacts = {
  title: string | null;
  /** What the client wrote about the work (demands to act left out); maybe too short to post. */
  description: string;
  category: string | null;
  skills: string[];
  budget: { amount: string; currency: Currency } | null;
  /** An ISO date-time, `none` when the client said there is no deadline, null when unsaid. */
  deadline: string | null;
  remote: boolean | null;
  location: string | null;
  /** The last message asks the assistant to act (post, pay, message) or to drop its rules. */
  asksToAct: boolean;
};


const CURRENCY_WORDS: [RegExp, Currency][] = [
  [/^(?:\$|usd|dollars?|bucks)$/i, 'usd'],
  [/^(?:€|eur|euros?)$/i, 'eur'],
  [/^(?:£|gbp|pounds?|quid)$/i, 'gbp'],
];
const currencyOf = (word: string | undefined): Currency | null => (word ? (CURRENCY_WORDS.find(([pattern]) => pattern.test(word))?.[1] ?? null) : null);

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s?(k\b)?`;
const CURRENCY_WORD = String.raw`(usd|dollars?|bucks|eur|euros?|gbp|pounds?|quid)`;
/** A number that counts something else: "10 days", "5 pages". */
const NOT_MONEY = String.raw`(?!\s?(?:%|x\b|days?|weeks?|months?|years?|hours?|hrs?|h\b|minutes?|pages?|words?|items?|products?|screens?|people|users?|employees?|articles?|posts?|videos?))`;
const MONEY_PATTERNS = [
  new RegExp(String.raw`([$€£])\s?${NUMBER}`, 'gi'),
  new RegExp(String.raw`\b(usd|eur|gbp)\s?${NUMBER}`, 'gi'),
  new RegExp(String.raw`(?<![\d.,])${NUMBER}\s?${CURRENCY_WORD}\b`, 'gi'),
  new RegExp(String.raw`\b(budget|pay|paying|spend|price|cost|offer|offering|up to)\b[^.\d$€£\n]{0,25}?(?<![\d.,])${NUMBER}${NOT_MONEY}`, 'gi'),
];

/** "1,200.50" → 120050; "1.5k" → 150000. Integer arithmetic only. */
function toMinorUnits(whole: string, fraction: string | undefined, thousands: boolean): number {
  const units = Number(whole.replace(/,/g, ''));
  if (thousands) return units * 100_000 + Number((fraction ?? '').padEnd(3, '0').slice(0, 3)) * 100;
  return units * 100 + Number((fraction ?? '').padEnd(2, '0'));
}

function budgetIn(text: string): { minor: number; currency: Currency | null } | null {
  const found: { minor: number; currency: Currency | null }[] = [];
  for (const pattern of MONEY_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const groups = [...match].slice(1);
      // The patterns put the currency first or last around the number's three groups.
      const [currencyWord, whole, fraction, k, trailingCurrency] =
        pattern === MONEY_PATTERNS[2] ? [groups[3], groups[0], groups[1], groups[2], undefined] : [groups[0], groups[1], groups[2], groups[3], groups[4]];
      if (!whole) continue;
      const minor = toMinorUnits(whole, fraction, Boolean(k));
      if (minor < MIN_BUDGET_MINOR || minor > MAX_MONEY_MINOR) continue;
      found.push({ minor, currency: currencyOf(currencyWord) ?? currencyOf(trailingCurrency) });
    }
  }
  if (!found.length) return null;
  // A range ("$300 to $500") is as much as the client will pay.
  const highest = found.reduce((best, next) => (next.minor > best.minor ? next : best));
  return { minor: highest.minor, currency: highest.currency ?? found.find((entry) => entry.currency)?.currency ?? null };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const COUNT_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12 };

const utcDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day, 23, 59, 59));
const addDays = (date: Date, days: number) => utcDay(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days);

/** A month and day without a year: the next time it comes. */
function nextOccurrence(now: Date, month: number, day: number, year?: number): Date | null {
  if (day < 1 || day > 31) return null;
  if (year) return utcDay(year, month, day);
  const thisYear = utcDay(now.getUTCFullYear(), month, day);
  return thisYear > now ? thisYear : utcDay(now.getUTCFullYear() + 1, month, day);
}

function deadlineIn(text: string, now: Date): string | null {
  if (/\b(?:no (?:fixed |hard |real |particular )?deadline|no rush|no hurry|whenever (?:you|it)|timing is flexible|flexible (?:on )?(?:deadline|timing|timeline))\b/i.test(text)) return 'none';
  const candidates: Date[] = [];
  for (const match of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) candidates.push(utcDay(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  for (const match of text.matchAll(new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?`, 'gi'))) {
    const date = nextOccurrence(now, MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase()), Number(match[2]), match[3] ? Number(match[3]) : undefined);
    if (date) candidates.push(date);
  }
  for (const match of text.matchAll(new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b(?:,?\s+(\d{4}))?`, 'gi'))) {
    const date = nextOccurrence(now, MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase()), Number(match[1]), match[3] ? Number(match[3]) : undefined);
    if (date) candidates.push(date);
  }
  for (const match of text.matchAll(new RegExp(String.raw`\b(?:by|before|until|in|end of|late)\s+${MONTH}\b(?!\.?\s+\d)`, 'gi'))) {
    const month = MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase());
    const year = month >= now.getUTCMonth() ? now.getUTCFullYear() : now.getUTCFullYear() + 1;
    candidates.push(utcDay(year, month + 1, 0));
  }
  if (/\btomorrow\b/i.test(text)) candidates.push(addDays(now, 1));
  for (const match of text.matchAll(/\b(?:in|within|takes?|next)\s+(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(day|week|month)s?\b/gi)) {
    const count = COUNT_WORDS[match[1]!.toLowerCase()] ?? Number(match[1]);
    const unit = match[2]!.toLowerCase();
    candidates.push(unit === 'day' ? addDays(now, count) : unit === 'week' ? addDays(now, count * 7) : utcDay(now.getUTCFullYear(), now.getUTCMonth() + count, now.getUTCDate()));
  }
  if (/\bnext week\b/i.test(text)) candidates.push(addDays(now, 7));
  if (/\bnext month\b/i.test(text)) candidates.push(utcDay(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()));
  if (/\bend of (?:the |this )?week\b/i.test(text)) candidates.push(addDays(now, (5 - now.getUTCDay() + 7) % 7 || 7));
  if (/\bend of (?:the |this )?month\b/i.test(text)) candidates.push(utcDay(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
  for (const match of text.matchAll(/\b(?:by|before|until|on|due|this|next)\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi)) {
    const target = WEEKDAYS.indexOf(match[1]!.toLowerCase());
    candidates.push(addDays(now, (target - now.getUTCDay() + 7) % 7 || 7));
  }
  const future = candidates.filter((date) => date > now);
  if (!future.length) return null;
  // Several dates in one message ("start Monday, done by the 15th"): the work must be done by the last.
  return new Date(Math.max(...future.map((date) => date.getTime()))).toISOString();
}

const REMOTE = /\b(?:remote(?:ly)?|from anywhere|work(?:ing)? from home|fully online|online only|wfh)\b/i;
const NOT_REMOTE = /\b(?:not|no|can'?t|cannot|isn'?t|won'?t)\s+(?:be\s+)?(?:done\s+)?(?:remote(?:ly)?|online)\b/i;
const ON_SITE = /\b(?:on[- ]?site|in[- ]person|at (?:our|my) (?:office|shop|store|restaurant|premises|warehouse|studio|house|home|place|venue)|come (?:to|over to) (?:our|my)|physically present)\b/i;
/** A place: capitalised words after "in", "at", "near", "based in". */
const PLACE = /\b(?:in|at|near|around)\s+((?:[A-Z][\p{L}'’-]+)(?:(?:\s|,\s?)[A-Z][\p{L}'’-]+){0,2})/gu;
const NOT_PLACES = new Set([...WEEKDAYS, 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'english', 'french', 'arabic', 'german', 'spanish', 'i']);

function placeIn(text: string, catalogueWords: Set<string>): string | null {
  for (const match of text.matchAll(PLACE)) {
    const place = match[1]!.replace(/[,\s]+$/, '');
    const first = place.split(/[\s,]+/)[0]!.toLowerCase();
    if (!NOT_PLACES.has(first) && !catalogueWords.has(place.toLowerCase())) return place.slice(0, 120);
  }
  // A bare answer to "where?": one to three capitalised words, nothing else.
  const bare = /^\s*((?:[A-Z][\p{L}'’-]+)(?:(?:\s|,\s?)[A-Z][\p{L}'’-]+){0,2})\s*[.!]?\s*$/u.exec(text);
  if (bare && !NOT_PLACES.has(bare[1]!.split(/[\s,]+/)[0]!.toLowerCase()) && !catalogueWords.has(bare[1]!.toLowerCase())) return bare[1]!;
  return null;
}

/** Requests the assistant must not carry out, and attempts to talk it out of its rules. */
const ASKS_TO_ACT = new RegExp(
  [
    // Imperatives to the assistant ("post it now"), not a client describing the work they will post.
    String.raw`\b(?:post|publish|submit)\s+(?:it|this|the task|this task|my task|the job)\b(?!\s+(?:description|draft))`,
    String.raw`\b(?:pay|transfer (?:the )?money to|send (?:the )?(?:money|payment) to)\s+(?:the|him|her|them|my)\s*(?:freelancer|developer|designer|writer|person)?\b`,
    String.raw`\bsend (?:a message|messages|an email|emails) to\b`,
    String.raw`\b(?:message|email|contact) (?:the|all|every|some)\b.{0,20}\b(?:freelancers?|users?|clients?)\b`,
    String.raw`\bignore (?:all |any |the |your |previous |prior |above )*(?:instructions|rules|prompt)`,
    String.raw`\b(?:system prompt|you are now|developer mode|jailbreak)\b`,
    String.raw`\b(?:other users?|everyone'?s|all users?)'?\b.{0,30}\b(?:emails?|data|passwords?|addresses|messages|tasks)\b`,
  ].join('|'),
  'i',
);

const GREETING = /^\s*(?:hi|hello|hey|good (?:morning|afternoon|evening)|greetings)\b(?:\s+there)?[\s,!.]*/i;
/** What people say before the work itself, stripped in this order ("I need a Python developer to …"). */
const LEAD_INS = [
  /^(?:so|well|ok(?:ay)?),?\s+/i,
  /^(?:i|we)(?:'m|’m| am| are|'re)?\s+(?:really\s+)?(?:need|want|would like|'d like|looking for|searching for|require|trying to find)\s+(?:to\s+(?:hire|find|get)\s+)?/i,
  /^(?:can|could) (?:you|someone) help (?:me|us)\s+(?:to\s+|with\s+)?/i,
  /^(?:looking for|need|please)\s+/i,
  /^to\s+/i,
  /^(?:a|an|some)\s+/i,
  /^(?:someone|somebody|freelancer|expert|professional|help)\s+(?:who can\s+|to\s+|for\s+|with\s+)?/i,
  // A role that is followed by the work: "Python developer to write …" (not "logo designer for my bakery").
  /^(?:[\p{L}.+#]+\s+)?(?:developer|designer|writer|translator|copywriter|marketer|consultant|programmer|coder|editor|engineer)\s+(?:who can|to)\s+/iu,
];

/** A task title from the first message: its first sentence, without greeting or "I need someone to". */
export function titleFrom(message: string): string | null {
  const firstSentence = message.replace(GREETING, '').split(/(?<=[.!?])\s|\n/)[0] ?? '';
  let title = LEAD_INS.reduce((text, leadIn) => text.replace(leadIn, ''), firstSentence.trim()).replace(/[\s.!?,:;]+$/, '').trim();
  // "Figma design for our landing page, budget $400, by next week": the rest is not the title.
  const clause = /^(.+?)\s*(?:[,;(]|\s[-–—]\s)/.exec(title);
  if (clause && clause[1]!.split(/\s+/).length >= 3) title = clause[1]!;
  if (title.length > 80) title = `${title.slice(0, 80).replace(/\s+\S*$/, '')}`;
  title = title.charAt(0).toUpperCase() + title.slice(1);
  return title.length >= 5 ? title : null;
}

/** Enough words to tell a freelancer what the work is. */
const DESCRIPTION_MIN_WORDS = 12;

export const isDescribed = (facts: ConversationFacts) => (facts.description.match(/\S+/g) ?? []).length >= DESCRIPTION_MIN_WORDS;

type CatalogueIndex = {
  terms: ReturnType<typeof skillTerms>;
  categoryWords: ReturnType<typeof categoryStems>;
  /** Catalogue names, which are never places ("in React"). */
  names: Set<string>;
  categorySlugById: Map<number, string>;
};
const indexes = new WeakMap<Catalogue, CatalogueIndex>();

function indexOf(catalogue: Catalogue): CatalogueIndex {
  let index = indexes.get(catalogue);
  if (!index) {
    index = {
      terms: skillTerms(catalogue),
      categoryWords: categoryStems(catalogue),
      names: new Set([...catalogue.skills.map((skill) => skill.name.toLowerCase()), ...catalogue.categories.map((category) => category.name.toLowerCase())]),
      categorySlugById: new Map(catalogue.categories.map((category) => [category.id, category.slug])),
    };
    indexes.set(catalogue, index);
  }
  return index;
}

/** The skills a text names (longest names first) and the categories it points to: 3 a skill, 1 a word. */
function evidenceIn(text: string, index: CatalogueIndex): { skills: string[]; categoryScores: Map<string, number> } {
  const skills: string[] = [];
  const categoryScores = new Map<string, number>();
  const add = (slug: string | undefined, points: number) => {
    if (slug) categoryScores.set(slug, (categoryScores.get(slug) ?? 0) + points);
  };
  let rest = text;
  const found: { slug: string; at: number }[] = [];
  for (const { skill, pattern } of index.terms) {
    pattern.lastIndex = 0;
    const match = pattern.exec(rest);
    if (!match) continue;
    // The longer name consumes its words (same length, so positions hold): "React Native" is not also "React".
    rest = rest.replace(pattern, (words) => ' '.repeat(words.length));
    found.push({ slug: skill.slug, at: match.index });
    add(skill.category_id === null ? undefined : index.categorySlugById.get(skill.category_id), 3);
  }
  // In the order the client named them.
  skills.push(...found.sort((a, b) => a.at - b.at).map((entry) => entry.slug));
  const words = new Set(stems(text));
  for (const [slug, stemsOfCategory] of index.categoryWords) {
    for (const word of words) if (stemsOfCategory.has(word)) add(slug, 1);
  }
  return { skills, categoryScores };
}

const ranked = (scores: Map<string, number>) =>
  [...scores].map(([slug, score]) => ({ slug, score })).sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));

export function readConversation(userMessages: string[], catalogue: Catalogue, now: Date): ConversationFacts {
  const index = indexOf(catalogue);
  const facts: ConversationFacts = {
    title: null,
    description: '',
    category: null,
    skills: [],
    budget: null,
    deadline: null,
    remote: null,
    location: null,
    asksToAct: false,
  };
  const categoryScores = new Map<string, number>();
  let currency: Currency | null = null;
  let budgetMinor: number | null = null;
  const describing: string[] = [];
  userMessages.forEach((message, position) => {
    const asksToAct = ASKS_TO_ACT.test(message);
    if (position === userMessages.length - 1) facts.asksToAct = asksToAct;
    // A demand to act or to drop the rules says nothing about the task.
    if (asksToAct) return;
    facts.title ??= titleFrom(message);
    describing.push(message.trim());

    const evidence = evidenceIn(message, index);
    for (const slug of evidence.skills) if (!facts.skills.includes(slug)) facts.skills.push(slug);
    for (const [slug, score] of evidence.categoryScores) categoryScores.set(slug, (categoryScores.get(slug) ?? 0) + score);

    const budget = budgetIn(message);
    if (budget) {
      budgetMinor = budget.minor;
      currency = budget.currency ?? currency;
    } else {
      const mentioned = /\b(?:in|paid in|pay in)\s+(usd|dollars|eur|euros|gbp|pounds)\b/i.exec(message);
      currency = currencyOf(mentioned?.[1]) ?? currency;
    }
    const deadline = deadlineIn(message, now);
    if (deadline) facts.deadline = deadline;
    if (NOT_REMOTE.test(message) || ON_SITE.test(message)) facts.remote = false;
    else if (REMOTE.test(message)) facts.remote = true;
    const place = placeIn(message, index.names);
    if (place) facts.location = place;
  });
  if (budgetMinor !== null) facts.budget = { amount: fromMinor(budgetMinor), currency: currency ?? 'usd' };
  const [best, second] = ranked(categoryScores);
  // A tie says nothing: the assistant asks instead.
  if (best && (!second || best.score > second.score)) facts.category = best.slug;
  facts.skills = facts.skills.slice(0, 10);
  facts.description = describing.join('\n\n').slice(0, 5000);
  // A place matters only for work on site.
  if (facts.remote !== false) facts.location = null;
  return facts;
}

/** The categories a text points to, best first, with their points. */
export function rankCategories(text: string, catalogue: Catalogue): { slug: string; score: number }[] {
  return ranked(evidenceIn(text, indexOf(catalogue)).categoryScores);
}
