/**
 * Money without floating point: decimal strings to minor units and back, percentages to basis
 * points, and the platform fee rounded half up, checked on generated amounts (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feeMinor, fromMinor, percentToBasisPoints, toMinor } from '../../src/lib/money.ts';

const amountMinor = fc.integer({ min: 0, max: 999_999_999_999 });
const basisPoints = fc.integer({ min: 0, max: 10_000 });

describe('amounts', () => {
  it('go from minor units to a two-place string and back unchanged', () => {
    fc.assert(fc.property(amountMinor, (minor) => toMinor(fromMinor(minor)) === minor));
  });

  it('read a two-place string digit by digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 0, max: 99 }), (units, cents) => {
        const text = `${units}.${String(cents).padStart(2, '0')}`;
        return toMinor(text) === units * 100 + cents && fromMinor(toMinor(text)) === text;
      }),
    );
    expect(() => toMinor('1.5')).toThrow();
    expect(() => toMinor('1e3')).toThrow();
    expect(() => fromMinor(1.5)).toThrow();
    expect(() => fromMinor(-1)).toThrow();
  });
});

describe('the platform fee', () => {
  it('is the share rounded half up: never more than half a cent off, and a half cent goes up', () => {
    fc.assert(
      fc.property(amountMinor, basisPoints, (amount, bps) => {
        const exact = BigInt(amount) * BigInt(bps); // the fee in 1/10,000 of a minor unit
        const fee = BigInt(feeMinor(amount, bps));
        const error = fee * 10_000n - exact; // how far the rounded fee is from the exact one
        return error > -5_000n && error <= 5_000n;
      }),
    );
  });

  it('never exceeds the amount', () => {
    fc.assert(fc.property(amountMinor, basisPoints, (amount, bps) => feeMinor(amount, bps) <= amount));
  });

  it('rounds the known cases', () => {
    expect(feeMinor(12_345, 1_000)).toBe(1_235); // 10 % of 123.45 = 12.345 → 12.35
    expect(feeMinor(12_344, 1_000)).toBe(1_234); // 12.344 → 12.34
    expect(feeMinor(5, 1_000)).toBe(1); // 0.005 → 0.01
    expect(feeMinor(4, 1_000)).toBe(0);
    expect(feeMinor(100_000, 250)).toBe(2_500);
  });

  it('takes percentages with up to two decimals, as basis points', () => {
    expect(percentToBasisPoints('10')).toBe(1_000);
    expect(percentToBasisPoints('2.5')).toBe(250);
    expect(percentToBasisPoints('12.75')).toBe(1_275);
    expect(percentToBasisPoints('0')).toBe(0);
    for (const bad of ['-1', '1.234', '10%', '', '1e1']) expect(() => percentToBasisPoints(bad)).toThrow();
  });
});
