import { describe, expect, it } from 'vitest';
import { changed, issuesAfter, type Loose } from '../../test/input/support.js';
import { validateProblem } from './validate.js';

const warningsAfter = (change: (problem: Loose) => void): string[] => {
  const result = validateProblem(changed(change));
  expect(result.ok).toBe(true);
  return (result.warnings ?? []).map((w) => `${w.path} ${w.code}`);
};

describe('staff maxCaseload', () => {
  it('accepts a whole number of patients and keeps it', () => {
    const result = validateProblem(changed((p) => (p.staff[0].maxCaseload = 24)));
    expect(result.ok && result.problem.staff[0]!.maxCaseload).toBe(24);
  });
  it('rejects a negative or fractional caseload', () => {
    expect(issuesAfter((p) => (p.staff[0].maxCaseload = -1))).toEqual(['staff[0].maxCaseload out-of-range']);
    expect(issuesAfter((p) => (p.staff[0].maxCaseload = 2.5))).toEqual(['staff[0].maxCaseload not-integer']);
    expect(issuesAfter((p) => (p.staff[0].maxCaseload = '24'))).toEqual(['staff[0].maxCaseload invalid-type']);
  });
  it('warns, before solving, when primary assignments already exceed it', () => {
    const over = (p: Loose): void => {
      p.staff[1].maxCaseload = 2;
      for (const patient of p.patients) patient.primaryStaff = 'clin-2';
    };
    expect(warningsAfter(over)).toEqual(['staff[1].maxCaseload caseload-exceeded']);
    const result = validateProblem(changed(over));
    expect(result.warnings?.[0]?.message).toContain('4 patients');
  });
  it('counts only patients enrolled this week', () => {
    const discharged = (p: Loose): void => {
      p.staff[1].maxCaseload = 3;
      for (const patient of p.patients) patient.primaryStaff = 'clin-2';
      p.patients[3].dischargedOn = '2026-11-23'; // discharged on the week's Monday: not enrolled
    };
    expect(warningsAfter(discharged)).toEqual([]);
    expect(warningsAfter((p) => ((p.staff[1].maxCaseload = 4), p.patients.forEach((x: Loose) => (x.primaryStaff = 'clin-2'))))).toEqual([]);
  });
});

describe('staff preferences', () => {
  it('reads days, avoided days, avoided times and services', () => {
    const preferences = { days: ['TU', 'WE'], avoidDays: ['FR'], avoid: { weekly: [{ days: ['TH'], start: '20:00', end: '21:00' }] }, services: ['process'] };
    const result = validateProblem(changed((p) => (p.staff[0].preferences = preferences)));
    expect(result.ok && result.problem.staff[0]!.preferences).toEqual(preferences);
  });
  it('reports a bad day, a bad window, an unknown service and an unknown key', () => {
    expect(
      issuesAfter((p) => (p.staff[0].preferences = { days: ['XX'], avoid: { weekly: [{ days: ['TU'], start: '21:00', end: '20:00' }] }, services: ['nope'], often: true })),
    ).toEqual([
      'staff[0].preferences.often unknown-property',
      'staff[0].preferences.days[0] invalid-weekday',
      'staff[0].preferences.avoid.weekly[0].end empty-window',
      'staff[0].preferences.services[0] unknown-reference',
    ]);
  });
});

describe('rules.partialWeek', () => {
  it('accepts prorate, full and exempt at every level', () => {
    expect(issuesAfter((p) => ((p.rules = { partialWeek: 'full' }), (p.tracks[0].rules = { partialWeek: 'exempt' }), (p.patients[0].rules = { partialWeek: 'prorate' })))).toEqual([]);
  });
  it('rejects another word or a non-string', () => {
    expect(issuesAfter((p) => (p.rules = { partialWeek: 'half' }))).toEqual(['rules.partialWeek invalid-value']);
    expect(issuesAfter((p) => (p.tracks[0].rules = { partialWeek: 1 }))).toEqual(['tracks[0].rules.partialWeek invalid-type']);
  });
});
