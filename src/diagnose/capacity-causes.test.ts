import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../pipeline/check-schedule.js';
import { scheduleContext } from '../compiled/schedule-context.js';
import { compileProblem } from '../compiled/compile.js';
import type { Problem } from '../model/problem.js';
import { meeting, scheduleOf, tinyProblem } from '../../test/support/tiny.js';
import { capacityRows } from './capacity.js';
import { capacityCause } from './capacity-causes.js';
import { findCauses } from './causes.js';

/** Six evening patients for one 3-seat room, and a day track whose groups p1-p6 may not join. */
function overFull(): Problem {
  const problem = tinyProblem();
  problem.services = problem.services.filter((s) => s.kind === 'group');
  problem.rooms = [problem.rooms[0]!];
  problem.patients = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((id) => ({ id, tracks: ['evening'] }));
  problem.tracks.push({ id: 'day', windows: { weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }] } });
  problem.patients.push({ id: 'd1', tracks: ['day'] }, { id: 'd2', tracks: ['day'] });
  return problem;
}

function week(problem: Problem) {
  const evening = (['TU', 'WE', 'TH'] as const).flatMap((day) =>
    ['18:00', '19:00', '20:00'].map((start, i) =>
      meeting({ id: `${day}-${i}`, service: 'process', track: 'evening', day, start, room: 'room-a', staff: ['clin-1'], patients: ['p1', 'p2', 'p3'] }),
    ),
  );
  const day = meeting({ id: 'MO-0', service: 'process', track: 'day', day: 'MO', start: '09:00', room: 'room-a', staff: ['clin-2'], patients: ['d1', 'd2'] });
  const schedule = scheduleOf([...evening, day]);
  return { schedule, report: checkSchedule(problem, schedule) };
}

describe('the causes of a short patient in an over-full track', () => {
  it('name the binding resource with its figures first, and never the other track', () => {
    const problem = overFull();
    const compiled = compileProblem(problem);
    const { schedule, report } = week(problem);
    const rows = capacityRows(compiled);
    const causes = findCauses(scheduleContext(compiled, schedule), report, [], undefined, undefined, rows);
    const p4 = causes[report.unmet.findIndex((u) => u.patient === 'p4' && u.rule === 'patient-min-weekly-hours')]!;
    expect(p4[0]).toMatchObject({ code: 'track-rooms-full', rooms: ['room-a'] });
    expect(p4[0]!.message).toMatch(/^The evening track's group rooms are over-full, .*: Tue 18 seat-hours needed, 9 offered \(200%\)/);
    // The day track's Monday meeting was never p4's to join.
    for (const entry of causes) expect(entry.map((c) => c.code)).not.toContain('track-membership');
  });

  it('is not given for an individual service, nor on a day the patient cannot come', () => {
    const problem = overFull();
    problem.services.push({ id: 'individual', kind: 'individual', durationMinutes: 60, staff: [{ credentials: ['LCSW'] }] });
    problem.patients[3]!.availability = { weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }] };
    const compiled = compileProblem(problem);
    const rows = capacityRows(compiled);
    expect(capacityCause(compiled, 0, 'requires-min', 'individual', rows)).toBeUndefined();
    expect(capacityCause(compiled, 0, 'curriculum-min', 'process', rows)).toMatchObject({ code: 'track-rooms-full' });
    expect(capacityCause(compiled, 3, 'patient-min-weekly-hours', undefined, rows)).toBeUndefined();
  });
});
