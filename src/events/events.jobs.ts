/**
 * The hourly pruning of domain events: an event is kept `eventRetentionMs` after it was
 * processed. An event nobody has processed yet is never deleted (the table is an outbox).
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { deleteInBatches } from '../db/delete-in-batches.ts';
import type { JobQueue } from '../jobs/queue.ts';

export const PRUNE_EVENTS = 'events.prune';

export type EventsJobsDeps = { queue: JobQueue; orm: MikroORM; now: () => Date; eventRetentionMs: number };

export async function pruneEvents(deps: Pick<EventsJobsDeps, 'orm' | 'now' | 'eventRetentionMs'>): Promise<number> {
  const cutoff = new Date(deps.now().getTime() - deps.eventRetentionMs);
  return deleteInBatches(deps.orm.em.fork(), 'domain_event', 'processed_at < $1', [cutoff]);
}

export async function startEventsJobs(deps: EventsJobsDeps): Promise<void> {
  await deps.queue.schedule(PRUNE_EVENTS, '17 * * * *', () => pruneEvents(deps));
}
