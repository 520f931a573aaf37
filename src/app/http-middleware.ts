/**
 * The request handling the service and the mock share, so that both answer alike: request ids,
 * CORS, the body limit, and how the Authorization header is read.
 */
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { ProblemError, problems } from '../lib/problem.ts';

/** A caller's id is kept only when short and safe to log and echo (the contract's RequestId). */
export const requestIds = () => requestId({ headerName: 'X-Request-Id', limitLength: 64 });

export const corsFor = (origins: string[]) =>
  cors({ origin: origins.includes('*') ? '*' : origins, exposeHeaders: ['X-Request-Id', 'Retry-After', 'WWW-Authenticate'], maxAge: 600 });

export const bodyLimitOf = (bytes: number) =>
  bodyLimit({
    maxSize: bytes,
    onError: () => {
      throw problems.payloadTooLarge(`The request body is larger than ${bytes} bytes.`);
    },
  });

/** The token of an `Authorization: Bearer <token>` header; a problem for another form. */
export function bearerToken(header: string): string | ProblemError {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1]! : problems.unauthenticated('The Authorization header must be "Bearer <access>".');
}
