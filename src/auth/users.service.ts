/**
 * Public profiles: the users directory and one user's profile. Never the email address.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type * as S from '../contract/schemas.ts';
import { querySql } from '../db/sql.ts';
import { pageWindow, type PageQuery } from '../lib/pagination.ts';
import { problems } from '../lib/problem.ts';
import {
  publicUserByUsernameQuery,
  publicUserCountQuery,
  publicUserFromRow,
  publicUserListQuery,
  type PublicUserRow,
  type UserFilters,
} from './user-views.ts';

export async function listUsers(em: EntityManager, filters: UserFilters & PageQuery): Promise<{ count: number; results: S.PublicUser[] }> {
  const rows = await querySql<PublicUserRow & { total: number }>(em, publicUserListQuery(filters, pageWindow(filters)));
  // Past the last page no row carries the total: count them for the 404's message.
  const count = rows[0]?.total ?? (filters.page > 1 ? (await querySql<{ count: number }>(em, publicUserCountQuery(filters)))[0]!.count : 0);
  return { count, results: rows.map(publicUserFromRow) };
}

export async function getPublicUser(em: EntityManager, username: string): Promise<S.PublicUser> {
  const [row] = await querySql<PublicUserRow>(em, publicUserByUsernameQuery(username));
  if (!row) throw problems.notFound(`No user is called ${username}.`);
  return publicUserFromRow(row);
}
