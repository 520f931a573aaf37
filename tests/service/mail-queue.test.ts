/**
 * The mail queue: a burst goes out in batches over a few pooled SMTP connections; a refusal for
 * good is dead-lettered at once with its reason; a passing failure is retried with backoff and
 * dead-lettered once the retries are spent; /api/health/ reports what waits and for how long.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueMail } from '../../src/mail/outbox.ts';
import { caller } from '../support/http.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { until } from '../support/until.ts';

const SMTP_MAX_CONNECTIONS = 3;
/** Recipients the SMTP server refuses: 550 for good, 451 "try later" until `acceptLater` says yes. */
const acceptLater = new Set<string>();

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    env: { SMTP_MAX_CONNECTIONS: String(SMTP_MAX_CONNECTIONS) },
    refuseMail: (recipient) => {
      if (recipient.startsWith('nobody')) return { code: 550, message: 'No such user here' };
      if (recipient.startsWith('later') && !acceptLater.has(recipient)) return { code: 451, message: 'Mailbox busy, try again later' };
      return undefined;
    },
  });
});
afterAll(async () => {
  await t?.close();
});

async function queue(...recipients: string[]): Promise<void> {
  await t.orm.em.fork().transactional(async (tx) => {
    for (const to of recipients) await queueMail(t.queue, tx, { to, subject: 'Hello', text: `Hello ${to}` });
  });
}

type JobRow = { name: string; state: string; retry_count: number; start_after: Date; data: { to: string }; source_output: { error: string } | null };
async function jobsFor(recipient: string): Promise<JobRow[]> {
  return t.orm.em.fork().getConnection().execute(
    `select name, state, retry_count, start_after, data, source_output from pgboss.job where data->>'to' = ? order by created_on`,
    [recipient],
  );
}

describe('the mail worker', () => {
  it('sends a burst in batches over at most SMTP_MAX_CONNECTIONS pooled connections', async () => {
    const connectionsBefore = t.smtp.connections();
    const recipients = Array.from({ length: 300 }, (_, i) => `burst${i}@example.com`);
    await queue(...recipients);
    await until('the burst', () => t.smtp.mails.filter((mail) => mail.to[0]!.startsWith('burst')).length, (n) => n === recipients.length);
    const received = new Set(t.smtp.mails.flatMap((mail) => mail.to));
    expect(recipients.every((to) => received.has(to))).toBe(true);
    // Each mail once, over a handful of sessions rather than one handshake each.
    expect(t.smtp.mails.filter((mail) => mail.to[0]!.startsWith('burst'))).toHaveLength(recipients.length);
    expect(t.smtp.connections() - connectionsBefore).toBeLessThanOrEqual(SMTP_MAX_CONNECTIONS);
  });

  it('dead-letters a mail refused for good at once, with the server’s reason', async () => {
    await queue('nobody@example.com');
    const [original, dead] = await until('the dead letter', () => jobsFor('nobody@example.com'), (jobs) => jobs.length === 2);
    expect(original).toMatchObject({ name: 'mail.send', state: 'failed', retry_count: 0 });
    expect(dead).toMatchObject({ name: 'mail.dead-letter', state: 'created', data: { to: 'nobody@example.com' } });
    expect(dead!.source_output!.error).toMatch(/550 No such user here/);
  });

  it('retries a passing failure with backoff and delivers once the server accepts', async () => {
    await queue('later1@example.com');
    const [waiting] = await until('the first failure', () => jobsFor('later1@example.com'), ([job]) => job?.state === 'retry');
    // The retry is scheduled about 30 s ahead (the first backoff step), not at once.
    expect(new Date(waiting!.start_after).getTime() - Date.now()).toBeGreaterThan(10_000);
    acceptLater.add('later1@example.com');
    // Time passes, for the queue: the retry is due now.
    await t.orm.em.fork().getConnection().execute(`update pgboss.job set start_after = now() where data->>'to' = 'later1@example.com'`);
    await t.smtp.waitForMail('later1@example.com');
    const [done] = await until('completion', () => jobsFor('later1@example.com'), ([job]) => job?.state === 'completed');
    expect(done!.retry_count).toBe(1);
  });

  it('dead-letters a mail whose retries are spent, with its last error', async () => {
    await queue('later2@example.com');
    await until('the first failure', () => jobsFor('later2@example.com'), ([job]) => job?.state === 'retry');
    // The last retry is due now.
    await t.orm.em.fork().getConnection().execute(
      `update pgboss.job set start_after = now(), retry_count = retry_limit where data->>'to' = 'later2@example.com'`,
    );
    const [original, dead] = await until('the dead letter', () => jobsFor('later2@example.com'), (jobs) => jobs.length === 2);
    expect(original).toMatchObject({ name: 'mail.send', state: 'failed' });
    expect(dead).toMatchObject({ name: 'mail.dead-letter', state: 'created' });
    expect(dead!.source_output!.error).toMatch(/451 Mailbox busy/);
  });
});

describe('/api/health/', () => {
  it('reports the mail backlog: how many wait, the oldest one’s age, how many were given up on', async () => {
    const idle = await startTestApp({ workers: false, sharedDatabaseOf: t });
    try {
      const call = caller(idle);
      const before = (await call('GET', '/health/')).body.queues.find((q: { queue: string }) => q.queue === 'mail.send');
      // Two mails nobody sends (no worker here, and the other instance's worker is told to wait).
      await t.orm.em.fork().transactional(async (tx) => {
        for (const to of ['backlog1@example.com', 'backlog2@example.com']) await queueMail(idle.queue, tx, { to, subject: 'Hi', text: 'Hi' });
      });
      await t.orm.em.fork().getConnection().execute(
        `update pgboss.job set created_on = now() - interval '7 minutes', start_after = now() + interval '1 hour' where data->>'to' like 'backlog%'`,
      );
      const health = await call('GET', '/health/');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', database: 'up', draining: false });
      const mail = health.body.queues.find((q: { queue: string }) => q.queue === 'mail.send');
      expect(mail.waiting).toBe(before.waiting + 2);
      expect(mail.oldest_waiting_seconds).toBeGreaterThanOrEqual(7 * 60);
      expect(mail.oldest_waiting_seconds).toBeLessThan(8 * 60);
      // The two dead letters of the tests above.
      expect(mail.dead_lettered).toBe(2);
    } finally {
      await idle.close();
    }
  });
});
