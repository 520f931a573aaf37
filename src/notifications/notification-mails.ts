/**
 * Notification mails (their texts are in mail/templates.ts), queued through the mail outbox in the
 * caller's transaction: one per notification, or a digest of several. Each carries the
 * recipient's own unsubscribe link.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobQueue } from '../jobs/queue.ts';
import { queueMail } from '../mail/outbox.ts';
import { digestMail, notificationMail } from '../mail/templates.ts';
import type { UnsubscribeTokens } from './unsubscribe-tokens.ts';

export type MailedNotification = { title: string; body: string };

export type NotificationMails = {
  one: (tx: EntityManager, to: { userId: number; email: string }, notification: MailedNotification) => Promise<void>;
  digest: (tx: EntityManager, to: { userId: number; email: string }, notifications: MailedNotification[], period: 'daily' | 'weekly') => Promise<void>;
};

export function createNotificationMails(deps: { queue: JobQueue; tokens: UnsubscribeTokens; publicAppUrl: string }): NotificationMails {
  const app = deps.publicAppUrl.replace(/\/$/, '');
  const linksFor = async (userId: number) => ({
    inbox: `${app}/notifications`,
    unsubscribe: `${app}/unsubscribe?token=${encodeURIComponent(await deps.tokens.sign(userId))}`,
  });
  return {
    async one(tx, to, notification) {
      await queueMail(deps.queue, tx, notificationMail(to.email, notification, await linksFor(to.userId)));
    },
    async digest(tx, to, notifications, period) {
      await queueMail(deps.queue, tx, digestMail(to.email, notifications, period, await linksFor(to.userId)));
    },
  };
}
