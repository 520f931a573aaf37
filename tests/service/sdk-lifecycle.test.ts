/**
 * A frontend's view: the whole marketplace lifecycle through the typed SDK, driving the real
 * service in-process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '@taskmarket/sdk';
import { newUser } from '../support/http.ts';
import { until } from '../support/until.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the SDK against the real service', () => {
  it('runs a task from posting to mutual reviews', async () => {
    const client = t.client();
    const freelancer = t.client();
    unwrap(await client.POST('/auth/register/', { body: newUser({ is_client: true, is_freelancer: false }) }));
    const me = unwrap(await freelancer.POST('/auth/register/', { body: newUser({ is_client: false, is_freelancer: true }) }));

    const task = unwrap(await client.POST('/tasks/create/', {
      body: { title: 'Integrate our CRM with a REST API', description: 'Sync contacts and deals to billing, nightly and on demand.', category: 3, budget: '200.00', currency: 'usd', skills: [11, 17] },
    }));
    const board = unwrap(await freelancer.GET('/tasks/', { params: { query: { search: 'crm', skills: 'python,rest-apis' } } }));
    expect(board.results.map((entry) => entry.id)).toContain(task.id);

    const application = unwrap(await freelancer.POST('/tasks/{id}/apply/', { params: { path: { id: task.id } }, body: { proposal: 'I can deliver in 3 days', bid_amount: '120.00' } }));
    expect(application).toEqual({ application_id: expect.any(Number), status: 'pending', task_id: task.id });
    const hired = unwrap(await client.POST('/tasks/applications/{id}/accept/', { params: { path: { id: application.application_id } } }));
    expect(hired.task.status).toBe('in_progress');
    unwrap(await client.POST('/tasks/{id}/complete/', { params: { path: { id: task.id } } }));
    unwrap(await client.POST('/tasks/{id}/review/', { params: { path: { id: task.id } }, body: { rating: 5, comment: 'Fast and careful.' } }));
    unwrap(await freelancer.POST('/tasks/{id}/review/', { params: { path: { id: task.id } }, body: { rating: 5 } }));

    const reviews = unwrap(await client.GET('/tasks/users/{username}/reviews/', { params: { path: { username: me.user.username } } }));
    expect(reviews.results[0]).toMatchObject({ rating: 5, comment: 'Fast and careful.' });
    const { error } = await freelancer.POST('/tasks/{id}/apply/', { params: { path: { id: task.id } }, body: { proposal: 'Once more, please', bid_amount: '100.00' } });
    expect(error).toMatchObject({ status: 409, code: 'invalid_state' });
  });

  it('runs the money path: fund, confirm at Stripe, webhook, complete, release, withdraw, payout paid', async () => {
    const client = t.client();
    const freelancer = t.client();
    unwrap(await client.POST('/auth/register/', { body: newUser({ is_client: true, is_freelancer: false }) }));
    unwrap(await freelancer.POST('/auth/register/', { body: newUser({ is_client: false, is_freelancer: true }) }));
    const task = unwrap(await client.POST('/tasks/create/', {
      body: { title: 'Design a logo for a bakery', description: 'A warm, simple logo for a neighbourhood bakery, with two variants.', category: 3, budget: '150.00', currency: 'usd', skills: [11] },
    }));
    const bid = unwrap(await freelancer.POST('/tasks/{id}/apply/', { params: { path: { id: task.id } }, body: { proposal: 'Two drafts by Friday.', bid_amount: '150.00' } }));
    unwrap(await client.POST('/tasks/applications/{id}/accept/', { params: { path: { id: bid.application_id } } }));

    const intent = unwrap(await client.POST('/payments/intents/create/', {
      params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
      body: { task_id: task.id, amount: '150.00', currency: 'usd' },
    }));
    // What Stripe.js does in the browser with the client secret.
    await t.stripe.client.paymentIntents.confirm(intent.intent_id, { payment_method: 'pm_card_visa' });
    await t.stripeEmulator.settled();
    expect(unwrap(await freelancer.GET('/payments/escrow/{id}/', { params: { path: { id: intent.escrow_id } } })).status).toBe('funded');

    unwrap(await client.POST('/tasks/{id}/complete/', { params: { path: { id: task.id } } }));
    const released = unwrap(await client.POST('/payments/escrow/{id}/release/', { params: { path: { id: intent.escrow_id } } }));
    expect(released).toMatchObject({ status: 'released', platform_fee: '15.00', freelancer_amount: '135.00' });

    unwrap(await freelancer.POST('/payments/connect/create/', { body: { country: 'US' } }));
    const link = unwrap(await freelancer.POST('/payments/connect/onboarding/', {
      body: { return_url: 'http://app.taskmarket.test/payouts', refresh_url: 'http://app.taskmarket.test/payouts?retry' },
    }));
    await fetch(link.url, { redirect: 'manual' });
    await t.stripeEmulator.settled();
    const withdrawal = unwrap(await freelancer.POST('/payments/withdrawals/create/', { body: { amount: '135.00', currency: 'usd' } }));
    const paid = await until(
      'the payout to be paid',
      async () => unwrap(await freelancer.GET('/payments/withdrawals/', { params: { query: { status: 'paid' } } })).results,
      (results) => results.length === 1,
    );
    expect(paid[0]).toMatchObject({ id: withdrawal.id, amount: '135.00', status: 'paid' });
    expect(unwrap(await freelancer.GET('/payments/wallet/'))).toMatchObject({ balance: '0.00', total_earned: '135.00', total_withdrawn: '135.00' });
  });
});
