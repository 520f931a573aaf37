/**
 * Reading public profiles for the API: one SQL statement builds each page (or one profile) with
 * its skills and completed-task count, mapped straight to the contract's shape, so a page costs
 * one round trip and no entity is hydrated. The benchmark's bare baseline runs the same ones.
 */
import type * as S from '../contract/schemas.ts';
import { SKILL_JSON } from '../catalog/catalog-views.ts';
import { sqlParameters, type SqlQuery } from '../db/sql.ts';
import { fromMinor } from '../lib/money.ts';
import { averageRating } from './auth.serializers.ts';

export type UserFilters = {
  search?: string;
  is_freelancer?: boolean;
  is_client?: boolean;
  skill?: string;
  ordering: 'username' | '-rating' | '-date_joined';
};

const ORDERINGS: Record<UserFilters['ordering'], string> = {
  username: 'lower(u.username) asc, u.id asc',
  // Rated users first, best average first; then the unrated.
  '-rating': 'u.reviews_count = 0 asc, u.rating_sum::numeric / nullif(u.reviews_count, 0) desc, u.id asc',
  '-date_joined': 'u.created_at desc, u.id desc',
};

const PROFILE_COLUMNS = `
  u.id, u.username, u.first_name, u.last_name, u.bio, u.avatar_url, u.location, u.hourly_rate_minor::text as hourly_rate_minor,
  u.currency, u.is_client, u.is_freelancer, u.rating_sum, u.reviews_count, u.created_at,
  coalesce((select json_agg(${SKILL_JSON('s')} order by s.name)
            from user_skill us join skill s on s.id = us.skill_id where us.user_id = u.id), '[]'::json) as skills,
  (select count(*)::int from task t where t.freelancer_id = u.id and t.status = 'completed' and t.deleted_at is null) as completed_tasks_count`;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

function userSearch(filters: UserFilters) {
  const { values, param } = sqlParameters();
  const where = ['u.deleted_at is null'];
  if (filters.search) {
    const pattern = param(`%${escapeLike(filters.search)}%`);
    where.push(`(u.username ilike ${pattern} or u.first_name ilike ${pattern} or u.last_name ilike ${pattern})`);
  }
  if (filters.is_freelancer !== undefined) where.push(`u.is_freelancer = ${param(filters.is_freelancer)}`);
  if (filters.is_client !== undefined) where.push(`u.is_client = ${param(filters.is_client)}`);
  if (filters.skill) where.push(`exists (select 1 from user_skill us join skill s on s.id = us.skill_id where us.user_id = u.id and s.slug = ${param(filters.skill)})`);
  return { where: where.join(' and '), orderBy: ORDERINGS[filters.ordering], values, param };
}

/** How many profiles match `filters`. */
export function publicUserCountQuery(filters: UserFilters): SqlQuery {
  const { where, values } = userSearch(filters);
  return { text: `select count(*)::int as count from app_user u where ${where}`, values };
}

/**
 * One page of the profiles matching `filters`, each row carrying how many match in all (a
 * window over the matches, so the count costs no second statement). The page's ids are found
 * first, so skills and counts are built for its rows only.
 */
export function publicUserListQuery(filters: UserFilters, page: { limit: number; offset: number }): SqlQuery {
  const { where, orderBy, values, param } = userSearch(filters);
  const text = `with page as (
  select u.id, count(*) over () as total, row_number() over (order by ${orderBy}) as position
  from app_user u where ${where}
  order by ${orderBy}
  limit ${param(page.limit)} offset ${param(page.offset)}
)
select page.total::int as total, ${PROFILE_COLUMNS}
from page join app_user u on u.id = page.id
order by page.position`;
  return { text, values };
}

export function publicUserByUsernameQuery(username: string): SqlQuery {
  return { text: `select ${PROFILE_COLUMNS} from app_user u where lower(u.username) = lower($1) and u.deleted_at is null`, values: [username] };
}

export type PublicUserRow = {
  id: number;
  username: string;
  first_name: string;
  last_name: string;
  bio: string;
  avatar_url: string | null;
  location: string;
  hourly_rate_minor: string | null;
  currency: S.Currency;
  is_client: boolean;
  is_freelancer: boolean;
  rating_sum: number;
  reviews_count: number;
  created_at: Date | string;
  skills: S.Skill[];
  completed_tasks_count: number;
};

export function publicUserFromRow(row: PublicUserRow): S.PublicUser {
  const name = `${row.first_name} ${row.last_name}`.trim();
  return {
    id: row.id,
    username: row.username,
    first_name: row.first_name,
    last_name: row.last_name,
    display_name: name || row.username,
    bio: row.bio,
    avatar_url: row.avatar_url,
    location: row.location,
    hourly_rate: row.hourly_rate_minor == null ? null : fromMinor(Number(row.hourly_rate_minor)),
    currency: row.currency,
    is_client: row.is_client,
    is_freelancer: row.is_freelancer,
    rating: averageRating({ ratingSum: row.rating_sum, reviewsCount: row.reviews_count }),
    reviews_count: row.reviews_count,
    date_joined: new Date(row.created_at).toISOString(),
    skills: row.skills,
    completed_tasks_count: row.completed_tasks_count,
  };
}
