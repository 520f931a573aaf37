/**
 * The router every domain registers its handlers on. Validation failures become problem+json
 * naming the fields, and protected operations (those the contract does not mark `security: []`)
 * refuse anonymous callers before their input is even validated.
 */
import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';
import { problems } from '../lib/problem.ts';
import { fieldErrors } from '../lib/validation.ts';

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

/** Registers `handler` for a contract route, with the contract's authentication requirement. */
export function mount<R extends RouteConfig>(router: AppRouter, route: R, handler: RouteHandler<R, AppEnv>): void {
  const guarded = isPublic(route) ? route : { ...route, middleware: [requireUser] };
  router.openapi(guarded as R, handler);
}

/** The signed-in user of a protected route (`mount` guarantees one). */
export function currentUser(c: { get: (key: 'user') => AppEnv['Variables']['user'] }) {
  const user = c.get('user');
  if (!user) throw problems.unauthenticated();
  return user;
}
