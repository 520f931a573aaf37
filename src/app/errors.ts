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

/**
 * The 404 handler: an unknown path (404), or a known path with another method (405 with
 * `Allow`). `prefix` is where the contract's paths are served, as a pattern (the mock serves them
 * at its root too).
 */
export function notFoundHandler(prefix: string): (c: Context<AppEnv>) => Response {
  // The contract's paths as patterns, to tell an unknown path (404) from a wrong method (405).
  const pathMethods = new Map<string, { pattern: RegExp; methods: string[] }>();
  for (const route of Object.values(routes)) {
    const source = `^${prefix}${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`;
    const entry = pathMethods.get(source) ?? { pattern: new RegExp(source), methods: [] };
    entry.methods.push(route.method.toUpperCase());
    pathMethods.set(source, entry);
  }
  return (c) => {
    const path = new URL(c.req.url).pathname;
    for (const { pattern, methods } of pathMethods.values()) {
      if (pattern.test(path) && !methods.includes(c.req.method)) {
        const error = new ProblemError(405, 'method_not_allowed', `${c.req.method} is not allowed on ${path}; use ${methods.join(', ')}.`, {
          headers: { Allow: methods.join(', ') },
        });
        return problemResponse(c, error);
      }
    }
    return problemResponse(c, problems.notFound(`Nothing at ${c.req.method} ${path}. Paths end with a slash, like /api/tasks/.`));
  };
}

export const onNotFound = notFoundHandler('/api');
