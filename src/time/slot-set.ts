/**
 * A set of 5-minute slots of the week, as a bitset. Availability, occupancy and track windows
 * are all slot sets, so "is this placement possible" is a few word operations.
 */
import { SLOTS_PER_WEEK } from './week.js';

const WORDS = Math.ceil(SLOTS_PER_WEEK / 32);

/** A mutable set of week slots (0 to {@link SLOTS_PER_WEEK} - 1). */
export class SlotSet {
  readonly words: Uint32Array;

  /** A copy of `words` (empty when not given); with `own` false, `words` itself (see {@link SlotSetPool}). */
  constructor(words?: Uint32Array, own = true) {
    this.words = words ? (own ? new Uint32Array(words) : words) : new Uint32Array(WORDS);
  }

  /** Every slot of the week. */
  static full(): SlotSet {
    const set = new SlotSet();
    set.addRange(0, SLOTS_PER_WEEK);
    return set;
  }

  clone(): SlotSet {
    return new SlotSet(this.words);
  }

  has(slot: number): boolean {
    return ((this.words[slot >>> 5] ?? 0) & (1 << (slot & 31))) !== 0;
  }

  /** Adds slots `from` (inclusive) to `to` (exclusive), clipped to the week. */
  addRange(from: number, to: number): void {
    this.applyRange(from, to, true);
  }

  /** Removes slots `from` (inclusive) to `to` (exclusive), clipped to the week. */
  removeRange(from: number, to: number): void {
    this.applyRange(from, to, false);
  }

  /** Sets or clears a range a word at a time: availability is built from long runs. */
  private applyRange(from: number, to: number, set: boolean): void {
    const first = Math.max(0, Math.ceil(from));
    const end = Math.min(Math.floor(to), SLOTS_PER_WEEK);
    if (!(first < end)) return;
    const lastWord = (end - 1) >>> 5;
    for (let word = first >>> 5; word <= lastWord; word++) {
      const low = word === first >>> 5 ? first & 31 : 0;
      const high = word === lastWord ? ((end - 1) & 31) + 1 : 32;
      // Bits low..high-1 of the word; shifting by 32 is a no-op in JS, hence the special case.
      const mask = high - low === 32 ? 0xffffffff : ((1 << (high - low)) - 1) << low;
      if (set) this.words[word]! |= mask;
      else this.words[word]! &= ~mask;
    }
  }

  /**
   * Whether every slot from `from` (inclusive) to `to` (exclusive) is in the set: a word at a
   * time (construction asks this of every grid start of a patient's day, 3.7 million times at
   * 10,000 patients, an hour's session twelve slots a question when asked slot by slot).
   */
  containsRange(from: number, to: number): boolean {
    if (from < 0 || to > SLOTS_PER_WEEK || from > to) return false;
    if (!Number.isInteger(from) || !Number.isInteger(to)) return this.containsEachSlot(from, to);
    for (let slot = from; slot < to; ) {
      const low = slot & 31;
      const high = Math.min(32, low + to - slot);
      const mask = high - low === 32 ? 0xffffffff : ((1 << (high - low)) - 1) << low;
      if ((~(this.words[slot >>> 5] ?? 0) & mask) !== 0) return false;
      slot += high - low;
    }
    return true;
  }

  /** {@link SlotSet.containsRange} slot by slot, for a range given in fractions of a slot. */
  private containsEachSlot(from: number, to: number): boolean {
    for (let slot = from; slot < to; slot++) {
      if (((this.words[slot >>> 5] ?? 0) & (1 << (slot & 31))) === 0) return false;
    }
    return true;
  }

  /**
   * The first slot of `[from, to)` in the set, or `to` when none is: a word at a time, so a caller
   * looking for a fit within a day can start where the set does.
   *
   * @example
   * ```ts
   * const set = new SlotSet();
   * set.addRange(100, 120);
   * set.firstIn(0, 288); // 100
   * set.endIn(0, 288); // 120
   * ```
   */
  firstIn(from: number, to: number): number {
    const low = Math.max(0, from);
    const high = Math.min(to, SLOTS_PER_WEEK);
    for (let slot = low; slot < high; ) {
      const bits = (this.words[slot >>> 5] ?? 0) >>> (slot & 31);
      if (bits !== 0) {
        const found = slot + 31 - Math.clz32(bits & -bits);
        return found < high ? found : to;
      }
      slot = (slot | 31) + 1;
    }
    return to;
  }

  /** One past the last slot of `[from, to)` in the set, or `from` when none is (see {@link SlotSet.firstIn}). */
  endIn(from: number, to: number): number {
    const low = Math.max(0, from);
    for (let slot = Math.min(to, SLOTS_PER_WEEK) - 1; slot >= low; ) {
      // The word's bits up to `slot`, moved to the top: the leading zeros count back to the last one.
      const bits = ((this.words[slot >>> 5] ?? 0) << (31 - (slot & 31))) >>> 0;
      if (bits !== 0) {
        const found = slot - Math.clz32(bits);
        return found >= low ? found + 1 : from;
      }
      slot = (slot & ~31) - 1;
    }
    return from;
  }

  /** Whether any slot from `from` (inclusive) to `to` (exclusive) is in the set. */
  intersectsRange(from: number, to: number): boolean {
    for (let slot = Math.max(0, from); slot < Math.min(to, SLOTS_PER_WEEK); slot++) {
      if (((this.words[slot >>> 5] ?? 0) & (1 << (slot & 31))) !== 0) return true;
    }
    return false;
  }

  /** Keeps only the slots also in `other`. */
  intersectWith(other: SlotSet): void {
    for (let i = 0; i < this.words.length; i++) this.words[i]! &= other.words[i] ?? 0;
  }

  /** Adds every slot of `other`. */
  unionWith(other: SlotSet): void {
    for (let i = 0; i < this.words.length; i++) this.words[i]! |= other.words[i] ?? 0;
  }

  /** Removes every slot of `other`. */
  removeAll(other: SlotSet): void {
    for (let i = 0; i < this.words.length; i++) this.words[i]! &= ~(other.words[i] ?? 0);
  }

  /**
   * Number of slots in the set: a constant-time bit count a word (construction ranks every
   * patient's individual sessions by their free time, and a full-day availability holds hundreds
   * of slots a bit-by-bit loop visited one at a time).
   */
  size(): number {
    let count = 0;
    for (let i = 0; i < this.words.length; i++) {
      let w = this.words[i]!;
      w -= (w >>> 1) & 0x55555555;
      w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
      count += (Math.imul((w + (w >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
    }
    return count;
  }
}

/**
 * Slot sets made many at a time (a compiled clinic's patients, two each): every set holds a
 * window of one shared buffer instead of a buffer of its own. A set's own buffer is a native
 * allocation the garbage collector tracks one by one; at 10,000 patients the 20,000 of them cost
 * more than the copying. The sets behave as any other; past `capacity` they are ordinary ones.
 *
 * @example
 * ```ts
 * const pool = new SlotSetPool(2);
 * const copy = pool.copy(available); // a copy of `available`
 * const none = pool.copy(); // an empty set
 * ```
 */
export class SlotSetPool {
  private readonly buffer: ArrayBuffer;
  private next = 0;

  constructor(private readonly capacity: number) {
    this.buffer = new ArrayBuffer(capacity * WORDS * Uint32Array.BYTES_PER_ELEMENT);
  }

  /** A copy of `source`, or an empty set when not given. */
  copy(source?: SlotSet): SlotSet {
    if (this.next >= this.capacity) return source === undefined ? new SlotSet() : source.clone();
    const words = new Uint32Array(this.buffer, this.next * WORDS * Uint32Array.BYTES_PER_ELEMENT, WORDS);
    this.next += 1;
    if (source !== undefined) words.set(source.words);
    return new SlotSet(words, false);
  }
}
