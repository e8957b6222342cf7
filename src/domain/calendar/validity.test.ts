import { describe, expect, it } from 'vitest';
import { coversYear, firstUncoveredYear, setsInForce } from './validity.ts';

describe('rule sets in force and known years', () => {
  const sets = [
    { key: 'old', validFrom: '2016-07-01', validTo: '2026-03-01' },
    { key: 'new', validFrom: '2026-03-01', validTo: null },
  ];

  it('validFrom is inclusive, validTo exclusive', () => {
    expect(setsInForce(sets, '2026-02-28').map((s) => s.key)).toEqual(['old']);
    expect(setsInForce(sets, '2026-03-01').map((s) => s.key)).toEqual(['new']);
    expect(setsInForce(sets, '2016-06-30')).toEqual([]);
  });

  it('known years as a range, a list or a set; the first gap between dates', () => {
    expect(coversYear({ from: 2025, to: 2026 }, 2026)).toBe(true);
    expect(coversYear({ from: 2025, to: 2026 }, 2027)).toBe(false);
    expect(coversYear([2026, 2028], 2027)).toBe(false);
    expect(coversYear(new Set([2027]), 2027)).toBe(true);
    expect(firstUncoveredYear([2026, 2028], ['2026-12-20', '2028-01-10'])).toBe(2027);
    expect(firstUncoveredYear([2026], ['2026-12-20', '2026-01-10'])).toBeNull();
  });
});
