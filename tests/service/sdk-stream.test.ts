/**
 * The SDK's `subscribe()` against the real service: typed live events, a reconnection with
 * Last-Event-ID when the server ends the stream (nothing missed, nothing twice), and an
 * AbortSignal that stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, subscribe, unwrap, type StreamEvent } from '@taskmarket/sdk';
import { newUser } from '../support/http.ts';
import { BASE_URL, startTestApp, type TestApp } from '../support/test-app.ts';
import { until } from '../support/until.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** A client on the app in process, without the contract check (which would read the stream to its end). */
const streamingClient = () => createClient({ baseUrl: BASE_URL, fetch: async (request: Request) => t.app.fetch(request) });

describe('subscribe()', () => {
  it('delivers typed events, comes back after the server ends the stream, and stops on abort', async () => {
    const lina = streamingClient();
    const sara = t.client();
    unwrap(await lina.POST('/auth/register/', { body: newUser() }));
    const saraUser = unwrap(await sara.POST('/auth/register/', { body: newUser() })).user;

    const events: StreamEvent[] = [];
    const stop = new AbortController();
    const subscription = subscribe(lina, (event) => events.push(event), { signal: stop.signal, minDelayMs: 50 });
    // Wait until the stream is open (the hub knows the subscriber) before sending.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const conversation = unwrap(await lina.POST('/messaging/conversations/create/', { body: { participant: saraUser.username } }));
    const send = (content: string) => sara.POST('/messaging/conversations/{id}/messages/send/', { params: { path: { id: conversation.id } }, body: { content } });
    await send('before the restart');
    const messages = () => events.filter((event): event is Extract<StreamEvent, { event: 'message.created' }> => event.event === 'message.created');
    await until('the first message', () => messages().length, (n) => n === 1);
    expect(messages()[0]!.data).toMatchObject({ content: 'before the restart', sender: { username: saraUser.username }, conversation_id: conversation.id });

    // The server ends every stream (as a drain does); a message sent meanwhile is not lost.
    t.live.closeAll();
    await send('during the reconnection');
    await send('after it');
    await until('all three messages', () => messages().length, (n) => n >= 3);
    expect(messages().map((event) => event.data.content)).toEqual(['before the restart', 'during the reconnection', 'after it']);
    await until('their notifications', () => events.filter((event) => event.event === 'notification.created').length, (n) => n >= 3);
    // Each event once, across the reconnection.
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);

    stop.abort();
    await subscription;
  });

  it('shows a client a bid, a message and a payment arrive live, as sdk/README.md has it', async () => {
    const client = streamingClient();
    const freelancer = t.client();
    unwrap(await client.POST('/auth/register/', { body: newUser({ is_client: true, is_freelancer: false }) }));
    unwrap(await freelancer.POST('/auth/register/', { body: newUser({ is_client: false, is_freelancer: true }) }));
    const notifications: string[] = [];
    const stop = new AbortController();
    const subscription = subscribe(client, (event) => {
      if (event.event === 'notification.created') notifications.push(event.data.type);
    }, { signal: stop.signal, minDelayMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 300));

    const task = unwrap(await client.POST('/tasks/create/', {
      body: { title: 'Illustrate a children\'s book cover', description: 'One cover illustration, print ready, with two rounds of changes.', category: 3, budget: '250.00', currency: 'usd', skills: [11] },
    }));
    const bid = unwrap(await freelancer.POST('/tasks/{id}/apply/', { params: { path: { id: task.id } }, body: { proposal: 'Sketches within two days.', bid_amount: '250.00' } }));
    const conversation = unwrap(await freelancer.POST('/messaging/conversations/create/', { body: { participant: (await client.GET('/auth/profile/')).data!.username, task_id: task.id } }));
    await freelancer.POST('/messaging/conversations/{id}/messages/send/', { params: { path: { id: conversation.id } }, body: { content: 'Here is my portfolio.' } });
    unwrap(await client.POST('/tasks/applications/{id}/accept/', { params: { path: { id: bid.application_id } } }));
    const intent = unwrap(await client.POST('/payments/intents/create/', { body: { task_id: task.id, amount: '250.00', currency: 'usd' } }));
    await t.stripe.client.paymentIntents.confirm(intent.intent_id, { payment_method: 'pm_card_visa' });
    await t.stripeEmulator.settled();

    await until('the bid, the message and the payment', () => notifications, (types) => ['application_received', 'message_received', 'payment_received'].every((type) => types.includes(type)));
    expect(notifications.indexOf('application_received')).toBeLessThan(notifications.indexOf('payment_received'));
    stop.abort();
    await subscription;
  });
});

