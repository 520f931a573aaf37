/**
 * The texts of the mails the service sends. Links point at the frontend (PUBLIC_APP_URL), which
 * posts the `token` back to the API.
 */
import type { Mail } from './mailer.ts';

export function verificationMail(to: string, name: string, link: string): Mail {
  return {
    to,
    subject: 'Confirm your email address',
    text: `Hello ${name},\n\nPlease confirm your email address for taskmarket:\n\n${link}\n\nThe link works once and expires in 24 hours. If you did not create an account, ignore this mail.\n`,
  };
}

export function passwordResetMail(to: string, name: string, link: string): Mail {
  return {
    to,
    subject: 'Reset your password',
    text: `Hello ${name},\n\nSomeone asked to reset the password of your taskmarket account. To choose a new one, open:\n\n${link}\n\nThe link works once and expires in 1 hour. If it was not you, ignore this mail: your password stays as it is.\n`,
  };
}

/** The links every notification mail ends with: the inbox, and the unsubscribe link (also a header). */
export type NotificationMailLinks = { inbox: string; unsubscribe: string };

function notificationFooter(links: NotificationMailLinks) {
  return {
    text: `\n\nSee your notifications: ${links.inbox}\nStop these emails: ${links.unsubscribe}\n`,
    headers: { 'List-Unsubscribe': `<${links.unsubscribe}>` },
  };
}

export function notificationMail(to: string, notification: { title: string; body: string }, links: NotificationMailLinks): Mail {
  const { text, headers } = notificationFooter(links);
  return { to, subject: notification.title, text: `${notification.body}${text}`, headers };
}

export function digestMail(to: string, notifications: Array<{ title: string; body: string }>, period: 'daily' | 'weekly', links: NotificationMailLinks): Mail {
  const { text, headers } = notificationFooter(links);
  const lines = notifications.map((notification) => `- ${notification.title}: ${notification.body}`).join('\n');
  const subject = `Your ${period} taskmarket digest: ${notifications.length} notification${notifications.length === 1 ? '' : 's'}`;
  return { to, subject, text: `${lines}${text}`, headers };
}
