/**
 * The other half of the suite's self-check (tests/contract/exit-code.test.ts): a test that fails
 * on purpose, which must make the run exit non-zero.
 */
import { expect, it } from 'vitest';

it('fails on purpose', () => {
  expect(1 + 1).toBe(3);
});
