/**
 * The benchmark's baseline: a bare node:http + pg server answering the same requests with
 * the same SQL statements (imported from the service) and the same JSON, without framework,
 * validation or ORM. Started by scripts/bench/run.ts in its own process.
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { authenticateStatement } from '../../src/auth/authenticate-statement.ts';
import { createTokenSigner } from '../../src/auth/tokens.ts';
import { applyStatement, type ApplyOutcome } from '../../src/tasks/apply-statement.ts';
import { taskByIdQuery, taskCountQuery, taskFromRow, taskListQuery, type TaskRow } from '../../src/tasks/task-views.ts';
import { publicUserByUsernameQuery, publicUserFromRow, publicUserListQuery, type PublicUserRow } from '../../src/auth/user-views.ts';
import { percentToBasisPoints } from '../../src/lib/money.ts';
import { ProblemError } from '../../src/lib/problem.ts';
import {
  checkReleasable,
  escrowFromRow,
  escrowViewQuery,
  lockEscrowQuery,
  markReleasedStatement,
  releaseEntry,
  releaseFee,
  requireClientOf,
  type EscrowViewRow,
  type LockedEscrow,
} from '../../src/payments/escrow-statements.ts';
import { postJournalEntry, type SqlRunner } from '../../src/payments/ledger.ts';
import { recipientQuery, sendMessageStatement, type Recipient } from '../../src/messaging/message-statements.ts';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { recommendedTasksQuery, type RankedTaskRow } from '../../src/recommendations/task-ranking.ts';
import { preparedStatement } from '../../src/db/sql.ts';
import { recommendedTaskFromRow } from '../../src/recommendations/recommendation-views.ts';
import { WALLET_CURRENCY, walletFromRow, walletQuery, type WalletRow } from '../../src/payments/wallet-views.ts';

/** The release as the service makes it: the same statements in one transaction, then the same view. */
async function release(escrowId: number, userId: number): Promise<{ status: number; body: unknown }> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const run: SqlRunner = async <Row>(query: { text: string; values: unknown[] }) => (await client.query(query.text, query.values)).rows as Row[];
    try {
      const [locked] = await run<LockedEscrow>(lockEscrowQuery(escrowId));
      const escrow = requireClientOf(locked, escrowId, userId, 'release');
      checkReleasable(escrow);
      const fee = releaseFee(escrow, FEE_BASIS_POINTS);
      await run(markReleasedStatement(escrow, fee, userId, new Date()));
      await postJournalEntry(run, releaseEntry(escrow, fee));
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      if (error instanceof ProblemError) return { status: error.status, body: { status: error.status } };
      throw error;
    }
    const view = escrowViewQuery(escrowId, userId);
    const [row] = (await client.query<EscrowViewRow>(view.text, view.values)).rows;
    return { status: 200, body: escrowFromRow(row!) };
  } finally {
    client.release();
  }
}

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const signer = createTokenSigner({ secret: process.env.JWT_SECRET!, accessTtlSeconds: 900, refreshTtlSeconds: 3600, now: () => new Date() });

const FEE_BASIS_POINTS = percentToBasisPoints('10');
// The service's per-sender message limit, with the same library and table: the same SQL.
const messageLimit = new RateLimiterPostgres({
  storeClient: pool,
  storeType: 'pool',
  tableName: 'rate_limit',
  tableCreated: true,
  keyPrefix: 'messages',
  points: Number(process.env.RATE_LIMIT_MESSAGES_PER_MINUTE ?? 30),
  duration: 60,
});


function send(response: import('node:http').ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readJson(request: import('node:http').IncomingMessage): Promise<{ proposal: string; bid_amount: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as { proposal: string; bid_amount: string };
}

/** The signed-in user's row, as the service's authentication reads it, or undefined. */
async function authenticate(request: import('node:http').IncomingMessage) {
  const claims = await signer.verifyAccess(request.headers.authorization!.slice(7));
  const statement = authenticateStatement(claims);
  // The columns the handlers below read (the statement selects the user's whole row).
  const { rows } = await pool.query<{ id: number; username: string; is_freelancer: boolean; is_client: boolean }>(statement.text, statement.values);
  return { claims, user: rows[0]! };
}

// node:http does not await its handler: failures are answered inside it.
const server = createServer((request, response) => void handle(request, response));

async function handle(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) {
  try {
    const url = new URL(request.url!, 'http://localhost');
    const detail = /^\/api\/tasks\/(\d+)\/$/.exec(url.pathname);
    const profile = /^\/api\/auth\/users\/([^/]+)\/$/.exec(url.pathname);
    const applyPath = /^\/api\/tasks\/(\d+)\/apply\/$/.exec(url.pathname);
    const releasePath = /^\/api\/payments\/escrow\/(\d+)\/release\/$/.exec(url.pathname);
    const sendPath = /^\/api\/messaging\/conversations\/(\d+)\/messages\/send\/$/.exec(url.pathname);
    if (url.pathname === '/api/recommendations/tasks/' && request.method === 'GET') {
      const { claims, user } = await authenticate(request);
      if (!user) return send(response, 401, { status: 401 });
      if (!user.is_freelancer) return send(response, 403, { status: 403 });
      const at = new Date();
      const query = recommendedTasksQuery({ userId: claims.userId, now: at, limit: Number(url.searchParams.get('limit') ?? 10) });
      const { rows } = await pool.query<RankedTaskRow>(preparedStatement(query));
      send(response, 200, { results: rows.map((row) => recommendedTaskFromRow(row, at)) });
    } else if (url.pathname === '/api/tasks/' && request.method === 'GET') {
      const q = url.searchParams;
      const page = Number(q.get('page') ?? 1);
      const pageSize = Number(q.get('page_size') ?? 20);
      const filters = { status: 'open' as const, search: q.get('search') ?? undefined, category: q.has('category') ? Number(q.get('category')) : undefined };
      const list = taskListQuery(filters, { limit: pageSize, offset: (page - 1) * pageSize });
      const counting = taskCountQuery(filters);
      const [{ rows }, counted] = await Promise.all([pool.query<TaskRow>(list.text, list.values), pool.query<{ count: number }>(counting.text, counting.values)]);
      send(response, 200, { count: counted.rows[0]!.count, next: null, previous: null, results: rows.map(taskFromRow) });
    } else if (detail && request.method === 'GET') {
      const query = taskByIdQuery(Number(detail[1]));
      const { rows } = await pool.query<TaskRow>(query.text, query.values);
      if (!rows[0]) send(response, 404, { status: 404 });
      else send(response, 200, taskFromRow(rows[0]));
    } else if (url.pathname === '/api/auth/users/' && request.method === 'GET') {
      if (!(await authenticate(request)).user) return send(response, 401, { status: 401 });
      const pageSize = Number(url.searchParams.get('page_size') ?? 20);
      const query = publicUserListQuery({ ordering: 'username' }, { limit: pageSize, offset: 0 });
      const { rows } = await pool.query<PublicUserRow & { total: number }>(query.text, query.values);
      send(response, 200, { count: rows[0]?.total ?? 0, next: null, previous: null, results: rows.map(publicUserFromRow) });
    } else if (profile && request.method === 'GET') {
      if (!(await authenticate(request)).user) return send(response, 401, { status: 401 });
      const query = publicUserByUsernameQuery(decodeURIComponent(profile[1]!));
      const { rows } = await pool.query<PublicUserRow>(query.text, query.values);
      if (!rows[0]) send(response, 404, { status: 404 });
      else send(response, 200, publicUserFromRow(rows[0]));
    } else if (applyPath && request.method === 'POST') {
      const { claims, user } = await authenticate(request);
      const body = await readJson(request);
      const taskId = Number(applyPath[1]);
      const [units, cents] = body.bid_amount.split('.');
      if (!user) {
        send(response, 401, { status: 401 });
        return;
      }
      const statement = applyStatement({ taskId, freelancerId: claims.userId, proposal: body.proposal, bidMinor: Number(`${units}${cents}`), bidAmount: body.bid_amount, at: new Date() });
      const seen = (await pool.query<ApplyOutcome>(statement.text, statement.values)).rows[0]!;
      if (!seen.application_id) send(response, 409, { status: 409 });
      else send(response, 201, { application_id: seen.application_id, status: 'pending', task_id: taskId });
    } else if (url.pathname === '/api/payments/wallet/' && request.method === 'GET') {
      const { claims, user } = await authenticate(request);
      if (!user) return send(response, 401, { status: 401 });
      const query = walletQuery(claims.userId, WALLET_CURRENCY);
      const { rows } = await pool.query<WalletRow>(query.text, query.values);
      send(response, 200, walletFromRow(rows[0]!, WALLET_CURRENCY, new Date()));
    } else if (sendPath && request.method === 'POST') {
      const { claims, user } = await authenticate(request);
      if (!user) return send(response, 401, { status: 401 });
      const content = ((await readJson(request)) as unknown as { content: string }).content.trim();
      if (!content) return send(response, 400, { status: 400 });
      const conversationId = Number(sendPath[1]);
      const found = recipientQuery(claims.userId, conversationId);
      const [recipient] = (await pool.query<Recipient>(found.text, found.values)).rows;
      if (!recipient) return send(response, 404, { status: 404 });
      if (recipient.recipient_deleted) return send(response, 409, { status: 409 });
      try {
        await messageLimit.consume(String(claims.userId));
      } catch {
        return send(response, 429, { status: 429 });
      }
      const at = new Date();
      const statement = sendMessageStatement({ conversationId, sender: { id: claims.userId, username: user.username }, recipientId: recipient.recipient_id, content, at });
      const [sent] = (await pool.query<{ id: number }>(statement.text, statement.values)).rows;
      send(response, 201, { message_id: sent!.id, conversation_id: conversationId, sender: user.username, content, created_at: at.toISOString() });
    } else if (releasePath && request.method === 'POST') {
      const { claims, user } = await authenticate(request);
      if (!user) return send(response, 401, { status: 401 });
      const answer = await release(Number(releasePath[1]), claims.userId);
      send(response, answer.status, answer.body);
    } else {
      send(response, 404, { status: 404 });
    }
  } catch (error) {
    send(response, 500, { detail: String(error) });
  }
}

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline listening'));
