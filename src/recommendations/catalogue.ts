/**
 * The public catalogue reads: skills, categories with their discovery figures, and service
 * offerings. Each answer is one SQL statement (the figures are counted by PostgreSQL, not per row
 * here), the same for every caller, so the routes let caches keep them.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { CATEGORY_JSON, SKILL_JSON } from '../catalog/catalog-views.ts';
import type * as S from '../contract/schemas.ts';
import { querySql, sqlParameters } from '../db/sql.ts';
import { fromMinor, toMinor } from '../lib/money.ts';
import { pageWindow, type PageQuery } from '../lib/pagination.ts';
import { USER_JSON, userSummaryFromJson, type UserJson } from '../tasks/task-views.ts';


const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

export async function listSkills(em: EntityManager, filters: { category?: number; search?: string }): Promise<S.SkillList> {
  const { values, param } = sqlParameters();
  const where = ['true'];
  if (filters.category) where.push(`s.category_id = ${param(filters.category)}`);
  if (filters.search) {
    const pattern = param(`%${escapeLike(filters.search)}%`);
    where.push(`(s.name ilike ${pattern} or s.slug ilike ${pattern})`);
  }
  const rows = await querySql<{ skill: S.Skill }>(em, {
    text: `select ${SKILL_JSON('s')} as skill from skill s where ${where.join(' and ')} order by lower(s.name), s.id`,
    values,
  });
  return { results: rows.map((row) => row.skill) };
}

/**
 * Every category with its open tasks, the freelancers who have one of its skills, and the skills
 * its open tasks ask for most (from the demand the refresh job counts), in display order.
 */
export async function listCategoryOverviews(em: EntityManager): Promise<S.CategoryOverviewList> {
  const rows = await querySql<S.CategoryOverview>(em, {
    text: `select ${CATEGORY_JSON('c')} as category,
  (select count(*)::int from task t where t.category_id = c.id and t.status = 'open' and t.deleted_at is null) as open_tasks,
  (select count(distinct us.user_id)::int from user_skill us join skill s on s.id = us.skill_id join app_user u on u.id = us.user_id
    where s.category_id = c.id and u.is_freelancer and u.deleted_at is null) as freelancers,
  coalesce((select json_agg(popular.skill order by popular.open_tasks desc, popular.name) from (
      select ${SKILL_JSON('s')} as skill, d.open_tasks, s.name from skill_demand d join skill s on s.id = d.skill_id
      where d.category_id = c.id and d.open_tasks > 0 order by d.open_tasks desc, s.name limit 5) popular), '[]'::json) as popular_skills
from category c order by c.position, c.id`,
    values: [],
  });
  return { results: rows };
}

export type OfferingFilters = {
  category?: number;
  skill?: string;
  freelancer?: string;
  min_price?: string;
  max_price?: string;
  search?: string;
  ordering: '-created_at' | 'price' | '-price' | '-rating';
};

const OFFERING_ORDERINGS: Record<OfferingFilters['ordering'], string> = {
  '-created_at': 'o.created_at desc, o.id desc',
  price: 'o.price_from_minor asc, o.id asc',
  '-price': 'o.price_from_minor desc, o.id desc',
  // Rated freelancers first, best average first; then the unrated, newest offering first.
  '-rating': 'u.reviews_count = 0 asc, u.rating_sum::numeric / nullif(u.reviews_count, 0) desc nulls last, o.id desc',
};

type OfferingRow = {
  id: number;
  freelancer: UserJson;
  title: string;
  description: string;
  category: S.Category;
  skills: S.Skill[];
  price_from_minor: string;
  currency: S.Currency;
  delivery_days: number;
  created_at: Date | string;
  total: number;
};

/** One page of the offerings matching `filters`, with how many match in all. */
export async function listServiceOfferings(em: EntityManager, filters: OfferingFilters, page: PageQuery): Promise<{ count: number; results: S.ServiceOffering[] }> {
  const { values, param } = sqlParameters();
  const where = ['u.deleted_at is null'];
  let searchJoin = '';
  if (filters.category) where.push(`o.category_id = ${param(filters.category)}`);
  if (filters.skill) where.push(`exists (select 1 from service_offering_skills os join skill s on s.id = os.skill_id where os.service_offering_id = o.id and s.slug = ${param(filters.skill)})`);
  if (filters.freelancer) where.push(`lower(u.username) = lower(${param(filters.freelancer)})`);
  if (filters.min_price) where.push(`o.price_from_minor >= ${param(toMinor(filters.min_price))}`);
  if (filters.max_price) where.push(`o.price_from_minor <= ${param(toMinor(filters.max_price))}`);
  if (filters.search) {
    searchJoin = `cross join websearch_to_tsquery('english', ${param(filters.search)}) as search_query`;
    where.push('o.search_vector @@ search_query');
  }
  const { limit, offset } = pageWindow(page);
  const rows = await querySql<OfferingRow>(em, {
    text: `select o.id, ${USER_JSON('u')} as freelancer, o.title, o.description, ${CATEGORY_JSON('c')} as category,
  coalesce((select json_agg(${SKILL_JSON('s')} order by s.name) from service_offering_skills os join skill s on s.id = os.skill_id
    where os.service_offering_id = o.id), '[]'::json) as skills,
  o.price_from_minor::text as price_from_minor, o.currency, o.delivery_days, o.created_at, count(*) over ()::int as total
from service_offering o join app_user u on u.id = o.freelancer_id join category c on c.id = o.category_id ${searchJoin}
where ${where.join(' and ')}
order by ${OFFERING_ORDERINGS[filters.ordering]}
limit ${param(limit)} offset ${param(offset)}`,
    values,
  });
  // A page past the end has no rows to carry the total: count separately only then.
  const count = rows[0]?.total ?? (offset === 0 ? 0 : await countServiceOfferings(em, searchJoin, where, values.slice(0, -2)));
  return {
    count,
    results: rows.map((row) => ({
      id: row.id,
      freelancer: userSummaryFromJson(row.freelancer),
      title: row.title,
      description: row.description,
      category: row.category,
      skills: row.skills,
      price_from: fromMinor(Number(row.price_from_minor)),
      currency: row.currency,
      delivery_days: row.delivery_days,
      created_at: new Date(row.created_at).toISOString(),
    })),
  };
}

async function countServiceOfferings(em: EntityManager, searchJoin: string, where: string[], values: unknown[]): Promise<number> {
  const [row] = await querySql<{ count: number }>(em, {
    text: `select count(*)::int as count from service_offering o join app_user u on u.id = o.freelancer_id ${searchJoin} where ${where.join(' and ')}`,
    values,
  });
  return row!.count;
}
