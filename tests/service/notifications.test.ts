/**
 * Notifications over HTTP on a real PostgreSQL: produced from the domain events by the pg-boss
 * dispatcher (woken by PostgreSQL's NOTIFY), once per event and in order per recipient, whatever
 * restarts or races; honouring the in-app preferences; listed, counted, read and deleted by their
 * recipient only. Every response is checked against the contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { querySql } from '../../src/db/sql.ts';
import { DISPATCH_QUEUE, SEND_DIGESTS } from '../../src/notifications/dispatcher.ts';
import { DEFAULT_PREFERENCES } from '../../src/notifications/preferences.ts';
import { caller, newUser } from '../support/http.ts';
import { runJob } from '../support/jobs.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { until } from '../support/until.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
type Actor = { token: string; id: number; username: string };

async function actor(roles = { is_client: true, is_freelancer: true }): Promise<Actor> {
  const answer = await call('POST', '/auth/register/', { body: newUser(roles) });
  return { token: answer.body.access, id: answer.body.user.id, username: answer.body.user.username };
}

async function postTask(owner: Actor, title = 'Set up a newsletter'): Promise<number> {
  const task = await call('POST', '/tasks/create/', {
    token: owner.token,
    body: { title, description: 'A monthly newsletter with a signup form and two templates.', category: 5, budget: '140.00', currency: 'usd', skills: [11], remote: true },
  });
  return task.body.id;
}

const inbox = async (who: Actor, query = '') => (await call('GET', `/notifications/${query}`, { token: who.token })).body;
/** Waits until `who` has `n` notifications (the dispatcher runs in the background). */
const inboxOf = (who: Actor, n: number, query = '') => until(`${n} notifications`, () => inbox(who, query), (page) => page.results.length >= n);
const pendingEvents = async (recipientId: number) =>
  (await querySql<{ n: number }>(t.orm.em.fork(), { text: `select count(*)::int as n from domain_event where recipient_id = $1 and processed_at is null`, values: [recipientId] }))[0]!.n;

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  call = caller(t);
});
afterAll(async () => {
  await t?.close();
});

describe('notifications from events', () => {
  it('tell the client of an application: who, what, and where to look', async () => {
    const client = await actor();
    const freelancer = await actor();
    const taskId = await postTask(client, 'Migrate a blog to a static site');
    const applied = await call('POST', `/tasks/${taskId}/apply/`, { token: freelancer.token, body: { proposal: 'Done this before.', bid_amount: '120.00' } });
    const page = await inboxOf(client, 1);
    expect(page.results[0]).toEqual({
      id: expect.any(Number),
      type: 'application_received',
      title: 'New application on your task',
      body: `${freelancer.username} applied to "Migrate a blog to a static site" with a bid of 120.00 USD.`,
      is_read: false,
      read_at: null,
      actor: expect.objectContaining({ id: freelancer.id, username: freelancer.username }),
      target: { kind: 'application', id: applied.body.application_id, url: `/api/tasks/${taskId}/applications/` },
      created_at: expect.any(String),
    });
    expect(await pendingEvents(client.id)).toBe(0);
  });

  it('keep the order of their events, each once', async () => {
    const [a, b] = [await actor(), await actor()];
    const conversation = (await call('POST', '/messaging/conversations/create/', { token: a.token, body: { participant: b.username } })).body.id;
    for (let n = 1; n <= 8; n += 1) await call('POST', `/messaging/conversations/${conversation}/messages/send/`, { token: a.token, body: { content: `note ${n}` } });
    const page = await inboxOf(b, 8);
    expect(page.results.map((notification: { body: string }) => notification.body)).toEqual(['note 8', 'note 7', 'note 6', 'note 5', 'note 4', 'note 3', 'note 2', 'note 1']);
    expect(page.results[0]).toMatchObject({ type: 'message_received', title: `New message from ${a.username}`, target: { kind: 'conversation', id: conversation } });
    // Dispatching again, even twice at once, adds nothing.
    await Promise.all([t.queue.send(DISPATCH_QUEUE, { recipientId: b.id }), t.queue.send(DISPATCH_QUEUE, { recipientId: b.id })]);
    await until(
      'the dispatches to finish',
      async () => (await querySql<{ n: number }>(t.orm.em.fork(), { text: `select count(*)::int as n from pgboss.job where name = $1 and data->>'recipientId' = $2 and state <> 'completed'`, values: [DISPATCH_QUEUE.name, String(b.id)] }))[0]!.n,
      (n) => n === 0,
    );
    expect((await inbox(b)).count).toBe(8);
  });

  it('are written once for events recorded while no worker ran, by the instance that starts next', async () => {
    const quiet = await startTestApp({ workers: false, sharedDatabaseOf: t });
    try {
      const callQuiet = caller(quiet);
      const register = async () => (await callQuiet('POST', '/auth/register/', { body: newUser() })).body;
      const [a, b] = [await register(), await register()];
      const id = (await callQuiet('POST', '/messaging/conversations/create/', { token: a.access, body: { participant: b.user.username, message: 'while you were out' } })).body.id;
      expect(id).toEqual(expect.any(Number));
      // t's workers hear PostgreSQL's NOTIFY from the other instance's commit.
      const page = await until('the notification', async () => (await call('GET', '/notifications/', { token: b.access })).body, (p) => p.count === 1);
      expect(page.results[0].body).toBe('while you were out');
    } finally {
      await quiet.close();
    }
  });

  it('obey the in-app preferences: per type, and the master switch', async () => {
    const [a, b] = [await actor(), await actor()];
    expect((await call('GET', '/notifications/preferences/', { token: b.token })).body).toEqual(DEFAULT_PREFERENCES);
    const quietMessages = { ...DEFAULT_PREFERENCES, types: { ...DEFAULT_PREFERENCES.types, message_received: { in_app: false, email: false } } };
    expect((await call('PUT', '/notifications/preferences/', { token: b.token, body: quietMessages })).body).toEqual(quietMessages);
    const { message_received: _left, ...incomplete } = DEFAULT_PREFERENCES.types;
    const refused = await call('PUT', '/notifications/preferences/', { token: b.token, body: { ...DEFAULT_PREFERENCES, types: incomplete } });
    expect([refused.status, Object.keys(refused.body.errors)]).toEqual([400, ['types.message_received']]);

    const conversation = (await call('POST', '/messaging/conversations/create/', { token: a.token, body: { participant: b.username, message: 'muted' } })).body.id;
    const taskId = await postTask(b);
    await call('POST', `/tasks/${taskId}/apply/`, { token: a.token, body: { proposal: 'I can do this well.', bid_amount: '100.00' } });
    const page = await inboxOf(b, 1);
    await until('every event processed', () => pendingEvents(b.id), (n) => n === 0);
    expect(page.results.map((n: { type: string }) => n.type)).toEqual(['application_received']);

    await call('PUT', '/notifications/preferences/', { token: b.token, body: { ...DEFAULT_PREFERENCES, in_app_enabled: false } });
    await call('POST', `/messaging/conversations/${conversation}/messages/send/`, { token: a.token, body: { content: 'also muted' } });
    await until('every event processed', () => pendingEvents(b.id), (n) => n === 0);
    expect((await inbox(b)).count).toBe(1);
  });
});

describe('the inbox', () => {
  it('is the recipient\'s only: filters, counts, read once, delete one or all', async () => {
    const [me, other, sender] = [await actor(), await actor(), await actor()];
    const conversation = (await call('POST', '/messaging/conversations/create/', { token: sender.token, body: { participant: me.username, message: 'one' } })).body.id;
    await call('POST', `/messaging/conversations/${conversation}/messages/send/`, { token: sender.token, body: { content: 'two' } });
    await postTask(me).then((taskId) => call('POST', `/tasks/${taskId}/apply/`, { token: sender.token, body: { proposal: 'Happy to take it on.', bid_amount: '90.00' } }));
    const all = await inboxOf(me, 3);
    expect((await call('GET', '/notifications/unread-count/', { token: me.token })).body).toEqual({ unread_count: 3 });
    expect((await inbox(me, '?type=message_received')).count).toBe(2);

    const first = all.results[2];
    const read = await call('POST', `/notifications/${first.id}/read/`, { token: me.token });
    expect(read.body).toMatchObject({ id: first.id, is_read: true, read_at: expect.any(String) });
    const readAgain = await call('POST', `/notifications/${first.id}/read/`, { token: me.token });
    expect(readAgain.body.read_at).toBe(read.body.read_at);
    expect((await inbox(me, '?is_read=true')).results.map((n: { id: number }) => n.id)).toEqual([first.id]);
    expect((await inbox(me, '?is_read=false')).count).toBe(2);

    for (const [method, path] of [['POST', `/notifications/${first.id}/read/`], ['DELETE', `/notifications/${first.id}/delete/`]] as const) {
      expect((await call(method, path)).status).toBe(401);
      expect((await call(method, path, { token: other.token })).status).toBe(404);
    }
    expect((await inbox(other)).count).toBe(0);
    expect((await call('POST', '/notifications/mark-all-read/', { token: other.token })).body).toEqual({ updated: 0 });
    expect((await call('DELETE', '/notifications/clear-all/', { token: other.token })).status).toBe(204);
    expect((await inbox(me)).count).toBe(3);

    expect((await call('POST', '/notifications/mark-all-read/', { token: me.token })).body).toEqual({ updated: 2 });
    expect((await call('GET', '/notifications/unread-count/', { token: me.token })).body).toEqual({ unread_count: 0 });
    expect((await call('DELETE', `/notifications/${first.id}/delete/`, { token: me.token })).status).toBe(204);
    expect((await call('DELETE', `/notifications/${first.id}/delete/`, { token: me.token })).status).toBe(404);
    expect((await call('DELETE', '/notifications/clear-all/', { token: me.token })).status).toBe(204);
    expect((await inbox(me)).count).toBe(0);
  });
});

describe('notification mails', () => {
  /** A user whose address is verified, through the mailed link as a person would. */
  async function verified(): Promise<Actor & { email: string }> {
    const body = newUser();
    const answer = await call('POST', '/auth/register/', { body });
    const mail = await t.smtp.waitForMail(body.email, /verify-email\?token=/);
    const token = decodeURIComponent(/token=([^\s&]+)/.exec(mail.text)![1]!);
    expect((await call('POST', '/auth/verify-email/', { body: { token } })).status).toBe(200);
    return { token: answer.body.access, id: answer.body.user.id, username: answer.body.user.username, email: body.email };
  }
  const mailsTo = (email: string, subject?: RegExp) => t.smtp.mails.filter((mail) => mail.to.includes(email) && (!subject || subject.test(mail.raw)));

  it('go one by one to a verified address, with an unsubscribe link that works without signing in', async () => {
    const client = await verified();
    const freelancer = await actor();
    const taskId = await postTask(client, 'Write a press release');
    await call('POST', `/tasks/${taskId}/apply/`, { token: freelancer.token, body: { proposal: 'Former journalist here.', bid_amount: '95.00' } });
    const mail = await t.smtp.waitForMail(client.email, /applied to "Write a press release"/);
    expect(mail.raw).toMatch(/Subject: New application on your task/);
    expect(mail.raw).toMatch(/List-Unsubscribe:\s+<http:\/\/app\.taskmarket\.test\/unsubscribe\?token=/);
    const token = decodeURIComponent(/unsubscribe\?token=([^\s&>]+)/.exec(mail.text)![1]!);

    expect((await call('POST', '/notifications/unsubscribe/', { body: { token: `${token}x` } })).status).toBe(422);
    const unsubscribed = await call('POST', '/notifications/unsubscribe/', { body: { token } });
    expect(unsubscribed.body).toEqual({ detail: 'You will receive no more notification mails.' });
    expect((await call('GET', '/notifications/preferences/', { token: client.token })).body).toMatchObject({ email_enabled: false, in_app_enabled: true });
    await call('POST', `/tasks/${taskId}/apply/`, { token: (await actor()).token, body: { proposal: 'I can start today.', bid_amount: '90.00' } });
    await inboxOf(client, 2);
    await until('every event processed', () => pendingEvents(client.id), (n) => n === 0);
    expect(mailsTo(client.email, /New application/)).toHaveLength(1);
  });

  it('never go to an unverified address, nor for types switched off by email', async () => {
    const unverified = await actor();
    const verifiedUser = await verified();
    const sender = await actor();
    for (const recipient of [unverified, verifiedUser]) {
      await call('POST', '/messaging/conversations/create/', { token: sender.token, body: { participant: recipient.username, message: 'hello there' } });
    }
    // message_received is off by email by default; an application is on.
    await call('POST', `/tasks/${await postTask(unverified)}/apply/`, { token: sender.token, body: { proposal: 'Count me in, please.', bid_amount: '80.00' } });
    await inboxOf(unverified, 2);
    await inboxOf(verifiedUser, 1);
    await until('every event processed', async () => (await pendingEvents(unverified.id)) + (await pendingEvents(verifiedUser.id)), (n) => n === 0);
    const [unverifiedUser] = await querySql<{ email: string }>(t.orm.em.fork(), { text: `select email from app_user where id = $1`, values: [unverified.id] });
    expect(mailsTo(unverifiedUser!.email).filter((mail) => !/verify-email/.test(mail.text))).toEqual([]);
    expect(mailsTo(verifiedUser.email).filter((mail) => /hello there/.test(mail.text))).toEqual([]);
  });

  it('gather in a daily digest sent once the first has waited a day (driven by the clock)', async () => {
    const client = await verified();
    await call('PUT', '/notifications/preferences/', { token: client.token, body: { ...DEFAULT_PREFERENCES, digest: 'daily' } });
    const taskId = await postTask(client, 'Record a podcast intro');
    for (const bid of ['70.00', '75.00']) {
      await call('POST', `/tasks/${taskId}/apply/`, { token: (await actor()).token, body: { proposal: 'Voice actor, quick turnaround.', bid_amount: bid } });
    }
    await inboxOf(client, 2);
    await until('every event processed', () => pendingEvents(client.id), (n) => n === 0);
    await runJob(t, SEND_DIGESTS);
    expect(mailsTo(client.email, /digest/)).toEqual([]);
    t.advanceClock(24 * 60 * 60 * 1000 + 60_000);
    await runJob(t, SEND_DIGESTS);
    const digest = await t.smtp.waitForMail(client.email, /with a bid of 75\.00 USD/);
    expect(digest.raw).toMatch(/Subject: Your daily taskmarket digest: 2 notifications/);
    expect(digest.text).toMatch(/with a bid of 70\.00 USD[\s\S]*with a bid of 75\.00 USD/);
    expect(digest.text).toMatch(/unsubscribe\?token=/);
    await runJob(t, SEND_DIGESTS);
    expect(mailsTo(client.email, /digest/)).toHaveLength(1);
  });
});

