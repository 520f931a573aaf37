/**
 * Checks a response against the contract: the operation must declare the status, the content
 * type must be the declared one (none for a body-less response), every header the response
 * declares `required` must be there and match its schema, and the body must validate against the
 * declared schema (Ajv, JSON Schema 2020-12, on the bundled spec).
 *
 * Validation is strict where the spec is open: an object schema that lists its properties and
 * does not say otherwise refuses undeclared ones here, so a field the contract does not declare
 * fails a test instead of passing every check.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadBundledSpec, resolveRef, specOperations, type OperationObject, type SchemaObject } from './spec.ts';

const spec = loadBundledSpec();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

/** A copy of `node` where every object schema with `properties` refuses other properties. */
export function closeObjectSchemas<T>(node: T): T {
  if (Array.isArray(node)) return node.map(closeObjectSchemas) as T;
  if (!node || typeof node !== 'object') return node;
  const copy = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === 'examples' || key === 'example' ? value : closeObjectSchemas(value)]),
  ) as Record<string, unknown>;
  if (copy.properties && typeof copy.properties === 'object' && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy as T;
}

ajv.addSchema({ $id: 'taskmarket', components: { schemas: closeObjectSchemas(spec.components.schemas) } });

const operations = [...specOperations(spec)].map(([key, operation]) => {
  const [method, path] = key.split(' ') as [string, string];
  const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
  return { method, path, pattern, operation };
});

const validators = new Map<string, ReturnType<typeof ajv.compile>>();
function validatorFor(ref: string) {
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.getSchema(`taskmarket${ref}`);
    if (!validate) throw new Error(`no schema ${ref}`);
    validators.set(ref, validate);
  }
  return validate;
}

type HeaderObject = { $ref?: string; required?: boolean; schema?: SchemaObject };

function headerViolations(declared: Record<string, HeaderObject>, response: Response, where: string): string[] {
  const violations: string[] = [];
  for (const [name, reference] of Object.entries(declared)) {
    const header = resolveRef(spec, reference);
    const value = response.headers.get(name);
    if (value === null) {
      if (header.required) violations.push(`${where}: required header ${name} is missing`);
      continue;
    }
    const schema = header.schema ?? {};
    const typed = schema.type === 'integer' ? Number(value) : value;
    const validate = ajv.compile(schema);
    if (!validate(typed)) violations.push(`${where}: header ${name}: ${JSON.stringify(value)} ${validate.errors?.[0]?.message}`);
  }
  return violations;
}

export function findOperation(method: string, apiPath: string): { path: string; operation: OperationObject } | undefined {
  return operations.find((candidate) => candidate.method === method && candidate.pattern.test(apiPath));
}

/** The problems with `response` as an answer to `method apiPath` (path without the /api prefix). */
export async function contractViolations(method: string, apiPath: string, response: Response): Promise<string[]> {
  const found = findOperation(method, apiPath);
  if (!found) return [];
  const where = `${method} ${found.path} → ${response.status}`;
  // 501 is outside the contract: an operation whose domain is not built yet. It is still a problem document.
  const declared =
    response.status === 501
      ? { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }
      : found.operation.responses[String(response.status)];
  if (!declared) return [`${where}: status not declared by the contract`];
  const resolved = resolveRef(spec, declared) as { content?: Record<string, { schema?: SchemaObject }>; headers?: Record<string, HeaderObject> };
  const violations = headerViolations(resolved.headers ?? {}, response, where);
  const content = resolved.content;
  const text = await response.clone().text();
  if (!content) return text === '' ? violations : [...violations, `${where}: the contract declares no body, got ${text.slice(0, 200)}`];
  const actualType = response.headers.get('content-type') ?? '';
  const declaredType = Object.keys(content).find((mediaType) => actualType.startsWith(mediaType));
  if (!declaredType) return [...violations, `${where}: content type ${actualType}, the contract says ${Object.keys(content).join(' or ')}`];
  const ref = content[declaredType]!.schema?.$ref;
  if (!ref) return violations;
  if (declaredType === 'text/event-stream') return [...violations, ...eventStreamViolations(text, ref, where)];
  const validate = validatorFor(ref);
  if (validate(JSON.parse(text))) return violations;
  return [...violations, ...validate.errors!.map((error) => `${where}: ${error.instancePath || '/'} ${error.message} (${ref})`)];
}

/** Each frame of a finished event stream, `{event, data}`, against the stream schema's `contentSchema`. */
function eventStreamViolations(text: string, ref: string, where: string): string[] {
  const frameRef = (resolveRef(spec, { $ref: ref }) as { contentSchema?: { $ref?: string } }).contentSchema?.$ref;
  if (!frameRef) return [];
  const validate = validatorFor(frameRef);
  const violations: string[] = [];
  for (const block of text.split(/\n\n+/)) {
    const lines = block.split('\n').filter((line) => line && !line.startsWith(':'));
    if (!lines.length) continue;
    const field = (name: string) => lines.filter((line) => line.startsWith(`${name}:`)).map((line) => line.slice(name.length + 1).replace(/^ /, ''));
    const frame = { event: field('event')[0], data: JSON.parse(field('data').join('\n')) as unknown };
    if (!validate(frame)) violations.push(...validate.errors!.map((error) => `${where}: event ${frame.event}: ${error.instancePath || '/'} ${error.message} (${frameRef})`));
  }
  return violations;
}
