import { describe, expect, it } from 'vitest';
import { validateProblem } from './validate.js';
import { changed, issuesAfter } from '../../test/input/support.js';

describe('services', () => {
  it('fills the plain defaults of a group and an individual service', () => {
    const result = validateProblem(changed(() => undefined));
    if (!result.ok) throw new Error('tiny problem must be valid');
    const [group, individual] = result.problem.services;
    expect(group).toMatchObject({ minSize: 2, maxSize: 12, telehealth: 'never', countsTowardHours: true, trackBound: true, primaryOnly: false, withFamily: false });
    expect(group?.staff[0]?.count).toBe(1);
    expect(individual).toMatchObject({ minSize: 1, maxSize: 1, telehealth: 'allowed', trackBound: false });
  });
  it('keeps given values over defaults', () => {
    const result = validateProblem(changed((p) => Object.assign(p.services[0], { minSize: 3, maxSize: 8, trackBound: false, countsTowardHours: false })));
    expect(result.ok && result.problem.services[0]).toMatchObject({ minSize: 3, maxSize: 8, trackBound: false, countsTowardHours: false });
  });
  it('rejects an unknown kind and telehealth policy', () => {
    expect(issuesAfter((p) => Object.assign(p.services[0], { kind: 'class', telehealth: 'sometimes' }))).toEqual([
      'services[0].kind invalid-value',
      'services[0].telehealth invalid-value',
    ]);
  });
  it('rejects maxSize below minSize, non-integer and absurd sizes', () => {
    expect(issuesAfter((p) => Object.assign(p.services[0], { minSize: 6, maxSize: 4 }))).toEqual(['services[0].maxSize invalid-range']);
    expect(issuesAfter((p) => Object.assign(p.services[0], { minSize: 13 }))).toEqual(['services[0].minSize invalid-range']);
    expect(issuesAfter((p) => Object.assign(p.services[0], { minSize: 2.5, maxSize: 5000 }))).toEqual(['services[0].minSize not-integer', 'services[0].maxSize out-of-range']);
    expect(issuesAfter((p) => Object.assign(p.services[0], { minSize: 0 }))).toEqual(['services[0].minSize out-of-range']);
  });
  it('rejects sizes other than 1 on an individual service', () => {
    expect(issuesAfter((p) => Object.assign(p.services[1], { minSize: 1, maxSize: 2 }))).toEqual(['services[1].maxSize individual-size']);
  });
  it('needs at least one staff seat, each with at least one credential', () => {
    expect(issuesAfter((p) => (p.services[0].staff = []))).toEqual(['services[0].staff empty']);
    expect(issuesAfter((p) => (p.services[0].staff = [{ credentials: [] }]))).toEqual(['services[0].staff[0].credentials empty']);
    expect(issuesAfter((p) => (p.services[0].staff = [{ tags: ['lang:es'] }]))).toEqual(['services[0].staff[0].credentials missing-field']);
  });
  it('rejects a seat count that is not a positive integer', () => {
    expect(issuesAfter((p) => (p.services[0].staff[0].count = 0))).toEqual(['services[0].staff[0].count out-of-range']);
    expect(issuesAfter((p) => (p.services[0].staff[0].count = 1.5))).toEqual(['services[0].staff[0].count not-integer']);
  });
  it('checks nested objects: room needs and eligibility', () => {
    expect(issuesAfter((p) => Object.assign(p.services[0], { room: { feature: ['x'] }, eligibility: { requireTags: 'age:adult' } }))).toEqual([
      'services[0].room.feature unknown-property',
      'services[0].eligibility.requireTags invalid-type',
    ]);
  });
  it('reports wrong-typed flags', () => {
    expect(issuesAfter((p) => Object.assign(p.services[1], { primaryOnly: 'yes', withFamily: 1 }))).toEqual([
      'services[1].primaryOnly invalid-type',
      'services[1].withFamily invalid-type',
    ]);
  });
});
