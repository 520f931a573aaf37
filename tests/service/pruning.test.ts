/**
 * The tables that would otherwise grow for ever are pruned by scheduled jobs, run here through the
 * real queue with the service's clock moved forward: spent tokens once TOKEN_RETENTION_DAYS have
 * passed since they expired, were revoked or used; processed events after EVENT_RETENTION_DAYS;
 * never a refresh token that can still detect a replay, never an event nobody has processed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRUNE_TOKENS } from '../../src/auth/auth.jobs.ts';
import { PRUNE_EVENTS } from '../../src/events/events.jobs.ts';
import { PRUNE_RATE_LIMITS } from '../../src/app/workers.ts';
import { PRUNE_LIVE_EVENTS, SEND_DIGESTS, SWEEP_EVENTS } from '../../src/notifications/dispatcher.ts';
import { AUTO_RELEASE, PRUNE_PAYMENT_RECORDS } from '../../src/payments/payments.jobs.ts';
import { REFRESH_RECOMMENDATIONS } from '../../src/recommendations/recommendations.jobs.ts';
import { caller, newUser } from '../support/http.ts';
import { runJob } from '../support/jobs.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const DAY = 24 * 60 * 60 * 1000;

let t: TestApp;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  t = await startTestApp({
    env: { TOKEN_RETENTION_DAYS: '7', EVENT_RETENTION_DAYS: '30', REFRESH_TOKEN_TTL_SECONDS: String(7 * 24 * 60 * 60), JOB_RETENTION_DAYS: '2', DEAD_LETTER_RETENTION_DAYS: '45' },
  });
  call = caller(t);
});
afterAll(async () => {
  await t?.close();
});

const sql = <T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> => t.orm.em.fork().getConnection().execute(text, values);

describe('scheduled pruning', () => {
  it('is on the schedule, every hour (and the other schedules at their pace)', async () => {
    const schedules = await sql<{ name: string; cron: string }>(`select name, cron from pgboss.schedule order by name`);
    const hourly = expect.stringMatching(/^\d+ \* \* \* \*$/);
    const expected = [
      { name: PRUNE_TOKENS, cron: hourly },
      { name: PRUNE_EVENTS, cron: hourly },
      { name: PRUNE_RATE_LIMITS, cron: hourly },
      { name: PRUNE_PAYMENT_RECORDS, cron: hourly },
      { name: PRUNE_LIVE_EVENTS, cron: hourly },
      // Not pruning, and more often: funded escrows due for release, events nobody was woken for, digests due,
      // the figures recommendations read.
      { name: AUTO_RELEASE, cron: '*/10 * * * *' },
      { name: REFRESH_RECOMMENDATIONS, cron: '*/5 * * * *' },
      { name: SWEEP_EVENTS, cron: '* * * * *' },
      { name: SEND_DIGESTS, cron: '*/15 * * * *' },
    ];
    expect(schedules).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
  });

  it('has pg-boss delete finished jobs after JOB_RETENTION_DAYS, and dead letters after DEAD_LETTER_RETENTION_DAYS', async () => {
    const queues = await sql<{ name: string; deletion_seconds: number; retention_seconds: number }>(
      `select name, deletion_seconds, retention_seconds from pgboss.queue where name in ('mail.send', 'mail.dead-letter', ?) order by name`,
      [PRUNE_TOKENS],
    );
    expect(queues).toEqual([
      { name: PRUNE_TOKENS, deletion_seconds: 2 * DAY / 1000, retention_seconds: expect.any(Number) },
      { name: 'mail.dead-letter', deletion_seconds: 45 * DAY / 1000, retention_seconds: 45 * DAY / 1000 },
      { name: 'mail.send', deletion_seconds: 2 * DAY / 1000, retention_seconds: expect.any(Number) },
    ]);
  });

  it('deletes spent tokens once the retention has passed, and keeps a rotated refresh token until it could no longer be replayed', async () => {
    const user = newUser();
    const registered = (await call('POST', '/auth/register/', { body: user })).body;
    // A second session, ended by logout (revoked now); the first one rotated (its first token used now).
    const second = (await call('POST', '/auth/token/', { body: { email: user.email, password: user.password } })).body;
    expect((await call('POST', '/auth/logout/', { token: second.access, body: { refresh: second.refresh } })).status).toBe(204);
    expect((await call('POST', '/auth/token/refresh/', { body: { refresh: registered.refresh } })).status).toBe(200);
    await call('POST', '/auth/password-reset/', { body: { email: user.email } });
    await t.smtp.waitForMail(user.email, /reset/i);
    const tokens = async () => {
      const [row] = await sql<{ refresh: number; revoked: number; used: number; mailed: number }>(
        `select (select count(*)::int from refresh_token where user_id = u.id) as refresh,
                (select count(*)::int from refresh_token where user_id = u.id and revoked_at is not null) as revoked,
                (select count(*)::int from refresh_token where user_id = u.id and used_at is not null and revoked_at is null) as used,
                (select count(*)::int from email_token where user_id = u.id) as mailed
           from app_user u where u.id = ?`,
        [registered.user.id],
      );
      return row!;
    };
    // Login's family: 2 tokens (one used); logout's: 1 revoked. Verification and reset links.
    expect(await tokens()).toEqual({ refresh: 3, revoked: 1, used: 1, mailed: 2 });

    await runJob(t, PRUNE_TOKENS);
    expect(await tokens()).toEqual({ refresh: 3, revoked: 1, used: 1, mailed: 2 });

    // A week and two hours later: the revoked token's retention is over, and the reset link (an
    // hour long) expired more than a week ago; the verification link (a day long) has not. The
    // rotated token expires only now.
    t.advanceClock(7 * DAY + 2 * 60 * 60 * 1000);
    await runJob(t, PRUNE_TOKENS);
    expect(await tokens()).toEqual({ refresh: 2, revoked: 0, used: 1, mailed: 1 });

    // A week after every refresh token of the login expired, none is left.
    t.advanceClock(7 * DAY);
    await runJob(t, PRUNE_TOKENS);
    expect(await tokens()).toEqual({ refresh: 0, revoked: 0, used: 0, mailed: 0 });
  });

  it('deletes processed events after the retention, and never one still waiting to be processed', async () => {
    const [recipient] = await sql<{ id: number }>(`select id from app_user limit 1`);
    const clock = t.now();
    await sql(
      `insert into domain_event (type, recipient_id, payload, occurred_at, processed_at) values
         ('task_completed', ?, '{"n": "processed long ago"}', ?::timestamptz - interval '40 days', ?::timestamptz - interval '31 days'),
         ('task_completed', ?, '{"n": "processed lately"}',  ?::timestamptz - interval '40 days', ?::timestamptz - interval '29 days'),
         ('task_completed', ?, '{"n": "never processed"}',   ?::timestamptz - interval '400 days', null)`,
      [recipient!.id, clock, clock, recipient!.id, clock, clock, recipient!.id, clock],
    );
    await runJob(t, PRUNE_EVENTS);
    const left = await sql<{ n: string }>(`select payload->>'n' as n from domain_event order by id`);
    expect(left.map((row) => row.n)).toEqual(['processed lately', 'never processed']);
  });

  it('deletes rate-limit windows that have ended, and keeps the running ones', async () => {
    const now = t.now().getTime();
    await sql(`insert into rate_limit (key, points, expire) values ('test:ended', 3, ?), ('test:running', 2, ?), ('test:forever', 1, null)`, [
      now - 1000,
      now + 60_000,
    ]);
    await runJob(t, PRUNE_RATE_LIMITS);
    const left = await sql<{ key: string }>(`select key from rate_limit where key like 'test:%' order by key`);
    expect(left.map((row) => row.key)).toEqual(['test:forever', 'test:running']);
  });

  it('deletes idempotency keys after 24 hours and Stripe event ids after 30 days', async () => {
    const clock = t.now();
    await sql(
      `insert into idempotency_key (user_id, key, operation, request_hash, created_at) values
         (1, 'test-old', 'createWithdrawal', 'h', ?::timestamptz - interval '25 hours'),
         (1, 'test-fresh', 'createWithdrawal', 'h', ?::timestamptz - interval '23 hours')`,
      [clock, clock],
    );
    await sql(
      `insert into stripe_event (id, type, received_at) values
         ('evt_test_old', 'payout.paid', ?::timestamptz - interval '31 days'),
         ('evt_test_fresh', 'payout.paid', ?::timestamptz - interval '29 days')`,
      [clock, clock],
    );
    await runJob(t, PRUNE_PAYMENT_RECORDS);
    expect((await sql<{ key: string }>(`select key from idempotency_key where key like 'test-%'`)).map((row) => row.key)).toEqual(['test-fresh']);
    expect((await sql<{ id: string }>(`select id from stripe_event where id like 'evt_test_%'`)).map((row) => row.id)).toEqual(['evt_test_fresh']);
  });

  it('deletes live events past the replay window (24 hours) and expired stream tickets', async () => {
    const clock = t.now();
    const [user] = await sql<{ id: number }>(`select id from app_user order by id limit 1`);
    await sql(
      `insert into live_event (user_id, type, payload, created_at) values
         (?, 'conversation.read', '{"n": "old"}', ?::timestamptz - interval '25 hours'),
         (?, 'conversation.read', '{"n": "recent"}', ?::timestamptz - interval '23 hours')`,
      [user!.id, clock, user!.id, clock],
    );
    await sql(
      `insert into stream_ticket (ticket, user_id, expires_at) values ('tkt_test_expired', ?, ?::timestamptz - interval '1 minute'), ('tkt_test_valid', ?, ?::timestamptz + interval '1 minute')`,
      [user!.id, clock, user!.id, clock],
    );
    await runJob(t, PRUNE_LIVE_EVENTS);
    expect((await sql<{ n: string }>(`select payload->>'n' as n from live_event where payload->>'n' is not null`)).map((row) => row.n)).toEqual(['recent']);
    expect((await sql<{ ticket: string }>(`select ticket from stream_ticket where ticket like 'tkt_test_%'`)).map((row) => row.ticket)).toEqual(['tkt_test_valid']);
  });
});
