/**
 * Turns a ranking's figures into the sentence a person reads: the strongest pieces of real
 * evidence, named ("Matches your Python and REST APIs skills; in Web Development, which you
 * follow"). Every piece comes from a figure that raised the score, so no reason is generic.
 */
import { fromMinor } from '../lib/money.ts';
import type { RankedFreelancerRow } from './freelancer-ranking.ts';
import { COLD_START_WEIGHTS, TASK_WEIGHTS, type RankedTaskRow } from './task-ranking.ts';

type Evidence = { strength: number; order: number; text: string };

const MAX_PIECES = 3;

/** "A", "A and B", "A, B and C". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function age(createdAt: Date | string, now: Date): string {
  const days = Math.floor((now.getTime() - new Date(createdAt).getTime()) / 86_400_000);
  if (days <= 0) return 'posted today';
  if (days === 1) return 'posted yesterday';
  return `posted ${days} days ago`;
}

/**
 * The strongest pieces of evidence of a match, in reading order, as one sentence starting with a
 * capital; `fallback` (always true, such as the task's age) completes a sentence that has fewer
 * than two.
 */
function sentence(evidence: Evidence[], fallback: string): string {
  const chosen = evidence
    .filter((piece) => piece.strength > 0)
    .sort((a, b) => b.strength - a.strength || a.order - b.order)
    .slice(0, MAX_PIECES)
    .sort((a, b) => a.order - b.order)
    .map((piece) => piece.text);
  if (chosen.length < 2) chosen.push(fallback);
  const text = chosen.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function taskReason(row: RankedTaskRow, now: Date): string {
  const w = row.cold ? { ...TASK_WEIGHTS, ...COLD_START_WEIGHTS } : { ...TASK_WEIGHTS, popularity: 0 };
  const category = row.task.category.name;
  const evidence: Evidence[] = [];
  if (row.matched_skills.length > 0) {
    const names = row.matched_skills.slice(0, 3).map((skill) => skill.name);
    evidence.push({ strength: w.skills * row.skill_fit, order: 1, text: `matches your ${listInWords(names)} ${names.length === 1 ? 'skill' : 'skills'}` });
  }
  if (row.followed_category) {
    evidence.push({ strength: w.category * row.category_fit, order: 2, text: `in ${category}, which you follow` });
  } else if (row.category_fit > 0) {
    evidence.push({ strength: w.category * row.category_fit, order: 2, text: `in ${category}, where you often apply` });
  }
  if (!row.cold && row.common_terms.length > 0 && row.text_fit > 0) {
    evidence.push({ strength: w.text * row.text_fit, order: 3, text: `mentions ${listInWords(row.common_terms.map((term) => `“${term}”`))} like your profile and past work` });
  }
  if (!row.cold && row.peer_applicants > 0) {
    evidence.push({ strength: w.peers * (1 - Math.exp(-row.peer_applicants / 3)), order: 4, text: `${plural(row.peer_applicants, 'freelancer')} with skills like yours applied` });
  }
  if (row.budget_fit != null) {
    const budget = `budget ${fromMinor(Number(row.task.budget_minor))}`;
    const text = row.in_budget_range
      ? `${budget} is in your range`
      : row.median_bid != null
        ? `${budget}, near your usual bid of ${fromMinor(Math.round(row.median_bid))}`
        : `${budget}`;
    if (row.in_budget_range || (row.median_bid != null && row.budget_fit >= 0.75)) evidence.push({ strength: w.budget * row.budget_fit, order: 5, text });
  }
  if (row.cold && row.applicants > 0) {
    evidence.push({ strength: w.popularity * (1 - Math.exp(-row.applicants / 5)), order: 6, text: `popular: ${plural(row.applicants, 'freelancer')} applied` });
  }
  // The task's age is always known, so the sentence is never empty.
  return sentence(evidence, age(row.task.created_at, now));
}

export function freelancerReason(row: RankedFreelancerRow, category: string | null): string {
  const pieces: string[] = [];
  if (row.matched_skills.length > 0) pieces.push(listInWords(row.matched_skills.slice(0, 3).map((skill) => skill.name)));
  if (row.has_applied) pieces.push('applied to this task');
  if (category && row.completed_in_category > 0) pieces.push(`${plural(row.completed_in_category, `completed ${category} task`)}`);
  else if (row.completed > 0) pieces.push(plural(row.completed, 'completed task'));
  const rating = row.freelancer.reviews_count > 0 ? (row.freelancer.rating_sum / row.freelancer.reviews_count).toFixed(2) : null;
  if (rating) pieces.push(`rated ${rating} (${plural(row.freelancer.reviews_count, 'review')})`);
  if (row.bid_fit != null && row.bid_fit >= 0.75) pieces.push('usually bids close to your budget');
  if (row.activity >= 0.8) pieces.push('active this week');
  if (pieces.length === 0) pieces.push(row.activity > 0 ? 'active on taskmarket recently' : 'new on taskmarket');
  const text = pieces.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
