/**
 * The local Stripe speaks Stripe's protocol to the official SDK: objects with Stripe's shapes and
 * id prefixes, test cards that pay or are declined, Stripe's errors (the SDK raises its own error
 * classes), idempotent replays, and events delivered as webhooks that
 * `stripe.webhooks.constructEvent` accepts with the secret and refuses without it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeEmulator, type StripeEmulator } from '../../src/payments/stripe-emulator.ts';

const SECRET = 'whsec_test_emulator_secret';

let emulator: StripeEmulator;
let receiver: Server;
let stripe: Stripe;
/** Webhooks received: verified events, and the refusals of the ones that did not verify. */
const received: Array<{ event?: Stripe.Event; refused?: string; raw: { payload: Buffer; signature: string } }> = [];

beforeAll(async () => {
  const verifier = new Stripe('sk_test_verifier');
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = { payload: Buffer.concat(chunks), signature: request.headers['stripe-signature'] as string };
      try {
        received.push({ event: verifier.webhooks.constructEvent(raw.payload, raw.signature, SECRET), raw });
        response.writeHead(200).end('{}');
      } catch (error) {
        received.push({ refused: (error as Error).message, raw });
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  emulator = await startStripeEmulator({ port: 0, payoutDelayMs: 50, webhook: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, secret: SECRET } });
  stripe = new Stripe('sk_test_taskmarket', { ...emulator.clientOptions, maxNetworkRetries: 0 });
});
afterAll(async () => {
  await emulator?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

const eventsOf = (id: string) => received.filter((r) => (r.event?.data.object as { id?: string } | undefined)?.id === id).map((r) => r.event!.type);

describe('the local Stripe, through the official SDK', () => {
  it('takes a payment with pm_card_visa and tells the webhook, signed', async () => {
    const customer = await stripe.customers.create({ email: 'sara@example.com', metadata: { user_id: '1' } });
    expect(customer.id).toMatch(/^cus_/);
    const intent = await stripe.paymentIntents.create({ amount: 30_000, currency: 'usd', customer: customer.id, transfer_group: 'task_42', metadata: { task_id: '42' } });
    expect(intent).toMatchObject({ object: 'payment_intent', status: 'requires_payment_method', amount: 30_000, currency: 'usd', transfer_group: 'task_42' });
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`));
    const paid = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(paid).toMatchObject({ status: 'succeeded', amount_received: 30_000 });
    expect(paid.latest_charge).toMatch(/^ch_/);
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
    await emulator.settled();
    expect(eventsOf(intent.id)).toEqual(['payment_intent.created', 'payment_intent.succeeded']);
    expect(received.every((r) => r.event)).toBe(true);
  });

  it('declines pm_card_chargeDeclined with a card error, and tells the webhook', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 5_000, currency: 'eur' });
    const declined = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }).catch((error: unknown) => error);
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });
    const after = await stripe.paymentIntents.retrieve(intent.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error).toMatchObject({ code: 'card_declined' });
    await emulator.settled();
    expect(eventsOf(intent.id)).toEqual(['payment_intent.created', 'payment_intent.payment_failed']);
  });

  it('refunds a payment, whole or in part, never more than was paid', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 10_000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
    expect(intent.status).toBe('succeeded');
    const part = await stripe.refunds.create({ payment_intent: intent.id, amount: 2_500 });
    expect(part).toMatchObject({ object: 'refund', amount: 2_500, status: 'succeeded', payment_intent: intent.id });
    expect(part.id).toMatch(/^re_/);
    const rest = await stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(7_500);
    await expect(stripe.refunds.create({ payment_intent: intent.id })).rejects.toMatchObject({ type: 'StripeInvalidRequestError', code: 'charge_already_refunded' });
  });

  it('keeps a customer’s cards: attach, list, default, detach', async () => {
    const customer = await stripe.customers.create({ email: 'omar@example.com' });
    const card = await stripe.paymentMethods.attach('pm_card_mastercard', { customer: customer.id });
    expect(card).toMatchObject({ object: 'payment_method', type: 'card', customer: customer.id, card: { brand: 'mastercard', last4: '4444' } });
    expect((await stripe.paymentMethods.list({ customer: customer.id, type: 'card' })).data.map((m) => m.id)).toEqual([card.id]);
    const updated = await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } });
    expect(updated.invoice_settings.default_payment_method).toBe(card.id);
    await stripe.paymentMethods.detach(card.id);
    expect((await stripe.paymentMethods.list({ customer: customer.id, type: 'card' })).data).toEqual([]);
    expect((await stripe.customers.retrieve(customer.id) as Stripe.Customer).invoice_settings.default_payment_method).toBeNull();
  });

  it('answers with Stripe’s errors: unknown objects, bad parameters, bad keys', async () => {
    await expect(stripe.paymentIntents.retrieve('pi_nothing')).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 404, code: 'resource_missing' });
    await expect(stripe.paymentIntents.create({ amount: -5, currency: 'usd' })).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, param: 'amount' });
    // The key as curl sends it (`-u sk_test_…:`) is taken too.
    const basic = await fetch(`${emulator.url}/v1/customers`, { method: 'POST', headers: { Authorization: `Basic ${Buffer.from('sk_test_curl:').toString('base64')}` } });
    expect(basic.status).toBe(200);
    expect((await basic.json()).id).toMatch(/^cus_/);
    const stranger = new Stripe('not-a-key', { ...emulator.clientOptions, maxNetworkRetries: 0 });
    await expect(stranger.customers.create({})).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('replays a request sent again with the same Idempotency-Key', async () => {
    const first = await stripe.paymentIntents.create({ amount: 700, currency: 'usd' }, { idempotencyKey: 'fund-task-7' });
    const again = await stripe.paymentIntents.create({ amount: 700, currency: 'usd' }, { idempotencyKey: 'fund-task-7' });
    expect(again.id).toBe(first.id);
    const other = await stripe.paymentIntents.create({ amount: 700, currency: 'usd' }, { idempotencyKey: 'fund-task-8' });
    expect(other.id).not.toBe(first.id);
  });

  it('signs with the webhook secret: checked with another secret, or altered, an event is refused', async () => {
    await stripe.paymentIntents.create({ amount: 100, currency: 'usd' });
    await emulator.settled();
    const { raw } = received.at(-1)!;
    const verifier = new Stripe('sk_test_verifier');
    expect(verifier.webhooks.constructEvent(raw.payload, raw.signature, SECRET).type).toBe('payment_intent.created');
    expect(() => verifier.webhooks.constructEvent(raw.payload, raw.signature, 'whsec_another_secret')).toThrow(/signature/i);
    const altered = Buffer.from(raw.payload.toString('utf8').replace('"amount":100', '"amount":1'));
    expect(() => verifier.webhooks.constructEvent(altered, raw.signature, SECRET)).toThrow(/signature/i);
  });
});

describe('Connect on the local Stripe', () => {
  async function onboardedAccount(email: string): Promise<Stripe.Account> {
    const account = await stripe.accounts.create({ type: 'express', email, metadata: { user_id: '2' } });
    expect(account).toMatchObject({ object: 'account', type: 'express', payouts_enabled: false, details_submitted: false });
    expect(account.requirements?.currently_due?.length).toBeGreaterThan(0);
    const link = await stripe.accountLinks.create({ account: account.id, type: 'account_onboarding', refresh_url: 'http://app.test/again', return_url: 'http://app.test/done' });
    expect(link.url).toMatch(new RegExp(`^${emulator.url}/express/onboarding/${account.id}`));
    // Opening the link stands for filling in Stripe's form.
    const opened = await fetch(link.url, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe('http://app.test/done');
    return stripe.accounts.retrieve(account.id);
  }

  it('onboards an Express account through its link, and tells the webhook (account.updated, with the account)', async () => {
    const account = await onboardedAccount('lina@example.com');
    expect(account).toMatchObject({ charges_enabled: true, payouts_enabled: true, details_submitted: true });
    expect(account.requirements?.currently_due).toEqual([]);
    await emulator.settled();
    const updated = received.find((r) => r.event?.type === 'account.updated' && (r.event.data.object as Stripe.Account).id === account.id);
    expect(updated?.event?.account).toBe(account.id);
  });

  it('transfers to a connected account and pays it out: pending, then paid', async () => {
    const account = await onboardedAccount('maria@example.com');
    const transfer = await stripe.transfers.create({ amount: 9_000, currency: 'usd', destination: account.id, transfer_group: 'task_42' });
    expect(transfer).toMatchObject({ object: 'transfer', amount: 9_000, destination: account.id });
    expect((await stripe.balance.retrieve({}, { stripeAccount: account.id })).available).toEqual([{ amount: 9_000, currency: 'usd' }]);
    const payout = await stripe.payouts.create({ amount: 6_000, currency: 'usd' }, { stripeAccount: account.id });
    expect(payout).toMatchObject({ object: 'payout', status: 'pending', amount: 6_000 });
    await expect(stripe.payouts.create({ amount: 3_001, currency: 'usd' }, { stripeAccount: account.id })).rejects.toMatchObject({ code: 'balance_insufficient' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await emulator.settled();
    const paid = received.find((r) => r.event?.type === 'payout.paid' && (r.event.data.object as Stripe.Payout).id === payout.id);
    expect(paid?.event?.account).toBe(account.id);
    expect((paid?.event?.data.object as Stripe.Payout).status).toBe('paid');
  });

  it('fails a payout of an account whose email says +payout_fails, and gives the money back to its balance', async () => {
    const account = await onboardedAccount('lina+payout_fails@example.com');
    await stripe.transfers.create({ amount: 5_000, currency: 'usd', destination: account.id });
    const payout = await stripe.payouts.create({ amount: 5_000, currency: 'usd' }, { stripeAccount: account.id });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await emulator.settled();
    const failed = received.find((r) => r.event?.type === 'payout.failed' && (r.event.data.object as Stripe.Payout).id === payout.id);
    expect(failed?.event?.data.object).toMatchObject({ status: 'failed', failure_code: 'account_closed' });
    expect((await stripe.balance.retrieve({}, { stripeAccount: account.id })).available).toEqual([{ amount: 5_000, currency: 'usd' }]);
  });

  it('refuses a transfer to an account not onboarded, and a payout without one', async () => {
    const account = await stripe.accounts.create({ type: 'express', email: 'new@example.com' });
    await expect(stripe.transfers.create({ amount: 100, currency: 'usd', destination: account.id })).rejects.toMatchObject({ code: 'insufficient_capabilities_for_transfer' });
    await expect(stripe.payouts.create({ amount: 100, currency: 'usd' })).rejects.toMatchObject({ type: 'StripeInvalidRequestError' });
  });
});
