/**
 * The contract covers exactly the API.md surface, and keeps every body shape API.md shows
 * (API.md's inventory is data of this project: api-md-inventory.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstExample } from '../support/example-request.ts';
import {
  apiMdInventory,
  loadBundledSpec,
  resolveRef,
  specOperations,
  type SchemaObject,
} from '../support/spec.ts';

const spec = loadBundledSpec();
const operations = specOperations(spec);
const inventory = apiMdInventory();
/** Operations issues added beyond API.md (contract-additions.json), with their domain and why. */
const additions: Record<string, { domain: string; public: boolean; why: string }> = JSON.parse(
  readFileSync(new URL('./contract-additions.json', import.meta.url), 'utf8'),
).operations;
const listed = [...Object.values(inventory.operations).flat(), ...Object.keys(additions)];

/** The JSON type a schema describes: 'string', 'integer', 'object', … ('null' left out). */
function jsonType(schema: SchemaObject): string | undefined {
  const resolved = resolveRef(spec, schema);
  if (resolved.allOf?.length) return jsonType(resolved.allOf[0] as SchemaObject);
  // A nullable reference is written `oneOf: [{$ref}, {type: 'null'}]`: the type is the other branch.
  const branches = resolved.oneOf ?? resolved.anyOf ?? [];
  const nonNull = branches.map(jsonType).filter((type) => type !== undefined);
  if (nonNull.length) return nonNull[0];
  const types = [resolved.type ?? []].flat().filter((type) => type !== 'null');
  return types[0];
}

/** The schema at a dotted property path (`user.username`, `results[].task_id`). */
function schemaAt(root: SchemaObject, path: string): SchemaObject {
  return path.split('.').reduce<SchemaObject>((schema, segment) => {
    let resolved = resolveRef(spec, schema);
    if (resolved.allOf?.length) resolved = resolveRef(spec, resolved.allOf[0] as SchemaObject);
    const isArray = segment.endsWith('[]');
    const name = segment.replace('[]', '');
    const property = resolved.properties?.[name];
    if (!property) throw new Error(`no property "${name}" in ${JSON.stringify(resolved).slice(0, 200)}`);
    expect(resolved.required ?? [], `"${name}" is required`).toContain(name);
    return isArray ? (resolveRef(spec, property).items as SchemaObject) : property;
  }, root);
}

function requestSchema(operation: string): SchemaObject {
  const schema = operations.get(operation)?.requestBody?.content['application/json']?.schema;
  if (!schema) throw new Error(`${operation} has no JSON request body`);
  return schema;
}

function responseSchema(operation: string, status: string): SchemaObject {
  const response = operations.get(operation)?.responses[status];
  if (!response) throw new Error(`${operation} has no ${status} response`);
  const schema = resolveRef(spec, response).content?.['application/json']?.schema;
  if (!schema) throw new Error(`${operation} ${status} has no JSON body`);
  return schema;
}

describe('the operations', () => {
  it('API.md lists 100 distinct operations, and the additions are none of them', () => {
    const fromApiMd = Object.values(inventory.operations).flat();
    expect(fromApiMd).toHaveLength(100);
    expect(new Set(listed).size).toBe(100 + Object.keys(additions).length);
  });

  it('the spec has exactly the operations of API.md and the additions issues asked for, each tagged with its domain', () => {
    expect([...operations.keys()].sort()).toEqual([...listed].sort());
    for (const [domain, keys] of Object.entries(inventory.operations)) {
      for (const key of keys) expect(operations.get(key)?.tags, key).toEqual([domain]);
    }
    for (const [key, addition] of Object.entries(additions)) {
      expect(operations.get(key)?.tags, key).toEqual([addition.domain]);
      expect(operations.get(key)?.security?.length === 0, `${key} public`).toBe(addition.public);
    }
  });

  it('operationIds are unique', () => {
    const ids = [...operations.values()].map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('only the operations API.md calls public take no token', () => {
    const isPublic = (key: string) => operations.get(key)?.security?.length === 0;
    for (const key of inventory.public) expect(isPublic(key), key).toBe(true);
    for (const key of inventory.protected) expect(isPublic(key), key).toBe(false);
    for (const domain of inventory.protected_domains.domains) {
      for (const key of inventory.operations[domain]!) {
        if (!inventory.public.includes(key)) expect(isPublic(key), key).toBe(false);
      }
    }
  });
});

describe('the body shapes API.md shows', () => {
  it.each(inventory.body_shapes.map((shape) => [shape.operation, shape.body, shape.fields] as const))('%s %s', (operation, where, fields) => {
    const root = where === 'request' ? requestSchema(operation) : responseSchema(operation, where);
    for (const [path, type] of Object.entries(fields)) {
      expect(jsonType(schemaAt(root, path)), `${operation} ${where}: ${path}`).toBe(type);
    }
  });
});

describe('the conventions', () => {
  it('money is a decimal string, never a number', () => {
    const money = resolveRef(spec, { $ref: '#/components/schemas/Money' } as SchemaObject);
    expect(money.type).toBe('string');
    const moneyNames = /(^|_)(amount|budget|balance|price|earned|spent|withdrawn|fee)(_|$)/;
    for (const [name, schema] of Object.entries(spec.components.schemas)) {
      for (const [property, definition] of Object.entries(schema.properties ?? {})) {
        if (moneyNames.test(property)) {
          expect(['string', 'array', 'object'], `${name}.${property}`).toContain(jsonType(definition));
        }
      }
    }
  });

  it('every operation that takes `page` answers {count, next, previous, results}', () => {
    let paginated = 0;
    for (const [key, operation] of operations) {
      const names = (operation.parameters ?? []).map((parameter) => resolveRef(spec, parameter).name);
      if (!names.includes('page')) continue;
      paginated += 1;
      expect(names, key).toContain('page_size');
      const schema = resolveRef(spec, responseSchema(key, '200'));
      expect(schema.required, key).toEqual(expect.arrayContaining(['count', 'next', 'previous', 'results']));
      expect(jsonType(schema.properties?.results ?? {}), key).toBe('array');
    }
    // Guards against a vacuous pass (the lists are found through their `page` parameter).
    expect(paginated).toBeGreaterThan(10);
  });

  it('every error response is problem+json', () => {
    for (const [key, operation] of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        expect(Object.keys(resolveRef(spec, response).content ?? {}), `${key} ${status}`).toEqual([
          'application/problem+json',
        ]);
      }
    }
  });
});

describe('the examples', () => {
  /** Every value under a `format: date-time` property of `schema` in `example`. */
  function dateTimes(schema: SchemaObject, example: unknown, found: string[] = []): string[] {
    const resolved = resolveRef(spec, schema);
    const branches = [...(resolved.oneOf ?? []), ...(resolved.allOf ?? [])];
    if (branches.length) branches.forEach((branch) => dateTimes(branch, example, found));
    if (resolved.format === 'date-time' && typeof example === 'string') found.push(example);
    if (example && typeof example === 'object' && !Array.isArray(example)) {
      for (const [name, value] of Object.entries(example)) if (resolved.properties?.[name]) dateTimes(resolved.properties[name]!, value, found);
    }
    if (Array.isArray(example) && resolved.items) example.forEach((item) => dateTimes(resolved.items!, item, found));
    return found;
  }

  it('send no date-time that has already passed (a deadline in the past is a 422)', () => {
    const seen: string[] = [];
    for (const [key, operation] of operations) {
      const media = operation.requestBody?.content['application/json'];
      if (media?.schema) seen.push(...dateTimes(media.schema, firstExample(media)).map((value) => `${key}: ${value}`));
    }
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.filter((entry) => Date.parse(entry.slice(entry.lastIndexOf(' ') + 1)) <= Date.now())).toEqual([]);
  });

  it('exist for the shared path parameters', () => {
    for (const name of ['Id', 'Username']) {
      expect(spec.components.parameters?.[name]?.example, name).toBeDefined();
    }
  });
});

