/**
 * Domain events: what happened, recorded in the same transaction as the change, for other
 * domains (notifications) to act on later.
 */
import { defineEntity, p } from '@mikro-orm/core';

export const DOMAIN_EVENT_TYPES = [
  'application_received',
  'application_accepted',
  'application_rejected',
  'application_withdrawn',
  'task_completed',
  'task_cancelled',
  'review_received',
  'message_received',
  'payment_received',
  'payment_released',
  'payment_refunded',
  'withdrawal_paid',
  'withdrawal_failed',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

const DomainEventSchema = defineEntity({
  name: 'DomainEvent',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    type: p.enum(DOMAIN_EVENT_TYPES),
    // Who should hear about it, who caused it, and about what.
    recipientId: p.integer().index(),
    actorId: p.integer().nullable(),
    payload: p.json<Record<string, unknown>>(),
    occurredAt: p.datetime().onCreate(() => new Date()),
    // Pruning looks them up by when they were processed (events.jobs.ts).
    processedAt: p.datetime().nullable().index(),
  },
  // Every new event wakes the notification dispatchers listening (LISTEN domain_event) with its
  // recipient; PostgreSQL delivers it when the transaction commits.
  triggers: [{ name: 'domain_event_notify', timing: 'after', events: ['insert'], forEach: 'row', body: `perform pg_notify('domain_event', new.recipient_id::text); return null;` }],
  indexes: [
    // The dispatcher's queue: a recipient's events not processed yet, in order.
    { name: 'domain_event_pending_index', expression: 'create index "domain_event_pending_index" on "domain_event" ("recipient_id", "id") where "processed_at" is null' },
  ],
});
export class DomainEvent extends DomainEventSchema.class {}
DomainEventSchema.setClass(DomainEvent);

export const eventsEntities = [DomainEventSchema];
