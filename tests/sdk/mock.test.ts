/**
 * The Prism mock, started from the bundled contract: it serves every operation's example, and
 * the SDK performs typed calls against it across every domain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type TaskmarketClient } from '@taskmarket/sdk';
import { startMock, type RunningMock } from '../../mock/server.ts';
import { exampleRequest, firstExample } from '../support/example-request.ts';
import { loadBundledSpec, resolveRef, specOperations } from '../support/spec.ts';

const spec = loadBundledSpec();
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(async () => {
  await mock?.stop();
});

describe('the mock', () => {
  const cases = [...specOperations(spec)].map(([key, operation]) => [key, operation] as const);

  it.each(cases)('%s answers with its example', async (key, operation) => {
    const [method = '', path = ''] = key.split(' ');
    const request = exampleRequest(mock.url, path, method, operation);
    // The event stream answers those who accept it, with its frames as text.
    const isStream = Object.values(operation.responses).some((response) => resolveRef(spec, response).content?.['text/event-stream']);
    if (isStream) request.headers.set('Accept', 'text/event-stream');
    const response = await fetch(request);
    const successes = Object.keys(operation.responses).filter((status) => status.startsWith('2')).sort();
    expect(successes, key).toContain(String(response.status));
    const declared = resolveRef(spec, operation.responses[String(response.status)] ?? {});
    if (isStream) {
      expect(await response.text()).toBe(declared.content?.['text/event-stream']?.example);
      return;
    }
    const media = declared.content?.['application/json'];
    if (!media) {
      expect(await response.text()).toBe('');
      return;
    }
    expect(await response.json()).toEqual(firstExample(media));
  });

  it('answers a request that breaks the contract with a validation problem', async () => {
    const response = await fetch(`${mock.url}/tasks/42/apply/`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo', 'Content-Type': 'application/json' },
      body: JSON.stringify({ proposal: 42 }),
    });
    expect([400, 422]).toContain(response.status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('the SDK against the mock', () => {
  let client: TaskmarketClient;
  beforeAll(() => {
    client = createClient({ baseUrl: mock.url });
  });

  it('logs in and keeps the session', async () => {
    const { data, error } = await client.POST('/auth/login/', {
      body: { email: 'sara@example.com', password: 'StrongPass123' },
    });
    expect(error).toBeUndefined();
    expect(data?.user).toMatchObject({ username: 'sara', is_client: true, is_freelancer: true });
    expect((await client.tokenStore.get())?.access).toBe(data?.access);
  });

  it('lists tasks', async () => {
    const { data } = await client.GET('/tasks/', { params: { query: { search: 'crm', page_size: 20 } } });
    expect(data?.results[0]).toMatchObject({ id: 42, budget: '200.00', currency: 'usd' });
  });

  it('applies to a task', async () => {
    const { data } = await client.POST('/tasks/{id}/apply/', {
      params: { path: { id: 42 } },
      body: { proposal: 'I can deliver in 3 days', bid_amount: '120.00' },
    });
    expect(data).toEqual({ application_id: 308, status: 'pending', task_id: 42 });
  });

  it('sends a message', async () => {
    const { data } = await client.POST('/messaging/conversations/{id}/messages/send/', {
      params: { path: { id: 99 } },
      body: { content: 'Draft uploaded. Please review.' },
    });
    expect(data).toMatchObject({ message_id: 771, conversation_id: 99, sender: 'freelancer_user' });
  });

  it('creates a payment intent', async () => {
    const { data } = await client.POST('/payments/intents/create/', {
      body: { task_id: 42, amount: '200.00', currency: 'usd' },
    });
    expect(data?.intent_id).toMatch(/^pi_/);
    expect(data?.client_secret).toContain('_secret_');
  });

  it('gets task recommendations', async () => {
    const { data } = await client.GET('/recommendations/tasks/');
    expect(data?.results[0]).toMatchObject({ task_id: 56, match_score: 0.91 });
  });

  it('chats with the assistant', async () => {
    const { data } = await client.POST('/chatbot/chat/', {
      body: { message: 'I need someone to connect our CRM to Stripe' },
    });
    expect(data?.session_id).toBe(17);
    expect(data?.reply.role).toBe('assistant');
  });

  it('reads notifications', async () => {
    const list = await client.GET('/notifications/');
    expect(list.data?.results[0]).toMatchObject({ id: 5001, type: 'application_received' });
    const unread = await client.GET('/notifications/unread-count/');
    expect(typeof unread.data?.unread_count).toBe('number');
  });

  it('surfaces a typed problem for an invalid request', async () => {
    const { data, error, response } = await client.POST('/tasks/{id}/apply/', {
      params: { path: { id: 42 } },
      // @ts-expect-error bid_amount must be a decimal string: the SDK's types refuse a number
      body: { proposal: 'I can deliver in 3 days', bid_amount: 120 },
    });
    expect(data).toBeUndefined();
    expect([400, 422]).toContain(response.status);
    expect(error?.status).toBe(response.status);
    expect(typeof error?.title).toBe('string');
  });

  it('surfaces 401 when no token is sent to a protected operation', async () => {
    const anonymous = createClient({ baseUrl: mock.url });
    const { error, response } = await anonymous.GET('/auth/profile/');
    expect(response.status).toBe(401);
    expect(error?.status).toBe(401);
  });
});
