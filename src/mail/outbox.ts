/**
 * Mail leaves through the job queue: `queueMail` in the transaction of the change that causes
 * it, `startMailWorker` sends after commit. A slow or failing SMTP server never slows or fails a
 * request. The worker takes mails in batches and sends a batch at once over the mailer's pool; a
 * mail the server refuses for good (a 5xx about the recipient) goes straight to the dead letter
 * queue, any other failure is retried with backoff for about a day, then dead-lettered too.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobOutcome, JobQueue, QueueDefinition } from '../jobs/queue.ts';
import type { Mail, Mailer } from './mailer.ts';

export const MAIL_QUEUE: QueueDefinition = {
  name: 'mail.send',
  // 30 s, 1 min, 2 min, … capped at 2 h: twelve tries span about a day.
  retryLimit: 12,
  retryDelaySeconds: 30,
  retryDelayMaxSeconds: 7200,
  deadLetter: 'mail.dead-letter',
};

const BATCH_SIZE = 100;

/** SMTP replies that will not change on a retry: no such mailbox, mailbox name refused, bad syntax. */
const PERMANENT_REPLY_CODES = new Set([501, 550, 551, 553, 554]);

export function queueMail(queue: JobQueue, em: EntityManager, mail: Mail): Promise<void> {
  return queue.enqueue(em, MAIL_QUEUE, mail);
}

export function startMailWorker(queue: JobQueue, mailer: Mailer): Promise<void> {
  return queue.workBatches<Mail>(MAIL_QUEUE, { batchSize: BATCH_SIZE }, (jobs) =>
    Promise.all(
      jobs.map(async ({ id, data }): Promise<JobOutcome> => {
        try {
          await mailer.send(data);
          return { id, status: 'completed' };
        } catch (error) {
          const { message, responseCode } = error as Error & { responseCode?: number };
          return { id, status: responseCode && PERMANENT_REPLY_CODES.has(responseCode) ? 'deadletter' : 'failed', error: message };
        }
      }),
    ),
  );
}
