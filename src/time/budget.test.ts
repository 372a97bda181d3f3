import { describe, expect, it } from 'vitest';
import type { Progress } from '../model/options.js';
import { Budget, budgetOf } from './budget.js';

/** A clock the test moves by hand. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('Budget', () => {
  it('is spent once its deadline passes, and says why', () => {
    const clock = manualClock();
    const budget = new Budget({ timeLimitMs: 500, now: clock.now });
    expect(budget.spent()).toBe(false);
    expect(budget.remainingMs()).toBe(500);
    clock.advance(499);
    expect(budget.spent()).toBe(false);
    expect(budget.stopReason()).toBeUndefined();
    clock.advance(1);
    expect(budget.spent()).toBe(true);
    expect(budget.stopReason()).toBe('time-limit');
    expect(budget.remainingMs()).toBe(0);
    expect(budget.elapsedMs()).toBe(500);
  });

  it('is spent at once when the signal is aborted, abort before time', () => {
    const clock = manualClock();
    const controller = new AbortController();
    const budget = new Budget({ timeLimitMs: 500, signal: controller.signal, now: clock.now });
    controller.abort();
    expect(budget.spent()).toBe(true);
    clock.advance(1000);
    expect(budget.stopReason()).toBe('aborted');
  });

  it('reports each phase at once and within a phase at most every 100 ms, with its status', () => {
    const clock = manualClock();
    const seen: Progress[] = [];
    const budget = new Budget({ timeLimitMs: 10_000, onProgress: (p) => seen.push(p), now: clock.now });
    let iteration = 0;
    budget.enter('construct');
    expect(seen.map((p) => p.phase)).toEqual(['construct']);
    clock.advance(60);
    budget.spent();
    expect(seen).toHaveLength(1);
    clock.advance(40);
    budget.spent();
    expect(seen).toHaveLength(2);
    budget.enter('search', () => ({ bestScore: { hard: 0, requirement: 5, soft: 1 }, iteration }));
    iteration = 7;
    clock.advance(100);
    budget.spent();
    expect(seen.map((p) => p.phase)).toEqual(['construct', 'construct', 'search', 'search']);
    expect(seen[3]).toEqual({ phase: 'search', bestScore: { hard: 0, requirement: 5, soft: 1 }, elapsedMs: 200, iteration: 7 });
  });

  it('tick reports when due even past the deadline (work that cannot be cut), but not once aborted', () => {
    const clock = manualClock();
    const controller = new AbortController();
    const seen: Progress[] = [];
    const budget = new Budget({ timeLimitMs: 50, signal: controller.signal, onProgress: (p) => seen.push(p), now: clock.now });
    budget.enter('report');
    clock.advance(50);
    budget.tick();
    expect(seen).toHaveLength(1);
    clock.advance(50);
    budget.tick();
    expect(seen).toHaveLength(2);
    controller.abort();
    clock.advance(100);
    budget.tick();
    expect(seen).toHaveLength(2);
  });

  it('sees an abort made inside onProgress at the same poll', () => {
    const clock = manualClock();
    const controller = new AbortController();
    const budget = new Budget({ timeLimitMs: 10_000, signal: controller.signal, onProgress: () => controller.abort(), now: clock.now });
    clock.advance(100);
    expect(budget.spent()).toBe(true);
    expect(budget.stopReason()).toBe('aborted');
  });

  it('slices and reserves never reach past the call deadline, and share its signal and sink', () => {
    const clock = manualClock();
    const controller = new AbortController();
    const seen: Progress[] = [];
    const budget = new Budget({ timeLimitMs: 1000, signal: controller.signal, onProgress: (p) => seen.push(p), now: clock.now });
    expect(budget.slice(5000).deadline).toBe(budget.deadline);
    expect(budget.slice(200).deadline).toBe(clock.now() + 200);
    const early = budget.reserve(300);
    expect(early.deadline).toBe(budget.deadline - 300);
    clock.advance(700);
    expect(early.spent()).toBe(true);
    expect(budget.spent()).toBe(false);
    early.enter('report');
    expect(seen.at(-1)).toMatchObject({ phase: 'report', elapsedMs: 700 });
    expect(budget.phase()).toBe('report');
    controller.abort();
    expect(budget.slice(100).spent()).toBe(true);
  });

  it('reads timeLimitMs from options: absent or NaN the default, Infinity none, negative 0', () => {
    const clock = manualClock();
    expect(budgetOf({}, 3000, clock.now).deadline).toBe(clock.now() + 3000);
    expect(budgetOf({ timeLimitMs: Number.NaN }, 3000, clock.now).deadline).toBe(clock.now() + 3000);
    expect(budgetOf({ timeLimitMs: Infinity }, 3000, clock.now).deadline).toBe(Infinity);
    expect(budgetOf({ timeLimitMs: -5 }, 3000, clock.now).spent()).toBe(true);
    expect(Budget.unlimited().spent()).toBe(false);
  });
});
