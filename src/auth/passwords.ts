/**
 * Password hashing (argon2id with OWASP's parameters) and the password policy: at least 10
 * characters, not only digits, and strong enough by zxcvbn (which also catches common passwords
 * and passwords built from the username or email).
 */
import argon2 from 'argon2';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import pLimit from 'p-limit';

// OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1.
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const MIN_SCORE = 2;

/**
 * zxcvbn's dictionaries take about 50 MB once built: loaded on the first password to judge
 * (registration, a password change), not by every process at start.
 */
let strength: Promise<ZxcvbnFactory> | undefined;
function passwordStrength() {
  strength ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...english.dictionary }, graphs: common.adjacencyGraphs, translations: english.translations });
  })();
  return strength;
}

/**
 * Each hash holds 19 MiB while it runs, outside the JS heap: without a bound, a burst of sign-ins
 * multiplies that by however many arrive at once. Beyond the bound they wait their turn.
 */
const hashingSlots = pLimit(2);

/** How many hashes may run at once (PASSWORD_HASH_CONCURRENCY). */
export function setPasswordHashConcurrency(concurrency: number): void {
  hashingSlots.concurrency = concurrency;
}

export function hashPassword(password: string): Promise<string> {
  return hashingSlots(() => argon2.hash(password, HASH_OPTIONS));
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return hashingSlots(() => argon2.verify(hash, password));
}

// Compared against when the account does not exist, so that the answer takes as long.
const decoyHash = hashPassword('decoy password that matches nothing');
/** Spends the time of a password check and answers no match. */
export async function burnPasswordCheck(password: string): Promise<false> {
  await verifyPassword(await decoyHash, password);
  return false;
}

/** The reasons a new password is refused (empty when it is acceptable). */
export async function passwordProblems(password: string, personal: string[]): Promise<string[]> {
  if (password.length < 10) return ['Use at least 10 characters.'];
  if (/^\d+$/.test(password)) return ['Use more than digits.'];
  const result = (await passwordStrength()).check(password, personal.filter(Boolean));
  if (result.score >= MIN_SCORE) return [];
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean);
  return [`This password is too easy to guess.${hints.length ? ` ${hints.join(' ')}` : ''}`];
}
