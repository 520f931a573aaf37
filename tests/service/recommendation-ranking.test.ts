/**
 * The rankings over HTTP on a real PostgreSQL of their own (no demo data, so every task is one
 * these tests posted): who may ask, what is left out, what ranks first and the words of the
 * reason — skills weighted by rarity, followed categories, budget, profile text, peers —, the
 * cold start, stable ties; and freelancers for a client and for a task.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_RECOMMENDATIONS } from '../../src/recommendations/recommendations.jobs.ts';
import { caller } from '../support/http.ts';
import { SKILL, actor as register, postTask as post, setSkills as replaceSkills, type Actor, type TaskSpec } from '../support/marketplace.ts';
import { runJob } from '../support/jobs.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;

async function setPreferences(who: Actor, overrides: Record<string, unknown>) {
  const body = { preferred_categories: [], preferred_skills: [], min_budget: null, max_budget: null, currency: 'usd', remote_only: false, email_digest: 'off', ...overrides };
  const answer = await call('PUT', '/recommendations/preferences/', { token: who.token, body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
}

async function apply(who: Actor, taskId: number, bid = '150.00') {
  const answer = await call('POST', `/tasks/${taskId}/apply/`, { token: who.token, body: { proposal: 'I have done this kind of work many times before.', bid_amount: bid } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
}

type Recommended = { task_id: number; match_score: number; reason: string; matched_skills: string[]; task: { id: number } };
async function recommended(who: Actor, query = '?limit=50'): Promise<Recommended[]> {
  const answer = await call('GET', `/recommendations/tasks/${query}`, { token: who.token });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.results;
}
const ids = (list: { task_id: number }[]) => list.map((item) => item.task_id);
const find = (list: Recommended[], taskId: number) => list.find((item) => item.task_id === taskId)!;

const actor = (roles?: { is_client?: boolean; is_freelancer?: boolean }) => register(call, roles);
const postTask = (owner: Actor, spec?: TaskSpec) => post(call, owner, spec);
const setSkills = (who: Actor, ids: number[]) => replaceSkills(call, who, ids);

beforeAll(async () => {
  t = await startTestApp();
  call = caller(t);
});
afterAll(async () => {
  await t?.close();
});

describe('tasks for a freelancer', () => {
  it('are for signed-in freelancers only, and refuse a limit out of range', async () => {
    expect((await call('GET', '/recommendations/tasks/')).status).toBe(401);
    const client = await actor({ is_freelancer: false });
    const refused = await call('GET', '/recommendations/tasks/', { token: client.token });
    expect([refused.status, refused.body.code]).toEqual([403, 'permission_denied']);
    const freelancer = await actor({ is_client: false });
    const tooMany = await call('GET', '/recommendations/tasks/?limit=51', { token: freelancer.token });
    expect([tooMany.status, Object.keys(tooMany.body.errors)]).toEqual([400, ['query.limit']]);
  });

  it('leave out what the caller posted or applied to, and what is not open', async () => {
    const me = await actor();
    await setSkills(me, [SKILL.flutter]);
    const client = await actor({ is_freelancer: false });
    const mine = await postTask(me, { skills: [SKILL.flutter] });
    const applied = await postTask(client, { skills: [SKILL.flutter] });
    await apply(me, applied);
    const cancelled = await postTask(client, { skills: [SKILL.flutter] });
    expect((await call('POST', `/tasks/${cancelled}/cancel/`, { token: client.token, body: {} })).status).toBe(200);
    const open = await postTask(client, { skills: [SKILL.flutter] });
    const list = ids(await recommended(me));
    expect(list).toContain(open);
    expect(list).not.toContain(mine);
    expect(list).not.toContain(applied);
    expect(list).not.toContain(cancelled);
  });

  it('rank by skills weighted by rarity, and say which skills match', async () => {
    const client = await actor({ is_freelancer: false });
    // SEO is asked for everywhere; NLP rarely. Both tasks need one skill the freelancer lacks.
    for (let i = 0; i < 6; i += 1) await postTask(client, { category: 6, skills: [SKILL.seo] });
    const rare = await postTask(client, { category: 6, skills: [SKILL.nlp, SKILL.emailMarketing] });
    const common = await postTask(client, { category: 6, skills: [SKILL.seo, SKILL.emailMarketing] });
    const unrelated = await postTask(client, { category: 6, skills: [SKILL.figma] });
    await runJob(t, REFRESH_RECOMMENDATIONS);
    const me = await actor({ is_client: false });
    await setSkills(me, [SKILL.nlp, SKILL.seo]);
    const list = await recommended(me);
    const at = (id: number) => ids(list).indexOf(id);
    expect(at(rare)).toBeGreaterThanOrEqual(0);
    expect(at(rare)).toBeLessThan(at(common));
    expect(find(list, rare).match_score).toBeGreaterThan(find(list, common).match_score);
    if (at(unrelated) >= 0) expect(at(common)).toBeLessThan(at(unrelated));
    expect(find(list, rare)).toMatchObject({ matched_skills: ['nlp'] });
    expect(find(list, rare).reason).toMatch(/^Matches your NLP skill/);
    for (const item of list) {
      expect(item.match_score).toBeGreaterThanOrEqual(0);
      expect(item.match_score).toBeLessThanOrEqual(1);
      expect(item.task_id).toBe(item.task.id);
    }
  });

  it('follow the preferred categories and budget range, keep to remote work when asked, and filter by category', async () => {
    const client = await actor({ is_freelancer: false });
    const followed = await postTask(client, { category: 2, skills: [SKILL.typescript], budget: '500.00' });
    const elsewhere = await postTask(client, { category: 3, skills: [SKILL.typescript], budget: '500.00' });
    const onSite = await postTask(client, { category: 2, skills: [SKILL.typescript], budget: '500.00', remote: false });
    const me = await actor({ is_client: false });
    await setSkills(me, [SKILL.typescript]);
    await setPreferences(me, { preferred_categories: [2], min_budget: '300.00', max_budget: '800.00', remote_only: true });
    const list = await recommended(me);
    expect(ids(list).indexOf(followed)).toBeLessThan(ids(list).indexOf(elsewhere));
    expect(ids(list)).not.toContain(onSite);
    expect(find(list, followed).reason).toBe('Matches your TypeScript skill; in Writing & Translation, which you follow; budget 500.00 is in your range');
    expect(ids(await recommended(me, '?category=3'))).toEqual([elsewhere]);
  });

  it('match the words of the profile and past work when nothing else tells', async () => {
    const client = await actor({ is_freelancer: false });
    const scraper = await postTask(client, { category: 5, title: 'Scraper for competitor prices', description: 'Crawl five shops daily and store their prices with a scraper we can rerun.' });
    const logo = await postTask(client, { category: 5, title: 'Quarterly sales report', description: 'Summarise quarterly sales figures into a short slide deck.' });
    const me = await actor({ is_client: false });
    const bio = await call('PUT', '/auth/profile/', { token: me.token, body: { first_name: 'Ana', last_name: 'Silva', bio: 'I write scrapers that watch competitor prices.', location: '', avatar_url: null, hourly_rate: null, currency: 'usd', is_client: false, is_freelancer: true } });
    expect(bio.status, JSON.stringify(bio.body)).toBe(200);
    const list = await recommended(me);
    expect(ids(list).indexOf(scraper)).toBeLessThan(ids(list).indexOf(logo));
    expect(find(list, scraper).reason).toMatch(/mentions .*“(scraper|price|competitor)”.* like your profile and past work/i);
  });

  it('follow what freelancers with the same skills applied to', async () => {
    const client = await actor({ is_freelancer: false });
    // The task needs none of their skills: only the peers point at it.
    const picked = await postTask(client, { category: 1, skills: [SKILL.figma], title: 'Icon set for a banking app' });
    const ignored = await postTask(client, { category: 1, skills: [SKILL.figma], title: 'Icon set for a travel app' });
    for (let i = 0; i < 2; i += 1) {
      const peer = await actor({ is_client: false });
      await setSkills(peer, [SKILL.ios, SKILL.swift]);
      await apply(peer, picked);
    }
    await runJob(t, REFRESH_RECOMMENDATIONS);
    const me = await actor({ is_client: false });
    await setSkills(me, [SKILL.ios]);
    const list = await recommended(me);
    expect(ids(list).indexOf(picked)).toBeLessThan(ids(list).indexOf(ignored));
    expect(find(list, picked).reason).toContain('2 freelancers with skills like yours applied');
  });

  it('start cold from the categories picked at onboarding, then from what is popular, never empty', async () => {
    const client = await actor({ is_freelancer: false });
    const popular = await postTask(client, { category: 5, title: 'Popular data task' });
    for (let i = 0; i < 3; i += 1) await apply(await actor({ is_client: false }), popular);
    const marketing = await postTask(client, { category: 6, title: 'Marketing plan' });
    await runJob(t, REFRESH_RECOMMENDATIONS);

    // No skills, no history, no profile text.
    const newcomer = await actor({ is_client: false });
    const cold = await recommended(newcomer);
    expect(cold.length).toBeGreaterThan(0);
    expect(find(cold, popular).reason).toMatch(/popular: 3 freelancers applied/i);
    for (const item of cold) expect(item.reason).toMatch(/^[A-Z]/);

    await setPreferences(newcomer, { preferred_categories: [6] });
    const following = await recommended(newcomer);
    expect(following[0]!.task_id).toBe(marketing);
    expect(following[0]!.reason).toMatch(/^In Sales & Marketing, which you follow; posted today/);
  });

  it('count a task in the figures while it is open, and drop it at the first refresh once it closes', async () => {
    const client = await actor({ is_freelancer: false });
    const taskId = await postTask(client, { category: 2, skills: [SKILL.seo] });
    for (let i = 0; i < 2; i += 1) {
      const applicant = await actor({ is_client: false });
      await setSkills(applicant, [SKILL.emailMarketing]);
      await apply(applicant, taskId);
    }
    const figures = async () => {
      const [row] = await t.orm.em.fork().getConnection().execute<{ affinity: number | null; popularity: number | null; demand: number | null }[]>(
        `select (select applicants from skill_task_affinity where skill_id = ? and task_id = ?) as affinity,
          (select applicants from task_popularity where task_id = ?) as popularity,
          (select open_tasks from skill_demand where category_id = 2 and skill_id = ?) as demand`,
        [SKILL.emailMarketing, taskId, taskId, SKILL.seo],
      );
      return row;
    };
    await runJob(t, REFRESH_RECOMMENDATIONS);
    expect(await figures()).toEqual({ affinity: 2, popularity: 2, demand: 1 });
    expect((await call('POST', `/tasks/${taskId}/cancel/`, { token: client.token, body: {} })).status).toBe(200);
    await runJob(t, REFRESH_RECOMMENDATIONS);
    expect(await figures()).toEqual({ affinity: null, popularity: null, demand: null });
  });

  it('break ties by the newest task, the same way every time', async () => {
    const client = await actor({ is_freelancer: false });
    const twins = [
      await postTask(client, { category: 3, skills: [SKILL.kotlin], title: 'Twin task' }),
      await postTask(client, { category: 3, skills: [SKILL.kotlin], title: 'Twin task' }),
    ];
    const me = await actor({ is_client: false });
    await setSkills(me, [SKILL.kotlin]);
    const first = await recommended(me);
    const order = ids(first).filter((id) => twins.includes(id));
    expect(order).toEqual([twins[1], twins[0]]);
    expect(ids(await recommended(me))).toEqual(ids(first));
    expect(await recommended(me, '?limit=1')).toHaveLength(1);
  });
});

describe('freelancers for a task', () => {
  it('are for the task\'s client only, and for open tasks', async () => {
    const client = await actor();
    const stranger = await actor();
    const taskId = await postTask(client, { skills: [SKILL.postgresql] });
    expect((await call('GET', `/recommendations/freelancers/${taskId}/`)).status).toBe(401);
    const other = await call('GET', `/recommendations/freelancers/${taskId}/`, { token: stranger.token });
    expect([other.status, other.body.code]).toEqual([403, 'permission_denied']);
    expect((await call('GET', '/recommendations/freelancers/999999/', { token: client.token })).status).toBe(404);
    expect((await call('POST', `/tasks/${taskId}/cancel/`, { token: client.token, body: {} })).status).toBe(200);
    const closed = await call('GET', `/recommendations/freelancers/${taskId}/`, { token: client.token });
    expect([closed.status, closed.body.code]).toEqual([409, 'invalid_state']);
  });

  it('rank by the task\'s skills, flag who applied, and say why', async () => {
    const client = await actor({ is_freelancer: false });
    const taskId = await postTask(client, { category: 5, skills: [SKILL.python, SKILL.postgresql], budget: '300.00' });
    const both = await actor({ is_client: false });
    await setSkills(both, [SKILL.python, SKILL.postgresql]);
    const one = await actor({ is_client: false });
    await setSkills(one, [SKILL.python]);
    await apply(one, taskId, '290.00');
    const none = await actor({ is_client: false });
    await setSkills(none, [SKILL.figma]);
    const answer = await call('GET', `/recommendations/freelancers/${taskId}/`, { token: client.token });
    expect(answer.status).toBe(200);
    const usernames = answer.body.results.map((row: { freelancer: { username: string } }) => row.freelancer.username);
    expect(usernames.slice(0, 2)).toEqual([both.username, one.username]);
    expect(usernames).not.toContain(none.username);
    expect(usernames).not.toContain(client.username);
    const [first, second] = answer.body.results;
    expect([[...first.matched_skills].sort(), first.has_applied]).toEqual([['postgresql', 'python'], false]);
    expect(first.reason).toMatch(/^(PostgreSQL and Python|Python and PostgreSQL)/);
    expect(second).toMatchObject({ matched_skills: ['python'], has_applied: true });
    expect(second.reason).toBe('Python, applied to this task, usually bids close to your budget, active this week');
  });
});

describe('freelancers for a client', () => {
  it('are for clients, by the skills asked for or those of the client\'s recent tasks, within a category when asked', async () => {
    expect((await call('GET', '/recommendations/freelancers/')).status).toBe(401);
    const freelancerOnly = await actor({ is_client: false });
    expect((await call('GET', '/recommendations/freelancers/', { token: freelancerOnly.token })).status).toBe(403);

    const client = await actor({ is_freelancer: false });
    const googleAds = await actor({ is_client: false });
    await setSkills(googleAds, [SKILL.googleAds]);
    const swift = await actor({ is_client: false });
    await setSkills(swift, [SKILL.swift]);

    const asked = await call('GET', '/recommendations/freelancers/?skills=google-ads', { token: client.token });
    expect(asked.status).toBe(200);
    expect(asked.body.results[0]).toMatchObject({ freelancer: { username: googleAds.username }, matched_skills: ['google-ads'], has_applied: false });
    expect(asked.body.results[0].reason).toMatch(/^Google Ads/);

    const unknown = await call('GET', '/recommendations/freelancers/?skills=google-ads,cobol', { token: client.token });
    expect([unknown.status, Object.keys(unknown.body.errors)]).toEqual([400, ['skills']]);
    const malformed = await call('GET', '/recommendations/freelancers/?skills=Google%20Ads', { token: client.token });
    expect([malformed.status, Object.keys(malformed.body.errors)]).toEqual([400, ['query.skills']]);

    // Without skills asked for, those of the client's recent tasks.
    await postTask(client, { category: 4, skills: [SKILL.swift] });
    const implied = await call('GET', '/recommendations/freelancers/', { token: client.token });
    expect(implied.body.results[0].freelancer.username).toBe(swift.username);

    const inMarketing = await call('GET', '/recommendations/freelancers/?category=6', { token: client.token });
    const usernames = inMarketing.body.results.map((row: { freelancer: { username: string } }) => row.freelancer.username);
    expect(usernames).toContain(googleAds.username);
    expect(usernames).not.toContain(swift.username);
  });
});
