import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../model/options.js';
import { compileProblem } from '../compiled/compile.js';
import { assertValidProblem } from '../input/validate.js';
import { ProblemError } from '../model/issue.js';
import { LIMITS } from '../input/limits.js';
import { applyChanges, applyChangesInPlace, checkChanges, checkReplanInput } from './changes.js';
import type { Patient, Problem } from '../model/problem.js';
import type { Schedule } from '../model/schedule.js';
import { problemArbitrary } from '../../test/support/arbitraries.js';

function problem(): Problem {
  return {
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-11-23',
    tracks: [{ id: 'evening', windows: { weekly: [{ days: ['TU', 'WE'], start: '18:00', end: '21:00' }] } }],
    services: [{ id: 'process', kind: 'group', durationMinutes: 60, staff: [{ credentials: ['LCSW'] }] }],
    staff: [{ id: 'clin-1', credentials: ['LCSW'] }, { id: 'clin-2', credentials: ['LCSW'], availability: { weekly: [{ days: ['TU'], start: '17:00', end: '21:00' }] } }],
    rooms: [{ id: 'room-a', capacity: 4 }],
    patients: [{ id: 'p1', tracks: ['evening'], dischargedOn: '2026-11-27' }],
  };
}
const empty: Schedule = { timeZone: 'America/Los_Angeles', weekStart: '2026-11-23', meetings: [] };

describe('checkChanges', () => {
  it('accepts good changes and returns the admitted patients validated', () => {
    const changes: Change[] = [
      { kind: 'admit', patient: { id: 'p2', tracks: ['evening'] } },
      { kind: 'discharge', patient: 'p2', from: '2026-11-26' },
      { kind: 'staff-out', staff: 'clin-1', date: '2026-11-24', start: '18:00' },
      { kind: 'room-closed', room: 'room-a', date: '2026-11-25' },
    ];
    const { issues, admitted } = checkChanges(problem(), empty, changes);
    expect(issues).toEqual([]);
    expect(admitted.map((p) => p.id)).toEqual(['p2']);
  });

  it('refuses a discharge dated before the admission, of a patient of the problem or of one admitted with it', () => {
    const input = problem();
    input.patients[0]!.admittedOn = '2026-11-24';
    const changes: Change[] = [
      { kind: 'discharge', patient: 'p1', from: '2026-11-24' },
      { kind: 'admit', patient: { id: 'p2', tracks: ['evening'], admittedOn: '2026-11-25' } },
      { kind: 'discharge', patient: 'p1', from: '2026-11-23' },
      { kind: 'discharge', patient: 'p2', from: '2026-11-24' },
    ];
    const { issues } = checkChanges(input, empty, changes);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['changes[2].from', 'invalid-range'],
      ['changes[3].from', 'invalid-range'],
    ]);
    expect(issues[0]!.message).toBe('Patient p1 is admitted on 2026-11-24; a discharge from 2026-11-23 would be before it.');
  });

  it('refuses a call-out or closure past the most exceptions an availability holds', () => {
    const input = problem();
    const full = Array.from({ length: LIMITS.windows - 1 }, () => ({ date: '2026-11-01' }));
    input.staff[1]!.availability = { ...input.staff[1]!.availability, except: full };
    const changes: Change[] = [
      { kind: 'staff-out', staff: 'clin-2', date: '2026-11-24', start: '18:00', end: '19:00' },
      { kind: 'staff-out', staff: 'clin-1', date: '2026-11-24' },
      { kind: 'staff-out', staff: 'clin-2', date: '2026-11-25' },
    ];
    expect(checkChanges(input, empty, changes).issues.map((i) => [i.path, i.code])).toEqual([['changes[2]', 'too-large']]);
  });

  it('refuses what is not a list', () => {
    expect(checkChanges(problem(), empty, 'admit').issues.map((i) => i.path)).toEqual(['changes']);
    expect(checkChanges(problem(), empty, [null]).issues.map((i) => i.path)).toEqual(['changes[0]']);
  });
});

describe('applyChanges', () => {
  it('turns call-outs and closures into exceptions and keeps the earlier discharge, without touching the input', () => {
    const input = problem();
    const before = structuredClone(input);
    const changes: Change[] = [
      { kind: 'staff-out', staff: 'clin-1', date: '2026-11-24', start: '18:00', end: '19:00' },
      { kind: 'staff-out', staff: 'clin-2', date: '2026-11-24' },
      { kind: 'room-closed', room: 'room-a', date: '2026-11-25' },
      { kind: 'discharge', patient: 'p1', from: '2026-11-28' },
      { kind: 'discharge', patient: 'p1', from: '2026-11-25' },
    ];
    const changed = applyChanges(input, changes, [{ id: 'p2', tracks: ['evening'] }]);
    expect(input).toEqual(before);
    expect(changed.patients.map((p) => [p.id, p.dischargedOn])).toEqual([['p1', '2026-11-25'], ['p2', undefined]]);
    const compiled = compileProblem(changed);
    const slot = (day: number, minute: number): number => day * 288 + minute / 5;
    // clin-1 had no availability (always): now always except Tuesday 18:00-19:00.
    expect(compiled.staff[0]!.available.has(slot(1, 17 * 60 + 55))).toBe(true);
    expect(compiled.staff[0]!.available.has(slot(1, 18 * 60))).toBe(false);
    expect(compiled.staff[0]!.available.has(slot(1, 19 * 60))).toBe(true);
    expect(compiled.staff[1]!.available.size()).toBe(0);
    expect(compiled.rooms[0]!.available.has(slot(2, 12 * 60))).toBe(false);
    expect(compiled.rooms[0]!.available.has(slot(3, 12 * 60))).toBe(true);
  });
});

/** What replan's input check answers, or the issues it throws. */
function outcome(check: () => { problem: Problem; issues: unknown[]; admitted: Patient[] }): unknown {
  try {
    return check();
  } catch (error) {
    if (error instanceof ProblemError) return { thrown: error.issues };
    throw error;
  }
}

/** How an admission of a copy of an existing patient is spoiled, if at all. */
const SPOILS = ['none', 'none', 'none', 'duplicate-id', 'unknown-track', 'not-an-object', 'avoided-by-a-patient', 'avoids-a-patient'] as const;

describe('checkReplanInput', () => {
  it('answers what validating the problem, then the changes with the admissions, answers (one validation instead of two)', () => {
    fc.assert(
      fc.property(
        problemArbitrary({ maxPatients: 6 }),
        fc.array(fc.record({ like: fc.nat(), spoil: fc.constantFrom(...SPOILS) }), { maxLength: 3 }),
        fc.nat({ max: 4 }),
        (input, admissions, problemDraw) => {
          const changes: unknown[] = [{ kind: 'staff-out', staff: input.staff[0]?.id ?? 'nobody', date: input.weekStart }];
          admissions.forEach(({ like, spoil }, k) => {
            const template = input.patients[like % input.patients.length]!;
            const patient: Record<string, unknown> = { ...structuredClone(template), id: `admitted-${k}` };
            delete patient['avoid'];
            if (spoil === 'duplicate-id') patient['id'] = template.id;
            if (spoil === 'unknown-track') patient['tracks'] = ['no-such-track'];
            if (spoil === 'avoids-a-patient') patient['avoid'] = [template.id];
            if (spoil === 'avoided-by-a-patient') (template.avoid ??= []).push(`admitted-${k}`);
            changes.push({ kind: 'admit', patient: spoil === 'not-an-object' ? 'p-x' : patient });
          });
          // One time in five, the problem itself is invalid too.
          if (problemDraw === 0) input.rooms.push({ id: input.rooms[0]?.id ?? 'r', capacity: -1 });
          const before = structuredClone(input);
          const twice = outcome(() => {
            const valid = assertValidProblem(input);
            return { problem: valid, ...checkChanges(valid, empty, changes) };
          });
          expect(outcome(() => checkReplanInput(input, empty, changes))).toEqual(twice);
          expect(input).toEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives a problem shared with nothing of the input, which replan may then change in place', () => {
    const input = problem();
    const before = structuredClone(input);
    const changes: Change[] = [
      { kind: 'admit', patient: { id: 'p2', tracks: ['evening'] } },
      { kind: 'staff-out', staff: 'clin-1', date: '2026-11-24' },
      { kind: 'discharge', patient: 'p1', from: '2026-11-25' },
    ];
    const checked = checkReplanInput(input, empty, changes);
    const changed = applyChangesInPlace(checked.problem, changes, checked.admitted);
    expect(input).toEqual(before);
    expect(changed).toEqual(applyChanges(assertValidProblem(input), changes, checkChanges(assertValidProblem(input), empty, changes).admitted));
  });
});
