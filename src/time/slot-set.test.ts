import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlotSet, SlotSetPool } from './slot-set.js';
import { SLOTS_PER_WEEK } from './week.js';

describe('SlotSet', () => {
  it('adds and removes ranges exactly like a boolean array, clipped to the week', () => {
    const range = fc.tuple(fc.boolean(), fc.integer({ min: -40, max: SLOTS_PER_WEEK + 40 }), fc.integer({ min: -40, max: SLOTS_PER_WEEK + 40 }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 12 }), (operations) => {
        const set = new SlotSet();
        const model = new Array<boolean>(SLOTS_PER_WEEK).fill(false);
        for (const [add, from, to] of operations) {
          if (add) set.addRange(from, to);
          else set.removeRange(from, to);
          for (let slot = Math.max(0, from); slot < Math.min(to, SLOTS_PER_WEEK); slot++) model[slot] = add;
        }
        for (let slot = 0; slot < SLOTS_PER_WEEK; slot++) if (set.has(slot) !== model[slot]) expect.fail(`slot ${slot}`);
        expect(set.size()).toBe(model.filter(Boolean).length);
        const [, from, to] = operations[0] ?? [true, 0, 0];
        const inside = model.slice(Math.max(0, from), Math.max(0, Math.min(to, SLOTS_PER_WEEK)));
        if (from >= 0 && to <= SLOTS_PER_WEEK && from <= to) expect(set.containsRange(from, to)).toBe(inside.every(Boolean));
        expect(set.intersectsRange(from, to)).toBe(inside.some(Boolean));
      }),
      { numRuns: 300 },
    );
  });

  it('answers containsRange as a slot-by-slot walk does, for any range', () => {
    /** The definition: every slot from `from` up, one at a time, below `to` (fractions too). */
    const slotBySlot = (set: SlotSet, from: number, to: number): boolean => {
      if (from < 0 || to > SLOTS_PER_WEEK || from > to) return false;
      for (let slot = from; slot < to; slot++) if (!set.has(Math.floor(slot))) return false;
      return true;
    };
    const bound = fc.integer({ min: -40, max: SLOTS_PER_WEEK + 40 });
    const query = fc.tuple(fc.oneof(bound, bound.map((x) => x + 0.5)), fc.integer({ min: 0, max: 120 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.tuple(bound, fc.integer({ min: 0, max: 200 })), { maxLength: 8 }), fc.array(query, { minLength: 1, maxLength: 40 }), (ranges, queries) => {
        const set = new SlotSet();
        for (const [from, length] of ranges) set.addRange(from, from + length);
        for (const [from, length, reversed] of queries) {
          const to = reversed ? from - length : from + length;
          expect(set.containsRange(from, to), `${from}..${to}`).toBe(slotBySlot(set, from, to));
        }
      }),
      { numRuns: 300 },
    );
    const full = SlotSet.full();
    expect(full.containsRange(0, SLOTS_PER_WEEK)).toBe(true);
    expect(full.containsRange(31, 33)).toBe(true);
    full.removeRange(32, 33);
    expect(full.containsRange(0, 32)).toBe(true);
    expect(full.containsRange(31, 33)).toBe(false);
    expect(full.containsRange(33, SLOTS_PER_WEEK)).toBe(true);
  });

  it('starts empty, fills the week, and combines sets', () => {
    expect(new SlotSet().size()).toBe(0);
    expect(SlotSet.full().size()).toBe(SLOTS_PER_WEEK);
    const a = new SlotSet();
    a.addRange(10, 20);
    const b = new SlotSet();
    b.addRange(15, 40);
    const both = a.clone();
    both.intersectWith(b);
    expect(both.size()).toBe(5);
    a.unionWith(b);
    expect(a.size()).toBe(30);
    expect(both.containsRange(15, 20)).toBe(true);
    a.removeAll(both);
    expect(a.size()).toBe(25);
    expect(a.intersectsRange(15, 20)).toBe(false);
    expect(a.containsRange(10, 15)).toBe(true);
  });

  it('finds the first slot and the end of the set within a range, as a slot-by-slot scan does', () => {
    const range = fc.tuple(fc.integer({ min: -40, max: SLOTS_PER_WEEK + 40 }), fc.integer({ min: 0, max: 400 }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 6 }), range, (ranges, [from, length]) => {
        const set = new SlotSet();
        for (const [a, n] of ranges) set.addRange(a, a + n);
        const to = from + length;
        const inRange: number[] = [];
        for (let slot = Math.max(0, from); slot < Math.min(to, SLOTS_PER_WEEK); slot++) if (set.has(slot)) inRange.push(slot);
        expect(set.firstIn(from, to)).toBe(inRange[0] ?? to);
        expect(set.endIn(from, to)).toBe(inRange.length > 0 ? inRange.at(-1)! + 1 : from);
      }),
      { numRuns: 300 },
    );
    const day = new SlotSet();
    day.addRange(288 + 100, 288 + 136);
    expect([day.firstIn(288, 576), day.endIn(288, 576)]).toEqual([388, 424]);
    expect([day.firstIn(0, 288), day.endIn(0, 288)]).toEqual([288, 0]);
  });

  it('hands out pooled copies that equal their source and change independently of it and of each other', () => {
    const source = new SlotSet();
    source.addRange(10, 300);
    source.addRange(SLOTS_PER_WEEK - 5, SLOTS_PER_WEEK);
    const pool = new SlotSetPool(3);
    const [a, b, c, d] = [pool.copy(source), pool.copy(), pool.copy(source), pool.copy(source)];
    expect(Array.from(a.words)).toEqual(Array.from(source.words));
    expect(b.size()).toBe(0);
    // Filling and emptying one set leaves its neighbours in the shared buffer, and the source, as they were.
    b.addRange(0, SLOTS_PER_WEEK);
    a.removeRange(0, SLOTS_PER_WEEK);
    expect(b.size()).toBe(SLOTS_PER_WEEK);
    expect(a.size()).toBe(0);
    expect(Array.from(c.words)).toEqual(Array.from(source.words));
    expect(source.size()).toBe(290 + 5);
    // Past its capacity the pool answers ordinary copies.
    expect(Array.from(d.words)).toEqual(Array.from(source.words));
    d.removeRange(0, SLOTS_PER_WEEK);
    expect(source.size()).toBe(290 + 5);
  });
});
