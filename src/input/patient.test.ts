import { describe, expect, it } from 'vitest';
import { validateProblem } from './validate.js';
import { changed, issuesAfter } from '../../test/input/support.js';

describe('patients', () => {
  it('defaults telehealth to false and keeps what is given', () => {
    const result = validateProblem(changed((p) => Object.assign(p.patients[0], { telehealth: true, tags: ['age:adult'] })));
    if (!result.ok) throw new Error('must be valid');
    expect(result.problem.patients[0]).toMatchObject({ telehealth: true, tags: ['age:adult'] });
    expect(result.problem.patients[1]?.telehealth).toBe(false);
  });
  it('requires tracks', () => {
    expect(issuesAfter((p) => delete p.patients[2].tracks)).toEqual(['patients[2].tracks missing-field']);
  });
  it('rejects admittedOn after dischargedOn, and bad dates', () => {
    expect(issuesAfter((p) => Object.assign(p.patients[1], { admittedOn: '2026-11-25', dischargedOn: '2026-11-24' }))).toEqual(['patients[1].dischargedOn invalid-range']);
    expect(issuesAfter((p) => Object.assign(p.patients[1], { admittedOn: '2026-11-25', dischargedOn: '2026-11-25' }))).toEqual([]);
    expect(issuesAfter((p) => (p.patients[1].admittedOn = 'monday'))).toEqual(['patients[1].admittedOn invalid-date']);
  });
  it('rejects bad preferences', () => {
    expect(issuesAfter((p) => (p.patients[0].preferences = { days: ['MO', 'XX'], avoid: [] }))).toEqual([
      'patients[0].preferences.avoid unknown-property',
      'patients[0].preferences.days[1] invalid-weekday',
    ]);
  });
  it('rejects requires entries with negative or fractional counts', () => {
    expect(issuesAfter((p) => (p.patients[0].requires = [{ service: 'individual', min: -1, max: 1.5 }]))).toEqual([
      'patients[0].requires[0].min out-of-range',
      'patients[0].requires[0].max not-integer',
    ]);
  });
  it('checks familyAvailability like any availability', () => {
    expect(issuesAfter((p) => (p.patients[0].familyAvailability = { weekly: [{ days: ['SA'], start: '10:00', end: '09:00' }] }))).toEqual([
      'patients[0].familyAvailability.weekly[0].end empty-window',
    ]);
  });
  it('keeps a whole-number priority and rejects others', () => {
    const result = validateProblem(changed((p) => Object.assign(p.patients[0], { priority: 2 })));
    if (!result.ok) throw new Error('must be valid');
    expect(result.problem.patients[0]?.priority).toBe(2);
    expect(issuesAfter((p) => Object.assign(p.patients[0], { priority: 1.5 }))).toEqual(['patients[0].priority not-integer']);
    expect(issuesAfter((p) => Object.assign(p.patients[0], { priority: '1' }))).toEqual(['patients[0].priority invalid-type']);
  });
});
