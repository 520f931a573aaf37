/** Reading the contract and API.md in tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/generate.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export type SchemaObject = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
};

type MediaObject = { schema?: SchemaObject; example?: unknown; examples?: Record<string, { value?: unknown }> };
type ResponseObject = { $ref?: string; content?: Record<string, MediaObject> };
export type ParameterObject = { $ref?: string; name: string; in: string; required?: boolean; schema?: SchemaObject };
export type OperationObject = {
  operationId: string;
  tags?: string[];
  parameters?: ParameterObject[];
  security?: unknown[];
  requestBody?: { content: Record<string, MediaObject> };
  responses: Record<string, ResponseObject>;
};
export type BundledSpec = {
  paths: Record<string, Partial<Record<(typeof HTTP_METHODS)[number], OperationObject>>>;
  components: {
    schemas: Record<string, SchemaObject>;
    responses: Record<string, ResponseObject>;
    parameters?: Record<string, ParameterObject & { example?: unknown }>;
  };
};

export function loadBundledSpec(): BundledSpec {
  return JSON.parse(readFileSync(join(projectRoot, 'openapi/generated/openapi.json'), 'utf8')) as BundledSpec;
}

export function specOperations(spec: BundledSpec): Map<string, OperationObject> {
  const operations = new Map<string, OperationObject>();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) operations.set(`${method.toUpperCase()} ${path}`, operation);
    }
  }
  return operations;
}

export type ApiMdInventory = {
  operations: Record<string, string[]>;
  public: string[];
  protected: string[];
  protected_domains: { domains: string[] };
  body_shapes: Array<{ operation: string; body: string; fields: Record<string, string> }>;
};

/**
 * The API surface of API.md (the document the frontends code against), kept as data of this
 * project: every "METHOD /path/" by domain, the auth rules and the body shapes it shows.
 */
export function apiMdInventory(): ApiMdInventory {
  return JSON.parse(readFileSync(join(projectRoot, 'tests/contract/api-md-inventory.json'), 'utf8')) as ApiMdInventory;
}

/** Resolves a local `#/components/...` reference. */
export function resolveRef<T>(spec: BundledSpec, node: T & { $ref?: string }): T {
  if (!node.$ref) return node;
  const target = node.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], spec);
  return resolveRef(spec, target as T & { $ref?: string });
}
