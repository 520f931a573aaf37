/**
 * Every notification type reads as a sentence from its event's payload (as the domains record
 * it), and points at the resource it is about; events that are not notifications give none.
 */
import { describe, expect, it } from 'vitest';
import { notificationContent, type EventToNotify } from '../../src/notifications/notification-content.ts';
import { NOTIFICATION_TYPES } from '../../src/notifications/notifications.entities.ts';

const PAYLOADS: Record<(typeof NOTIFICATION_TYPES)[number], Record<string, unknown>> = {
  application_received: { task_id: 42, application_id: 308, bid_amount: '120.00', currency: 'usd' },
  application_accepted: { task_id: 42, application_id: 308 },
  application_rejected: { task_id: 42, application_id: 309, reason: 'another_application_accepted' },
  message_received: { conversation_id: 99, message_id: 771, sender: 'lina', preview: 'Draft uploaded. Please review.' },
  task_completed: { task_id: 42 },
  task_cancelled: { task_id: 42, reason: null },
  review_received: { task_id: 42, review_id: 7, rating: 5 },
  payment_received: { escrow_id: 12, task_id: 42, amount: '200.00', currency: 'usd' },
  payment_released: { escrow_id: 12, task_id: 42, amount: '180.00', currency: 'usd' },
  payment_refunded: { escrow_id: 12, task_id: 42, amount: '200.00', currency: 'usd', reason: 'task_cancelled' },
  withdrawal_paid: { withdrawal_id: 5, amount: '50.00', currency: 'usd' },
  withdrawal_failed: { withdrawal_id: 5, amount: '50.00', currency: 'usd', reason: 'The bank account has been closed.' },
};

const event = (type: string, payload: Record<string, unknown>): EventToNotify => ({
  id: '1',
  type,
  recipient_id: 1,
  actor_id: 2,
  payload,
  actor_name: 'Lina Haddad',
  task_title: 'Integrate our CRM with a REST API',
});

describe('notification content', () => {
  it.each(NOTIFICATION_TYPES)('%s reads as a sentence and points at its resource', (type) => {
    const content = notificationContent(event(type, PAYLOADS[type]))!;
    expect(content.type).toBe(type);
    expect(`${content.title} ${content.body}`).not.toMatch(/undefined|null|NaN|\[object/);
    expect(content.body.length).toBeGreaterThan(0);
    expect(content.target).toEqual({ kind: expect.any(String), id: expect.any(Number), url: expect.stringMatching(/^\/api\/.+\/$/) });
    expect(Number.isSafeInteger(content.target!.id)).toBe(true);
  });

  it('names the actor, the task and the money', () => {
    expect(notificationContent(event('application_received', PAYLOADS.application_received))).toMatchObject({
      body: 'Lina Haddad applied to "Integrate our CRM with a REST API" with a bid of 120.00 USD.',
      target: { kind: 'application', id: 308, url: '/api/tasks/42/applications/' },
    });
    expect(notificationContent(event('payment_released', PAYLOADS.payment_released))!.body).toBe('180.00 USD for "Integrate our CRM with a REST API" was added to your wallet.');
  });

  it('gives none for an event that is not a notification', () => {
    expect(notificationContent(event('application_withdrawn', { task_id: 42, application_id: 308 }))).toBeNull();
  });
});
