import { SLOT_MINUTES, SLOTS_PER_DAY, SLOTS_PER_WEEK } from '../time/week.js';
import type { PlacedMeeting, RuleContext } from './types.js';

/**
 * The week's 5-minute slots, one bit each, for {@link mayOverlap} (cleared after every use: rules
 * run synchronously and never nest).
 */
const slotBits = new Uint32Array(Math.ceil(SLOTS_PER_WEEK / 32));

/**
 * Whether two meetings of `meetingIndexes` might overlap: false only when none does. Each meeting
 * marks the slots it covers and looks for a slot marked already, once per meeting instead of once
 * per pair; a meeting off the week's grid (no duration, outside the day or the week) answers true,
 * and so may two that share a slot without sharing a minute, so the exact pairwise walk decides.
 */
function mayOverlap(ctx: RuleContext, meetingIndexes: readonly number[]): boolean {
  let clash = false;
  let last = -1;
  for (let i = 0; i < meetingIndexes.length && !clash; i++) {
    const m = ctx.meetings[meetingIndexes[i]!];
    if (!m) continue;
    if (!(Number.isInteger(m.day) && m.day >= 0 && m.day < 7 && m.start >= 0 && m.end <= 1440 && m.start < m.end)) {
      clash = true;
      break;
    }
    const from = m.day * SLOTS_PER_DAY + Math.floor(m.start / SLOT_MINUTES);
    const to = m.day * SLOTS_PER_DAY + Math.ceil(m.end / SLOT_MINUTES);
    for (let slot = from; slot < to; ) {
      const word = slot >>> 5;
      const end = Math.min(to, (word + 1) * 32);
      const width = end - slot;
      const mask = (width === 32 ? 0xffffffff : ((1 << width) - 1) << (slot & 31)) >>> 0;
      if ((slotBits[word]! & mask) !== 0) {
        clash = true;
        break;
      }
      slotBits[word]! |= mask;
      if (word > last) last = word;
      slot = end;
    }
  }
  if (last >= 0) slotBits.fill(0, 0, last + 1);
  return clash;
}

/**
 * Calls `found` once for every pair of meetings in `meetingIndexes` held on the same day at
 * overlapping times (the justification of every double-booking match). The lists are one
 * person's or room's week (tens of meetings), so comparing every pair is cheaper than sorting;
 * the usual answer, none, is found first by marking slots (`mayOverlap`), which is cheaper
 * still for a room's or a clinician's week of thirty meetings (435 pairs).
 */
export function forEachOverlappingPair(
  ctx: RuleContext,
  meetingIndexes: readonly number[],
  found: (a: PlacedMeeting, b: PlacedMeeting) => void,
): void {
  if (meetingIndexes.length < 2 || !mayOverlap(ctx, meetingIndexes)) return;
  for (let i = 0; i < meetingIndexes.length; i++) {
    const a = ctx.meetings[meetingIndexes[i]!];
    if (!a) continue;
    for (let j = i + 1; j < meetingIndexes.length; j++) {
      const b = ctx.meetings[meetingIndexes[j]!];
      if (!b || a.day !== b.day || a.start >= b.end || b.start >= a.end) continue;
      found(a, b);
    }
  }
}
