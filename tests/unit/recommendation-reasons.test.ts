/**
 * The words of a recommendation's reason: the strongest evidence first chosen, told in reading
 * order, never empty, never a piece the figures do not support.
 */
import { describe, expect, it } from 'vitest';
import { freelancerReason, listInWords, taskReason } from '../../src/recommendations/reasons.ts';
import type { RankedFreelancerRow } from '../../src/recommendations/freelancer-ranking.ts';
import type { RankedTaskRow } from '../../src/recommendations/task-ranking.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

function taskRow(overrides: Partial<RankedTaskRow> = {}): RankedTaskRow {
  return {
    task_id: 56,
    score: 0.5,
    cold: false,
    skill_fit: 0,
    text_fit: 0,
    category_fit: 0,
    followed_category: false,
    budget_fit: null,
    in_budget_range: null,
    median_bid: null,
    recency: 0.1,
    peer_applicants: 0,
    applicants: 0,
    matched_skills: [],
    common_terms: [],
    task: {
      id: 56,
      title: 'Python scraper for competitor prices',
      status: 'open',
      budget_minor: '35000',
      currency: 'usd',
      category: { id: 5, slug: 'data-science', name: 'Data Science & Analytics', description: '' },
      client: { id: 3, username: 'omar', first_name: 'Omar', last_name: 'Khalil', avatar_url: null, is_client: true, is_freelancer: false, rating_sum: 0, reviews_count: 0 },
      deadline: null,
      created_at: '2026-03-07T09:00:00Z',
    },
    ...overrides,
  };
}

describe('task reasons', () => {
  it('name the matched skills and the followed category, the age only when less is known', () => {
    const reason = taskReason(
      taskRow({ skill_fit: 1, matched_skills: [{ slug: 'python', name: 'Python' }, { slug: 'rest-apis', name: 'REST APIs' }], followed_category: true, category_fit: 1 }),
      NOW,
    );
    expect(reason).toBe('Matches your Python and REST APIs skills; in Data Science & Analytics, which you follow');
  });

  it('keep to three pieces, in reading order', () => {
    const reason = taskReason(
      taskRow({
        skill_fit: 0.5,
        matched_skills: [{ slug: 'python', name: 'Python' }],
        category_fit: 0.8,
        peer_applicants: 4,
        text_fit: 1,
        common_terms: ['scraper', 'price'],
        budget_fit: 1,
        in_budget_range: true,
        recency: 1,
      }),
      NOW,
    );
    expect(reason.split('; ')).toHaveLength(3);
    expect(reason).toBe('Matches your Python skill; mentions “scraper” and “price” like your profile and past work; 4 freelancers with skills like yours applied');
  });

  it('tell a budget only when it fits, and say how', () => {
    expect(taskReason(taskRow({ budget_fit: 1, in_budget_range: true, recency: 0 }), NOW)).toBe('Budget 350.00 is in your range; posted 3 days ago');
    expect(taskReason(taskRow({ budget_fit: 0.9, in_budget_range: null, median_bid: 32000, recency: 0 }), NOW)).toBe('Budget 350.00, near your usual bid of 320.00; posted 3 days ago');
    expect(taskReason(taskRow({ budget_fit: 0.2, in_budget_range: false, median_bid: null }), NOW)).toBe('Posted 3 days ago');
  });

  it('start cold from popularity and age, and are never empty', () => {
    expect(taskReason(taskRow({ cold: true, applicants: 12, recency: 0.5 }), NOW)).toBe('Popular: 12 freelancers applied; posted 3 days ago');
    expect(taskReason(taskRow({ cold: true, recency: 0, task: { ...taskRow().task, created_at: '2026-03-10T08:00:00Z' } }), NOW)).toBe('Posted today');
    expect(taskReason(taskRow({ category_fit: 0.4 }), NOW)).toBe('In Data Science & Analytics, where you often apply; posted 3 days ago');
  });
});

describe('freelancer reasons', () => {
  const base: RankedFreelancerRow = {
    freelancer: { id: 2, username: 'lina', first_name: 'Lina', last_name: 'Haddad', avatar_url: null, is_client: false, is_freelancer: true, rating_sum: 24, reviews_count: 5 },
    score: 0.8,
    skill_fit: 1,
    matched_skills: [{ slug: 'python', name: 'Python' }, { slug: 'rest-apis', name: 'REST APIs' }],
    completed_in_category: 14,
    completed: 20,
    bid_fit: null,
    median_bid: null,
    activity: 0.2,
    has_applied: false,
  };

  it('name skills, work in the category and rating', () => {
    expect(freelancerReason(base, 'Web Development')).toBe('Python and REST APIs, 14 completed Web Development tasks, rated 4.80 (5 reviews)');
    expect(freelancerReason({ ...base, completed_in_category: 0 }, 'Web Development')).toBe('Python and REST APIs, 20 completed tasks, rated 4.80 (5 reviews)');
  });

  it('tell an application, close bids and recent activity', () => {
    const reason = freelancerReason({ ...base, matched_skills: [], completed: 0, completed_in_category: 0, freelancer: { ...base.freelancer, reviews_count: 0, rating_sum: 0 }, has_applied: true, bid_fit: 0.9, activity: 0.95 }, null);
    expect(reason).toBe('Applied to this task, usually bids close to your budget, active this week');
  });
});

describe('listInWords', () => {
  it('joins like a sentence', () => {
    expect([listInWords([]), listInWords(['A']), listInWords(['A', 'B']), listInWords(['A', 'B', 'C'])]).toEqual(['', 'A', 'A and B', 'A, B and C']);
  });
});
