/**
 * The notification inbox and each user's notification preferences. A notification comes from
 * one domain event (its `eventId`), written in the transaction that marks the event processed.
 */
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../auth/auth.entities.ts';
import { NotificationType as NotificationTypeSchema } from '../contract/schemas.ts';

/** The contract's notification types (a subset of the domain events' types). */
export const NOTIFICATION_TYPES = NotificationTypeSchema.options;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const TARGET_KINDS = ['task', 'application', 'conversation', 'escrow', 'withdrawal', 'review'] as const;

const NotificationSchema = defineEntity({
  name: 'Notification',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    recipient: () => p.manyToOne(User).deleteRule('cascade'),
    type: p.enum(NOTIFICATION_TYPES),
    title: p.string().length(200),
    body: p.text(),
    actor: () => p.manyToOne(User).nullable().deleteRule('set null'),
    targetKind: p.enum(TARGET_KINDS).nullable(),
    targetId: p.integer().nullable(),
    targetUrl: p.string().length(300).nullable(),
    eventId: p.bigint('number').nullable().unique(),
    readAt: p.datetime().nullable(),
    createdAt: p.datetime(),
  },
  indexes: [
    { name: 'notification_inbox_index', expression: 'create index "notification_inbox_index" on "notification" ("recipient_id", "id" desc)' },
    { name: 'notification_unread_index', expression: 'create index "notification_unread_index" on "notification" ("recipient_id") where "read_at" is null' },
  ],
});
export class Notification extends NotificationSchema.class {}
NotificationSchema.setClass(Notification);

export type ChannelPreferences = { in_app: boolean; email: boolean };

const NotificationPreferencesSchema = defineEntity({
  name: 'NotificationPreferences',
  properties: {
    user: () => p.oneToOne(User).owner().primary().deleteRule('cascade'),
    emailEnabled: p.boolean(),
    inAppEnabled: p.boolean(),
    digest: p.enum(['none', 'daily', 'weekly'] as const),
    types: p.json<Record<NotificationType, ChannelPreferences>>(),
    updatedAt: p.datetime(),
  },
});
export class NotificationPreferences extends NotificationPreferencesSchema.class {}
NotificationPreferencesSchema.setClass(NotificationPreferences);

/** A notification waiting for its recipient's daily or weekly digest mail. */
const DigestItemSchema = defineEntity({
  name: 'DigestItem',
  tableName: 'notification_digest_item',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    user: () => p.manyToOne(User).deleteRule('cascade').index(),
    title: p.string().length(200),
    body: p.text(),
    createdAt: p.datetime(),
  },
});
export class DigestItem extends DigestItemSchema.class {}
DigestItemSchema.setClass(DigestItem);

export const LIVE_EVENT_TYPES = ['notification.created', 'message.created', 'conversation.read'] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/**
 * What a user's event streams carry, written in the transaction of the change it tells of, and
 * kept a day for reconnecting streams to replay. Every insert wakes the streams (NOTIFY).
 */
const LiveEventSchema = defineEntity({
  name: 'LiveEvent',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    userId: p.integer(),
    type: p.enum(LIVE_EVENT_TYPES),
    payload: p.json<Record<string, unknown>>(),
    createdAt: p.datetime().index(),
    // The writing transaction: streams hold back events while an older transaction might still
    // commit one with a lower id (see live-hub.ts).
    transactionId: p.string().columnType('xid8').defaultRaw('pg_current_xact_id()').lazy().hidden(),
  },
  triggers: [{ name: 'live_event_notify', timing: 'after', events: ['insert'], forEach: 'row', body: `perform pg_notify('live_event', new.user_id::text); return null;` }],
  indexes: [{ name: 'live_event_user_index', expression: 'create index "live_event_user_index" on "live_event" ("user_id", "id")' }],
});
export class LiveEvent extends LiveEventSchema.class {}
LiveEventSchema.setClass(LiveEvent);

/** A single-use ticket that opens one event stream without an Authorization header. */
const StreamTicketSchema = defineEntity({
  name: 'StreamTicket',
  properties: {
    ticket: p.string().length(64).primary(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    expiresAt: p.datetime().index(),
    usedAt: p.datetime().nullable(),
  },
});
export class StreamTicket extends StreamTicketSchema.class {}
StreamTicketSchema.setClass(StreamTicket);

export const notificationsEntities = [NotificationSchema, NotificationPreferencesSchema, DigestItemSchema, LiveEventSchema, StreamTicketSchema];
