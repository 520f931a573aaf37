/**
 * Password guessing is throttled per account (whichever addresses the guesses come from) and per
 * address (whichever accounts they aim at), on sign-in and on the password re-checks of
 * change-password and delete-account. A lock-out says nothing about whether the account exists,
 * and the counters live in PostgreSQL: they hold for every instance and across restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, newUser, type Answer } from '../support/http.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const LIMITS = { TRUST_PROXY: '1', LOGIN_FAILURES_PER_ACCOUNT: '3', LOGIN_FAILURES_PER_ADDRESS: '5' };
let t: TestApp;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  t = await startTestApp({ env: LIMITS });
  call = caller(t);
});
afterAll(async () => {
  await t?.close();
});

let lastAddress = 0;
const newAddress = () => `10.20.${Math.floor(++lastAddress / 250)}.${lastAddress % 250}`;
const signIn = (email: string, password: string, address = newAddress(), on = call) =>
  on('POST', '/auth/login/', { body: { email, password }, headers: { 'X-Forwarded-For': address } });

async function registered() {
  const user = newUser();
  const answer = await call('POST', '/auth/register/', { body: user });
  expect(answer.status).toBe(201);
  return { ...user, access: answer.body.access as string };
}

function expectLockedOut(answer: Answer) {
  expect(answer.status).toBe(429);
  expect(answer.body.code).toBe('rate_limited');
  expect(answer.body.detail).toMatch(/^Too many failed attempts\. Try again in \d+ seconds\.$/);
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
}

describe('sign-in', () => {
  it('locks an account out after its failures from many addresses, even for the right password', async () => {
    const user = await registered();
    for (let guess = 0; guess < 3; guess += 1) expect((await signIn(user.email, `WrongGuess${guess}!`)).status).toBe(401);
    expectLockedOut(await signIn(user.email, 'WrongGuess9!'));
    expectLockedOut(await signIn(user.email, user.password));
  });

  it('answers an unknown account exactly as a known one', async () => {
    const unknown = `nobody-${Date.now()}@example.com`;
    for (let guess = 0; guess < 3; guess += 1) expect((await signIn(unknown, `WrongGuess${guess}!`)).status).toBe(401);
    expectLockedOut(await signIn(unknown, 'WrongGuess9!'));
  });

  it('locks an address out after failures on many accounts; other addresses go on', async () => {
    const address = newAddress();
    for (let account = 0; account < 5; account += 1) expect((await signIn(`target${account}-${Date.now()}@example.com`, 'WrongGuess1!', address)).status).toBe(401);
    const user = await registered();
    expectLockedOut(await signIn(user.email, user.password, address));
    expect((await signIn(user.email, user.password)).status).toBe(200);
  });

  it('forgets an account’s failures once its owner signs in', async () => {
    const user = await registered();
    for (let guess = 0; guess < 2; guess += 1) expect((await signIn(user.email, 'WrongGuess1!')).status).toBe(401);
    expect((await signIn(user.email, user.password)).status).toBe(200);
    for (let guess = 0; guess < 2; guess += 1) expect((await signIn(user.email, 'WrongGuess1!')).status).toBe(401);
    expect((await signIn(user.email, user.password)).status).toBe(200);
  });
});

describe('password re-checks', () => {
  it('lock change-password after wrong current passwords', async () => {
    const user = await registered();
    const change = (current: string) =>
      call('POST', '/auth/profile/change-password/', { token: user.access, body: { current_password: current, new_password: 'EvenStronger456' } });
    for (let guess = 0; guess < 3; guess += 1) expect((await change('WrongGuess1!')).status).toBe(422);
    expectLockedOut(await change(user.password));
  });

  it('lock delete-account after wrong passwords', async () => {
    const user = await registered();
    const remove = (password: string) => call('DELETE', '/auth/delete-account/', { token: user.access, body: { password } });
    for (let guess = 0; guess < 3; guess += 1) expect((await remove('WrongGuess1!')).status).toBe(422);
    expectLockedOut(await remove(user.password));
  });
});

describe('the counters', () => {
  it('hold for another instance on the same database (and so across a restart)', async () => {
    const user = await registered();
    for (let guess = 0; guess < 3; guess += 1) expect((await signIn(user.email, 'WrongGuess1!')).status).toBe(401);
    const other = await startTestApp({ env: LIMITS, sharedDatabaseOf: t });
    try {
      expectLockedOut(await signIn(user.email, user.password, newAddress(), caller(other)));
    } finally {
      await other.close();
    }
  });

  it('end with the lock-out window', async () => {
    const short = await startTestApp({ env: { ...LIMITS, LOGIN_LOCKOUT_SECONDS: '1' } });
    try {
      const user = { ...newUser() };
      expect((await caller(short)('POST', '/auth/register/', { body: user })).status).toBe(201);
      for (let guess = 0; guess < 3; guess += 1) expect((await signIn(user.email, 'WrongGuess1!', newAddress(), caller(short))).status).toBe(401);
      expectLockedOut(await signIn(user.email, user.password, newAddress(), caller(short)));
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await signIn(user.email, user.password, newAddress(), caller(short))).status).toBe(200);
    } finally {
      await short.close();
    }
  });
});
