/**
 * How much of one session can lie outside a stretch of the week: the bound's cuts count a need's
 * minutes outside the stretch as minutes the patient may attend there, but a session is whole.
 * An evening patient free from 16:30 has 30 minutes before 17:00 every day, 150 in the week; their
 * one 60-minute session still has at least 30 minutes after 17:00 wherever it is held.
 */
import type { SlotSet } from '../time/slot-set.js';
import { SLOTS_PER_DAY } from '../time/week.js';

const DAYS = 7;

/**
 * The most slots of one session `length` slots long that lie outside `period`, over every place
 * the session fits whole inside `reach` (a run of `length` slots of `reach` on one day); 0 when it
 * fits nowhere. Sessions of a need lie in such places (`sharedServiceSlots` keeps whole meetings
 * only), so `sessions` of them have at most `sessions` times this many slots outside `period`.
 *
 * @example
 * ```ts
 * const slots = sessionOutside(sharedServiceSlots(reach, p, therapy), period.slots, 60 / SLOT_MINUTES);
 * ```
 */
export function sessionOutside(reach: SlotSet, period: SlotSet, length: number): number {
  if (length <= 0) return 0;
  const words = reach.words;
  const inPeriod = period.words;
  let best = 0;
  for (let day = 0; day < DAYS; day++) {
    const first = day * SLOTS_PER_DAY;
    let any = false;
    for (let w = first >>> 5; w < (first + SLOTS_PER_DAY) >>> 5; w++) if (words[w] !== 0) any = true;
    if (!any) continue;
    // Slide a window over each run of `reach`: `run` slots of it so far, `out` of the last
    // `length` of them outside the period.
    let run = 0;
    let out = 0;
    for (let slot = first; slot < first + SLOTS_PER_DAY; slot++) {
      if (((words[slot >>> 5]! >>> (slot & 31)) & 1) === 0) {
        run = 0;
        out = 0;
        continue;
      }
      run += 1;
      if (((inPeriod[slot >>> 5]! >>> (slot & 31)) & 1) === 0) out += 1;
      if (run > length) {
        const left = slot - length;
        if (((inPeriod[left >>> 5]! >>> (left & 31)) & 1) === 0) out -= 1;
      }
      if (run >= length && out > best) {
        best = out;
        if (best === length) return best;
      }
    }
  }
  return best;
}
