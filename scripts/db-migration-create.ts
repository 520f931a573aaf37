/**
 * Writes a new migration for the difference between the entities and the committed migrations:
 * `npm run db:migration:create`. It runs against a throwaway embedded PostgreSQL, so it needs no
 * server. Add the new class to src/db/migrations/index.ts, review the SQL, commit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { ormConfig } from '../src/db/orm-config.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'taskmarket-migration-'));
const postgres = await startEmbeddedPostgres({ dataDir, database: 'taskmarket', persistent: false });
try {
  const orm = await MikroORM.init(ormConfig(postgres.url));
  try {
    await orm.migrator.up();
    const result = await orm.migrator.create(undefined, false, false, process.argv[2]);
    console.log(result.fileName ? `wrote src/db/migrations/${result.fileName}` : 'no changes');
  } finally {
    await orm.close();
  }
} finally {
  await postgres.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
