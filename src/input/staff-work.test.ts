import { describe, expect, it } from 'vitest';
import { validateProblem } from './validate.js';
import { issuesAfter } from '../../test/input/support.js';
import { tinyProblem } from '../../test/support/tiny.js';

const lunch = { minutes: 30, within: { start: '11:30', end: '13:30' } };

describe('staff breaks and longest runs', () => {
  it('accepts a break, one after some work, and a longest run, and keeps them', () => {
    const problem = tinyProblem();
    problem.staff[0]!.breaks = [lunch, { minutes: 15, within: { start: '15:00', end: '17:00' }, afterMinutes: 300 }];
    problem.staff[0]!.maxContinuousMinutes = 180;
    const result = validateProblem(problem);
    expect(result.ok && result.problem.staff[0]).toMatchObject({ breaks: problem.staff[0]!.breaks, maxContinuousMinutes: 180 });
  });
  it('rejects zero, negative and off-grid break minutes', () => {
    expect(issuesAfter((p) => (p.staff[0].breaks = [{ ...lunch, minutes: 0 }]))).toEqual(['staff[0].breaks[0].minutes invalid-duration']);
    expect(issuesAfter((p) => (p.staff[0].breaks = [{ ...lunch, minutes: -30 }]))).toEqual(['staff[0].breaks[0].minutes invalid-duration']);
    expect(issuesAfter((p) => (p.staff[0].breaks = [{ ...lunch, minutes: 32 }]))).toEqual(['staff[0].breaks[0].minutes invalid-duration']);
  });
  it('rejects a window that ends at or before its start, and a break longer than its window', () => {
    expect(issuesAfter((p) => (p.staff[1].breaks = [{ minutes: 30, within: { start: '13:30', end: '11:30' } }]))).toEqual(['staff[1].breaks[0].within.end empty-window']);
    expect(issuesAfter((p) => (p.staff[1].breaks = [{ minutes: 90, within: { start: '12:00', end: '13:00' } }]))).toEqual(['staff[1].breaks[0].minutes out-of-range']);
  });
  it('rejects a missing window, a bad clock time, a negative afterMinutes and an unknown field', () => {
    expect(issuesAfter((p) => (p.staff[0].breaks = [{ minutes: 30 }]))).toEqual(['staff[0].breaks[0].within missing-field']);
    expect(issuesAfter((p) => (p.staff[0].breaks = [{ ...lunch, within: { start: '25:00', end: '13:30' } }]))).toEqual(['staff[0].breaks[0].within.start invalid-time']);
    expect(issuesAfter((p) => (p.staff[0].breaks = [{ ...lunch, afterMinutes: -1 }]))).toEqual(['staff[0].breaks[0].afterMinutes out-of-range']);
    expect(issuesAfter((p) => (p.staff[0].breaks = [{ ...lunch, length: 30 }]))).toEqual(['staff[0].breaks[0].length unknown-property']);
  });
  it('rejects a zero, negative or off-grid longest run', () => {
    expect(issuesAfter((p) => (p.staff[0].maxContinuousMinutes = 0))).toEqual(['staff[0].maxContinuousMinutes invalid-duration']);
    expect(issuesAfter((p) => (p.staff[0].maxContinuousMinutes = -60))).toEqual(['staff[0].maxContinuousMinutes invalid-duration']);
    expect(issuesAfter((p) => (p.staff[0].maxContinuousMinutes = 62))).toEqual(['staff[0].maxContinuousMinutes invalid-duration']);
  });
});

describe('service notes time', () => {
  it('accepts 0 to 120 minutes on the 5-minute grid', () => {
    expect(issuesAfter((p) => (p.services[0].notesMinutes = 10))).toEqual([]);
    expect(issuesAfter((p) => (p.services[0].notesMinutes = 0))).toEqual([]);
    expect(issuesAfter((p) => (p.services[0].notesMinutes = 120))).toEqual([]);
  });
  it('rejects negative, over 120, off-grid and non-numeric notes time', () => {
    expect(issuesAfter((p) => (p.services[0].notesMinutes = -5))).toEqual(['services[0].notesMinutes out-of-range']);
    expect(issuesAfter((p) => (p.services[0].notesMinutes = 180))).toEqual(['services[0].notesMinutes out-of-range']);
    expect(issuesAfter((p) => (p.services[0].notesMinutes = 7))).toEqual(['services[0].notesMinutes invalid-duration']);
    expect(issuesAfter((p) => (p.services[0].notesMinutes = '10'))).toEqual(['services[0].notesMinutes invalid-type']);
  });
});
