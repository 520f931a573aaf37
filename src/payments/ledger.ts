/**
 * The double-entry ledger, the only source of balances. Every movement of money is one journal
 * entry whose lines sum to zero per currency; each line adds its amount to one account's balance.
 * PostgreSQL keeps the rules whatever the code does (the ledger migration): an entry that does
 * not balance is refused at commit, a balance that would go below zero is refused at once, and
 * nothing written is ever changed or deleted. Its tables are read and written by these
 * statements only (MikroORM's schema diff skips them).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { querySql, type SqlQuery } from '../db/sql.ts';

export const LEDGER_TABLES = ['ledger_account', 'journal_entry', 'journal_line'] as const;

/**
 * Where money is. `client_funding` is the outside world a client pays from: the only account that
 * goes below zero (by what its owner has paid in).
 */
export const LEDGER_ACCOUNT_KINDS = [
  'client_funding',
  'escrow',
  'freelancer_available',
  'freelancer_pending_withdrawal',
  'platform_fees',
  'payouts',
  'refunds',
] as const;
export type LedgerAccountKind = (typeof LEDGER_ACCOUNT_KINDS)[number];

export const JOURNAL_ENTRY_KINDS = ['funding', 'release', 'refund', 'withdrawal', 'payout', 'withdrawal_reversal'] as const;
export type JournalEntryKind = (typeof JOURNAL_ENTRY_KINDS)[number];

/** An account: its kind, and whose it is (a user's, a task's, or the platform's with neither). */
export type LedgerAccountRef = { kind: LedgerAccountKind; userId?: number; taskId?: number };
/** Added to the account's balance: positive in, negative out, never zero. Integer minor units. */
export type LedgerLine = { account: LedgerAccountRef; amountMinor: number };

export type JournalEntryInput = {
  kind: JournalEntryKind;
  currency: string;
  lines: LedgerLine[];
  /** What the entry answers to (a PaymentIntent, a payout …): a kind and reference post once. */
  reference?: string;
  taskId?: number;
};

const accountKey = (account: LedgerAccountRef) => `${account.kind}/${account.userId ?? 0}/${account.taskId ?? 0}`;

/** Runs one SQL statement in the caller's transaction and returns its rows. */
export type SqlRunner = <Row>(query: SqlQuery) => Promise<Row[]>;

/**
 * Posts an entry through `run`, whose transaction must be open (the balance is checked at its
 * commit). The statements are the service's and the benchmark baseline's alike. Returns the
 * entry's id, or null when an entry of this kind and reference was already posted.
 */
export async function postJournalEntry(run: SqlRunner, entry: JournalEntryInput): Promise<number | null> {
  for (const line of entry.lines) {
    if (!Number.isSafeInteger(line.amountMinor) || line.amountMinor === 0) throw new Error(`not a ledger amount: ${line.amountMinor}`);
  }
  // Accounts in one order, so that two entries touching the same ones lock them alike.
  const accounts = [...new Map(entry.lines.map((line) => [accountKey(line.account), line.account])).values()].sort((a, b) =>
    accountKey(a).localeCompare(accountKey(b)),
  );
  const ids = await run<{ id: number; kind: string; user_id: number | null; task_id: number | null }>({
    text: `insert into ledger_account (kind, user_id, task_id, currency)
           select kind, nullif(user_id, 0), nullif(task_id, 0), $4 from unnest($1::text[], $2::int[], $3::int[]) as a(kind, user_id, task_id)
           on conflict (kind, coalesce(user_id, 0), coalesce(task_id, 0), currency) do update set kind = excluded.kind
           returning id, kind, user_id, task_id`,
    values: [accounts.map((a) => a.kind), accounts.map((a) => a.userId ?? 0), accounts.map((a) => a.taskId ?? 0), entry.currency],
  });
  const idOf = new Map(ids.map((row) => [accountKey({ kind: row.kind as LedgerAccountKind, userId: row.user_id ?? undefined, taskId: row.task_id ?? undefined }), row.id]));
  const lines = entry.lines
    .map((line) => ({ accountId: idOf.get(accountKey(line.account))!, amountMinor: line.amountMinor }))
    .sort((a, b) => a.accountId - b.accountId);
  const [posted] = await run<{ id: number | null }>({
    text: `with entry as (
             insert into journal_entry (kind, reference, task_id) values ($1, $2, $3)
             on conflict (kind, reference) where reference is not null do nothing
             returning id
           ), lines as (
             insert into journal_line (entry_id, account_id, currency, amount_minor)
             select entry.id, line.account_id, $4, line.amount_minor
               from entry, unnest($5::int[], $6::bigint[]) with ordinality as line(account_id, amount_minor, position)
              order by line.position
           )
           select (select id from entry)::bigint as id`,
    values: [entry.kind, entry.reference ?? null, entry.taskId ?? null, entry.currency, lines.map((l) => l.accountId), lines.map((l) => l.amountMinor)],
  });
  return posted?.id == null ? null : Number(posted.id);
}

/** Posts an entry in `em`'s transaction (which must be open). */
export async function postEntry(em: EntityManager, entry: JournalEntryInput): Promise<number | null> {
  if (!em.getTransactionContext()) throw new Error(`postEntry(${entry.kind}) outside a transaction`);
  return postJournalEntry((query) => querySql(em, query), entry);
}

/** The balances of a user's accounts in a currency, by kind (0 for an account never used). */
export async function userBalances(em: EntityManager, userId: number, currency: string): Promise<Record<LedgerAccountKind, number>> {
  const rows = await querySql<{ kind: LedgerAccountKind; balance_minor: string }>(em, {
    text: `select kind, balance_minor::text from ledger_account where user_id = $1 and currency = $2`,
    values: [userId, currency],
  });
  const balances = Object.fromEntries(LEDGER_ACCOUNT_KINDS.map((kind) => [kind, 0])) as Record<LedgerAccountKind, number>;
  for (const row of rows) balances[row.kind] = Number(row.balance_minor);
  return balances;
}
