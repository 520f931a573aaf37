/**
 * `npm run db:seed`: loads the demo data into the configured (or embedded) database.
 */
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { openDatabase } from './database.ts';
import { seedDemoIfEmpty } from './seed.ts';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const database = await openDatabase(config, logger);
try {
  await seedDemoIfEmpty(database.orm, logger);
} finally {
  await database.close();
}
