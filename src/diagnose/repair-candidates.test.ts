import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import type { Unmet } from '../model/report.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { candidatesFor, LEGAL_MAX_GROUP_SIZE } from './repair-candidates.js';

const unmet: Unmet = { rule: 'patient-min-weekly-hours', patient: 'p4', message: '', shortfall: 60, causes: [], repairs: [] };

describe('candidatesFor', () => {
  it('proposes opening a closed room in the track windows, applied to a copy only', () => {
    const problem = tinyProblem();
    problem.rooms.push({ id: 'room-b', capacity: 8, features: ['group'], availability: { weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }] } });
    const compiled = compileProblem(problem);
    const candidates = candidatesFor(compiled, unmet, undefined, [{ code: 'room-double-booked', message: '' }]);
    const whole = candidates.find((c) => c.message === 'Open room-b Tue 18:00-21:00, Wed 18:00-21:00, Thu 18:00-21:00');
    expect(whole).toBeDefined();
    expect(candidates.some((c) => c.message === 'Open room-b Wed 18:00-21:00')).toBe(true);
    const copy = structuredClone(problem);
    whole!.apply(copy);
    expect(copy.rooms[2]!.availability!.weekly).toHaveLength(4);
    expect(problem.rooms[2]!.availability!.weekly).toHaveLength(1);
  });

  it('raises a group maximum only up to the legal bound and the largest room', () => {
    const problem = tinyProblem();
    problem.services[0]!.maxSize = 4;
    problem.rooms[0]!.capacity = 30;
    const raise = candidatesFor(compileProblem(problem), unmet, undefined, [{ code: 'group-max-size', message: '' }]).find((c) => c.kind === 'raise-group-max');
    const copy = structuredClone(problem);
    raise!.apply(copy);
    expect(copy.services[0]!.maxSize).toBe(LEGAL_MAX_GROUP_SIZE);
    problem.services[0]!.maxSize = 12;
    expect(candidatesFor(compileProblem(problem), unmet, undefined, [{ code: 'group-max-size', message: '' }]).some((c) => c.kind === 'raise-group-max')).toBe(false);
  });

  it('never asks a clinician who called out to come in that day', () => {
    const problem = tinyProblem();
    problem.staff[0]!.availability = { weekly: [{ days: ['TU', 'WE', 'TH'], start: '17:00', end: '22:00' }], except: [{ date: '2026-11-25' }] };
    problem.staff[1]!.availability = { weekly: [{ days: ['MO'], start: '09:00', end: '17:00' }] };
    const messages = candidatesFor(compileProblem(problem), unmet, undefined, [{ code: 'staff-availability', message: '' }]).map((c) => c.message);
    expect(messages).toContain('Have clin-2 work Wed 18:00-21:00');
    expect(messages.some((m) => m.startsWith('Have clin-1'))).toBe(false);
  });

  it('proposes another track and telehealth for the patient', () => {
    const problem = tinyProblem();
    problem.tracks.push({ id: 'day', windows: { weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }] } });
    const kinds = candidatesFor(compileProblem(problem), unmet, undefined, [{ code: 'availability-hours', message: '' }]).map((c) => c.message);
    expect(kinds).toEqual(expect.arrayContaining(['Let p4 also attend the day track', 'Let p4 join by telehealth']));
  });
});

describe('candidatesFor a track with a fixed agenda', () => {
  it('proposes one more session in a free part of a window', () => {
    const problem = tinyProblem();
    problem.tracks[0]!.template = [
      { service: 'process', day: 'TU', start: '18:00' },
      { service: 'process', day: 'TU', start: '19:00' },
      { service: 'process', day: 'TU', start: '20:00' },
      { service: 'process', day: 'WE', start: '18:00' },
    ];
    const adds = candidatesFor(compileProblem(problem), unmet, undefined, []).filter((c) => c.kind === 'add-session');
    expect(adds.map((c) => c.message)).toEqual(['Add a process session to the evening track, Wed 19:00', 'Add a process session to the evening track, Thu 18:00']);
    const copy = structuredClone(problem);
    adds[0]!.apply(copy);
    expect(copy.tracks[0]!.template).toHaveLength(5);
    expect(problem.tracks[0]!.template).toHaveLength(4);
  });
});
