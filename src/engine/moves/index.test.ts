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
});
