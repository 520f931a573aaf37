/**
 * Ranks open tasks for a freelancer in one SQL statement, shared with the benchmark's baseline.
 *
 * Candidates come from indexes, never from every open task: the newest open tasks needing each of
 * the freelancer's skills, the newest of the categories they follow or apply in, the tasks that
 * freelancers with their skills applied to, and the newest and most applied tasks overall (so the
 * list is never empty while open tasks exist). Each candidate gets a score in [0, 1]:
 *
 * - skills: the share of the task's skills the freelancer has, each weighted by how rare it is
 *   among open tasks (skill-weights.ts);
 * - text: how well the task's words match the freelancer's bio, portfolio and past applications
 *   (PostgreSQL full-text ranking, computed for the best candidates only);
 * - category: followed categories, else the share of past applications in it;
 * - budget: inside the preferred range, and close to the freelancer's usual bids;
 * - recency: halves every ten days;
 * - peers: how many freelancers sharing the freelancer's skills applied (collaborative).
 *
 * A freelancer with no skills, no history and no profile text gets the cold-start mix instead:
 * followed categories, recency and popularity. Ties are broken by the newest task.
 */
import { sqlParameters, type SqlQuery } from '../db/sql.ts';
import { TASK_SUMMARY_JSON, type TaskSummaryJson } from '../tasks/task-views.ts';
import { SKILL_WEIGHT_CTES } from './skill-weights.ts';

/** Weights of the warm score (they sum to 1). */
export const TASK_WEIGHTS = { skills: 0.3, text: 0.1, category: 0.05, budget: 0.05, recency: 0.2, peers: 0.3 };
/** Weights of the cold-start score (they sum to 1). */
export const COLD_START_WEIGHTS = { category: 0.45, recency: 0.3, popularity: 0.25 };

/** How many candidates each index gives, and how many get the (costlier) text ranking. */
const PER_SKILL = 100;
const PER_CATEGORY = 60;
const PER_SKILL_PEERS = 100;
const FALLBACK = 50;
const TEXT_RANKED = 150;
const RECENCY_HALF_LIFE_DAYS = 10;

export type TaskRankingInput = {
  userId: number;
  now: Date;
  limit: number;
  category?: number;
  /** Other weights, for the evaluation's ablations (npm run eval:recs). */
  weights?: typeof TASK_WEIGHTS;
};

export type RankedTaskRow = {
  task_id: number;
  score: number;
  cold: boolean;
  skill_fit: number;
  text_fit: number;
  category_fit: number;
  followed_category: boolean;
  budget_fit: number | null;
  in_budget_range: boolean | null;
  median_bid: number | null;
  recency: number;
  peer_applicants: number;
  applicants: number;
  matched_skills: { slug: string; name: string }[];
  common_terms: string[];
  task: TaskSummaryJson;
};

export function recommendedTasksQuery(input: TaskRankingInput): SqlQuery {
  const { values, param } = sqlParameters();
  const me = param(input.userId);
  const now = param(input.now.toISOString());
  const category = param(input.category ?? null);
  const w = input.weights ?? TASK_WEIGHTS;
  const cold = COLD_START_WEIGHTS;
  const text = `with
me as (
  select u.id, u.bio, coalesce(p.preferred_category_ids, o.category_ids, '{}'::int[]) as categories,
    coalesce(p.preferred_skill_ids, '{}'::int[]) as preferred_skills, p.min_budget_minor, p.max_budget_minor,
    coalesce(p.currency, u.currency) as currency, coalesce(p.remote_only, false) as remote_only
  from app_user u left join recommendation_preference p on p.user_id = u.id left join onboarding o on o.user_id = u.id
  where u.id = ${me}
),
my_skills as (
  select us.skill_id from user_skill us where us.user_id = ${me}
  union
  select unnest(me.preferred_skills) from me
),
${SKILL_WEIGHT_CTES},
history as (
  select t.category_id, a.bid_minor, t.title from task_application a join task t on t.id = a.task_id
  where a.freelancer_id = ${me} order by a.created_at desc limit 50
),
habits as (select count(*)::int as applications, percentile_cont(0.5) within group (order by bid_minor) as median_bid from history),
history_category as (
  select h.category_id, count(*)::float8 / (select applications from habits) as share from history h group by h.category_id
),
profile_terms as (
  select coalesce(array_agg(top.lexeme), '{}') as lexemes from (
    select v.lexeme from unnest(to_tsvector('english',
      coalesce((select bio from me), '') || ' ' ||
      coalesce((select string_agg(pi.title || ' ' || pi.description, ' ') from (
        select title, description from portfolio_item where owner_id = ${me} order by created_at desc limit 10) pi), '') || ' ' ||
      coalesce((select string_agg(h.title, ' ') from history h), ''))) v
    order by cardinality(v.positions) desc, v.lexeme limit 32) top
),
profile as (
  select pt.lexemes,
    case when cardinality(pt.lexemes) = 0 then null
      else to_tsquery('simple', array_to_string(array(select quote_literal(l) from unnest(pt.lexemes) l), ' | ')) end as query,
    (exists (select 1 from my_skills) or (select applications from habits) > 0 or cardinality(pt.lexemes) > 0) as warm
  from profile_terms pt
),
peers as (
  select a.task_id, sum(a.applicants)::int as applicants from my_skills ms cross join lateral (
    select sta.task_id, sta.applicants from skill_task_affinity sta where sta.skill_id = ms.skill_id
    order by sta.applicants desc, sta.task_id desc limit ${PER_SKILL_PEERS}) a
  group by a.task_id
),
candidate as (
  -- The newest tasks are nearly all open: those that are not are dropped with the others below.
  select hit.task_id from my_skills ms cross join lateral (
    select ts.task_id from task_skills ts where ts.skill_id = ms.skill_id order by ts.task_id desc limit ${PER_SKILL}) hit
  union
  select hit.id from (select unnest(me.categories) as id from me union select category_id from history_category) followed
  cross join lateral (
    select t.id from task t where t.category_id = followed.id and t.status = 'open' and t.deleted_at is null
    order by t.created_at desc, t.id desc limit ${PER_CATEGORY}) hit
  union
  select task_id from peers
  union
  (select t.id from task t where t.status = 'open' and t.deleted_at is null order by t.created_at desc, t.id desc limit ${FALLBACK})
  union
  (select tp.task_id from task_popularity tp order by tp.applicants desc, tp.task_id desc limit ${FALLBACK})
),
candidate_ids as materialized (select array_agg(distinct task_id) as ids from candidate),
mine as materialized (select coalesce(array_agg(skill_id), '{}') as ids from my_skills),
-- Each candidate with its skills in one grouped pass, weighted by rarity. The features below are
-- read from here, a task row by primary key each, whatever plan a prepared statement gets.
skill_fit as materialized (
  select c.task_id,
    sum(weights.idf[ts.skill_id]) filter (where ts.skill_id = any(mine.ids)) as matched_weight, sum(weights.idf[ts.skill_id]) as total_weight,
    array_agg(ts.skill_id order by weights.idf[ts.skill_id] desc, ts.skill_id) filter (where ts.skill_id = any(mine.ids)) as matched_ids
  from unnest((select ids from candidate_ids)::int[]) c(task_id)
  cross join weights cross join mine
  left join task_skills ts on ts.task_id = c.task_id
  group by c.task_id
),
feature as (
  select t.id,
    coalesce(skill.matched_weight / nullif(skill.total_weight, 0), 0) as skill_fit,
    skill.matched_ids,
    t.category_id = any(me.categories) as followed_category,
    case when t.category_id = any(me.categories) then 1.0 else coalesce(hc.share, 0) * 0.8 end as category_fit,
    case when t.currency <> me.currency or (me.min_budget_minor is null and me.max_budget_minor is null) then null
      else t.budget_minor >= coalesce(me.min_budget_minor, 0) and t.budget_minor <= coalesce(me.max_budget_minor, t.budget_minor) end as in_budget_range,
    case when t.currency <> me.currency or (me.min_budget_minor is null and me.max_budget_minor is null) then null
      when t.budget_minor < coalesce(me.min_budget_minor, 0) then t.budget_minor::float8 / me.min_budget_minor
      when t.budget_minor > coalesce(me.max_budget_minor, t.budget_minor) then me.max_budget_minor::float8 / t.budget_minor
      else 1.0 end as range_fit,
    case when habits.median_bid is null then null
      else least(t.budget_minor, habits.median_bid) / greatest(t.budget_minor, habits.median_bid, 1) end as bid_fit,
    habits.median_bid,
    power(0.5::float8, greatest(extract(epoch from (${now}::timestamptz - t.created_at))::float8, 0) / ${86_400 * RECENCY_HALF_LIFE_DAYS}) as recency,
    coalesce(pr.applicants, 0) as peer_applicants, profile.warm,
    -- Popularity counts only in the cold start: looked up only then.
    case when profile.warm then 0 else coalesce((select tp.applicants from task_popularity tp where tp.task_id = t.id), 0) end as applicants
  from skill_fit skill
  join task t on t.id = skill.task_id
  cross join me cross join habits cross join profile
  left join history_category hc on hc.category_id = t.category_id
  left join peers pr on pr.task_id = t.id
  where t.status = 'open' and t.deleted_at is null
    and t.client_id <> ${me}
    and not exists (select 1 from task_application a where a.task_id = t.id and a.freelancer_id = ${me})
    and (not me.remote_only or t.remote)
    and (${category}::int is null or t.category_id = ${category}::int)
),
prescored as (
  select f.*,
    case when f.warm then
      ${w.skills} * f.skill_fit + ${w.category} * f.category_fit + ${w.recency} * f.recency + ${w.peers} * (1 - exp(-f.peer_applicants / 3.0::float8))
      + ${w.budget} * coalesce((f.range_fit + f.bid_fit) / 2, f.range_fit, f.bid_fit, 0.5)
    else ${cold.category} * f.category_fit + ${cold.recency} * f.recency + ${cold.popularity} * (1 - exp(-f.applicants / 5.0::float8)) end as partial
  from feature f
  order by partial desc, f.id desc
  limit ${TEXT_RANKED}
),
-- The search vectors are read (and decompressed) for these few only.
scored as (
  select p.*, t.search_vector,
    case when profile.query is null then 0 else least(1, 3 * ts_rank(t.search_vector, profile.query, 32)) end as text_fit
  from prescored p join task t on t.id = p.id cross join profile
),
best as (
  select s.*, case when s.warm then s.partial + ${w.text} * s.text_fit else s.partial end as score
  from scored s order by score desc, s.id desc limit ${param(input.limit)}
)
select b.id as task_id, least(1, b.score)::float8 as score, not b.warm as cold, b.skill_fit::float8, b.text_fit::float8,
  b.category_fit::float8, b.followed_category, coalesce((b.range_fit + b.bid_fit) / 2, b.range_fit, b.bid_fit)::float8 as budget_fit,
  b.in_budget_range, b.median_bid::float8, b.recency::float8, b.peer_applicants, b.applicants,
  coalesce((select json_agg(json_build_object('slug', s.slug, 'name', s.name) order by m.n) from unnest(b.matched_ids) with ordinality m(id, n)
    join skill s on s.id = m.id), '[]'::json) as matched_skills,
  array(select v.lexeme from unnest(b.search_vector) v, profile where v.lexeme = any(profile.lexemes) order by cardinality(v.positions) desc, v.lexeme limit 3) as common_terms,
  ${TASK_SUMMARY_JSON('t', 'c', 'u')} as task
from best b join task t on t.id = b.id join category c on c.id = t.category_id join app_user u on u.id = t.client_id
cross join profile
order by b.score desc, b.id desc`;
  return { text, values };
}
