/**
 * Rebuilds the figures ranking reads instead of scanning every task: open tasks per (category,
 * skill) — a skill's rarity and a category's most requested skills —, for each skill the open
 * tasks most applied to by freelancers with it (the collaborative signal), and applicants per open
 * task (popularity). Every five minutes; before the first run rankings still answer (every skill
 * weighs the same, no peers), and the demo seed runs it at once.
 *
 * Each figure is counted by a read outside any transaction, then written in short transactions (a
 * skill at a time, or a slice of tasks): a long writing transaction would hold back every live
 * event (see notifications/live-hub.ts) and keep rows locked. Readers may meanwhile see some skills
 * already recounted and others not, which a ranking tolerates.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { querySql } from '../db/sql.ts';
import type { JobQueue } from '../jobs/queue.ts';

export const REFRESH_RECOMMENDATIONS = 'recommendations.refresh';

const OPEN_TASK = `t.status = 'open' and t.deleted_at is null`;
const LIVE_APPLICATION = `a.status in ('pending', 'accepted')`;
const POPULARITY_SLICE = 5000;
/** Ranking reads the most applied tasks of each skill (task-ranking.ts takes 100): more are not kept. */
const AFFINITY_PER_SKILL = 200;

/** Runs `write` in a transaction that two refreshing instances take in turn. */
async function exclusiveWrite(em: EntityManager, write: (tx: EntityManager) => Promise<void>): Promise<void> {
  await em.transactional(async (tx) => {
    await querySql(tx, { text: `select pg_advisory_xact_lock(hashtext('${REFRESH_RECOMMENDATIONS}'))`, values: [] });
    await write(tx);
  });
}

async function refreshSkillDemand(em: EntityManager): Promise<void> {
  const rows = await querySql<{ category_id: number; skill_id: number; open_tasks: number }>(em, {
    text: `select t.category_id, ts.skill_id, count(*)::int as open_tasks from task t join task_skills ts on ts.task_id = t.id where ${OPEN_TASK} group by 1, 2`,
    values: [],
  });
  await exclusiveWrite(em, async (tx) => {
    await querySql(tx, { text: 'delete from skill_demand', values: [] });
    await querySql(tx, {
      text: 'insert into skill_demand (category_id, skill_id, open_tasks) select * from unnest($1::int[], $2::int[], $3::int[])',
      values: [rows.map((row) => row.category_id), rows.map((row) => row.skill_id), rows.map((row) => row.open_tasks)],
    });
  });
}

async function refreshSkillTaskAffinity(em: EntityManager): Promise<void> {
  const skills = await querySql<{ id: number }>(em, { text: 'select id from skill order by id', values: [] });
  for (const { id } of skills) {
    const rows = await querySql<{ task_id: number; applicants: number }>(em, {
      text: `select a.task_id, count(*)::int as applicants
        from user_skill us join task_application a on a.freelancer_id = us.user_id join task t on t.id = a.task_id
        where us.skill_id = $1 and ${OPEN_TASK} and ${LIVE_APPLICATION} group by a.task_id
        order by applicants desc, a.task_id desc limit ${AFFINITY_PER_SKILL}`,
      values: [id],
    });
    await exclusiveWrite(em, async (tx) => {
      await querySql(tx, { text: 'delete from skill_task_affinity where skill_id = $1', values: [id] });
      await querySql(tx, {
        text: 'insert into skill_task_affinity (skill_id, task_id, applicants) select $1, * from unnest($2::int[], $3::int[])',
        values: [id, rows.map((row) => row.task_id), rows.map((row) => row.applicants)],
      });
    });
  }
}

async function refreshTaskPopularity(em: EntityManager): Promise<void> {
  const rows = await querySql<{ task_id: number; applicants: number }>(em, {
    text: `select a.task_id, count(*)::int as applicants from task_application a join task t on t.id = a.task_id
      where ${OPEN_TASK} and ${LIVE_APPLICATION} group by 1 order by 1`,
    values: [],
  });
  // Slices of task ids, each replaced whole: together they cover every id, so no stale row stays.
  let from = 0;
  for (let start = 0; start === 0 || start < rows.length; start += POPULARITY_SLICE) {
    const slice = rows.slice(start, start + POPULARITY_SLICE);
    const last = start + POPULARITY_SLICE >= rows.length;
    const to = last ? 2147483647 : slice.at(-1)!.task_id;
    await exclusiveWrite(em, async (tx) => {
      await querySql(tx, { text: 'delete from task_popularity where task_id between $1 and $2', values: [from, to] });
      await querySql(tx, {
        text: 'insert into task_popularity (task_id, applicants) select * from unnest($1::int[], $2::int[])',
        values: [slice.map((row) => row.task_id), slice.map((row) => row.applicants)],
      });
    });
    from = to + 1;
  }
}

export async function refreshRecommendationFigures(orm: MikroORM): Promise<void> {
  const em = orm.em.fork();
  await refreshSkillDemand(em);
  await refreshSkillTaskAffinity(em);
  await refreshTaskPopularity(em);
}

export async function startRecommendationsJobs(deps: { queue: JobQueue; orm: MikroORM }): Promise<void> {
  await deps.queue.schedule(REFRESH_RECOMMENDATIONS, '*/5 * * * *', () => refreshRecommendationFigures(deps.orm));
}
