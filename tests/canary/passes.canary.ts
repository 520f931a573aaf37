/**
 * Half of the suite's self-check (tests/contract/exit-code.test.ts): a test that passes and, like
 * the real ones, uses the run's PostgreSQL.
 */
import pg from 'pg';
import { expect, inject, it } from 'vitest';

it('reaches the run’s PostgreSQL', async () => {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    expect((await client.query('select 1 + 1 as two')).rows).toEqual([{ two: 2 }]);
  } finally {
    await client.end();
  }
});
