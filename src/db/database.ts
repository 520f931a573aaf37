/**
 * Opens the database: DATABASE_URL when set, otherwise an embedded PostgreSQL under DATA_DIR.
 * Runs the committed migrations before anything else touches it.
 */
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { ormConfig } from './orm-config.ts';

export type Database = { orm: MikroORM; url: string; close: () => Promise<void> };

/** DATABASE_URL cannot be used: the message names the cause and the way out, for the operator. */
export class DatabaseUnreachableError extends Error {}

/** Why a PostgreSQL of DATABASE_URL could not be used, in words; undefined for other failures. */
function unreachableBecause(error: unknown, url: URL): string | undefined {
  const { code, message } = error as { code?: string; message?: string };
  const where = `${url.hostname}:${url.port || 5432}`;
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing accepts connections on ${where}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host ${url.hostname} is unknown`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} does not answer`;
    case '28P01':
      return 'the password was refused';
    case '28000':
    case '3D000':
      return message;
    default:
      return undefined;
  }
}

async function checkReachable(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    const url = new URL(databaseUrl);
    const because = unreachableBecause(error, url);
    // A database that does not exist yet is created by the ORM.
    if (!because || (error as { code?: string }).code === '3D000') return;
    url.password &&= '***';
    throw new DatabaseUnreachableError(
      `Cannot use the database of DATABASE_URL (${url.toString()}): ${because}.\nStart that PostgreSQL or correct DATABASE_URL; unset it to use the embedded one (development only).`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

export async function openDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'DATABASE_POOL_MAX'>, logger: Logger): Promise<Database> {
  let url = config.DATABASE_URL;
  let stopEmbedded = async () => {};
  if (!url) {
    const dataDir = join(config.DATA_DIR, 'postgres');
    const embedded = await startEmbeddedPostgres({ dataDir, database: 'taskmarket', persistent: true });
    url = embedded.url;
    stopEmbedded = embedded.stop;
    logger.info({ dataDir }, 'DATABASE_URL unset: started an embedded PostgreSQL');
  }
  // Tried first with one plain connection: the ORM's start-up fails on several promises at once,
  // which would end the process on a stack trace before any message.
  if (config.DATABASE_URL) await checkReachable(config.DATABASE_URL);
  const orm = await MikroORM.init(ormConfig(url, config.DATABASE_POOL_MAX));
  const applied = await orm.migrator.up();
  if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
  return {
    orm,
    url,
    close: async () => {
      await orm.close();
      await stopEmbedded();
    },
  };
}
