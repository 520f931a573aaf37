/**
 * `@taskmarket/sdk/msw`: Mock Service Worker handlers for frontend unit tests, one per operation
 * of the contract, each answering its first success example (the same answers as the mock
 * server, without running one). Override one operation in a test with `answer()`:
 *
 *   const server = setupServer(...handlers('http://localhost:8000/api'));
 *   server.use(answer('http://localhost:8000/api', 'POST /auth/login/', 401, { … a Problem … }));
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { operationExamples } from './examples.js';
import type { paths } from './schema.js';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
/** "METHOD /path/" of every operation of the contract. */
export type OperationKey = { [P in keyof paths]: { [M in Method]: paths[P][M] extends undefined ? never : `${Uppercase<M>} ${P & string}` }[Method] }[keyof paths];

/** `/tasks/{id}/` as MSW writes it (`/tasks/:id/`), under `baseUrl`. */
const urlOf = (baseUrl: string, path: string) => `${baseUrl.replace(/\/+$/, '')}${path.replace(/\{([^}]+)\}/g, ':$1')}`;

function respond(status: number, contentType: string | null, body: unknown): Response {
  if (contentType === null || body === null) return new HttpResponse(null, { status });
  if (typeof body === 'string') return new HttpResponse(body, { status, headers: { 'Content-Type': contentType } });
  return HttpResponse.json(body, { status, headers: { 'Content-Type': contentType } });
}

/** A handler for every operation, answering its example, under `baseUrl` (`*` matches any origin: `'*\/api'`). */
export function handlers(baseUrl: string): HttpHandler[] {
  return operationExamples.map((example) =>
    http[example.method.toLowerCase() as Method](urlOf(baseUrl, example.path), () => respond(example.status, example.contentType, example.body)),
  );
}

/**
 * One operation answering `body` with `status` (a problem document for an error): put it in front
 * with `server.use(…)` for one test. `body` may be a function of the request.
 */
export function answer(baseUrl: string, operation: OperationKey, status: number, body: unknown): HttpHandler {
  const [method, path] = operation.split(' ') as [string, string];
  return http[method.toLowerCase() as Method](urlOf(baseUrl, path), ({ request }) => {
    const value = typeof body === 'function' ? (body as (request: Request) => unknown)(request) : body;
    const contentType = value === null || value === undefined ? null : status >= 400 ? 'application/problem+json' : 'application/json';
    return respond(status, contentType, value ?? null);
  });
}
