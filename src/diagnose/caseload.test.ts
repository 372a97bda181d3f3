import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import { validateProblem } from '../input/validate.js';
import type { Problem } from '../model/problem.js';
import type { Unmet } from '../model/report.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { caseloadCandidates, caseloadCauses } from './caseload.js';

const entry: Unmet = { rule: 'requires-min', patient: 'p3', service: 'individual', message: '', shortfall: 60, causes: [], repairs: [] };
const hours = (patient: string, rule: string): Unmet => ({ rule, patient, message: '', shortfall: 60, causes: [], repairs: [] });

/** Four patients on clin-1 (caseload 2), each needing a primary-only individual session. */
function overloaded(): Problem {
  const problem = tinyProblem();
  problem.services[1]!.primaryOnly = true;
  problem.staff[0]!.maxCaseload = 2;
  problem.staff.push({ id: 'clin-3', credentials: ['LMFT'], maxCaseload: 1 }, { id: 'cadc-1', credentials: ['CADC'] });
  problem.patients.forEach((p, i) => {
    p.primaryStaff = i === 0 ? 'clin-3' : 'clin-1';
    p.requires = [{ service: 'individual', min: 1 }];
  });
  problem.patients.push({ id: 'p5', tracks: ['evening'], primaryStaff: 'clin-1' });
  return problem;
}

describe('caseload causes and repairs', () => {
  it('names the primary over caseload, and proposes a clinician with the credentials and room in their caseload', () => {
    const compiled = compileProblem(overloaded());
    expect(caseloadCauses(compiled, entry, 'individual')).toEqual([
      {
        code: 'staff-caseload',
        message: "Patient p3's primary therapist clin-1 is primary to 4 patients this week, over the caseload of 2; only clin-1 may lead p3's individual.",
        staff: ['clin-1'],
      },
    ]);
    // clin-3 is full (1 of 1), cadc-1 cannot lead individual therapy.
    expect(caseloadCandidates(compiled, entry, 'individual').map((c) => c.message)).toEqual(['Make clin-2 the primary therapist of p3 (0 primary patients, no caseload limit this week)']);
    // The patient's hours count their individual session too.
    expect(caseloadCauses(compiled, hours('p3', 'patient-min-weekly-hours'), undefined)).toHaveLength(1);
  });

  it('says nothing for a primary within caseload, an entry about another service, or a patient needing nothing primary-only', () => {
    const within = overloaded();
    within.staff[0]!.maxCaseload = 4;
    expect(caseloadCauses(compileProblem(within), entry, 'individual')).toEqual([]);
    expect(caseloadCandidates(compileProblem(within), entry, 'individual')).toEqual([]);
    const compiled = compileProblem(overloaded());
    expect(caseloadCauses(compiled, { ...entry, rule: 'curriculum-min', service: 'process' }, 'process')).toEqual([]);
    expect(caseloadCauses(compiled, hours('p5', 'patient-min-days'), undefined)).toEqual([]);
  });

  it('applies the reassignment to a copy that stays valid', () => {
    const problem = overloaded();
    const [candidate] = caseloadCandidates(compileProblem(problem), entry, 'individual');
    const copy = structuredClone(problem);
    candidate!.apply(copy);
    expect(copy.patients[2]!.primaryStaff).toBe('clin-2');
    expect(problem.patients[2]!.primaryStaff).toBe('clin-1');
    expect(validateProblem(copy).ok).toBe(true);
  });
});
