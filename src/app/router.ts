/**
 * The router every domain registers its handlers on. Validation failures become problem+json
 * naming the fields, and protected operations (those the contract does not mark `security: []`)
 * refuse anonymous callers before their input is even validated. No input may carry the NUL
 * character, whatever its field.
 */
import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';
import { problems } from '../lib/problem.ts';
import { fieldErrors, nulCharacterErrors } from '../lib/validation.ts';

export type AppRouter = OpenAPIHono<AppEnv>;

export function createRouter(): AppRouter {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw problems.validation(fieldErrors(result.error, result.target));
    },
  });
}

export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('user')) throw c.get('authError') ?? problems.unauthenticated();
  await next();
});

export function isPublic(route: RouteConfig): boolean {
  return Array.isArray(route.security) && route.security.length === 0;
}

/** Public, or with an anonymous alternative (`{}` in its security): the handler decides who may. */
function acceptsAnonymous(route: RouteConfig): boolean {
  return isPublic(route) || (route.security ?? []).some((requirement) => Object.keys(requirement).length === 0);
}

/** Refuses the NUL character in any input before the route's own validation (see validation.ts). */
const refuseNulCharacters = createMiddleware<AppEnv>(async (c, next) => {
  let body: unknown;
  if (c.req.header('content-type')?.includes('json')) {
    try {
      // Hono keeps the parsed body: the route's validator reads this same one.
      body = await c.req.json();
    } catch (error) {
      // Malformed JSON is the validator's to report.
      if (!(error instanceof SyntaxError)) throw error;
    }
  }
  const errors = nulCharacterErrors({ path: c.req.param() as Record<string, string>, query: c.req.queries(), body });
  if (Object.keys(errors).length) throw problems.validation(errors);
  await next();
});

/**
 * Registers `handler` for a contract route, with the contract's authentication requirement.
 * `before` runs ahead of every check (the Stripe webhook keeps its raw body there).
 */
export function mount<R extends RouteConfig>(
  router: AppRouter,
  route: R,
  handler: RouteHandler<R, AppEnv>,
  options: { before?: MiddlewareHandler<AppEnv>[] } = {},
): void {
  const middleware = [...(options.before ?? []), ...(acceptsAnonymous(route) ? [refuseNulCharacters] : [requireUser, refuseNulCharacters])];
  router.openapi({ ...route, middleware } as R, handler);
}

/** The signed-in user of a protected route (`mount` guarantees one). */
export function currentUser(c: { get: (key: 'user') => AppEnv['Variables']['user'] }) {
  const user = c.get('user');
  if (!user) throw problems.unauthenticated();
  return user;
}

/**
 * A Server-Sent Events response (Hono's `streamSSE`) as a handler's answer: proxies must neither
 * buffer nor cache it. The contract's route types describe JSON answers, so it is returned untyped.
 */
export function eventStreamAnswer(response: Response): never {
  response.headers.set('Cache-Control', 'no-store');
  response.headers.set('X-Accel-Buffering', 'no');
  return response as never;
}
