/**
 * Whatever a client sends to register, login or the profile, the answer is a deliberate 2xx or
 * 4xx problem that the contract describes, never a 5xx (fast-check generates the bodies).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, loginAs } from '../support/http.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
let token: string;

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  call = caller(t);
  token = await loginAs(call, 'sara@example.com');
});
afterAll(async () => {
  await t?.close();
});

// Values of every JSON kind, with the strings that tend to break things.
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'sara', 'SARA', 'sara@example.com', "'; drop table app_user; --", '%_\\', '12345678901', 'StrongPass123', 'x'.repeat(300)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);
const bodyOf = (fields: string[]) =>
  fc.oneof(
    fc.record(Object.fromEntries(fields.map((field) => [field, nasty])), { requiredKeys: [] }),
    fc.dictionary(fc.string({ maxLength: 12 }), nasty, { maxKeys: 4 }),
    nasty,
  );

async function neverServerError(method: string, path: string, body: unknown, withToken = false) {
  const answer = await call(method, path, { body: JSON.stringify(body), token: withToken ? token : undefined });
  expect(answer.status, JSON.stringify({ body, answer: answer.body })).toBeLessThan(500);
  if (answer.status >= 400) expect(answer.headers.get('content-type')).toBe('application/problem+json');
}

describe('arbitrary bodies never produce a 5xx', () => {
  it('on register', async () => {
    await fc.assert(
      fc.asyncProperty(bodyOf(['username', 'email', 'password', 'first_name', 'last_name', 'is_client', 'is_freelancer']), (body) =>
        neverServerError('POST', '/auth/register/', body),
      ),
      { numRuns: 150 },
    );
  });

  it('on login', async () => {
    await fc.assert(fc.asyncProperty(bodyOf(['email', 'password']), (body) => neverServerError('POST', '/auth/login/', body)), { numRuns: 150 });
  });

  it('on the profile update', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodyOf(['first_name', 'last_name', 'bio', 'avatar_url', 'location', 'hourly_rate', 'currency', 'is_client', 'is_freelancer']),
        (body) => neverServerError('PUT', '/auth/profile/', body, true),
      ),
      { numRuns: 150 },
    );
  });
});
