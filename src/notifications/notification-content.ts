/**
 * What a notification says, from the domain event that caused it: a title, a sentence a person
 * reads, and the resource it is about (with the API path that reads it).
 */
import type * as S from '../contract/schemas.ts';
import { NOTIFICATION_TYPES, type NotificationType } from './notifications.entities.ts';

/** A domain event as the dispatcher reads it, with the names it mentions. */
export type EventToNotify = {
  id: string;
  type: string;
  recipient_id: number;
  actor_id: number | null;
  payload: Record<string, unknown>;
  actor_name: string | null;
  task_title: string | null;
};

export type NotificationContent = { type: NotificationType; title: string; body: string; target: S.NotificationTarget | null };

export const isNotificationType = (type: string): type is NotificationType => (NOTIFICATION_TYPES as readonly string[]).includes(type);

export function notificationContent(event: EventToNotify): NotificationContent | null {
  if (!isNotificationType(event.type)) return null;
  const p = event.payload as Record<string, string | number | null | undefined>;
  const actor = event.actor_name ?? 'Someone';
  const task = `"${event.task_title ?? `task ${p.task_id}`}"`;
  const money = `${p.amount} ${String(p.currency ?? '').toUpperCase()}`;
  const taskTarget = { kind: 'task' as const, id: Number(p.task_id), url: `/api/tasks/${p.task_id}/` };
  const escrowTarget = { kind: 'escrow' as const, id: Number(p.escrow_id), url: `/api/payments/escrow/${p.escrow_id}/` };
  const withdrawalTarget = { kind: 'withdrawal' as const, id: Number(p.withdrawal_id), url: '/api/payments/withdrawals/' };
  const content: Record<NotificationType, () => Omit<NotificationContent, 'type'>> = {
    application_received: () => ({
      title: 'New application on your task',
      body: `${actor} applied to ${task} with a bid of ${p.bid_amount} ${String(p.currency ?? '').toUpperCase()}.`,
      target: { kind: 'application', id: Number(p.application_id), url: `/api/tasks/${p.task_id}/applications/` },
    }),
    application_accepted: () => ({ title: 'Your application was accepted', body: `${actor} hired you for ${task}.`, target: taskTarget }),
    application_rejected: () => ({
      title: 'Your application was not selected',
      body: `Your application to ${task} was declined.`,
      target: { kind: 'application', id: Number(p.application_id), url: '/api/tasks/my-applications/' },
    }),
    message_received: () => ({
      title: `New message from ${actor}`,
      body: String(p.preview ?? ''),
      target: { kind: 'conversation', id: Number(p.conversation_id), url: `/api/messaging/conversations/${p.conversation_id}/` },
    }),
    task_completed: () => ({ title: 'Task completed', body: `${actor} marked ${task} completed.`, target: taskTarget }),
    task_cancelled: () => ({ title: 'Task cancelled', body: `${actor} cancelled ${task}.`, target: taskTarget }),
    review_received: () => ({
      title: 'New review',
      body: `${actor} rated you ${p.rating}/5 for ${task}.`,
      target: { kind: 'review', id: Number(p.review_id), url: `/api/tasks/${p.task_id}/reviews/` },
    }),
    payment_received: () => ({ title: 'Payment held in escrow', body: `${money} for ${task} is now held in escrow.`, target: escrowTarget }),
    payment_released: () => ({ title: 'Payment released', body: `${money} for ${task} was added to your wallet.`, target: escrowTarget }),
    payment_refunded: () => ({ title: 'Payment refunded', body: `${money} held for ${task} was refunded to the client.`, target: escrowTarget }),
    withdrawal_paid: () => ({ title: 'Withdrawal paid', body: `Your withdrawal of ${money} was paid out.`, target: withdrawalTarget }),
    withdrawal_failed: () => ({
      title: 'Withdrawal failed',
      body: `Your withdrawal of ${money} failed (${p.reason ?? 'the payout failed'}); the amount is back in your wallet.`,
      target: withdrawalTarget,
    }),
  };
  return { type: event.type, ...content[event.type]() };
}
