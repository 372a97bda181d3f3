import { describe, expect, it } from 'vitest';
import { ProblemError } from '../model/issue.js';
import { sampleClinic } from '../sample/clinic.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { diagnose } from './diagnose.js';

describe('diagnose', () => {
  it('finds nothing impossible in the feasible sample clinic', () => {
    const diagnosis = diagnose(sampleClinic());
    expect(diagnosis.impossible).toEqual([]);
    expect(diagnosis.capacity.length).toBeGreaterThan(0);
  });

  it('finds the overbooked sample clinic short: a patient free two evenings, and the evening rooms first among bottlenecks', () => {
    const diagnosis = diagnose(sampleClinic({ variant: 'overbooked' }));
    expect(diagnosis.impossible.map((f) => f.code)).toEqual(expect.arrayContaining(['availability-days']));
    expect(diagnosis.bottlenecks[0]).toMatchObject({ resource: 'rooms' });
    expect(diagnosis.bottlenecks[0]!.utilisation).toBeGreaterThan(1);
  });

  it('stops its checks on an aborted signal and says the diagnosis is not complete', () => {
    const controller = new AbortController();
    controller.abort();
    const full = diagnose(sampleClinic({ variant: 'overbooked' }));
    const cut = diagnose(sampleClinic({ variant: 'overbooked' }), { signal: controller.signal });
    expect(full.complete).toBeUndefined();
    expect(full.impossible.length).toBeGreaterThan(0);
    expect(cut.complete).toBe(false);
    expect(cut.impossible).toEqual([]);
    expect(cut.capacity).toEqual(full.capacity);
  });

  it('never mutates its input and gives the same answer twice', () => {
    const problem = tinyProblem();
    problem.patients[0]!.availability = { weekly: [{ days: ['TU'], start: '18:00', end: '21:00' }] };
    const before = structuredClone(problem);
    const first = diagnose(problem);
    expect(problem).toEqual(before);
    expect(diagnose(problem)).toEqual(first);
    expect(first.impossible.length).toBeGreaterThan(0);
  });

  it('throws a ProblemError on invalid input', () => {
    expect(() => diagnose({ ...tinyProblem(), timeZone: 'Mars/Olympus' })).toThrow(ProblemError);
  });

  it('handles ids such as __proto__', () => {
    const problem = tinyProblem();
    problem.patients[0]!.id = '__proto__';
    problem.patients[0]!.availability = { weekly: [{ days: ['TU'], start: '18:00', end: '21:00' }] };
    expect(diagnose(problem).impossible.some((f) => f.patients.includes('__proto__'))).toBe(true);
  });
});
