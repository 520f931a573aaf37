/**
 * The ledger's rules hold in PostgreSQL itself, whatever the code does: an entry that does not
 * balance per currency is refused at commit and leaves nothing; a balance below zero is refused
 * (the outside world's funding account excepted); what is written never changes; an external
 * event posts once. A generated sequence of movements (fast-check) keeps every invariant.
 */
import fc from 'fast-check';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEntry, userBalances, type LedgerLine } from '../../src/payments/ledger.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ workers: false, seed: true });
});
afterAll(async () => {
  await t?.close();
});

// Demo users: sara (1) and omar (3) are clients, freelancer_user (2) and dev_maria (4) freelancers; task 42 is sara's.
const SARA = 1;
const LINA = 2;
const TASK = 42;

const sql = <T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> => t.orm.em.fork().getConnection().execute(text, values);
const inTransaction = <T>(work: (tx: EntityManager) => Promise<T>): Promise<T> => t.orm.em.fork().transactional(work);

const fund = (amountMinor: number): LedgerLine[] => [
  { account: { kind: 'client_funding', userId: SARA }, amountMinor: -amountMinor },
  { account: { kind: 'escrow', taskId: TASK }, amountMinor },
];

async function ledgerCounts() {
  const [row] = await sql<{ entries: number; lines: number }>(`select (select count(*)::int from journal_entry) as entries, (select count(*)::int from journal_line) as lines`);
  return row!;
}

describe('the ledger', () => {
  it('posts a balanced entry and moves the balances with it', async () => {
    await inTransaction((tx) => postEntry(tx, { kind: 'funding', currency: 'usd', taskId: TASK, lines: fund(30_000) }));
    await inTransaction((tx) =>
      postEntry(tx, {
        kind: 'release',
        currency: 'usd',
        taskId: TASK,
        lines: [
          { account: { kind: 'escrow', taskId: TASK }, amountMinor: -30_000 },
          { account: { kind: 'freelancer_available', userId: LINA }, amountMinor: 27_000 },
          { account: { kind: 'platform_fees' }, amountMinor: 3_000 },
        ],
      }),
    );
    const [escrow] = await sql<{ balance_minor: string }>(`select balance_minor from ledger_account where kind = 'escrow' and task_id = ?`, [TASK]);
    expect(Number(escrow!.balance_minor)).toBe(0);
    expect((await inTransaction((tx) => userBalances(tx, LINA, 'usd'))).freelancer_available).toBe(27_000);
    expect((await inTransaction((tx) => userBalances(tx, SARA, 'usd'))).client_funding).toBe(-30_000);
  });

  it('refuses at commit an entry that does not balance, and keeps nothing of it', async () => {
    const before = await ledgerCounts();
    await expect(
      inTransaction((tx) =>
        postEntry(tx, { kind: 'funding', currency: 'usd', lines: [{ account: { kind: 'client_funding', userId: SARA }, amountMinor: -100 }, { account: { kind: 'escrow', taskId: TASK }, amountMinor: 99 }] }),
      ),
    ).rejects.toThrow(/does not balance/);
    expect(await ledgerCounts()).toEqual(before);
  });

  it('refuses lines written around the code too, and one currency paying for another', async () => {
    const [account] = await sql<{ id: number; currency: string }>(`select id, currency from ledger_account where kind = 'escrow' and task_id = ?`, [TASK]);
    await expect(
      inTransaction(async (tx) => {
        const [entry] = await tx.getConnection().execute(`insert into journal_entry (kind) values ('funding') returning id`, [], 'all', tx.getTransactionContext());
        await tx.getConnection().execute(`insert into journal_line (entry_id, account_id, currency, amount_minor) values (?, ?, 'usd', 500)`, [entry!.id, account!.id], 'all', tx.getTransactionContext());
      }),
    ).rejects.toThrow(/does not balance/);
    // A line in a currency its account is not in (the escrow is in dollars).
    expect(account!.currency).toBe('usd');
    await expect(
      inTransaction(async (tx) => {
        const [entry] = await tx.getConnection().execute(`insert into journal_entry (kind) values ('funding') returning id`, [], 'all', tx.getTransactionContext());
        await tx.getConnection().execute(`insert into journal_line (entry_id, account_id, currency, amount_minor) values (?, ?, 'eur', 500)`, [entry!.id, account!.id], 'all', tx.getTransactionContext());
      }),
    ).rejects.toThrow(/of another currency/);
    // Dollars do not balance euros: +5.00 of escrow in dollars against -5.00 of funding in euros.
    await expect(
      inTransaction(async (tx) => {
        await postEntry(tx, { kind: 'funding', currency: 'eur', lines: fund(100) });
        const run = (text: string, values: unknown[] = []) => tx.getConnection().execute(text, values, 'all', tx.getTransactionContext());
        const [euros] = await run(`select id from ledger_account where kind = 'client_funding' and user_id = ? and currency = 'eur'`, [SARA]);
        const [entry] = await run(`insert into journal_entry (kind) values ('funding') returning id`);
        await run(`insert into journal_line (entry_id, account_id, currency, amount_minor) values (?, ?, 'usd', 500), (?, ?, 'eur', -500)`, [entry!.id, account!.id, entry!.id, euros!.id]);
      }),
    ).rejects.toThrow(/does not balance/);
  });

  it('refuses a balance below zero at once, except the outside world’s funding account', async () => {
    const before = await ledgerCounts();
    await expect(
      inTransaction((tx) =>
        postEntry(tx, {
          kind: 'withdrawal',
          currency: 'usd',
          lines: [
            { account: { kind: 'freelancer_available', userId: LINA }, amountMinor: -27_001 },
            { account: { kind: 'freelancer_pending_withdrawal', userId: LINA }, amountMinor: 27_001 },
          ],
        }),
      ),
    ).rejects.toThrow(/ledger_account_not_negative/);
    expect(await ledgerCounts()).toEqual(before);
  });

  it('never changes what is written: lines, entries and balances move only by new lines', async () => {
    for (const statement of [
      `update journal_line set amount_minor = amount_minor * 2`,
      `delete from journal_line`,
      `update journal_entry set kind = 'refund'`,
      `delete from journal_entry`,
      `update ledger_account set balance_minor = 1000000`,
      `delete from ledger_account`,
    ]) {
      await expect(sql(statement), statement).rejects.toThrow(/append-only|change only through journal lines/);
    }
  });

  it('posts an external event once: the same kind and reference again is a no-op', async () => {
    const first = await inTransaction((tx) => postEntry(tx, { kind: 'funding', currency: 'usd', reference: 'pi_once', lines: fund(1_000) }));
    const again = await inTransaction((tx) => postEntry(tx, { kind: 'funding', currency: 'usd', reference: 'pi_once', lines: fund(1_000) }));
    expect(first).toEqual(expect.any(Number));
    expect(again).toBeNull();
    const [row] = await sql<{ n: number }>(`select count(*)::int as n from journal_entry where reference = 'pi_once'`);
    expect(row!.n).toBe(1);
  });
});

describe('any sequence of movements', () => {
  it('keeps every entry balanced, every account at the sum of its lines, and no wallet below zero', async () => {
    type Move = { from: LedgerLine['account']; to: LedgerLine['account']; amountMinor: number };
    const accounts: LedgerLine['account'][] = [
      { kind: 'client_funding', userId: 3 },
      { kind: 'escrow', taskId: 31 },
      { kind: 'freelancer_available', userId: 4 },
      { kind: 'freelancer_pending_withdrawal', userId: 4 },
      { kind: 'platform_fees' },
      { kind: 'payouts', userId: 4 },
      { kind: 'refunds', userId: 3 },
    ];
    const move = fc.record({
      from: fc.constantFrom(...accounts),
      to: fc.constantFrom(...accounts),
      amountMinor: fc.integer({ min: 1, max: 50_000 }),
      currency: fc.constantFrom('usd', 'eur'),
    }).filter((m: Move) => m.from !== m.to);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 1, maxLength: 12 }), async (moves) => {
        for (const m of moves) {
          // A move the rules refuse (a wallet below zero) must leave nothing; any other must post.
          await inTransaction((tx) =>
            postEntry(tx, { kind: 'funding', currency: m.currency, lines: [{ account: m.from, amountMinor: -m.amountMinor }, { account: m.to, amountMinor: m.amountMinor }] }),
          ).catch((error: Error) => {
            if (!/ledger_account_not_negative/.test(error.message)) throw error;
            refused += 1;
          });
        }
        const unbalanced = await sql(`select entry_id from journal_line group by entry_id, currency having sum(amount_minor) <> 0`);
        const drifted = await sql(
          `select a.id from ledger_account a left join journal_line l on l.account_id = a.id group by a.id having a.balance_minor <> coalesce(sum(l.amount_minor), 0)`,
        );
        const negative = await sql(`select id from ledger_account where kind <> 'client_funding' and balance_minor < 0`);
        expect({ unbalanced, drifted, negative }).toEqual({ unbalanced: [], drifted: [], negative: [] });
      }),
      { numRuns: 25 },
    );
    // The sequences did meet the rule, not only moves it allows.
    expect(refused).toBeGreaterThan(0);
  });
});
