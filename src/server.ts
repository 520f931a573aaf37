/**
 * `npm start`: configuration, database (embedded when DATABASE_URL is unset) and migrations, the
 * job queue and its mail worker, optional demo data, then the HTTP server. SIGINT/SIGTERM stop
 * it gracefully: no new connections, running requests and jobs finish, then the database closes.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app/create-app.ts';
import { startWorkers } from './app/workers.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { EmbeddedPostgresError } from './db/embedded-postgres.ts';
import { seedDemoIfEmpty } from './db/seed.ts';
import { startQueue } from './jobs/queue.ts';
import { createLogger } from './logger.ts';
import { createMailer } from './mail/mailer.ts';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const logger = createLogger(config.LOG_LEVEL);
if (config.jwtSecretGenerated) logger.warn('JWT_SECRET is unset: using a random secret; tokens stop working when the server restarts.');

let stopping = false;
const database = await openDatabase(config, logger).catch((error: unknown) => {
  // The cause and the way out, in one message: no stack trace to read through.
  if (!(error instanceof EmbeddedPostgresError)) throw error;
  console.error(error.message);
  process.exit(1);
});
const queue = await startQueue({ connectionString: database.url, logger, isShuttingDown: () => stopping });
if (config.SEED_DEMO) await seedDemoIfEmpty(database.orm, logger);

const { app, auth } = createApp({ config, orm: database.orm, queue, logger, now: () => new Date() });
await startWorkers({ queue, orm: database.orm, auth, mailer: createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, logger }) });
const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
  logger.info(`taskmarket API on http://localhost:${info.port}/api/ (docs: /api/docs/)`);
});

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await queue.stop();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
