import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import { eveningOverRoomCapacity, freeOnlyTwoEvenings } from '../../test/diagnose/scenarios.js';
import { servedBound } from './bound.js';
import { diagnose } from './diagnose.js';

describe('servedBound', () => {
  it('counts the patients whose weekly minutes fit the seats of the only evening room', () => {
    // Six patients need 540 minutes each, only on the three evenings (540 minutes of window);
    // room-a seats 4 for those 540 minutes (room-b is closed evenings): 2160 seat-minutes, 4 patients.
    const bound = servedBound(compileProblem(eveningOverRoomCapacity()));
    expect(bound).toMatchObject({ patients: 4, total: 6, unservable: 0 });
    expect(bound.binding).toMatchObject({ resource: 'rooms', supplyMinutes: 2160, demandMinutes: 3240, patientsNeeding: 6, patientsFitting: 4 });
  });

  it('counts the patients whose groups fit the hours the clinicians may work', () => {
    const problem = eveningOverRoomCapacity();
    problem.rooms = [{ id: 'room-a', capacity: 12, features: ['group'] }];
    // Three staff-hours a week; a group of at most 12 needs 45 staff-minutes per patient's 540 minutes.
    problem.staff = [
      { id: 'clin-1', credentials: ['LCSW'], maxWeeklyHours: 2 },
      { id: 'clin-2', credentials: ['LMFT'], maxWeeklyHours: 1 },
    ];
    const bound = servedBound(compileProblem(problem));
    expect(bound.patients).toBe(4);
    expect(bound.binding).toMatchObject({ resource: 'staff', members: 2, supplyMinutes: 180, demandMinutes: 270 });
  });

  it('leaves out patients who cannot be served on their own and those proven impossible', () => {
    // p-x is free two evenings, 360 minutes of the 540 needed; room-a seats 12, enough for the rest.
    const compiled = compileProblem(freeOnlyTwoEvenings());
    expect(servedBound(compiled)).toEqual({ patients: 3, total: 4, unservable: 1, free: 0 });
    expect(servedBound(compiled, new Set([0])).patients).toBe(2);
  });
});

describe('diagnose', () => {
  it('gives the bound with its findings', () => {
    expect(diagnose(eveningOverRoomCapacity()).bound?.patients).toBe(4);
  });
});
