/**
 * Runs hand-written, parameterised SQL ($1, $2 …) on an EntityManager's connection, inside its
 * transaction when one is open. For the few queries better written as SQL than as entity queries.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';

export type SqlQuery = { text: string; values: unknown[] };

/** The values of a statement built piece by piece: `param(value)` adds one and returns its placeholder. */
export function sqlParameters(): { values: unknown[]; param: (value: unknown) => string } {
  const values: unknown[] = [];
  return {
    values,
    param(value) {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

export async function querySql<Row>(em: EntityManager, query: SqlQuery): Promise<Row[]> {
  const executor = em.getTransactionContext<Transaction<unknown>>() ?? em.getConnection().getClient<unknown>() as Kysely<unknown>;
  const result = await executor.executeQuery(CompiledQuery.raw(query.text, query.values));
  return result.rows as Row[];
}
