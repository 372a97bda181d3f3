import type { PlacedMeeting, RuleContext } from './types.js';

/**
 * Calls `found` once for every pair of meetings in `meetingIndexes` held on the same day at
 * overlapping times (the justification of every double-booking match). The lists are one
 * person's or room's week (tens of meetings), so comparing every pair is cheaper than sorting.
 */
export function forEachOverlappingPair(
  ctx: RuleContext,
  meetingIndexes: readonly number[],
  found: (a: PlacedMeeting, b: PlacedMeeting) => void,
): void {
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
