import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compiled/compile.js';
import { FreeTimes } from '../../src/engine/kernel/free-times.js';
import { SolverState } from '../../src/engine/kernel/state.js';
import { Random } from '../../src/engine/kernel/random.js';
import { allRules } from '../../src/rules/catalogue.js';
import type { PlacedMeeting } from '../../src/rules/types.js';
import { SLOTS_PER_DAY, SLOTS_PER_WEEK } from '../../src/time/week.js';
import { tinyProblem } from '../support/tiny.js';

/** The tiny clinic with 40 clinicians (two words of a bitmap) and 35 rooms, some part-time. */
function wideProblem(): ReturnType<typeof tinyProblem> {
  const problem = tinyProblem();
  problem.staff = Array.from({ length: 40 }, (_, i) => ({
    id: `clin-${i}`,
    credentials: ['LCSW'],
    ...(i % 3 === 0 ? { availability: { weekly: [{ days: ['TU' as const, 'WE' as const], start: '17:00', end: '20:00' }] } } : {}),
  }));
  problem.rooms = Array.from({ length: 35 }, (_, i) => ({
    id: `room-${i}`,
    capacity: 3,
    features: ['group'],
    ...(i % 4 === 0 ? { availability: { weekly: [{ days: ['WE' as const], start: '18:00', end: '21:00' }] } } : {}),
  }));
  return problem;
}

/** What the index must say, from the occupancy and availability alone. */
function freeByScan(state: SolverState, kind: 'staff' | 'rooms', from: number, to: number): number[] {
  const owners = kind === 'staff' ? state.problem.staff : state.problem.rooms;
  const busy = kind === 'staff' ? state.staffBusy : state.roomBusy;
  const free: number[] = [];
  owners.forEach((owner, x) => {
    if (!owner.available.containsRange(from, to)) return;
    for (let slot = from; slot < to; slot++) if (busy[x * SLOTS_PER_WEEK + slot]! > 0) return;
    free.push(x);
  });
  return free;
}

function freeByIndex(bits: Uint32Array, owners: number): number[] {
  const free: number[] = [];
  for (let x = 0; x < owners; x++) if (FreeTimes.has(bits, x)) free.push(x);
  return free;
}

describe('FreeTimes', () => {
  it('says who is free over a range exactly as a scan of the occupancy would, through adds, replaces, removes and undo', () => {
    const state = new SolverState(compileProblem(wideProblem()), allRules(), new Map());
    const random = new Random(7);
    // Built before the changes and after some (the index starts from the occupancy it finds).
    state.add({ id: '', service: 0, track: 0, day: 2, start: 1080, end: 1140, room: 4, telehealth: false, staff: [3, 33], patients: [0], pinned: false });
    const staffIndex = state.freeStaff();
    const mark = state.mark();
    const meeting = (): PlacedMeeting => {
      const start = 1020 + 15 * random.int(12);
      return { id: '', service: 0, track: 0, day: 1 + random.int(3), start, end: start + 30 + 15 * random.int(4), room: random.int(35), telehealth: false, staff: [random.int(40), random.int(40)], patients: [random.int(4)], pinned: false };
    };
    for (let step = 0; step < 300; step++) {
      const live = state.liveMeetings();
      const roll = random.int(3);
      if (roll === 0 || live.length === 0) state.add(meeting());
      else if (roll === 1) state.replace(live[random.int(live.length)]!, meeting());
      else state.remove(live[random.int(live.length)]!);
      if (step === 100) expect(state.freeRooms()).toBeDefined(); // the rooms' index starts mid-way
      if (step % 10 !== 0) continue;
      for (const day of [1, 2, 3]) {
        for (const [start, minutes] of [[1020, 60], [1080, 45], [1140, 90], [1200, 5]] as const) {
          const from = day * SLOTS_PER_DAY + start / 5;
          const to = from + minutes / 5;
          expect(freeByIndex(staffIndex.over(from, to), 40)).toEqual(freeByScan(state, 'staff', from, to));
          // A word at a time, the same bitmap.
          const words = Uint32Array.from({ length: staffIndex.words }, (_, w) => staffIndex.wordOver(from, to, w));
          expect(freeByIndex(words, 40)).toEqual(freeByScan(state, 'staff', from, to));
          expect(Array.from({ length: 40 }, (_, x) => x).filter((x) => FreeTimes.inWord(staffIndex.wordOver(from, to, x >>> 5), x))).toEqual(freeByScan(state, 'staff', from, to));
          if (step > 100) expect(freeByIndex(state.freeRooms().over(from, to), 35)).toEqual(freeByScan(state, 'rooms', from, to));
        }
      }
    }
    state.rollback(mark);
    const from = 2 * SLOTS_PER_DAY + 1080 / 5;
    expect(freeByIndex(staffIndex.over(from, from + 12), 40)).toEqual(freeByScan(state, 'staff', from, from + 12));
    expect(freeByIndex(staffIndex.over(from, from + 12), 40)).not.toContain(33);
    expect(freeByIndex(state.freeRooms().over(from, from + 12), 35)).not.toContain(4);
  });
});
