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
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';
import { querySql } from '../db/sql.ts';
import type { JobQueue, QueueDefinition } from '../jobs/queue.ts';
import { notificationContent, type EventToNotify } from './notification-content.ts';
import { preferencesOf } from './preferences.ts';

export const DISPATCH_QUEUE: QueueDefinition = { name: 'notifications.dispatch', retryLimit: 20, retryDelaySeconds: 2, retryDelayMaxSeconds: 600 };
export const SWEEP_EVENTS = 'notifications.sweep';

const BATCH = 100;
/** Namespace of the advisory locks (one per recipient). */
const LOCK_NAMESPACE = 7_401;

export type DispatcherDeps = { orm: MikroORM; queue: JobQueue; logger: Logger; now: () => Date };

/** Processes a recipient's pending events, oldest first; returns how many were processed. */
export async function dispatchEventsOf(deps: Pick<DispatcherDeps, 'orm' | 'now'>, recipientId: number): Promise<number> {
  let processed = 0;
  for (;;) {
    const handled = await deps.orm.em.fork().transactional(async (tx) => {
      await querySql(tx, { text: `select pg_advisory_xact_lock($1, $2)`, values: [LOCK_NAMESPACE, recipientId] });
      const events = await querySql<EventToNotify>(tx, {
        text: `select e.id, e.type, e.recipient_id, e.actor_id, e.payload,
                      coalesce(nullif(trim(a.first_name || ' ' || a.last_name), ''), a.username) as actor_name, t.title as task_title
                 from domain_event e
                 left join app_user a on a.id = e.actor_id
                 left join task t on t.id = (e.payload->>'task_id')::int
                where e.recipient_id = $1 and e.processed_at is null
                order by e.id limit ${BATCH}`,
        values: [recipientId],
      });
      if (!events.length) return 0;
      const preferences = await preferencesOf(tx, recipientId);
      const at = deps.now();
      for (const event of events) {
        const content = notificationContent(event);
        if (!content || !preferences.in_app_enabled || !preferences.types[content.type].in_app) continue;
        await querySql(tx, {
          text: `insert into notification (recipient_id, type, title, body, actor_id, target_kind, target_id, target_url, event_id, created_at)
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (event_id) do nothing`,
          values: [recipientId, content.type, content.title, content.body, event.actor_id, content.target?.kind ?? null, content.target?.id ?? null, content.target?.url ?? null, event.id, at],
        });
      }
      await querySql(tx, { text: `update domain_event set processed_at = $2 where id = any($1::bigint[])`, values: [events.map((event) => event.id), at] });
      return events.length;
    });
    processed += handled;
    if (handled < BATCH) return processed;
  }
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
  const connect = async () => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      const recipientId = Number(message.payload);
      if (Number.isSafeInteger(recipientId)) void deps.queue.send(DISPATCH_QUEUE, { recipientId }).catch((error: unknown) => deps.logger.error({ err: error }, 'notification dispatch not queued'));
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
  return listen(deps, connectionString);
}
