import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests exercise the SDK's source, so they never run against a stale build.
    alias: [
      { find: /^@taskmarket\/sdk\/msw$/, replacement: fileURLToPath(new URL('./sdk/src/msw.ts', import.meta.url)) },
      { find: /^@taskmarket\/sdk$/, replacement: fileURLToPath(new URL('./sdk/src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    // TASKMARKET_TEST_CANARY=1 runs tests/canary/ instead: the suite's check that a failing test
    // fails the run (tests/contract/exit-code.test.ts).
    include: process.env.TASKMARKET_TEST_CANARY ? ['tests/canary/*.canary.ts'] : ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
