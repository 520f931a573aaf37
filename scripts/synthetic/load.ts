/**
 * Loads a synthetic marketplace into the service's tables, in bulk (arrays unnested by PostgreSQL,
 * a few statements per table), after whatever the database already holds. Only what the API would
 * know goes in: accounts, declared skills, bios, preferences, tasks and the applications given;
 * the hidden topics stay out. Tasks are open (unless `closedBefore` says otherwise); applications
 * pending.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { querySql } from '../../src/db/sql.ts';
import type { SyntheticApplication, SyntheticMarketplace } from './marketplace.ts';

const CHUNK = 20_000;

export type LoadedIds = { clientId: (key: number) => number; freelancerId: (key: number) => number; taskId: (key: number) => number };

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

async function nextId(em: EntityManager, table: string): Promise<number> {
  const [row] = await querySql<{ next: number }>(em, { text: `select coalesce(max(id), 0)::int + 1000 as next from ${table}`, values: [] });
  return row!.next;
}

export type LoadOptions = {
  /** The applications to load (default: all). */
  applications?: SyntheticApplication[];
  /** Tasks posted before this are loaded cancelled: a marketplace's old tasks are no longer open. */
  closedBefore?: Date;
};

export async function loadMarketplace(em: EntityManager, market: SyntheticMarketplace, options: LoadOptions = {}): Promise<LoadedIds> {
  const applications = options.applications ?? market.applications;
  const closedBefore = options.closedBefore?.toISOString() ?? null;
  const firstUser = await nextId(em, 'app_user');
  const firstTask = await nextId(em, 'task');
  const ids: LoadedIds = {
    clientId: (key) => firstUser + key,
    freelancerId: (key) => firstUser + market.clients.length + key,
    taskId: (key) => firstTask + key,
  };
  const joined = new Date(market.tasks[0]?.createdAt ?? Date.now()).toISOString();

  const users = [
    ...market.clients.map((client) => ({ id: ids.clientId(client.key), username: client.username, first: client.firstName, last: client.lastName, bio: '', rate: null as number | null, client: true, freelancer: false })),
    ...market.freelancers.map((freelancer) => ({ id: ids.freelancerId(freelancer.key), username: freelancer.username, first: freelancer.firstName, last: freelancer.lastName, bio: freelancer.bio, rate: freelancer.hourlyRateMinor, client: false, freelancer: true })),
  ];
  await inChunks(users, (chunk) =>
    querySql(em, {
      text: `insert into app_user (id, created_at, updated_at, username, email, first_name, last_name, bio, hourly_rate_minor, is_client, is_freelancer)
        select id, $1, $1, username, username || '@synthetic.example', first, last, bio, rate, client, freelancer
        from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bool[], $9::bool[]) as u(id, username, first, last, bio, rate, client, freelancer)`,
      values: [joined, chunk.map((u) => u.id), chunk.map((u) => u.username), chunk.map((u) => u.first), chunk.map((u) => u.last), chunk.map((u) => u.bio), chunk.map((u) => u.rate), chunk.map((u) => u.client), chunk.map((u) => u.freelancer)],
    }),
  );
  const skills = market.freelancers.flatMap((freelancer) => freelancer.skills.map((skill) => ({ user: ids.freelancerId(freelancer.key), ...skill })));
  await inChunks(skills, (chunk) =>
    querySql(em, {
      text: `insert into user_skill (user_id, skill_id, level, years_experience) select * from unnest($1::int[], $2::int[], $3::text[], $4::int[])`,
      values: [chunk.map((s) => s.user), chunk.map((s) => s.skillId), chunk.map((s) => s.level), chunk.map((s) => s.yearsExperience)],
    }),
  );
  const preferring = market.freelancers.filter((freelancer) => freelancer.preferredCategoryIds.length > 0);
  await inChunks(preferring, (chunk) =>
    querySql(em, {
      text: `insert into recommendation_preference (user_id, preferred_category_ids, preferred_skill_ids, created_at)
        select user_id, string_to_array(categories, ',')::int[], '{}', $3 from unnest($1::int[], $2::text[]) as p(user_id, categories)`,
      values: [chunk.map((f) => ids.freelancerId(f.key)), chunk.map((f) => f.preferredCategoryIds.join(',')), joined],
    }),
  );

  await inChunks(market.tasks, (chunk) =>
    querySql(em, {
      text: `insert into task (id, created_at, updated_at, client_id, title, description, category_id, budget_minor, currency, remote, status, cancelled_at)
        select id, created, created, client, title, description, category, budget, 'usd', remote,
          case when created < $9::timestamptz then 'cancelled' else 'open' end, case when created < $9::timestamptz then $9::timestamptz end
        from unnest($1::int[], $2::timestamptz[], $3::int[], $4::text[], $5::text[], $6::int[], $7::bigint[], $8::bool[]) as t(id, created, client, title, description, category, budget, remote)`,
      values: [chunk.map((t) => ids.taskId(t.key)), chunk.map((t) => t.createdAt.toISOString()), chunk.map((t) => ids.clientId(t.clientKey)), chunk.map((t) => t.title), chunk.map((t) => t.description), chunk.map((t) => t.categoryId), chunk.map((t) => t.budgetMinor), chunk.map((t) => t.remote), closedBefore],
    }),
  );
  const taskSkills = market.tasks.flatMap((task) => task.skillIds.map((skill) => ({ task: ids.taskId(task.key), skill })));
  await inChunks(taskSkills, (chunk) =>
    querySql(em, { text: `insert into task_skills (task_id, skill_id) select * from unnest($1::int[], $2::int[])`, values: [chunk.map((s) => s.task), chunk.map((s) => s.skill)] }),
  );
  await inChunks(applications, (chunk) =>
    querySql(em, {
      text: `insert into task_application (created_at, updated_at, task_id, freelancer_id, proposal, bid_minor, currency)
        select created, created, task, freelancer, proposal, bid, 'usd' from unnest($1::timestamptz[], $2::int[], $3::int[], $4::text[], $5::bigint[]) as a(created, task, freelancer, proposal, bid)`,
      values: [chunk.map((a) => a.createdAt.toISOString()), chunk.map((a) => ids.taskId(a.taskKey)), chunk.map((a) => ids.freelancerId(a.freelancerKey)), chunk.map((a) => a.proposal), chunk.map((a) => a.bidMinor)],
    }),
  );
  await querySql(em, { text: `select setval('app_user_id_seq', (select max(id) from app_user)), setval('task_id_seq', (select max(id) from task))`, values: [] });
  await querySql(em, { text: 'analyze', values: [] });
  return ids;
}
