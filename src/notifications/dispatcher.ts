/**
 * Notifications from domain events. The events table is the outbox: an event stays unprocessed
 * until the transaction that writes its notification also marks it processed, so each event is
 * handled once, and none is lost to a crash between a change's commit and its notification.
 *
 * A pg-boss job per recipient does the work, under a per-recipient advisory lock, oldest event
 * first: a recipient's notifications keep the order of their events, and a failure stops the batch
 * (its job is retried) rather than skipping ahead. Jobs are asked for by PostgreSQL itself: every
 * new event sends `NOTIFY domain_event` with its recipient (a trigger), which each instance listens
 * to; a sweep every minute catches whatever a lost connection missed.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';
import type * as S from '../contract/schemas.ts';
import { deleteInBatches } from '../db/delete-in-batches.ts';
import { querySql } from '../db/sql.ts';
import type { JobQueue, QueueDefinition } from '../jobs/queue.ts';
import { USER_JSON, type UserJson } from '../tasks/task-views.ts';
import { notificationContent, type EventToNotify } from './notification-content.ts';
import { REPLAY_WINDOW_MS } from './live-hub.ts';
import { toNotification } from './notification-views.ts';
import type { NotificationMails } from './notification-mails.ts';
import { preferencesOf } from './preferences.ts';

export const DISPATCH_QUEUE: QueueDefinition = { name: 'notifications.dispatch', retryLimit: 20, retryDelaySeconds: 2, retryDelayMaxSeconds: 600 };
export const SWEEP_EVENTS = 'notifications.sweep';
export const SEND_DIGESTS = 'notifications.digests';
export const PRUNE_LIVE_EVENTS = 'notifications.prune-live';

const BATCH = 100;
/** How long wake-ups are gathered before dispatches are asked for. */
const GATHER_MS = 25;
/** Namespace of the advisory locks (one per recipient). */
const LOCK_NAMESPACE = 7_401;

export type DispatcherDeps = { orm: MikroORM; queue: JobQueue; logger: Logger; now: () => Date; mails: NotificationMails };

/** Where a user's notification mails go: a verified address of an open account that wants mail, or nowhere. */
async function mailAddressOf(tx: EntityManager, userId: number, preferences: S.NotificationPreferences): Promise<{ userId: number; email: string } | null> {
  if (!preferences.email_enabled) return null;
  const [user] = await querySql<{ email: string | null; reachable: boolean }>(tx, {
    text: `select email, email_verified_at is not null and deleted_at is null as reachable from app_user where id = $1`,
    values: [userId],
  });
  return user?.reachable && user.email ? { userId, email: user.email } : null;
}

/** Processes a recipient's pending events, oldest first; returns how many were processed. */
export async function dispatchEventsOf(deps: Pick<DispatcherDeps, 'orm' | 'now' | 'mails'>, recipientId: number): Promise<number> {
  let processed = 0;
  for (;;) {
    const handled = await deps.orm.em.fork().transactional(async (tx) => {
      await querySql(tx, { text: `select pg_advisory_xact_lock($1, $2)`, values: [LOCK_NAMESPACE, recipientId] });
      const events = await querySql<EventToNotify & { actor: UserJson | null }>(tx, {
        text: `select e.id, e.type, e.recipient_id, e.actor_id, e.payload,
                      coalesce(nullif(trim(a.first_name || ' ' || a.last_name), ''), a.username) as actor_name, t.title as task_title,
                      case when a.id is null then null else ${USER_JSON('a')} end as actor
                 from domain_event e
                 left join app_user a on a.id = e.actor_id
                 left join task t on t.id = (e.payload->>'task_id')::int
                where e.recipient_id = $1 and e.processed_at is null
                order by e.id limit ${BATCH}`,
        values: [recipientId],
      });
      if (!events.length) return 0;
      const preferences = await preferencesOf(tx, recipientId);
      const mailTo = await mailAddressOf(tx, recipientId, preferences);
      const at = deps.now();
      for (const event of events) {
        const content = notificationContent(event);
        if (!content) continue;
        if (mailTo && preferences.types[content.type].email) {
          if (preferences.digest === 'none') await deps.mails.one(tx, mailTo, content);
          else await querySql(tx, { text: `insert into notification_digest_item (user_id, title, body, created_at) values ($1, $2, $3, $4)`, values: [recipientId, content.title, content.body, at] });
        }
        if (!preferences.in_app_enabled || !preferences.types[content.type].in_app) continue;
        const [inserted] = await querySql<{ id: string }>(tx, {
          text: `insert into notification (recipient_id, type, title, body, actor_id, target_kind, target_id, target_url, event_id, created_at)
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (event_id) do nothing returning id`,
          values: [recipientId, content.type, content.title, content.body, event.actor_id, content.target?.kind ?? null, content.target?.id ?? null, content.target?.url ?? null, event.id, at],
        });
        if (!inserted) continue;
        // The recipient's open streams learn of it once this transaction commits.
        const notification = toNotification({
          id: inserted.id,
          type: content.type,
          title: content.title,
          body: content.body,
          read_at: null,
          actor: event.actor,
          target_kind: content.target?.kind ?? null,
          target_id: content.target?.id ?? null,
          target_url: content.target?.url ?? null,
          created_at: at,
        });
        await querySql(tx, {
          text: `insert into live_event (user_id, type, payload, created_at) values ($1, 'notification.created', $2::jsonb, $3)`,
          values: [recipientId, JSON.stringify(notification), at],
        });
      }
      await querySql(tx, { text: `update domain_event set processed_at = $2 where id = any($1::bigint[])`, values: [events.map((event) => event.id), at] });
      return events.length;
    });
    processed += handled;
    if (handled < BATCH) return processed;
  }
}

const DIGEST_PERIOD_MS = { none: 0, daily: 24 * 60 * 60 * 1000, weekly: 7 * 24 * 60 * 60 * 1000 } as const;

/**
 * Sends each digest whose oldest notification has waited its period (a day or a week); drops
 * those of users who can no longer be mailed. Returns how many digests were queued.
 */
export async function sendDigests(deps: Pick<DispatcherDeps, 'orm' | 'now' | 'mails'>): Promise<number> {
  const waiting = await querySql<{ user_id: number; oldest: Date }>(deps.orm.em.fork(), {
    text: `select user_id, min(created_at) as oldest from notification_digest_item group by user_id`,
    values: [],
  });
  let sent = 0;
  for (const { user_id: userId, oldest } of waiting) {
    sent += await deps.orm.em.fork().transactional(async (tx) => {
      await querySql(tx, { text: `select pg_advisory_xact_lock($1, $2)`, values: [LOCK_NAMESPACE, userId] });
      const preferences = await preferencesOf(tx, userId);
      const mailTo = await mailAddressOf(tx, userId, preferences);
      if (mailTo && new Date(oldest).getTime() > deps.now().getTime() - DIGEST_PERIOD_MS[preferences.digest]) return 0;
      const items = await querySql<{ id: string; title: string; body: string }>(tx, {
        text: `delete from notification_digest_item where user_id = $1 returning id, title, body`,
        values: [userId],
      });
      if (!mailTo || !items.length) return 0;
      const oldestFirst = items.sort((a, b) => Number(a.id) - Number(b.id));
      await deps.mails.digest(tx, mailTo, oldestFirst, preferences.digest === 'weekly' ? 'weekly' : 'daily');
      return 1;
    });
  }
  return sent;
}

/** Live events past the replay window, and stream tickets past their minute. */
async function pruneLiveEvents(deps: Pick<DispatcherDeps, 'orm' | 'now'>): Promise<number> {
  const now = deps.now().getTime();
  const events = await deleteInBatches(deps.orm.em.fork(), 'live_event', 'created_at < $1', [new Date(now - REPLAY_WINDOW_MS)]);
  const tickets = await deleteInBatches(deps.orm.em.fork(), 'stream_ticket', 'expires_at < $1', [new Date(now)]);
  return events + tickets;
}

/** Asks for a dispatch of every recipient with events waiting longer than `olderThanMs`. */
async function sweep(deps: DispatcherDeps, olderThanMs: number): Promise<void> {
  const recipients = await querySql<{ recipient_id: number }>(deps.orm.em.fork(), {
    text: `select distinct recipient_id from domain_event where processed_at is null and occurred_at <= $1`,
    values: [new Date(deps.now().getTime() - olderThanMs)],
  });
  for (const { recipient_id: recipientId } of recipients) await deps.queue.send(DISPATCH_QUEUE, { recipientId });
}

/** Listens for new events and asks for their dispatch; reconnects when the connection drops. */
function listen(deps: DispatcherDeps, connectionString: string): { stop: () => Promise<void> } {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  // Wake-ups gathered for a moment: a burst of events for one recipient asks for one dispatch.
  const waiting = new Set<number>();
  let flush: NodeJS.Timeout | undefined;
  const askForDispatches = () => {
    flush = undefined;
    const recipients = [...waiting];
    waiting.clear();
    for (const recipientId of recipients) {
      void deps.queue.send(DISPATCH_QUEUE, { recipientId }).catch((error: unknown) => deps.logger.error({ err: error }, 'notification dispatch not queued'));
    }
  };
  const connect = async () => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      const recipientId = Number(message.payload);
      if (!Number.isSafeInteger(recipientId)) return;
      waiting.add(recipientId);
      flush ??= setTimeout(askForDispatches, GATHER_MS);
    });
    next.on('error', (error) => {
      if (stopped) return;
      deps.logger.warn({ err: error }, 'notification listener lost its connection; reconnecting');
      void next.end().catch(() => {});
      retry = setTimeout(() => void connect(), 1000);
    });
    try {
      await next.connect();
      await next.query('LISTEN domain_event');
      client = next;
      // Whatever arrived while no one listened.
      await sweep(deps, 0);
    } catch (error) {
      if (stopped) return;
      deps.logger.warn({ err: error }, 'notification listener cannot connect; retrying');
      void next.end().catch(() => {});
      retry = setTimeout(() => void connect(), 1000);
    }
  };
  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(flush);
      await client?.end().catch(() => {});
    },
  };
}

export async function startNotificationDispatch(deps: DispatcherDeps, connectionString: string): Promise<{ stop: () => Promise<void> }> {
  await deps.queue.work<{ recipientId: number }>(DISPATCH_QUEUE, async ({ recipientId }) => {
    await dispatchEventsOf(deps, recipientId);
  });
  // A missed wake-up (a listener reconnecting, an instance restarting) waits at most a minute.
  await deps.queue.schedule(SWEEP_EVENTS, '* * * * *', () => sweep(deps, 10_000));
  await deps.queue.schedule(SEND_DIGESTS, '*/15 * * * *', () => sendDigests(deps));
  await deps.queue.schedule(PRUNE_LIVE_EVENTS, '47 * * * *', () => pruneLiveEvents(deps));
  return listen(deps, connectionString);
}
