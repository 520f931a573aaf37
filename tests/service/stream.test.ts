/**
 * The event stream (GET /stream/) on a real PostgreSQL: messages, read receipts and notifications
 * arrive live and in order, a reconnection with Last-Event-ID replays what was missed (or says to
 * resync), heartbeats flow, tickets open one stream, and an event from one instance reaches a
 * stream held on another (LISTEN/NOTIFY).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { querySql } from '../../src/db/sql.ts';
import { caller, newUser } from '../support/http.ts';
import { BASE_URL, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
type Actor = { token: string; id: number; username: string };
type Frame = { id?: string; event?: string; data?: string; comment?: string };

async function actor(app = t): Promise<Actor> {
  const answer = await caller(app)('POST', '/auth/register/', { body: newUser() });
  return { token: answer.body.access, id: answer.body.user.id, username: answer.body.user.username };
}

/** Opens a stream on `app` (in process) and reads its frames as they come. */
async function openStream(app: TestApp, options: { token?: string; ticket?: string; lastEventId?: string }) {
  const abort = new AbortController();
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.lastEventId) headers['Last-Event-ID'] = options.lastEventId;
  const url = `${BASE_URL}/stream/${options.ticket ? `?ticket=${options.ticket}` : ''}`;
  const response = await app.app.fetch(new Request(url, { headers, signal: abort.signal }));
  const frames: Frame[] = [];
  let buffer = '';
  let ended = false;
  const reader = response.body?.getReader();
  const reading = (async () => {
    if (!reader) return;
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: Frame = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) frame.comment = line.slice(1).trim();
            const [, field, value] = /^(id|event|data): ?(.*)$/.exec(line) ?? [];
            if (field) frame[field as 'id' | 'event' | 'data'] = value;
          }
          frames.push(frame);
        }
      }
    } catch {
      // aborted
    }
    ended = true;
  })();
  /** Waits for frames matching `match`, `count` of them, and returns them. */
  async function waitFor(match: (frame: Frame) => boolean, count = 1, timeoutMs = 10_000): Promise<Frame[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = frames.filter(match);
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`timed out; frames so far: ${JSON.stringify(frames)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    response,
    frames,
    waitFor,
    events: (type: string) => frames.filter((frame) => frame.event === type),
    isEnded: () => ended,
    /** Hangs up, as a client closing the connection does. */
    close: async () => {
      abort.abort();
      await reader?.cancel().catch(() => {});
      await reading;
    },
  };
}

beforeAll(async () => {
  t = await startTestApp({ seed: true, env: { STREAM_HEARTBEAT_SECONDS: '0.3' } });
  call = caller(t);
});
afterAll(async () => {
  await t?.close();
});

describe('the event stream', () => {
  it('delivers messages, read receipts and notifications live, in order, to both participants', async () => {
    const [a, b] = [await actor(), await actor()];
    const streamOfB = await openStream(t, { token: b.token });
    const streamOfA = await openStream(t, { token: a.token });
    expect([streamOfB.response.status, streamOfB.response.headers.get('content-type')]).toEqual([200, 'text/event-stream']);
    const conversation = (await call('POST', '/messaging/conversations/create/', { token: a.token, body: { participant: b.username } })).body.id;
    for (const content of ['first', 'second', 'third']) {
      await call('POST', `/messaging/conversations/${conversation}/messages/send/`, { token: a.token, body: { content } });
    }
    const messages = await streamOfB.waitFor((frame) => frame.event === 'message.created', 3);
    const payloads = messages.map((frame) => JSON.parse(frame.data!));
    expect(payloads.map((message) => message.content)).toEqual(['first', 'second', 'third']);
    expect(payloads[0]).toMatchObject({ conversation_id: conversation, sender: { id: a.id, username: a.username }, is_read: false, read_at: null });
    const ids = messages.map((frame) => BigInt(frame.id!));
    expect([...ids].sort((x, y) => (x < y ? -1 : 1))).toEqual(ids);
    // The sender's own stream (another tab) has them too.
    await streamOfA.waitFor((frame) => frame.event === 'message.created', 3);

    const notifications = await streamOfB.waitFor((frame) => frame.event === 'notification.created', 3);
    expect(JSON.parse(notifications[0]!.data!)).toMatchObject({ type: 'message_received', title: `New message from ${a.username}`, body: 'first', is_read: false });

    await call('POST', `/messaging/conversations/${conversation}/mark-read/`, { token: b.token });
    const [read] = await streamOfA.waitFor((frame) => frame.event === 'conversation.read');
    expect(JSON.parse(read!.data!)).toEqual({ conversation_id: conversation, reader_id: b.id, marked_read: 3, read_at: expect.stringMatching(/Z$/) });
    await streamOfA.close();
    await streamOfB.close();
  });

  it('keeps the order of commits out of id order: an event waits for an older transaction still open', async () => {
    const a = await actor();
    const stream = await openStream(t, { token: a.token });
    const older = new pg.Client({ connectionString: t.databaseUrl });
    await older.connect();
    try {
      const insert = (marker: string) =>
        `insert into live_event (user_id, type, payload, created_at) values (${a.id}, 'notification.created', '{"marker": "${marker}"}', now()) returning id`;
      await older.query('begin');
      const first = (await older.query(insert('written first, committed last'))).rows[0].id;
      const [second] = await querySql<{ id: string }>(t.orm.em.fork(), { text: insert('written second, committed first'), values: [] });
      expect(BigInt(second!.id)).toBeGreaterThan(BigInt(first));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stream.events('notification.created')).toEqual([]);
      await older.query('commit');
      const frames = await stream.waitFor((frame) => frame.event === 'notification.created', 2);
      expect(frames.map((frame) => JSON.parse(frame.data!).marker)).toEqual(['written first, committed last', 'written second, committed first']);
    } finally {
      await older.end();
      await stream.close();
    }
  });

  it('sends heartbeats', async () => {
    const a = await actor();
    const stream = await openStream(t, { token: a.token });
    await stream.waitFor((frame) => frame.comment === 'heartbeat', 2);
    await stream.close();
  });

  it('replays what was missed after Last-Event-ID, and asks to resync when too much was', async () => {
    const [a, b] = [await actor(), await actor()];
    const conversation = (await call('POST', '/messaging/conversations/create/', { token: a.token, body: { participant: b.username } })).body.id;
    const send = (content: string) => call('POST', `/messaging/conversations/${conversation}/messages/send/`, { token: a.token, body: { content } });
    const first = await openStream(t, { token: b.token });
    await send('seen');
    const [seen] = await first.waitFor((frame) => frame.event === 'message.created');
    await first.close();
    await send('missed 1');
    await send('missed 2');
    const again = await openStream(t, { token: b.token, lastEventId: seen!.id });
    const replayed = await again.waitFor((frame) => frame.event === 'message.created', 2);
    expect(replayed.map((frame) => JSON.parse(frame.data!).content)).toEqual(['missed 1', 'missed 2']);
    await again.close();

    // More than 500 missed: a resync, then the stream goes on from now.
    await querySql(t.orm.em.fork(), {
      text: `insert into live_event (user_id, type, payload, created_at) select $1, 'conversation.read', '{}'::jsonb, now() from generate_series(1, 501)`,
      values: [b.id],
    });
    const behind = await openStream(t, { token: b.token, lastEventId: seen!.id });
    const [resync] = await behind.waitFor((frame) => frame.event === 'resync');
    expect(JSON.parse(resync!.data!)).toEqual({ reason: 'too_many_missed' });
    await send('after the resync');
    const [next] = await behind.waitFor((frame) => frame.event === 'message.created');
    expect(JSON.parse(next!.data!).content).toBe('after the resync');
    expect(behind.frames.filter((frame) => frame.event === 'conversation.read')).toEqual([]);
    await behind.close();
  });

  it('opens with a single-use ticket, and refuses anonymous callers', async () => {
    const a = await actor();
    const anonymous = await t.app.fetch(new Request(`${BASE_URL}/stream/`));
    expect([anonymous.status, (await anonymous.json()).code]).toEqual([401, 'not_authenticated']);
    const ticket = await call('POST', '/stream/ticket/', { token: a.token });
    expect(ticket.body).toEqual({ ticket: expect.stringMatching(/^tkt_/), expires_at: expect.any(String) });
    const stream = await openStream(t, { ticket: ticket.body.ticket });
    expect(stream.response.status).toBe(200);
    await stream.waitFor((frame) => frame.comment === 'heartbeat');
    await stream.close();
    const reused = await t.app.fetch(new Request(`${BASE_URL}/stream/?ticket=${ticket.body.ticket}`));
    expect(reused.status).toBe(401);
  });

  it('carries an event from one instance to a stream held on another', async () => {
    const other = await startTestApp({ sharedDatabaseOf: t, workers: false });
    try {
      const [a, b] = [await actor(), await actor()];
      const streamOnOther = await openStream(other, { token: b.token });
      const conversation = (await call('POST', '/messaging/conversations/create/', { token: a.token, body: { participant: b.username } })).body.id;
      await call('POST', `/messaging/conversations/${conversation}/messages/send/`, { token: a.token, body: { content: 'across instances' } });
      const [frame] = await streamOnOther.waitFor((f) => f.event === 'message.created');
      expect(JSON.parse(frame!.data!).content).toBe('across instances');
      await streamOnOther.close();
    } finally {
      await other.close();
    }
  });

  it('ends when the hub closes its streams (a drain), so that clients reconnect elsewhere', async () => {
    const a = await actor();
    const stream = await openStream(t, { token: a.token });
    await stream.waitFor((frame) => frame.comment === 'heartbeat');
    t.live.closeAll();
    for (let i = 0; i < 50 && !stream.isEnded(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stream.isEnded()).toBe(true);
  });
});
