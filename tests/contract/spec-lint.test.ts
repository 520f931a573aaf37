/**
 * The spec lints clean under redocly.yaml, has no component file nobody references, and the
 * committed generated files are what `npm run generate` produces now.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, renderGeneratedFiles } from '../../scripts/generate.ts';
import { loadBundledSpec } from '../support/spec.ts';

describe('the spec', () => {
  it('lints with zero errors and zero warnings', () => {
    let output: string;
    try {
      output = execFileSync(
        join(projectRoot, 'node_modules/.bin/redocly'),
        ['lint', 'openapi/openapi.yaml', '--format', 'json'],
        { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output) as {
      totals: { errors: number; warnings: number };
      problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }>;
    };
    const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('has no unused component file (bundling keeps only referenced ones)', () => {
    const bundled = loadBundledSpec().components as unknown as Record<string, Record<string, unknown>>;
    const unused: string[] = [];
    for (const kind of readdirSync(join(projectRoot, 'openapi/components'))) {
      for (const file of readdirSync(join(projectRoot, 'openapi/components', kind))) {
        if (!bundled[kind]?.[basename(file, '.yaml')]) unused.push(`${kind}/${file}`);
      }
    }
    expect(unused).toEqual([]);
  });
});

describe('generated files', () => {
  it('are fresh: regeneration changes nothing', async () => {
    const stale: string[] = [];
    for (const [file, content] of await renderGeneratedFiles()) {
      let committed = '';
      try {
        committed = readFileSync(join(projectRoot, file), 'utf8');
      } catch {
        // missing counts as stale
      }
      if (committed !== content) stale.push(file);
    }
    expect(stale, 'run `npm run generate` and commit the result').toEqual([]);
  });
});
