/**
 * The service's Stripe: the official SDK, on Stripe itself with STRIPE_SECRET_KEY (STRIPE_API_BASE
 * for another host), or, without a key, on the local Stripe emulator started here in process, so
 * that the money path runs offline and in the demo.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import Stripe from 'stripe';
import type { Config } from '../config.ts';
import { startStripeEmulator, type StripeEmulator } from './stripe-emulator.ts';

const STRIPE_TIMEOUT_MS = 15_000;

export type StripeConnection = {
  client: Stripe;
  /** The secret webhooks are signed with. */
  webhookSecret: string;
  /** The local emulator, when there is no key. */
  emulator?: StripeEmulator;
  close: () => Promise<void>;
};

/** STRIPE_API_BASE as the SDK's host, port and protocol options. */
export function apiBaseOptions(apiBase: string): { host: string; port: number; protocol: 'http' | 'https' } {
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}

export async function connectStripe(
  config: Pick<Config, 'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET' | 'STRIPE_API_BASE' | 'STRIPE_LOCAL_PORT'>,
  logger: Logger,
): Promise<StripeConnection> {
  const webhookSecret = config.STRIPE_WEBHOOK_SECRET ?? `whsec_local_${randomBytes(16).toString('hex')}`;
  if (config.STRIPE_SECRET_KEY) {
    // Every create carries an idempotency key, so the SDK's own retries of a lost answer are safe;
    // a request never waits longer than a client would for the service's answer.
    const client = new Stripe(config.STRIPE_SECRET_KEY, { ...apiBaseOptions(config.STRIPE_API_BASE), timeout: STRIPE_TIMEOUT_MS, maxNetworkRetries: 2 });
    return { client, webhookSecret, close: async () => {} };
  }
  const emulator = await startStripeEmulator({ port: config.STRIPE_LOCAL_PORT }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    throw new Error(`The local Stripe emulator cannot listen on port ${config.STRIPE_LOCAL_PORT}: it is in use. Set STRIPE_LOCAL_PORT to a free port (0 for any), or STRIPE_SECRET_KEY to use Stripe.`);
  });
  logger.info(
    { stripe_emulator: emulator.url },
    `STRIPE_SECRET_KEY unset: the local Stripe emulator listens on ${emulator.url} (any sk_test_ key; pm_card_visa pays, pm_card_chargeDeclined is declined).`,
  );
  return { client: new Stripe('sk_test_local_emulator', { ...emulator.clientOptions, maxNetworkRetries: 0 }), webhookSecret, emulator, close: emulator.stop };
}
