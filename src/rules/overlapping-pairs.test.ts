import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachOverlappingPair } from './overlapping-pairs.js';
import type { PlacedMeeting, RuleContext } from './types.js';

const meeting = (day: number, start: number, end: number, id: string): PlacedMeeting => ({ id, service: 0, track: -1, day, start, end, room: -1, telehealth: false, staff: [], patients: [], pinned: false });

/** The definition: every pair, in list order, same day and sharing a minute. */
function pairsByDefinition(meetings: ReadonlyArray<PlacedMeeting | undefined>): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < meetings.length; i++) {
    for (let j = i + 1; j < meetings.length; j++) {
      const a = meetings[i];
      const b = meetings[j];
      if (a && b && a.day === b.day && a.start < b.end && b.start < a.end) pairs.push(`${a.id}|${b.id}`);
    }
  }
  return pairs;
}

function pairsFound(meetings: ReadonlyArray<PlacedMeeting | undefined>): string[] {
  const ctx = { meetings } as unknown as RuleContext;
  const pairs: string[] = [];
  forEachOverlappingPair(ctx, meetings.map((_, i) => i), (a, b) => pairs.push(`${a.id}|${b.id}`));
  return pairs;
}

describe('forEachOverlappingPair', () => {
  it('finds the pairs the pairwise definition finds, in its order, off-grid and zero-length meetings included', () => {
    const time = fc.oneof(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: -30, max: 1500 }), fc.double({ min: 0, max: 1440, noNaN: true }));
    const day = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom(-1, 7, 2.5));
    const arbitrary = fc.array(fc.option(fc.tuple(day, time, fc.integer({ min: 0, max: 240 })), { nil: undefined, freq: 8 }), { maxLength: 30 });
    fc.assert(
      fc.property(arbitrary, (rows) => {
        const meetings = rows.map((row, i) => (row === undefined ? undefined : meeting(row[0], row[1], row[1] + row[2], `m${i}`)));
        expect(pairsFound(meetings)).toEqual(pairsByDefinition(meetings));
      }),
      { numRuns: 500 },
    );
  });

  it('tells apart meetings that share a 5-minute slot but no minute', () => {
    expect(pairsFound([meeting(1, 600, 603, 'a'), meeting(1, 603, 610, 'b')])).toEqual([]);
    expect(pairsFound([meeting(1, 600, 604, 'a'), meeting(1, 603, 610, 'b')])).toEqual(['a|b']);
    // A meeting of no length inside another counts, as the pairwise walk counts it.
    expect(pairsFound([meeting(1, 600, 660, 'a'), meeting(1, 630, 630, 'b')])).toEqual(['a|b']);
    // Back to back across a word of the slot bitmap, and a whole day.
    expect(pairsFound([meeting(0, 0, 1440, 'a'), meeting(1, 0, 1440, 'b'), meeting(0, 1435, 1440, 'c')])).toEqual(['a|c']);
  });
});
