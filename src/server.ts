/**
 * `npm start`: configuration, database (embedded when DATABASE_URL is unset) and migrations, the
 * job queue and its workers, Stripe (the local emulator without STRIPE_SECRET_KEY), optional demo
 * data, then the HTTP server. A database or a port it
 * cannot have stops it with one message naming the cause, and exit code 1.
 *
 * SIGTERM drains without dropping a request: readiness answers 503 at once, the server keeps
 * serving for SHUTDOWN_GRACE_SECONDS (a load balancer stops sending meanwhile) with every answer
 * closing its connection, then stops accepting, closes idle connections, lets the requests in
 * flight finish (SHUTDOWN_TIMEOUT_SECONDS at most), stops the workers and closes the database.
 * SIGINT (Ctrl+C) does the same without the grace period; a second one stops at once. Under
 * `npm start`, the parent's disappearance counts as a SIGTERM (npm's shell does not forward it).
 */
import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { serve } from '@hono/node-server';
import { createApp } from './app/create-app.ts';
import { startWorkers } from './app/workers.ts';
import { ConfigError, keepDevelopmentSecret, loadConfig, type Config } from './config.ts';
import { DatabaseUnreachableError, openDatabase } from './db/database.ts';
import { EmbeddedPostgresError } from './db/embedded-postgres.ts';
import { seedDemoIfEmpty } from './db/seed.ts';
import { startQueue } from './jobs/queue.ts';
import { createLogger } from './logger.ts';
import { createMailer } from './mail/mailer.ts';
import { connectStripe } from './payments/stripe-connection.ts';
import { connectAssistantModel } from './chatbot/assistant-model.ts';

let config: Config & { jwtSecretFile?: string };
try {
  config = keepDevelopmentSecret(loadConfig());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const logger = createLogger(config.LOG_LEVEL);
if (config.jwtSecretFile) logger.info(`JWT_SECRET is unset: signing with the development secret kept in ${config.jwtSecretFile}; sessions survive a restart.`);
else if (config.jwtSecretGenerated) logger.warn('JWT_SECRET is unset: using a random secret; tokens stop working when the server restarts.');

/** Set by the first SIGTERM/SIGINT: not ready, every answer closes its connection. */
let draining = false;
/** Set once the workers and the database are being closed. */
let stopping = false;
const database = await openDatabase(config, logger).catch((error: unknown) => {
  // The cause and the way out, in one message: no stack trace to read through.
  if (!(error instanceof EmbeddedPostgresError || error instanceof DatabaseUnreachableError)) throw error;
  console.error(error.message);
  process.exit(1);
});
const queue = await startQueue({ connectionString: database.url, logger, retention: config, isShuttingDown: () => stopping });
const stripe = await connectStripe(config, logger).catch(async (error: Error) => {
  // A port the local Stripe cannot have: one line naming it and the way out.
  console.error(error.message);
  await queue.stop();
  await database.close();
  process.exit(1);
});
const assistant = await connectAssistantModel(config, logger).catch(async (error: Error) => {
  // A port the offline assistant cannot have: one line naming it and the way out.
  console.error(error.message);
  await stripe.close();
  await queue.stop();
  await database.close();
  process.exit(1);
});
if (config.SEED_DEMO) await seedDemoIfEmpty(database.orm, logger);

const now = () => new Date();
const { app, auth, payments, live } = createApp({ config, orm: database.orm, queue, logger, now, stripe, assistant, isDraining: () => draining });
const mailer = createMailer(config, logger);
const workers = await startWorkers({ queue, orm: database.orm, auth, payments, config, now, mailer, logger });
const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
  logger.info(`taskmarket API on http://localhost:${info.port}/api/ (docs: /api/docs/)`);
  // The local Stripe sends its events to this service's webhook, signed with its secret.
  stripe.emulator?.deliverWebhooksTo({ url: `http://127.0.0.1:${info.port}/api/payments/webhooks/stripe/`, secret: stripe.webhookSecret });
}) as Server;
// Idle keep-alive connections outlive a load balancer's own idle timeout (60 s on the common
// ones), so that it never sends a request on a connection this server is closing. The headers
// timeout must be the longer of the two.
server.keepAliveTimeout = config.KEEP_ALIVE_TIMEOUT_SECONDS * 1000;
server.headersTimeout = server.keepAliveTimeout + 1000;

/** Stops the workers (running jobs finish), the mailer and the database (and so the embedded PostgreSQL), then the process. */
async function stop(exitCode: number) {
  stopping = true;
  await live.stop();
  await workers.stop();
  await queue.stop();
  mailer.close();
  await stripe.close();
  await assistant.close();
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

/** How long connections accepted just before the listener closed get to show a request. */
const LINGER_MS = 1000;

async function drain(signal: 'SIGTERM' | 'SIGINT' | 'parent gone') {
  if (draining) {
    if (!stopping && signal !== 'parent gone') {
      logger.warn({ signal }, 'second signal: stopping without waiting for requests in flight');
      await stop(1);
    }
    return;
  }
  draining = true;
  // Open event streams would hold the drain to its timeout: they end now and reconnect
  // elsewhere with Last-Event-ID.
  live.closeAll();
  const graceSeconds = signal === 'SIGINT' ? 0 : config.SHUTDOWN_GRACE_SECONDS;
  logger.info({ signal, grace_seconds: graceSeconds }, 'draining: readiness answers 503, answers close their connections');
  await sleep(graceSeconds * 1000);
  // And those opened during the grace period.
  live.closeAll();
  // Stop accepting, but not as http.Server#close does, which also drops idle connections at once:
  // a connection opened a moment ago may carry a request not parsed yet. They get a moment first.
  const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
  await sleep(LINGER_MS);
  server.closeIdleConnections();
  const overdue = setTimeout(() => {
    logger.warn(`requests still running after SHUTDOWN_TIMEOUT_SECONDS (${config.SHUTDOWN_TIMEOUT_SECONDS} s): closing their connections`);
    server.closeAllConnections();
  }, config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
  await closed;
  clearTimeout(overdue);
  logger.info('drained: every request answered');
  await stop(0);
}
process.on('SIGINT', () => void drain('SIGINT'));
process.on('SIGTERM', () => void drain('SIGTERM'));

// `npm start` runs the service under a shell that does not pass signals on: a SIGTERM sent to npm
// (docker stop, a process manager) ends npm and the shell and leaves the service running alone,
// to be killed later mid-request. Started by npm, the service drains once its parent is gone.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void drain('parent gone');
  }, 500).unref();
}
