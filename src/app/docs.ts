/**
 * `/api/docs/`: Swagger UI on the bundled spec, its script and styles served from the installed
 * `swagger-ui-dist` package, so that the page works without internet (a CDN script would leave
 * it blank offline). Only the few files the page needs are served, read once on first use.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AppRouter } from './router.ts';

// The package's folder, without loading its multi-megabyte bundle into the service.
const assetsDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const page = (specUrl: string, assetsUrl: string) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>taskmarket API</title>
  <link rel="icon" href="${assetsUrl}favicon-32x32.png">
  <link rel="stylesheet" href="${assetsUrl}swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="${assetsUrl}swagger-ui-bundle.js"></script>
  <script>SwaggerUIBundle({ url: ${JSON.stringify(specUrl)}, dom_id: '#docs', deepLinking: true });</script>
</body>
</html>
`;

/** Serves the docs page at `${path}` and its files under `${path}assets/`. */
export function serveDocs(router: AppRouter, options: { path: string; specUrl: string; publicPath: string }): void {
  const cache = new Map<string, Promise<Buffer>>();
  router.get(options.path, (c) => c.html(page(options.specUrl, `${options.publicPath}assets/`)));
  router.get(`${options.path}assets/:file`, async (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (!type) return c.notFound();
    if (!cache.has(file)) cache.set(file, readFile(join(assetsDir, file)));
    return c.body(new Uint8Array(await cache.get(file)!), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
  });
}
