/**
 * Every call to Stripe goes through `atStripe`: Stripe's refusals and outages become the API's
 * problems. A refusal of what the caller sent (a card declined, an unknown payment method) is
 * theirs to fix (422); anything else (Stripe down, slow, or refusing our own request) is a 502,
 * after which nothing changed here and a retry with the same idempotency key completes the work.
 */
import Stripe from 'stripe';
import { problems } from '../lib/problem.ts';

export async function atStripe<T>(what: string, call: () => Promise<T>, options: { callersFault?: boolean } = {}): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    const callers = error.type === 'StripeCardError' || (options.callersFault && error.type === 'StripeInvalidRequestError');
    if (callers) throw problems.businessRule(`Stripe refused to ${what}: ${error.message}`);
    throw problems.paymentProvider(`Stripe could not ${what} (${error.message}).`);
  }
}
