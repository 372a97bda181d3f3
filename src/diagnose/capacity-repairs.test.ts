import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../pipeline/check-schedule.js';
import { scheduleContext } from '../compiled/schedule-context.js';
import { compileProblem } from '../compiled/compile.js';
import type { Problem } from '../model/problem.js';
import { meeting, scheduleOf, tinyProblem } from '../../test/support/tiny.js';
import { capacityRows } from './capacity.js';
import { capacityCandidates, credentialCandidates } from './capacity-repairs.js';
import { findCauses } from './causes.js';

/** Six evening patients for one 3-seat room, staff and room free until 22:00, and an empty day track. */
function overFull(): Problem {
  const problem = tinyProblem();
  problem.services = problem.services.filter((s) => s.kind === 'group');
  problem.rooms = [problem.rooms[0]!];
  problem.patients = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((id) => ({ id, tracks: ['evening'] }));
  problem.tracks.push({ id: 'day', windows: { weekly: [{ days: ['MO', 'WE', 'FR'], start: '09:00', end: '12:00' }] } });
  return problem;
}

function candidates(problem: Problem) {
  const compiled = compileProblem(problem);
  const meetings = (['TU', 'WE', 'TH'] as const).flatMap((day) =>
    ['18:00', '19:00', '20:00'].map((start, i) =>
      meeting({ id: `${day}-${i}`, service: 'process', track: 'evening', day, start, room: 'room-a', staff: ['clin-1'], patients: ['p1', 'p2', 'p3'] }),
    ),
  );
  const schedule = scheduleOf(meetings);
  const report = checkSchedule(problem, schedule);
  const rows = capacityRows(compiled);
  const causes = findCauses(scheduleContext(compiled, schedule), report, [], undefined, undefined, rows);
  const perEntry = capacityCandidates(compiled, rows, report.unmet, causes);
  return { compiled, report, causes, perEntry, messages: [...new Set(perEntry.flat().map((c) => `${c.kind}: ${c.message}`))] };
}

describe('repairs aimed at the binding resource', () => {
  it('come from the capacity rows: a room with the features needed, a longer window, patients moved to a track with room', () => {
    const { messages, perEntry } = candidates(overFull());
    expect(messages).toEqual([
      'add-room: Add a room seating 12 (group) for the evening track, Tue-Thu 18:00-21:00',
      "extend-track-window: Extend the evening track's hours to 22:00 on Tue, Wed and Thu",
      // Two clinicians for 18 staff-hours of groups a week: staff are tight too.
      "open-parallel-section: Open a parallel section of the evening track's groups, Tue-Thu 18:00-21:00: a room seating 12 and a per-diem LCSW",
      // The day track's room seats two more patients' 9 hours within 90%.
      'move-to-track: Move p4 and p5 to the day track',
      'move-to-track: Move p4 to the day track',
    ]);
    const move = perEntry.flat().find((c) => c.message === 'Move p4 and p5 to the day track')!;
    expect(move.unseat).toEqual(['p4', 'p5']);
  });

  it('change only a copy, and the change is valid', () => {
    const problem = overFull();
    const { perEntry } = candidates(problem);
    const before = structuredClone(problem);
    for (const candidate of new Set(perEntry.flat())) {
      const copy = structuredClone(problem);
      candidate.apply(copy);
      expect(() => compileProblem(copy)).not.toThrow();
    }
    const room = structuredClone(problem);
    perEntry.flat()[0]!.apply(room);
    expect(room.rooms[1]).toMatchObject({ id: 'new-room-evening', capacity: 12, features: ['group'] });
    expect(problem).toEqual(before);
  });

  it('leave out a window extension when no one could use the hour, and a move when patients are not free then', () => {
    const problem = overFull();
    for (const p of problem.patients) p.availability = { weekly: [{ days: ['TU', 'WE', 'TH'], start: '17:00', end: '21:00' }] };
    const { messages } = candidates(problem);
    expect(messages.map((m) => m.split(':')[0])).toEqual(['add-room', 'open-parallel-section']);
  });

  it('add a per-diem clinician with the credential of the seat whose every member is busy or away', () => {
    const problem = overFull();
    problem.services[0]!.staff = [{ credentials: ['LCSW'] }, { credentials: ['RD'] }];
    problem.staff.push({ id: 'diet-1', credentials: ['RD'], availability: { weekly: [{ days: ['TU'], start: '18:00', end: '21:00' }] } });
    const compiled = compileProblem(problem);
    const entry = { rule: 'curriculum-min', patient: 'p4', message: '', shortfall: 1, service: 'process', causes: [], repairs: [] };
    const causes = [{ code: 'staff-availability', message: '', staff: ['diet-1'] }];
    expect(credentialCandidates(compiled, entry, 'process', causes).map((c) => c.message)).toEqual([
      'Add a per-diem RD for the evening track, Tue-Thu 18:00-21:00',
    ]);
    expect(credentialCandidates(compiled, entry, 'process', [{ code: 'room-capacity', message: '' }])).toEqual([]);
  });
});
