/**
 * `npm run bench`: the service against a bare node:http + pg baseline running the same SQL, on a
 * database seeded with 10,000 tasks. Servers and load generator (autocannon) run in separate
 * processes. Then a burst of 5,000 mails through the service's queue to a local SMTP sink. The
 * service's resident memory is sampled throughout. Prints the tables and writes BENCH.md.
 *
 * BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 32) and BENCH_MAILS (default 5000)
 * change the load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { createTokenSigner } from '../../src/auth/tokens.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { freePort } from '../../src/lib/free-port.ts';
import { ormConfig } from '../../src/db/orm-config.ts';
import { BENCH_TASKS, RECOMMENDATION_TASKS, seedBenchData, seedConversations, seedFundedEscrows, seedRecommendationMarket } from './seed.ts';
import { startStripeEmulator } from '../../src/payments/stripe-emulator.ts';
import { measureStreams } from './streams.ts';
import { projectRoot } from '../generate.ts';
import { startSmtpServer } from '../../tests/support/smtp.ts';
import { startQueue } from '../../src/jobs/queue.ts';
import { queueMail } from '../../src/mail/outbox.ts';
import { createLogger } from '../../src/logger.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const MAILS = Number(process.env.BENCH_MAILS ?? 5000);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
const JWT_SECRET = 'benchmark-secret-benchmark-secret-benchmark';
const ANALYSIS_HEADING = '## Where the time goes';
const SERVICE_APP_NAME = 'taskmarket-bench-service';
/** Funded escrows seeded for each server's release scenario: more than it can release in one run. */
const RELEASES_PER_SERVER = Number(process.env.BENCH_RELEASES ?? 15_000);

/** The V8 flags `npm start` gives the service (package.json), so that the bench measures the same process. */
const startFlags = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(' ')
  .filter((arg) => arg.startsWith('--max-'));

function start(script: string, env: Record<string, string>): ChildProcess {
  // BENCH_PROFILE=dir writes a CPU profile of each server there, to see where the time goes.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  return spawn(join(projectRoot, 'node_modules/.bin/node'), [...profile, ...startFlags, script], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

/** A process's resident set size in MB (Linux), or NaN where /proc is not available. */
function residentMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

type Figures = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

const UNLOADED_REQUESTS = 400;

/** Latency percentiles of requests sent one after the other, each as the next freelancer of `tokens`. */
async function sequentialLatency(port: number, tokens: string[]): Promise<{ p50: number; p95: number; max: number }> {
  const times: number[] = [];
  for (let n = 0; n < UNLOADED_REQUESTS; n += 1) {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/api/recommendations/tasks/`, { headers: { authorization: `Bearer ${tokens[n % tokens.length]}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`recommendations answered ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (share: number) => Math.round(times[Math.min(times.length - 1, Math.floor(share * times.length))]! * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

async function load(options: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'taskmarket-bench-'));
const postgres = await startEmbeddedPostgres({ dataDir, database: 'taskmarket', persistent: false });
// Production requires an SMTP server and Stripe: a local sink, and the local Stripe emulator.
const smtp = await startSmtpServer();
const stripe = await startStripeEmulator({ port: 0 });
const children: ChildProcess[] = [];
try {
  const orm = await MikroORM.init(ormConfig(postgres.url));
  await orm.migrator.up();
  await seedBenchData(orm);
  const conversations = await seedConversations(orm, 1);
  const ids = async (sql: string) => ((await orm.em.fork().getConnection().execute(sql)) as Array<{ id: number }>).map((row) => row.id);
  const freelancerIds = await ids(`select id from app_user where username like 'bench_f%' order by id`);
  const openTaskIds = await ids(`select id from task where status = 'open' and client_id in (1, 3) order by id`);
  await orm.close();

  const signer = createTokenSigner({ secret: JWT_SECRET, accessTtlSeconds: 3600, refreshTtlSeconds: 3600, now: () => new Date() });
  const tokens = await Promise.all(freelancerIds.map(async (id: number) => (await signer.access(id, 1, randomUUID())).token));

  const appPort = await freePort();
  const basePort = await freePort();
  const env = {
    DATABASE_URL: postgres.url,
    JWT_SECRET,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SMTP_URL: smtp.url,
    STRIPE_SECRET_KEY: 'sk_test_bench',
    STRIPE_WEBHOOK_SECRET: 'whsec_bench',
    STRIPE_API_BASE: stripe.url,
    // The limit's statement still runs on every send (both servers run it); it just never refuses here.
    RATE_LIMIT_MESSAGES_PER_MINUTE: '100000000',
    CHATBOT_MESSAGES_PER_MINUTE: '100000000',
    CHATBOT_MESSAGES_PER_DAY: '100000000',
  };
  // PGAPPNAME names the service's connections, to tell them apart in pg_stat_activity.
  children.push(start('src/server.ts', { ...env, PORT: String(appPort), HOST: '127.0.0.1', RATE_LIMIT_AUTH_PER_MINUTE: '1000000', PGAPPNAME: SERVICE_APP_NAME }));
  children.push(start('scripts/bench/baseline-server.ts', { ...env, PORT: String(basePort) }));
  await waitFor(`http://127.0.0.1:${appPort}/api/health/`);
  await waitFor(`http://127.0.0.1:${basePort}/api/tasks/42/`);
  const service = children[0]!;
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idleRss = residentMb(service.pid!);
  const rssSamples: number[] = [];
  // How many of the service's connections sit idle inside a transaction while the load runs.
  const activity = new pg.Client({ connectionString: postgres.url });
  await activity.connect();
  const idleInTransaction: number[] = [];
  const sampler = setInterval(() => {
    rssSamples.push(residentMb(service.pid!));
    void activity
      .query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = $1 and state = 'idle in transaction'`, [SERVICE_APP_NAME])
      .then(({ rows }) => idleInTransaction.push(rows[0]!.n));
  }, 250);

  // The two servers apply to disjoint halves of the open tasks, so every apply is a new one.
  const halves = [openTaskIds.slice(0, openTaskIds.length / 2), openTaskIds.slice(openTaskIds.length / 2)];
  const clientToken = (await signer.access(1, 1, randomUUID())).token;
  // Each server releases escrows of its own, seeded when the scenario comes (the read scenarios
  // before it run on the usual 10,000 tasks).
  const escrows: number[][] = [];
  const recommendationTokens: string[] = [];
  const scenarios: Array<{ name: string; prepare?: () => Promise<void>; options: (half: number) => Partial<autocannon.Options> & { path?: string } }> = [
    { name: 'GET /api/tasks/?search=dashboard&category=3&page_size=20', options: () => ({ path: '/api/tasks/?search=dashboard&category=3&page_size=20' }) },
    { name: 'GET /api/tasks/{id}/', options: () => ({ path: '/api/tasks/4242/' }) },
    {
      name: 'GET /api/auth/users/ (authenticated, 20 profiles)',
      options: () => ({ path: '/api/auth/users/?page_size=20', headers: { authorization: `Bearer ${tokens[0]}` } }),
    },
    {
      name: 'GET /api/auth/users/{username}/ (authenticated)',
      options: () => ({ path: '/api/auth/users/bench_f7/', headers: { authorization: `Bearer ${tokens[0]}` } }),
    },
    {
      name: 'POST /api/tasks/{id}/apply/ (authenticated)',
      options: (half: number) => {
        // One counter per server across warm-up and measurement: no (freelancer, task) pair twice.
        counters[half] ??= 0;
        return {
          requests: [
            {
              method: 'POST' as const,
              setupRequest: (request: autocannon.Request) => {
                const n = counters[half]!++;
                const taskId = halves[half]![Math.floor(n / tokens.length) % halves[half]!.length];
                return {
                  ...request,
                  path: `/api/tasks/${taskId}/apply/`,
                  headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[n % tokens.length]}` },
                  body: JSON.stringify({ proposal: 'Benchmark proposal, ready to start.', bid_amount: '150.00' }),
                };
              },
            },
          ],
        };
      },
    },
    {
      name: 'POST /api/messaging/conversations/{id}/messages/send/ (authenticated, rate-limited)',
      options: (half: number) => {
        counters[6 + half] ??= 0;
        return {
          requests: [
            {
              method: 'POST' as const,
              setupRequest: (request: autocannon.Request) => {
                const n = counters[6 + half]!++ % tokens.length;
                return {
                  ...request,
                  path: `/api/messaging/conversations/${conversations.get(freelancerIds[n]!)}/messages/send/`,
                  headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[n]}` },
                  body: JSON.stringify({ content: 'Benchmark message: the draft is ready for review.' }),
                };
              },
            },
          ],
        };
      },
    },
    {
      name: 'POST /api/payments/escrow/{id}/release/ (authenticated, ledger entry)',
      prepare: async () => {
        const seeding = await MikroORM.init(ormConfig(postgres.url));
        escrows.push(await seedFundedEscrows(seeding, 1, RELEASES_PER_SERVER), await seedFundedEscrows(seeding, 1, RELEASES_PER_SERVER));
        await seeding.close();
      },
      options: (half: number) => {
        counters[2 + half] ??= 0;
        return {
          requests: [
            {
              method: 'POST' as const,
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                path: `/api/payments/escrow/${escrows[half]![counters[2 + half]!++]}/release/`,
                headers: { authorization: `Bearer ${clientToken}` },
              }),
            },
          ],
        };
      },
    },
    {
      name: 'GET /api/payments/wallet/ (authenticated, from the ledger)',
      options: (half: number) => {
        counters[4 + half] ??= 0;
        return {
          requests: [
            {
              method: 'GET' as const,
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                path: '/api/payments/wallet/',
                headers: { authorization: `Bearer ${tokens[counters[4 + half]!++ % tokens.length]}` },
              }),
            },
          ],
        };
      },
    },
    {
      name: `GET /api/recommendations/tasks/ (authenticated, ${RECOMMENDATION_TASKS.toLocaleString('en')} more open tasks, 10,000 freelancers)`,
      prepare: async () => {
        const seeding = await MikroORM.init(ormConfig(postgres.url));
        const market = await seedRecommendationMarket(seeding);
        await seeding.close();
        // Every 20th freelancer of the marketplace asks, in turn.
        const sample = market.filter((_, index) => index % 20 === 0);
        recommendationTokens.push(...(await Promise.all(sample.map(async (id) => (await signer.access(id, 1, randomUUID())).token))));
      },
      options: (half: number) => {
        counters[8 + half] ??= 0;
        return {
          requests: [
            {
              method: 'GET' as const,
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                path: '/api/recommendations/tasks/',
                headers: { authorization: `Bearer ${recommendationTokens[counters[8 + half]!++ % recommendationTokens.length]}` },
              }),
            },
          ],
        };
      },
    },
  ];

  const counters: number[] = [];
  const rows: string[] = [];
  const target = (port: number, options: Partial<autocannon.Options> & { path?: string }): autocannon.Options => ({ ...options, url: `http://127.0.0.1:${port}${options.path ?? ''}` });
  for (const scenario of scenarios) {
    await scenario.prepare?.();
    // Warm both servers (JIT, pools, caches) before measuring.
    await autocannon({ connections: 8, duration: 2, ...target(appPort, scenario.options(0)) });
    await autocannon({ connections: 8, duration: 2, ...target(basePort, scenario.options(1)) });
    const measured = await load(target(appPort, scenario.options(0)));
    const baseline = await load(target(basePort, scenario.options(1)));
    const ratio = (measured.rps / baseline.rps).toFixed(2);
    rows.push(
      `| ${scenario.name} | ${measured.rps} | ${measured.p50} | ${measured.p99} | ${baseline.rps} | ${baseline.p50} | ${baseline.p99} | ${ratio}× | ${measured.errors + measured.non2xx} / ${baseline.errors + baseline.non2xx} |`,
    );
  }
  // Recommendations one at a time (no other load): the latency a single user sees.
  const unloaded = { service: await sequentialLatency(appPort, recommendationTokens), baseline: await sequentialLatency(basePort, recommendationTokens) };
  const unloadedTable = [
    `| GET /api/recommendations/tasks/, one request at a time (${UNLOADED_REQUESTS} requests, as many freelancers) | p50 ms | p95 ms | max ms |`,
    '|---|---|---|---|',
    `| service | ${unloaded.service.p50} | ${unloaded.service.p95} | ${unloaded.service.max} |`,
    `| baseline | ${unloaded.baseline.p50} | ${unloaded.baseline.p95} | ${unloaded.baseline.max} |`,
  ].join('\n');

  // A write through MikroORM's unit of work (a transaction of several statements: the task, its
  // skills, its event), on the service alone, for what has no single-statement baseline: what a
  // transaction costs, and whether connections wait idle inside one meanwhile.
  const createTask = {
    method: 'POST' as const,
    path: '/api/tasks/create/',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${clientToken}` },
    body: JSON.stringify({ title: 'Benchmark task', description: 'Posted by the benchmark, through the unit of work.', category: 5, budget: '300.00', currency: 'usd', skills: [11, 14], remote: true }),
  };
  await autocannon({ connections: 8, duration: 2, ...target(appPort, createTask) });
  idleInTransaction.length = 0;
  const writes = await load(target(appPort, createTask));
  const idleDuringWrites = [...idleInTransaction];
  rows.push(`| POST /api/tasks/create/ (authenticated, unit of work) | ${writes.rps} | ${writes.p50} | ${writes.p99} | — | — | — | — | ${writes.errors + writes.non2xx} / — |`);

  // The assistant, on the service alone: the message stored, a round trip through the openai SDK
  // to the offline assistant's model (in the same process, without OPENAI_API_KEY), the reply and
  // its usage stored. A new session each time, as a client starting a task would.
  let chatCount = 0;
  const chat = {
    requests: [
      {
        method: 'POST' as const,
        setupRequest: (request: autocannon.Request) => ({
          ...request,
          path: '/api/chatbot/chat/',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[chatCount++ % tokens.length]}` },
          body: JSON.stringify({ message: 'I need a React dashboard for our sales data, budget $1,200, by December 20, remote' }),
        }),
      },
    ],
  };
  await autocannon({ connections: 8, duration: 2, ...target(appPort, chat) });
  const chats = await load(target(appPort, chat));
  rows.push(`| POST /api/chatbot/chat/ (authenticated, a new session, the offline assistant's model in process) | ${chats.rps} | ${chats.p50} | ${chats.p99} | — | — | — | — | ${chats.errors + chats.non2xx} / — |`);
  clearInterval(sampler);
  await activity.end();
  const loadedRss = Math.max(...rssSamples);
  const idleInTransactionMean = idleDuringWrites.reduce((sum, n) => sum + n, 0) / idleDuringWrites.length;
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const afterRss = residentMb(service.pid!);

  // The mail burst: queued in one transaction, as a flood of notifications would be, and timed
  // from the commit until the SMTP sink has them all.
  const mailOrm = await MikroORM.init(ormConfig(postgres.url));
  const queue = await startQueue({ connectionString: postgres.url, logger: createLogger('silent'), retention: { JOB_RETENTION_DAYS: 1, DEAD_LETTER_RETENTION_DAYS: 30 } });
  const delivered = smtp.mails.length;
  await mailOrm.em.fork().transactional(async (tx) => {
    for (let n = 0; n < MAILS; n += 1) await queueMail(queue, tx, { to: `reader${n}@example.com`, subject: `Notification ${n}`, text: `Something happened (${n}).` });
  });
  const mailStarted = performance.now();
  while (smtp.mails.length < delivered + MAILS) {
    if (performance.now() - mailStarted > 600_000) throw new Error(`only ${smtp.mails.length - delivered} of ${MAILS} mails arrived in 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const mailSeconds = (performance.now() - mailStarted) / 1000;
  const mailsPerMinute = Math.round((MAILS / mailSeconds) * 60);
  await queue.stop();
  await mailOrm.close();

  // The streams on a service process of their own, started fresh: its memory is theirs.
  const streamPort = await freePort();
  const streamService = start('src/server.ts', { ...env, PORT: String(streamPort), HOST: '127.0.0.1' });
  children.push(streamService);
  await waitFor(`http://127.0.0.1:${streamPort}/api/health/`);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const live = await measureStreams({
    databaseUrl: postgres.url,
    port: streamPort,
    streams: STREAMS,
    seconds: SECONDS,
    sign: async (userId) => (await signer.access(userId, 1, randomUUID())).token,
    rss: () => residentMb(streamService.pid!),
  });

  const table = [
    '| scenario | service req/s | p50 ms | p99 ms | baseline req/s | p50 ms | p99 ms | service/baseline | errors+non-2xx (service / baseline) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  const mailTable = [
    '| scenario | mails | seconds | mails per minute (one instance) |',
    '|---|---|---|---|',
    `| a burst queued in one transaction, sent to a local SMTP sink | ${MAILS} | ${mailSeconds.toFixed(1)} | ${mailsPerMinute} |`,
  ].join('\n');
  const streamTable = [
    '| open streams | events per stream per second | delivered / written | p50 ms | p99 ms | max ms | RSS MB of a fresh service: before → peak |',
    '|---|---|---|---|---|---|---|',
    `| ${live.streams} | ${live.perStreamPerSecond} | ${live.delivered} / ${live.expected} | ${live.p50} | ${live.p99} | ${live.max} | ${live.rssBeforeMb} → ${live.peakRssMb} |`,
  ].join('\n');
  const memoryTable = [
    '| service resident memory (RSS) | MB |',
    '|---|---|',
    `| idle, 3 s after start | ${idleRss} |`,
    `| peak under the load above | ${loadedRss} |`,
    `| 5 s after the load | ${afterRss} |`,
  ].join('\n');
  const transactionLine =
    `Connections of the service *idle in transaction* during the task-creation load, sampled every 250 ms: ` +
    `${idleInTransactionMean.toFixed(2)} on average, at most ${Math.max(...idleDuringWrites)} (pool of 10).`;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${CONNECTIONS} connections, ${SECONDS} s per run, ${BENCH_TASKS} tasks`;
  console.log(`\n${machine}\n\n${table}\n\n${unloadedTable}\n\n${mailTable}\n\n${streamTable}\n\n${memoryTable}\n\n${transactionLine}\n`);
  // The analysis written by hand below the figures survives a new run.
  const benchFile = join(projectRoot, 'BENCH.md');
  const previous = existsSync(benchFile) ? readFileSync(benchFile, 'utf8') : '';
  const analysis = previous.includes(ANALYSIS_HEADING) ? previous.slice(previous.indexOf(ANALYSIS_HEADING)) : '';
  writeFileSync(
    benchFile,
    `# Benchmark\n\n\`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}. The service (\`src/server.ts\`,\n` +
      'NODE_ENV=production, LOG_LEVEL=warn) and the baseline (a bare node:http + pg server running the same SQL and\n' +
      'building the same JSON, `scripts/bench/baseline-server.ts`) each run in their own process on the same embedded\n' +
      'PostgreSQL; autocannon generates the load from a third. Targets: list ≥ 0.7× and apply ≥ 0.6× the baseline,\n' +
      'p99 < 25 ms; at least 1,000 mails a minute; under 200 MB resident idle and 400 MB under load;\n' +
      'recommendations ≥ 0.7× the baseline, and p95 < 50 ms one request at a time. The release and wallet\n' +
      'scenarios have no target: they are measured against the baseline; task creation and the chat run on the\n' +
      'service alone. The recommendations scenario comes\n' +
      'last: the 100,000 tasks of its marketplace are loaded just before it, so the scenarios before it run on\n' +
      `the ${BENCH_TASKS.toLocaleString('en')} tasks.\n\n` +
      `${table}\n\n${unloadedTable}\n\n${mailTable}\n\nEvent streams: live events written for each open stream once a second, timed from their commit to their arrival.\n\n${streamTable}\n\n${memoryTable}\n\n${transactionLine}\n${analysis ? `\n${analysis}` : ''}`,
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await smtp.stop();
  await stripe.stop();
  await postgres.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
