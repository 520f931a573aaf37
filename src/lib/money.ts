/**
 * Money crosses the API as a decimal string with two places and is stored as integer minor
 * units (cents). Nothing here touches a float.
 */
const MONEY = /^(\d{1,10})\.(\d{2})$/;

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
