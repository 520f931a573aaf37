/**
 * The wallet as the API shows it, read from the ledger: the balances in one statement (shared with
 * the benchmark's bare baseline): the available balance, what funded escrows of the user's tasks
 * hold for them, what releases brought in after fees, and what left through withdrawals; and the
 * wallet transactions, one per line of the user's available-balance account.
 */
import type * as S from '../contract/schemas.ts';
import type { SqlQuery } from '../db/sql.ts';
import { fromMinor } from '../lib/money.ts';

/** The platform currency the wallet reports in. */
export const WALLET_CURRENCY = 'usd';

export function walletQuery(userId: number, currency: string): SqlQuery {
  return {
    text: `select
        (select coalesce(sum(balance_minor), 0) from ledger_account where kind = 'freelancer_available' and user_id = $1 and currency = $2)::text as balance,
        (select coalesce(sum(a.balance_minor), 0) from ledger_account a join task t on t.id = a.task_id
          where a.kind = 'escrow' and a.currency = $2 and t.freelancer_id = $1)::text as pending,
        coalesce(sum(l.amount_minor) filter (where e.kind = 'release'), 0)::text as earned,
        coalesce(-sum(l.amount_minor) filter (where e.kind in ('withdrawal', 'withdrawal_reversal')), 0)::text as withdrawn,
        max(e.created_at) as updated_at
      from ledger_account a
      join journal_line l on l.account_id = a.id
      join journal_entry e on e.id = l.entry_id
      where a.kind = 'freelancer_available' and a.user_id = $1 and a.currency = $2`,
    values: [userId, currency],
  };
}

export type WalletRow = { balance: string; pending: string; earned: string; withdrawn: string; updated_at: Date | string | null };

export function walletFromRow(row: WalletRow, currency: S.Currency, now: Date): S.Wallet {
  return {
    balance: fromMinor(Number(row.balance)),
    pending_balance: fromMinor(Number(row.pending)),
    currency,
    total_earned: fromMinor(Number(row.earned)),
    total_withdrawn: fromMinor(Number(row.withdrawn)),
    updated_at: (row.updated_at ? new Date(row.updated_at) : now).toISOString(),
  };
}

/**
 * The lines of a user's available-balance accounts as wallet transactions: a release's credit
 * and its fee, withdrawals and their reversals, with the balance after each.
 */
export const WALLET_LINES = `
  with lines as (
    select l.id, l.amount_minor, l.currency, e.reference, e.task_id, e.created_at,
           case when e.kind = 'release' and l.amount_minor > 0 then 'escrow_release'
                when e.kind = 'release' then 'platform_fee'
                else e.kind end as type,
           sum(l.amount_minor) over (partition by l.account_id order by l.id) as balance_after
      from ledger_account a
      join journal_line l on l.account_id = a.id
      join journal_entry e on e.id = l.entry_id
     where a.kind = 'freelancer_available' and a.user_id = $1
  ), chosen as (
    select * from lines
     where ($2::text is null or type = $2)
       and ($3::timestamptz is null or created_at >= $3)
       and ($4::timestamptz is null or created_at <= $4)
  )`;

export type WalletLineRow = {
  id: string;
  amount_minor: string;
  currency: S.Currency;
  reference: string | null;
  task_id: number | null;
  created_at: Date;
  type: S.WalletTransactionType;
  balance_after: string;
  title: string | null;
};

export function walletTransactionFromRow(row: WalletLineRow, feePercent: string): S.WalletTransaction {
  const [kind, id] = (row.reference ?? '').split(':');
  const escrowId = kind === 'escrow' ? Number(id) : null;
  const withdrawalId = kind === 'withdrawal' ? Number(id) : null;
  const amount = Number(row.amount_minor);
  const descriptions: Record<S.WalletTransactionType, string> = {
    escrow_release: `Payment for task ${row.task_id}: ${row.title ?? ''}`.trim(),
    platform_fee: `Platform fee (${feePercent}%) for task ${row.task_id}`,
    withdrawal: `Withdrawal ${withdrawalId}`,
    withdrawal_reversal: `Withdrawal ${withdrawalId} failed: the amount is back in the wallet`,
    refund: 'Refund',
    adjustment: 'Adjustment',
  };
  return {
    id: Number(row.id),
    type: row.type,
    amount: `${amount < 0 ? '-' : ''}${fromMinor(Math.abs(amount))}`,
    currency: row.currency,
    balance_after: fromMinor(Number(row.balance_after)),
    description: descriptions[row.type],
    escrow_id: escrowId,
    withdrawal_id: withdrawalId,
    created_at: new Date(row.created_at).toISOString(),
  };
}
