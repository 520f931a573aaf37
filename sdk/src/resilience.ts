/**
 * What every call gets without asking: an `Idempotency-Key` on the operations that move money
 * (kept across retries, so a retry never pays twice), retries of calls that are safe to repeat
 * when the server answers 429 or 503 (after its `Retry-After`), and a typed `NetworkError` when
 * no answer arrives at all.
 */
import type { Middleware } from 'openapi-fetch';
import { idempotencyKeyOperations } from './public-operations.js';

export interface RetryOptions {
  /** Retries after the first try (default 2); 0 turns retrying off. */
  retries?: number;
  /** The longest wait the client accepts; a longer `Retry-After` is answered at once (default 30,000 ms). */
  maxDelayMs?: number;
}

/** No answer arrived: the network is down, the host unknown, or the browser refused (CORS). */
export class NetworkError extends Error {
  readonly method: string;
  readonly url: string;
  constructor(method: string, url: string, cause: unknown) {
    super(`${method} ${url}: no answer from the server (${cause instanceof Error ? cause.message : String(cause)}).`, { cause });
    this.name = 'NetworkError';
    this.method = method;
    this.url = url;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const RETRIED_STATUSES = new Set([429, 503]);

/** `Retry-After` in milliseconds (seconds or an HTTP date), or a short backoff when absent. */
function waitOf(response: Response, attempt: number): number {
  const header = response.headers.get('retry-after');
  if (header !== null) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  return 250 * 2 ** attempt;
}

const sleep = (ms: number, signal: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    }, { once: true });
  });

export function resilienceMiddleware(retry: RetryOptions): Middleware {
  const retries = retry.retries ?? 2;
  const maxDelayMs = retry.maxDelayMs ?? 30_000;
  // A copy of each request that may be repeated, taken before its body is consumed.
  const copies = new Map<string, Request>();
  return {
    onRequest({ request, schemaPath, id }) {
      const keyed = idempotencyKeyOperations.has(`${request.method} ${schemaPath}`);
      if (keyed && !request.headers.has('Idempotency-Key')) request.headers.set('Idempotency-Key', crypto.randomUUID());
      if (retries > 0 && (SAFE_METHODS.has(request.method) || keyed)) copies.set(id, request.clone());
      return request;
    },
    async onResponse({ response, id, options }) {
      const copy = copies.get(id);
      copies.delete(id);
      if (!copy) return undefined;
      let answer = response;
      for (let attempt = 0; attempt < retries && RETRIED_STATUSES.has(answer.status); attempt += 1) {
        const wait = waitOf(answer, attempt);
        if (wait > maxDelayMs) break;
        await sleep(wait, copy.signal);
        answer = await options.fetch(copy.clone());
      }
      return answer === response ? undefined : answer;
    },
    onError({ request, error, id }) {
      copies.delete(id);
      // An abort is the caller's own doing: it stays an AbortError.
      if (request.signal.aborted || (error instanceof Error && error.name === 'AbortError')) return error as Error;
      return new NetworkError(request.method, request.url, error);
    },
  };
}
