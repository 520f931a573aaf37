/**
 * Runs a scheduled job of a test app as its schedule would (through the real queue and worker)
 * and waits for it to finish.
 */
import type { TestApp } from './test-app.ts';
import { until } from './until.ts';

export async function runJob(t: Pick<TestApp, 'orm' | 'queue'>, name: string): Promise<void> {
  const sql = <T>(text: string, values: unknown[]): Promise<T[]> => t.orm.em.fork().getConnection().execute(text, values);
  const completed = async () => (await sql<{ n: number }>(`select count(*)::int as n from pgboss.job where name = ? and state = 'completed'`, [name]))[0]!.n;
  const before = await completed();
  await t.orm.em.fork().transactional((tx) => t.queue.enqueue(tx, name, {}));
  await until(`${name} to finish`, async () => {
    const [failed] = await sql<{ output: unknown }>(`select output from pgboss.job where name = ? and state in ('failed', 'retry')`, [name]);
    if (failed) throw new Error(`${name} failed: ${JSON.stringify(failed.output)}`);
    return completed();
  }, (n) => n > before);
}
