/**
 * Money crosses the API as a decimal string with two places and is stored as integer minor
 * units (cents). Nothing here touches a float.
 */
const MONEY = /^(\d{1,10})\.(\d{2})$/;

/** A task's budget is from 5.00 to 1,000,000.00, and no amount the platform takes is above the latter. */
export const MIN_BUDGET_MINOR = 500;
export const MAX_MONEY_MINOR = 100_000_000;

export function toMinor(amount: string): number {
  const match = MONEY.exec(amount);
  if (!match) throw new Error(`not a money string: ${amount}`);
  return Number(match[1]) * 100 + Number(match[2]);
}

export function fromMinor(minor: number): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new Error(`not an amount in minor units: ${minor}`);
  const cents = String(minor % 100).padStart(2, '0');
  return `${Math.trunc(minor / 100)}.${cents}`;
}

/** A percentage as a decimal string ("10", "2.5", "12.75") in basis points (1000, 250, 1275). */
export function percentToBasisPoints(percent: string): number {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent);
  if (!match) throw new Error(`not a percentage with at most two decimals: ${percent}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** `amountMinor × basisPoints / 10,000`, rounded half up, in integer arithmetic only. */
export function feeMinor(amountMinor: number, basisPoints: number): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new Error(`not an amount in minor units: ${amountMinor}`);
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) throw new Error(`not a share in basis points: ${basisPoints}`);
  return Number((BigInt(amountMinor) * BigInt(basisPoints) * 2n + 10_000n) / 20_000n);
}
