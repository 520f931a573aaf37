/**
 * Ranks freelancers for a client, for one task or for the skills the client asks for, in one SQL
 * statement. Candidates: freelancers holding a target skill (by index), the task's applicants,
 * freelancers experienced in the category, and the best rated (so a client without skills in mind
 * still sees someone). A first pass scores skill overlap and rating for every candidate; the best
 * get the costlier figures:
 *
 * - skills: the share of the target skills they hold, each weighted by rarity (skill-weights.ts);
 * - rating: the average pulled towards 3.5 while reviews are few (three imaginary ones);
 * - category: tasks they completed in the category;
 * - bids: how their usual bid compares with the budget;
 * - activity: their last application, halving every thirty days.
 */
import { sqlParameters, type SqlQuery } from '../db/sql.ts';
import { USER_JSON, type UserJson } from '../tasks/task-views.ts';
import { SKILL_WEIGHT_CTES } from './skill-weights.ts';

export const FREELANCER_WEIGHTS = { skills: 0.45, rating: 0.2, category: 0.15, bids: 0.1, activity: 0.1 };

const PER_SKILL = 2000;
const BEST_RATED = 50;
const CATEGORY_EXPERTS = 200;
const FULLY_SCORED = 200;
const ACTIVITY_HALF_LIFE_DAYS = 30;

export type FreelancerRankingInput = {
  skillIds: number[];
  categoryId: number | null;
  /** Only freelancers with a skill of the category or a task completed in it. */
  requireCategory: boolean;
  budgetMinor: number | null;
  taskId: number | null;
  callerId: number;
  limit: number;
  now: Date;
};

export type RankedFreelancerRow = {
  freelancer: UserJson;
  score: number;
  skill_fit: number;
  matched_skills: { slug: string; name: string }[];
  completed_in_category: number;
  completed: number;
  bid_fit: number | null;
  median_bid: number | null;
  activity: number;
  has_applied: boolean;
};

export function recommendedFreelancersQuery(input: FreelancerRankingInput): SqlQuery {
  const { values, param } = sqlParameters();
  const skills = param(input.skillIds);
  const category = param(input.categoryId);
  const task = param(input.taskId);
  const budget = param(input.budgetMinor);
  const now = param(input.now.toISOString());
  const w = FREELANCER_WEIGHTS;
  const text = `with
target as (select distinct unnest(${skills}::int[]) as skill_id),
${SKILL_WEIGHT_CTES},
target_weight as (select coalesce(sum(wt.idf), 0) as total from target tg join weight wt on wt.skill_id = tg.skill_id),
candidate as (
  select hit.user_id from target tg cross join lateral (
    select us.user_id from user_skill us where us.skill_id = tg.skill_id limit ${PER_SKILL}) hit
  union
  select a.freelancer_id from task_application a where a.task_id = ${task}::int
  union
  (select u.id from app_user u where u.is_freelancer and u.deleted_at is null and u.reviews_count > 0
    order by u.rating_sum::float8 / u.reviews_count desc, u.reviews_count desc, u.id limit ${BEST_RATED})
  union
  (select us.user_id from user_skill us join skill s on s.id = us.skill_id where s.category_id = ${category}::int limit ${CATEGORY_EXPERTS})
  union
  (select t.freelancer_id from task t where t.category_id = ${category}::int and t.status = 'completed' and t.freelancer_id is not null
    order by t.completed_at desc limit ${CATEGORY_EXPERTS})
),
prescored as (
  select u.id, u.rating_sum, u.reviews_count,
    coalesce(skill.matched / nullif((select total from target_weight), 0), 0) as skill_fit, skill.matched_ids,
    ((u.rating_sum + 3 * 3.5) / (u.reviews_count + 3) - 1) / 4 as rating_fit
  from candidate c
  join app_user u on u.id = c.user_id and u.is_freelancer and u.deleted_at is null and u.id <> ${param(input.callerId)}
  cross join lateral (
    select sum(wt.idf) as matched, array_agg(us.skill_id order by wt.idf desc, us.skill_id) as matched_ids
    from user_skill us join weight wt on wt.skill_id = us.skill_id
    where us.user_id = u.id and us.skill_id in (select skill_id from target)) skill
  where not ${param(input.requireCategory)} or exists (
    select 1 from user_skill us join skill s on s.id = us.skill_id where us.user_id = u.id and s.category_id = ${category}::int)
    or exists (select 1 from task t where t.freelancer_id = u.id and t.category_id = ${category}::int and t.status = 'completed')
  order by ${w.skills} * coalesce(skill.matched / nullif((select total from target_weight), 0), 0) + ${w.rating} * ((u.rating_sum + 3 * 3.5) / (u.reviews_count + 3) - 1) / 4 desc, u.id
  limit ${FULLY_SCORED}
),
feature as (
  select p.*, work.completed, work.completed_in_category, bids.median_bid, activity.last_applied_at,
    case when ${budget}::bigint is null or bids.median_bid is null then null
      else least(${budget}::bigint, bids.median_bid) / greatest(${budget}::bigint, bids.median_bid, 1) end as bid_fit,
    coalesce(power(0.5::float8, greatest(extract(epoch from (${now}::timestamptz - activity.last_applied_at))::float8, 0) / ${86_400 * ACTIVITY_HALF_LIFE_DAYS}), 0) as activity
  from prescored p
  cross join lateral (
    select count(*)::int as completed, (count(*) filter (where t.category_id = ${category}::int))::int as completed_in_category
    from task t where t.freelancer_id = p.id and t.status = 'completed' and t.deleted_at is null) work
  cross join lateral (
    select percentile_cont(0.5) within group (order by recent.bid_minor) as median_bid from (
      select a.bid_minor from task_application a where a.freelancer_id = p.id order by a.created_at desc limit 20) recent) bids
  cross join lateral (select max(a.created_at) as last_applied_at from task_application a where a.freelancer_id = p.id) activity
),
scored as (
  select f.*, ${w.skills} * f.skill_fit + ${w.rating} * f.rating_fit + ${w.category} * (1 - exp(-f.completed_in_category / 3.0::float8))
    + ${w.bids} * coalesce(f.bid_fit, 0.5) + ${w.activity} * f.activity as score
  from feature f
)
select ${USER_JSON('u')} as freelancer, least(1, greatest(0, s.score))::float8 as score, s.skill_fit::float8,
  -- Without target skills, the evidence is their skills in the category.
  coalesce((select json_agg(json_build_object('slug', sk.slug, 'name', sk.name) order by m.n) from unnest(s.matched_ids) with ordinality m(id, n)
    join skill sk on sk.id = m.id),
    (select json_agg(json_build_object('slug', sk.slug, 'name', sk.name) order by sk.name) from user_skill us join skill sk on sk.id = us.skill_id
      where us.user_id = s.id and sk.category_id = ${category}::int), '[]'::json) as matched_skills,
  s.completed_in_category, s.completed, s.bid_fit::float8, s.median_bid::float8, s.activity::float8,
  exists (select 1 from task_application a where a.task_id = ${task}::int and a.freelancer_id = s.id) as has_applied
from scored s join app_user u on u.id = s.id
order by s.score desc, s.id
limit ${param(input.limit)}`;
  return { text, values };
}
