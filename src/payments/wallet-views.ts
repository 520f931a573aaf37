/**
 * The wallet as the API shows it, read from the ledger in one statement (shared with the
 * benchmark's bare baseline): the available balance, what funded escrows of the user's tasks
 * hold for them, what releases brought in after fees, and what left through withdrawals.
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
