/**
 * The event streams of this instance. One connection listens (LISTEN live_event) for every new
 * live event, from any instance; each stream then reads its user's events after the last one it
 * sent, in id order, and writes them. A stream that reconnects with `Last-Event-ID` is first
 * given what it missed (at most 500 events of the last 24 hours, else a `resync`).
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';
import type * as S from '../contract/schemas.ts';
import { querySql } from '../db/sql.ts';
import { messageFromJson, type MessageJson } from '../messaging/messaging-views.ts';
import type { LiveEventType } from './notifications.entities.ts';

export const REPLAY_LIMIT = 500;
export const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;
const HOLD_BACK_RETRY_MS = 100;

type LiveEventRow = { id: string; type: LiveEventType; payload: Record<string, unknown> };
export type StreamFrame = { id: string; event: LiveEventType | 'resync'; data: unknown };

/** The payload as the contract describes it (StreamEvent's `data`). */
function frameOf(row: LiveEventRow): StreamFrame {
  const data =
    row.type === 'message.created'
      ? messageFromJson(row.payload as unknown as MessageJson)
      : row.type === 'conversation.read'
        ? ({ ...row.payload, read_at: new Date(String(row.payload.read_at)).toISOString() } as S.ConversationRead)
        : row.payload;
  return { id: row.id, event: row.type, data };
}

type Subscriber = { userId: number; lastId: bigint; write: (frame: StreamFrame) => Promise<void>; busy: Promise<void>; close: () => void; active: boolean };

export type LiveHub = {
  /**
   * Starts a user's stream: `write` gets each frame, in order. `lastEventId` replays what came
   * after it. Returns a function that ends the subscription.
   */
  /** The user's newest event id now: where a stream opened without Last-Event-ID starts. */
  position: (userId: number) => Promise<string>;
  /**
   * Sends `write` the user's events after `lastEventId` (a replay), or after `startAfter` (the
   * position when the request came: nothing committed while the response starts is missed).
   */
  subscribe: (userId: number, lastEventId: string | undefined, write: (frame: StreamFrame) => Promise<void>, close: () => void, startAfter?: string) => Promise<() => void>;
  /** Ends every stream (a drain: clients reconnect elsewhere with Last-Event-ID). */
  closeAll: () => void;
  stop: () => Promise<void>;
};

export function createLiveHub(deps: { orm: MikroORM; logger: Logger; now: () => Date }): LiveHub {
  const subscribers = new Map<number, Set<Subscriber>>();
  let listener: Promise<pg.Client> | undefined;
  let stopped = false;

  /**
   * A user's events after `afterId`, in id order, written by transactions older than any still
   * running: ids are taken at insert and committed later, so a transaction still running may yet
   * commit an event with a lower id than one already visible. Those after it wait (`heldBack`).
   */
  const read = async (userId: number, afterId: bigint, limit: number) => {
    const rows = await querySql<LiveEventRow & { settled: boolean }>(deps.orm.em.fork(), {
      text: `select id::text, type, payload, transaction_id < pg_snapshot_xmin(pg_current_snapshot()) as settled
               from live_event where user_id = $1 and id > $2 order by id limit $3`,
      values: [userId, afterId.toString(), limit],
    });
    const firstUnsettled = rows.findIndex((row) => !row.settled);
    return { rows: firstUnsettled < 0 ? rows : rows.slice(0, firstUnsettled), heldBack: firstUnsettled >= 0, full: rows.length === limit };
  };

  async function position(userId: number): Promise<string> {
    const [newest] = await querySql<{ id: string | null }>(deps.orm.em.fork(), { text: `select max(id)::text as id from live_event where user_id = $1`, values: [userId] });
    return newest?.id ?? '0';
  }

  /** Sends the subscriber what came after its last event; one pull at a time per subscriber. */
  function pull(subscriber: Subscriber): Promise<void> {
    subscriber.busy = subscriber.busy.then(async () => {
      while (subscriber.active) {
        const { rows, heldBack, full } = await read(subscriber.userId, subscriber.lastId, 100);
        for (const row of rows) {
          await subscriber.write(frameOf(row));
          subscriber.lastId = BigInt(row.id);
        }
        // Held back: look again shortly, as the older transaction will not wake anyone when it ends.
        if (heldBack) setTimeout(() => void pull(subscriber), HOLD_BACK_RETRY_MS).unref();
        if (heldBack || !full) return;
      }
    }).catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'event stream ended on a failure');
      subscriber.close();
    });
    return subscriber.busy;
  }

  function listen(): Promise<pg.Client> {
    listener ??= (async () => {
      const client = new pg.Client({ connectionString: deps.orm.config.get('clientUrl') });
      client.on('notification', (message) => {
        for (const subscriber of subscribers.get(Number(message.payload)) ?? []) void pull(subscriber);
      });
      client.on('error', (error) => {
        if (stopped) return;
        // Streams cannot know what they missed: they end, and reconnect with Last-Event-ID.
        deps.logger.warn({ err: error }, 'event streams lost their listener; ending them');
        listener = undefined;
        for (const set of subscribers.values()) for (const subscriber of set) subscriber.close();
      });
      await client.connect();
      await client.query('LISTEN live_event');
      return client;
    })();
    return listener;
  }

  return {
    position,
    async subscribe(userId, lastEventId, write, close, startAfter) {
      await listen();
      const newestId = BigInt(await position(userId));
      const subscriber: Subscriber = { userId, lastId: startAfter === undefined ? newestId : BigInt(startAfter), write, busy: Promise.resolve(), close, active: true };
      if (lastEventId !== undefined && BigInt(lastEventId) < newestId) {
        // The last event the client saw is gone once pruned (after a day): what followed may be too.
        const [missed] = await querySql<{ count: number; oldest: Date | null; seen: boolean }>(deps.orm.em.fork(), {
          text: `select count(*)::int as count, min(created_at) as oldest,
                        exists (select 1 from live_event where user_id = $1 and id = $2) as seen
                   from live_event where user_id = $1 and id > $2`,
          values: [userId, lastEventId],
        });
        const tooOld = !missed!.seen || (missed!.oldest !== null && new Date(missed!.oldest).getTime() < deps.now().getTime() - REPLAY_WINDOW_MS);
        if (missed!.count > REPLAY_LIMIT || tooOld) {
          await write({ id: newestId.toString(), event: 'resync', data: { reason: tooOld ? 'too_old' : 'too_many_missed' } });
        } else {
          subscriber.lastId = BigInt(lastEventId);
        }
      }
      const set = subscribers.get(userId) ?? new Set();
      subscribers.set(userId, set.add(subscriber));
      await pull(subscriber);
      return () => {
        subscriber.active = false;
        set.delete(subscriber);
        if (!set.size) subscribers.delete(userId);
      };
    },
    closeAll() {
      for (const set of subscribers.values()) for (const subscriber of set) subscriber.close();
    },
    async stop() {
      stopped = true;
      this.closeAll();
      const client = await listener?.catch(() => undefined);
      await client?.end().catch(() => {});
    },
  };
}
