/**
 * Runs hand-written, parameterised SQL ($1, $2 …) on an EntityManager's connection, inside its
 * transaction when one is open. For the few queries better written as SQL than as entity queries.
 */
import { createHash } from 'node:crypto';
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

/**
 * A statement named after its text: each connection prepares it once, and PostgreSQL may keep its
 * plan, so a large statement run often (a ranking) is not planned again on every call.
 */
export function preparedStatement(query: SqlQuery): { name: string; text: string; values: unknown[] } {
  return { name: `q_${createHash('sha1').update(query.text).digest('hex').slice(0, 20)}`, ...query };
}

/** `querySql` for a prepared statement; inside a transaction it runs unprepared, on the transaction's connection. */
export async function queryPrepared<Row>(em: EntityManager, query: SqlQuery): Promise<Row[]> {
  if (em.getTransactionContext()) return querySql<Row>(em, query);
  const pool = await em.getConnection().getNativeClient();
  return (await pool.query(preparedStatement(query))).rows as Row[];
}
