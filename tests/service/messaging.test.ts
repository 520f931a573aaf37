/**
 * Messaging over HTTP on a real PostgreSQL: one conversation per pair and task, participant
 * scope, messages in order with stable paging, read state and unread counts, statistics, content
 * rules, deleted accounts, the per-sender limit. Every response is checked against the contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { querySql } from '../../src/db/sql.ts';
import { caller, newUser } from '../support/http.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
type Actor = { token: string; id: number; username: string };

async function actor(t: TestApp, roles = { is_client: true, is_freelancer: true }): Promise<Actor> {
  const answer = await caller(t)('POST', '/auth/register/', { body: newUser(roles) });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return { token: answer.body.access, id: answer.body.user.id, username: answer.body.user.username };
}

async function postTask(owner: Actor): Promise<number> {
  const task = await call('POST', '/tasks/create/', {
    token: owner.token,
    body: { title: 'Proofread a product catalogue', description: 'Forty pages of product descriptions to proofread in English.', category: 5, budget: '120.00', currency: 'usd', skills: [11], remote: true },
  });
  expect(task.status).toBe(201);
  return task.body.id;
}

const start = (from: Actor, body: Record<string, unknown>) => call('POST', '/messaging/conversations/create/', { token: from.token, body });
const send = (from: Actor, id: number, content: string) => call('POST', `/messaging/conversations/${id}/messages/send/`, { token: from.token, body: { content } });

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  call = caller(t);
});
afterAll(async () => {
  await t?.close();
});

describe('conversations', () => {
  it('are one per pair of users and task, with participants, task, last message and the caller\'s unread count', async () => {
    const client = await actor(t);
    const freelancer = await actor(t);
    const taskId = await postTask(client);
    const created = await start(client, { participant: freelancer.username, task_id: taskId, message: 'Hi, thanks for your bid.' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      participants: [{ id: Math.min(client.id, freelancer.id) }, { id: Math.max(client.id, freelancer.id) }],
      other_participant: { id: freelancer.id, username: freelancer.username },
      task: { id: taskId, client: { id: client.id } },
      last_message: { content: 'Hi, thanks for your bid.', sender: { id: client.id }, is_read: false },
      unread_count: 0,
    });
    // Started again, from either side and with another username case: the same conversation, the message sent in it.
    const again = await start(freelancer, { participant: client.username.toUpperCase(), task_id: taskId, message: 'Happy to help.' });
    expect([again.status, again.body.id, again.body.unread_count, again.body.last_message.content]).toEqual([200, created.body.id, 1, 'Happy to help.']);
    // Without a task it is another conversation.
    const general = await start(client, { participant: freelancer.username });
    expect([general.status, general.body.task, general.body.last_message]).toEqual([201, null, null]);

    const seenByFreelancer = await call('GET', `/messaging/conversations/${created.body.id}/`, { token: freelancer.token });
    expect(seenByFreelancer.body).toMatchObject({ other_participant: { id: client.id }, unread_count: 1 });
    const list = await call('GET', '/messaging/conversations/', { token: freelancer.token });
    expect(list.body.results.map((c: { id: number }) => c.id)).toEqual([general.body.id, created.body.id]);
  });

  it('moves to the top of the list with each message; filters by task, unread and the other participant', async () => {
    const me = await actor(t);
    const [anna, bob] = [await actor(t), await actor(t)];
    const taskId = await postTask(me);
    const withAnna = (await start(me, { participant: anna.username, task_id: taskId })).body.id;
    const withBob = (await start(me, { participant: bob.username })).body.id;
    await send(anna, withAnna, 'Any news?');
    const ids = async (query = '') => (await call('GET', `/messaging/conversations/${query}`, { token: me.token })).body.results.map((c: { id: number }) => c.id);
    expect(await ids()).toEqual([withAnna, withBob]);
    await send(bob, withBob, 'Hello!');
    expect(await ids()).toEqual([withBob, withAnna]);
    expect(await ids(`?task=${taskId}`)).toEqual([withAnna]);
    expect(await ids(`?search=${bob.username.slice(0, 8)}`)).toEqual([withBob]);
    await call('POST', `/messaging/conversations/${withBob}/mark-read/`, { token: me.token });
    expect(await ids('?unread=true')).toEqual([withAnna]);
    expect(await ids('?unread=false')).toEqual([withBob]);
  });

  it('refuses yourself, unknown or deleted users, missing tasks and tasks neither user posted', async () => {
    const me = await actor(t);
    const other = await actor(t);
    const stranger = await actor(t);
    const self = await start(me, { participant: me.username });
    expect([self.status, self.body.code, Object.keys(self.body.errors)]).toEqual([422, 'business_rule_violation', ['participant']]);
    expect((await start(me, { participant: 'nobody_here_at_all' })).status).toBe(404);
    expect((await start(me, { participant: other.username, task_id: 2_000_000 })).status).toBe(404);
    const strangersTask = await postTask(stranger);
    expect((await start(me, { participant: other.username, task_id: strangersTask })).status).toBe(403);
    const gone = await actor(t);
    expect((await call('DELETE', '/auth/delete-account/', { token: gone.token, body: { password: 'StrongPass123' } })).status).toBe(204);
    expect((await start(me, { participant: `~deleted-${gone.id}` })).status).toBe(404);
  });

  it('is visible to its two participants only', async () => {
    const [a, b, outsider] = [await actor(t), await actor(t), await actor(t)];
    const id = (await start(a, { participant: b.username, message: 'Private.' })).body.id;
    for (const [method, path, body] of [
      ['GET', `/messaging/conversations/${id}/`],
      ['GET', `/messaging/conversations/${id}/messages/`],
      ['POST', `/messaging/conversations/${id}/messages/send/`, { content: 'Let me in' }],
      ['POST', `/messaging/conversations/${id}/mark-read/`],
    ] as const) {
      expect((await call(method, path, { body })).status, `${method} ${path} anonymous`).toBe(401);
      const refused = await call(method, path, { token: outsider.token, body });
      expect([refused.status, refused.body.code], `${method} ${path} outsider`).toEqual([404, 'not_found']);
      expect((await call(method, path, { token: b.token, body })).status, `${method} ${path} participant`).toBeLessThan(300);
    }
    expect((await call('GET', '/messaging/conversations/', { token: outsider.token })).body.count).toBe(0);
    expect(await querySql(t.orm.em.fork(), { text: `select 1 from message where conversation_id = $1 and sender_id = $2`, values: [id, outsider.id] })).toEqual([]);
  });

  it('starts once when both sides start at the same moment', async () => {
    const [a, b] = [await actor(t), await actor(t)];
    const answers = await Promise.all([start(a, { participant: b.username }), start(b, { participant: a.username }), start(a, { participant: b.username })]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
  });
});

describe('messages', () => {
  it('are sent as text (trimmed, never interpreted), notify the recipient, and follow the content rules', async () => {
    const [a, b] = [await actor(t), await actor(t)];
    const id = (await start(a, { participant: b.username })).body.id;
    const sent = await send(a, id, '   <b>Draft</b> uploaded. Please review.\n  ');
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ message_id: expect.any(Number), conversation_id: id, sender: a.username, content: '<b>Draft</b> uploaded. Please review.', created_at: expect.any(String) });
    const listed = await call('GET', `/messaging/conversations/${id}/messages/`, { token: b.token });
    expect(listed.body.results[0]).toMatchObject({ id: sent.body.message_id, content: '<b>Draft</b> uploaded. Please review.', sender: { id: a.id }, is_read: false, read_at: null });
    const [event] = await querySql<{ recipient_id: number; actor_id: number; payload: Record<string, unknown> }>(t.orm.em.fork(), {
      text: `select recipient_id, actor_id, payload from domain_event where type = 'message_received' and (payload->>'message_id')::int = $1`,
      values: [sent.body.message_id],
    });
    expect(event).toEqual({ recipient_id: b.id, actor_id: a.id, payload: { conversation_id: id, message_id: sent.body.message_id, sender: a.username, preview: '<b>Draft</b> uploaded. Please review.' } });

    const blank = await send(a, id, ' \n\t ');
    expect([blank.status, Object.keys(blank.body.errors)]).toEqual([400, ['content']]);
    const long = await send(a, id, 'x'.repeat(5001));
    expect([long.status, Object.keys(long.body.errors)]).toEqual([400, ['content']]);
    expect((await send(a, id, 'y'.repeat(5000))).status).toBe(201);
    const blankFirst = await start(a, { participant: (await actor(t)).username, message: '   ' });
    expect([blankFirst.status, Object.keys(blankFirst.body.errors)]).toEqual([400, ['message']]);
  });

  it('page newest first, and the pages after the first stay put while messages arrive', async () => {
    const [a, b] = [await actor(t), await actor(t)];
    const id = (await start(a, { participant: b.username })).body.id;
    for (let n = 1; n <= 5; n += 1) await send(n % 2 ? a : b, id, `message ${n}`);
    const contents = (answer: { body: { results: Array<{ content: string }> } }) => answer.body.results.map((m) => m.content);
    const first = await call('GET', `/messaging/conversations/${id}/messages/?page_size=2`, { token: a.token });
    expect([first.body.count, contents(first)]).toEqual([5, ['message 5', 'message 4']]);
    await send(b, id, 'message 6, while paging');
    const path = (link: string) => link.slice(link.indexOf('/api') + 4);
    const second = await call('GET', path(first.body.next), { token: a.token });
    expect(contents(second)).toEqual(['message 3', 'message 2']);
    const third = await call('GET', path(second.body.next), { token: a.token });
    expect([contents(third), third.body.next]).toEqual([['message 1'], null]);
    // Page 1 again (no anchor) has the new one; `since` polls for what came after a time.
    expect(contents(await call('GET', `/messaging/conversations/${id}/messages/?page_size=2`, { token: a.token }))[0]).toBe('message 6, while paging');
    const since = first.body.results[0].created_at;
    expect(contents(await call('GET', `/messaging/conversations/${id}/messages/?since=${encodeURIComponent(since)}`, { token: a.token }))).toEqual(['message 6, while paging']);
  });

  it('are marked read by the recipient only, once; unread counts and statistics follow', async () => {
    const [a, b] = [await actor(t), await actor(t)];
    const id = (await start(a, { participant: b.username, message: 'one' })).body.id;
    await send(a, id, 'two');
    await send(b, id, 'reply');
    expect((await call('GET', '/messaging/statistics/', { token: b.token })).body).toEqual({
      total_conversations: 1,
      total_messages_sent: 1,
      total_messages_received: 2,
      unread_messages: 2,
      unread_conversations: 1,
    });
    const marked = await call('POST', `/messaging/conversations/${id}/mark-read/`, { token: b.token });
    expect(marked.body).toEqual({ conversation_id: id, marked_read: 2, unread_count: 0 });
    expect((await call('POST', `/messaging/conversations/${id}/mark-read/`, { token: b.token })).body.marked_read).toBe(0);
    // b's reading does not touch what a has not read.
    expect((await call('GET', `/messaging/conversations/${id}/`, { token: a.token })).body.unread_count).toBe(1);
    const messages = (await call('GET', `/messaging/conversations/${id}/messages/`, { token: a.token })).body.results;
    expect(messages.map((m: { content: string; is_read: boolean }) => [m.content, m.is_read])).toEqual([['reply', false], ['two', true], ['one', true]]);
    expect((await call('GET', '/messaging/statistics/', { token: b.token })).body).toMatchObject({ unread_messages: 0, unread_conversations: 0 });
  });

  it('cannot reach a participant who deleted their account', async () => {
    const [a, b] = [await actor(t), await actor(t)];
    const id = (await start(a, { participant: b.username, message: 'Still there?' })).body.id;
    expect((await call('DELETE', '/auth/delete-account/', { token: b.token, body: { password: 'StrongPass123' } })).status).toBe(204);
    const refused = await send(a, id, 'Hello?');
    expect([refused.status, refused.body.code]).toEqual([409, 'invalid_state']);
    // The history stays readable for the one left.
    expect((await call('GET', `/messaging/conversations/${id}/messages/`, { token: a.token })).body.count).toBe(1);
  });
});

describe('the per-sender limit', () => {
  it('answers 429 with Retry-After past RATE_LIMIT_MESSAGES_PER_MINUTE, and a refused first message leaves no conversation', async () => {
    const limited = await startTestApp({ env: { RATE_LIMIT_MESSAGES_PER_MINUTE: '3' } });
    try {
      const callLimited = caller(limited);
      const [a, b, c] = [await actor(limited), await actor(limited), await actor(limited)];
      const id = (await callLimited('POST', '/messaging/conversations/create/', { token: a.token, body: { participant: b.username, message: 'one' } })).body.id;
      for (const content of ['two', 'three']) {
        expect((await callLimited('POST', `/messaging/conversations/${id}/messages/send/`, { token: a.token, body: { content } })).status).toBe(201);
      }
      const refused = await callLimited('POST', `/messaging/conversations/${id}/messages/send/`, { token: a.token, body: { content: 'four' } });
      expect([refused.status, refused.body.code]).toEqual([429, 'rate_limited']);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const firstMessage = await callLimited('POST', '/messaging/conversations/create/', { token: a.token, body: { participant: c.username, message: 'hello' } });
      expect(firstMessage.status).toBe(429);
      expect((await callLimited('GET', '/messaging/conversations/', { token: c.token })).body.count).toBe(0);
      // Another sender is not held back.
      expect((await callLimited('POST', `/messaging/conversations/${id}/messages/send/`, { token: b.token, body: { content: 'my turn' } })).status).toBe(201);
    } finally {
      await limited.close();
    }
  });
});
