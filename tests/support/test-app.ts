/**
 * The real service for a test file: its own database (migrated), the pg-boss queue with the mail
 * worker sending to a local SMTP server, Google keys served locally, a clock the test can move,
 * and a `fetch` that checks every response against the contract.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { MikroORM } from '@mikro-orm/postgresql';
import Stripe from 'stripe';
import { createClient, type TaskmarketClient } from '@taskmarket/sdk';
import { expect } from 'vitest';
import { createApp } from '../../src/app/create-app.ts';
import { startWorkers } from '../../src/app/workers.ts';
import { loadConfig } from '../../src/config.ts';
import { ormConfig } from '../../src/db/orm-config.ts';
import { seedDemoIfEmpty } from '../../src/db/seed.ts';
import { startQueue } from '../../src/jobs/queue.ts';
import { createLogger } from '../../src/logger.ts';
import { createMailer } from '../../src/mail/mailer.ts';
import { connectStripe } from '../../src/payments/stripe-connection.ts';
import { connectAssistantModel, type AssistantModel } from '../../src/chatbot/assistant-model.ts';
import { startFakeModel } from './fake-model.ts';
import { startStripeEmulator } from '../../src/payments/stripe-emulator.ts';
import { contractViolations } from './contract-validator.ts';
import { createTestDatabase } from './database.ts';
import { GOOGLE_CLIENT_ID, startGoogleKeys } from './google-keys.ts';
import { startSmtpServer, type SmtpRefusal } from './smtp.ts';
import { startTcpProxy } from './tcp-proxy.ts';

export const BASE_URL = 'http://taskmarket.test/api';

/** For an app whose test never reaches Payments: a Stripe client pointed nowhere. */
export const UNUSED_STRIPE = { client: new Stripe('sk_test_unused', { host: '127.0.0.1', port: 9, protocol: 'http' }), webhookSecret: 'whsec_unused' };

/** For an app whose test never reaches the Chatbot: a model that is never called. */
const unused = () => Promise.reject(new Error('this test app has no assistant model'));
export const UNUSED_ASSISTANT: AssistantModel = { provider: 'offline', model: 'unused', reply: unused, streamReply: unused, structured: unused, close: async () => {} };

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export async function startTestApp(
  options: {
    env?: Record<string, string>;
    seed?: boolean;
    sharedDatabaseOf?: { databaseUrl: string };
    workers?: boolean;
    /** Reach Stripe through a proxy the test can cut (`stripeProxy`), for outages. */
    proxyStripe?: boolean;
    /** How long the emulator's payouts stay pending (default 50 ms). */
    payoutDelayMs?: number;
    /** The assistant talks to a fake OpenAI-compatible server (`fakeModel`) instead of the offline assistant. */
    fakeModel?: boolean;
    /** Recipients the SMTP server refuses, and how. */
    refuseMail?: (recipient: string) => SmtpRefusal | undefined;
  } = {},
) {
  // A second instance on the database of another (restarts, several instances): dropped by its owner.
  const database = options.sharedDatabaseOf ? { url: options.sharedDatabaseOf.databaseUrl, drop: async () => {} } : await createTestDatabase();
  const smtp = await startSmtpServer({ refuse: options.refuseMail });
  let clockOffsetMs = 0;
  const now = () => new Date(Date.now() + clockOffsetMs);
  const google = await startGoogleKeys(now);
  // Stripe is the local emulator, reached as the real one is (a key and an API base).
  const stripeEmulator = await startStripeEmulator({ port: 0, payoutDelayMs: options.payoutDelayMs ?? 50 });
  const stripeProxy = options.proxyStripe ? await startTcpProxy(stripeEmulator.clientOptions) : undefined;
  const fakeModel = options.fakeModel ? await startFakeModel() : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    LOG_LEVEL: 'silent',
    PUBLIC_APP_URL: 'http://app.taskmarket.test',
    SMTP_URL: smtp.url,
    GOOGLE_CLIENT_ID,
    GOOGLE_JWKS_URL: google.jwksUrl,
    RATE_LIMIT_AUTH_PER_MINUTE: '10000',
    RATE_LIMIT_CHECKS_PER_MINUTE: '10000',
    RATE_LIMIT_MESSAGES_PER_MINUTE: '10000',
    // Every in-process request comes from one address: only the tests of the limits set them low.
    LOGIN_FAILURES_PER_ADDRESS: '10000',
    STRIPE_SECRET_KEY: 'sk_test_taskmarket',
    STRIPE_WEBHOOK_SECRET: 'whsec_taskmarket_test',
    STRIPE_API_BASE: stripeProxy ? `http://127.0.0.1:${stripeProxy.port}` : stripeEmulator.url,
    ...(fakeModel ? { OPENAI_API_KEY: 'sk-test-fake', OPENAI_BASE_URL: fakeModel.baseURL, OPENAI_MODEL: fakeModel.model, OPENAI_MAX_RETRIES: '0', OPENAI_TIMEOUT_MS: '1000' } : {}),
    ...options.env,
  });
  const logger = createLogger(config.LOG_LEVEL);
  const orm = await MikroORM.init(ormConfig(database.url));
  await orm.migrator.up();
  if (options.seed) await seedDemoIfEmpty(orm, logger);
  const queue = await startQueue({ connectionString: database.url, logger, pollingIntervalSeconds: 0.5, retention: config });

  const stripe = await connectStripe(config, logger);
  const assistant = await connectAssistantModel(config, logger);
  const { app, auth, payments, live } = createApp({ config, orm, queue, logger, now, stripe, assistant });
  // `workers: false` leaves queued jobs alone, to look at what a request queued.
  const mailer = createMailer(config, logger);
  const workers = options.workers === false ? undefined : await startWorkers({ queue, orm, auth, payments, config, now, mailer, logger });
  // Served on a port too, for the emulator's webhooks and for clients outside the process.
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stripeEmulator.deliverWebhooksTo({
    url: `${url}/api/payments/webhooks/stripe/`,
    secret: config.STRIPE_WEBHOOK_SECRET!,
  });

  /** app.fetch, with every answer checked against the contract. */
  const fetch = async (input: Request | string, init?: RequestInit): Promise<Response> => {
    const request = typeof input === 'string' ? new Request(new URL(input, `${BASE_URL}/`), init) : input;
    const response = await app.fetch(request);
    const path = new URL(request.url).pathname.replace(/^\/api/, '');
    expect(await contractViolations(request.method, path, response), `${request.method} ${path}`).toEqual([]);
    return response;
  };

  return {
    app,
    orm,
    config,
    databaseUrl: database.url,
    /** Where the app is served over HTTP, for clients in other processes (curl) or with their own fetch. */
    url,
    smtp,
    google,
    fetch,
    /** A new SDK client (its own session) driving the app in-process. */
    client: (): TaskmarketClient => createClient({ baseUrl: BASE_URL, fetch: (request: Request) => fetch(request) }),
    /** The service's clock. */
    now,
    /** Moves the service's clock forward. */
    advanceClock: (ms: number) => {
      clockOffsetMs += ms;
    },
    queue,
    stripe,
    stripeEmulator,
    stripeProxy,
    fakeModel,
    assistant,
    payments,
    live,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await live.stop();
      await workers?.stop();
      await stripeProxy?.close();
      await stripeEmulator.stop();
      await assistant.close();
      await fakeModel?.stop();
      await queue.stop();
      mailer.close();
      await orm.close();
      await smtp.stop();
      await google.stop();
      await database.drop();
    },
  };
}
