/**
 * A local Stripe for development, the demo and the tests: the calls the service makes, on
 * Stripe's wire protocol, so that the official `stripe` SDK talks to it unchanged (host, port and
 * protocol options). Form-encoded requests, Stripe's object shapes and id prefixes, Stripe's error
 * shape and status codes, `Idempotency-Key` replay, and events delivered as signed webhooks
 * (`Stripe-Signature` with the webhook secret, as `stripe.webhooks.constructEvent` checks it).
 * Objects live in memory. Like Stripe's test mode, `pm_card_visa` pays and
 * `pm_card_chargeDeclined` is declined.
 *
 * Connect: Express accounts, onboarding links (opening one completes the onboarding, as filling in
 * Stripe's form would, and sends `account.updated`), transfers to a connected account's balance,
 * and payouts from it that settle a moment later with `payout.paid`, or with `payout.failed` for an
 * account whose email has `+payout_fails` in it (as Stripe's test bank numbers make a payout fail).
 *
 * Started in process by `npm start` when STRIPE_SECRET_KEY is unset (see STRIPE_LOCAL_PORT).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import qs from 'qs';
import Stripe from 'stripe';

type StripeObject = { id: string; object: string; [field: string]: unknown };
type Params = Record<string, unknown>;

/** A refusal in Stripe's error shape. */
type StripeErrorBody = { type: string; message: string; code?: string; param?: string; decline_code?: string; payment_intent?: StripeObject };
class StripeError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;
  constructor(status: number, body: StripeErrorBody) {
    super(body.message);
    this.status = status;
    this.body = body;
  }
}

const invalid = (message: string, param?: string, code = 'parameter_invalid') => new StripeError(400, { type: 'invalid_request_error', message, code, ...(param ? { param } : {}) });
const missing = (kind: string, id: string, param = 'id') =>
  new StripeError(404, { type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${kind}: '${id}'` });

/** The test cards of Stripe's test mode this emulator knows. */
const TEST_CARDS: Record<string, { brand: string; last4: string; declines: boolean }> = {
  pm_card_visa: { brand: 'visa', last4: '4242', declines: false },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444', declines: false },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002', declines: true },
};

export type StripeEmulatorOptions = {
  /** 0 for a free port. */
  port: number;
  host?: string;
  /** Where events are delivered, and the secret they are signed with. */
  webhook?: { url: string; secret: string };
  /** Told of every webhook that could not be delivered after its retries. */
  onDeliveryFailure?: (event: StripeObject, reason: string) => void;
  /** How long a payout stays pending before it is paid or fails (default 2 s). */
  payoutDelayMs?: number;
};

export type StripeEmulator = {
  url: string;
  /** The SDK's options to reach this emulator. */
  clientOptions: { host: string; port: number; protocol: 'http' };
  /** Every event so far, oldest first. */
  events: StripeObject[];
  /** Resolves once every webhook sent so far was delivered or given up on. */
  settled: () => Promise<void>;
  /** Sends the events from now on to `webhook` (a service learns its own URL once it listens). */
  deliverWebhooksTo: (webhook: { url: string; secret: string }) => void;
  stop: () => Promise<void>;
};

export async function startStripeEmulator(options: StripeEmulatorOptions): Promise<StripeEmulator> {
  const objects = new Map<string, StripeObject>();
  const events: StripeObject[] = [];
  const idempotent = new Map<string, { status: number; body: string }>();
  const deliveries = new Set<Promise<void>>();
  let webhook = options.webhook;
  const signer = new Stripe('sk_test_emulator');
  const now = () => Math.floor(Date.now() / 1000);
  const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, '0')}`;

  function store<T extends StripeObject>(object: T): T {
    objects.set(object.id, object);
    return object;
  }
  function find(kind: string, prefix: string, id: string): StripeObject {
    const found = objects.get(id);
    if (!found || !id.startsWith(`${prefix}_`)) throw missing(kind, id);
    return found;
  }

  function emit(type: string, object: StripeObject, account?: string) {
    const event: StripeObject = {
      id: newId('evt'),
      object: 'event',
      api_version: '2025-01-27.acacia',
      created: now(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: webhook ? 1 : 0,
      request: { id: null, idempotency_key: null },
      type,
      ...(account ? { account } : {}),
    };
    events.push(event);
    if (webhook) {
      const delivery = deliver(event, webhook).finally(() => deliveries.delete(delivery));
      deliveries.add(delivery);
    }
  }

  /** Posts the event, signed, retrying a few times as Stripe does (sooner: this is local). */
  async function deliver(event: StripeObject, webhook: { url: string; secret: string }) {
    const payload = JSON.stringify(event);
    let reason = '';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
      try {
        const signature = signer.webhooks.generateTestHeaderString({ payload, secret: webhook.secret, timestamp: now() });
        const response = await fetch(webhook.url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body: payload });
        await response.arrayBuffer();
        if (response.ok) return;
        reason = `HTTP ${response.status}`;
      } catch (error) {
        reason = (error as Error).message;
      }
    }
    options.onDeliveryFailure?.(event, reason);
  }

  // --- The resources ---------------------------------------------------------------------------

  function amountOf(params: Params, name = 'amount'): number {
    const value = params[name];
    if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1) throw invalid(`Invalid positive integer: ${name}`, name, 'parameter_invalid_integer');
    return Number(value);
  }
  function currencyOf(params: Params): string {
    const value = params.currency;
    if (typeof value !== 'string' || !/^[a-z]{3}$/.test(value)) throw invalid('Missing required param: currency.', 'currency', 'parameter_missing');
    return value;
  }
  const metadataOf = (params: Params) => (params.metadata && typeof params.metadata === 'object' ? (params.metadata as Record<string, string>) : {});

  function createCustomer(params: Params): StripeObject {
    return store({
      id: newId('cus'),
      object: 'customer',
      created: now(),
      email: params.email ?? null,
      name: params.name ?? null,
      metadata: metadataOf(params),
      invoice_settings: { default_payment_method: null },
      livemode: false,
    });
  }

  function updateCustomer(customer: StripeObject, params: Params): StripeObject {
    const settings = params.invoice_settings as { default_payment_method?: string } | undefined;
    if (settings?.default_payment_method !== undefined) {
      const method = settings.default_payment_method ? find('PaymentMethod', 'pm', settings.default_payment_method) : null;
      if (method && method.customer !== customer.id) throw invalid(`The payment method ${method.id} is not attached to ${customer.id}.`, 'invoice_settings[default_payment_method]');
      customer.invoice_settings = { default_payment_method: method?.id ?? null };
    }
    if (params.email !== undefined) customer.email = params.email;
    if (params.metadata) customer.metadata = { ...(customer.metadata as object), ...metadataOf(params) };
    return customer;
  }

  /** A PaymentMethod from a test token (`pm_card_visa`) or an existing one. */
  function paymentMethod(id: string): StripeObject {
    const card = TEST_CARDS[id];
    if (!card) return find('PaymentMethod', 'pm', id);
    return store({
      id: newId('pm'),
      object: 'payment_method',
      type: 'card',
      card: { brand: card.brand, last4: card.last4, exp_month: 12, exp_year: new Date().getFullYear() + 3, funding: 'credit', country: 'US' },
      billing_details: { email: null, name: null },
      customer: null,
      created: now(),
      livemode: false,
      metadata: {},
      // The emulator's own note of how this card behaves: not shown (see view).
      _declines: card.declines,
    });
  }
  /** What the API shows of an object: the emulator's own notes (leading `_`) left out. */
  const view = (object: StripeObject): StripeObject => Object.fromEntries(Object.entries(object).filter(([key]) => !key.startsWith('_'))) as StripeObject;

  function createPaymentIntent(params: Params): StripeObject {
    const id = newId('pi');
    const intent: StripeObject = store({
      id,
      object: 'payment_intent',
      amount: amountOf(params),
      amount_received: 0,
      currency: currencyOf(params),
      status: 'requires_payment_method',
      client_secret: `${id}_secret_${randomBytes(12).toString('hex')}`,
      customer: typeof params.customer === 'string' ? find('customer', 'cus', params.customer).id : null,
      payment_method: null,
      transfer_group: params.transfer_group ?? null,
      description: params.description ?? null,
      metadata: metadataOf(params),
      latest_charge: null,
      last_payment_error: null,
      capture_method: 'automatic',
      created: now(),
      livemode: false,
    });
    if (typeof params.payment_method === 'string') {
      intent.payment_method = paymentMethod(params.payment_method).id;
      intent.status = 'requires_confirmation';
    }
    emit('payment_intent.created', view(intent));
    if (params.confirm === 'true') return confirmPaymentIntent(intent, {});
    return intent;
  }

  function confirmPaymentIntent(intent: StripeObject, params: Params): StripeObject {
    if (intent.status === 'succeeded' || intent.status === 'canceled') {
      throw new StripeError(400, {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: `This PaymentIntent's status is ${intent.status as string}: it cannot be confirmed.`,
        payment_intent: view(intent),
      });
    }
    if (typeof params.payment_method === 'string') intent.payment_method = paymentMethod(params.payment_method).id;
    if (!intent.payment_method) throw invalid('You cannot confirm this PaymentIntent because it is missing a payment method.', 'payment_method', 'payment_intent_unexpected_state');
    const method = objects.get(intent.payment_method as string)!;
    if (method._declines) {
      intent.status = 'requires_payment_method';
      intent.last_payment_error = { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', payment_method: view(method) };
      intent.payment_method = null;
      emit('payment_intent.payment_failed', view(intent));
      throw new StripeError(402, { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', payment_intent: view(intent) });
    }
    const charge = store({
      id: newId('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_refunded: 0,
      currency: intent.currency,
      payment_intent: intent.id,
      payment_method: method.id,
      paid: true,
      refunded: false,
      status: 'succeeded',
      transfer_group: intent.transfer_group,
      created: now(),
      livemode: false,
    });
    Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, latest_charge: charge.id, last_payment_error: null });
    emit('charge.succeeded', charge);
    emit('payment_intent.succeeded', view(intent));
    return intent;
  }

  function cancelPaymentIntent(intent: StripeObject): StripeObject {
    if (intent.status === 'succeeded' || intent.status === 'canceled') {
      throw new StripeError(400, { type: 'invalid_request_error', code: 'payment_intent_unexpected_state', message: `You cannot cancel this PaymentIntent because it has a status of ${intent.status as string}.` });
    }
    Object.assign(intent, { status: 'canceled', canceled_at: now() });
    emit('payment_intent.canceled', view(intent));
    return intent;
  }

  function createRefund(params: Params): StripeObject {
    if (typeof params.payment_intent !== 'string') throw invalid('Missing required param: payment_intent.', 'payment_intent', 'parameter_missing');
    const intent = find('payment_intent', 'pi', params.payment_intent);
    if (intent.status !== 'succeeded') throw invalid(`This PaymentIntent has no successful charge to refund (status ${intent.status as string}).`, 'payment_intent', 'charge_not_refundable');
    const charge = objects.get(intent.latest_charge as string)!;
    const left = (charge.amount as number) - (charge.amount_refunded as number);
    const amount = params.amount === undefined ? left : amountOf(params);
    if (left === 0) throw new StripeError(400, { type: 'invalid_request_error', code: 'charge_already_refunded', message: `Charge ${charge.id} has already been refunded.` });
    if (amount > left) throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left}).`, 'amount', 'amount_too_large');
    const refund = store({
      id: newId('re'),
      object: 'refund',
      amount,
      currency: intent.currency,
      charge: charge.id,
      payment_intent: intent.id,
      status: 'succeeded',
      reason: params.reason ?? null,
      metadata: metadataOf(params),
      created: now(),
    });
    charge.amount_refunded = (charge.amount_refunded as number) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    emit('refund.created', refund);
    emit('charge.refunded', charge);
    return refund;
  }

  function attach(method: StripeObject, params: Params): StripeObject {
    if (typeof params.customer !== 'string') throw invalid('Missing required param: customer.', 'customer', 'parameter_missing');
    const customer = find('customer', 'cus', params.customer);
    if (method.customer && method.customer !== customer.id) throw invalid(`The payment method ${method.id} is attached to another customer.`, 'customer');
    method.customer = customer.id;
    emit('payment_method.attached', view(method));
    return method;
  }

  function detach(method: StripeObject): StripeObject {
    if (!method.customer) throw invalid(`The payment method ${method.id} is not attached to a customer.`, 'payment_method', 'payment_method_unexpected_state');
    const customer = objects.get(method.customer as string)!;
    if ((customer.invoice_settings as { default_payment_method: string | null }).default_payment_method === method.id) customer.invoice_settings = { default_payment_method: null };
    method.customer = null;
    emit('payment_method.detached', view(method));
    return method;
  }

  function list(url: string, filter: (object: StripeObject) => boolean, params: Params) {
    const limit = Math.min(Number(params.limit ?? 10), 100);
    const all = [...objects.values()].filter(filter).sort((a, b) => (b.created as number) - (a.created as number));
    return { object: 'list', url, has_more: all.length > limit, data: all.slice(0, limit).map(view) };
  }

  // --- Connect ---------------------------------------------------------------------------------

  const ONBOARDING_DUE = ['business_profile.url', 'external_account', 'individual.dob.day', 'individual.first_name', 'tos_acceptance.date'];

  function createAccount(params: Params): StripeObject {
    if (params.type !== 'express') throw invalid('Only type=express accounts are emulated.', 'type');
    return store({
      id: newId('acct'),
      object: 'account',
      type: 'express',
      country: params.country ?? 'US',
      email: params.email ?? null,
      default_currency: 'usd',
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      capabilities: { transfers: 'inactive' },
      requirements: { currently_due: ONBOARDING_DUE, eventually_due: ONBOARDING_DUE, past_due: [], disabled_reason: 'requirements.past_due' },
      metadata: metadataOf(params),
      created: now(),
      _balance: {} as Record<string, number>,
    });
  }

  function createAccountLink(params: Params, baseUrl: string): StripeObject {
    if (typeof params.account !== 'string') throw invalid('Missing required param: account.', 'account', 'parameter_missing');
    const account = find('account', 'acct', params.account);
    if (params.type !== 'account_onboarding') throw invalid('Only type=account_onboarding links are emulated.', 'type');
    const next = new URLSearchParams({ return_url: typeof params.return_url === 'string' ? params.return_url : '', refresh_url: typeof params.refresh_url === 'string' ? params.refresh_url : '' });
    return { id: newId('acctlink'), object: 'account_link', created: now(), expires_at: now() + 300, url: `${baseUrl}/express/onboarding/${account.id}?${next}` };
  }

  /** What submitting Stripe's onboarding form does: the account can take transfers and pay out. */
  function completeOnboarding(account: StripeObject) {
    Object.assign(account, {
      details_submitted: true,
      charges_enabled: true,
      payouts_enabled: true,
      capabilities: { transfers: 'active' },
      requirements: { currently_due: [], eventually_due: [], past_due: [], disabled_reason: null },
    });
    emit('account.updated', view(account), account.id);
  }

  const balanceOf = (account: StripeObject) => account._balance as Record<string, number>;

  function createTransfer(params: Params): StripeObject {
    if (typeof params.destination !== 'string') throw invalid('Missing required param: destination.', 'destination', 'parameter_missing');
    const destination = find('account', 'acct', params.destination);
    if ((destination.capabilities as { transfers: string }).transfers !== 'active') {
      throw invalid('Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments', 'destination', 'insufficient_capabilities_for_transfer');
    }
    const amount = amountOf(params);
    const currency = currencyOf(params);
    balanceOf(destination)[currency] = (balanceOf(destination)[currency] ?? 0) + amount;
    return store({
      id: newId('tr'),
      object: 'transfer',
      amount,
      currency,
      destination: destination.id,
      transfer_group: params.transfer_group ?? null,
      reversed: false,
      metadata: metadataOf(params),
      created: now(),
      livemode: false,
    });
  }

  function createPayout(params: Params, stripeAccount: string | undefined): StripeObject {
    if (!stripeAccount) throw invalid('Payouts are made from a connected account: send the Stripe-Account header.', 'stripe_account');
    const account = find('account', 'acct', stripeAccount);
    if (!account.payouts_enabled) throw invalid('Payouts are not enabled for this account.', undefined, 'payouts_not_allowed');
    const amount = amountOf(params);
    const currency = currencyOf(params);
    if ((balanceOf(account)[currency] ?? 0) < amount) {
      throw new StripeError(400, { type: 'invalid_request_error', code: 'balance_insufficient', message: 'You have insufficient funds in your Stripe account for this transfer.' });
    }
    const moveBalance = (delta: number) => (balanceOf(account)[currency] = (balanceOf(account)[currency] ?? 0) + delta);
    moveBalance(-amount);
    const payout = store({
      id: newId('po'),
      object: 'payout',
      amount,
      currency,
      status: 'pending',
      arrival_date: now() + 2 * 24 * 60 * 60,
      method: 'standard',
      failure_code: null,
      failure_message: null,
      metadata: metadataOf(params),
      created: now(),
      livemode: false,
      _account: account.id,
    });
    setTimeout(() => {
      const fails = typeof account.email === 'string' && account.email.includes('+payout_fails');
      if (fails) {
        // The money comes back to the connected account's balance, as Stripe returns a failed payout.
        moveBalance(amount);
        Object.assign(payout, { status: 'failed', failure_code: 'account_closed', failure_message: 'The bank account has been closed.' });
      } else {
        payout.status = 'paid';
      }
      emit(fails ? 'payout.failed' : 'payout.paid', view(payout), account.id);
    }, options.payoutDelayMs ?? 2000).unref();
    return payout;
  }

  function balance(stripeAccount: string | undefined): StripeObject {
    const amounts = stripeAccount ? balanceOf(find('account', 'acct', stripeAccount)) : {};
    return { id: 'balance', object: 'balance', available: Object.entries(amounts).map(([currency, amount]) => ({ amount, currency })), pending: [], livemode: false };
  }

  // --- The HTTP side ---------------------------------------------------------------------------

  type Context = { stripeAccount: string | undefined; baseUrl: string };
  type Route = [method: string, pattern: RegExp, handle: (match: RegExpExecArray, params: Params, context: Context) => unknown];
  const routes: Route[] = [
    ['POST', /^\/v1\/customers$/, (_, params) => createCustomer(params)],
    ['GET', /^\/v1\/customers\/([^/]+)$/, ([, id]) => find('customer', 'cus', id!)],
    ['POST', /^\/v1\/customers\/([^/]+)$/, ([, id], params) => updateCustomer(find('customer', 'cus', id!), params)],
    ['POST', /^\/v1\/payment_intents$/, (_, params) => createPaymentIntent(params)],
    ['GET', /^\/v1\/payment_intents\/([^/]+)$/, ([, id]) => find('payment_intent', 'pi', id!)],
    ['POST', /^\/v1\/payment_intents\/([^/]+)\/confirm$/, ([, id], params) => confirmPaymentIntent(find('payment_intent', 'pi', id!), params)],
    ['POST', /^\/v1\/payment_intents\/([^/]+)\/cancel$/, ([, id]) => cancelPaymentIntent(find('payment_intent', 'pi', id!))],
    ['POST', /^\/v1\/refunds$/, (_, params) => createRefund(params)],
    ['GET', /^\/v1\/refunds\/([^/]+)$/, ([, id]) => find('refund', 're', id!)],
    ['GET', /^\/v1\/payment_methods\/([^/]+)$/, ([, id]) => find('PaymentMethod', 'pm', id!)],
    ['POST', /^\/v1\/payment_methods\/([^/]+)\/attach$/, ([, id], params) => attach(paymentMethod(id!), params)],
    ['POST', /^\/v1\/payment_methods\/([^/]+)\/detach$/, ([, id]) => detach(find('PaymentMethod', 'pm', id!))],
    [
      'GET',
      /^\/v1\/payment_methods$/,
      (_, params) => list('/v1/payment_methods', (o) => o.object === 'payment_method' && (params.customer === undefined || o.customer === params.customer), params),
    ],
    [
      'GET',
      /^\/v1\/refunds$/,
      (_, params) => list('/v1/refunds', (o) => o.object === 'refund' && (params.payment_intent === undefined || o.payment_intent === params.payment_intent), params),
    ],
    ['GET', /^\/v1\/events\/([^/]+)$/, ([, id]) => find('event', 'evt', id!)],
    ['POST', /^\/v1\/accounts$/, (_, params) => createAccount(params)],
    ['GET', /^\/v1\/accounts\/([^/]+)$/, ([, id]) => find('account', 'acct', id!)],
    ['POST', /^\/v1\/account_links$/, (_, params, context) => createAccountLink(params, context.baseUrl)],
    ['POST', /^\/v1\/transfers$/, (_, params) => createTransfer(params)],
    ['POST', /^\/v1\/payouts$/, (_, params, context) => createPayout(params, context.stripeAccount)],
    ['GET', /^\/v1\/payouts\/([^/]+)$/, ([, id]) => find('payout', 'po', id!)],
    ['GET', /^\/v1\/balance$/, (_, _params, context) => balance(context.stripeAccount)],
  ];

  async function readParams(request: IncomingMessage, url: URL): Promise<Params> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    return { ...qs.parse(url.search.slice(1)), ...qs.parse(body) };
  }

  function send(response: ServerResponse, status: number, body: string) {
    response.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': newId('req'), 'Stripe-Version': '2025-01-27.acacia' });
    response.end(body);
  }

  let baseUrl = '';
  // node:http does not await its handler: an unexpected failure is answered as Stripe would.
  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => send(response, 500, JSON.stringify({ error: { type: 'api_error', message: String(error) } })));
  });
  async function answer(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    // The onboarding page a link leads to: a browser's, without an API key.
    const onboarding = /^\/express\/onboarding\/([^/]+)$/.exec(url.pathname);
    if (onboarding && request.method === 'GET') {
      const account = objects.get(onboarding[1]!);
      if (!account || account.object !== 'account') return send(response, 404, JSON.stringify({ error: { type: 'invalid_request_error', message: 'No such account link.' } }));
      completeOnboarding(account);
      const returnUrl = url.searchParams.get('return_url');
      if (returnUrl) response.writeHead(302, { Location: returnUrl }).end();
      else response.writeHead(200, { 'Content-Type': 'text/plain' }).end(`Onboarding of ${account.id} complete.\n`);
      return;
    }
    // The key as Stripe takes it: a bearer token, or the user of Basic auth (`curl -u sk_test_…:`).
    const header = request.headers.authorization ?? '';
    const basic = /^Basic (\S+)$/.exec(header);
    const authorization = basic ? `Bearer ${Buffer.from(basic[1]!, 'base64').toString('utf8').split(':')[0]}` : header;
    if (!/^Bearer sk_(test|live)_\S+$/.test(authorization)) {
      send(response, 401, JSON.stringify({ error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } }));
      return;
    }
    const key = request.headers['idempotency-key'];
    const replayKey = typeof key === 'string' && request.method === 'POST' ? `${authorization} ${url.pathname} ${key}` : undefined;
    const replay = replayKey ? idempotent.get(replayKey) : undefined;
    if (replay) {
      request.resume();
      send(response, replay.status, replay.body);
      return;
    }
    let status = 200;
    let body: string;
    try {
      const params = await readParams(request, url);
      const route = routes.map(([method, pattern, handle]) => ({ method, match: pattern.exec(url.pathname), handle })).find((r) => r.match && r.method === request.method);
      if (!route) throw new StripeError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${url.pathname}).` });
      const stripeAccount = typeof request.headers['stripe-account'] === 'string' ? request.headers['stripe-account'] : undefined;
      body = JSON.stringify(view(route.handle(route.match!, params, { stripeAccount, baseUrl }) as StripeObject));
    } catch (error) {
      if (!(error instanceof StripeError)) throw error;
      status = error.status;
      body = JSON.stringify({ error: error.body });
    }
    if (replayKey) idempotent.set(replayKey, { status, body });
    send(response, status, body);
  }

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host}:${port}`;
  return {
    url: baseUrl,
    clientOptions: { host, port, protocol: 'http' },
    events,
    settled: async () => {
      while (deliveries.size) await Promise.allSettled([...deliveries]);
    },
    deliverWebhooksTo: (target) => {
      webhook = target;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
