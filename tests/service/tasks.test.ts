/**
 * The marketplace lifecycle over HTTP on a real PostgreSQL: two clients, three freelancers, every
 * rule with its error, who may do what, the concurrent-accept race, search and filters. Every
 * response is checked against the contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRequest } from '../support/example-request.ts';
import { caller, newUser } from '../support/http.ts';
import { loadBundledSpec, specOperations } from '../support/spec.ts';
import { BASE_URL, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
type Actor = { token: string; id: number; username: string };
let client1: Actor, client2: Actor, free1: Actor, free2: Actor, free3: Actor, both: Actor;

async function actor(roles: { is_client: boolean; is_freelancer: boolean }): Promise<Actor> {
  const answer = await call('POST', '/auth/register/', { body: newUser(roles) });
  return { token: answer.body.access, id: answer.body.user.id, username: answer.body.user.username };
}

const taskBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Build a price comparison scraper',
  description: 'Scrape competitor prices daily and store them in PostgreSQL with a CSV export.',
  category: 5,
  budget: '300.00',
  currency: 'usd',
  skills: [11, 14],
  remote: true,
  ...overrides,
});

async function postTask(owner: Actor, overrides: Record<string, unknown> = {}) {
  const answer = await call('POST', '/tasks/create/', { token: owner.token, body: taskBody(overrides) });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { id: number; status: string };
}

async function apply(freelancer: Actor, taskId: number, bid = '250.00') {
  return call('POST', `/tasks/${taskId}/apply/`, { token: freelancer.token, body: { proposal: 'I have done this many times.', bid_amount: bid } });
}

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  call = caller(t);
  client1 = await actor({ is_client: true, is_freelancer: false });
  client2 = await actor({ is_client: true, is_freelancer: false });
  free1 = await actor({ is_client: false, is_freelancer: true });
  free2 = await actor({ is_client: false, is_freelancer: true });
  free3 = await actor({ is_client: false, is_freelancer: true });
  both = await actor({ is_client: true, is_freelancer: true });
});
afterAll(async () => {
  await t?.close();
});

describe('the whole lifecycle', () => {
  it('posts, collects bids, hires, completes and ends with both reviews', async () => {
    const task = await postTask(client1);
    expect(task).toMatchObject({ status: 'open', budget: '300.00', freelancer: null, applications_count: 0 });
    const bids = [await apply(free1, task.id, '250.00'), await apply(free2, task.id, '280.00'), await apply(free3, task.id, '199.99')];
    for (const bid of bids) expect(Object.keys(bid.body).sort()).toEqual(['application_id', 'status', 'task_id']);
    expect(bids[0]!.body).toEqual({ application_id: expect.any(Number), status: 'pending', task_id: task.id });

    const cheapestFirst = await call('GET', `/tasks/${task.id}/applications/?ordering=bid_amount`, { token: client1.token });
    expect(cheapestFirst.body.results.map((a: { bid_amount: string }) => a.bid_amount)).toEqual(['199.99', '250.00', '280.00']);

    const accepted = await call('POST', `/tasks/applications/${bids[0]!.body.application_id}/accept/`, { token: client1.token });
    expect(accepted.body).toMatchObject({ status: 'accepted', task: { status: 'in_progress' }, freelancer: { id: free1.id } });
    const afterAccept = await call('GET', `/tasks/${task.id}/`);
    expect(afterAccept.body).toMatchObject({ status: 'in_progress', freelancer: { id: free1.id }, accepted_application_id: bids[0]!.body.application_id, applications_count: 3 });
    const others = await call('GET', `/tasks/${task.id}/applications/?status=rejected`, { token: client1.token });
    expect(others.body.results.map((a: { freelancer: { id: number } }) => a.freelancer.id).sort()).toEqual([free2.id, free3.id].sort());
    expect((await call('GET', '/tasks/my-applications/', { token: free2.token })).body.results[0].status).toBe('rejected');

    expect((await call('POST', `/tasks/${task.id}/complete/`, { token: client1.token })).body.status).toBe('completed');
    const fromClient = await call('POST', `/tasks/${task.id}/review/`, { token: client1.token, body: { rating: 5, comment: 'Excellent work.' } });
    expect(fromClient.body).toMatchObject({ role: 'client_to_freelancer', reviewee: { id: free1.id, rating: '5.00', reviews_count: 1 } });
    const fromFreelancer = await call('POST', `/tasks/${task.id}/review/`, { token: free1.token, body: { rating: 4 } });
    expect(fromFreelancer.body).toMatchObject({ role: 'freelancer_to_client', reviewee: { id: client1.id } });
    expect((await call('GET', `/tasks/${task.id}/reviews/`)).body.count).toBe(2);
    expect((await call('GET', `/tasks/users/${free1.username}/reviews/?role=as_freelancer`)).body.results[0].comment).toBe('Excellent work.');
    expect((await call('GET', `/tasks/users/${free1.username}/reviews/?role=as_client`)).body.count).toBe(0);
    expect((await call('GET', '/auth/profile/', { token: client1.token })).body).toMatchObject({ rating: '4.00', reviews_count: 1 });

    const mine = await call('GET', '/tasks/my-statistics/', { token: free1.token });
    expect(mine.body.as_freelancer).toMatchObject({ applications_sent: 1, accepted: 1, tasks_completed: 1 });
    expect((await call('GET', `/auth/users/${free1.username}/`, { token: client2.token })).body.completed_tasks_count).toBe(1);

    const events = await t.orm.em.fork().getConnection().execute(
      `select type, count(*)::int as n from domain_event where payload->>'task_id' = ? group by type order by type`,
      [String(task.id)],
    );
    expect(events).toEqual([
      { type: 'application_accepted', n: 1 },
      { type: 'application_received', n: 3 },
      { type: 'application_rejected', n: 2 },
      { type: 'review_received', n: 2 },
      { type: 'task_completed', n: 1 },
    ]);
  });
});

describe('posting and editing tasks', () => {
  it('is for clients, with every field checked', async () => {
    expect((await call('POST', '/tasks/create/', { body: taskBody() })).status).toBe(401);
    expect((await call('POST', '/tasks/create/', { token: free1.token, body: taskBody() })).body.code).toBe('permission_denied');
    const bad = await call('POST', '/tasks/create/', { token: client1.token, body: taskBody({ category: 99, skills: [11, 999], budget: '4.99' }) });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['budget', 'category', 'skills.1']);
    const onSite = await call('POST', '/tasks/create/', { token: client1.token, body: taskBody({ remote: false }) });
    expect(onSite.body.errors).toHaveProperty('location');
    const past = await call('POST', '/tasks/create/', { token: client1.token, body: taskBody({ deadline: '2020-01-01T00:00:00Z' }) });
    expect(past).toMatchObject({ status: 422, body: { code: 'business_rule_violation' } });
    const floatBudget = await call('POST', '/tasks/create/', { token: client1.token, body: taskBody({ budget: 300 }) });
    expect(floatBudget.body.errors).toHaveProperty('budget');
  });

  it('is edited by its owner while open; the currency is fixed once bids exist', async () => {
    const task = await postTask(client1);
    const path = `/tasks/${task.id}/update/`;
    expect((await call('PATCH', path, { body: { budget: '350.00' } })).status).toBe(401);
    expect((await call('PATCH', path, { token: client2.token, body: { budget: '350.00' } })).status).toBe(403);
    expect((await call('PATCH', path, { token: client1.token, body: {} })).status).toBe(400);
    const patched = await call('PATCH', path, { token: client1.token, body: { budget: '350.00', remote: false, location: 'Amman' } });
    expect(patched.body).toMatchObject({ budget: '350.00', remote: false, location: 'Amman', title: taskBody().title });
    const replaced = await call('PUT', path, { token: client1.token, body: { ...taskBody({ title: 'A new title here' }), deadline: null, location: null } });
    expect(replaced.body).toMatchObject({ title: 'A new title here', remote: true, location: null, budget: '300.00' });
    expect((await call('PUT', path, { token: client1.token, body: taskBody() })).status).toBe(400);
    await apply(free1, task.id);
    expect((await call('PATCH', path, { token: client1.token, body: { currency: 'eur' } })).status).toBe(422);
    const accepted = (await call('GET', `/tasks/${task.id}/applications/`, { token: client1.token })).body.results[0].id;
    await call('POST', `/tasks/applications/${accepted}/accept/`, { token: client1.token });
    expect((await call('PATCH', path, { token: client1.token, body: { budget: '1.00' } })).body.code).toBe('invalid_state');
  });

  it('is deleted by its owner while nobody is hired, withdrawing the bids', async () => {
    const task = await postTask(client1);
    const bid = await apply(free2, task.id);
    expect((await call('DELETE', `/tasks/${task.id}/delete/`)).status).toBe(401);
    expect((await call('DELETE', `/tasks/${task.id}/delete/`, { token: client2.token })).status).toBe(403);
    expect((await call('DELETE', `/tasks/${task.id}/delete/`, { token: client1.token })).status).toBe(204);
    expect((await call('GET', `/tasks/${task.id}/`)).status).toBe(404);
    expect((await call('POST', `/tasks/applications/${bid.body.application_id}/accept/`, { token: client1.token })).status).toBe(404);
    const hired = await postTask(client1);
    const hiredBid = await apply(free2, hired.id);
    await call('POST', `/tasks/applications/${hiredBid.body.application_id}/accept/`, { token: client1.token });
    expect((await call('DELETE', `/tasks/${hired.id}/delete/`, { token: client1.token })).body.code).toBe('invalid_state');
  });

  it('is cancelled by its owner when open or in progress, withdrawing pending bids', async () => {
    const task = await postTask(client2);
    await apply(free1, task.id);
    expect((await call('POST', `/tasks/${task.id}/cancel/`, { token: client1.token })).status).toBe(403);
    expect((await call('POST', `/tasks/${task.id}/complete/`, { token: client1.token })).status).toBe(403);
    const cancelled = await call('POST', `/tasks/${task.id}/cancel/`, { token: client2.token, body: { reason: 'Built it in house.' } });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelled_at: expect.any(String) });
    expect((await call('GET', `/tasks/${task.id}/applications/`, { token: client2.token })).body.results[0].status).toBe('withdrawn');
    expect((await call('POST', `/tasks/${task.id}/cancel/`, { token: client2.token })).body.code).toBe('invalid_state');
    expect((await call('POST', `/tasks/${task.id}/complete/`, { token: client2.token })).body.code).toBe('invalid_state');
  });
});

describe('applications', () => {
  it('come from freelancers, once, on open tasks that are not their own', async () => {
    const task = await postTask(both);
    expect((await apply(client2, task.id)).body.code).toBe('permission_denied');
    expect((await apply(both, task.id)).body.code).toBe('permission_denied');
    expect((await apply(free3, task.id, '0.00')).body.errors).toHaveProperty('bid_amount');
    expect((await apply(free3, 999_999)).status).toBe(404);
    expect((await apply(free3, task.id)).status).toBe(201);
    expect((await apply(free3, task.id)).body.code).toBe('already_exists');
    expect((await call('POST', `/tasks/${task.id}/apply/`, { body: { proposal: 'Anonymous proposal', bid_amount: '10.00' } })).status).toBe(401);
  });

  it('are decided by the task owner only, and only while pending', async () => {
    const task = await postTask(client1);
    const one = (await apply(free1, task.id)).body.application_id;
    const two = (await apply(free2, task.id)).body.application_id;
    for (const action of ['accept', 'reject']) {
      expect((await call('POST', `/tasks/applications/${one}/${action}/`)).status).toBe(401);
      expect((await call('POST', `/tasks/applications/${one}/${action}/`, { token: client2.token })).status).toBe(403);
      expect((await call('POST', `/tasks/applications/${one}/${action}/`, { token: free1.token })).status).toBe(403);
    }
    expect((await call('GET', `/tasks/${task.id}/applications/`, { token: free1.token })).status).toBe(403);
    const rejected = await call('POST', `/tasks/applications/${two}/reject/`, { token: client1.token, body: { reason: 'Too expensive.' } });
    expect(rejected.body.status).toBe('rejected');
    expect((await call('POST', `/tasks/applications/${two}/reject/`, { token: client1.token })).body.code).toBe('invalid_state');
    expect((await call('POST', `/tasks/applications/${two}/accept/`, { token: client1.token })).body.code).toBe('invalid_state');
    expect((await apply(free3, task.id)).status).toBe(201);
    expect((await call('POST', `/tasks/applications/${one}/accept/`, { token: client1.token })).status).toBe(200);
    expect((await apply(free2, task.id)).body.code).toBe('invalid_state');
  });

  it('accepted at the same moment: exactly one wins, the others get 409', async () => {
    for (let round = 0; round < 3; round += 1) {
      const task = await postTask(client2);
      const ids = [];
      for (const freelancer of [free1, free2, free3]) ids.push((await apply(freelancer, task.id)).body.application_id);
      const answers = await Promise.all(ids.map((id) => call('POST', `/tasks/applications/${id}/accept/`, { token: client2.token })));
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
      const final = await call('GET', `/tasks/${task.id}/applications/`, { token: client2.token });
      expect(final.body.results.map((a: { status: string }) => a.status).sort()).toEqual(['accepted', 'rejected', 'rejected']);
    }
  });

  it('sent twice at the same moment: one is taken, the other is a 409', async () => {
    const task = await postTask(client2);
    const answers = await Promise.all([apply(free1, task.id), apply(free1, task.id), apply(free1, task.id)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    expect(answers.filter((answer) => answer.status === 409).map((answer) => answer.body.code)).toEqual(['already_exists', 'already_exists']);
  });

  it('racing an accept: no application is left pending on the task that was just assigned', async () => {
    for (let round = 0; round < 3; round += 1) {
      const task = await postTask(client2);
      const hired = (await apply(free1, task.id)).body.application_id;
      const [accepted, late] = await Promise.all([call('POST', `/tasks/applications/${hired}/accept/`, { token: client2.token }), apply(free2, task.id)]);
      expect(accepted.status).toBe(200);
      expect([201, 409]).toContain(late.status);
      const statuses = (await call('GET', `/tasks/${task.id}/applications/`, { token: client2.token })).body.results.map((a: { status: string }) => a.status);
      expect(statuses).not.toContain('pending');
    }
  });
});

describe('reviews', () => {
  it('come after completion, from the two parties, once each', async () => {
    const task = await postTask(client2);
    const bid = (await apply(free3, task.id)).body.application_id;
    await call('POST', `/tasks/applications/${bid}/accept/`, { token: client2.token });
    const body = { rating: 5, comment: 'Great.' };
    expect((await call('POST', `/tasks/${task.id}/review/`, { token: client2.token, body })).body.code).toBe('invalid_state');
    await call('POST', `/tasks/${task.id}/complete/`, { token: client2.token });
    expect((await call('POST', `/tasks/${task.id}/review/`, { body })).status).toBe(401);
    expect((await call('POST', `/tasks/${task.id}/review/`, { token: free1.token, body })).status).toBe(403);
    expect((await call('POST', `/tasks/${task.id}/review/`, { token: client2.token, body: { rating: 6 } })).status).toBe(400);
    expect((await call('POST', `/tasks/${task.id}/review/`, { token: client2.token, body })).status).toBe(201);
    expect((await call('POST', `/tasks/${task.id}/review/`, { token: client2.token, body })).body.code).toBe('already_exists');
    expect((await call('GET', '/tasks/users/nobody_at_all/reviews/')).status).toBe(404);
  });
});

describe('saved tasks', () => {
  it('are saved once, checked, listed and removed by their owner', async () => {
    expect((await call('POST', '/tasks/56/save/')).status).toBe(401);
    expect((await call('POST', '/tasks/56/save/', { token: free1.token })).status).toBe(201);
    expect((await call('POST', '/tasks/56/save/', { token: free1.token })).status).toBe(200);
    expect((await call('GET', '/tasks/56/saved/', { token: free1.token })).body).toMatchObject({ task_id: 56, is_saved: true });
    expect((await call('GET', '/tasks/56/saved/', { token: free2.token })).body).toMatchObject({ is_saved: false, saved_at: null });
    expect((await call('GET', '/tasks/saved/', { token: free1.token })).body.results[0].task.id).toBe(56);
    expect((await call('GET', '/tasks/saved/', { token: free2.token })).body.count).toBe(0);
    expect((await call('DELETE', '/tasks/saved/56/', { token: free2.token })).status).toBe(404);
    expect((await call('DELETE', '/tasks/saved/56/', { token: free1.token })).status).toBe(204);
    expect((await call('DELETE', '/tasks/saved/56/', { token: free1.token })).status).toBe(404);
    expect((await call('POST', '/tasks/999999/save/', { token: free1.token })).status).toBe(404);
  });
});

describe('the board', () => {
  it('searches with PostgreSQL full text, filters and orders', async () => {
    const owner = await actor({ is_client: true, is_freelancer: false });
    await postTask(owner, { title: 'Translate a mobile game', description: 'Translating dialogue and menus of a puzzle game into Spanish.', category: 2, budget: '120.00', skills: [16] });
    await postTask(owner, { title: 'React dashboard for shipments', description: 'A React and TypeScript dashboard showing shipments on a map.', category: 3, budget: '900.00', skills: [12, 13], remote: false, location: 'Madrid' });
    const byOwner = `client=${owner.username}`;
    expect((await call('GET', `/tasks/?${byOwner}&search=translating`)).body.results.map((x: { title: string }) => x.title)).toEqual(['Translate a mobile game']);
    expect((await call('GET', `/tasks/?${byOwner}&search=dashboards%20shipment`)).body.count).toBe(1);
    expect((await call('GET', `/tasks/?${byOwner}&search=game%20react`)).body.count).toBe(0);
    expect((await call('GET', `/tasks/?${byOwner}&skills=react,typescript`)).body.count).toBe(1);
    expect((await call('GET', `/tasks/?${byOwner}&skills=react,copywriting`)).body.count).toBe(0);
    expect((await call('GET', `/tasks/?${byOwner}&min_budget=100.00&max_budget=500.00`)).body.results[0].budget).toBe('120.00');
    expect((await call('GET', `/tasks/?${byOwner}&remote=false`)).body.results[0].location).toBe('Madrid');
    expect((await call('GET', `/tasks/?${byOwner}&ordering=-budget`)).body.results.map((x: { budget: string }) => x.budget)).toEqual(['900.00', '120.00']);
    expect((await call('GET', `/tasks/?${byOwner}&category=2`)).body.count).toBe(1);
    expect((await call('GET', `/tasks/?${byOwner}&min_budget=500.00&max_budget=100.00`)).status).toBe(400);
    expect((await call('GET', '/tasks/?min_budget=12')).body.errors).toEqual({ 'query.min_budget': ['Must be a decimal string with two places, such as "120.00".'] });
    expect((await call('GET', '/tasks/my-tasks/', { token: owner.token })).body.count).toBe(2);
    expect((await call('GET', '/tasks/my-tasks/')).status).toBe(401);
  });

  it('orders a search by relevance unless an ordering is asked for', async () => {
    const owner = await actor({ is_client: true, is_freelancer: false });
    const best = await postTask(owner, { title: 'Kanban board for a bakery', description: 'A kanban board app: kanban columns, kanban cards, and a kanban archive.' });
    const weaker = await postTask(owner, { title: 'Inventory spreadsheet cleanup', description: 'Tidy our stock sheets; a kanban view would be a bonus.' });
    const search = `/tasks/?client=${owner.username}&search=kanban`;
    const ids = async (path: string) => (await call('GET', path)).body.results.map((task: { id: number }) => task.id);
    expect(await ids(search)).toEqual([best.id, weaker.id]);
    expect(await ids(`${search}&ordering=-created_at`)).toEqual([weaker.id, best.id]);
    expect(await ids(`/tasks/?client=${owner.username}`)).toEqual([weaker.id, best.id]);
  });

  it('takes the contract’s own create example as a valid request', async () => {
    const operation = specOperations(loadBundledSpec()).get('POST /tasks/create/')!;
    const sara = (await call('POST', '/auth/login/', { body: { email: 'sara@example.com', password: 'StrongPass123' } })).body.access;
    const response = await t.fetch(exampleRequest(BASE_URL, '/tasks/create/', 'POST', operation, sara));
    expect(response.status, await response.clone().text()).toBe(201);
  });

  it('shows the demo world and platform statistics to anyone', async () => {
    expect((await call('GET', '/tasks/42/')).body).toMatchObject({ id: 42, title: 'Integrate our CRM with a REST API', budget: '200.00', created_at: '2026-02-08T09:15:00.000Z' });
    expect((await call('GET', '/tasks/categories/')).body.results).toHaveLength(6);
    const stats = await call('GET', '/tasks/statistics/');
    expect(stats.body.total_tasks).toBeGreaterThanOrEqual(4);
    expect(stats.body.categories).toHaveLength(6);
    expect((await call('GET', '/tasks/my-statistics/')).status).toBe(401);
  });
});

describe('the contract examples', () => {
  const spec = loadBundledSpec();
  const taskOperations = [...specOperations(spec)].filter(([key]) => / \/tasks\//.test(key));
  const protectedOperations = taskOperations.filter(([, operation]) => operation.security?.length !== 0);
  it.each(protectedOperations)('%s refuses anonymous callers', async (key, operation) => {
    const [method, path] = key.split(' ') as [string, string];
    const request = exampleRequest(BASE_URL, path, method, operation);
    request.headers.delete('authorization');
    expect((await t.fetch(request)).status).toBe(401);
  });

  it.each(taskOperations)('%s answers its example request as the contract says', async (key, operation) => {
    const [method, path] = key.split(' ') as [string, string];
    const sara = (await call('POST', '/auth/login/', { body: { email: 'sara@example.com', password: 'StrongPass123' } })).body.access;
    const response = await t.fetch(exampleRequest(BASE_URL, path, method, operation, sara));
    expect(response.status).toBeLessThan(500);
    expect(response.status).not.toBe(501);
  });
});

describe('roles and accounts in use', () => {
  it('keeps the roles and the account that running work needs', async () => {
    const owner = await actor({ is_client: true, is_freelancer: true });
    const task = await postTask(owner);
    const profile = { first_name: '', last_name: '', bio: '', avatar_url: null, location: '', hourly_rate: null, currency: 'usd', is_client: false, is_freelancer: true };
    expect((await call('PUT', '/auth/profile/', { token: owner.token, body: profile })).body.errors).toHaveProperty('is_client');
    const bid = (await apply(free3, task.id)).body.application_id;
    await call('POST', `/tasks/applications/${bid}/accept/`, { token: owner.token });
    const password = { password: 'StrongPass123' };
    expect((await call('DELETE', '/auth/delete-account/', { token: free3.token, body: password })).body.code).toBe('invalid_state');
    await call('POST', `/tasks/${task.id}/complete/`, { token: owner.token });
    expect((await call('PUT', '/auth/profile/', { token: owner.token, body: profile })).status).toBe(200);
  });
});

describe('an account deleted with work open', () => {
  const password = { password: 'StrongPass123' };
  const events = (type: string, recipientId: number) =>
    t.orm.em.fork().getConnection().execute(`select payload from domain_event where type = ? and recipient_id = ? order by id`, [type, recipientId]);
  async function openTaskWithApplicant() {
    const client = await actor({ is_client: true, is_freelancer: false });
    const freelancer = await actor({ is_client: false, is_freelancer: true });
    const task = await postTask(client);
    const bid: number = (await apply(freelancer, task.id)).body.application_id;
    return { client, freelancer, task, bid };
  }

  it('cancels its open tasks and tells their applicants, in the same transaction', async () => {
    const { client, freelancer, task, bid } = await openTaskWithApplicant();
    expect((await call('DELETE', '/auth/delete-account/', { token: client.token, body: password })).status).toBe(204);
    expect((await call('GET', `/tasks/${task.id}/`)).body.status).toBe('cancelled');
    const mine = (await call('GET', '/tasks/my-applications/', { token: freelancer.token })).body.results;
    expect(mine).toMatchObject([{ id: bid, status: 'withdrawn' }]);
    expect(await events('application_withdrawn', freelancer.id)).toEqual([{ payload: { task_id: task.id, application_id: bid, reason: 'account_deleted' } }]);
  });

  it('withdraws its pending applications: a client can no longer hire it', async () => {
    const { client, freelancer, task, bid } = await openTaskWithApplicant();
    expect((await call('DELETE', '/auth/delete-account/', { token: freelancer.token, body: password })).status).toBe(204);
    const hire = await call('POST', `/tasks/applications/${bid}/accept/`, { token: client.token });
    expect(hire).toMatchObject({ status: 409, body: { code: 'invalid_state' } });
    expect((await call('GET', `/tasks/${task.id}/applications/`, { token: client.token })).body.results).toMatchObject([{ id: bid, status: 'withdrawn' }]);
    expect(await events('application_withdrawn', client.id)).toEqual([{ payload: { task_id: task.id, application_id: bid, reason: 'account_deleted' } }]);
    expect((await call('GET', `/tasks/${task.id}/`)).body.status).toBe('open');
  });

  it('changes nothing when it is refused', async () => {
    const client = await actor({ is_client: true, is_freelancer: false });
    const open = await postTask(client);
    const running = await postTask(client);
    const hired = (await apply(free1, running.id)).body.application_id;
    await call('POST', `/tasks/applications/${hired}/accept/`, { token: client.token });
    const pending = (await apply(free2, open.id)).body.application_id;
    expect((await call('DELETE', '/auth/delete-account/', { token: client.token, body: password })).body.code).toBe('invalid_state');
    expect((await call('GET', `/tasks/${open.id}/`)).body.status).toBe('open');
    expect((await call('GET', `/tasks/${open.id}/applications/`, { token: client.token })).body.results).toMatchObject([{ id: pending, status: 'pending' }]);
  });
});
