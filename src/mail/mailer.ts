/**
 * Sends mail through SMTP (SMTP_URL, nodemailer) or, without it (development only: production
 * requires SMTP_URL), writes it to the log so that links can be followed.
 */
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send: (mail: Mail) => Promise<void> };

export function createMailer(options: { smtpUrl?: string; from: string; logger: Logger }): Mailer {
  if (!options.smtpUrl) {
    return {
      async send(mail) {
        options.logger.warn(
          { mail },
          `DEVELOPMENT FALLBACK, mail not sent: SMTP_URL is unset, so this mail to ${mail.to} ("${mail.subject}") is written here, live links included. Production requires SMTP_URL.`,
        );
      },
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
