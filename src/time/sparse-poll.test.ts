import { describe, expect, it } from 'vitest';
import { sparsePoll } from './sparse-poll.js';

/** A budget on a clock the test moves by hand, counting its polls. */
function fakeBudget(deadline: number): { budget: { now(): number; spent(): boolean }; advance(ms: number): void; polls(): number } {
  let t = 0;
  let polls = 0;
  return {
    budget: { now: () => t, spent: () => (polls++, t >= deadline) },
    advance: (ms) => (t += ms),
    polls: () => polls,
  };
}

describe('sparsePoll', () => {
  it('polls ever more rarely while steps are fast, up to the largest stride', () => {
    const clock = fakeBudget(Infinity);
    const stop = sparsePoll(clock.budget, 16, 1);
    for (let step = 0; step < 1000; step++) {
      expect(stop()).toBe(false);
      clock.advance(0.001);
    }
    // Strides 1, 2, 4, 8, then 16 for the rest: about 1000 / 16 polls, not 1000.
    expect(clock.polls()).toBeGreaterThan(1000 / 16);
    expect(clock.polls()).toBeLessThan(1000 / 16 + 6);
  });

  it('polls every step again once steps are slow', () => {
    const clock = fakeBudget(Infinity);
    const stop = sparsePoll(clock.budget, 16, 1);
    for (let step = 0; step < 100; step++) stop();
    const before = clock.polls();
    // One stride of slow steps, then every slow step polls.
    for (let step = 0; step < 50; step++) {
      clock.advance(5);
      stop();
    }
    expect(clock.polls() - before).toBeGreaterThanOrEqual(50 - 16);
  });

  it('sees the deadline within the largest stride of steps, and keeps saying so', () => {
    const clock = fakeBudget(100);
    const stop = sparsePoll(clock.budget, 16, 1);
    let steps = 0;
    while (clock.budget.now() < 100) {
      stop();
      clock.advance(0.01);
      steps++;
    }
    let late = 0;
    while (!stop()) late++;
    expect(late).toBeLessThan(16);
    expect(stop()).toBe(true);
    expect(steps).toBeGreaterThan(0);
  });
});
