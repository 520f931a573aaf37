/**
 * The three ranked lists: tasks for a freelancer, freelancers for a client, and freelancers for
 * one of a client's tasks. The rankings are SQL (task-ranking.ts, freelancer-ranking.ts); this
 * checks who may ask, picks the targets, and words the reasons.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../auth/auth.entities.ts';
import type * as S from '../contract/schemas.ts';
import { queryPrepared, querySql } from '../db/sql.ts';
import { problems } from '../lib/problem.ts';
import { recommendedFreelancersQuery, type FreelancerRankingInput, type RankedFreelancerRow } from './freelancer-ranking.ts';
import { recommendedFreelancerFromRow, recommendedTaskFromRow } from './recommendation-views.ts';
import { recommendedTasksQuery, type RankedTaskRow } from './task-ranking.ts';

/** How many of a client's latest tasks say which skills they hire for. */
const RECENT_TASKS = 5;

export function createRecommendationsService(now: () => Date) {
  async function rankFreelancers(em: EntityManager, input: Omit<FreelancerRankingInput, 'now'>, categoryName: string | null): Promise<S.RecommendedFreelancerList> {
    const rows = await queryPrepared<RankedFreelancerRow>(em, recommendedFreelancersQuery({ ...input, now: now() }));
    return { results: rows.map((row) => recommendedFreelancerFromRow(row, categoryName)) };
  }

  async function categoryName(em: EntityManager, id: number | null): Promise<string | null> {
    if (id == null) return null;
    const [row] = await querySql<{ name: string }>(em, { text: 'select name from category where id = $1', values: [id] });
    return row?.name ?? null;
  }

  return {
    async tasksFor(em: EntityManager, user: User, query: { limit: number; category?: number }): Promise<S.RecommendedTaskList> {
      if (!user.isFreelancer) throw problems.forbidden('Task recommendations are for freelancers: add the freelancer role to your profile.');
      const at = now();
      const rows = await queryPrepared<RankedTaskRow>(em, recommendedTasksQuery({ userId: user.id, now: at, limit: query.limit, category: query.category }));
      return { results: rows.map((row) => recommendedTaskFromRow(row, at)) };
    },

    async freelancersFor(em: EntityManager, user: User, query: { limit: number; category?: number; skills?: string }): Promise<S.RecommendedFreelancerList> {
      if (!user.isClient) throw problems.forbidden('Freelancer recommendations are for clients: add the client role to your profile.');
      let skillIds: number[];
      if (query.skills) {
        const slugs = [...new Set(query.skills.split(','))];
        const found = await querySql<{ id: number; slug: string }>(em, { text: 'select id, slug from skill where slug = any($1::text[])', values: [slugs] });
        const unknown = slugs.filter((slug) => !found.some((skill) => skill.slug === slug));
        if (unknown.length > 0) throw problems.field('skills', `There is no skill ${unknown.map((slug) => `"${slug}"`).join(', ')}.`);
        skillIds = found.map((skill) => skill.id);
      } else {
        const rows = await querySql<{ skill_id: number }>(em, {
          text: `select distinct ts.skill_id from (select id from task where client_id = $1 and deleted_at is null order by created_at desc limit ${RECENT_TASKS}) recent
            join task_skills ts on ts.task_id = recent.id`,
          values: [user.id],
        });
        skillIds = rows.map((row) => row.skill_id);
      }
      if (query.category && !(await categoryName(em, query.category))) throw problems.field('category', `There is no category ${query.category}.`);
      return rankFreelancers(
        em,
        { skillIds, categoryId: query.category ?? null, requireCategory: query.category != null, budgetMinor: null, taskId: null, callerId: user.id, limit: query.limit },
        await categoryName(em, query.category ?? null),
      );
    },

    async freelancersForTask(em: EntityManager, user: User, taskId: number, query: { limit: number }): Promise<S.RecommendedFreelancerList> {
      const [task] = await querySql<{ client_id: number; status: string; category_id: number; category_name: string; budget_minor: string; skill_ids: number[] }>(em, {
        text: `select t.client_id, t.status, t.category_id, c.name as category_name, t.budget_minor::text as budget_minor,
            array(select ts.skill_id from task_skills ts where ts.task_id = t.id) as skill_ids
          from task t join category c on c.id = t.category_id where t.id = $1 and t.deleted_at is null`,
        values: [taskId],
      });
      if (!task) throw problems.notFound(`There is no task ${taskId}.`);
      if (task.client_id !== user.id) throw problems.forbidden("Only the task's client can see freelancers recommended for it.");
      if (task.status !== 'open') throw problems.invalidState(`The task is ${task.status.replace('_', ' ')}: freelancers are recommended for open tasks only.`);
      return rankFreelancers(
        em,
        { skillIds: task.skill_ids, categoryId: task.category_id, requireCategory: false, budgetMinor: Number(task.budget_minor), taskId, callerId: user.id, limit: query.limit },
        task.category_name,
      );
    },
  };
}

export type RecommendationsService = ReturnType<typeof createRecommendationsService>;
