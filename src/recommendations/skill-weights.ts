/**
 * How much a matched skill says: the rarer among open tasks, the more (an inverse document
 * frequency over the demand the refresh job counts). As SQL common table expressions shared by
 * both rankings: `weight (skill_id, idf)`, and `weights (idf)`, the same as one array indexed by
 * skill id, so that a ranking reads a task's weights without a join per task. Every skill has a
 * weight, even before the first refresh.
 */
export const SKILL_WEIGHT_CTES = `demand as (select d.skill_id, sum(d.open_tasks) as open_tasks from skill_demand d group by d.skill_id),
weight as materialized (
  select s.id as skill_id, ln(2 + (select greatest(coalesce(sum(open_tasks), 0), 1) from demand)::float8 / (1 + coalesce(d.open_tasks, 0))) as idf
  from skill s left join demand d on d.skill_id = s.id
),
weights as materialized (
  select array(select coalesce(wt.idf, 0) from generate_series(1, (select max(skill_id) from weight)) g(id) left join weight wt on wt.skill_id = g.id order by g.id) as idf
)`;
