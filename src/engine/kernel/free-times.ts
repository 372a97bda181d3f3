/**
 * Who is free when: per 5-minute slot of the week, a bitmap of the owners (staff members or
 * rooms) who are available then and hold no meeting. Choosing staff for a session walked every
 * eligible member on shift and asked each whether they were free; at 10,000 patients most were
 * booked, and that walk (22 million questions, 350 a choice) was the largest cost of
 * construction. With this index the members free over a meeting's slots are a few word
 * operations per slot, and only those are asked the rest (daily and weekly maxima, work rules).
 */
import type { SlotSet } from '../../time/slot-set.js';
import { SLOTS_PER_WEEK } from '../../time/week.js';

/**
 * Per slot, the owners free then (`available` and no meeting), kept by the state as meetings
 * come and go; {@link FreeTimes.over} intersects a range of slots.
 *
 * @example
 * ```ts
 * const free = new FreeTimes(2, (x) => availability[x]!, busy); // busy[x * SLOTS_PER_WEEK + slot]: meetings held
 * free.take(1, 100); // owner 1 holds a meeting at slot 100
 * FreeTimes.has(free.over(96, 108), 1); // false
 * ```
 */
export class FreeTimes {
  /** 32-bit words per slot (owners / 32, rounded up). */
  readonly words: number;
  private readonly free: Uint32Array;
  private readonly available: Uint32Array;
  private readonly scratch: Uint32Array;

  /**
   * Owners `0 .. owners - 1`, each free where `availability` says and the occupancy `busy`
   * (`[owner * SLOTS_PER_WEEK + slot]`, the state's own array) is 0. The occupancy is read as an
   * array, not asked slot by slot: at 10,000 patients a callback per available slot of every
   * room and staff member was 200 ms of the first complete week.
   */
  constructor(owners: number, availability: (owner: number) => SlotSet, busy: Uint16Array) {
    const words = Math.max(1, (owners + 31) >>> 5);
    this.words = words;
    const available = new Uint32Array(SLOTS_PER_WEEK * words);
    this.available = available;
    this.scratch = new Uint32Array(words);
    for (let x = 0; x < owners; x++) {
      const bit = 1 << (x & 31);
      const word = x >>> 5;
      const times = availability(x).words;
      // Only the slots the owner is available at: a word at a time, its set bits.
      for (let w = 0; w < times.length; w++) {
        for (let bits = times[w]!; bits !== 0; bits &= bits - 1) {
          const slot = w * 32 + 31 - Math.clz32(bits & -bits);
          if (slot >= SLOTS_PER_WEEK) break;
          available[slot * words + word]! |= bit;
        }
      }
    }
    // Free is available less what is held: a copy, then the few held slots cleared.
    this.free = available.slice();
    const held = Math.min(busy.length, owners * SLOTS_PER_WEEK);
    for (let at = 0; at < held; at++) {
      if (busy[at] === 0) continue;
      const x = (at / SLOTS_PER_WEEK) | 0;
      this.free[(at - x * SLOTS_PER_WEEK) * words + (x >>> 5)]! &= ~(1 << (x & 31));
    }
  }

  /** Owner `x` now holds a meeting at `slot`. */
  take(x: number, slot: number): void {
    this.free[slot * this.words + (x >>> 5)]! &= ~(1 << (x & 31));
  }

  /** Owner `x` holds no meeting at `slot` any more (free again if available then). */
  release(x: number, slot: number): void {
    const at = slot * this.words + (x >>> 5);
    this.free[at]! |= this.available[at]! & (1 << (x & 31));
  }

  /**
   * The owners free at every slot of `[from, to)`, as a bitmap of {@link FreeTimes.words} words:
   * a scratch array shared by every call, valid until the next one.
   */
  over(from: number, to: number): Uint32Array {
    const out = this.scratch;
    const words = this.words;
    if (from >= to) {
      // An empty range holds no slot to be busy in: everyone (as a loop over it would say).
      out.fill(0xffffffff);
      return out;
    }
    // Word by word (a `subarray` view a call was a measurable share of construction's garbage).
    for (let w = 0, at = from * words; w < words; w++, at++) out[w] = this.free[at]!;
    for (let slot = from + 1; slot < to; slot++) {
      const base = slot * words;
      for (let w = 0; w < words; w++) out[w]! &= this.free[base + w]!;
    }
    return out;
  }

  /**
   * Word `w` of {@link FreeTimes.over}`(from, to)` alone (owners `32 w` to `32 w + 31`), for a
   * caller that may need only a few words: a walk that stops after the first free candidates.
   */
  wordOver(from: number, to: number, w: number): number {
    if (from >= to) return 0xffffffff;
    const words = this.words;
    let bits = this.free[from * words + w]!;
    for (let at = (from + 1) * words + w, end = to * words; at < end && bits !== 0; at += words) bits &= this.free[at]!;
    return bits;
  }

  /** Whether owner `x`'s bit is set in `word`, one word of a bitmap (the word `x >>> 5`). */
  static inWord(word: number, x: number): boolean {
    return (word & (1 << (x & 31))) !== 0;
  }

  /** Whether bit `x` is set in `bits`. */
  static has(bits: Uint32Array, x: number): boolean {
    return ((bits[x >>> 5] ?? 0) & (1 << (x & 31))) !== 0;
  }
}
