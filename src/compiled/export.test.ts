import { describe, expect, it } from 'vitest';
import type { Meeting, Schedule } from '../model/schedule.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { formatLocalTime, WEEKDAYS } from '../time/week.js';
import { compileProblem, type CompiledProblem } from './compile.js';
import { exportWithSlots, instantsIn, meetingOf } from './export.js';
import type { PlacedMeeting } from './meetings.js';

/** The export as written before its sort keys and id runs (main 9055716): what it must still give. */
function reference(problem: CompiledProblem, meetings: ReadonlyArray<PlacedMeeting | undefined>): { schedule: Schedule; slots: number[] } {
  const compare = (a: readonly number[], b: readonly number[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };
  const placed: Array<{ m: PlacedMeeting; slot: number }> = [];
  meetings.forEach((m, slot) => {
    if (m !== undefined) placed.push({ m, slot });
  });
  const ordered = placed
    .map(({ m, slot }) => ({ m, slot, staff: [...m.staff].sort((a, b) => a - b), patients: [...m.patients].sort((a, b) => a - b) }))
    .sort((a, b) => a.m.day - b.m.day || a.m.start - b.m.start || a.m.track - b.m.track || a.m.service - b.m.service || a.m.room - b.m.room || compare(a.staff, b.staff) || compare(a.patients, b.patients));
  const kept = new Set<PlacedMeeting>();
  const used = new Set<string>();
  for (const { m } of ordered) {
    if (m.id !== '' && !used.has(m.id)) {
      used.add(m.id);
      kept.add(m);
    }
  }
  const counters = new Map<string, number>();
  const instant = instantsIn(problem.timeZone);
  const result: Array<{ meeting: Meeting; slot: number }> = ordered.map(({ m, slot, patients }) => {
    const start = formatLocalTime(m.start);
    const track = m.track >= 0 ? problem.tracks[m.track]!.id : null;
    const service = problem.services[m.service]!.id;
    let id = kept.has(m) ? m.id : '';
    if (id === '') {
      const prefix = `${track ?? 'session'}-${WEEKDAYS[m.day]}-${start.replace(':', '')}-${service}`;
      let n = counters.get(prefix) ?? 0;
      do {
        n += 1;
        id = `${prefix}-${n}`;
      } while (used.has(id));
      counters.set(prefix, n);
      used.add(id);
    }
    return { meeting: meetingOf(problem, m, id, instant, patients), slot };
  });
  result.sort(({ meeting: a }, { meeting: b }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { schedule: { timeZone: problem.timeZone, weekStart: problem.weekStart, meetings: result.map(({ meeting }) => meeting) }, slots: result.map(({ slot }) => slot) };
}

/** A deterministic pseudo-random source (a seeded LCG): `int(n)` in [0, n). */
function randomOf(seed: number): { int(n: number): number } {
  let state = seed >>> 0;
  return {
    int(n) {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return Math.floor((state / 2 ** 32) * n);
    },
  };
}

describe('exportWithSlots', () => {
  const compiled = compileProblem(tinyProblem());

  it('orders, names and keeps ids as the plain sort did, holes, duplicates, taken ids and unsorted lists included', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = randomOf(seed);
      const meetings: Array<PlacedMeeting | undefined> = [];
      for (let k = 0; k < 60; k++) {
        if (random.int(6) === 0) {
          meetings.push(undefined);
          continue;
        }
        const individual = random.int(3) === 0;
        const start = 1080 + 30 * random.int(4);
        const day = 1 + random.int(3);
        // Ids a meeting comes with: a generated one (which the numbering must step over), a duplicate, a name of its own.
        const given = random.int(5);
        const id = given === 0 ? `evening-${WEEKDAYS[day]}-${formatLocalTime(start).replace(':', '')}-process-${1 + random.int(3)}` : given === 1 ? `kept-${random.int(4)}` : '';
        meetings.push({
          id,
          service: individual ? 1 : 0,
          track: individual ? -1 : 0,
          day,
          start,
          end: start + 60,
          room: random.int(3) - 1,
          telehealth: false,
          staff: random.int(2) === 0 ? [1, 0] : [random.int(2)],
          patients: [...new Set([random.int(4), random.int(4), random.int(4)])],
          pinned: false,
        });
      }
      expect(exportWithSlots(compiled, meetings)).toEqual(reference(compiled, meetings));
    }
  });

  it('leaves the meetings it exports as they were', () => {
    const m: PlacedMeeting = { id: '', service: 0, track: 0, day: 1, start: 1080, end: 1140, room: 0, telehealth: false, staff: [1, 0], patients: [3, 1, 2], pinned: false };
    const { schedule } = exportWithSlots(compiled, [m]);
    expect(schedule.meetings[0]!.patients).toEqual(['p2', 'p3', 'p4']);
    expect(m.patients).toEqual([3, 1, 2]);
    expect(m.staff).toEqual([1, 0]);
  });
});
