import { describe, expect, it } from 'vitest';
import { LARGE_CLINIC, MOVES, weightFor } from './index.js';

describe('the move table', () => {
  it('draws resection-time by its large-clinic weight from LARGE_CLINIC patients on, by its own weight below', () => {
    const resection = MOVES.find((entry) => entry.name === 'resection-time')!;
    expect(weightFor(resection, LARGE_CLINIC - 1)).toBe(resection.weight);
    expect(weightFor(resection, LARGE_CLINIC)).toBe(resection.largeWeight);
    expect(resection.largeWeight).toBeGreaterThan(resection.weight);
  });

  it('leaves every move without a large-clinic weight at its own weight at any size', () => {
    for (const entry of MOVES.filter((e) => e.largeWeight === undefined)) {
      expect(weightFor(entry, 10)).toBe(entry.weight);
      expect(weightFor(entry, 10_000)).toBe(entry.weight);
    }
  });

  it('draws paired-resection from LARGE_CLINIC patients up to its upTo only (weight 0 in larger clinics)', () => {
    const paired = MOVES.find((entry) => entry.name === 'paired-resection')!;
    expect(weightFor(paired, LARGE_CLINIC - 1)).toBe(0);
    expect(weightFor(paired, paired.upTo!)).toBe(paired.largeWeight);
    expect(paired.largeWeight).toBeGreaterThan(0);
    expect(weightFor(paired, paired.upTo! + 1)).toBe(0);
    expect(weightFor(paired, 1000)).toBe(0);
  });
});
