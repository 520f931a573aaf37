/**
 * Rate limits answer 429 with Retry-After; a dead SMTP server neither fails nor slows a request,
 * and the mail waits in the durable queue instead of being lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, newUser } from '../support/http.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  t = await startTestApp({
    // Port 9 (discard) has no SMTP server: every delivery attempt fails.
    env: { SMTP_URL: 'smtp://127.0.0.1:9', RATE_LIMIT_AUTH_PER_MINUTE: '5', RATE_LIMIT_CHECKS_PER_MINUTE: '3' },
  });
  call = caller(t);
});
afterAll(async () => {
  await t?.close();
});

describe('rate limits', () => {
  it('throttle logins per address and account, with Retry-After', async () => {
    const body = { email: 'target@example.com', password: 'WrongPass999' };
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt += 1) statuses.push((await call('POST', '/auth/login/', { body })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await call('POST', '/auth/login/', { body });
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address is not throttled by the first one's failures.
    expect((await call('POST', '/auth/login/', { body: { ...body, email: 'other@example.com' } })).status).toBe(401);
  });

  it('throttle the availability checks', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await call('GET', '/auth/check-username/?username=someone')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('mail delivery', () => {
  it('does not hold up or fail a request when SMTP is down, and keeps the mail queued', async () => {
    const user = newUser();
    const answer = await call('POST', '/auth/register/', { body: user });
    expect(answer.status).toBe(201);
    const [job] = await t.orm.em.fork().getConnection().execute(
      `select state, data->>'to' as recipient from pgboss.job where name = 'mail.send' and data->>'to' = ?`,
      [user.email],
    );
    expect(job).toMatchObject({ recipient: user.email });
    expect(['created', 'active', 'retry']).toContain(job?.state);
  });
});

describe('an unexpected failure', () => {
  // Last in this file: it breaks the database.
  it('answers 500 problem+json without internals, with the request id to quote', async () => {
    await t.orm.em.fork().getConnection().execute('drop table email_token');
    const response = await t.app.fetch(
      new Request('http://taskmarket.test/api/auth/verify-email/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"token":"abc"}' }),
    );
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = await response.json();
    expect(body).toMatchObject({ status: 500, code: 'internal_error', request_id: response.headers.get('x-request-id') });
    expect(JSON.stringify(body)).not.toMatch(/select|app_user|stack|Error:/i);
  });
});

