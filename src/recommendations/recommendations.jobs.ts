/**
 * Rebuilds the figures ranking reads instead of scanning every task: open tasks per (category,
 * skill) — a skill's rarity and a category's most requested skills —, how many freelancers with
 * each skill applied to each open task (the collaborative signal), and applicants per open task
 * (popularity). Every five minutes, and once at start; each rebuild is one transaction, so
 * readers see the previous figures until it commits.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { querySql } from '../db/sql.ts';
import type { JobQueue } from '../jobs/queue.ts';

export const REFRESH_RECOMMENDATIONS = 'recommendations.refresh';

const OPEN_TASK = `t.status = 'open' and t.deleted_at is null`;
const LIVE_APPLICATION = `a.status in ('pending', 'accepted')`;

export async function refreshRecommendationFigures(orm: MikroORM): Promise<void> {
  await orm.em.fork().transactional(async (tx) => {
    const run = (text: string) => querySql(tx, { text, values: [] });
    // Two instances refreshing at once would insert the same keys: the second waits for the first.
    await run(`select pg_advisory_xact_lock(hashtext('${REFRESH_RECOMMENDATIONS}'))`);
    await run(`delete from skill_demand`);
    await run(`insert into skill_demand (category_id, skill_id, open_tasks)
      select t.category_id, ts.skill_id, count(*) from task t join task_skills ts on ts.task_id = t.id where ${OPEN_TASK} group by 1, 2`);
    await run(`delete from skill_task_affinity`);
    await run(`insert into skill_task_affinity (skill_id, task_id, applicants)
      select us.skill_id, a.task_id, count(*) from task_application a join task t on t.id = a.task_id join user_skill us on us.user_id = a.freelancer_id
      where ${OPEN_TASK} and ${LIVE_APPLICATION} group by 1, 2`);
    await run(`delete from task_popularity`);
    await run(`insert into task_popularity (task_id, applicants)
      select a.task_id, count(*) from task_application a join task t on t.id = a.task_id where ${OPEN_TASK} and ${LIVE_APPLICATION} group by 1`);
  });
}

export async function startRecommendationsJobs(deps: { queue: JobQueue; orm: MikroORM }): Promise<void> {
  await deps.queue.schedule(REFRESH_RECOMMENDATIONS, '*/5 * * * *', () => refreshRecommendationFigures(deps.orm));
  await deps.queue.send(REFRESH_RECOMMENDATIONS, {});
}
