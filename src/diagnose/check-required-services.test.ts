import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { checkRequiredServices } from './check-required-services.js';
import { buildReach } from './reach.js';

describe('checkRequiredServices', () => {
  it('finds a family session a patient needs with no family availability', () => {
    const problem = tinyProblem();
    problem.services.push({ id: 'family', kind: 'individual', durationMinutes: 60, withFamily: true, staff: [{ credentials: ['LMFT'] }] });
    problem.patients[0]!.requires = [{ service: 'family', min: 1 }];
    const found = checkRequiredServices(buildReach(compileProblem(problem)), new Set());
    expect(found).toEqual([expect.objectContaining({ code: 'service-unreachable', patients: ['p1'], services: ['family'], requirements: ['requires-min'] })]);
    expect(found[0]!.message).toContain('no family availability');
  });

  it('finds a primary-only session for a patient with no primary therapist, unless already explained', () => {
    const problem = tinyProblem();
    problem.services[1]!.primaryOnly = true;
    problem.patients[0]!.requires = [{ service: 'individual', min: 1 }];
    const reach = buildReach(compileProblem(problem));
    expect(checkRequiredServices(reach, new Set())[0]!.message).toContain('they have none');
    expect(checkRequiredServices(reach, new Set(['p1\u0000individual']))).toEqual([]);
  });

  it('accepts a required session the patient can attend', () => {
    const problem = tinyProblem();
    problem.patients[0]!.requires = [{ service: 'individual', min: 1 }];
    expect(checkRequiredServices(buildReach(compileProblem(problem)), new Set())).toEqual([]);
  });
});
