import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import { eveningOverRoomCapacity } from '../../test/diagnose/scenarios.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { bottlenecks, capacityRows, SATURATED } from './capacity.js';

describe('capacityRows', () => {
  it('compares seat-minutes demanded with what the rooms open in the window offer', () => {
    const rows = capacityRows(compileProblem(eveningOverRoomCapacity()));
    expect(rows.map((r) => r.day)).toEqual(['TU', 'WE', 'TH']);
    // Six patients need 540 minutes over three evenings; room-a seats 4 for 180 minutes; room-b is closed evenings.
    expect(rows[0]).toMatchObject({ track: 'evening', date: '2026-11-24', seatMinutesDemanded: 1080, seatMinutesOffered: 720, utilisation: 1.5, binding: 'rooms' });
    expect(rows[0]!.staffMinutesAvailable).toBe(360);
  });

  it('counts what the patients of every track meeting in the same rooms at the same time need', () => {
    // Two tracks with the same evenings share room-a (4 seats): three patients each, 540 minutes a week.
    const problem = eveningOverRoomCapacity();
    problem.tracks = [...problem.tracks, { ...problem.tracks[0]!, id: 'evening-2' }];
    problem.patients = problem.patients.map((p, i) => (i < 3 ? p : { ...p, tracks: ['evening-2'] }));
    const rows = capacityRows(compileProblem(problem));
    expect(rows.map((r) => `${r.track} ${r.day}`)).toEqual(['evening TU', 'evening WE', 'evening TH', 'evening-2 TU', 'evening-2 WE', 'evening-2 TH']);
    for (const row of rows) expect(row).toMatchObject({ seatMinutesDemanded: 1080, seatMinutesOffered: 720, utilisation: 1.5 });
  });

  it('counts a service both required and in the curriculum once: the larger minimum', () => {
    // Four process groups in the curriculum and four required: the same four sessions meet both.
    const problem = eveningOverRoomCapacity();
    problem.tracks = problem.tracks.map((t) => ({ ...t, curriculum: [{ service: 'process', min: 4 }] }));
    problem.patients = problem.patients.map((p) => ({ ...p, rules: { minWeeklyHours: 3 }, requires: [{ service: 'process', min: 4 }] }));
    const rows = capacityRows(compileProblem(problem));
    // Six patients x 240 minutes over three evenings: 480 seat-minutes an evening (960 if counted twice).
    for (const row of rows) expect(row.seatMinutesDemanded).toBe(480);
  });

  it('saturates, with a finite number, when nothing is offered', () => {
    const problem = tinyProblem();
    problem.staff = problem.staff.map((s) => ({ ...s, availability: { weekly: [] } }));
    const rows = capacityRows(compileProblem(problem));
    expect(rows.every((r) => r.utilisation === SATURATED && r.binding === 'staff')).toBe(true);
  });
});

describe('bottlenecks', () => {
  it('ranks the most loaded first and leaves out rows with room to spare', () => {
    const problem = eveningOverRoomCapacity();
    problem.patients = problem.patients.map((p, i) => (i < 5 ? p : { ...p, availability: { weekly: [{ days: ['TU', 'WE'], start: '18:00', end: '21:00' }] } }));
    const ranked = bottlenecks(capacityRows(compileProblem(problem)));
    expect(ranked.map((b) => b.day)).toEqual(['TU', 'WE', 'TH']);
    expect(ranked[0]!.utilisation).toBeGreaterThan(ranked[2]!.utilisation);
    expect(ranked[0]!.message).toMatch(/^Track evening Tue 2026-11-24: patients need about 19\.5 seat-hours of groups, rooms offer 12 \(163%\)\.$/);
    const roomy = tinyProblem();
    roomy.rooms[0]!.capacity = 8;
    expect(bottlenecks(capacityRows(compileProblem(roomy)))).toEqual([]);
  });
});
