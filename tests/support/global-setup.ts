/**
 * One PostgreSQL for the whole run: DATABASE_URL when set, otherwise an embedded cluster in a
 * temporary folder. Every test file then creates its own database in it (see database.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('adminDatabaseUrl', process.env.DATABASE_URL);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'taskmarket-test-pg-'));
  const postgres = await startEmbeddedPostgres({ dataDir, database: 'postgres', persistent: false });
  project.provide('adminDatabaseUrl', postgres.url);
  return async () => {
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
