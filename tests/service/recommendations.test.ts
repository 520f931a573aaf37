/**
 * Recommendations over HTTP on a real PostgreSQL: the public catalogue (figures, filters, ETag and
 * 304), skills, preferences and onboarding with every rule, and the rankings — who may ask, what
 * is left out, what ranks first and why (skills weighted by rarity, followed categories, budget,
 * profile text, peers), the cold start, stable ties. Every response is checked against the contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_RECOMMENDATIONS } from '../../src/recommendations/recommendations.jobs.ts';
import { caller, loginAs } from '../support/http.ts';
import { SKILL, actor as register, postTask as post, setSkills as replaceSkills, type Actor, type TaskSpec } from '../support/marketplace.ts';
import { runJob } from '../support/jobs.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;

const preferences = (overrides: Record<string, unknown> = {}) => ({
  preferred_categories: [],
  preferred_skills: [],
  min_budget: null,
  max_budget: null,
  currency: 'usd',
  remote_only: false,
  email_digest: 'off',
  ...overrides,
});

const actor = (roles?: { is_client?: boolean; is_freelancer?: boolean }) => register(call, roles);
const postTask = (owner: Actor, spec?: TaskSpec) => post(call, owner, spec);
const setSkills = (who: Actor, ids: number[]) => replaceSkills(call, who, ids);

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  call = caller(t);
});
afterAll(async () => {
  await t?.close();
});

describe('the skill catalogue', () => {
  it('is public, by name, filtered by category and by a case-insensitive search of name or slug', async () => {
    const all = await call('GET', '/recommendations/skills/');
    expect(all.status).toBe(200);
    const names = all.body.results.map((skill: { name: string }) => skill.name);
    expect(names.length).toBe(51);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const mobile = await call('GET', '/recommendations/skills/?category=4');
    expect(mobile.body.results.every((skill: { category_id: number }) => skill.category_id === 4)).toBe(true);
    expect(mobile.body.results.map((skill: { slug: string }) => skill.slug)).toContain('swift');
    const search = await call('GET', '/recommendations/skills/?search=PYTH');
    expect(search.body.results.map((skill: { slug: string }) => skill.slug)).toEqual(['python']);
    const bySlug = await call('GET', '/recommendations/skills/?search=rest-a');
    expect(bySlug.body.results.map((skill: { slug: string }) => skill.slug)).toEqual(['rest-apis']);
    // LIKE's wildcards are searched for, not obeyed.
    expect((await call('GET', '/recommendations/skills/?search=%25')).body.results).toEqual([]);
  });

  it('is cacheable: a weak ETag, a minute of Cache-Control, and 304 while the tag matches', async () => {
    const first = await call('GET', '/recommendations/skills/?category=3');
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(/^W\/"/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await t.app.fetch(new Request('http://localhost/api/recommendations/skills/?category=3', { headers: { 'If-None-Match': tag } }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect([again.headers.get('etag'), again.headers.get('cache-control')]).toEqual([tag, 'public, max-age=60']);
    expect(again.headers.get('x-request-id')).toBeTruthy();
    const other = await call('GET', '/recommendations/skills/?category=1', { headers: { 'If-None-Match': tag } });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(tag);
  });
});

describe('categories with discovery figures', () => {
  it('count open tasks, freelancers with a skill of the category, and its most requested skills', async () => {
    const before = new Map((await call('GET', '/recommendations/categories/')).body.results.map((row: { category: { id: number } }) => [row.category.id, row]));
    const client = await actor({ is_freelancer: false });
    const freelancer = await actor({ is_client: false });
    await setSkills(freelancer, [SKILL.swift, SKILL.flutter]);
    const clientWithSkill = await actor({ is_freelancer: false });
    await setSkills(clientWithSkill, [SKILL.kotlin]);
    await postTask(client, { category: 4, skills: [SKILL.kotlin, SKILL.swift] });
    await postTask(client, { category: 4, skills: [SKILL.kotlin] });
    const cancelled = await postTask(client, { category: 4, skills: [SKILL.flutter] });
    expect((await call('POST', `/tasks/${cancelled}/cancel/`, { token: client.token, body: {} })).status).toBe(200);
    await runJob(t, REFRESH_RECOMMENDATIONS);

    const answer = await call('GET', '/recommendations/categories/');
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((row: { category: { slug: string } }) => row.category.slug)).toEqual(['design', 'writing', 'web-development', 'mobile-development', 'data-science', 'marketing']);
    const mobile = answer.body.results.find((row: { category: { id: number } }) => row.category.id === 4);
    const was = before.get(4) as { open_tasks: number; freelancers: number };
    // The cancelled task is not open; the client holding Kotlin is no freelancer.
    expect(mobile.open_tasks - was.open_tasks).toBe(2);
    expect(mobile.freelancers - was.freelancers).toBe(1);
    expect(mobile.popular_skills.slice(0, 2).map((skill: { slug: string }) => skill.slug)).toEqual(['kotlin', 'swift']);
    expect(mobile.popular_skills.map((skill: { slug: string }) => skill.slug)).not.toContain('flutter');
  });
});

describe('service offerings', () => {
  it('are public and paginated, newest first, with the demo offerings', async () => {
    const answer = await call('GET', '/recommendations/service-offerings/?page_size=2');
    expect(answer.status).toBe(200);
    expect(answer.body.count).toBe(3);
    expect(answer.body.results.map((offering: { id: number }) => offering.id)).toEqual([23, 22]);
    expect(answer.body.next).toContain('page=2');
    expect(answer.headers.get('etag')).toBeTruthy();
    expect((await call('GET', '/recommendations/service-offerings/?page=3&page_size=2')).status).toBe(404);
  });

  it('filter by category, skill, freelancer, price range and text; order by price and rating', async () => {
    const ids = async (query: string) => {
      const answer = await call('GET', `/recommendations/service-offerings/${query}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.results.map((offering: { id: number }) => offering.id);
    };
    expect(await ids('?category=3')).toEqual([21]);
    expect(await ids('?skill=figma')).toEqual([23]);
    expect(await ids('?freelancer=FREELANCER_USER')).toEqual([22, 21]);
    expect(await ids('?min_price=60.00&max_price=150.00')).toEqual([22, 21]);
    expect(await ids('?search=translation')).toEqual([22]);
    expect(await ids('?ordering=price')).toEqual([22, 21, 23]);
    expect(await ids('?ordering=-price')).toEqual([23, 21, 22]);
    // Lina is rated, Maria is not.
    expect(await ids('?ordering=-rating')).toEqual([22, 21, 23]);
    const invalid = await call('GET', '/recommendations/service-offerings/?min_price=12');
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.errors)).toEqual(['query.min_price']);
  });
});

describe('my skills', () => {
  it('are the caller\'s own, replaced whole, refused with the offending field named', async () => {
    expect((await call('GET', '/recommendations/skills/my/')).status).toBe(401);
    expect((await call('POST', '/recommendations/skills/update/', { body: { skills: [] } })).status).toBe(401);
    const me = await actor();
    const other = await actor();
    await setSkills(other, [SKILL.figma]);
    const replaced = await call('POST', '/recommendations/skills/update/', {
      token: me.token,
      body: { skills: [{ skill_id: SKILL.restApis, level: 'intermediate', years_experience: 2 }, { skill_id: SKILL.python, level: 'expert', years_experience: 6 }] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.results.map((row: { skill: { slug: string }; level: string; years_experience: number }) => [row.skill.slug, row.level, row.years_experience])).toEqual([
      ['python', 'expert', 6],
      ['rest-apis', 'intermediate', 2],
    ]);

    const unknown = await call('POST', '/recommendations/skills/update/', { token: me.token, body: { skills: [{ skill_id: SKILL.python, level: 'expert', years_experience: 1 }, { skill_id: 9999, level: 'expert', years_experience: 1 }] } });
    expect([unknown.status, unknown.body.code, Object.keys(unknown.body.errors)]).toEqual([400, 'validation_error', ['skills.1.skill_id']]);
    const twice = await call('POST', '/recommendations/skills/update/', { token: me.token, body: { skills: [{ skill_id: SKILL.python, level: 'expert', years_experience: 1 }, { skill_id: SKILL.python, level: 'beginner', years_experience: 0 }] } });
    expect([twice.status, Object.keys(twice.body.errors)]).toEqual([400, ['skills.1.skill_id']]);
    const tooMany = await call('POST', '/recommendations/skills/update/', { token: me.token, body: { skills: Array.from({ length: 31 }, (_, i) => ({ skill_id: 19 + i, level: 'expert', years_experience: 1 })) } });
    expect([tooMany.status, Object.keys(tooMany.body.errors)]).toEqual([400, ['skills']]);
    // Nothing refused was written; the other user's skills were never touched.
    expect((await call('GET', '/recommendations/skills/my/', { token: me.token })).body.results).toHaveLength(2);
    expect((await call('GET', '/recommendations/skills/my/', { token: other.token })).body.results.map((row: { skill: { slug: string } }) => row.skill.slug)).toEqual(['figma']);
    // They show on the public profile.
    const profile = await call('GET', `/auth/users/${me.username}/`, { token: other.token });
    expect(profile.body.skills.map((skill: { slug: string }) => skill.slug)).toEqual(['python', 'rest-apis']);

    const cleared = await call('POST', '/recommendations/skills/update/', { token: me.token, body: { skills: [] } });
    expect([cleared.status, cleared.body.results]).toEqual([200, []]);
  });
});

describe('recommendation preferences', () => {
  it('start as defaults, are replaced whole, and keep the order given', async () => {
    expect((await call('GET', '/recommendations/preferences/')).status).toBe(401);
    expect((await call('PUT', '/recommendations/preferences/', { body: preferences() })).status).toBe(401);
    const me = await actor();
    const defaults = await call('GET', '/recommendations/preferences/', { token: me.token });
    expect(defaults.body).toEqual({ ...preferences(), updated_at: null });
    const saved = await call('PUT', '/recommendations/preferences/', {
      token: me.token,
      body: preferences({ preferred_categories: [5, 3], preferred_skills: [SKILL.restApis, SKILL.python], min_budget: '100.00', max_budget: '900.00', remote_only: true, email_digest: 'weekly' }),
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ min_budget: '100.00', max_budget: '900.00', remote_only: true, email_digest: 'weekly' });
    expect(saved.body.preferred_categories.map((category: { id: number }) => category.id)).toEqual([5, 3]);
    expect(saved.body.preferred_skills.map((skill: { slug: string }) => skill.slug)).toEqual(['rest-apis', 'python']);
    expect(Date.parse(saved.body.updated_at)).not.toBeNaN();
    expect((await call('GET', '/recommendations/preferences/', { token: me.token })).body).toEqual(saved.body);
    // Another user's are their own.
    const other = await actor();
    expect((await call('GET', '/recommendations/preferences/', { token: other.token })).body.updated_at).toBeNull();
  });

  it('refuse unknown ids (named), a lowest budget above the highest, and fields left out, changing nothing', async () => {
    const me = await actor();
    const put = (body: unknown) => call('PUT', '/recommendations/preferences/', { token: me.token, body });
    const unknown = await put(preferences({ preferred_categories: [3, 77], preferred_skills: [SKILL.python, 9999] }));
    expect([unknown.status, Object.keys(unknown.body.errors).sort()]).toEqual([400, ['preferred_categories.1', 'preferred_skills.1']]);
    const upsideDown = await put(preferences({ min_budget: '500.00', max_budget: '100.00' }));
    expect([upsideDown.status, upsideDown.body.code, Object.keys(upsideDown.body.errors)]).toEqual([422, 'business_rule_violation', ['min_budget']]);
    const partial = await put({ preferred_categories: [3] });
    expect(partial.status).toBe(400);
    expect(Object.keys(partial.body.errors)).toContain('preferred_skills');
    const extra = await put({ ...preferences(), colour: 'blue' });
    expect(extra.status).toBe(400);
    expect((await call('GET', '/recommendations/preferences/', { token: me.token })).body.updated_at).toBeNull();
  });
});

describe('onboarding', () => {
  it('reports what is missing, then sets roles, skills, preferences and profile in one step', async () => {
    expect((await call('GET', '/recommendations/onboarding/status/')).status).toBe(401);
    const me = await actor({ is_freelancer: false });
    const fresh = await call('GET', '/recommendations/onboarding/status/', { token: me.token });
    expect(fresh.body).toEqual({ completed: false, completed_at: null, steps: { profile: false, skills: true, preferences: false, payments: false }, next_step: 'profile' });

    const done = await call('POST', '/recommendations/onboarding/', {
      token: me.token,
      body: { role: 'both', categories: [3, 5], skills: [SKILL.python, SKILL.restApis], experience_level: 'expert', hourly_rate: '40.00', currency: 'eur', bio: 'Integration engineer.' },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ completed: true, steps: { profile: true, skills: true, preferences: true, payments: false }, next_step: 'payments' });
    expect(Date.parse(done.body.completed_at)).not.toBeNaN();
    const profile = await call('GET', '/auth/profile/', { token: me.token });
    expect(profile.body).toMatchObject({ is_client: true, is_freelancer: true, hourly_rate: '40.00', currency: 'eur', bio: 'Integration engineer.' });
    const skills = await call('GET', '/recommendations/skills/my/', { token: me.token });
    expect(skills.body.results.map((row: { skill: { slug: string }; level: string }) => [row.skill.slug, row.level])).toEqual([['python', 'expert'], ['rest-apis', 'expert']]);
    const derived = await call('GET', '/recommendations/preferences/', { token: me.token });
    expect(derived.body).toMatchObject({ currency: 'eur', updated_at: null });
    expect(derived.body.preferred_categories.map((category: { id: number }) => category.id)).toEqual([3, 5]);
    expect(derived.body.preferred_skills.map((skill: { id: number }) => skill.id)).toEqual([SKILL.python, SKILL.restApis]);
    expect((await call('GET', '/recommendations/onboarding/status/', { token: me.token })).body).toEqual(done.body);

    // Redone as a client without skills: the skill set is replaced, and skills are no longer a step.
    const redone = await call('POST', '/recommendations/onboarding/', { token: me.token, body: { role: 'client', categories: [1], skills: [], experience_level: 'entry' } });
    expect(redone.body).toMatchObject({ completed: true, steps: { skills: true } });
    expect((await call('GET', '/auth/profile/', { token: me.token })).body).toMatchObject({ is_client: true, is_freelancer: false, hourly_rate: '40.00' });
  });

  it('refuses unknown ids, a freelancer without skills, and a role change open work forbids, changing nothing', async () => {
    const me = await actor({ is_freelancer: false });
    const onboard = (body: Record<string, unknown>) => call('POST', '/recommendations/onboarding/', { token: me.token, body: { categories: [3], skills: [SKILL.python], experience_level: 'intermediate', ...body } });
    const unknown = await onboard({ role: 'both', categories: [3, 99], skills: [SKILL.python, 9999] });
    expect([unknown.status, Object.keys(unknown.body.errors).sort()]).toEqual([400, ['categories.1', 'skills.1']]);
    const noSkills = await onboard({ role: 'freelancer', skills: [] });
    expect([noSkills.status, Object.keys(noSkills.body.errors)]).toEqual([400, ['skills']]);
    const noCategory = await onboard({ role: 'client', categories: [] });
    expect([noCategory.status, Object.keys(noCategory.body.errors)]).toEqual([400, ['categories']]);
    // Her open task needs the client role.
    await postTask(me);
    const dropClient = await onboard({ role: 'freelancer' });
    expect([dropClient.status, dropClient.body.code]).toEqual([422, 'business_rule_violation']);
    expect(Object.keys(dropClient.body.errors)).toEqual(['is_client']);
    expect((await call('GET', '/recommendations/skills/my/', { token: me.token })).body.results).toEqual([]);
    expect((await call('GET', '/recommendations/preferences/', { token: me.token })).body.preferred_categories).toEqual([]);
    expect((await call('GET', '/recommendations/onboarding/status/', { token: me.token })).body.steps.profile).toBe(false);
    expect((await call('GET', '/auth/profile/', { token: me.token })).body.is_freelancer).toBe(false);
  });
});

describe('account deletion', () => {
  it('takes the freelancer\'s offerings with it', async () => {
    const lina = await loginAs(call, 'freelancer@example.com');
    // Lina has money in her wallet in other suites; here the demo's is empty, so she may leave.
    const deleted = await call('DELETE', '/auth/delete-account/', { token: lina, body: { password: 'StrongPass123' } });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(204);
    const left = await call('GET', '/recommendations/service-offerings/');
    expect(left.body.results.map((offering: { id: number }) => offering.id)).toEqual([23]);
  });
});
