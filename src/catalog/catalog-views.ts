/**
 * The catalogue's rows as the contract's JSON: built by PostgreSQL inside larger statements, and
 * the categories read whole.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Category } from '../contract/schemas.ts';
import { Category as CategoryEntity } from './catalog.entities.ts';

export const SKILL_JSON = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'slug', ${alias}.slug, 'name', ${alias}.name, 'category_id', ${alias}.category_id)`;
export const CATEGORY_JSON = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'slug', ${alias}.slug, 'name', ${alias}.name, 'description', ${alias}.description)`;

/** Every category, in display order. */
export async function listCategories(em: EntityManager): Promise<Category[]> {
  const categories = await em.find(CategoryEntity, {}, { orderBy: { position: 'asc' } });
  return categories.map(({ id, slug, name, description }) => ({ id, slug, name, description }));
}
