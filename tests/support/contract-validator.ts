/**
 * Checks a response against the contract: the operation must declare the status, the content
 * type must be the declared one (none for a body-less response), and the body must validate
 * against the declared schema (Ajv, JSON Schema 2020-12, on the bundled spec).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadBundledSpec, resolveRef, specOperations, type OperationObject } from './spec.ts';

const spec = loadBundledSpec();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'taskmarket', components: spec.components });

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
  const content = resolveRef(spec, declared).content;
  const text = await response.clone().text();
  if (!content) return text === '' ? [] : [`${where}: the contract declares no body, got ${text.slice(0, 200)}`];
  const [mediaType, media] = Object.entries(content)[0]!;
  const actualType = response.headers.get('content-type') ?? '';
  if (!actualType.startsWith(mediaType)) return [`${where}: content type ${actualType}, the contract says ${mediaType}`];
  const ref = (media.schema as { $ref?: string } | undefined)?.$ref;
  if (!ref) return [];
  const validate = validatorFor(ref);
  if (validate(JSON.parse(text))) return [];
  return validate.errors!.map((error) => `${where}: ${error.instancePath || '/'} ${error.message} (${ref})`);
}
