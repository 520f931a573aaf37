/**
 * A user's accounts at Stripe: the Connect (Express) account a freelancer is paid out through,
 * kept current by `account.updated` webhooks, and the cards a client funds escrows with.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import type { User } from '../auth/auth.entities.ts';
import type * as S from '../contract/schemas.ts';
import { problems } from '../lib/problem.ts';
import { ConnectAccount, PaymentMethod } from './payments.entities.ts';
import { atStripe } from './stripe-calls.ts';
import { stripeCustomerOf } from './stripe-customers.ts';

export type AccountsDeps = {
  stripe: Stripe;
  /** Origins a Stripe onboarding link may send the user back to (the frontends'). */
  frontendOrigins: string[];
};

const NO_ACCOUNT: S.ConnectAccount = {
  account_id: null,
  status: 'none',
  charges_enabled: false,
  payouts_enabled: false,
  details_submitted: false,
  requirements_due: [],
  country: null,
};

export function toConnectAccount(account: ConnectAccount | null): S.ConnectAccount {
  if (!account) return NO_ACCOUNT;
  const status = account.payoutsEnabled ? 'active' : account.detailsSubmitted ? 'restricted' : 'pending';
  return {
    account_id: account.stripeAccountId,
    status,
    charges_enabled: account.chargesEnabled,
    payouts_enabled: account.payoutsEnabled,
    details_submitted: account.detailsSubmitted,
    requirements_due: account.requirementsDue,
    country: account.country,
  };
}

export function toPaymentMethod(method: PaymentMethod): S.PaymentMethod {
  return {
    id: method.id,
    stripe_payment_method_id: method.stripePaymentMethodId,
    type: 'card',
    brand: method.brand,
    last4: method.last4,
    exp_month: method.expMonth,
    exp_year: method.expYear,
    is_default: method.isDefault,
    created_at: method.createdAt.toISOString(),
  };
}

/** What Stripe says of a connected account, as kept here. */
function accountState(account: Stripe.Account) {
  return {
    chargesEnabled: account.charges_enabled ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
    detailsSubmitted: account.details_submitted ?? false,
    requirementsDue: [...(account.requirements?.currently_due ?? []), ...(account.requirements?.past_due ?? [])].filter((item, index, all) => all.indexOf(item) === index),
  };
}

export function createAccountsService({ stripe, frontendOrigins }: AccountsDeps) {
  async function ownMethod(em: EntityManager, user: User, id: number): Promise<PaymentMethod> {
    const method = await em.findOne(PaymentMethod, { id, user });
    if (!method) throw problems.notFound(`There is no payment method ${id}.`);
    return method;
  }

  /** Makes `method` the user's only default, here and at Stripe. */
  async function makeDefault(em: EntityManager, user: User, method: PaymentMethod): Promise<void> {
    const customer = await stripeCustomerOf(em, stripe, user);
    await atStripe('set the default card', () => stripe.customers.update(customer, { invoice_settings: { default_payment_method: method.stripePaymentMethodId } }));
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(PaymentMethod, { user, isDefault: true, id: { $ne: method.id } }, { isDefault: false });
      await tx.nativeUpdate(PaymentMethod, { id: method.id }, { isDefault: true });
    });
    method.isDefault = true;
  }

  return {
    async connectStatus(em: EntityManager, user: User): Promise<S.ConnectAccount> {
      return toConnectAccount(await em.findOne(ConnectAccount, { user }));
    },

    async createConnectAccount(em: EntityManager, user: User, input: S.CreateConnectAccountRequest): Promise<S.ConnectAccount> {
      if (!user.isFreelancer) throw problems.forbidden('Only freelancers get a Connect account: it is how earnings are paid out.');
      if (await em.findOne(ConnectAccount, { user })) throw problems.alreadyExists('You already have a Connect account.');
      const account = await atStripe(
        'create the Connect account',
        () =>
          stripe.accounts.create(
            {
              type: 'express',
              country: input.country,
              email: user.email ?? undefined,
              business_type: input.business_type ?? 'individual',
              capabilities: { transfers: { requested: true } },
              metadata: { user_id: String(user.id) },
            },
            { idempotencyKey: `connect-account:${user.id}:${input.country}` },
          ),
        { callersFault: true },
      );
      try {
        const created = em.create(ConnectAccount, { user, stripeAccountId: account.id, country: input.country, ...accountState(account) });
        await em.flush();
        return toConnectAccount(created);
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw problems.alreadyExists('You already have a Connect account.');
        throw error;
      }
    },

    async onboardingLink(em: EntityManager, user: User, input: S.CreateOnboardingLinkRequest): Promise<S.OnboardingLink> {
      const account = await em.findOne(ConnectAccount, { user });
      if (!account) throw problems.notFound('You have no Connect account yet: create one with POST /payments/connect/create/.');
      const errors: Record<string, string[]> = {};
      for (const field of ['return_url', 'refresh_url'] as const) {
        if (!frontendOrigins.includes(new URL(input[field]).origin)) errors[field] = [`Must be on an allowed frontend origin: ${frontendOrigins.join(', ')}.`];
      }
      if (Object.keys(errors).length) throw problems.businessRule('Stripe may only send the user back to the frontend.', errors);
      const link = await atStripe('create the onboarding link', () =>
        stripe.accountLinks.create({ account: account.stripeAccountId, return_url: input.return_url, refresh_url: input.refresh_url, type: 'account_onboarding' }),
      );
      return { url: link.url, expires_at: new Date(link.expires_at * 1000).toISOString() };
    },

    /** `account.updated`: the account's state as Stripe now reports it. */
    async applyAccountUpdate(tx: EntityManager, account: Stripe.Account): Promise<void> {
      await tx.nativeUpdate(ConnectAccount, { stripeAccountId: account.id }, accountState(account));
    },

    async paymentMethods(em: EntityManager, user: User): Promise<S.PaymentMethodList> {
      const methods = await em.find(PaymentMethod, { user }, { orderBy: { isDefault: 'desc', id: 'desc' } });
      return { results: methods.map(toPaymentMethod) };
    },

    async addPaymentMethod(em: EntityManager, user: User, input: S.CreatePaymentMethodRequest): Promise<S.PaymentMethod> {
      const duplicate = () => problems.alreadyExists(`The payment method ${input.payment_method_id} is already saved.`);
      if (await em.findOne(PaymentMethod, { user, stripePaymentMethodId: input.payment_method_id })) throw duplicate();
      const customer = await stripeCustomerOf(em, stripe, user);
      const attached = await atStripe('save the card', () => stripe.paymentMethods.attach(input.payment_method_id, { customer }), { callersFault: true });
      if (!attached.card) throw problems.businessRule('Only cards can be saved.', { payment_method_id: ['Must be a card.'] });
      let method: PaymentMethod;
      try {
        method = em.create(PaymentMethod, {
          user,
          stripePaymentMethodId: attached.id,
          brand: attached.card.brand,
          last4: attached.card.last4,
          expMonth: attached.card.exp_month,
          expYear: attached.card.exp_year,
          isDefault: false,
        });
        await em.flush();
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw duplicate();
        throw error;
      }
      const first = (await em.count(PaymentMethod, { user })) === 1;
      if (first || input.set_default) await makeDefault(em, user, method);
      return toPaymentMethod(method);
    },

    async removePaymentMethod(em: EntityManager, user: User, id: number): Promise<void> {
      const method = await ownMethod(em, user, id);
      await atStripe('remove the card', () => stripe.paymentMethods.detach(method.stripePaymentMethodId)).catch((error: unknown) => {
        // Already gone at Stripe: removing it here is all that is left to do.
        if (!(error instanceof Error && /No such|not attached/i.test(error.message))) throw error;
      });
      await em.nativeDelete(PaymentMethod, { id: method.id });
      if (method.isDefault) {
        const next = await em.findOne(PaymentMethod, { user }, { orderBy: { id: 'desc' } });
        if (next) await makeDefault(em, user, next);
      }
    },

    async setDefaultPaymentMethod(em: EntityManager, user: User, id: number): Promise<S.PaymentMethod> {
      const method = await ownMethod(em, user, id);
      await makeDefault(em, user, method);
      return toPaymentMethod(method);
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
