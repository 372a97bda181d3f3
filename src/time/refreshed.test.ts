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

describe('refreshedEvery with a cost share and an initial value', () => {
  it('answers the initial value for the first interval, computing nothing', () => {
    let t = 100;
    let computed = 0;
    const read = refreshedEvery({ now: () => t }, 1000, () => ++computed, { initial: 0 });
    expect(read()).toBe(0);
    t = 1099;
    expect(read()).toBe(0);
    expect(computed).toBe(0);
    t = 1100;
    expect(read()).toBe(1);
  });

  it('holds a value at least 1 / costShare times as long as computing it took', () => {
    let t = 0;
    let computed = 0;
    // Each computation takes 300 ms of the clock: with a tenth as the share, it is held 3 s.
    const read = refreshedEvery({ now: () => t }, 1000, () => ((t += 300), ++computed), { costShare: 0.1 });
    expect(read()).toBe(1);
    t = 300 + 2999;
    expect(read()).toBe(1);
    t = 300 + 3000;
    expect(read()).toBe(2);
    expect(computed).toBe(2);
  });
});
