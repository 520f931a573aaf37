/**
 * Reading tasks for the API: one SQL statement builds each page (or one task) with its category,
 * client, freelancer, skills and application count, so a page costs one round trip. The
 * benchmark's bare baseline runs these same statements.
 */
import type * as S from '../contract/schemas.ts';
import { averageRating } from '../auth/auth.serializers.ts';
import { fromMinor } from '../lib/money.ts';
import { sqlParameters, type SqlQuery } from '../db/sql.ts';
import { CATEGORY_JSON, SKILL_JSON } from '../catalog/catalog-views.ts';
import type { TaskStatus } from './tasks.entities.ts';

export type TaskFilters = {
  search?: string;
  category?: number;
  status?: TaskStatus;
  currency?: string;
  min_budget?: string;
  max_budget?: string;
  skills?: string;
  remote?: boolean;
  client?: string;
  clientId?: number;
  ordering?: '-created_at' | 'created_at' | '-budget' | 'budget' | 'deadline' | '-deadline';
};

export const USER_JSON = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'username', ${alias}.username, 'first_name', ${alias}.first_name, 'last_name', ${alias}.last_name, ` +
  `'avatar_url', ${alias}.avatar_url, 'is_client', ${alias}.is_client, 'is_freelancer', ${alias}.is_freelancer, ` +
  `'rating_sum', ${alias}.rating_sum, 'reviews_count', ${alias}.reviews_count)`;

/** A task's summary (the contract's TaskSummary) as JSON, from the aliases of the task, its category and its client. */
export const TASK_SUMMARY_JSON = (task: string, category: string, client: string) =>
  `json_build_object('id', ${task}.id, 'title', ${task}.title, 'status', ${task}.status, 'budget_minor', ${task}.budget_minor::text, ` +
  `'currency', ${task}.currency, 'deadline', ${task}.deadline, 'created_at', ${task}.created_at, ` +
  `'category', ${CATEGORY_JSON(category)}, 'client', ${USER_JSON(client)})`;

const SELECT = `
select t.id, t.title, t.description, t.status, t.budget_minor::text as budget_minor, t.currency, t.deadline, t.remote,
  t.location, t.accepted_application_id, t.created_at, t.updated_at, t.completed_at, t.cancelled_at,
  ${CATEGORY_JSON('c')} as category,
  ${USER_JSON('u')} as client,
  case when f.id is null then null else ${USER_JSON('f')} end as freelancer,
  coalesce((select json_agg(${SKILL_JSON('s')} order by s.id)
            from task_skills ts join skill s on s.id = ts.skill_id where ts.task_id = t.id), '[]'::json) as skills,
  (select count(*)::int from task_application a where a.task_id = t.id) as applications_count`;

const FROM = `
from task t
join category c on c.id = t.category_id
join app_user u on u.id = t.client_id
left join app_user f on f.id = t.freelancer_id`;

const ORDERINGS: Record<NonNullable<TaskFilters['ordering']>, string> = {
  '-created_at': 't.created_at desc, t.id desc',
  created_at: 't.created_at asc, t.id asc',
  '-budget': 't.budget_minor desc, t.id desc',
  budget: 't.budget_minor asc, t.id asc',
  deadline: 't.deadline asc nulls last, t.id asc',
  '-deadline': 't.deadline desc nulls last, t.id desc',
};

function moneyToMinor(amount: string): string {
  const [units, cents] = amount.split('.');
  return `${units}${cents}`;
}

/** The WHERE clause and ORDER BY of a task search, with its parameters. */
function taskSearch(filters: TaskFilters) {
  const { values, param } = sqlParameters();
  const where = ['t.deleted_at is null'];
  if (filters.status) where.push(`t.status = ${param(filters.status)}`);
  if (filters.category) where.push(`t.category_id = ${param(filters.category)}`);
  if (filters.currency) where.push(`t.currency = ${param(filters.currency)}`);
  if (filters.min_budget) where.push(`t.budget_minor >= ${param(moneyToMinor(filters.min_budget))}::bigint`);
  if (filters.max_budget) where.push(`t.budget_minor <= ${param(moneyToMinor(filters.max_budget))}::bigint`);
  if (filters.remote !== undefined) where.push(`t.remote = ${param(filters.remote)}`);
  if (filters.client) where.push(`t.client_id = (select id from app_user where lower(username) = lower(${param(filters.client)}))`);
  if (filters.clientId) where.push(`t.client_id = ${param(filters.clientId)}`);
  if (filters.skills) {
    const slugs = [...new Set(filters.skills.split(','))];
    where.push(
      `(select count(*) from task_skills ts join skill s on s.id = ts.skill_id where ts.task_id = t.id and s.slug = any(${param(slugs)}::text[])) = ${slugs.length}`,
    );
  }
  let orderBy = ORDERINGS[filters.ordering ?? '-created_at'];
  // The search query is parsed once (a FROM item), which also lets the planner use the GIN index.
  let from = 'task t';
  if (filters.search) {
    from = `task t, websearch_to_tsquery('english', ${param(filters.search)}) as search_query`;
    where.push('t.search_vector @@ search_query');
    // Best matches first unless an ordering is asked for.
    if (!filters.ordering) orderBy = 'ts_rank(t.search_vector, search_query) desc, t.id desc';
  }
  return { from, where: where.join(' and '), orderBy, values, param };
}

/** How many tasks match `filters`. */
export function taskCountQuery(filters: TaskFilters): SqlQuery {
  const { from, where, values } = taskSearch(filters);
  return { text: `select count(*)::int as count from ${from} where ${where}`, values };
}

/**
 * One page of the tasks matching `filters`. The page's ids are found first (an index walk for
 * the usual orderings), so the per-task details are built for the page's rows only.
 */
export function taskListQuery(filters: TaskFilters, page: { limit: number; offset: number }): SqlQuery {
  const { from, where, orderBy, values, param } = taskSearch(filters);
  const text = `with page as (
  select t.id, row_number() over (order by ${orderBy}) as position
  from ${from} where ${where}
  order by ${orderBy}
  limit ${param(page.limit)} offset ${param(page.offset)}
)
${SELECT} ${FROM}
join page on page.id = t.id
order by page.position`;
  return { text, values };
}

export function taskByIdQuery(id: number): SqlQuery {
  return { text: `${SELECT} ${FROM} where t.id = $1 and t.deleted_at is null`, values: [id] };
}

export type UserJson = { id: number; username: string; first_name: string; last_name: string; avatar_url: string | null; is_client: boolean; is_freelancer: boolean; rating_sum: number; reviews_count: number };

export type TaskRow = {
  id: number;
  title: string;
  description: string;
  status: TaskStatus;
  budget_minor: string;
  currency: S.Currency;
  deadline: Date | string | null;
  remote: boolean;
  location: string | null;
  accepted_application_id: number | null;
  created_at: Date | string;
  updated_at: Date | string;
  completed_at: Date | string | null;
  cancelled_at: Date | string | null;
  category: S.Category;
  client: UserJson;
  freelancer: UserJson | null;
  skills: S.Skill[];
  applications_count: number;
};

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value == null ? null : iso(value));

export function userSummaryFromJson(user: UserJson): S.UserSummary {
  const name = `${user.first_name} ${user.last_name}`.trim();
  return {
    id: user.id,
    username: user.username,
    display_name: name || user.username,
    avatar_url: user.avatar_url,
    is_client: user.is_client,
    is_freelancer: user.is_freelancer,
    rating: averageRating({ ratingSum: user.rating_sum, reviewsCount: user.reviews_count }),
    reviews_count: user.reviews_count,
  };
}

export type TaskSummaryJson = {
  id: number;
  title: string;
  status: TaskStatus;
  budget_minor: string;
  currency: S.Currency;
  deadline: Date | string | null;
  created_at: Date | string;
  category: S.Category;
  client: UserJson;
};

export function taskSummaryFromJson(task: TaskSummaryJson): S.TaskSummary {
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    budget: fromMinor(Number(task.budget_minor)),
    currency: task.currency,
    category: task.category,
    client: userSummaryFromJson(task.client),
    deadline: isoOrNull(task.deadline),
    created_at: iso(task.created_at),
  };
}

export function taskFromRow(row: TaskRow): S.Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    category: row.category,
    budget: fromMinor(Number(row.budget_minor)),
    currency: row.currency,
    deadline: isoOrNull(row.deadline),
    skills: row.skills,
    remote: row.remote,
    location: row.location,
    client: userSummaryFromJson(row.client),
    freelancer: row.freelancer ? userSummaryFromJson(row.freelancer) : null,
    applications_count: row.applications_count,
    accepted_application_id: row.accepted_application_id,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    completed_at: isoOrNull(row.completed_at),
    cancelled_at: isoOrNull(row.cancelled_at),
  };
}
