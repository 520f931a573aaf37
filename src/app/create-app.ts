/**
 * Assembles the service: middleware (request id, logging, security headers, CORS, body limit,
 * one EntityManager fork per request, bearer authentication), every domain's handlers on the
 * contract's routes (tests/service/pipeline.test.ts checks that they are all of the spec's), health,
 * the spec and its docs.
 */
import { readFileSync } from 'node:fs';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpBindings } from '@hono/node-server';
import type Stripe from 'stripe';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { registerAuthRoutes } from '../auth/auth.routes.ts';
import { createAuthService } from '../auth/auth.service.ts';
import { createGoogleVerifier, type GoogleVerifier } from '../auth/google.ts';
import { createPortfolioService } from '../auth/portfolio.service.ts';
import { createTokenSigner } from '../auth/tokens.ts';
import type { AssistantModel } from '../chatbot/assistant-model.ts';
import { registerChatbotRoutes } from '../chatbot/chatbot.routes.ts';
import { createChatbotService, forgetAssistantHistory } from '../chatbot/chatbot.service.ts';
import { registerMessagingRoutes } from '../messaging/messaging.routes.ts';
import { createMessagingService } from '../messaging/messaging.service.ts';
import { registerNotificationsRoutes } from '../notifications/notifications.routes.ts';
import { createNotificationsService } from '../notifications/notifications.service.ts';
import { createUnsubscribeTokens } from '../notifications/unsubscribe-tokens.ts';
import { createLiveHub } from '../notifications/live-hub.ts';
import { registerStreamRoutes } from '../notifications/stream.routes.ts';
import { createPayments } from '../payments/payments.ts';
import { registerPaymentsRoutes } from '../payments/payments.routes.ts';
import { PAYOUT_QUEUE } from '../payments/wallet.service.ts';
import { createProfileService, forgetRecommendationProfile } from '../recommendations/profile.service.ts';
import { registerRecommendationsRoutes } from '../recommendations/recommendations.routes.ts';
import { createRecommendationsService } from '../recommendations/recommendations.service.ts';
import { registerTasksRoutes } from '../tasks/tasks.routes.ts';
import { createTasksService } from '../tasks/tasks.service.ts';
import { ProblemError } from '../lib/problem.ts';
import { rateLimit } from '../lib/rate-limit.ts';
import { MAIL_QUEUE } from '../mail/outbox.ts';
import { setPasswordHashConcurrency } from '../auth/passwords.ts';
import type { AppDeps, AppEnv } from './env.ts';
import { onError, onNotFound } from './errors.ts';
import { serveDocs } from './docs.ts';
import { createMetrics } from './metrics.ts';
import { createRouter } from './router.ts';
import { bearerToken, bodyLimitOf, corsFor, requestIds } from './http-middleware.ts';

const bundledSpec = readFileSync(new URL('../../openapi/generated/openapi.json', import.meta.url), 'utf8');
const specInfo = (JSON.parse(bundledSpec) as { info: { title: string; version: string } }).info;

export type AppOptions = AppDeps & {
  /** The Stripe client (real or the local emulator) and the secret its webhooks are signed with. */
  stripe: { client: Stripe; webhookSecret: string };
  /** The assistant's model (an OpenAI-compatible API, or the offline assistant's local server). */
  assistant: AssistantModel;
  /** Replaces Google's key set (tests use a local one). */
  verifyGoogleToken?: GoogleVerifier;
  /** True once the server is shutting down: not ready, and every answer closes its connection. */
  isDraining?: () => boolean;
};

/** The queues whose backlog health and metrics report. */
const MONITORED_QUEUES = [MAIL_QUEUE, PAYOUT_QUEUE];

export function createApp(options: AppOptions) {
  const { config, orm, logger, now } = options;
  const isDraining = options.isDraining ?? (() => false);
  setPasswordHashConcurrency(config.PASSWORD_HASH_CONCURRENCY);
  const signer = createTokenSigner({
    secret: config.JWT_SECRET,
    accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    now,
  });
  const verifyGoogleToken =
    options.verifyGoogleToken ?? createGoogleVerifier({ clientId: config.GOOGLE_CLIENT_ID, jwksUrl: config.GOOGLE_JWKS_URL, now });
  const limit = (prefix: string, points: number, durationSeconds: number, refusal?: string) => rateLimit({ orm, prefix, points, durationSeconds, refusal });
  // One message for every lock-out: it tells nothing about whether the account exists.
  const lockedOut = 'Too many failed attempts. Try again in {seconds} seconds.';
  const passwordFailures = {
    perAccount: limit('password-failures-account', config.LOGIN_FAILURES_PER_ACCOUNT, config.LOGIN_LOCKOUT_SECONDS, lockedOut),
    perAddress: limit('password-failures-address', config.LOGIN_FAILURES_PER_ADDRESS, config.LOGIN_LOCKOUT_SECONDS, lockedOut),
  };
  const allowHttpUrls = config.NODE_ENV !== 'production';
  const payments = createPayments({ stripe: options.stripe, queue: options.queue, now, config });
  const tasks = createTasksService(now, { onCancel: [payments.escrows.settleCancelledTask.bind(payments.escrows)] });
  const auth = createAuthService({
    queue: options.queue,
    signer,
    verifyGoogleToken,
    now,
    publicAppUrl: config.PUBLIC_APP_URL,
    passwordFailures,
    allowHttpUrls,
    onAccountDeletion: [payments.refuseDeletionWhileHoldingMoney, tasks.releaseAccount.bind(tasks), forgetRecommendationProfile, forgetAssistantHistory],
  });
  // Onboarding changes roles under the profile's rules, which auth keeps.
  const profiles = createProfileService(now, { checkRoleChange: auth.checkRoleChange });

  const metrics = createMetrics({ orm, queue: options.queue, queues: MONITORED_QUEUES });
  const app = new OpenAPIHono<AppEnv>();
  app.use(async (c, next) => {
    await next();
    // An answer sent before the request's body arrived whole (401, 413, 400 …) ends the
    // connection: the server would otherwise close it mid-keep-alive once it gives up waiting
    // for the rest, under a next request the client may already have sent. Draining ends them all.
    const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
    if (isDraining() || (incoming && !incoming.complete)) c.header('Connection', 'close');
  });
  app.use(metrics.recordRequests);
  app.use(requestIds());
  app.use(async (c, next) => {
    const started = performance.now();
    c.set('logger', logger.child({ request_id: c.get('requestId') }));
    await next();
    c.get('logger').info(
      { method: c.req.method, path: new URL(c.req.url).pathname, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });
  app.use(secureHeaders());
  app.use(corsFor(config.CORS_ORIGINS));
  app.use(bodyLimitOf(config.BODY_LIMIT_BYTES));
  app.use(async (c, next) => {
    c.set('em', orm.em.fork());
    await next();
  });
  app.use(
    createMiddleware<AppEnv>(async (c, next) => {
      c.set('user', null);
      c.set('authError', null);
      const header = c.req.header('authorization');
      if (header) {
        const token = bearerToken(header);
        if (token instanceof ProblemError) {
          c.set('authError', token);
        } else {
          try {
            c.set('user', await auth.authenticate(c.get('em'), token));
          } catch (error) {
            // Public operations ignore a bad token; protected ones report it (see requireUser).
            if (!(error instanceof ProblemError)) throw error;
            c.set('authError', error);
          }
        }
      }
      await next();
    }),
  );

  const api = createRouter();
  registerAuthRoutes(api, {
    auth,
    portfolio: createPortfolioService(now, allowHttpUrls),
    authLimit: limit('auth', config.RATE_LIMIT_AUTH_PER_MINUTE, 60),
    checkLimit: limit('checks', config.RATE_LIMIT_CHECKS_PER_MINUTE, 60),
    trustProxy: config.TRUST_PROXY,
  });
  registerTasksRoutes(api, tasks);
  registerRecommendationsRoutes(api, { profiles, recommendations: createRecommendationsService(now) });
  registerPaymentsRoutes(api, payments);
  registerNotificationsRoutes(api, createNotificationsService(now, createUnsubscribeTokens(config.JWT_SECRET)));
  const live = createLiveHub({ orm, logger, now });
  registerStreamRoutes(api, { live, now, heartbeatSeconds: config.STREAM_HEARTBEAT_SECONDS });
  registerMessagingRoutes(api, createMessagingService({ now, sendLimit: limit('messages', config.RATE_LIMIT_MESSAGES_PER_MINUTE, 60, 'You are sending messages too fast. Try again in {seconds} seconds.') }));
  registerChatbotRoutes(
    api,
    createChatbotService({
      now,
      model: options.assistant,
      logger,
      limits: [
        limit('assistant-minute', config.CHATBOT_MESSAGES_PER_MINUTE, 60, 'You are writing to the assistant too fast. Try again in {seconds} seconds.'),
        limit('assistant-day', config.CHATBOT_MESSAGES_PER_DAY, 24 * 60 * 60, "You have reached today's limit of messages to the assistant. Try again in {seconds} seconds."),
      ],
      historyTokens: config.CHATBOT_HISTORY_TOKENS,
    }),
  );

  // Liveness and status: 200 while the process serves and its database answers, draining or not.
  api.get('/health/', async (c) => {
    const database = await orm.isConnected();
    const queues = database ? await options.queue.backlog(MONITORED_QUEUES) : [];
    return c.json(
      { status: database ? 'ok' : 'degraded', database: database ? 'up' : 'down', draining: isDraining(), queues },
      database ? 200 : 503,
    );
  });
  // Readiness: whether a load balancer should send requests here; 503 from the moment a drain starts.
  api.get('/health/ready/', async (c) => {
    if (isDraining()) return c.json({ status: 'draining' }, 503);
    const database = await orm.isConnected();
    return c.json({ status: database ? 'ready' : 'database down' }, database ? 200 : 503);
  });
  metrics.registerEndpoint(api, config);

  api.get('/openapi.json', (c) => c.body(bundledSpec, 200, { 'Content-Type': 'application/json' }));
  serveDocs(api, { path: '/docs/', specUrl: '/api/openapi.json', publicPath: '/api/docs/' });

  // What `npm start` prints: where the rest is. (On the app: the router's "/" would be "/api".)
  app.get('/api/', (c) =>
    c.json({
      name: specInfo.title,
      version: specInfo.version,
      links: { docs: '/api/docs/', openapi: '/api/openapi.json', health: '/api/health/', ready: '/api/health/ready/' },
    }),
  );
  app.route('/api', api);
  app.notFound(onNotFound);
  app.onError(onError);
  return { app, api, auth, payments, live };
}
