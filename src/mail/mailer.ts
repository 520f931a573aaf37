/**
 * Sends mail through SMTP (SMTP_URL, nodemailer) or, without it (development only: production
 * requires SMTP_URL), writes it to the log so that links can be followed.
 */
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';

export type Mail = {
  to: string;
  subject: string;
  text: string;
  /** Extra headers (`List-Unsubscribe` on notification mails). */
  headers?: Record<string, string>;
};
export type Mailer = {
  send: (mail: Mail) => Promise<void>;
  /** Closes the SMTP connections once the mails in hand are sent. */
  close: () => void;
};

export function createMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'SMTP_MAX_CONNECTIONS'>, logger: Logger): Mailer {
  if (!config.SMTP_URL) {
    return {
      send(mail) {
        logger.warn(
          { mail },
          `DEVELOPMENT FALLBACK, mail not sent: SMTP_URL is unset, so this mail to ${mail.to} ("${mail.subject}") is written here, live links included. Production requires SMTP_URL.`,
        );
        return Promise.resolve();
      },
      close() {},
    };
  }
  // A pool: mails share up to maxConnections open SMTP sessions instead of one handshake each;
  // sends beyond that wait in the pool's own queue.
  const transport = nodemailer.createTransport({ url: config.SMTP_URL, pool: true, maxConnections: config.SMTP_MAX_CONNECTIONS, maxMessages: 1000 });
  return {
    async send(mail) {
      await transport.sendMail({ from: config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
    },
    close: () => transport.close(),
  };
}
