import { describe, expect, it } from 'vitest';
import { validateProblem } from './validate.js';
import { changed, issuesAfter, issuesOf } from '../../test/input/support.js';

describe('the top level', () => {
  it('rejects a non-object with one root issue', () => {
    for (const input of [null, undefined, 42, 'problem', [], true]) expect(issuesOf(input)).toEqual([' invalid-type']);
  });
  it('reports every missing required field', () => {
    expect(issuesOf({})).toEqual([
      'timeZone missing-field',
      'weekStart missing-field',
      'tracks missing-field',
      'services missing-field',
      'staff missing-field',
      'rooms missing-field',
      'patients missing-field',
    ]);
  });
  it('reports an unknown top-level property', () => {
    expect(issuesAfter((p) => (p.granularity = 15))).toEqual(['granularity unknown-property']);
  });
  it('defaults granularityMinutes to 15', () => {
    const result = validateProblem(changed(() => undefined));
    expect(result.ok && result.problem.granularityMinutes).toBe(15);
  });
  it.each([5, 10, 20, 30, 60, 1440])('accepts a granularity of %s minutes', (minutes) => {
    expect(issuesAfter((p) => (p.granularityMinutes = minutes))).toEqual([]);
  });
  it.each([0, -15, 7, 25, 35, 2880, 15.5])('rejects a granularity of %s minutes', (minutes) => {
    expect(issuesAfter((p) => (p.granularityMinutes = minutes))).toEqual(['granularityMinutes invalid-granularity']);
  });
  it('rejects a wrong-typed granularity and collections', () => {
    expect(issuesAfter((p) => ((p.granularityMinutes = '15'), (p.rooms = {})))).toEqual(['granularityMinutes invalid-type', 'rooms invalid-type']);
  });
  it('rejects more than 100,000 patients as too-large without reading them', () => {
    const patients: unknown[] = [];
    patients.length = 100_001;
    expect(issuesAfter((p) => (p.patients = patients))).toEqual(['patients too-large']);
  });
  it('rejects more than 10,000 services', () => {
    const services: unknown[] = [];
    services.length = 10_001;
    expect(issuesAfter((p) => (p.services = services))).toEqual(['services too-large']);
  });
  it('reports a hole in a collection at its index', () => {
    expect(issuesAfter((p) => delete p.patients[2])).toEqual(['patients[2] missing-field']);
  });
});
