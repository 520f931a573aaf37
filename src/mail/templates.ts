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
