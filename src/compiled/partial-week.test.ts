import { describe, expect, it } from 'vitest';
import { group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';
import type { HoursRules } from '../model/problem.js';
import { resolveHoursRules } from '../input/defaults.js';
import { compileProblem } from './compile.js';
import { prepare } from './prepared.js';
import { partialWeekShare, programmeDays, prorateCount, prorateRules } from './partial-week.js';

// The tiny clinic's evening track runs Tue, Wed and Thu; p3 is admitted on Thursday.
const thursday = (rules?: HoursRules): ReturnType<typeof tiny> =>
  tiny((p) => {
    p.patients[2]!.admittedOn = '2026-11-26';
    if (rules) p.rules = rules;
  });

describe('partial weeks', () => {
  it('counts the programme days of a track, closed dates aside', () => {
    const compiled = compileProblem(tiny((p) => (p.closedDates = ['2026-11-25'])));
    expect(programmeDays(compiled, 0)).toBe(0b0001010);
    expect(programmeDays(compiled, -1)).toBe(0b1111011);
  });

  it('finds the share of the programme a mid-week admission or discharge is enrolled on', () => {
    const compiled = compileProblem(tiny((p) => ((p.patients[0]!.admittedOn = '2026-11-26'), (p.patients[1]!.dischargedOn = '2026-11-25'), (p.patients[2]!.admittedOn = '2026-11-24'))));
    expect(partialWeekShare(compiled, 0, 0)).toEqual({ enrolled: 1, programme: 3 });
    expect(partialWeekShare(compiled, 1, 0)).toEqual({ enrolled: 1, programme: 3 });
    // Admitted on Tuesday, the track's first day: nothing of the programme is lost.
    expect(partialWeekShare(compiled, 2, 0)).toBeUndefined();
    expect(partialWeekShare(compiled, 3, 0)).toBeUndefined();
  });

  it('scales minimum hours and days by the share with prorate, drops them with exempt, keeps them with full', () => {
    const compiled = compileProblem(thursday());
    const rules = resolveHoursRules();
    expect(prorateRules(compiled, 2, 0, rules)).toMatchObject({ minWeeklyHours: 3, minDays: 1, maxWeeklyHours: 19, maxDays: 5 });
    expect(prorateRules(compiled, 2, 0, resolveHoursRules({ partialWeek: 'exempt' }))).toMatchObject({ minWeeklyHours: 0, minDays: 0 });
    expect(prorateRules(compiled, 2, 0, resolveHoursRules({ partialWeek: 'full' }))).toMatchObject({ minWeeklyHours: 9, minDays: 3 });
    expect(prorateRules(compiled, 0, 0, rules)).toBe(rules);
    // Two of five programme days and at least 3 days a week: 2 days (rounded up), 3.6 hours.
    const weekdays = compileProblem(
      tiny((p) => {
        p.tracks[0]!.windows = { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '18:00', end: '21:00' }] };
        p.patients[0]!.admittedOn = '2026-11-26';
      }),
    );
    expect(prorateRules(weekdays, 0, 0, rules)).toMatchObject({ minWeeklyHours: 3.6, minDays: 2 });
  });

  it('reports a Thursday admission with a full Thursday as a met partial week', () => {
    const meetings = ['18:00', '19:00', '20:00'].map((start) => group(`g-TH-${start.slice(0, 2)}`, 'TH', start, ['p3', 'p4']));
    const summary = reportOf(thursday(), meetings).patients.find((row) => row.patient === 'p3')!;
    expect(summary.partialWeek).toEqual({ mode: 'prorate', enrolledDays: 1, programmeDays: 3 });
    expect(summary.met).toBe(true);
    expect(summary.requirements.find((r) => r.rule === 'patient-min-weekly-hours')).toMatchObject({ target: 3, actual: 3, met: true });
    expect(summary.requirements.find((r) => r.rule === 'patient-min-days')).toMatchObject({ target: 1, actual: 1, met: true });
    // p4 is enrolled all week: a whole week, not marked, and short.
    const whole = reportOf(thursday(), meetings).patients.find((row) => row.patient === 'p4')!;
    expect(whole.partialWeek).toBeUndefined();
    expect(whole.met).toBe(false);
  });

  it("counts the whole week's minimums with full, and none with exempt", () => {
    const meetings = [group('g-TH-18', 'TH', '18:00', ['p3', 'p4'])];
    const full = reportOf(thursday({ partialWeek: 'full' }), meetings);
    expect(full.patients[2]).toMatchObject({ met: false, partialWeek: { mode: 'full', enrolledDays: 1, programmeDays: 3 } });
    expect(full.unmet.filter((u) => u.patient === 'p3').map((u) => [u.rule, u.shortfall])).toEqual([
      ['patient-min-weekly-hours', 480],
      ['patient-min-days', 120],
    ]);
    const exempt = reportOf(thursday({ partialWeek: 'exempt' }), meetings);
    expect(exempt.patients[2]).toMatchObject({ met: true, partialWeek: { mode: 'exempt' } });
  });
});

describe('partial weeks: session counts', () => {
  // A curriculum of 3 process groups a week and 2 individual sessions of p3's own.
  const counted = (rules?: HoursRules): ReturnType<typeof tiny> =>
    tiny((p) => {
      p.tracks[0]!.curriculum = [{ service: 'process', min: 3 }];
      p.patients[2]!.admittedOn = '2026-11-26';
      p.patients[2]!.requires = [{ service: 'individual', min: 2 }];
      if (rules) p.rules = rules;
    });
  const thursdayWeek = [group('g-TH-18', 'TH', '18:00', ['p3', 'p4']), individual('i-TH-19', 'TH', '19:00', 'p3'), group('g-TH-20', 'TH', '20:00', ['p3', 'p4'])];

  it('prorates curriculum and requires minimums like days: the share rounded up', () => {
    const compiled = compileProblem(counted());
    expect(prorateCount(compiled, 2, 0, 3, 'prorate')).toBe(1);
    expect(prorateCount(compiled, 2, 0, 2, 'prorate')).toBe(1);
    expect(prorateCount(compiled, 2, 0, 3, 'full')).toBe(3);
    expect(prorateCount(compiled, 2, 0, 3, 'exempt')).toBe(0);
    // A whole week keeps the count.
    expect(prorateCount(compiled, 3, 0, 3, 'prorate')).toBe(3);
    const weekdays = compileProblem(
      tiny((p) => {
        p.tracks[0]!.windows = { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '18:00', end: '21:00' }] };
        p.patients[0]!.admittedOn = '2026-11-26';
      }),
    );
    expect(prorateCount(weekdays, 0, 0, 3, 'prorate')).toBe(2);
  });

  it("gives the solver the prorated counts as its targets", () => {
    const wants = prepare(compileProblem(counted())).patients.map((p) => [...p.wantSessions]);
    // Services: process, individual. p3 is the Thursday admission; p4 is enrolled all week.
    expect(wants[2]).toEqual([1, 1]);
    expect(wants[3]).toEqual([3, 0]);
  });

  it('reports a Thursday admission with a 3-group curriculum and 2 individual sessions met on a full Thursday', () => {
    const summary = reportOf(counted(), thursdayWeek).patients.find((row) => row.patient === 'p3')!;
    expect(summary.requirements.find((r) => r.rule === 'curriculum-min')).toMatchObject({ target: 1, actual: 2, met: true });
    expect(summary.requirements.find((r) => r.rule === 'requires-min')).toMatchObject({ target: 1, actual: 1, met: true });
    expect(summary).toMatchObject({ met: true, partialWeek: { mode: 'prorate', enrolledDays: 1, programmeDays: 3 } });
    // With full, the whole week's counts stand.
    const full = reportOf(counted({ partialWeek: 'full' }), thursdayWeek).unmet.filter((u) => u.patient === 'p3');
    expect(full.map((u) => [u.rule, u.shortfall])).toEqual(
      expect.arrayContaining([
        ['curriculum-min', 60],
        ['requires-min', 60],
      ]),
    );
  });
});
