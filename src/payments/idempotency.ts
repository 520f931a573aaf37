/**
 * `Idempotency-Key` on money-moving requests, as Stripe's API has it: the first request with a
 * key runs and its answer (2xx or 4xx) is kept for 24 hours; a retry with the same key and body
 * gets that answer again without running; the same key with another body is refused. A failure
 * on our side or at Stripe (5xx) is forgotten, so that its retry runs and completes the work.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '../app/env.ts';
import { currentUser } from '../app/router.ts';
import { querySql } from '../db/sql.ts';
import { ProblemError, problems } from '../lib/problem.ts';

export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** A first request that has not answered after this long died with its process: a retry takes over. */
const ABANDONED_AFTER_MS = 60_000;

export type Answer<T> = { status: 200 | 201; body: T };

type KeyRow = { id: string; operation: string; request_hash: string; response_status: number | null; response_body: unknown; created_at: Date };

/**
 * Runs `run` once per idempotency key of the caller. `run` gets the key to pass on to Stripe
 * (derived from the caller's, or undefined without one) and answers with status and body.
 * The response is typed as the route expects (`Typed`): it is `run`'s answer or a replay of it.
 */
export async function idempotent<T, Typed = Response>(
  c: Context<AppEnv>,
  operation: string,
  now: () => Date,
  run: (stripeKey: string | undefined) => Promise<Answer<T>>,
): Promise<Typed> {
  return (await answerOnce(c, operation, now, run)) as Typed;
}

async function answerOnce<T>(c: Context<AppEnv>, operation: string, now: () => Date, run: (stripeKey: string | undefined) => Promise<Answer<T>>): Promise<Response> {
  const key = c.req.header('idempotency-key');
  const user = currentUser(c);
  if (!key) {
    const answer = await run(undefined);
    return c.json(answer.body as object, answer.status);
  }
  const em = c.get('em');
  const body: unknown = c.req.header('content-type')?.includes('json') ? await c.req.json<unknown>().catch(() => null) : null;
  const requestHash = createHash('sha256').update(JSON.stringify([operation, new URL(c.req.url).pathname, body])).digest('hex');

  const claim = async (): Promise<KeyRow | null> => {
    const [claimed] = await querySql<{ id: string }>(em, {
      text: `insert into idempotency_key (user_id, key, operation, request_hash, created_at) values ($1, $2, $3, $4, $5)
             on conflict (user_id, key) do nothing returning id`,
      values: [user.id, key, operation, requestHash, now()],
    });
    if (claimed) return null;
    const [existing] = await querySql<KeyRow>(em, {
      text: `select id, operation, request_hash, response_status, response_body, created_at from idempotency_key where user_id = $1 and key = $2`,
      values: [user.id, key],
    });
    return existing ?? null;
  };

  let existing = await claim();
  if (existing) {
    const age = now().getTime() - new Date(existing.created_at).getTime();
    const abandoned = existing.response_status === null && age > ABANDONED_AFTER_MS;
    if (age > IDEMPOTENCY_KEY_TTL_MS || abandoned) {
      // Expired or abandoned: the key starts afresh (one taker wins the delete).
      await querySql(em, { text: `delete from idempotency_key where id = $1`, values: [existing.id] });
      existing = await claim();
    }
  }
  if (existing) {
    if (existing.operation !== operation || existing.request_hash !== requestHash) {
      throw problems.idempotencyKeyReused(`The Idempotency-Key "${key}" was already used with another request. Send a new key for a new request.`);
    }
    if (existing.response_status === null) {
      throw problems.idempotencyKeyReused(`The first request with the Idempotency-Key "${key}" is still running. Retry in a moment.`);
    }
    c.header('Idempotent-Replayed', 'true');
    const contentType = existing.response_status >= 400 ? 'application/problem+json' : 'application/json';
    return c.body(JSON.stringify(existing.response_body), existing.response_status as 200, { 'Content-Type': contentType });
  }

  const remember = (status: number, responseBody: unknown) =>
    querySql(em, {
      text: `update idempotency_key set response_status = $1, response_body = $2 where user_id = $3 and key = $4`,
      values: [status, JSON.stringify(responseBody), user.id, key],
    });
  try {
    const answer = await run(`${operation}:${user.id}:${key}`);
    await remember(answer.status, answer.body);
    return c.json(answer.body as object, answer.status);
  } catch (error) {
    if (error instanceof ProblemError && error.status < 500) {
      await remember(error.status, error.toProblem(new URL(c.req.url).pathname, c.get('requestId')));
    } else {
      await querySql(em, { text: `delete from idempotency_key where user_id = $1 and key = $2`, values: [user.id, key] });
    }
    throw error;
  }
}
