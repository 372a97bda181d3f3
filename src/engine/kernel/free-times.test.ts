import { describe, expect, it } from 'vitest';
import { SlotSet } from '../../time/slot-set.js';
import { SLOTS_PER_WEEK } from '../../time/week.js';
import { FreeTimes } from './free-times.js';

/** A deterministic pseudo-random sequence (no seed from the clock). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('FreeTimes', () => {
  it('is free exactly where available and not held, for owners across several words', () => {
    const random = lcg(7);
    const owners = 70; // three words: owners 64-69 in the last
    const availability = Array.from({ length: owners }, () => {
      const set = new SlotSet();
      for (let k = 0; k < 6; k++) {
        const from = Math.floor(random() * SLOTS_PER_WEEK);
        set.addRange(from, Math.min(SLOTS_PER_WEEK, from + Math.floor(random() * 200)));
      }
      return set;
    });
    const busy = new Uint16Array(owners * SLOTS_PER_WEEK);
    for (let k = 0; k < 3_000; k++) busy[Math.floor(random() * busy.length)] = 1 + Math.floor(random() * 2);
    const free = new FreeTimes(owners, (x) => availability[x]!, busy);
    let checked = 0;
    for (let slot = 0; slot < SLOTS_PER_WEEK; slot++) {
      const bits = free.over(slot, slot + 1);
      for (let x = 0; x < owners; x++) {
        const expected = availability[x]!.has(slot) && busy[x * SLOTS_PER_WEEK + slot] === 0;
        if (FreeTimes.has(bits, x) !== expected) throw new Error(`owner ${x} at slot ${slot}: expected ${expected}`);
        if (expected) checked++;
      }
    }
    expect(checked).toBeGreaterThan(1_000);
    // Held slots cleared, then released: free again where available, never where not.
    const x = 65;
    const slot = [...Array(SLOTS_PER_WEEK).keys()].find((s) => availability[x]!.has(s) && busy[x * SLOTS_PER_WEEK + s] === 0)!;
    free.take(x, slot);
    expect(FreeTimes.has(free.over(slot, slot + 1), x)).toBe(false);
    free.release(x, slot);
    expect(FreeTimes.has(free.over(slot, slot + 1), x)).toBe(true);
  });
});
