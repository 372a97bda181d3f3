import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import { assertValidProblem } from '../input/validate.js';
import type { Problem } from '../model/problem.js';
import type { PlacedMeeting } from '../rules/types.js';
import { createEngine } from '../engine/index.js';
import { allRules } from '../rules/catalogue.js';
import { resolveWeights } from '../check/weights.js';
import { previousWeekFrom } from '../compiled/schedule-context.js';
import { loadPublished, releasePublished } from './load.js';
import { changeReasons } from './reasons.js';
import type { ChangeReason } from './types.js';

// Tuesday and Wednesday evenings (days 1 and 2 of the week of 2026-11-23), a group of at least 2.
const problem: Problem = {
  timeZone: 'America/Los_Angeles',
  weekStart: '2026-11-23',
  tracks: [{ id: 'evening', windows: { weekly: [{ days: ['TU', 'WE'], start: '18:00', end: '21:00' }] } }],
  services: [
    { id: 'process', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 8, staff: [{ credentials: ['LCSW'] }] },
    { id: 'therapy', kind: 'individual', durationMinutes: 60, staff: [{ credentials: ['LCSW'] }] },
  ],
  staff: [{ id: 'clin-1', credentials: ['LCSW'] }],
  rooms: [{ id: 'room-a', capacity: 8 }],
  patients: [{ id: 'p1', tracks: ['evening'] }, { id: 'p2', tracks: ['evening'] }, { id: 'p3', tracks: ['evening'], dischargedOn: '2026-11-25' }],
};
const compiled = compileProblem(assertValidProblem(problem));
const meeting = (id: string, day: number, service: number, patients: number[]): PlacedMeeting => ({ id, service, track: 0, day, start: 18 * 60, end: 19 * 60, staff: [0], room: 0, telehealth: false, patients, pinned: false });
const placed: PlacedMeeting[] = [meeting('tu-group', 1, 0, [0, 1]), meeting('we-group', 2, 0, [0, 1, 2]), meeting('we-one', 2, 1, [1])];
const allOpen = [0, 0, 0, 0, 0, 0, 0];

describe('changeReasons', () => {
  it('gives a pin to its meeting, a missed session to its patient and meeting, a call-out to the meetings it overlaps', () => {
    const pinned = new Set<string>();
    const log = changeReasons(compiled, placed, [
      { kind: 'pin', meeting: 'we-one' },
      { kind: 'missed', patient: 'p2', meeting: 'tu-group' },
      { kind: 'staff-out', staff: 'clin-1', date: '2026-11-25', start: '18:30', end: '20:00' },
    ], pinned);
    expect([...pinned]).toEqual(['we-one']);
    expect([...log.missed]).toEqual([['tu-group', new Set([1])]]);
    expect(log.patient.get(1)?.map((r) => r.kind)).toEqual(['missed']);
    expect(log.meeting.get('tu-group')?.map((r) => r.kind)).toEqual(['missed']);
    expect(log.meeting.get('we-group')?.map((r) => r.change)).toEqual([2]);
    expect(log.meeting.get('we-one')?.map((r) => r.kind)).toEqual(['pin', 'staff-out']);
    expect(log.staff.get(0)?.map((r) => r.kind)).toEqual(['staff-out']);
  });

  it('does not reach a meeting outside the call-out window', () => {
    const log = changeReasons(compiled, placed, [{ kind: 'staff-out', staff: 'clin-1', date: '2026-11-25', start: '19:00' }], new Set());
    expect(log.meeting.size).toBe(0);
  });
});

describe('loadPublished', () => {
  it('keeps a past meeting whole, its absent patient a no-show, and freezes it', () => {
    const log = changeReasons(compiled, placed, [{ kind: 'missed', patient: 'p2', meeting: 'tu-group' }], new Set());
    const opensAt = [0, 1441, 0, 0, 0, 0, 0];
    const tuesday = loadPublished(compiled, placed, opensAt, log, new Set()).find((x) => x.meeting.id === 'tu-group')!;
    expect(tuesday).toMatchObject({ frozen: true, past: true, meeting: { patients: [0], noShows: [1], pinned: true } });
  });

  it('takes a patient no longer enrolled off a future meeting, says why, and keeps it while it still has its minimum', () => {
    const log = changeReasons(compiled, placed, [], new Set());
    const wednesday = loadPublished(compiled, placed, allOpen, log, new Set()).find((x) => x.meeting.id === 'we-group')!;
    expect(wednesday).toMatchObject({ frozen: false, past: false, meeting: { patients: [0, 1], pinned: false } });
    expect(log.meeting.get('we-group')?.[0]?.message).toBe('Patient p3 is not enrolled on 2026-11-25.');
  });

  it('unpins a future group a missed session leaves below its minimum and drops an individual session without its patient', () => {
    const log = changeReasons(compiled, placed, [{ kind: 'missed', patient: 'p2', meeting: 'tu-group' }, { kind: 'missed', patient: 'p2', meeting: 'we-one' }], new Set());
    const loaded = loadPublished(compiled, placed, allOpen, log, new Set(['tu-group', 'we-one']));
    expect(loaded.map((x) => x.meeting.id)).toEqual(['tu-group', 'we-group']);
    expect(loaded[0]).toMatchObject({ frozen: false, meeting: { patients: [0], pinned: false } });
  });
});

describe('releasePublished', () => {
  it('keeps the record frozen and gives the patients of a meeting it had to cancel their reasons', () => {
    // The only clinician now works on Wednesdays only, and Wednesday is past: the Tuesday group
    // has nobody to lead it and no other time to go to.
    const out = compileProblem(assertValidProblem({ ...problem, staff: [{ id: 'clin-1', credentials: ['LCSW'], availability: { weekly: [{ days: ['WE'], start: '00:00', end: '24:00' }] } }] }));
    const opensAt = [0, 0, 1441, 0, 0, 0, 0];
    const rules = allRules();
    const engine = createEngine(out, rules, resolveWeights(rules, undefined), 1, { previous: previousWeekFrom(out, placed), opensAt, scoreLater: true });
    const log = changeReasons(out, placed, [], new Set());
    const affected = new Map<number, ChangeReason[]>();
    const frozen = releasePublished(engine, loadPublished(out, placed, opensAt, log, new Set()), log, affected);
    expect([...frozen].sort()).toEqual(['we-group', 'we-one']);
    expect(log.meeting.get('tu-group')?.[0]?.message).toMatch(/^Meeting tu-group no longer kept rule [a-z-]+ as published\.$/);
    expect([...affected.keys()].sort()).toEqual([0, 1]);
    expect(affected.get(0)?.[0]?.message).toMatch(/ Meeting tu-group was cancelled\.$/);
  });
});
