/**
 * Mail leaves through the job queue: `queueMail` in the transaction of the change that causes
 * it, `startMailWorker` sends after commit with retries. A slow or failing SMTP server never
 * slows or fails a request.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobQueue } from '../jobs/queue.ts';
import type { Mail, Mailer } from './mailer.ts';

const SEND_MAIL = 'mail.send';

export function queueMail(queue: JobQueue, em: EntityManager, mail: Mail): Promise<void> {
  return queue.enqueue(em, SEND_MAIL, mail);
}

export function startMailWorker(queue: JobQueue, mailer: Mailer): Promise<void> {
  return queue.work<Mail>(SEND_MAIL, (mail) => mailer.send(mail));
}
