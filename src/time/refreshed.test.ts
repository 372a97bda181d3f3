import { describe, expect, it } from 'vitest';
import { refreshedEvery } from './refreshed.js';

describe('refreshedEvery', () => {
  it('computes on the first read, then again only once the value is older than the interval', () => {
    let t = 0;
    let computed = 0;
    const read = refreshedEvery({ now: () => t }, 1000, () => ++computed);
    expect(read()).toBe(1);
    t = 999;
    expect(read()).toBe(1);
    t = 1000;
    expect(read()).toBe(2);
    t = 1500;
    expect(read()).toBe(2);
    t = 2000;
    expect(read()).toBe(3);
    expect(computed).toBe(3);
  });

  it('holds nothing between two instances', () => {
    let computed = 0;
    const clock = { now: () => 0 };
    const a = refreshedEvery(clock, 1000, () => ++computed);
    const b = refreshedEvery(clock, 1000, () => ++computed);
    expect([a(), b(), a(), b()]).toEqual([1, 2, 1, 2]);
  });
});
