/**
 * A small clinic and a re-planning view over a week given meeting by meeting, for tests of
 * re-planning and its causes: one evening track (Tue-Thu 18:00-21:00), two groups (process, skills: 2 to 3
 * patients), an individual service only clin-1 may lead, two clinicians, two group rooms, one
 * office, patients p1-p6 and `new`.
 */
import type { Patient, Problem } from '../../src/model/problem.js';
import type { Meeting } from '../../src/model/schedule.js';
import { assertValidProblem } from '../../src/input/validate.js';
import { compileProblem } from '../../src/compiled/compile.js';
import { createEngine } from '../../src/engine/kernel/create.js';
import { allRules } from '../../src/rules/catalogue.js';
import { readPublished } from '../../src/replan/published.js';
import { previousWeekFrom } from '../../src/compiled/schedule-context.js';
import type { ReplanView } from '../../src/replan/view.js';
import { meeting as tinyMeeting, scheduleOf } from '../support/tiny.js';
import type { Weekday } from '../../src/model/problem.js';

export function fixtureProblem(patients: Partial<Record<string, Partial<Patient>>> = {}): Problem {
  const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'new'];
  return {
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-11-23',
    tracks: [
      {
        id: 'evening',
        windows: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '18:00', end: '21:00' }] },
        curriculum: [
          { service: 'process', min: 1, max: 3 },
          { service: 'skills', min: 2, max: 3 },
        ],
      },
    ],
    services: [
      { id: 'process', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 3, staff: [{ credentials: ['LCSW', 'LMFT'] }], room: { features: ['group'] } },
      { id: 'skills', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 3, staff: [{ credentials: ['LCSW', 'LMFT'] }], room: { features: ['group'] } },
      { id: 'therapy', kind: 'individual', durationMinutes: 60, staff: [{ credentials: ['LCSW'] }], room: { features: ['office'] } },
    ],
    staff: [
      { id: 'clin-1', credentials: ['LCSW'] },
      { id: 'clin-2', credentials: ['LMFT'] },
    ],
    rooms: [
      { id: 'room-a', capacity: 3, features: ['group'] },
      { id: 'room-b', capacity: 3, features: ['group'] },
      { id: 'office', capacity: 1, features: ['office'] },
    ],
    rules: { minWeeklyHours: 0, minDays: 0 },
    patients: ids.map((id) => ({ id, tracks: ['evening'], ...patients[id] })),
  };
}

/** A group meeting of the evening track. */
export function group(id: string, service: 'process' | 'skills', day: Weekday, start: string, room: string, staff: string, patients: string[]): Meeting {
  return tinyMeeting({ id, service, day, start, track: 'evening', room, mode: 'in-person', staff: [staff], patients });
}

/** An individual therapy session. */
export function therapy(id: string, day: Weekday, start: string, patient: string): Meeting {
  return tinyMeeting({ id, service: 'therapy', day, start, room: 'office', mode: 'in-person', staff: ['clin-1'], patients: [patient] });
}

/** A re-planning view over `meetings` (scored against them as the published week), `affected` served. */
export function viewOver(problem: Problem, meetings: Meeting[], affected: string[]): ReplanView {
  const compiled = compileProblem(assertValidProblem(problem));
  const read = readPublished(compiled, scheduleOf(meetings));
  if (read.issues.length > 0) throw new Error(read.issues.map((i) => i.message).join('; '));
  const engine = createEngine(compiled, allRules(), new Map(), 1, { initial: read.meetings, previous: previousWeekFrom(compiled, read.meetings) });
  return {
    engine,
    firstOpenMinute: [0, 0, 0, 0, 0, 0, 0],
    affected: new Map(affected.map((id) => [compiled.patientIndex.get(id)!, []])),
    frozen: new Set(),
  };
}
