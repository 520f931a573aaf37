/**
 * Input that the database cannot take is refused in the validation layer, on every operation of
 * the contract, with a 400 naming the field: never a 500. Each request starts from the
 * operation's own example (a valid request) and spoils one input:
 *   - the NUL character, which PostgreSQL text cannot hold, in any path, query or body string;
 *   - an integer past its declared maximum, in any path, query or body integer. Every integer
 *     input declares one, and ids declare PostgreSQL's `integer` limit (2^31 - 1): the 2^31 that
 *     once reached the database as a 500 is now a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRequest } from '../support/example-request.ts';
import { caller, loginAs } from '../support/http.ts';
import { loadBundledSpec, resolveRef, specOperations, type ParameterObject, type SchemaObject } from '../support/spec.ts';
import { BASE_URL, startTestApp, type TestApp } from '../support/test-app.ts';

const spec = loadBundledSpec();
const operations = specOperations(spec);
const NUL_TEXT = 'a\u0000b';
const INT4_MAX = 2_147_483_647;

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  token = await loginAs(caller(t), 'sara@example.com');
});
afterAll(async () => {
  await t?.close();
});

type Kind = 'text' | 'integer';
type Case = { key: string; field: string; kind: Kind; maximum?: number };

/** The schema (or its non-null branch) when it is of `kind`. */
function ofKind(schema: SchemaObject | undefined, kind: Kind): SchemaObject | undefined {
  if (!schema) return undefined;
  const resolved = resolveRef(spec, schema);
  if ([resolved.type ?? []].flat().includes(kind === 'text' ? 'string' : 'integer')) return resolved;
  return (resolved.oneOf ?? []).map((member) => ofKind(member, kind)).find(Boolean);
}

/** Every input of every operation that can carry text or an integer. */
function cases(kind: Kind): Case[] {
  const found: Case[] = [];
  for (const [key, operation] of operations) {
    const pathItem = spec.paths[key.split(' ')[1]!] as { parameters?: ParameterObject[] };
    for (const reference of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
      const parameter = resolveRef(spec, reference) as ParameterObject;
      const schema = ofKind(parameter.schema, kind);
      if ((parameter.in === 'path' || parameter.in === 'query') && schema) {
        found.push({ key, field: `${parameter.in}.${parameter.name}`, kind, maximum: schema.maximum as number | undefined });
      }
    }
    const body = operation.requestBody?.content['application/json']?.schema;
    const properties = body ? resolveRef(spec, body).properties ?? {} : {};
    for (const [name, property] of Object.entries(properties)) {
      const schema = ofKind(property, kind);
      if (schema) found.push({ key, field: name, kind, maximum: schema.maximum as number | undefined });
    }
  }
  return found;
}

/** The operation's example request with one input replaced by a value the database cannot take. */
async function spoiled({ key, field, kind, maximum }: Case): Promise<Request> {
  const [method, path] = key.split(' ') as [string, string];
  const example = exampleRequest(BASE_URL, path, method, operations.get(key)!, token);
  const value = kind === 'text' ? NUL_TEXT : maximum! + 1;
  const url = new URL(example.url);
  let body = example.body ? ((await example.json()) as Record<string, unknown>) : undefined;
  const [where, name] = field.includes('.') ? (field.split('.') as [string, string]) : ['body', field];
  if (where === 'query') url.searchParams.set(name, String(value));
  if (where === 'path') {
    // The example URL is the spec path under /api: swap the segment of the named parameter.
    const segments = url.pathname.split('/');
    const offset = segments.length - path.split('/').length;
    path.split('/').forEach((segment, index) => {
      if (segment === `{${name}}`) segments[index + offset] = encodeURIComponent(String(value));
    });
    url.pathname = segments.join('/');
  }
  if (where === 'body') body = { ...body, [name]: value };
  return new Request(url, { method, headers: example.headers, body: body === undefined ? null : JSON.stringify(body) });
}

describe('integer inputs', () => {
  it('all declare a maximum, and ids PostgreSQL’s integer limit', () => {
    const integers = cases('integer');
    expect(integers.filter((one) => one.maximum === undefined)).toEqual([]);
    const ids = integers.filter((one) => /(^|\.|_)(id|category|task|session_id)$/.test(one.field));
    expect(ids.length).toBeGreaterThan(30);
    for (const id of ids) expect(id.maximum, `${id.key} ${id.field}`).toBe(INT4_MAX);
  });
});

describe.each([
  ['the NUL character', 'text'],
  ['an integer past its maximum', 'integer'],
] as const)('%s', (_, kind) => {
  const all = cases(kind);
  it('is tried on enough inputs to mean something', () => {
    expect(all.length).toBeGreaterThan(kind === 'text' ? 60 : 40);
  });

  it.each(all.map((one) => [one.key, one.field, one] as const))('%s: %s is a 400 naming it', async (_key, field, one) => {
    const response = await t.fetch(await spoiled(one));
    const problem = await response.json();
    expect(response.status, JSON.stringify(problem)).toBe(400);
    expect(problem.errors, JSON.stringify(problem)).toHaveProperty([field]);
  });
});

it('a search for text with NUL is refused on the public board', async () => {
  const response = await t.fetch('/api/tasks/?search=a%00b');
  expect(response.status).toBe(400);
  expect((await response.json()).errors['query.search'][0]).toMatch(/NUL/);
});
