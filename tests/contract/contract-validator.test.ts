/**
 * The response checks every integration test relies on (tests/support/contract-validator.ts) can
 * fail: an undeclared field, a missing required header or a wrong status is reported.
 */
import { describe, expect, it } from 'vitest';
import { contractViolations } from '../support/contract-validator.ts';
import { firstExample } from '../support/example-request.ts';
import { loadBundledSpec, specOperations } from '../support/spec.ts';

const spec = loadBundledSpec();
const taskExample = firstExample(specOperations(spec).get('GET /tasks/{id}/')!.responses['200']!.content!['application/json']!) as Record<string, unknown>;

const answer = (body: unknown, headers: Record<string, string> = { 'X-Request-Id': 'req-1' }, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json', ...headers } });

describe('the response check', () => {
  it('passes the contract’s own example', async () => {
    expect(await contractViolations('GET', '/tasks/42/', answer(taskExample))).toEqual([]);
  });

  it('refuses a property the contract does not declare, at any depth', async () => {
    expect((await contractViolations('GET', '/tasks/42/', answer({ ...taskExample, internal_note: 'x' }))).join()).toMatch(/must NOT have additional properties/);
    const client = { ...(taskExample.client as object), email: 'sara@example.com' };
    expect(await contractViolations('GET', '/tasks/42/', answer({ ...taskExample, client }))).not.toEqual([]);
  });

  it('requires the declared headers', async () => {
    expect(await contractViolations('GET', '/tasks/42/', answer(taskExample, {}))).toEqual(['GET /tasks/{id}/ → 200: required header X-Request-Id is missing']);
    const problem = { type: 'https://taskmarket.example/problems/not_authenticated', title: 't', status: 401, code: 'not_authenticated' };
    expect((await contractViolations('GET', '/auth/profile/', answer(problem, { 'X-Request-Id': 'r' }, 401))).join()).toMatch(/WWW-Authenticate is missing/);
  });

  it('refuses a status the operation does not declare and a code the contract does not list', async () => {
    expect(await contractViolations('GET', '/tasks/42/', answer(taskExample, undefined, 418))).toEqual(['GET /tasks/{id}/ → 418: status not declared by the contract']);
    const unknownCode = { type: 'x', title: 't', status: 404, code: 'business_rule' };
    expect((await contractViolations('GET', '/tasks/42/', answer(unknownCode, undefined, 404))).join()).toMatch(/must be equal to one of the allowed values/);
  });
});
