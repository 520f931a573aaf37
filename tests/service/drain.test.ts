/**
 * SIGTERM under keep-alive load drops nothing: `npm start`'s server, 24 keep-alive clients
 * reading and writing, a SIGTERM in the middle. Readiness answers 503 at once while liveness
 * stays 200; every request sent before the signal, and during the grace period, gets its answer
 * (no reset); answers of the drain close their connection; every acknowledged write is in the
 * database; the process exits 0. And a SIGTERM sent to `npm start` reaches the service too.
 */
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database.ts';
import { startServiceProcess, type ServiceProcess } from '../support/service-process.ts';

const CLIENTS = 24;
const GRACE_SECONDS = 2;

type Outcome = { sentAt: number; answeredAt: number; status?: number; headers?: IncomingHttpHeaders; body?: string; error?: string; kind: 'read' | 'write' };

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let service: ServiceProcess;
/** The port of the server started directly (not the one under npm). */
let port: number;

beforeAll(async () => {
  database = await createTestDatabase();
  service = startServiceProcess({
    DATABASE_URL: database.url,
    SEED_DEMO: '1',
    SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
    RATE_LIMIT_AUTH_PER_MINUTE: '1000',
  });
  port = await service.port;
}, 120_000);

afterAll(async () => {
  if (service.child.exitCode === null) service.child.kill('SIGKILL');
  await database?.drop();
});

function send(agent: Agent | false, method: string, path: string, options: { token?: string; body?: unknown; port?: number } = {}): Promise<Omit<Outcome, 'sentAt' | 'answeredAt' | 'kind'>> {
  return new Promise((resolve) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(
      {
        host: '127.0.0.1',
        port: options.port ?? port,
        method,
        path,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(payload);
  });
}

describe('SIGTERM under keep-alive load', () => {
  it('answers every request sent before the signal and during the grace period, then exits 0', async () => {
    const login = await send(false, 'POST', '/api/auth/login/', { body: { email: 'sara@example.com', password: 'StrongPass123' } });
    const token = JSON.parse(login.body!).access as string;
    const taskId = JSON.parse((await send(false, 'GET', '/api/tasks/?page_size=1')).body!).results[0].id as number;

    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    const outcomes: Outcome[] = [];
    let stopped = false;
    const client = async (index: number) => {
      for (let n = 0; !stopped; n += 1) {
        const kind = (index + n) % 4 === 0 ? 'write' : 'read';
        const sentAt = performance.now();
        const answer =
          kind === 'write'
            ? await send(agent, 'POST', '/api/tasks/create/', {
                token,
                body: { title: `Drain test task ${index}-${n}`, description: 'Written while the server drains its connections.', category: 5, budget: '120.00', currency: 'usd', skills: [11], remote: true },
              })
            : await send(agent, 'GET', n % 2 ? '/api/tasks/?page_size=5' : `/api/tasks/${taskId}/`);
        outcomes.push({ sentAt, answeredAt: performance.now(), kind, ...answer });
        // Refused: the server has stopped accepting; this client is done.
        if (answer.error === 'ECONNREFUSED') return;
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, index) => client(index));

    await new Promise((resolve) => setTimeout(resolve, 1500));
    const signalAt = performance.now();
    service.child.kill('SIGTERM');
    // At once: not ready, still alive (fresh connections, not the load's).
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ready = await send(false, 'GET', '/api/health/ready/');
    const live = await send(false, 'GET', '/api/health/');
    expect(ready.status).toBe(503);
    expect(live.status).toBe(200);
    expect(JSON.parse(live.body!)).toMatchObject({ status: 'ok', draining: true });

    expect(await service.exited).toBe(0);
    stopped = true;
    await Promise.all(clients);
    agent.destroy();

    const before = outcomes.filter((outcome) => outcome.sentAt < signalAt);
    // From a moment after the signal (the server reads it from its event loop) to before the end of the grace period.
    const duringGrace = outcomes.filter((outcome) => outcome.sentAt >= signalAt + 100 && outcome.sentAt < signalAt + (GRACE_SECONDS - 0.5) * 1000);
    expect(before.length).toBeGreaterThan(100);
    // Answered before the drain, connections are kept, for longer than a load balancer's 60 s idle
    // timeout (the requests in flight when it began get the drain's Connection: close).
    const answeredBefore = before.filter((outcome) => outcome.answeredAt < signalAt);
    expect(new Set(answeredBefore.map((outcome) => `${String(outcome.headers!.connection)}; ${String(outcome.headers!['keep-alive'])}`))).toEqual(new Set(['keep-alive; timeout=65']));
    expect(duringGrace.length).toBeGreaterThan(50);
    // No reset, no error: an HTTP answer for each, and a success.
    expect(before.filter((outcome) => outcome.error)).toEqual([]);
    expect(duringGrace.filter((outcome) => outcome.error)).toEqual([]);
    expect(new Set([...before, ...duringGrace].map((outcome) => outcome.status))).toEqual(new Set([200, 201]));
    // The drain's answers end their connection, so that clients reconnect elsewhere.
    expect(duringGrace.every((outcome) => outcome.headers!.connection === 'close')).toBe(true);
    // Only a client that kept connecting at the very end (a load balancer would have stopped on
    // the 503) can meet the closed listener: refused, or reset while still in its accept queue.
    const failed = outcomes.filter((outcome) => outcome.error);
    expect(failed.every((outcome) => outcome.sentAt >= signalAt + (GRACE_SECONDS - 0.5) * 1000)).toBe(true);
    expect(failed.every((outcome) => ['ECONNREFUSED', 'ECONNRESET'].includes(outcome.error!))).toBe(true);

    // Every acknowledged write is in the database.
    const { default: pg } = await import('pg');
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const created = outcomes.filter((outcome) => outcome.kind === 'write' && outcome.status === 201).map((outcome) => JSON.parse(outcome.body!).id as number);
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from task where id = any($1)', [created]);
      expect(created.length).toBeGreaterThan(20);
      expect(rows[0]!.n).toBe(created.length);
    } finally {
      await db.end();
    }
  }, 120_000);
});

describe('SIGTERM sent to `npm start`', () => {
  it('reaches the service, though npm’s shell does not pass it on: it drains and exits', async () => {
    const underNpm = startServiceProcess({ DATABASE_URL: database.url, SHUTDOWN_GRACE_SECONDS: '1' }, { viaNpm: true });
    const npmPort = await underNpm.port;
    expect((await send(false, 'GET', '/api/health/ready/', { port: npmPort })).status).toBe(200);
    underNpm.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await send(false, 'GET', '/api/health/ready/', { port: npmPort })).status).toBe(503);
    await underNpm.ended;
    expect(underNpm.log.some((line) => line.includes('drained: every request answered'))).toBe(true);
    expect((await send(false, 'GET', '/api/health/', { port: npmPort })).error).toBe('ECONNREFUSED');
  }, 120_000);
});
