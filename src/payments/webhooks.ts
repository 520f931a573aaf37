/**
 * Stripe's webhook: the signature checked on the raw body, then each event applied once. The
 * event's id is stored in the transaction of its effect, so a redelivery (or two at once) finds
 * it and changes nothing; an event whose effect fails is not stored, and Stripe delivers it again.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { querySql } from '../db/sql.ts';
import { problems } from '../lib/problem.ts';
import type { AccountsService } from './accounts.service.ts';
import type { EscrowService } from './escrow.service.ts';
import type { WalletService } from './wallet.service.ts';

export type WebhookDeps = {
  stripe: Stripe;
  webhookSecret: string;
  escrows: EscrowService;
  wallet: WalletService;
  accounts: AccountsService;
};

export function createWebhookReceiver({ stripe, webhookSecret, escrows, wallet, accounts }: WebhookDeps) {
  async function apply(tx: EntityManager, event: Stripe.Event): Promise<void> {
    switch (event.type) {
      case 'payment_intent.succeeded':
        return escrows.applyPaymentSucceeded(tx, event.data.object);
      case 'payment_intent.canceled':
        return escrows.applyPaymentCanceled(tx, event.data.object);
      case 'account.updated':
        return accounts.applyAccountUpdate(tx, event.data.object);
      case 'payout.paid':
      case 'payout.failed':
        return wallet.settlePayout(tx, event.data.object, event.type === 'payout.paid');
      default:
        // payment_intent.payment_failed leaves the escrow pending (the client may retry);
        // charge.refunded confirms a refund the service made and recorded; the rest is not ours.
        return;
    }
  }

  /** Verifies and applies one delivery; returns the event's type. */
  return async function receive(em: EntityManager, rawBody: string, signature: string): Promise<string> {
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(rawBody, signature, webhookSecret);
    } catch (error) {
      // Stripe's own message runs to several lines of advice: its first line says what is wrong.
      throw problems.invalidSignature(`The Stripe-Signature header does not sign this body: ${(error as Error).message.split('\n')[0]!.trim()}`);
    }
    await em.transactional(async (tx) => {
      const [fresh] = await querySql<{ id: string }>(tx, {
        text: `insert into stripe_event (id, type, received_at) values ($1, $2, now()) on conflict (id) do nothing returning id`,
        values: [event.id, event.type],
      });
      if (fresh) await apply(tx, event);
    });
    return event.type;
  };
}

export type WebhookReceiver = ReturnType<typeof createWebhookReceiver>;
