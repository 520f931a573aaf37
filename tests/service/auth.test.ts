/**
 * The Auth domain over HTTP on a real PostgreSQL: registration, sessions, mailed tokens, profile,
 * account deletion, Google login. Every response is checked against the contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, newUser, type Answer } from '../support/http.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  t = await startTestApp();
  call = caller(t);
});
afterAll(async () => {
  await t?.close();
});

async function register(overrides: Record<string, unknown> = {}) {
  const body = newUser(overrides);
  const answer = await call('POST', '/auth/register/', { body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return { ...body, access: answer.body.access as string, refresh: answer.body.refresh as string, id: answer.body.user.id as number };
}

const tokenFrom = (mailText: string) => /token=([A-Za-z0-9_-]+)/.exec(mailText)?.[1] ?? '';

function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  expect(answer.body.code).toBe(code);
}

describe('registration and email verification', () => {
  it('creates the account, signs it in and mails a single-use verification link', async () => {
    const user = newUser({ first_name: 'Nadia', last_name: 'Saleh' });
    const answer = await call('POST', '/auth/register/', { body: user });
    expect(answer.status).toBe(201);
    expect(answer.body.user).toMatchObject({ username: user.username, email: user.email, display_name: 'Nadia Saleh', email_verified: false, is_client: true });
    const mail = await t.smtp.waitForMail(user.email, /verify-email\?token=/);
    expect(mail.text).toContain('http://app.taskmarket.test/verify-email?token=');

    const token = tokenFrom(mail.text);
    expect((await call('POST', '/auth/verify-email/', { body: { token } })).status).toBe(200);
    expect((await call('GET', '/auth/profile/', { token: answer.body.access })).body.email_verified).toBe(true);
    expectProblem(await call('POST', '/auth/verify-email/', { body: { token } }), 422, 'invalid_token');
  });

  it('refuses an expired verification link', async () => {
    const user = await register();
    const token = tokenFrom((await t.smtp.waitForMail(user.email, /verify-email/)).text);
    t.advanceClock(25 * 60 * 60 * 1000);
    expectProblem(await call('POST', '/auth/verify-email/', { body: { token } }), 422, 'invalid_token');
  });

  it('keeps usernames and emails unique ignoring case', async () => {
    const user = await register();
    const again = await call('POST', '/auth/register/', {
      body: newUser({ username: user.username.toUpperCase(), email: user.email.toUpperCase() }),
    });
    expectProblem(again, 409, 'already_exists');
    expect(Object.keys(again.body.errors).sort()).toEqual(['email', 'username']);
  });

  it('names the field of every bad input and writes nothing', async () => {
    const weak = await call('POST', '/auth/register/', { body: newUser({ password: 'password123' }) });
    expectProblem(weak, 400, 'validation_error');
    expect(weak.body.errors.password[0]).toMatch(/guess/);
    expectProblem(await call('POST', '/auth/register/', { body: newUser({ password: '12345678901' }) }), 400, 'validation_error');
    const noRole = await call('POST', '/auth/register/', { body: newUser({ is_client: false, is_freelancer: false }) });
    expect(noRole.body.errors).toHaveProperty('is_client');
    const unknown = await call('POST', '/auth/register/', { body: { ...newUser(), role: 'admin' } });
    expect(unknown.body.errors).toEqual({ role: ['Unknown field.'] });
    // Found by fast-check: a field named like an Object.prototype member.
    const inherited = await call('POST', '/auth/register/', { body: '{"toString": "", "valueOf": []}' });
    expect(inherited.body.errors).toMatchObject({ toString: ['Unknown field.'], valueOf: ['Unknown field.'] });
    const missing = await call('POST', '/auth/register/', { body: { username: 'abc' } });
    expect(Object.keys(missing.body.errors).sort()).toEqual(['email', 'is_client', 'is_freelancer', 'password']);
    expect(missing.body.errors.email).toEqual(['This field is required.']);
    const short = await call('POST', '/auth/register/', { body: newUser({ username: 'ab', is_client: 'yes' }) });
    expect(short.body.errors).toEqual({ username: ['Use at least 3 characters.'], is_client: ['Must be a boolean.'] });
    const name = newUser().username;
    await call('POST', '/auth/register/', { body: newUser({ username: name, password: 'short' }) });
    expect((await call('GET', `/auth/check-username/?username=${name}`)).body.available).toBe(true);
  });

  it('resends the link only to unverified accounts and answers the same for unknown addresses', async () => {
    const user = await register();
    const first = tokenFrom((await t.smtp.waitForMail(user.email, /verify-email/)).text);
    const known = await call('POST', '/auth/resend-verification/', { body: { email: user.email } });
    const unknown = await call('POST', '/auth/resend-verification/', { body: { email: 'nobody@example.com' } });
    expect(known.status).toBe(202);
    expect(unknown).toMatchObject({ status: 202, body: known.body });
    await expect.poll(() => t.smtp.mails.filter((mail) => mail.to.includes(user.email)).length, { timeout: 15_000 }).toBe(2);
    // The new link replaces the old one.
    expectProblem(await call('POST', '/auth/verify-email/', { body: { token: first } }), 422, 'invalid_token');
    expect(t.smtp.mails.some((mail) => mail.to.includes('nobody@example.com'))).toBe(false);
  });
});

describe('the mailed-link requests', () => {
  it('do the same work whether the account exists or not: one queued job, nothing looked up', async () => {
    // An instance of its own whose jobs nobody runs: what a request queued stays to be seen.
    const idle = await startTestApp({ workers: false });
    try {
      const ask = caller(idle);
      const user = newUser();
      const registered = await ask('POST', '/auth/register/', { body: user });
      for (const path of ['/auth/password-reset/', '/auth/resend-verification/']) {
        const known = await ask('POST', path, { body: { email: user.email } });
        const unknown = await ask('POST', path, { body: { email: 'nobody-here@example.com' } });
        expect(known.status).toBe(202);
        expect(unknown).toMatchObject({ status: 202, body: known.body });
      }
      const jobs: Array<{ name: string; data: object }> = await idle.orm.em.fork().getConnection().execute(
        `select name, data from pgboss.job where data->>'email' in (?, 'nobody-here@example.com') order by name, data->>'email'`,
        [user.email],
      );
      expect(jobs.map((job) => [job.name, Object.keys(job.data)])).toEqual([
        ['auth.password-reset', ['email']],
        ['auth.password-reset', ['email']],
        ['auth.resend-verification', ['email']],
        ['auth.resend-verification', ['email']],
      ]);
      // Nothing about the account was touched while answering.
      const [tokens]: Array<{ n: number }> = await idle.orm.em.fork().getConnection().execute(`select count(*)::int as n from email_token where user_id = ? and purpose = 'password_reset'`, [registered.body.user.id]);
      expect(tokens?.n).toBe(0);
    } finally {
      await idle.close();
    }
  });
});

describe('sessions', () => {
  it('logs in with the API.md shape and refuses wrong credentials without saying which', async () => {
    const user = await register();
    const login = await call('POST', '/auth/login/', { body: { email: user.email, password: user.password } });
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(login.body).sort()).toEqual(['access', 'refresh', 'user']);
    expect(login.body.user).toMatchObject({ username: user.username, is_client: true, is_freelancer: true });
    const wrongPassword = await call('POST', '/auth/login/', { body: { email: user.email, password: 'WrongPass999' } });
    const unknownEmail = await call('POST', '/auth/login/', { body: { email: 'ghost@example.com', password: 'WrongPass999' } });
    expectProblem(wrongPassword, 401, 'invalid_credentials');
    expect(unknownEmail.body.detail).toBe(wrongPassword.body.detail);
    expectProblem(await call('POST', '/auth/login/', { body: { email: user.email } }), 400, 'validation_error');
  });

  it('rotates refresh tokens and revokes the whole family when a used one comes back', async () => {
    const user = await register();
    const pair = await call('POST', '/auth/token/', { body: { email: user.email, password: user.password } });
    expect(pair.body.token_type).toBe('Bearer');
    const first = await call('POST', '/auth/token/refresh/', { body: { refresh: pair.body.refresh } });
    expect(first.status).toBe(200);
    expect(first.body.refresh).not.toBe(pair.body.refresh);
    // The used token again: refused, and the token it was exchanged for dies with it.
    expectProblem(await call('POST', '/auth/token/refresh/', { body: { refresh: pair.body.refresh } }), 401, 'token_invalid');
    expectProblem(await call('POST', '/auth/token/refresh/', { body: { refresh: first.body.refresh } }), 401, 'token_invalid');
    // Other logins of the same user are not affected.
    expect((await call('POST', '/auth/token/refresh/', { body: { refresh: user.refresh } })).status).toBe(200);
  });

  it('refuses the access tokens of a session ended by logout or by reuse detection at once', async () => {
    const user = await register();
    const other = await call('POST', '/auth/login/', { body: { email: user.email, password: user.password } });
    expect((await call('POST', '/auth/logout/', { token: user.access, body: { refresh: user.refresh } })).status).toBe(204);
    expectProblem(await call('GET', '/auth/profile/', { token: user.access }), 401, 'token_invalid');
    expect((await call('GET', '/auth/profile/', { token: other.body.access })).status).toBe(200);

    const renewed = await call('POST', '/auth/token/refresh/', { body: { refresh: other.body.refresh } });
    expect((await call('GET', '/auth/profile/', { token: renewed.body.access })).status).toBe(200);
    // The used refresh token comes back: the whole session ends, access tokens included.
    expectProblem(await call('POST', '/auth/token/refresh/', { body: { refresh: other.body.refresh } }), 401, 'token_invalid');
    expectProblem(await call('GET', '/auth/profile/', { token: renewed.body.access }), 401, 'token_invalid');
    expectProblem(await call('GET', '/auth/profile/', { token: other.body.access }), 401, 'token_invalid');
  });

  it('expires access tokens after 15 minutes and refresh tokens after 7 days', async () => {
    const user = await register();
    t.advanceClock(16 * 60 * 1000);
    expectProblem(await call('GET', '/auth/profile/', { token: user.access }), 401, 'token_expired');
    const renewed = await call('POST', '/auth/token/refresh/', { body: { refresh: user.refresh } });
    expect((await call('GET', '/auth/profile/', { token: renewed.body.access })).status).toBe(200);
    t.advanceClock(8 * 24 * 60 * 60 * 1000);
    expectProblem(await call('POST', '/auth/token/refresh/', { body: { refresh: renewed.body.refresh } }), 401, 'token_expired');
    expectProblem(await call('POST', '/auth/token/refresh/', { body: { refresh: 'not-a-token' } }), 401, 'token_invalid');
  });

  it('logs out: the session ends, other users are untouched', async () => {
    const user = await register();
    const other = await register();
    expectProblem(await call('POST', '/auth/logout/', { body: { refresh: user.refresh } }), 401, 'not_authenticated');
    // Another user's refresh token: accepted, revokes nothing.
    expect((await call('POST', '/auth/logout/', { token: user.access, body: { refresh: other.refresh } })).status).toBe(204);
    expect((await call('POST', '/auth/token/refresh/', { body: { refresh: other.refresh } })).status).toBe(200);
    expect((await call('POST', '/auth/logout/', { token: user.access, body: { refresh: user.refresh } })).status).toBe(204);
    expectProblem(await call('POST', '/auth/token/refresh/', { body: { refresh: user.refresh } }), 401, 'token_invalid');
  });

  it('changes the password: other sessions end, the answer is a fresh pair', async () => {
    const user = await register();
    expectProblem(await call('POST', '/auth/profile/change-password/', { body: { current_password: user.password, new_password: 'EvenStronger456' } }), 401, 'not_authenticated');
    expectProblem(
      await call('POST', '/auth/profile/change-password/', { token: user.access, body: { current_password: 'WrongPass999', new_password: 'EvenStronger456' } }),
      422,
      'business_rule_violation',
    );
    const weak = await call('POST', '/auth/profile/change-password/', { token: user.access, body: { current_password: user.password, new_password: 'qwertyuiop' } });
    expect(weak.body.errors).toHaveProperty('new_password');
    const changed = await call('POST', '/auth/profile/change-password/', { token: user.access, body: { current_password: user.password, new_password: 'EvenStronger456' } });
    expect(changed.status).toBe(200);
    expectProblem(await call('GET', '/auth/profile/', { token: user.access }), 401, 'token_invalid');
    expectProblem(await call('POST', '/auth/token/refresh/', { body: { refresh: user.refresh } }), 401, 'token_invalid');
    expect((await call('GET', '/auth/profile/', { token: changed.body.access })).status).toBe(200);
    expect((await call('POST', '/auth/login/', { body: { email: user.email, password: 'EvenStronger456' } })).status).toBe(200);
  });
});

describe('password reset', () => {
  it('mails a one-hour single-use link and answers the same for unknown addresses', async () => {
    const user = await register();
    const known = await call('POST', '/auth/password-reset/', { body: { email: user.email.toUpperCase() } });
    const unknown = await call('POST', '/auth/password-reset/', { body: { email: 'nobody-at-all@example.com' } });
    expect(known.status).toBe(202);
    expect(unknown).toMatchObject({ status: 202, body: known.body });
    const token = tokenFrom((await t.smtp.waitForMail(user.email, /reset-password\?token=/)).text);

    // A refused password does not use the link up.
    const weak = await call('POST', '/auth/password-reset/confirm/', { body: { token, new_password: 'password123' } });
    expect(weak.body.errors).toHaveProperty('new_password');
    expect((await call('POST', '/auth/password-reset/confirm/', { body: { token, new_password: 'BrandNewPass789' } })).status).toBe(200);
    expectProblem(await call('POST', '/auth/password-reset/confirm/', { body: { token, new_password: 'AnotherPass321' } }), 422, 'invalid_token');
    expectProblem(await call('GET', '/auth/profile/', { token: user.access }), 401, 'token_invalid');
    expectProblem(await call('POST', '/auth/login/', { body: { email: user.email, password: user.password } }), 401, 'invalid_credentials');
    const login = await call('POST', '/auth/login/', { body: { email: user.email, password: 'BrandNewPass789' } });
    expect(login.body.user.email_verified).toBe(true);
  });

  it('refuses a link older than an hour', async () => {
    const user = await register();
    await call('POST', '/auth/password-reset/', { body: { email: user.email } });
    const token = tokenFrom((await t.smtp.waitForMail(user.email, /reset-password/)).text);
    t.advanceClock(61 * 60 * 1000);
    expectProblem(await call('POST', '/auth/password-reset/confirm/', { body: { token, new_password: 'BrandNewPass789' } }), 422, 'invalid_token');
  });
});

describe('profile', () => {
  it('is read and replaced by its owner only', async () => {
    const owner = await register();
    const other = await register();
    expectProblem(await call('GET', '/auth/profile/'), 401, 'not_authenticated');
    const profile = { first_name: 'Lina', last_name: 'Haddad', bio: 'APIs', avatar_url: null, location: 'Beirut', hourly_rate: '40.00', currency: 'eur', is_client: false, is_freelancer: true };
    expectProblem(await call('PUT', '/auth/profile/', { body: profile }), 401, 'not_authenticated');
    const updated = await call('PUT', '/auth/profile/', { token: owner.access, body: profile });
    expect(updated.body).toMatchObject({ display_name: 'Lina Haddad', hourly_rate: '40.00', currency: 'eur', is_client: false });
    expect((await call('GET', '/auth/profile/', { token: other.access })).body.username).toBe(other.username);
    expect((await call('GET', '/auth/profile/', { token: other.access })).body.first_name).toBe('');
    expectProblem(await call('PUT', '/auth/profile/', { token: owner.access, body: { ...profile, is_freelancer: false } }), 422, 'business_rule_violation');
    const badMoney = await call('PUT', '/auth/profile/', { token: owner.access, body: { ...profile, hourly_rate: 40 } });
    expect(badMoney.body.errors).toHaveProperty('hourly_rate');
    expectProblem(await call('GET', '/auth/profile/', { token: `${owner.access}x` }), 401, 'token_invalid');
    expectProblem(await call('GET', '/auth/profile/', { headers: { Authorization: 'Token abc' } }), 401, 'not_authenticated');
  });
});

describe('availability checks', () => {
  it('says taken, invalid or available, ignoring case', async () => {
    const user = await register();
    expect((await call('GET', `/auth/check-username/?username=${user.username.toUpperCase()}`)).body).toMatchObject({ available: false, reason: 'taken' });
    expect((await call('GET', '/auth/check-username/?username=a!')).body).toMatchObject({ available: false, reason: 'invalid' });
    expect((await call('GET', '/auth/check-username/?username=free_name_42')).body).toMatchObject({ available: true, reason: null });
    expect((await call('GET', `/auth/check-email/?email=${user.email.toUpperCase()}`)).body).toMatchObject({ available: false, reason: 'taken' });
    expect((await call('GET', '/auth/check-email/?email=not-an-email')).body.reason).toBe('invalid');
    expectProblem(await call('GET', '/auth/check-email/'), 400, 'validation_error');
  });
});

describe('account deletion', () => {
  it('needs the password, anonymises the account and ends every session', async () => {
    const user = await register();
    const viewer = await register();
    expectProblem(await call('DELETE', '/auth/delete-account/', { body: { password: user.password } }), 401, 'not_authenticated');
    expectProblem(await call('DELETE', '/auth/delete-account/', { token: user.access, body: { password: 'WrongPass999' } }), 422, 'business_rule_violation');
    expect((await call('DELETE', '/auth/delete-account/', { token: user.access, body: { password: user.password } })).status).toBe(204);
    expectProblem(await call('GET', '/auth/profile/', { token: user.access }), 401, 'token_invalid');
    expectProblem(await call('POST', '/auth/token/refresh/', { body: { refresh: user.refresh } }), 401, 'token_invalid');
    expectProblem(await call('POST', '/auth/login/', { body: { email: user.email, password: user.password } }), 401, 'invalid_credentials');
    expectProblem(await call('GET', `/auth/users/${user.username}/`, { token: viewer.access }), 404, 'not_found');
    const [row] = await t.orm.em.fork().getConnection().execute('select username, email, first_name from app_user where id = ?', [user.id]);
    expect(row).toEqual({ username: `~deleted-${user.id}`, email: null, first_name: '' });
    // The address can open a new account; the deleted account's name can never be registered.
    expect((await call('POST', '/auth/register/', { body: newUser({ email: user.email }) })).status).toBe(201);
    expectProblem(await call('POST', '/auth/register/', { body: newUser({ username: `~deleted-${user.id}` }) }), 400, 'validation_error');
  });

  it('succeeds even when someone registered the old deleted-<id> name first', async () => {
    const user = await register();
    expect((await call('POST', '/auth/register/', { body: newUser({ username: `deleted-${user.id}` }) })).status).toBe(201);
    expect((await call('DELETE', '/auth/delete-account/', { token: user.access, body: { password: user.password } })).status).toBe(204);
  });
});

describe('Google login', () => {
  it('creates an account, signs it in again, and links an existing account by email', async () => {
    const email = `${newUser().username}@gmail.test`;
    const idToken = await t.google.idToken({ sub: 'google-1', email, given_name: 'Rami', family_name: 'Aziz' });
    const first = await call('POST', '/auth/google/login/', { body: { id_token: idToken, is_freelancer: true, is_client: false } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: true, user: { email, display_name: 'Rami Aziz', email_verified: true, is_freelancer: true, is_client: false } });
    const again = await call('POST', '/auth/google/login/', { body: { id_token: idToken } });
    expect(again.body).toMatchObject({ created: false, user: { id: first.body.user.id } });

    const existing = await register();
    const linked = await call('POST', '/auth/google/login/', { body: { id_token: await t.google.idToken({ sub: 'google-2', email: existing.email }) } });
    expect(linked.body).toMatchObject({ created: false, user: { id: existing.id, email_verified: true } });
  });

  it('refuses tokens with the wrong audience, an unverified email, or past their expiry', async () => {
    const wrongAudience = await t.google.idToken({ sub: 'g-3', email: 'a@gmail.test' }, { audience: 'someone-else' });
    expectProblem(await call('POST', '/auth/google/login/', { body: { id_token: wrongAudience } }), 401, 'token_invalid');
    const unverified = await t.google.idToken({ sub: 'g-4', email: 'b@gmail.test', email_verified: false });
    expectProblem(await call('POST', '/auth/google/login/', { body: { id_token: unverified } }), 401, 'token_invalid');
    const expired = await t.google.idToken({ sub: 'g-5', email: 'c@gmail.test' }, { lifetimeSeconds: 1 });
    t.advanceClock(60 * 60 * 1000);
    expectProblem(await call('POST', '/auth/google/login/', { body: { id_token: expired } }), 401, 'token_invalid');
    expectProblem(await call('POST', '/auth/google/login/', { body: { id_token: 'garbage' } }), 401, 'token_invalid');
  });
});
