/**
 * Notification mails, queued through the mail outbox in the caller's transaction: one per
 * notification, or a digest of several. Each carries the recipient's unsubscribe link, in the
 * text and as a `List-Unsubscribe` header.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobQueue } from '../jobs/queue.ts';
import { queueMail } from '../mail/outbox.ts';
import type { UnsubscribeTokens } from './unsubscribe-tokens.ts';

export type MailedNotification = { title: string; body: string };

export type NotificationMails = {
  one: (tx: EntityManager, to: { userId: number; email: string }, notification: MailedNotification) => Promise<void>;
  digest: (tx: EntityManager, to: { userId: number; email: string }, notifications: MailedNotification[], period: 'daily' | 'weekly') => Promise<void>;
};

export function createNotificationMails(deps: { queue: JobQueue; tokens: UnsubscribeTokens; publicAppUrl: string }): NotificationMails {
  const app = deps.publicAppUrl.replace(/\/$/, '');
  async function footer(userId: number) {
    const unsubscribe = `${app}/unsubscribe?token=${encodeURIComponent(await deps.tokens.sign(userId))}`;
    return {
      text: `\n\nSee your notifications: ${app}/notifications\nStop these emails: ${unsubscribe}\n`,
      headers: { 'List-Unsubscribe': `<${unsubscribe}>` },
    };
  }
  return {
    async one(tx, to, notification) {
      const { text, headers } = await footer(to.userId);
      await queueMail(deps.queue, tx, { to: to.email, subject: notification.title, text: `${notification.body}${text}`, headers });
    },
    async digest(tx, to, notifications, period) {
      const { text, headers } = await footer(to.userId);
      const lines = notifications.map((notification) => `- ${notification.title}: ${notification.body}`).join('\n');
      const subject = `Your ${period} taskmarket digest: ${notifications.length} notification${notifications.length === 1 ? '' : 's'}`;
      await queueMail(deps.queue, tx, { to: to.email, subject, text: `${lines}${text}`, headers });
    },
  };
}
