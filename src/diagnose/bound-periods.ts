/**
 * The stretches of the week {@link servedBound}'s cuts look at: the week, each day, each track
 * window (and its days), unions of windows that overlap, and every day before or after each time a
 * window opens or closes. Any set of slots gives a valid cut; these are the ones where groups of
 * some tracks compete for rooms and staff.
 */
import type { CompiledProblem } from '../compiled/compile.js';
import { SlotSet } from '../time/slot-set.js';
import { formatLocalTime, SLOT_MINUTES, SLOTS_PER_DAY, WEEKDAYS } from '../time/week.js';

const DAYS = 7;

/** A stretch of the week the cuts look at. */
export interface Period {
  /** The slots of the stretch (closed days left out). */
  slots: SlotSet;
  /** What it is, for the bound's binding cut, e.g. `'window of evening, TU'`, `'from 17:00 every day'`. */
  label: string;
}

/**
 * Whether two slot sets share a slot.
 *
 * @example
 * ```ts
 * intersects(track.windows, patient.available);
 * ```
 */
export function intersects(a: SlotSet, b: SlotSet): boolean {
  for (let i = 0; i < a.words.length; i++) if ((a.words[i]! & (b.words[i] ?? 0)) !== 0) return true;
  return false;
}

/**
 * The stretches of the week worth a cut, each once (equal slot sets are kept once), closed days left out.
 *
 * @example
 * ```ts
 * for (const period of periods(compiled)) console.log(period.label, period.slots.size());
 * ```
 */
export function periods(problem: CompiledProblem): Period[] {
  const open = new SlotSet();
  for (let day = 0; day < DAYS; day++) if (!problem.closedDays[day]) open.addRange(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY);
  const result: Period[] = [];
  const seen = new Set<string>();
  const add = (slots: SlotSet, label: string): void => {
    const key = slots.words.join(',');
    if (slots.size() === 0 || seen.has(key)) return;
    seen.add(key);
    result.push({ slots, label });
  };
  const byDay = (slots: SlotSet, label: string): void => {
    add(slots, label);
    for (let day = 0; day < DAYS; day++) {
      const part = new SlotSet();
      part.addRange(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY);
      part.intersectWith(slots);
      add(part, `${label}, ${WEEKDAYS[day]}`);
    }
  };
  byDay(open, 'the week');
  // Track windows, and unions of windows that overlap: the times groups of those tracks compete.
  const windows = problem.tracks.map((t) => {
    const slots = t.windows.clone();
    slots.intersectWith(open);
    return { slots, ids: [t.id] };
  });
  for (const window of windows) byDay(window.slots, `window of ${window.ids[0]}`);
  const merged: Array<{ slots: SlotSet; ids: string[] }> = [];
  for (const window of windows) {
    const joined = { slots: window.slots.clone(), ids: [...window.ids] };
    for (let i = merged.length - 1; i >= 0; i--) {
      if (!intersects(merged[i]!.slots, joined.slots)) continue;
      joined.slots.unionWith(merged[i]!.slots);
      joined.ids.push(...merged[i]!.ids);
      merged.splice(i, 1);
    }
    merged.push(joined);
  }
  // A merge may join two earlier groups that now overlap each other only through it.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < merged.length && !changed; i++) {
      for (let j = i + 1; j < merged.length && !changed; j++) {
        if (!intersects(merged[i]!.slots, merged[j]!.slots)) continue;
        merged[i]!.slots.unionWith(merged[j]!.slots);
        merged[i]!.ids.push(...merged[j]!.ids);
        merged.splice(j, 1);
        changed = true;
      }
    }
  }
  for (const group of merged) if (group.ids.length > 1) byDay(group.slots, `windows of ${group.ids.length} overlapping tracks`);
  // Where several windows are open at once on a day (Thursday 18:00-20:30, between a 17:30-20:30
  // and an 18:00-21:00 track), the tracks' groups compete for the same clinicians and rooms; the
  // union of the windows averages that with the half hours only one of them uses.
  for (const stretch of sharedStretches(problem, open)) add(stretch.slots, stretch.label);
  // Every day before and after each time a window opens or closes: the evening (or the morning)
  // of the whole week, where staff who work other hours cannot help.
  const times = new Set<number>();
  for (const track of problem.tracks) {
    for (let slot = 1; slot < SLOTS_PER_DAY * DAYS; slot++) if (track.windows.has(slot) !== track.windows.has(slot - 1)) times.add(slot % SLOTS_PER_DAY);
  }
  for (const time of [...times].sort((a, b) => a - b)) {
    const before = new SlotSet();
    for (let day = 0; day < DAYS; day++) before.addRange(day * SLOTS_PER_DAY, day * SLOTS_PER_DAY + time);
    before.intersectWith(open);
    const after = open.clone();
    after.removeAll(before);
    const clock = formatLocalTime(time * SLOT_MINUTES);
    add(before, `before ${clock} every day`);
    add(after, `from ${clock} every day`);
  }
  return result;
}

/**
 * The stretches of each day during which the same two or more track windows are open, each as long
 * as it runs, e.g. `'TH 18:00-20:30, 3 track windows'`.
 */
function sharedStretches(problem: CompiledProblem, open: SlotSet): Period[] {
  const result: Period[] = [];
  const tracks = problem.tracks;
  for (let day = 0; day < DAYS; day++) {
    let from = -1;
    let key = '';
    let count = 0;
    const close = (to: number): void => {
      if (from < 0 || count < 2) return;
      const slots = new SlotSet();
      slots.addRange(day * SLOTS_PER_DAY + from, day * SLOTS_PER_DAY + to);
      result.push({ slots, label: `${WEEKDAYS[day]} ${formatLocalTime(from * SLOT_MINUTES)}-${formatLocalTime(to * SLOT_MINUTES)}, ${count} track windows` });
    };
    for (let slot = 0; slot <= SLOTS_PER_DAY; slot++) {
      const at = day * SLOTS_PER_DAY + slot;
      const openHere = slot < SLOTS_PER_DAY && open.has(at) ? tracks.filter((t) => t.windows.has(at)).map((t) => t.index) : [];
      const here = openHere.join(',');
      if (slot < SLOTS_PER_DAY && here === key) continue;
      close(slot);
      from = slot;
      key = here;
      count = openHere.length;
    }
  }
  return result;
}
