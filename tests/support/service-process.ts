/**
 * The real service in a process of its own, as `npm start` runs it (or through npm itself), on a
 * free port with its JSON log on a pipe: for the tests of what only a whole process shows
 * (signals, start-up, the local Stripe).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../scripts/generate.ts';

export type ServiceProcess = {
  child: ChildProcess;
  /** Every log line so far. */
  log: string[];
  /** The first log line matching `pattern` (one already logged, or the next). */
  waitForLog: (pattern: RegExp) => Promise<RegExpExecArray>;
  /** The HTTP port, once the service listens. */
  port: Promise<number>;
  /** The exit code of the process started (npm's, with `viaNpm`). */
  exited: Promise<number | null>;
  /** Resolves when the service has exited: its end of the log pipe closed (it outlives npm's). */
  ended: Promise<void>;
};

/** `env` comes on top of the caller's environment and of a free port, info logs and development mode. */
export function startServiceProcess(env: Record<string, string>, options: { viaNpm?: boolean; watch?: boolean } = {}): ServiceProcess {
  // npm itself when asked (npm_execpath is set when the tests run under npm), else the server alone
  // (in watch mode, as `npm run dev` runs it, when asked).
  const [command, args] = !options.viaNpm
    ? [process.execPath, [...(options.watch ? ['--watch'] : []), 'src/server.ts']]
    : process.env.npm_execpath
      ? [process.execPath, [process.env.npm_execpath, 'start']]
      : ['npm', ['start']];
  // The database is the caller's to give: without one, the service starts its embedded PostgreSQL.
  const { DATABASE_URL: _outer, ...withoutDatabaseUrl } = process.env;
  const child = spawn(command, args, {
    cwd: projectRoot,
    // A secret of its own: development would otherwise keep one in the project's .data folder.
    env: { ...withoutDatabaseUrl, NODE_ENV: 'development', JWT_SECRET: 'a-secret-for-service-processes-in-tests', HOST: '127.0.0.1', PORT: '0', STRIPE_LOCAL_PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const log: string[] = [];
  const waiting = new Set<{ pattern: RegExp; resolve: (match: RegExpExecArray) => void }>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    log.push(line);
    for (const waiter of waiting) {
      const match = waiter.pattern.exec(line);
      if (match) {
        waiting.delete(waiter);
        waiter.resolve(match);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ended = new Promise<void>((resolve) => child.stdout!.once('close', () => resolve()));

  function waitForLog(pattern: RegExp): Promise<RegExpExecArray> {
    for (const line of log) {
      const match = pattern.exec(line);
      if (match) return Promise.resolve(match);
    }
    return new Promise((resolve, reject) => {
      waiting.add({ pattern, resolve });
      void ended.then(() => reject(new Error(`the service exited without logging ${pattern}`)));
    });
  }

  const port = waitForLog(/taskmarket API on http:\/\/localhost:(\d+)\//).then((match) => Number(match[1]));
  // Stopped before it listens, a service leaves this unanswered: only a caller awaiting it fails.
  port.catch(() => {});
  return { child, log, waitForLog, port, exited, ended };
}
