/**
 * The escrow's SQL, shared by the service and the benchmark's bare baseline: an escrow read
 * whole for the API in one statement, an escrow locked for a state change, and the state changes
 * (each with the domain events it causes). Money moves with them through the ledger (ledger.ts).
 */
import type * as S from '../contract/schemas.ts';
import type { SqlQuery } from '../db/sql.ts';
import { feeMinor, fromMinor } from '../lib/money.ts';
import { problems } from '../lib/problem.ts';
import { TASK_SUMMARY_JSON, USER_JSON, taskSummaryFromJson, userSummaryFromJson, type TaskSummaryJson, type UserJson } from '../tasks/task-views.ts';
import type { EscrowStatus } from './payments.entities.ts';
import type { JournalEntryInput } from './ledger.ts';

const VIEW = `
select e.id, e.amount_minor::text as amount_minor, e.platform_fee_minor::text as platform_fee_minor,
  e.freelancer_amount_minor::text as freelancer_amount_minor, e.currency, e.status, e.payment_intent_id,
  e.created_at, e.funded_at, e.released_at, e.refunded_at,
  ${TASK_SUMMARY_JSON('t', 'c', 'u')} as task,
  case when f.id is null then null else ${USER_JSON('f')} end as freelancer
from escrow e
join task t on t.id = e.task_id
join category c on c.id = t.category_id
join app_user u on u.id = e.client_id
left join app_user f on f.id = t.freelancer_id`;

/** Escrow `id` as its client or freelancer `viewerId` sees it (no row for anyone else). */
export function escrowViewQuery(id: number, viewerId: number): SqlQuery {
  return { text: `${VIEW} where e.id = $1 and (e.client_id = $2 or t.freelancer_id = $2)`, values: [id, viewerId] };
}

export type EscrowViewRow = {
  id: number;
  amount_minor: string;
  platform_fee_minor: string | null;
  freelancer_amount_minor: string | null;
  currency: S.Currency;
  status: EscrowStatus;
  payment_intent_id: string;
  created_at: Date | string;
  funded_at: Date | string | null;
  released_at: Date | string | null;
  refunded_at: Date | string | null;
  task: TaskSummaryJson;
  freelancer: UserJson | null;
};

const iso = (value: Date | string | null) => (value == null ? null : new Date(value).toISOString());
const money = (minor: string | null) => (minor == null ? null : fromMinor(Number(minor)));

export function escrowFromRow(row: EscrowViewRow): S.Escrow {
  // The escrow's client is its task's.
  const task = taskSummaryFromJson(row.task);
  return {
    id: row.id,
    task,
    client: task.client,
    freelancer: row.freelancer ? userSummaryFromJson(row.freelancer) : null,
    amount: fromMinor(Number(row.amount_minor)),
    platform_fee: money(row.platform_fee_minor),
    freelancer_amount: money(row.freelancer_amount_minor),
    currency: row.currency,
    status: row.status,
    payment_intent_id: row.payment_intent_id,
    created_at: iso(row.created_at)!,
    funded_at: iso(row.funded_at),
    released_at: iso(row.released_at),
    refunded_at: iso(row.refunded_at),
  };
}

/** What a state change reads of an escrow, its row locked until the transaction ends. */
export type LockedEscrow = {
  id: number;
  status: EscrowStatus;
  amount_minor: string;
  currency: S.Currency;
  payment_intent_id: string;
  client_id: number;
  task_id: number;
  task_status: S.TaskStatus;
  freelancer_id: number | null;
};

const LOCK = `
select e.id, e.status, e.amount_minor::text as amount_minor, e.currency, e.payment_intent_id, e.client_id, e.task_id,
       t.status as task_status, t.freelancer_id
  from escrow e join task t on t.id = e.task_id`;

export function lockEscrowQuery(id: number): SqlQuery {
  return { text: `${LOCK} where e.id = $1 for update of e`, values: [id] };
}

/** The live (pending or funded) escrow of a task, locked. */
export function lockLiveEscrowOfTaskQuery(taskId: number): SqlQuery {
  return { text: `${LOCK} where e.task_id = $1 and e.status in ('pending_payment', 'funded') for update of e`, values: [taskId] };
}

/** The escrow for one of its parties, to change it as `userId`: 404 for others, 403 for the freelancer. */
export function requireClientOf(escrow: LockedEscrow | undefined, id: number, userId: number, action: string): LockedEscrow {
  if (!escrow || (escrow.client_id !== userId && escrow.freelancer_id !== userId)) throw problems.notFound(`There is no escrow ${id}.`);
  if (escrow.client_id !== userId) throw problems.forbidden(`Only the task's client can ${action} its escrow.`);
  return escrow;
}

/** Why a release is refused, if it is: it takes a funded escrow of a completed task. */
export function checkReleasable(escrow: LockedEscrow): void {
  if (escrow.status !== 'funded') throw problems.invalidState(`Escrow ${escrow.id} is ${escrow.status}; only a funded escrow can be released.`);
  if (escrow.task_status !== 'completed') {
    throw problems.invalidState(`Task ${escrow.task_id} is ${escrow.task_status}; the escrow is released once the task is completed.`);
  }
}

/** The release's journal entry: the escrow to the freelancer's wallet, the fee from it to the platform. */
export function releaseEntry(escrow: LockedEscrow, fee: number): JournalEntryInput {
  const amount = Number(escrow.amount_minor);
  const freelancerId = escrow.freelancer_id!;
  return {
    kind: 'release',
    currency: escrow.currency,
    reference: `escrow:${escrow.id}`,
    taskId: escrow.task_id,
    lines: [
      { account: { kind: 'escrow', taskId: escrow.task_id }, amountMinor: -amount },
      { account: { kind: 'freelancer_available', userId: freelancerId }, amountMinor: amount },
      ...(fee
        ? [
            { account: { kind: 'freelancer_available' as const, userId: freelancerId }, amountMinor: -fee },
            { account: { kind: 'platform_fees' as const }, amountMinor: fee },
          ]
        : []),
    ],
  };
}

/** The refund's journal entry: the escrow back to the client (the money leaves through Stripe's refund). */
export function refundEntry(escrow: LockedEscrow): JournalEntryInput {
  const amount = Number(escrow.amount_minor);
  return {
    kind: 'refund',
    currency: escrow.currency,
    reference: `escrow:${escrow.id}`,
    taskId: escrow.task_id,
    lines: [
      { account: { kind: 'escrow', taskId: escrow.task_id }, amountMinor: -amount },
      { account: { kind: 'refunds', userId: escrow.client_id }, amountMinor: amount },
    ],
  };
}

export function releaseFee(escrow: LockedEscrow, feeBasisPoints: number): number {
  return feeMinor(Number(escrow.amount_minor), feeBasisPoints);
}

/** Marks a locked, funded escrow released and tells the freelancer (`payment_released`). */
export function markReleasedStatement(escrow: LockedEscrow, fee: number, actorId: number | null, at: Date): SqlQuery {
  const net = Number(escrow.amount_minor) - fee;
  const payload = { escrow_id: escrow.id, task_id: escrow.task_id, amount: fromMinor(net), currency: escrow.currency };
  return {
    text: `with released as (
             update escrow set status = 'released', platform_fee_minor = $2, freelancer_amount_minor = $3, released_at = $4, updated_at = $4
              where id = $1 and status = 'funded' returning id
           )
           insert into domain_event (type, recipient_id, actor_id, payload, occurred_at)
           select 'payment_released', $5, $6, $7::jsonb, $4 from released`,
    values: [escrow.id, fee, net, at, escrow.freelancer_id, actorId, JSON.stringify(payload)],
  };
}

/** Marks a locked, funded escrow refunded and tells the client and the freelancer, if any (`payment_refunded`). */
export function markRefundedStatement(escrow: LockedEscrow, refund: { id: string; reason: string }, actorId: number, at: Date): SqlQuery {
  const payload = { escrow_id: escrow.id, task_id: escrow.task_id, amount: fromMinor(Number(escrow.amount_minor)), currency: escrow.currency, reason: refund.reason };
  return {
    text: `with refunded as (
             update escrow set status = 'refunded', refund_id = $2, refund_reason = $3, refunded_at = $4, updated_at = $4
              where id = $1 and status = 'funded' returning id
           )
           insert into domain_event (type, recipient_id, actor_id, payload, occurred_at)
           select 'payment_refunded', recipient, $7, $8::jsonb, $4 from refunded, unnest(array_remove(array[$5::int, $6::int], null)) as recipient`,
    values: [escrow.id, refund.id, refund.reason, at, escrow.client_id, escrow.freelancer_id, actorId, JSON.stringify(payload)],
  };
}
