/**
 * Payments over HTTP on a real PostgreSQL and the local Stripe emulator, reached through the
 * official SDK and delivering signed webhooks to the service: funding, release with the fee,
 * refunds, withdrawals and payouts, Connect, saved cards, idempotency keys, the webhook's
 * signature and replays, who may do what, and races. Every response is checked against the
 * contract, and after each test every journal entry must balance.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { querySql } from '../../src/db/sql.ts';
import { AUTO_RELEASE } from '../../src/payments/payments.jobs.ts';
import { caller, loginAs, newUser } from '../support/http.ts';
import { runJob } from '../support/jobs.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { until } from '../support/until.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
type Actor = { token: string; id: number; email: string };

async function actor(roles: { is_client: boolean; is_freelancer: boolean }, email?: string): Promise<Actor> {
  const body = newUser({ ...roles, ...(email ? { email } : {}) });
  const answer = await call('POST', '/auth/register/', { body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return { token: answer.body.access, id: answer.body.user.id, email: body.email };
}

/** A task of `client` with `freelancer` hired at `bid`. */
async function hiredTask(client: Actor, freelancer: Actor, bid = '250.00'): Promise<number> {
  const task = await call('POST', '/tasks/create/', {
    token: client.token,
    body: { title: 'Migrate our shop to a new host', description: 'Move the shop, its database and mail to the new host without downtime.', category: 5, budget: '300.00', currency: 'usd', skills: [11, 14], remote: true },
  });
  expect(task.status, JSON.stringify(task.body)).toBe(201);
  const applied = await call('POST', `/tasks/${task.body.id}/apply/`, { token: freelancer.token, body: { proposal: 'I have moved many shops.', bid_amount: bid } });
  expect((await call('POST', `/tasks/applications/${applied.body.application_id}/accept/`, { token: client.token })).status).toBe(200);
  return task.body.id;
}

/** Creates the intent and pays it on the emulator with `card`; returns the escrow id once the webhook is in. */
async function fund(client: Actor, taskId: number, amount: string, card = 'pm_card_visa'): Promise<number> {
  const intent = await call('POST', '/payments/intents/create/', { token: client.token, body: { task_id: taskId, amount, currency: 'usd' } });
  expect(intent.status, JSON.stringify(intent.body)).toBe(201);
  await t.stripe.client.paymentIntents.confirm(intent.body.intent_id, { payment_method: card }).catch((error: unknown) => {
    if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
  });
  await t.stripeEmulator.settled();
  return intent.body.escrow_id;
}

async function complete(client: Actor, taskId: number) {
  expect((await call('POST', `/tasks/${taskId}/complete/`, { token: client.token })).status).toBe(200);
}

/** A freelancer with payouts enabled: Connect account created and onboarding finished at the emulator. */
async function onboard(freelancer: Actor) {
  expect((await call('POST', '/payments/connect/create/', { token: freelancer.token, body: { country: 'US' } })).status).toBe(201);
  const link = await call('POST', '/payments/connect/onboarding/', {
    token: freelancer.token,
    body: { return_url: 'http://app.taskmarket.test/payouts?done', refresh_url: 'http://app.taskmarket.test/payouts?retry' },
  });
  expect(link.status, JSON.stringify(link.body)).toBe(201);
  await fetch(link.body.url, { redirect: 'manual' });
  await t.stripeEmulator.settled();
}

const sql = <Row>(text: string, values: unknown[] = []) => querySql<Row>(t.orm.em.fork(), { text, values });

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  call = caller(t);
});
afterAll(async () => {
  await t?.close();
});
afterEach(async () => {
  // The ledger's invariants, whatever the test did.
  expect(await sql(`select entry_id, currency from journal_line group by entry_id, currency having sum(amount_minor) <> 0`)).toEqual([]);
  expect(await sql(`select id from ledger_account where kind <> 'client_funding' and balance_minor < 0`)).toEqual([]);
  expect(await sql(`select a.id from ledger_account a left join journal_line l on l.account_id = a.id group by a.id having a.balance_minor <> coalesce(sum(l.amount_minor), 0)`)).toEqual([]);
});

describe('the money path', () => {
  it('funds on the webhook, releases with the fee, withdraws and pays out', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '250.00');

    const intent = await call('POST', '/payments/intents/create/', { token: client.token, body: { task_id: taskId, amount: '250.00', currency: 'usd' } });
    expect(intent.body).toEqual({ intent_id: expect.stringMatching(/^pi_/), client_secret: expect.stringMatching(/_secret_/), status: 'requires_payment_method', escrow_id: expect.any(Number), amount: '250.00', currency: 'usd' });
    const escrowId = intent.body.escrow_id;
    // The client's word is not enough: pending until Stripe's signed webhook says it is paid.
    expect((await call('GET', `/payments/escrow/${escrowId}/`, { token: client.token })).body.status).toBe('pending_payment');
    await t.stripe.client.paymentIntents.confirm(intent.body.intent_id, { payment_method: 'pm_card_visa' });
    await t.stripeEmulator.settled();
    const funded = await call('GET', `/payments/escrow/${escrowId}/`, { token: freelancer.token });
    expect(funded.body).toMatchObject({ status: 'funded', amount: '250.00', platform_fee: null, client: { id: client.id }, freelancer: { id: freelancer.id }, task: { id: taskId } });
    expect(funded.body.funded_at).not.toBeNull();
    expect((await call('GET', '/payments/wallet/', { token: freelancer.token })).body).toMatchObject({ balance: '0.00', pending_balance: '250.00' });

    expect((await call('POST', `/payments/escrow/${escrowId}/release/`, { token: client.token })).body.code).toBe('invalid_state');
    await complete(client, taskId);
    expect((await call('POST', `/payments/escrow/${escrowId}/release/`, { token: freelancer.token })).status).toBe(403);
    const released = await call('POST', `/payments/escrow/${escrowId}/release/`, { token: client.token });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ status: 'released', amount: '250.00', platform_fee: '25.00', freelancer_amount: '225.00' });
    const again = await call('POST', `/payments/escrow/${escrowId}/release/`, { token: client.token });
    expect([again.status, again.body.code]).toEqual([409, 'invalid_state']);

    const wallet = await call('GET', '/payments/wallet/', { token: freelancer.token });
    expect(wallet.body).toMatchObject({ balance: '225.00', pending_balance: '0.00', currency: 'usd', total_earned: '225.00', total_withdrawn: '0.00' });
    const lines = await call('GET', '/payments/wallet/transactions/', { token: freelancer.token });
    expect(lines.body.results.map((l: { type: string; amount: string; balance_after: string; escrow_id: number }) => [l.type, l.amount, l.balance_after, l.escrow_id])).toEqual([
      ['platform_fee', '-25.00', '225.00', escrowId],
      ['escrow_release', '250.00', '250.00', escrowId],
    ]);
    expect(lines.body.results[0].description).toBe(`Platform fee (10%) for task ${taskId}`);
    expect((await call('GET', '/payments/wallet/transactions/?type=platform_fee', { token: freelancer.token })).body.count).toBe(1);
    expect((await call('GET', '/tasks/my-statistics/', { token: client.token })).body.as_client.total_spent).toEqual([{ amount: '250.00', currency: 'usd' }]);
    expect((await call('GET', '/tasks/my-statistics/', { token: freelancer.token })).body.as_freelancer.total_earned).toEqual([{ amount: '225.00', currency: 'usd' }]);
    // The client's wallet holds nothing: the money went to the freelancer.
    expect((await call('GET', '/payments/wallet/', { token: client.token })).body).toMatchObject({ balance: '0.00', total_earned: '0.00' });

    const beforeOnboarding = await call('POST', '/payments/withdrawals/create/', { token: freelancer.token, body: { amount: '100.00', currency: 'usd' } });
    expect([beforeOnboarding.status, beforeOnboarding.body.code]).toEqual([422, 'business_rule_violation']);
    await onboard(freelancer);
    expect((await call('GET', '/payments/connect/status/', { token: freelancer.token })).body).toMatchObject({ status: 'active', payouts_enabled: true, country: 'US' });

    const tooSmall = await call('POST', '/payments/withdrawals/create/', { token: freelancer.token, body: { amount: '49.99', currency: 'usd' } });
    expect([tooSmall.status, Object.keys(tooSmall.body.errors)]).toEqual([422, ['amount']]);
    const tooMuch = await call('POST', '/payments/withdrawals/create/', { token: freelancer.token, body: { amount: '225.01', currency: 'usd' } });
    expect([tooMuch.status, tooMuch.body.detail]).toEqual([422, 'Insufficient funds: the available balance is 225.00 usd.']);
    const withdrawal = await call('POST', '/payments/withdrawals/create/', { token: freelancer.token, body: { amount: '100.00', currency: 'usd' } });
    expect(withdrawal.status).toBe(201);
    expect(withdrawal.body).toMatchObject({ amount: '100.00', status: 'pending', stripe_payout_id: null });
    expect((await call('GET', '/payments/wallet/', { token: freelancer.token })).body.balance).toBe('125.00');

    const paid = await until(
      'the payout to be paid',
      async () => (await call('GET', '/payments/withdrawals/', { token: freelancer.token })).body.results[0],
      (w) => w.status === 'paid',
    );
    expect(paid).toMatchObject({ id: withdrawal.body.id, stripe_payout_id: expect.stringMatching(/^po_/), processed_at: expect.any(String) });
    expect((await call('GET', '/payments/wallet/', { token: freelancer.token })).body).toMatchObject({ balance: '125.00', total_earned: '225.00', total_withdrawn: '100.00' });
    const connected = await t.stripe.client.balance.retrieve({}, { stripeAccount: (await call('GET', '/payments/connect/status/', { token: freelancer.token })).body.account_id });
    expect(connected.available).toEqual([{ amount: 0, currency: 'usd' }]);
  });

  it('keeps the escrow pending when the card is declined, and funds it when another card pays', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '80.00');
    const escrowId = await fund(client, taskId, '80.00', 'pm_card_chargeDeclined');
    expect((await call('GET', `/payments/escrow/${escrowId}/`, { token: client.token })).body.status).toBe('pending_payment');
    const { payment_intent_id: intentId } = (await call('GET', `/payments/escrow/${escrowId}/`, { token: client.token })).body;
    await t.stripe.client.paymentIntents.confirm(intentId, { payment_method: 'pm_card_visa' });
    await t.stripeEmulator.settled();
    expect((await call('GET', `/payments/escrow/${escrowId}/`, { token: client.token })).body.status).toBe('funded');
  });

  it('releases by itself AUTO_RELEASE_DAYS after completion, not before', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '100.00');
    const escrowId = await fund(client, taskId, '100.00');
    await complete(client, taskId);
    // The scheduled job, run through the queue as its schedule would, with the service's clock moved.
    // The clock moves past the access tokens' life: sign in again to look.
    const escrowOnceDue = async () => (await call('GET', `/payments/escrow/${escrowId}/`, { token: await loginAs(call, client.email) })).body;
    t.advanceClock(6 * 24 * 60 * 60 * 1000);
    await runJob(t, AUTO_RELEASE);
    expect((await escrowOnceDue()).status).toBe('funded');
    t.advanceClock(1 * 24 * 60 * 60 * 1000 + 60_000);
    await runJob(t, AUTO_RELEASE);
    expect(await escrowOnceDue()).toMatchObject({ status: 'released', freelancer_amount: '90.00' });
    expect((await call('GET', '/payments/wallet/', { token: await loginAs(call, freelancer.email) })).body.balance).toBe('90.00');
  });
});

describe('refunds', () => {
  it('refunds a funded escrow to the client at Stripe, only by the client, only before completion', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '120.00');
    const escrowId = await fund(client, taskId, '120.00');
    expect((await call('POST', `/payments/escrow/${escrowId}/refund/`, { token: freelancer.token })).status).toBe(403);
    const refunded = await call('POST', `/payments/escrow/${escrowId}/refund/`, { token: client.token, body: { reason: 'duplicate' } });
    expect(refunded.body).toMatchObject({ status: 'refunded', refunded_at: expect.any(String), platform_fee: null });
    const intent = await t.stripe.client.paymentIntents.retrieve(refunded.body.payment_intent_id);
    const refunds = await t.stripe.client.refunds.list({ payment_intent: intent.id });
    expect(refunds.data.map((r) => [r.amount, r.reason])).toEqual([[12000, 'duplicate']]);
    expect((await call('POST', `/payments/escrow/${escrowId}/refund/`, { token: client.token })).status).toBe(409);
    // Refunded: the task may be funded again.
    const second = await call('POST', '/payments/intents/create/', { token: client.token, body: { task_id: taskId, amount: '120.00', currency: 'usd' } });
    expect(second.status).toBe(201);
  });

  it('refuses to refund completed work', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '60.00');
    const escrowId = await fund(client, taskId, '60.00');
    await complete(client, taskId);
    const refused = await call('POST', `/payments/escrow/${escrowId}/refund/`, { token: client.token });
    expect([refused.status, refused.body.code]).toEqual([409, 'invalid_state']);
  });

  it('cancelling a task refunds its funded escrow; a payment not made yet is called off', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const fundedTask = await hiredTask(client, freelancer, '70.00');
    const escrowId = await fund(client, fundedTask, '70.00');
    expect((await call('POST', `/tasks/${fundedTask}/cancel/`, { token: client.token, body: { reason: 'No longer needed.' } })).status).toBe(200);
    expect((await call('GET', `/payments/escrow/${escrowId}/`, { token: client.token })).body.status).toBe('refunded');

    const unpaidTask = await hiredTask(client, freelancer, '70.00');
    const intent = await call('POST', '/payments/intents/create/', { token: client.token, body: { task_id: unpaidTask, amount: '70.00', currency: 'usd' } });
    expect((await call('POST', `/tasks/${unpaidTask}/cancel/`, { token: client.token })).status).toBe(200);
    expect((await call('GET', `/payments/escrow/${intent.body.escrow_id}/`, { token: client.token })).body.status).toBe('cancelled');
    expect((await t.stripe.client.paymentIntents.retrieve(intent.body.intent_id)).status).toBe('canceled');
  });
});

describe('funding rules', () => {
  it('takes the accepted bid, or the budget while open, in the task currency; one live escrow per task', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '250.00');
    const wrong = await call('POST', '/payments/intents/create/', { token: client.token, body: { task_id: taskId, amount: '300.00', currency: 'usd' } });
    expect([wrong.status, wrong.body.code, Object.keys(wrong.body.errors)]).toEqual([422, 'business_rule_violation', ['amount']]);
    const currency = await call('POST', '/payments/intents/create/', { token: client.token, body: { task_id: taskId, amount: '250.00', currency: 'eur' } });
    expect([currency.status, Object.keys(currency.body.errors)]).toEqual([422, ['currency']]);
    const malformed = await call('POST', '/payments/intents/create/', { token: client.token, body: { task_id: taskId, amount: 250, currency: 'usd' } });
    expect([malformed.status, Object.keys(malformed.body.errors)]).toEqual([400, ['amount']]);
    expect((await call('POST', '/payments/intents/create/', { token: freelancer.token, body: { task_id: taskId, amount: '250.00', currency: 'usd' } })).status).toBe(403);
    expect((await call('POST', '/payments/intents/create/', { token: client.token, body: { task_id: 999999, amount: '250.00', currency: 'usd' } })).status).toBe(404);
    expect((await call('POST', '/payments/intents/create/', { body: { task_id: taskId, amount: '250.00', currency: 'usd' } })).status).toBe(401);
    expect((await call('POST', '/payments/intents/create/', { token: client.token, body: { task_id: taskId, amount: '250.00', currency: 'usd' } })).status).toBe(201);
    const second = await call('POST', '/payments/intents/create/', { token: client.token, body: { task_id: taskId, amount: '250.00', currency: 'usd' } });
    expect([second.status, second.body.code]).toEqual([409, 'already_exists']);

    const open = await call('POST', '/tasks/create/', {
      token: client.token,
      body: { title: 'Write product descriptions', description: 'Fifty product descriptions for a garden shop, friendly and short.', category: 5, budget: '90.00', currency: 'usd', skills: [11], remote: true },
    });
    expect((await call('POST', '/payments/intents/create/', { token: client.token, body: { task_id: open.body.id, amount: '90.00', currency: 'usd' } })).status).toBe(201);
  });

  it('lets only the parties see an escrow', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const stranger = await actor({ is_client: true, is_freelancer: true });
    const escrowId = await fund(client, await hiredTask(client, freelancer, '55.00'), '55.00');
    expect((await call('GET', `/payments/escrow/${escrowId}/`)).status).toBe(401);
    expect((await call('GET', `/payments/escrow/${escrowId}/`, { token: stranger.token })).status).toBe(404);
    expect((await call('POST', `/payments/escrow/${escrowId}/release/`, { token: stranger.token })).status).toBe(404);
    expect((await call('POST', `/payments/escrow/${escrowId}/refund/`, { token: stranger.token })).status).toBe(404);
    expect((await call('GET', `/payments/escrow/${escrowId}/`, { token: client.token })).status).toBe(200);
    expect((await call('GET', `/payments/escrow/${escrowId}/`, { token: freelancer.token })).status).toBe(200);
  });

  it('shows each user only their own wallet, ledger and withdrawals', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const stranger = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '95.00');
    const escrowId = await fund(client, taskId, '95.00');
    await complete(client, taskId);
    await call('POST', `/payments/escrow/${escrowId}/release/`, { token: client.token });
    await onboard(freelancer);
    expect((await call('POST', '/payments/withdrawals/create/', { token: freelancer.token, body: { amount: '50.00', currency: 'usd' } })).status).toBe(201);
    for (const path of ['/payments/wallet/', '/payments/wallet/transactions/', '/payments/withdrawals/', '/payments/connect/status/', '/payments/payment-methods/']) {
      expect((await call('GET', path)).status, path).toBe(401);
    }
    expect((await call('GET', '/payments/wallet/', { token: stranger.token })).body).toMatchObject({ balance: '0.00', total_earned: '0.00' });
    expect((await call('GET', '/payments/wallet/transactions/', { token: stranger.token })).body.count).toBe(0);
    expect((await call('GET', '/payments/withdrawals/', { token: stranger.token })).body.count).toBe(0);
    expect((await call('GET', '/payments/connect/status/', { token: stranger.token })).body.status).toBe('none');
    expect((await call('GET', '/payments/wallet/transactions/', { token: freelancer.token })).body.count).toBe(3);
    expect((await call('GET', '/payments/withdrawals/', { token: freelancer.token })).body.count).toBe(1);
  });
});

describe('idempotency keys', () => {
  it('replays the first answer for the same key and body, refuses the key with another body', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '40.00');
    const body = { task_id: taskId, amount: '40.00', currency: 'usd' };
    const headers = { 'Idempotency-Key': 'fund-task-once' };
    const first = await call('POST', '/payments/intents/create/', { token: client.token, body, headers });
    const replay = await call('POST', '/payments/intents/create/', { token: client.token, body, headers });
    expect(first.status).toBe(201);
    expect([replay.status, replay.body]).toEqual([201, first.body]);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const reused = await call('POST', '/payments/intents/create/', { token: client.token, body: { ...body, amount: '41.00' }, headers });
    expect([reused.status, reused.body.code]).toEqual([409, 'idempotency_key_reused']);
    // A key is the caller's own: another user's identical key is another request.
    const other = await call('POST', '/payments/intents/create/', { token: freelancer.token, body, headers });
    expect(other.status).toBe(403);
    expect(await sql(`select count(*)::int as n from escrow where task_id = $1`, [taskId])).toEqual([{ n: 1 }]);

    // A refusal (4xx) is remembered too: the replay does not run again.
    const escrowId = first.body.escrow_id;
    const early = await call('POST', `/payments/escrow/${escrowId}/release/`, { token: client.token, headers: { 'Idempotency-Key': 'release-1' } });
    expect(early.status).toBe(409);
    const earlyAgain = await call('POST', `/payments/escrow/${escrowId}/release/`, { token: client.token, headers: { 'Idempotency-Key': 'release-1' } });
    expect([earlyAgain.status, earlyAgain.body.detail]).toEqual([409, early.body.detail]);
  });

  it('forgets a key after 24 hours', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '40.00');
    const headers = { 'Idempotency-Key': 'day-old' };
    const first = await call('POST', '/payments/intents/create/', { token: client.token, body: { task_id: taskId, amount: '40.00', currency: 'usd' }, headers });
    expect(first.status).toBe(201);
    t.advanceClock(24 * 60 * 60 * 1000 + 1000);
    const later = await call('POST', '/payments/intents/create/', { token: await loginAs(call, client.email), body: { task_id: taskId, amount: '40.00', currency: 'usd' }, headers });
    // Run again, not replayed: the task has its escrow already.
    expect([later.status, later.body.code]).toEqual([409, 'already_exists']);
  });
});

describe('the webhook', () => {
  const post = (body: string, signature?: string) =>
    t.fetch('/api/payments/webhooks/stripe/', { method: 'POST', headers: { 'Content-Type': 'application/json', ...(signature ? { 'Stripe-Signature': signature } : {}) }, body });
  const sign = (payload: string, secret = t.config.STRIPE_WEBHOOK_SECRET!) => Stripe.webhooks.generateTestHeaderString({ payload, secret });

  it('refuses a bad or missing signature and changes nothing', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '45.00');
    const intent = await call('POST', '/payments/intents/create/', { token: client.token, body: { task_id: taskId, amount: '45.00', currency: 'usd' } });
    const forged = JSON.stringify({ id: 'evt_forged', object: 'event', type: 'payment_intent.succeeded', created: 1770716760, livemode: false, data: { object: { id: intent.body.intent_id, object: 'payment_intent', amount: 4500, amount_received: 4500, currency: 'usd', status: 'succeeded' } } });
    const wrongSecret = await post(forged, sign(forged, 'whsec_someone_else'));
    expect([wrongSecret.status, (await wrongSecret.json()).code]).toEqual([400, 'invalid_signature']);
    const missing = await post(forged);
    expect([missing.status, Object.keys((await missing.json()).errors)]).toEqual([400, ['header.stripe-signature']]);
    // Signed over other bytes than those sent (the same JSON re-spaced).
    const respaced = await post(JSON.stringify(JSON.parse(forged), null, 1), sign(forged));
    expect(respaced.status).toBe(400);
    expect((await call('GET', `/payments/escrow/${intent.body.escrow_id}/`, { token: client.token })).body.status).toBe('pending_payment');
    expect(await sql(`select id from stripe_event where id = 'evt_forged'`)).toEqual([]);
  });

  it('applies a redelivered or duplicated event once, and acknowledges unknown types', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '65.00');
    const escrowId = await fund(client, taskId, '65.00');
    const { payment_intent_id: intentId } = (await call('GET', `/payments/escrow/${escrowId}/`, { token: client.token })).body;
    const succeeded = t.stripeEmulator.events.find((event) => event.type === 'payment_intent.succeeded' && (event.data as { object: { id: string } }).object.id === intentId)!;
    const payload = JSON.stringify(succeeded);
    const deliveries = await Promise.all([post(payload, sign(payload)), post(payload, sign(payload)), post(payload, sign(payload))]);
    expect(deliveries.map((r) => r.status)).toEqual([200, 200, 200]);
    // The same payment under a new event id (Stripe never does this, a forger might): posted once all the same.
    const renamed = JSON.stringify({ ...succeeded, id: 'evt_renamed_duplicate' });
    expect((await post(renamed, sign(renamed))).status).toBe(200);
    expect(await sql(`select count(*)::int as n from journal_entry where kind = 'funding' and reference = $1`, [intentId])).toEqual([{ n: 1 }]);
    expect((await call('GET', '/payments/wallet/', { token: freelancer.token })).body.pending_balance).toBe('65.00');
    const unknown = JSON.stringify({ id: 'evt_unknown_type', object: 'event', type: 'customer.tax_id.created', created: 1770716760, livemode: false, data: { object: { id: 'txi_1' } } });
    const acknowledged = await post(unknown, sign(unknown));
    expect([acknowledged.status, await acknowledged.json()]).toEqual([200, { received: true }]);
  });
});

describe('races', () => {
  it('a release and a refund at once: exactly one wins', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '150.00');
    const escrowId = await fund(client, taskId, '150.00');
    await complete(client, taskId);
    // Completed: refund is refused by rule, so race two releases and a refund.
    const answers = await Promise.all([
      call('POST', `/payments/escrow/${escrowId}/release/`, { token: client.token }),
      call('POST', `/payments/escrow/${escrowId}/release/`, { token: client.token }),
      call('POST', `/payments/escrow/${escrowId}/refund/`, { token: client.token }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect((await call('GET', '/payments/wallet/', { token: freelancer.token })).body.balance).toBe('135.00');
  });

  it('a refund racing a release before completion: exactly one wins', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '150.00');
    const escrowId = await fund(client, taskId, '150.00');
    const answers = await Promise.all([1, 2, 3].map(() => call('POST', `/payments/escrow/${escrowId}/refund/`, { token: client.token })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect((await t.stripe.client.refunds.list({ payment_intent: answers.find((a) => a.status === 200)!.body.payment_intent_id })).data).toHaveLength(1);
  });

  it('concurrent withdrawals never overdraw the wallet', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '200.00');
    const escrowId = await fund(client, taskId, '200.00');
    await complete(client, taskId);
    await call('POST', `/payments/escrow/${escrowId}/release/`, { token: client.token });
    await onboard(freelancer);
    const answers = await Promise.all([1, 2, 3].map(() => call('POST', '/payments/withdrawals/create/', { token: freelancer.token, body: { amount: '100.00', currency: 'usd' } })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422]);
    expect((await call('GET', '/payments/wallet/', { token: freelancer.token })).body.balance).toBe('80.00');
  });
});

describe('withdrawals that fail', () => {
  it('returns the money to the wallet when the payout fails', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true }, `lina+payout_fails_${Date.now()}@example.com`);
    const taskId = await hiredTask(client, freelancer, '100.00');
    const escrowId = await fund(client, taskId, '100.00');
    await complete(client, taskId);
    await call('POST', `/payments/escrow/${escrowId}/release/`, { token: client.token });
    await onboard(freelancer);
    const withdrawal = await call('POST', '/payments/withdrawals/create/', { token: freelancer.token, body: { amount: '60.00', currency: 'usd' } });
    expect(withdrawal.status).toBe(201);
    const failed = await until(
      'the payout to fail',
      async () => (await call('GET', '/payments/withdrawals/?status=failed', { token: freelancer.token })).body.results,
      (results) => results.length === 1,
    );
    expect(failed[0]).toMatchObject({ id: withdrawal.body.id, failure_reason: 'The bank account has been closed.' });
    expect((await call('GET', '/payments/wallet/', { token: freelancer.token })).body).toMatchObject({ balance: '90.00', total_withdrawn: '0.00' });
    const types = (await call('GET', '/payments/wallet/transactions/', { token: freelancer.token })).body.results.map((l: { type: string; amount: string }) => [l.type, l.amount]);
    expect(types.slice(0, 2)).toEqual([['withdrawal_reversal', '60.00'], ['withdrawal', '-60.00']]);
  });
});

describe('Connect accounts', () => {
  it('is for freelancers, once; onboarding links go back to the frontend only', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    expect((await call('GET', '/payments/connect/status/', { token: freelancer.token })).body).toMatchObject({ status: 'none', account_id: null });
    expect((await call('POST', '/payments/connect/create/', { token: client.token, body: { country: 'US' } })).status).toBe(403);
    expect((await call('POST', '/payments/connect/onboarding/', { token: freelancer.token, body: { return_url: 'http://app.taskmarket.test/a', refresh_url: 'http://app.taskmarket.test/b' } })).status).toBe(404);
    const created = await call('POST', '/payments/connect/create/', { token: freelancer.token, body: { country: 'US' } });
    expect(created.body).toMatchObject({ account_id: expect.stringMatching(/^acct_/), status: 'pending', payouts_enabled: false });
    expect((await call('POST', '/payments/connect/create/', { token: freelancer.token, body: { country: 'US' } })).status).toBe(409);
    const elsewhere = await call('POST', '/payments/connect/onboarding/', { token: freelancer.token, body: { return_url: 'https://evil.example/x', refresh_url: 'http://app.taskmarket.test/b' } });
    expect([elsewhere.status, Object.keys(elsewhere.body.errors)]).toEqual([422, ['return_url']]);
  });
});

describe('payment methods', () => {
  it('saves cards (the first is the default), lists the default first, switches and removes', async () => {
    const user = await actor({ is_client: true, is_freelancer: false });
    const stranger = await actor({ is_client: true, is_freelancer: false });
    const visa = await call('POST', '/payments/payment-methods/create/', { token: user.token, body: { payment_method_id: 'pm_card_visa' } });
    expect(visa.body).toMatchObject({ brand: 'visa', last4: '4242', is_default: true, type: 'card' });
    const master = await call('POST', '/payments/payment-methods/create/', { token: user.token, body: { payment_method_id: 'pm_card_mastercard' } });
    expect(master.body).toMatchObject({ brand: 'mastercard', is_default: false });
    const unknown = await call('POST', '/payments/payment-methods/create/', { token: user.token, body: { payment_method_id: 'pm_doesnotexist' } });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'business_rule_violation']);
    const again = await call('POST', '/payments/payment-methods/create/', { token: user.token, body: { payment_method_id: visa.body.stripe_payment_method_id } });
    expect(again.status).toBe(409);

    expect((await call('POST', `/payments/payment-methods/${master.body.id}/set-default/`, { token: stranger.token })).status).toBe(404);
    expect((await call('DELETE', `/payments/payment-methods/${master.body.id}/delete/`, { token: stranger.token })).status).toBe(404);
    expect((await call('GET', '/payments/payment-methods/', { token: stranger.token })).body.results).toEqual([]);
    expect((await call('GET', '/payments/payment-methods/')).status).toBe(401);

    expect((await call('POST', `/payments/payment-methods/${master.body.id}/set-default/`, { token: user.token })).body.is_default).toBe(true);
    const listed = await call('GET', '/payments/payment-methods/', { token: user.token });
    expect(listed.body.results.map((m: { brand: string; is_default: boolean }) => [m.brand, m.is_default])).toEqual([['mastercard', true], ['visa', false]]);
    const { data: [customer] } = await t.stripe.client.customers.search({ query: `metadata['user_id']:'${user.id}'` }).catch(() => ({ data: [] as Stripe.Customer[] }));
    if (customer) expect(customer.invoice_settings.default_payment_method).toBe(master.body.stripe_payment_method_id);

    expect((await call('DELETE', `/payments/payment-methods/${master.body.id}/delete/`, { token: user.token })).status).toBe(204);
    const left = await call('GET', '/payments/payment-methods/', { token: user.token });
    expect(left.body.results.map((m: { brand: string; is_default: boolean }) => [m.brand, m.is_default])).toEqual([['visa', true]]);
  });
});

describe('account deletion', () => {
  it('is refused while the user has a funded escrow or money in the wallet', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const taskId = await hiredTask(client, freelancer, '75.00');
    const escrowId = await fund(client, taskId, '75.00');
    const deleteAccount = (who: Actor) => call('DELETE', '/auth/delete-account/', { token: who.token, body: { password: 'StrongPass123' } });
    const whileFunded = await deleteAccount(client);
    expect([whileFunded.status, whileFunded.body.detail]).toEqual([409, 'A funded escrow of yours holds money: release or refund it before deleting the account.']);
    await complete(client, taskId);
    await call('POST', `/payments/escrow/${escrowId}/release/`, { token: client.token });
    const withMoney = await deleteAccount(freelancer);
    expect(withMoney.status).toBe(409);
    expect(withMoney.body.detail).toMatch(/wallet holds money/);
    expect((await deleteAccount(client)).status).toBe(204);
  });
});

describe('a Stripe outage', () => {
  it('answers 502 and changes nothing; the retry with the same key completes the request', async () => {
    const s = await startTestApp({ seed: true, proxyStripe: true });
    try {
      const callS = caller(s);
      const register = async (roles: { is_client: boolean; is_freelancer: boolean }) => (await callS('POST', '/auth/register/', { body: newUser(roles) })).body;
      const client = await register({ is_client: true, is_freelancer: false });
      const task = await callS('POST', '/tasks/create/', {
        token: client.access,
        body: { title: 'Set up nightly backups', description: 'Nightly database backups to object storage, with a restore drill.', category: 5, budget: '95.00', currency: 'usd', skills: [11], remote: true },
      });
      const body = { task_id: task.body.id, amount: '95.00', currency: 'usd' };
      const headers = { 'Idempotency-Key': 'through-the-outage' };

      await s.stripeProxy!.cut();
      const failed = await callS('POST', '/payments/intents/create/', { token: client.access, body, headers });
      expect([failed.status, failed.body.code]).toEqual([502, 'payment_provider_error']);
      expect(failed.body.detail).toMatch(/Nothing was changed; retry with the same Idempotency-Key\.$/);
      const state = () => querySql(s.orm.em.fork(), { text: `select (select count(*)::int from escrow) as escrows, (select count(*)::int from idempotency_key) as keys`, values: [] });
      expect(await state()).toEqual([{ escrows: 0, keys: 0 }]);

      await s.stripeProxy!.restore();
      const completed = await callS('POST', '/payments/intents/create/', { token: client.access, body, headers });
      expect(completed.status).toBe(201);
      expect(await state()).toEqual([{ escrows: 1, keys: 1 }]);

      // A refund during an outage leaves the escrow funded; its retry refunds once.
      await s.stripe.client.paymentIntents.confirm(completed.body.intent_id, { payment_method: 'pm_card_visa' });
      await s.stripeEmulator.settled();
      const escrow = `/payments/escrow/${completed.body.escrow_id}/`;
      expect((await callS('GET', escrow, { token: client.access })).body.status).toBe('funded');
      await s.stripeProxy!.cut();
      const refundFailed = await callS('POST', `${escrow}refund/`, { token: client.access, headers: { 'Idempotency-Key': 'refund-1' } });
      expect(refundFailed.status).toBe(502);
      expect((await callS('GET', escrow, { token: client.access })).body.status).toBe('funded');
      await s.stripeProxy!.restore();
      expect((await callS('POST', `${escrow}refund/`, { token: client.access, headers: { 'Idempotency-Key': 'refund-1' } })).body.status).toBe('refunded');
      expect((await s.stripe.client.refunds.list({ payment_intent: completed.body.intent_id })).data).toHaveLength(1);
    } finally {
      await s.close();
    }
  });
});
