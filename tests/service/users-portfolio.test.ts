/**
 * Public profiles and portfolios: who sees what (anonymous, another user, the owner), filters,
 * pages, and the portfolio rules. Runs on the seeded demo world.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, loginAs, newUser } from '../support/http.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
let lina: string; // freelancer_user, owner of portfolio item 7
let omar: string; // a client only

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  call = caller(t);
  lina = await loginAs(call, 'freelancer@example.com');
  omar = await loginAs(call, 'omar@example.com');
});
afterAll(async () => {
  await t?.close();
});

const item = { title: 'Price tracker dashboard', description: 'Scraper and charts.', url: null, image_url: null, skills: [11, 14], completed_on: '2026-01-15' };

describe('the users directory', () => {
  it('is for signed-in users and never shows an email', async () => {
    expect((await call('GET', '/auth/users/')).status).toBe(401);
    const page = await call('GET', '/auth/users/', { token: omar });
    expect(page.status).toBe(200);
    expect(page.body.results.map((user: { username: string }) => user.username)).toEqual(['dev_maria', 'freelancer_user', 'omar', 'sara']);
    expect(JSON.stringify(page.body)).not.toContain('@example.com');
  });

  it('filters and pages', async () => {
    const freelancers = await call('GET', '/auth/users/?is_freelancer=true&skill=python', { token: omar });
    expect(freelancers.body.results.map((user: { username: string }) => user.username)).toEqual(['freelancer_user']);
    expect(freelancers.body.results[0].skills.map((skill: { slug: string }) => skill.slug)).toEqual(['python', 'rest-apis']);
    const search = await call('GET', '/auth/users/?search=HADD', { token: omar });
    expect(search.body.count).toBe(1);
    const first = await call('GET', '/auth/users/?page_size=3', { token: omar });
    expect(first.body).toMatchObject({ count: 4, previous: null });
    expect(first.body.next).toBe('http://taskmarket.test/api/auth/users/?page_size=3&page=2');
    expect((await call('GET', '/auth/users/?page_size=3&page=2', { token: omar })).body.results).toHaveLength(1);
    expect((await call('GET', '/auth/users/?page=3&page_size=3', { token: omar })).status).toBe(404);
    const bad = await call('GET', '/auth/users/?page_size=500&is_client=maybe', { token: omar });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['query.is_client', 'query.page_size']);
    expect((await call('GET', '/auth/users/?search=nobody-matches-this', { token: omar })).body).toEqual({ count: 0, next: null, previous: null, results: [] });
  });

  it('orders by username, by rating (rated first, best average first) or newest first', async () => {
    const connection = t.orm.em.fork().getConnection();
    await connection.execute(`update app_user set rating_sum = 0, reviews_count = 0`);
    await connection.execute(`update app_user set rating_sum = 9, reviews_count = 2, created_at = '2026-03-01' where username = 'sara'`);
    await connection.execute(`update app_user set rating_sum = 5, reviews_count = 1, created_at = '2026-01-01' where username = 'omar'`);
    await connection.execute(`update app_user set created_at = '2026-02-01' where username = 'freelancer_user'`);
    await connection.execute(`update app_user set created_at = '2026-04-01' where username = 'dev_maria'`);
    const order = async (ordering: string) =>
      (await call('GET', `/auth/users/?ordering=${ordering}`, { token: omar })).body.results.map((user: { username: string; rating: string | null }) => `${user.username}:${user.rating}`);
    expect(await order('username')).toEqual(['dev_maria:null', 'freelancer_user:null', 'omar:5.00', 'sara:4.50']);
    expect(await order('-rating')).toEqual(['omar:5.00', 'sara:4.50', 'freelancer_user:null', 'dev_maria:null']);
    expect(await order('-date_joined')).toEqual(['dev_maria:null', 'sara:4.50', 'freelancer_user:null', 'omar:5.00']);
  });

  it('shows one public profile, case-insensitively', async () => {
    expect((await call('GET', '/auth/users/freelancer_user/')).status).toBe(401);
    const profile = await call('GET', '/auth/users/FREELANCER_USER/', { token: omar });
    expect(profile.body).toMatchObject({ username: 'freelancer_user', display_name: 'Lina Haddad', hourly_rate: '40.00' });
    expect(profile.body).not.toHaveProperty('email');
    expect((await call('GET', '/auth/users/nobody_here/', { token: omar })).status).toBe(404);
  });
});

describe('portfolios', () => {
  it('are listed publicly to signed-in users', async () => {
    expect((await call('GET', '/auth/users/freelancer_user/portfolio/')).status).toBe(401);
    const list = await call('GET', '/auth/users/freelancer_user/portfolio/', { token: omar });
    expect(list.body.results[0]).toMatchObject({ id: 7, title: 'CRM sync service for a logistics startup', completed_on: '2025-11-30' });
    expect((await call('GET', '/auth/users/nobody_here/portfolio/', { token: omar })).status).toBe(404);
  });

  it('are written by freelancers only', async () => {
    expect((await call('POST', '/auth/portfolio/', { body: item })).status).toBe(401);
    expect((await call('POST', '/auth/portfolio/', { token: omar, body: item })).status).toBe(403);
    const created = await call('POST', '/auth/portfolio/', { token: lina, body: item });
    expect(created.status).toBe(201);
    expect(created.body.skills.map((skill: { slug: string }) => skill.slug)).toEqual(['python', 'postgresql']);
    const unknownSkill = await call('POST', '/auth/portfolio/', { token: lina, body: { ...item, skills: [11, 999] } });
    expect(unknownSkill.body.errors).toEqual({ 'skills.1': ['There is no skill 999.'] });
    const future = await call('POST', '/auth/portfolio/', { token: lina, body: { ...item, completed_on: '2999-01-01' } });
    expect(future.body.errors).toHaveProperty('completed_on');
    const duplicateSkills = await call('POST', '/auth/portfolio/', { token: lina, body: { ...item, skills: [11, 11] } });
    expect(duplicateSkills.body.errors).toHaveProperty('skills');
  });

  it('items are read, replaced and deleted by their owner only; others get 404', async () => {
    const { body: created } = await call('POST', '/auth/portfolio/', { token: lina, body: item });
    const path = `/auth/portfolio/${created.id}/`;
    for (const [method, body] of [['GET'], ['PUT', item], ['DELETE']] as const) {
      expect((await call(method, path, { body })).status, `${method} anonymous`).toBe(401);
      expect((await call(method, path, { token: omar, body })).status, `${method} another user`).toBe(404);
    }
    expect((await call('GET', path, { token: lina })).body.title).toBe(item.title);
    const replaced = await call('PUT', path, { token: lina, body: { title: 'Renamed', description: '' } });
    expect(replaced.body).toMatchObject({ title: 'Renamed', url: null, skills: [], completed_on: null });
    expect((await call('GET', '/auth/portfolio/', { token: lina })).body.results.map((entry: { id: number }) => entry.id)).toContain(created.id);
    expect((await call('GET', '/auth/portfolio/', { token: omar })).body.count).toBe(0);
    expect((await call('DELETE', path, { token: lina })).status).toBe(204);
    expect((await call('GET', path, { token: lina })).status).toBe(404);
  });
});

describe('the SDK against the real service', () => {
  it('logs in, refreshes an expired access token by itself and reads typed data', async () => {
    const client = t.client();
    const login = await client.POST('/auth/login/', { body: { email: 'sara@example.com', password: 'StrongPass123' } });
    expect(login.data?.user.username).toBe('sara');
    t.advanceClock(20 * 60 * 1000);
    const profile = await client.GET('/auth/profile/');
    expect(profile.data?.email).toBe('sara@example.com');
    expect((await client.tokenStore.get())?.access).not.toBe(login.data?.access);
    const { error } = await client.POST('/auth/register/', { body: { ...newUser(), password: 'short' } });
    expect(error?.errors?.password).toBeDefined();
  });
});

describe('links in profiles and portfolios', () => {
  const profile = { first_name: 'Lina', last_name: 'Haddad', bio: '', location: '', hourly_rate: null, currency: 'usd', is_client: false, is_freelancer: true };

  it('are web addresses: javascript:, data: and file: are refused everywhere', async () => {
    const lina = await loginAs(call, 'freelancer@example.com');
    for (const link of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
      const avatar = await call('PUT', '/auth/profile/', { token: lina, body: { ...profile, avatar_url: link } });
      expect(avatar.status, link).toBe(400);
      expect(avatar.body.errors).toHaveProperty('avatar_url');
      const portfolio = await call('POST', '/auth/portfolio/', { token: lina, body: { ...item, url: link, image_url: link } });
      expect(Object.keys(portfolio.body.errors ?? {}).sort(), link).toEqual(['image_url', 'url']);
    }
    expect((await call('PUT', '/auth/profile/', { token: lina, body: { ...profile, avatar_url: 'http://localhost:3000/me.png' } })).status).toBe(200);
  });

  it('are https only on a production server', async () => {
    const production = await startTestApp({ seed: true, env: { NODE_ENV: 'production' } });
    try {
      const onProduction = caller(production);
      const token = await loginAs(onProduction, 'freelancer@example.com');
      const http = await onProduction('PUT', '/auth/profile/', { token, body: { ...profile, avatar_url: 'http://cdn.example.com/me.png' } });
      expect(http.body.errors).toEqual({ avatar_url: ['Use an https:// address.'] });
      const portfolio = await onProduction('POST', '/auth/portfolio/', { token, body: { ...item, url: 'http://example.com/case', image_url: 'https://cdn.example.com/1.png' } });
      expect(portfolio.body.errors).toEqual({ url: ['Use an https:// address.'] });
      expect((await onProduction('PUT', '/auth/profile/', { token, body: { ...profile, avatar_url: 'https://cdn.example.com/me.png' } })).status).toBe(200);
    } finally {
      await production.close();
    }
  });
});
