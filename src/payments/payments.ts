/**
 * The Payments domain assembled from its parts, for the app and the workers: escrows, the wallet,
 * Stripe accounts and the webhook, on one Stripe client.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import type { User } from '../auth/auth.entities.ts';
import type { Config } from '../config.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { percentToBasisPoints } from '../lib/money.ts';
import { problems } from '../lib/problem.ts';
import { createAccountsService } from './accounts.service.ts';
import { createEscrowService } from './escrow.service.ts';
import { createWalletService } from './wallet.service.ts';
import { createWebhookReceiver } from './webhooks.ts';

export type PaymentsDeps = {
  stripe: { client: Stripe; webhookSecret: string };
  queue: JobQueue;
  now: () => Date;
  config: Pick<Config, 'PLATFORM_FEE_PERCENT' | 'PUBLIC_APP_URL' | 'CORS_ORIGINS'>;
};

export function createPayments({ stripe, queue, now, config }: PaymentsDeps) {
  const escrows = createEscrowService({ stripe: stripe.client, now, feeBasisPoints: percentToBasisPoints(config.PLATFORM_FEE_PERCENT) });
  const wallet = createWalletService({ stripe: stripe.client, queue, now }, config.PLATFORM_FEE_PERCENT);
  const frontendOrigins = [new URL(config.PUBLIC_APP_URL).origin, ...config.CORS_ORIGINS.filter((origin) => origin !== '*')];
  const accounts = createAccountsService({ stripe: stripe.client, frontendOrigins });
  const receiveWebhook = createWebhookReceiver({ stripe: stripe.client, webhookSecret: stripe.webhookSecret, escrows, wallet, accounts });

  /** An account is not deleted while money of its own is held (account deletion hook). */
  async function refuseDeletionWhileHoldingMoney(em: EntityManager, user: User): Promise<void> {
    if (await escrows.holdsFundedEscrow(em, user.id)) {
      throw problems.invalidState('A funded escrow of yours holds money: release or refund it before deleting the account.');
    }
    if (await wallet.holdsMoney(em, user.id)) {
      throw problems.invalidState('Your wallet holds money: withdraw it (and let the withdrawal settle) before deleting the account.');
    }
  }

  return { escrows, wallet, accounts, receiveWebhook, now, refuseDeletionWhileHoldingMoney };
}

export type Payments = ReturnType<typeof createPayments>;
