/**
 * Runs hand-written, parameterised SQL ($1, $2 …) on an EntityManager's connection, inside its
 * transaction when one is open. For the few queries better written as SQL than as entity queries.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';

export type SqlQuery = { text: string; values: unknown[] };

export async function querySql<Row>(em: EntityManager, query: SqlQuery): Promise<Row[]> {
  const executor = em.getTransactionContext<Transaction<unknown>>() ?? em.getConnection().getClient<unknown>() as Kysely<unknown>;
  const result = await executor.executeQuery(CompiledQuery.raw(query.text, query.values));
  return result.rows as Row[];
}
