/**
 * Public profiles: the users directory and one user's profile. Never the email address.
 */
import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Skill } from '../catalog/catalog.entities.ts';
import type * as S from '../contract/schemas.ts';
import { querySql } from '../db/sql.ts';
import { pageWindow, type PageQuery } from '../lib/pagination.ts';
import { problems } from '../lib/problem.ts';
import { UserSkill } from '../recommendations/recommendations.entities.ts';
import { User } from './auth.entities.ts';
import { toPublicUser } from './auth.serializers.ts';
import { findUserByUsername } from './auth.service.ts';

export type UserFilters = PageQuery & {
  search?: string;
  is_freelancer?: boolean;
  is_client?: boolean;
  skill?: string;
  ordering: 'username' | '-rating' | '-date_joined';
};

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Public profiles with their skills and the number of tasks they completed as freelancer. */
async function toPublicUsers(em: EntityManager, users: User[]): Promise<S.PublicUser[]> {
  const ids = users.map((user) => user.id);
  const completed = await querySql<{ freelancer_id: number; n: number }>(em, {
    text: `select freelancer_id, count(*)::int as n from task where freelancer_id = any($1::int[]) and status = 'completed' and deleted_at is null group by freelancer_id`,
    values: [ids],
  });
  const completedBy = new Map(completed.map((row) => [row.freelancer_id, row.n]));
  const skills = await em.find(UserSkill, { user: { $in: ids } }, { populate: ['skill'], orderBy: { skill: { name: 'asc' } } });
  const byUser = new Map<number, Skill[]>();
  for (const entry of skills) {
    const list = byUser.get(entry.user.id) ?? [];
    list.push(entry.skill);
    byUser.set(entry.user.id, list);
  }
  return users.map((user) => toPublicUser(user, byUser.get(user.id) ?? [], completedBy.get(user.id) ?? 0));
}

export async function listUsers(em: EntityManager, filters: UserFilters): Promise<{ count: number; results: S.PublicUser[] }> {
  const qb = em.createQueryBuilder(User, 'u').where({ deletedAt: null });
  if (filters.search) {
    const pattern = `%${escapeLike(filters.search)}%`;
    qb.andWhere({ $or: [{ username: { $ilike: pattern } }, { firstName: { $ilike: pattern } }, { lastName: { $ilike: pattern } }] });
  }
  if (filters.is_freelancer !== undefined) qb.andWhere({ isFreelancer: filters.is_freelancer });
  if (filters.is_client !== undefined) qb.andWhere({ isClient: filters.is_client });
  if (filters.skill) {
    qb.andWhere('exists (select 1 from user_skill us join skill s on s.id = us.skill_id where us.user_id = u.id and s.slug = ?)', [filters.skill]);
  }
  const count = await qb.clone().getCount();
  const { limit, offset } = pageWindow(filters);
  if (filters.ordering === '-rating') {
    qb.orderBy([{ [raw('case when u.reviews_count = 0 then 1 else 0 end')]: 'asc' }, { [raw('u.rating_sum::numeric / nullif(u.reviews_count, 0)')]: 'desc' }, { id: 'asc' }]);
  } else if (filters.ordering === '-date_joined') {
    qb.orderBy([{ createdAt: 'desc' }, { id: 'desc' }]);
  } else {
    qb.orderBy([{ [raw('lower(u.username)')]: 'asc' }]);
  }
  const users = await qb.limit(limit).offset(offset).getResultList();
  return { count, results: await toPublicUsers(em, users) };
}

export async function getPublicUser(em: EntityManager, username: string): Promise<S.PublicUser> {
  const user = await findUserByUsername(em, username);
  if (!user) throw problems.notFound(`No user is called ${username}.`);
  const [profile] = await toPublicUsers(em, [user]);
  return profile!;
}
