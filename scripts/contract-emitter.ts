/**
 * Emits src/contract/ from the bundled spec: one zod schema per component (registered under the
 * component's name, so the document the app describes keeps the spec's `$ref` names) and one
 * `createRoute()` per operation.
 *
 * Written here rather than taken from a generator because the maintained zod generators we tried
 * (@hey-api/openapi-ts 0.99) drop `additionalProperties: false` (an unknown field would be
 * silently stripped instead of answered with a 400) and do not coerce path and query parameters
 * (which arrive as strings). The spec uses a small subset of JSON Schema, which this covers; an
 * unsupported keyword fails generation loudly instead of being ignored.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
};
type Parameter = { $ref?: string; name: string; in: string; required?: boolean; schema: Schema };
type Media = { schema?: Schema };
type Response = { $ref?: string; description: string; content?: Record<string, Media> };
type Operation = {
  operationId: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, Media> };
  responses: Record<string, Response>;
};
export type BundledSpec = {
  paths: Record<string, Record<string, unknown> & { parameters?: Parameter[] }>;
  components: {
    schemas: Record<string, Schema>;
    parameters?: Record<string, Parameter>;
    responses?: Record<string, Response>;
  };
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

// Keywords that only document: they change nothing a validator or a type would do.
const DOCUMENTATION_KEYWORDS = new Set(['title', 'description', 'examples', 'example', 'default']);
const SUPPORTED_KEYWORDS = new Set([
  ...DOCUMENTATION_KEYWORDS,
  '$ref', 'type', 'format', 'enum', 'const', 'pattern', 'minLength', 'maxLength', 'minimum',
  'maximum', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'items', 'properties',
  'required', 'additionalProperties', 'oneOf', 'allOf',
  // What a string carries (the frames of an event stream): documentation for zod, which checks the string.
  'contentMediaType', 'contentSchema',
]);

const literal = (value: unknown) => JSON.stringify(value);
const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

function checkKeywords(schema: Schema, where: string): void {
  for (const key of Object.keys(schema)) {
    if (!SUPPORTED_KEYWORDS.has(key)) throw new Error(`${where}: unsupported schema keyword "${key}"`);
  }
}

/**
 * How a schema is emitted: `input` marks request data, where defaults apply; `prefix` is how
 * component schemas are reached from the file being written.
 */
type Context = { input: boolean; prefix: string };

/** zod source for a JSON Schema. */
function zodFor(schema: Schema, where: string, context: Context): string {
  checkKeywords(schema, where);
  if (schema.$ref) return context.prefix + refName(schema.$ref);
  if (schema.allOf) {
    if (schema.allOf.length !== 1) throw new Error(`${where}: allOf with several members`);
    return zodFor(schema.allOf[0]!, where, context);
  }
  if (schema.oneOf) {
    const nonNull = schema.oneOf.filter((member) => member.type !== 'null');
    const nullable = nonNull.length < schema.oneOf.length ? '.nullable()' : '';
    if (nonNull.length === 1) return `${zodFor(nonNull[0]!, where, context)}${nullable}`;
    // Several shapes (a stream event's payload): the first that matches.
    return `z.union([${nonNull.map((member) => zodFor(member, where, context)).join(', ')}])${nullable}`;
  }
  const types = [schema.type ?? []].flat();
  const nullable = types.includes('null') || (schema.enum?.includes(null) ?? false);
  const type = types.filter((t) => t !== 'null');
  if (type.length !== 1) throw new Error(`${where}: expected one type, got ${JSON.stringify(schema.type)}`);
  let code = zodForType(type[0]!, schema, where, context);
  if (nullable) code += '.nullable()';
  return code;
}

function zodForType(type: string, schema: Schema, where: string, context: Context): string {
  switch (type) {
    case 'string': {
      if (schema.const !== undefined) return `z.literal(${literal(schema.const)})`;
      if (schema.enum) return `z.enum(${literal(schema.enum.filter((value) => value !== null))})`;
      let code =
        schema.format === 'email' ? 'z.email()'
        : schema.format === 'uri' ? 'z.url()'
        : schema.format === 'date-time' ? 'z.iso.datetime({ offset: true })'
        : schema.format === 'date' ? 'z.iso.date()'
        : 'z.string()';
      if (schema.minLength !== undefined) code += `.min(${schema.minLength})`;
      if (schema.maxLength !== undefined) code += `.max(${schema.maxLength})`;
      if (schema.pattern) code += `.regex(new RegExp(${literal(schema.pattern)}))`;
      return code;
    }
    case 'integer':
    case 'number': {
      let code = type === 'integer' ? 'z.int()' : 'z.number()';
      if (schema.minimum !== undefined) code += `.gte(${schema.minimum})`;
      if (schema.maximum !== undefined) code += `.lte(${schema.maximum})`;
      return code;
    }
    case 'boolean':
      return schema.const !== undefined ? `z.literal(${literal(schema.const)})` : 'z.boolean()';
    case 'array': {
      if (!schema.items) throw new Error(`${where}: array without items`);
      let code = `z.array(${zodFor(schema.items, `${where}[]`, context)})`;
      if (schema.minItems !== undefined) code += `.min(${schema.minItems})`;
      if (schema.maxItems !== undefined) code += `.max(${schema.maxItems})`;
      if (schema.uniqueItems) code += '.refine(uniqueItems, { message: "Items must be unique." })';
      return code;
    }
    case 'object':
      return zodForObject(schema, where, context);
    default:
      throw new Error(`${where}: unsupported type ${type}`);
  }
}

function zodForObject(schema: Schema, where: string, context: Context): string {
  if (!schema.properties) {
    if (schema.additionalProperties === false) return 'z.strictObject({})';
    return 'z.record(z.string(), z.unknown())';
  }
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties).map(([name, property]) => {
    let code = zodFor(property, `${where}.${name}`, context);
    if (context.input && property.default !== undefined) code += `.default(${literal(property.default)})`;
    else if (!required.has(name)) code += '.optional()';
    return `${literal(name)}: ${code}`;
  });
  // additionalProperties false: unknown fields are an error (400 naming them), not dropped.
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
    throw new Error(`${where}: additionalProperties must be false or absent`);
  }
  const constructor = schema.additionalProperties === false ? 'z.strictObject' : 'z.object';
  let code = `${constructor}({ ${fields.join(', ')} })`;
  if (schema.minProperties !== undefined) {
    code += `.refine((value) => Object.keys(value).length >= ${schema.minProperties}, { message: "Send at least ${schema.minProperties} field(s)." })`;
  }
  return code;
}

/** Component names in an order where every schema comes after the ones it references. */
function dependencyOrder(schemas: Record<string, Schema>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const refsOf = (node: unknown, found: Set<string>): Set<string> => {
    if (Array.isArray(node)) node.forEach((child) => refsOf(child, found));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') found.add(refName(value));
        else if (key !== 'examples' && key !== 'example') refsOf(value, found);
      }
    }
    return found;
  };
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`schema cycle through ${name}`);
    state.set(name, 'visiting');
    for (const dependency of refsOf(schemas[name], new Set())) visit(dependency);
    state.set(name, 'done');
    order.push(name);
  };
  Object.keys(schemas).sort().forEach(visit);
  return order;
}

/** Names of the component schemas used in request bodies (directly), where defaults apply. */
function requestSchemaNames(spec: BundledSpec): Set<string> {
  const names = new Set<string>();
  for (const item of Object.values(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Operation | undefined;
      for (const media of Object.values(operation?.requestBody?.content ?? {})) {
        if (media.schema?.$ref) names.add(refName(media.schema.$ref));
      }
    }
  }
  return names;
}

export function emitSchemas(spec: BundledSpec, header: string): string {
  const requestSchemas = requestSchemaNames(spec);
  const lines = [
    header,
    "import { z } from '@hono/zod-openapi';",
    '',
    'const uniqueItems = (items: unknown[]) => new Set(items.map((item) => JSON.stringify(item))).size === items.length;',
    '',
  ];
  for (const name of dependencyOrder(spec.components.schemas)) {
    const schema = spec.components.schemas[name]!;
    const code = zodFor(schema, name, { input: requestSchemas.has(name), prefix: '' });
    lines.push(`export const ${name} = ${code}.openapi(${literal(name)});`);
    lines.push(`export type ${name} = z.infer<typeof ${name}>;`, '');
  }
  return lines.join('\n');
}

function resolve<T extends { $ref?: string }>(spec: BundledSpec, node: T): T {
  if (!node.$ref) return node;
  const [, , kind, name] = node.$ref.split('/');
  const target = (spec.components as Record<string, Record<string, unknown>>)[kind!]?.[name!];
  if (!target) throw new Error(`unresolved ${node.$ref}`);
  return target as T;
}

/** Path and query parameters arrive as strings: coerce them before the spec's constraints apply. */
function zodForParameter(spec: BundledSpec, parameter: Parameter, where: string): string {
  const schema = parameter.schema.$ref ? resolve(spec, parameter.schema) : parameter.schema;
  checkKeywords(schema, where);
  let code: string;
  if (schema.type === 'integer') {
    code = 'z.coerce.number().int()';
    if (schema.minimum !== undefined) code += `.gte(${schema.minimum})`;
    if (schema.maximum !== undefined) code += `.lte(${schema.maximum})`;
  } else if (schema.type === 'boolean') {
    code = 'z.stringbool({ truthy: ["true"], falsy: ["false"] })';
  } else {
    code = zodFor(parameter.schema, where, { input: true, prefix: 'S.' });
  }
  if (schema.default !== undefined) code += `.default(${literal(schema.default)})`;
  else if (!parameter.required) code += '.optional()';
  return code;
}

function emitParameters(spec: BundledSpec, parameters: Parameter[], location: string, where: string): string | null {
  const matching = parameters.filter((parameter) => parameter.in === location);
  if (!matching.length) return null;
  const fields = matching.map((parameter) => {
    // Hono hands headers over with lower-case names.
    const name = location === 'header' ? parameter.name.toLowerCase() : parameter.name;
    return `${literal(name)}: ${zodForParameter(spec, parameter, `${where} ${parameter.name}`)}`;
  });
  return `z.object({ ${fields.join(', ')} })`;
}

function emitContent(content: Record<string, Media>, where: string): string {
  const entries = Object.entries(content).map(([mediaType, media]) => {
    if (!media.schema?.$ref) throw new Error(`${where}: ${mediaType} body must reference a component schema`);
    return `${literal(mediaType)}: { schema: S.${refName(media.schema.$ref)} }`;
  });
  return `{ ${entries.join(', ')} }`;
}

export function emitRoutes(spec: BundledSpec, header: string): string {
  const lines = [
    header,
    "import { createRoute, z } from '@hono/zod-openapi';",
    "import * as S from './schemas.ts';",
    '',
  ];
  const names: string[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolve(spec, p));
      const request: string[] = [];
      for (const [location, key] of [['path', 'params'], ['query', 'query'], ['header', 'headers']] as const) {
        const code = emitParameters(spec, parameters, location, where);
        if (code) request.push(`${key}: ${code}`);
      }
      if (operation.requestBody) {
        request.push(
          `body: { required: ${operation.requestBody.required ?? false}, content: ${emitContent(operation.requestBody.content, where)} }`,
        );
      }
      const responses = Object.entries(operation.responses).map(([status, reference]) => {
        const response = resolve(spec, reference);
        const content = response.content ? `, content: ${emitContent(response.content, `${where} ${status}`)}` : '';
        return `${status}: { description: ${literal(response.description)}${content} }`;
      });
      const fields = [
        `method: ${literal(method)}`,
        `path: ${literal(path)}`,
        `operationId: ${literal(operation.operationId)}`,
        `tags: ${literal(operation.tags ?? [])}`,
        `summary: ${literal(operation.summary ?? '')}`,
        ...(operation.security ? [`security: ${literal(operation.security)}`] : []),
        ...(request.length ? [`request: { ${request.join(', ')} }`] : []),
        `responses: { ${responses.join(', ')} }`,
      ];
      lines.push(`export const ${operation.operationId} = createRoute({`, ...fields.map((f) => `  ${f},`), '});', '');
      names.push(operation.operationId);
    }
  }
  lines.push('/** Every operation of the contract, by operationId. */');
  lines.push(`export const routes = { ${names.join(', ')} } as const;`, '');
  return lines.join('\n');
}
