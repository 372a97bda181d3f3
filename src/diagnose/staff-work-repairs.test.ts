import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import { validateProblem } from '../input/validate.js';
import type { Problem } from '../model/problem.js';
import type { Cause, Unmet } from '../model/report.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { staffWorkCandidates } from './staff-work-repairs.js';

const entry: Unmet = { rule: 'patient-min-weekly-hours', patient: 'p1', message: '', shortfall: 180, causes: [], repairs: [] };

function clinic(): Problem {
  const problem = tinyProblem();
  problem.services[0]!.notesMinutes = 10;
  problem.staff = [
    { id: 'clin-1', credentials: ['LCSW'], breaks: [{ minutes: 60, within: { start: '18:00', end: '19:30' } }] },
    { id: 'clin-2', credentials: ['LMFT'], maxContinuousMinutes: 120 },
  ];
  return problem;
}

function messages(problem: Problem, causes: Cause[], service?: string): string[] {
  return staffWorkCandidates(compileProblem(problem), entry, service, causes).map((c) => c.message);
}

describe('staffWorkCandidates', () => {
  it('relaxes a break the cause names: wider window, shorter (not below 30 minutes), covered by a per-diem on the days the track runs then', () => {
    const causes: Cause[] = [{ code: 'staff-breaks', message: '', staff: ['clin-1'] }];
    expect(messages(clinic(), causes)).toEqual([
      'Let clin-1 take their 60-minute break anywhere 17:00-20:30 (now 18:00-19:30)',
      "Shorten clin-1's break 18:00-19:30 from 60 to 30 minutes",
      "Add a per-diem LCSW for clin-1's break, Tue-Thu 18:00-19:30",
    ]);
    const thirty = clinic();
    thirty.staff[0]!.breaks![0]!.minutes = 30;
    expect(messages(thirty, causes).some((m) => m.startsWith('Shorten'))).toBe(false);
  });

  it('shortens the notes after the services the named staff lead, and allows a longer run to the member with one', () => {
    expect(messages(clinic(), [{ code: 'staff-notes-time', message: '', staff: ['clin-2'] }])).toEqual(['Shorten the notes time after process from 10 to 5 minutes']);
    expect(messages(clinic(), [{ code: 'staff-continuous-work', message: '', staff: ['clin-2'] }])).toEqual(['Let clin-2 work up to 3 h on end (now 2 h)']);
    // A rule the member does not have gives nothing, even when a cause names them.
    expect(messages(clinic(), [{ code: 'staff-continuous-work', message: '', staff: ['clin-1'] }])).toEqual([]);
  });

  it('reads a cause counted during the search (no staff named) as every member the rule applies to who could lead the service', () => {
    const counted: Cause[] = [{ code: 'staff-breaks', message: 'During the search, rule staff-breaks blocked 12 placements', blocked: 12 }];
    expect(messages(clinic(), counted, 'process')[0]).toBe('Let clin-1 take their 60-minute break anywhere 17:00-20:30 (now 18:00-19:30)');
  });

  it('proposes nothing without a staff work rule among the causes', () => {
    expect(messages(clinic(), [{ code: 'room-double-booked', message: '', rooms: ['room-a'] }])).toEqual([]);
  });

  it('applies each change to a copy that stays valid, never to the caller problem', () => {
    const problem = clinic();
    const before = structuredClone(problem);
    const causes: Cause[] = ['staff-breaks', 'staff-notes-time', 'staff-continuous-work'].map((code) => ({ code, message: '' }));
    const candidates = staffWorkCandidates(compileProblem(problem), entry, undefined, causes);
    expect(candidates.map((c) => c.kind).sort()).toEqual(['add-per-diem-staff', 'allow-longer-run', 'shorten-break', 'shorten-notes', 'widen-break-window']);
    for (const candidate of candidates) {
      const copy = structuredClone(problem);
      candidate.apply(copy);
      expect(copy).not.toEqual(problem);
      expect(validateProblem(copy).ok).toBe(true);
    }
    expect(problem).toEqual(before);
    const widened = structuredClone(problem);
    candidates.find((c) => c.kind === 'widen-break-window')!.apply(widened);
    expect(widened.staff[0]!.breaks).toEqual([{ minutes: 60, within: { start: '17:00', end: '20:30' } }]);
  });
});
