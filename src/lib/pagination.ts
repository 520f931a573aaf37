/**
 * `?page=&page_size=` pages answered as `{count, next, previous, results}` with absolute URLs.
 */
import { problems } from './problem.ts';

export type PageQuery = { page: number; page_size: number };
export type Page<T> = { count: number; next: string | null; previous: string | null; results: T[] };

export function pageWindow({ page, page_size }: PageQuery): { limit: number; offset: number } {
  return { limit: page_size, offset: (page - 1) * page_size };
}

/** Builds the page; a page past the last one (other than an empty first page) is a 404. */
export function toPage<T>(requestUrl: string, query: PageQuery, count: number, results: T[]): Page<T> {
  const lastPage = Math.max(1, Math.ceil(count / query.page_size));
  if (query.page > lastPage) throw problems.notFound(`Page ${query.page} does not exist; the last page is ${lastPage}.`);
  const link = (page: number) => {
    const url = new URL(requestUrl);
    url.searchParams.set('page', String(page));
    return url.toString();
  };
  return {
    count,
    next: query.page < lastPage ? link(query.page + 1) : null,
    previous: query.page > 1 ? link(query.page - 1) : null,
    results,
  };
}
