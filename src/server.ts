/**
 * `npm start`: configuration, database (embedded when DATABASE_URL is unset) and migrations, the
 * job queue and its mail worker, optional demo data, then the HTTP server. SIGINT/SIGTERM stop
 * it gracefully: no new connections, running requests and jobs finish, then the database closes.
 * A database or a port it cannot have stops it with one message naming the cause, and exit code 1.
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

/** Stops the queue and the database (and so the embedded PostgreSQL), then the process. */
async function stop(exitCode: number) {
  stopping = true;
  await queue.stop();
  await database.close();
  process.exit(exitCode);
}

// A port that cannot be had is the operator's to fix: say which and how, not a stack trace.
server.once('error', (error: NodeJS.ErrnoException) => {
  const where = `${config.HOST}:${config.PORT}`;
  const reason =
    error.code === 'EADDRINUSE' ? `the port is in use (is another \`npm start\` running?)`
    : error.code === 'EACCES' ? 'this user may not open that port'
    : error.message;
  console.error(`Cannot listen on ${where}: ${reason}. Set PORT (and HOST) to a free address.`);
  void stop(1);
});

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await stop(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
