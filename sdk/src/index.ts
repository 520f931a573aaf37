/**
 * The taskmarket SDK: openapi-fetch typed by the generated `schema.ts`, plus the session handling
 * every frontend would otherwise rewrite: a pluggable token store, bearer tokens on protected
 * operations, tokens captured from the auth operations that issue them, and one
 * refresh-and-retry when an access token is rejected.
 */
import createFetchClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import { paginate, type PagedItem, type PagedPath, type PaginateOptions } from './paginate.js';
import { publicOperations } from './public-operations.js';
import { resilienceMiddleware, type RetryOptions } from './resilience.js';
import type { components, paths } from './schema.js';

export type * from './schema.js';
export { publicOperations };
export { chatStream, type ChatStreamEvent, type ChatStreamResult } from './chat-stream.js';
export { NetworkError, type RetryOptions } from './resilience.js';
export type { PagedItem, PagedPath, PaginateOptions } from './paginate.js';
export { subscribe, StreamRefused, type StreamEvent, type StreamEventData, type SubscribeOptions } from './subscribe.js';

/** The RFC 9457 problem document every error response carries. */
export type Problem = components['schemas']['Problem'];
/**
 * What `ProblemError` carries: the service's problem document, or, for an error answer that is
 * not one (a proxy's HTML page), one made up here with the code `unexpected_response`.
 */
export type ReceivedProblem = Omit<Problem, 'code'> & { code: Problem['code'] | 'unexpected_response' };

export interface TokenPair {
  access: string;
  refresh: string;
}

/** Where the client keeps the session. Implement it over whatever storage your app uses. */
export interface TokenStore {
  get(): TokenPair | null | Promise<TokenPair | null>;
  set(tokens: TokenPair): void | Promise<void>;
  clear(): void | Promise<void>;
}

/** Keeps tokens in memory: the default, and right for servers and tests. */
export function memoryTokenStore(initial: TokenPair | null = null): TokenStore {
  let tokens = initial;
  return {
    get: () => tokens,
    set: (next) => {
      tokens = next;
    },
    clear: () => {
      tokens = null;
    },
  };
}

/** Keeps tokens in a Web Storage object (`localStorage`, `sessionStorage`) under one key. */
export function webStorageTokenStore(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  key = 'taskmarket.tokens',
): TokenStore {
  return {
    get: () => {
      const raw = storage.getItem(key);
      if (!raw) return null;
      try {
        const parsed = JSON.parse(raw) as Partial<TokenPair>;
        return typeof parsed.access === 'string' && typeof parsed.refresh === 'string'
          ? { access: parsed.access, refresh: parsed.refresh }
          : null;
      } catch {
        return null;
      }
    },
    set: (tokens) => storage.setItem(key, JSON.stringify(tokens)),
    clear: () => storage.removeItem(key),
  };
}

export interface TaskmarketClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** `http://localhost:8000/api` for the real server, `http://127.0.0.1:4010/api` for the mock. */
  baseUrl: string;
  /** Where the session lives; defaults to memory. */
  tokenStore?: TokenStore;
  /** Called once the refresh token is rejected too and the session is cleared: show the login. */
  onSessionExpired?: () => void;
  /** Retries of calls safe to repeat on 429 and 503, after `Retry-After` (default: 2, waiting up to 30 s); `false` for none. */
  retry?: RetryOptions | false;
}

/**
 * The media types the typed calls read. Event streams (`GET /stream/`, a streamed chat reply)
 * have their own helpers, `subscribe()` and `chatStream()`; leaving them out here keeps `data`
 * the JSON body's type rather than a union with the stream's text.
 */
export type JsonMediaType = 'application/json' | 'application/problem+json';

export type TaskmarketClient = Client<paths, JsonMediaType> & {
  readonly tokenStore: TokenStore;
  /** Every item of a paged list, page after page: `for await (const task of api.paginate('/tasks/')) …`. */
  paginate: <P extends PagedPath>(path: P, options?: PaginateOptions<P>) => AsyncGenerator<PagedItem<P>, void>;
};

/** Operations whose 2xx body carries a fresh `{access, refresh}` pair to keep. */
const TOKEN_ISSUERS = new Set([
  'POST /auth/register/',
  'POST /auth/login/',
  'POST /auth/token/',
  'POST /auth/token/refresh/',
  'POST /auth/google/login/',
  'POST /auth/profile/change-password/',
]);

/** Operations after whose success the session is gone. */
const SESSION_ENDERS = new Set(['POST /auth/logout/', 'DELETE /auth/delete-account/']);

const REFRESH_PATH = '/auth/token/refresh/';

export function createClient(options: TaskmarketClientOptions): TaskmarketClient {
  const { tokenStore = memoryTokenStore(), onSessionExpired, retry = {}, ...clientOptions } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const client = createFetchClient<paths, JsonMediaType>({ ...clientOptions, baseUrl });
  client.use(sessionMiddleware(baseUrl, tokenStore, onSessionExpired));
  client.use(resilienceMiddleware(retry === false ? { retries: 0 } : retry));
  return Object.assign(client, {
    tokenStore,
    paginate: <P extends PagedPath>(path: P, paginateOptions: PaginateOptions<P> = {}) => paginate(client, path, paginateOptions, (result) => unwrap(result) as never),
  });
}

function sessionMiddleware(
  baseUrl: string,
  tokenStore: TokenStore,
  onSessionExpired: (() => void) | undefined,
): Middleware {
  // A copy of each authenticated request, taken before its body is consumed, to replay once.
  const replays = new Map<string, { request: Request; access: string }>();
  let refreshing: Promise<TokenPair | null> | null = null;

  async function refresh(fetchImpl: typeof fetch, rejectedAccess: string): Promise<TokenPair | null> {
    const current = await tokenStore.get();
    if (!current) return null;
    // Another request already refreshed while this one was in flight: use its result.
    if (current.access !== rejectedAccess) return current;
    refreshing ??= (async () => {
      try {
        const response = await fetchImpl(
          new Request(baseUrl + REFRESH_PATH, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({ refresh: current.refresh }),
          }),
        );
        const body = response.ok ? ((await response.json()) as Partial<TokenPair>) : null;
        if (typeof body?.access !== 'string' || typeof body.refresh !== 'string') {
          await tokenStore.clear();
          onSessionExpired?.();
          return null;
        }
        const tokens = { access: body.access, refresh: body.refresh };
        await tokenStore.set(tokens);
        return tokens;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  return {
    async onRequest({ request, schemaPath, id }) {
      if (publicOperations.has(`${request.method} ${schemaPath}`)) return undefined;
      const tokens = await tokenStore.get();
      if (!tokens) return undefined;
      request.headers.set('Authorization', `Bearer ${tokens.access}`);
      replays.set(id, { request: request.clone(), access: tokens.access });
      return request;
    },

    async onResponse({ request, response, schemaPath, id, options }) {
      const replay = replays.get(id);
      replays.delete(id);
      const operation = `${request.method} ${schemaPath}`;

      if (response.status === 401 && replay) {
        const tokens = await refresh(options.fetch, replay.access);
        if (!tokens) return response;
        replay.request.headers.set('Authorization', `Bearer ${tokens.access}`);
        return options.fetch(replay.request);
      }
      if (response.ok && TOKEN_ISSUERS.has(operation)) {
        const body = (await response.clone().json()) as Partial<TokenPair>;
        if (typeof body.access === 'string' && typeof body.refresh === 'string') {
          await tokenStore.set({ access: body.access, refresh: body.refresh });
        }
      }
      if (response.ok && SESSION_ENDERS.has(operation)) await tokenStore.clear();
      return undefined;
    },

    onError({ id }) {
      replays.delete(id);
    },
  };
}

/** True when `value` is a problem document (the body of every error response). */
export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).code === 'string'
  );
}

/** Thrown by `unwrap` for an error response; `problem` is the typed problem document. */
export class ProblemError extends Error {
  readonly problem: ReceivedProblem;
  readonly status: number;

  /** The request id to quote to support (the server's `X-Request-Id`), when there is one. */
  readonly requestId: string | undefined;

  constructor(problem: ReceivedProblem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
    this.status = problem.status;
    this.requestId = problem.request_id;
  }
}

/**
 * Turns an openapi-fetch result into its data, throwing a `ProblemError` for an error response:
 * `const task = unwrap(await client.GET('/tasks/{id}/', { params: { path: { id: 42 } } }))`.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const { error, response } = result;
    throw new ProblemError(
      isProblem(error)
        ? error
        : {
            type: 'about:blank',
            title: response.statusText || 'Request failed',
            status: response.status,
            code: 'unexpected_response',
            detail: typeof error === 'string' ? error : undefined,
            request_id: response.headers.get('x-request-id') ?? undefined,
          },
    );
  }
  return result.data as T;
}
