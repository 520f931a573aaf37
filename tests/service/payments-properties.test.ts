/**
 * Random sequences of payment operations and webhook deliveries, on the real service and the
 * local Stripe: funding with good and declined cards, completion, release, refund, cancellation,
 * withdrawals (some payouts fail), and redeliveries of any event seen so far, duplicated and out
 * of order. Whatever the sequence, the service never answers 5xx, every journal entry balances,
 * no balance goes negative, no escrow is funded or paid out twice, and the ledger agrees with the
 * escrows' and withdrawals' states.
 */
import fc from 'fast-check';
import Stripe from 'stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { querySql } from '../../src/db/sql.ts';
import { caller, newUser } from '../support/http.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
const sql = <Row>(text: string, values: unknown[] = []) => querySql<Row>(t.orm.em.fork(), { text, values });

beforeAll(async () => {
  t = await startTestApp({ seed: true, payoutDelayMs: 5 });
  call = caller(t);
});
afterAll(async () => {
  await t?.close();
});

const COMMANDS = ['fund', 'fundDeclined', 'complete', 'release', 'refund', 'cancel', 'withdraw', 'redeliver', 'redeliverTwice'] as const;
type Command = { name: (typeof COMMANDS)[number]; pick: number };

async function invariants(): Promise<void> {
  expect(await sql(`select entry_id, currency from journal_line group by entry_id, currency having sum(amount_minor) <> 0`)).toEqual([]);
  expect(await sql(`select id from ledger_account where kind <> 'client_funding' and balance_minor < 0`)).toEqual([]);
  // An escrow is funded once and leaves escrow once.
  expect(await sql(`select reference from journal_entry where kind = 'funding' group by reference having count(*) > 1`)).toEqual([]);
  expect(await sql(`select reference from journal_entry where kind in ('release', 'refund') group by reference having count(*) > 1`)).toEqual([]);
  // The ledger agrees with the states: a task's escrow account holds exactly its funded escrow.
  expect(
    await sql(`select t.id from task t
                 left join ledger_account a on a.kind = 'escrow' and a.task_id = t.id
                 left join escrow e on e.task_id = t.id and e.status = 'funded'
                where coalesce(a.balance_minor, 0) <> coalesce(e.amount_minor, 0)`),
  ).toEqual([]);
  expect(
    await sql(`select e.id from escrow e where (e.status in ('funded', 'released', 'refunded')) <> exists (select 1 from journal_entry j where j.kind = 'funding' and j.reference = e.payment_intent_id)`),
  ).toEqual([]);
  // Money on its way out is exactly the withdrawals not settled yet.
  expect(
    await sql(`select w.user_id from withdrawal w
                 join ledger_account a on a.kind = 'freelancer_pending_withdrawal' and a.user_id = w.user_id and a.currency = w.currency
                group by w.user_id, a.balance_minor
               having a.balance_minor <> coalesce(sum(w.amount_minor) filter (where w.status in ('pending', 'processing')), 0)`),
  ).toEqual([]);
}

it('no sequence of operations and deliveries breaks the ledger', async () => {
  const command = fc.record({ name: fc.constantFrom(...COMMANDS), pick: fc.nat() });
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 14 }), fc.boolean(), async (commands: Command[], payoutsFail: boolean) => {
      const register = async (roles: { is_client: boolean; is_freelancer: boolean }, email?: string) => {
        const body = newUser({ ...roles, ...(email ? { email } : {}) });
        return (await call('POST', '/auth/register/', { body })).body.access as string;
      };
      const client = await register({ is_client: true, is_freelancer: false });
      const freelancer = await register({ is_client: false, is_freelancer: true }, payoutsFail ? `p+payout_fails_${Math.random().toString(36).slice(2)}@example.com` : undefined);
      await call('POST', '/payments/connect/create/', { token: freelancer, body: { country: 'US' } });
      const link = await call('POST', '/payments/connect/onboarding/', { token: freelancer, body: { return_url: 'http://app.taskmarket.test/a', refresh_url: 'http://app.taskmarket.test/b' } });
      await fetch(link.body.url, { redirect: 'manual' });

      const tasks: number[] = [];
      for (const bid of ['60.00', '85.50']) {
        const task = await call('POST', '/tasks/create/', {
          token: client,
          body: { title: 'Translate a short guide', description: 'Translate a twelve-page user guide from English to French.', category: 5, budget: '100.00', currency: 'usd', skills: [11], remote: true },
        });
        const applied = await call('POST', `/tasks/${task.body.id}/apply/`, { token: freelancer, body: { proposal: 'Native speaker.', bid_amount: bid } });
        await call('POST', `/tasks/applications/${applied.body.application_id}/accept/`, { token: client });
        tasks.push(task.body.id);
      }
      const escrowOf = async (taskId: number) => (await sql<{ id: number }>(`select id from escrow where task_id = $1 order by id desc limit 1`, [taskId]))[0]?.id;

      const statuses: number[] = [];
      for (const { name, pick } of commands) {
        const taskId = tasks[pick % tasks.length]!;
        const escrowId = await escrowOf(taskId);
        switch (name) {
          case 'fund':
          case 'fundDeclined': {
            const task = (await call('GET', `/tasks/${taskId}/`)).body;
            const bid = (await sql<{ bid: string }>(`select bid_minor::text as bid from task_application where id = $1`, [task.accepted_application_id]))[0]!.bid;
            const amount = `${Math.trunc(Number(bid) / 100)}.${String(Number(bid) % 100).padStart(2, '0')}`;
            const intent = await call('POST', '/payments/intents/create/', { token: client, body: { task_id: taskId, amount, currency: 'usd' } });
            statuses.push(intent.status);
            if (intent.status === 201) {
              const card = name === 'fund' ? 'pm_card_visa' : 'pm_card_chargeDeclined';
              await t.stripe.client.paymentIntents.confirm(intent.body.intent_id, { payment_method: card }).catch((error: unknown) => {
                if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
              });
            }
            break;
          }
          case 'complete':
            statuses.push((await call('POST', `/tasks/${taskId}/complete/`, { token: client })).status);
            break;
          case 'release':
          case 'refund':
            if (escrowId) statuses.push((await call('POST', `/payments/escrow/${escrowId}/${name}/`, { token: client })).status);
            break;
          case 'cancel':
            statuses.push((await call('POST', `/tasks/${taskId}/cancel/`, { token: client })).status);
            break;
          case 'withdraw':
            statuses.push((await call('POST', '/payments/withdrawals/create/', { token: freelancer, body: { amount: pick % 2 ? '50.00' : '76.95', currency: 'usd' } })).status);
            break;
          case 'redeliver':
          case 'redeliverTwice': {
            const events = t.stripeEmulator.events;
            if (!events.length) break;
            const payload = JSON.stringify(events[pick % events.length]);
            const post = () =>
              t.fetch('/api/payments/webhooks/stripe/', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'Stripe-Signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: t.config.STRIPE_WEBHOOK_SECRET! }) },
                body: payload,
              });
            const answers = await Promise.all(name === 'redeliver' ? [post()] : [post(), post()]);
            statuses.push(...answers.map((answer) => answer.status));
            break;
          }
        }
        await t.stripeEmulator.settled();
      }
      expect(statuses.filter((status) => status >= 500)).toEqual([]);
      // Payouts settle in the background: wait for them before judging.
      for (let i = 0; i < 100 && (await sql(`select 1 from withdrawal where status in ('pending', 'processing')`)).length; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await t.stripeEmulator.settled();
      }
      await invariants();
    }),
    { numRuns: 25 },
  );
});
