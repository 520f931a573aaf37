/**
 * What Payments keeps besides the ledger (ledger.ts): escrows, withdrawals, the Stripe objects of
 * each user (customer, cards, Connect account), the webhook events already applied, and the
 * answers remembered for idempotency keys. Amounts are integer minor units.
 */
import { defineEntity, p } from '@mikro-orm/core';
import { CURRENCIES, User } from '../auth/auth.entities.ts';
import { baseProperties } from '../db/base-properties.ts';
import { Task } from '../tasks/tasks.entities.ts';

export const ESCROW_STATUSES = ['pending_payment', 'funded', 'released', 'refunded', 'cancelled'] as const;
export type EscrowStatus = (typeof ESCROW_STATUSES)[number];

const EscrowSchema = defineEntity({
  name: 'Escrow',
  properties: {
    ...baseProperties,
    task: () => p.manyToOne(Task).index(),
    client: () => p.manyToOne(User).index(),
    amountMinor: p.bigint('number'),
    currency: p.enum(CURRENCIES),
    status: p.enum(ESCROW_STATUSES).default('pending_payment'),
    paymentIntentId: p.string().length(255).unique(),
    platformFeeMinor: p.bigint('number').nullable(),
    freelancerAmountMinor: p.bigint('number').nullable(),
    fundedAt: p.datetime().nullable(),
    releasedAt: p.datetime().nullable(),
    refundedAt: p.datetime().nullable(),
    cancelledAt: p.datetime().nullable(),
    refundId: p.string().length(255).nullable(),
    refundReason: p.string().length(40).nullable(),
  },
  indexes: [
    // Auto-release looks for funded escrows.
    { name: 'escrow_funded_index', expression: `create index "escrow_funded_index" on "escrow" ("task_id") where "status" = 'funded'` },
  ],
  uniques: [
    // A task holds at most one live escrow: a second funding is refused by the database too.
    {
      name: 'escrow_live_per_task',
      expression: `create unique index "escrow_live_per_task" on "escrow" ("task_id") where "status" in ('pending_payment', 'funded')`,
    },
  ],
});
export class Escrow extends EscrowSchema.class {}
EscrowSchema.setClass(Escrow);

export const WITHDRAWAL_STATUSES = ['pending', 'processing', 'paid', 'failed'] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];

const WithdrawalSchema = defineEntity({
  name: 'Withdrawal',
  properties: {
    ...baseProperties,
    user: () => p.manyToOne(User).index(),
    amountMinor: p.bigint('number'),
    currency: p.enum(CURRENCIES),
    status: p.enum(WITHDRAWAL_STATUSES).default('pending'),
    stripeAccountId: p.string().length(255),
    stripeTransferId: p.string().length(255).nullable(),
    stripePayoutId: p.string().length(255).nullable().unique(),
    failureReason: p.text().nullable(),
    processedAt: p.datetime().nullable(),
  },
});
export class Withdrawal extends WithdrawalSchema.class {}
WithdrawalSchema.setClass(Withdrawal);

const ConnectAccountSchema = defineEntity({
  name: 'ConnectAccount',
  properties: {
    ...baseProperties,
    user: () => p.oneToOne(User).owner().unique(),
    stripeAccountId: p.string().length(255).unique(),
    country: p.string().length(2),
    chargesEnabled: p.boolean().default(false),
    payoutsEnabled: p.boolean().default(false),
    detailsSubmitted: p.boolean().default(false),
    requirementsDue: p.json<string[]>(),
  },
});
export class ConnectAccount extends ConnectAccountSchema.class {}
ConnectAccountSchema.setClass(ConnectAccount);

const PaymentCustomerSchema = defineEntity({
  name: 'PaymentCustomer',
  properties: {
    ...baseProperties,
    user: () => p.oneToOne(User).owner().unique(),
    stripeCustomerId: p.string().length(255).unique(),
  },
});
export class PaymentCustomer extends PaymentCustomerSchema.class {}
PaymentCustomerSchema.setClass(PaymentCustomer);

const PaymentMethodSchema = defineEntity({
  name: 'PaymentMethod',
  properties: {
    ...baseProperties,
    user: () => p.manyToOne(User),
    stripePaymentMethodId: p.string().length(255),
    brand: p.string().length(40),
    last4: p.string().length(4),
    expMonth: p.integer(),
    expYear: p.integer(),
    isDefault: p.boolean().default(false),
  },
  uniques: [
    { properties: ['user', 'stripePaymentMethodId'] },
    {
      name: 'payment_method_one_default',
      expression: `create unique index "payment_method_one_default" on "payment_method" ("user_id") where "is_default"`,
    },
  ],
});
export class PaymentMethod extends PaymentMethodSchema.class {}
PaymentMethodSchema.setClass(PaymentMethod);

/** A Stripe event applied: stored in the transaction of its effect, so it applies once. */
const StripeEventSchema = defineEntity({
  name: 'StripeEvent',
  properties: {
    id: p.string().length(255).primary(),
    type: p.string().length(100),
    receivedAt: p.datetime().onCreate(() => new Date()).index(),
  },
});
export class StripeEvent extends StripeEventSchema.class {}
StripeEventSchema.setClass(StripeEvent);

/** The first answer to a money-moving request, replayed for a retry with the same key. */
const IdempotencyKeySchema = defineEntity({
  name: 'IdempotencyKey',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    userId: p.integer(),
    key: p.string().length(255),
    operation: p.string().length(60),
    requestHash: p.string().length(64),
    responseStatus: p.integer().nullable(),
    responseBody: p.json<unknown>().nullable(),
    createdAt: p.datetime().index(),
  },
  uniques: [{ properties: ['userId', 'key'] }],
});
export class IdempotencyKey extends IdempotencyKeySchema.class {}
IdempotencyKeySchema.setClass(IdempotencyKey);

export const paymentsEntities = [
  EscrowSchema,
  WithdrawalSchema,
  ConnectAccountSchema,
  PaymentCustomerSchema,
  PaymentMethodSchema,
  StripeEventSchema,
  IdempotencyKeySchema,
];
