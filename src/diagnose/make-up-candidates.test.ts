import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import type { Unmet } from '../model/report.js';
import { validateProblem } from '../input/validate.js';
import { sampleClinic } from '../sample/clinic.js';
import { makeUpCandidates } from './make-up-candidates.js';

const unmet: Unmet = { rule: 'patient-min-weekly-hours', patient: 'p-01', message: '', shortfall: 60, causes: [], repairs: [] };

describe('makeUpCandidates', () => {
  it("lets a patient who falls short attend their make-up track this week, applied to a copy only, which stays valid", () => {
    const problem = sampleClinic();
    problem.patients[0]!.makeUpTracks = ['evening'];
    const [candidate, ...rest] = makeUpCandidates(compileProblem(problem), unmet);
    expect(rest).toEqual([]);
    expect(candidate).toMatchObject({ kind: 'make-up-track', message: 'Let p-01 make up missed sessions in the evening track this week', patients: ['p-01'] });
    const copy = structuredClone(problem);
    candidate!.apply(copy);
    expect(copy.patients[0]).toMatchObject({ tracks: ['day', 'evening'], makeUpTracks: [] });
    expect(problem.patients[0]).toMatchObject({ tracks: ['day'], makeUpTracks: ['evening'] });
    expect(validateProblem(copy).ok).toBe(true);
  });

  it('proposes nothing for a track already open to the patient this week (a re-planned week with their no-show)', () => {
    const problem = sampleClinic();
    problem.patients[0]!.makeUpTracks = ['evening'];
    expect(makeUpCandidates(compileProblem(problem, { makeUpFor: new Set(['p-01']) }), unmet)).toEqual([]);
  });

  it('proposes nothing for a patient without make-up tracks', () => {
    expect(makeUpCandidates(compileProblem(sampleClinic()), unmet)).toEqual([]);
  });
});
