/**
 * Regenerates every file derived from the contract in openapi/:
 *   openapi/generated/openapi.json  the bundled spec (served by the mock and the service)
 *   sdk/src/schema.ts                TypeScript types for every path and component (openapi-typescript)
 *   sdk/src/public-operations.ts     the operations that take no token, so the SDK sends none, and
 *                                    those that take an Idempotency-Key, so the SDK adds one
 *   sdk/src/examples.ts              each operation's first success answer, from the contract's
 *                                    examples, for the SDK's MSW handlers
 *   src/contract/schemas.ts          a zod schema per component (scripts/contract-emitter.ts)
 *   src/contract/routes.ts           a createRoute() per operation, for the service's handlers
 *
 * `node scripts/generate.ts` writes them; tests call `renderGeneratedFiles()` and compare with
 * what is committed, so a spec change without regeneration fails CI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { emitRoutes, emitSchemas, type BundledSpec } from './contract-emitter.ts';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const HEADER = [
  '/**',
  ' * This file was auto-generated from openapi/ by `npm run generate`.',
  ' * Do not edit it by hand: change the spec and regenerate.',
  ' */',
  '',
].join('\n');

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

type OpenApiDocument = {
  security?: unknown[];
  paths: Record<string, Record<string, unknown>>;
};

/** Bundles openapi/openapi.yaml into one JSON document with Redocly (the same tool that lints it). */
export function bundleSpec(): OpenApiDocument {
  const dir = mkdtempSync(join(tmpdir(), 'taskmarket-bundle-'));
  try {
    const out = join(dir, 'openapi.json');
    execFileSync(
      join(projectRoot, 'node_modules/.bin/redocly'),
      ['bundle', 'openapi/openapi.yaml', '--ext', 'json', '-o', out],
      { cwd: projectRoot, stdio: 'pipe' },
    );
    return JSON.parse(readFileSync(out, 'utf8')) as OpenApiDocument;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Media = { example?: unknown; examples?: Record<string, { value?: unknown }> };
type ResponseObject = { $ref?: string; content?: Record<string, Media> };
type Operation = { security?: unknown[]; parameters?: { $ref?: string; name?: string }[]; responses?: Record<string, ResponseObject> };

/** Every operation of the spec, with its path and method. */
function* operationsOf(spec: OpenApiDocument): Generator<{ path: string; method: (typeof HTTP_METHODS)[number]; operation: Operation }> {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Operation | undefined;
      if (operation) yield { path, method, operation };
    }
  }
}

/** "METHOD /path/" of every operation that `holds`, sorted. */
const operationKeys = (spec: OpenApiDocument, holds: (operation: Operation) => boolean): string[] =>
  [...operationsOf(spec)].filter(({ operation }) => holds(operation)).map(({ path, method }) => `${method.toUpperCase()} ${path}`).sort();

/** "METHOD /path/" of every operation whose security is explicitly empty. */
export const publicOperationKeys = (spec: OpenApiDocument) => operationKeys(spec, (operation) => operation.security?.length === 0);

/** "METHOD /path/" of every operation with an `Idempotency-Key` header parameter. */
export const idempotencyKeyOperationKeys = (spec: OpenApiDocument) =>
  operationKeys(spec, (operation) => (operation.parameters ?? []).some((parameter) => parameter.name === 'Idempotency-Key' || parameter.$ref?.endsWith('/IdempotencyKey')));

function renderPublicOperations(spec: OpenApiDocument): string {
  const list = (keys: string[]) => keys.map((key) => `  ${JSON.stringify(key)},`).join('\n');
  return `${HEADER}
/** Operations the contract marks \`security: []\`: the SDK sends no bearer token to them. */
export const publicOperations: ReadonlySet<string> = new Set([
${list(publicOperationKeys(spec))}
]);

/** Operations that take an \`Idempotency-Key\` (they move money): the SDK adds one to each call. */
export const idempotencyKeyOperations: ReadonlySet<string> = new Set([
${list(idempotencyKeyOperationKeys(spec))}
]);
`;
}

/** Each operation's first success answer, with the example the contract writes for it. */
function renderExamples(spec: OpenApiDocument): string {
  const components = (spec as unknown as { components: { responses?: Record<string, ResponseObject> } }).components;
  const entries: string[] = [];
  for (const { path, method, operation } of operationsOf(spec)) {
    const status = Object.keys(operation.responses ?? {}).filter((code) => code.startsWith('2')).sort()[0];
    if (!status) continue;
    let response = operation.responses![status]!;
    if (response.$ref) response = components.responses?.[response.$ref.split('/').pop()!] ?? {};
    const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [null, undefined];
    const body = media ? (media.example ?? Object.values(media.examples ?? {})[0]?.value ?? null) : null;
    // One line an operation: the SDK ships this file, and a diff still shows which answer changed.
    entries.push(`  ${JSON.stringify({ method: method.toUpperCase(), path, status: Number(status), contentType, body })},`);
  }
  return `${HEADER}
/** One operation's first success answer, as the contract's example writes it. */
export type OperationExample = { method: string; path: string; status: number; contentType: string | null; body: unknown };

export const operationExamples: readonly OperationExample[] = [
${entries.join('\n')}
];
`;
}

/** Every generated file, path (relative to the project root) → content. */
export async function renderGeneratedFiles(): Promise<Map<string, string>> {
  const spec = bundleSpec();
  const ast = await openapiTS(spec as never, {
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    // A field with a default may be left out of a request: keep it optional in the types.
    defaultNonNullable: false,
  });
  return new Map([
    ['openapi/generated/openapi.json', `${JSON.stringify(spec, null, 2)}\n`],
    ['sdk/src/schema.ts', HEADER + astToString(ast)],
    ['sdk/src/public-operations.ts', renderPublicOperations(spec)],
    ['sdk/src/examples.ts', renderExamples(spec)],
    ['src/contract/schemas.ts', emitSchemas(spec as unknown as BundledSpec, HEADER)],
    ['src/contract/routes.ts', emitRoutes(spec as unknown as BundledSpec, HEADER)],
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, content] of await renderGeneratedFiles()) {
    const target = join(projectRoot, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    console.log(`generated ${file}`);
  }
}
