/**
 * Every error leaves as problem+json: our ProblemErrors, Hono's HTTP exceptions (malformed JSON,
 * body too large), unknown routes (404) and methods (405), and anything unexpected (500, logged,
 * no internals in the answer).
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routes } from '../contract/routes.ts';
import { isDatabaseUnreachable } from '../db/database-errors.ts';
import { ProblemError, problems } from '../lib/problem.ts';
import type { AppEnv } from './env.ts';

export function problemResponse(c: Context<AppEnv>, error: ProblemError): Response {
  const body = error.toProblem(new URL(c.req.url).pathname, c.get('requestId'));
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'Content-Type': 'application/problem+json', ...error.headers },
  });
}

function fromHttpException(error: HTTPException): ProblemError | undefined {
  if (error.status === 413) return problems.payloadTooLarge('The request body is too large.');
  // The contract answers a wrong content type as any other malformed request: 400.
  if (error.status === 415) return problems.validation({ body: ['Send the body as JSON with Content-Type: application/json.'] });
  if (error.status === 400) {
    const detail = /json/i.test(error.message) ? 'The request body is not valid JSON.' : error.message;
    return problems.validation({ body: [detail] }, detail);
  }
  return undefined;
}

export function onError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ProblemError) return problemResponse(c, error);
  const known = error instanceof HTTPException ? fromHttpException(error) : undefined;
  if (known) return problemResponse(c, known);
  if (isDatabaseUnreachable(error)) {
    c.get('logger')?.warn({ err: error }, 'database unreachable');
    return problemResponse(c, problems.databaseUnavailable());
  }
  c.get('logger')?.error({ err: error }, 'unhandled error');
  return problemResponse(c, problems.internal());
}

// The contract's paths as patterns, to tell an unknown path (404) from a wrong method (405).
const pathMethods = new Map<RegExp, string[]>();
for (const route of Object.values(routes)) {
  const pattern = new RegExp(`^/api${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
  const existing = [...pathMethods.keys()].find((key) => key.source === pattern.source);
  if (existing) pathMethods.get(existing)!.push(route.method.toUpperCase());
  else pathMethods.set(pattern, [route.method.toUpperCase()]);
}

export function onNotFound(c: Context<AppEnv>): Response {
  const path = new URL(c.req.url).pathname;
  for (const [pattern, methods] of pathMethods) {
    if (pattern.test(path) && !methods.includes(c.req.method)) {
      const error = new ProblemError(405, 'method_not_allowed', `${c.req.method} is not allowed on ${path}; use ${methods.join(', ')}.`, {
        headers: { Allow: methods.join(', ') },
      });
      return problemResponse(c, error);
    }
  }
  return problemResponse(c, problems.notFound(`Nothing at ${c.req.method} ${path}. Paths end with a slash, like /api/tasks/.`));
}
