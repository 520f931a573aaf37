/**
 * A user's Stripe Customer (the payer side: escrow funding, saved cards), made on first use.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import type { User } from '../auth/auth.entities.ts';
import { PaymentCustomer } from './payments.entities.ts';
import { atStripe } from './stripe-calls.ts';

export async function stripeCustomerOf(em: EntityManager, stripe: Stripe, user: User): Promise<string> {
  const known = await em.findOne(PaymentCustomer, { user });
  if (known) return known.stripeCustomerId;
  // Keyed by the user: two first uses at once make one customer at Stripe.
  const customer = await atStripe('create a customer', () =>
    stripe.customers.create({ email: user.email ?? undefined, name: user.displayName, metadata: { user_id: String(user.id) } }, { idempotencyKey: `customer:${user.id}` }),
  );
  const at = new Date();
  await em.createQueryBuilder(PaymentCustomer).insert({ user: user.id, stripeCustomerId: customer.id, createdAt: at, updatedAt: at }).onConflict('user').ignore().execute();
  return customer.id;
}
