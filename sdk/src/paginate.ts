/**
 * `api.paginate(path, { query, path })`: every item of a paged list, page after page, as one
 * async iterator (`for await (const task of api.paginate('/tasks/', { query: { category: 3 } }))`).
 * It stops after the last page, or when the signal aborts; an error answer throws `ProblemError`.
 */
import type { Client } from 'openapi-fetch';
import type { paths } from './schema.js';

type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type PageOf<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } } ? JsonOf<R> : never;

/** The paths whose GET answers a page: `{ count, next, previous, results }`. */
export type PagedPath = {
  [P in keyof paths]: PageOf<P> extends { results: unknown[]; next: string | null } ? P : never;
}[keyof paths];

/** One item of a paged path's `results`. */
export type PagedItem<P extends PagedPath> = PageOf<P> extends { results: (infer Item)[] } ? Item : never;

type ParametersOf<P extends PagedPath> = paths[P]['get'] extends { parameters: infer Parameters } ? Parameters : never;

export type PaginateOptions<P extends PagedPath> = {
  /** The list's filters; `page` is the iterator's to set. */
  query?: Omit<NonNullable<ParametersOf<P> extends { query?: infer Q } ? Q : never>, 'page'>;
  path?: ParametersOf<P> extends { path: infer Path } ? Path : never;
  signal?: AbortSignal;
};

export async function* paginate<P extends PagedPath>(
  client: Client<paths, `${string}/${string}`>,
  path: P,
  options: PaginateOptions<P>,
  onError: (result: { error?: unknown; response: Response }) => never,
): AsyncGenerator<PagedItem<P>, void> {
  const get = client.GET as unknown as (path: string, init: unknown) => Promise<{ data?: { results: PagedItem<P>[]; next: string | null }; error?: unknown; response: Response }>;
  for (let page = 1; ; page += 1) {
    const result = await get(path, { params: { query: { ...options.query, page }, path: options.path }, signal: options.signal });
    if (!result.data) onError(result);
    yield* result.data!.results;
    if (!result.data!.next) return;
  }
}
