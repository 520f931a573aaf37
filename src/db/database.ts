/**
 * Opens the database: DATABASE_URL when set, otherwise an embedded PostgreSQL under DATA_DIR.
 * Runs the committed migrations before anything else touches it.
 */
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { ormConfig } from './orm-config.ts';

export type Database = { orm: MikroORM; url: string; close: () => Promise<void> };

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
