/**
 * Deletes the rows of `table` that `where` selects, a bounded batch per statement, so that
 * pruning a large backlog never holds locks or bloats one transaction for long.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { querySql } from './sql.ts';

const BATCH = 5_000;

export async function deleteInBatches(em: EntityManager, table: string, where: string, values: unknown[]): Promise<number> {
  let deleted = 0;
  for (;;) {
    const rows = await querySql<{ n: number }>(em, {
      text: `with gone as (delete from ${table} where ctid = any(array(select ctid from ${table} where ${where} limit ${BATCH})) returning 1)
             select count(*)::int as n from gone`,
      values,
    });
    const n = rows[0]!.n;
    deleted += n;
    if (n < BATCH) return deleted;
  }
}
