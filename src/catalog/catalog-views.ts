/**
 * The catalogue's rows as the contract's JSON, built by PostgreSQL inside larger statements.
 */
export const SKILL_JSON = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'slug', ${alias}.slug, 'name', ${alias}.name, 'category_id', ${alias}.category_id)`;
export const CATEGORY_JSON = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'slug', ${alias}.slug, 'name', ${alias}.name, 'description', ${alias}.description)`;
