/**
 * The Payments operations of the contract: thin handlers over the escrow, wallet and accounts
 * services. Money-moving POSTs honour `Idempotency-Key` (idempotency.ts).
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app/env.ts';
import { currentUser, mount, type AppRouter } from '../app/router.ts';
import { routes } from '../contract/routes.ts';
import { toPage } from '../lib/pagination.ts';
import type { AccountsService } from './accounts.service.ts';
import type { EscrowService, RefundReason } from './escrow.service.ts';
import { idempotent } from './idempotency.ts';
import type { WalletService } from './wallet.service.ts';
import type { WebhookReceiver } from './webhooks.ts';

export type PaymentsServices = {
  escrows: EscrowService;
  wallet: WalletService;
  accounts: AccountsService;
  receiveWebhook: WebhookReceiver;
  now: () => Date;
};

/** Reads the body as bytes first: Hono then keeps them, and the signature is checked on them. */
const keepRawBody = createMiddleware<AppEnv>(async (c, next) => {
  await c.req.arrayBuffer();
  await next();
});

export function registerPaymentsRoutes(router: AppRouter, { escrows, wallet, accounts, receiveWebhook, now }: PaymentsServices): void {
  mount(router, routes.createConnectAccount, async (c) => c.json(await accounts.createConnectAccount(c.get('em'), currentUser(c), c.req.valid('json')), 201));

  mount(router, routes.createOnboardingLink, async (c) => c.json(await accounts.onboardingLink(c.get('em'), currentUser(c), c.req.valid('json')), 201));

  mount(router, routes.getConnectStatus, async (c) => c.json(await accounts.connectStatus(c.get('em'), currentUser(c)), 200));

  mount(router, routes.createPaymentIntent, (c) =>
    idempotent(c, 'createPaymentIntent', now, async (stripeKey) => ({
      status: 201,
      body: await escrows.createIntent(c.get('em'), currentUser(c), c.req.valid('json'), stripeKey),
    })),
  );

  mount(router, routes.getEscrow, async (c) => c.json(await escrows.get(c.get('em'), currentUser(c), c.req.valid('param').id), 200));

  mount(router, routes.releaseEscrow, (c) =>
    idempotent(c, 'releaseEscrow', now, async () => ({ status: 200, body: await escrows.release(c.get('em'), currentUser(c), c.req.valid('param').id) })),
  );

  mount(router, routes.refundEscrow, (c) =>
    idempotent(c, 'refundEscrow', now, async () => {
      // The body is optional: an empty one is the customer's request.
      const body: { reason?: RefundReason } = (await c.req.text()) ? c.req.valid('json') : {};
      return { status: 200, body: await escrows.refund(c.get('em'), currentUser(c), c.req.valid('param').id, body?.reason ?? 'requested_by_customer') };
    }),
  );

  mount(router, routes.getWallet, async (c) => c.json(await wallet.wallet(c.get('em'), currentUser(c)), 200));

  mount(router, routes.listWalletTransactions, async (c) => {
    const query = c.req.valid('query');
    const { count, results } = await wallet.transactions(c.get('em'), currentUser(c), query);
    return c.json(toPage(c.req.url, query, count, results), 200);
  });

  mount(router, routes.listWithdrawals, async (c) => {
    const query = c.req.valid('query');
    const { count, results } = await wallet.withdrawals(c.get('em'), currentUser(c), query);
    return c.json(toPage(c.req.url, query, count, results), 200);
  });

  mount(router, routes.createWithdrawal, (c) =>
    idempotent(c, 'createWithdrawal', now, async () => ({ status: 201, body: await wallet.withdraw(c.get('em'), currentUser(c), c.req.valid('json')) })),
  );

  mount(router, routes.listPaymentMethods, async (c) => c.json(await accounts.paymentMethods(c.get('em'), currentUser(c)), 200));

  mount(router, routes.createPaymentMethod, (c) =>
    idempotent(c, 'createPaymentMethod', now, async () => ({ status: 201, body: await accounts.addPaymentMethod(c.get('em'), currentUser(c), c.req.valid('json')) })),
  );

  mount(router, routes.deletePaymentMethod, async (c) => {
    await accounts.removePaymentMethod(c.get('em'), currentUser(c), c.req.valid('param').id);
    return c.body(null, 204);
  });

  mount(router, routes.setDefaultPaymentMethod, async (c) => {
    return c.json(await accounts.setDefaultPaymentMethod(c.get('em'), currentUser(c), c.req.valid('param').id), 200);
  });

  mount(
    router,
    routes.handleStripeWebhook,
    async (c) => {
      const raw = new TextDecoder().decode(await c.req.arrayBuffer());
      const type = await receiveWebhook(c.get('em'), raw, c.req.valid('header')['stripe-signature']);
      c.get('logger').info({ stripe_event: type }, 'stripe webhook');
      return c.json({ received: true as const }, 200);
    },
    { before: [keepRawBody] },
  );
}
