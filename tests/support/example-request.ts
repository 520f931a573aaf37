/**
 * A request that satisfies an operation's contract, built from its parameters and examples: the
 * same request can be sent to the mock and to the real service.
 */
import { loadBundledSpec, resolveRef, type OperationObject, type ParameterObject } from './spec.ts';

const spec = loadBundledSpec();

const PATH_VALUES: Record<string, string> = { id: '42', username: 'sara', task_id: '56' };

export function firstExample(media: { example?: unknown; examples?: Record<string, { value?: unknown }> }): unknown {
  if (media.example !== undefined) return media.example;
  return Object.values(media.examples ?? {})[0]?.value;
}

function sampleValue(parameter: ParameterObject): string {
  const schema = parameter.schema ?? {};
  const candidate = (schema.examples as unknown[] | undefined)?.[0] ?? schema.default ?? (schema.enum as unknown[] | undefined)?.[0];
  if (candidate !== undefined) return typeof candidate === 'object' ? JSON.stringify(candidate) : String(candidate as string | number | boolean);
  return schema.type === 'integer' ? '1' : schema.type === 'boolean' ? 'true' : 'sara@example.com';
}

/** A request that satisfies the operation's contract, built from its parameters and example. */
export function exampleRequest(baseUrl: string, path: string, method: string, operation: OperationObject, token = 'demo-access-token'): Request {
  const pathItem = spec.paths[path] as { parameters?: ParameterObject[] };
  const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) =>
    resolveRef(spec, p),
  );
  const url = new URL(baseUrl + path.replace(/\{(\w+)\}/g, (_, name: string) => PATH_VALUES[name] ?? '1'));
  const headers = new Headers({ Authorization: `Bearer ${token}`, Accept: 'application/json' });
  for (const parameter of parameters) {
    if (!parameter.required) continue;
    if (parameter.in === 'query') url.searchParams.set(parameter.name, sampleValue(parameter));
    if (parameter.in === 'header') headers.set(parameter.name, 't=1767225600,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd');
  }
  const media = operation.requestBody?.content['application/json'];
  if (media) headers.set('Content-Type', 'application/json');
  return new Request(url, {
    method: method.toUpperCase(),
    headers,
    body: media ? JSON.stringify(firstExample(media)) : null,
  });
}
