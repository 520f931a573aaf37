/**
 * The mock's front: the service's own request handling (request ids, CORS, body limit, bearer
 * check, the contract's validation, problem+json for every error, 404/405) in front of Prism,
 * which answers what passes with the contract's examples. So the mock's errors are the server's,
 * field by field, and what differs is only what a mock cannot know (see mock/README.md).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import pino from 'pino';
import type { AppEnv } from '../src/app/env.ts';
import { notFoundHandler, onError } from '../src/app/errors.ts';
import { bearerToken, bodyLimitOf, corsFor, requestIds } from '../src/app/http-middleware.ts';
import { createRouter, mount } from '../src/app/router.ts';
import { routes } from '../src/contract/routes.ts';
import { ProblemError } from '../src/lib/problem.ts';

export type MockOptions = {
  /** Where Prism listens. */
  prismUrl: string;
  /** The browser origins allowed, as the server's CORS_ORIGINS. */
  corsOrigins: string[];
  bodyLimitBytes: number;
};

/** Any bearer token signs in, as this stand-in user: the mock has no accounts to check it against. */
const MOCK_USER = { id: 1 } as NonNullable<AppEnv['Variables']['user']>;

/** Headers of a request that belong to its hop to the mock, not to Prism's. */
const HOP_HEADERS = ['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'origin'];

/** Headers of Prism's answer that are the answer's, not the hop's. */
const FORWARDED_HEADERS = ['content-type', 'retry-after', 'etag', 'cache-control', 'www-authenticate', 'location'];

export function createMockApp(options: MockOptions) {
  const app = new OpenAPIHono<AppEnv>();
  app.use(requestIds());
  const silent = pino({ level: 'silent' });
  app.use(async (c, next) => {
    c.set('logger', silent);
    await next();
  });
  app.use(corsFor(options.corsOrigins));
  app.use(bodyLimitOf(options.bodyLimitBytes));
  app.use(
    createMiddleware<AppEnv>(async (c, next) => {
      const header = c.req.header('authorization');
      const token = header === undefined ? null : bearerToken(header);
      c.set('user', typeof token === 'string' ? MOCK_USER : null);
      c.set('authError', token instanceof ProblemError ? token : null);
      await next();
    }),
  );

  const api = createRouter();
  for (const route of Object.values(routes)) {
    mount(api, route, (async (c: import('hono').Context<AppEnv>) => {
      const url = new URL(c.req.url);
      const path = url.pathname.replace(/^\/api(?=\/)/, '');
      const headers = new Headers(c.req.raw.headers);
      for (const name of HOP_HEADERS) headers.delete(name);
      const hasBody = !['GET', 'HEAD', 'DELETE'].includes(c.req.method) || Number(c.req.header('content-length') ?? 0) > 0;
      const answer = await fetch(`${options.prismUrl}${path}${url.search}`, {
        method: c.req.method,
        headers,
        body: hasBody ? await c.req.arrayBuffer() : undefined,
      });
      const forwarded = new Headers();
      for (const name of FORWARDED_HEADERS) {
        const value = answer.headers.get(name);
        if (value) forwarded.set(name, value);
      }
      return new Response(answer.body, { status: answer.status, headers: forwarded });
    }) as never);
  }
  // Health is the service's, outside the contract: the mock answers it as its own, so a health
  // check (a compose file's, a frontend's status badge) works against it too.
  api.get('/health/', (c) => c.json({ status: 'ok', mock: true }));
  api.get('/health/ready/', (c) => c.json({ status: 'ready', mock: true }));
  // At /api like the server, and at the root as before: a client changes only its host.
  app.route('/api', api);
  app.route('/', api);
  app.notFound(notFoundHandler('(?:/api)?'));
  app.onError(onError);
  return app;
}
