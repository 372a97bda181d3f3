import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import type { Problem } from '../model/problem.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { checkServiceResources } from './check-service-resources.js';
import { buildReach } from './reach.js';

function needingProcess(): Problem {
  const problem = tinyProblem();
  problem.tracks[0]!.curriculum = [{ service: 'process', min: 1 }];
  return problem;
}

const findings = (problem: Problem) => checkServiceResources(buildReach(compileProblem(problem)));

describe('checkServiceResources', () => {
  it('finds a service nobody holds the credential for', () => {
    const problem = needingProcess();
    problem.services[0]!.staff = [{ credentials: ['PsyD'] }];
    expect(findings(problem)).toEqual([
      expect.objectContaining({ code: 'no-qualified-staff', services: ['process'], patients: ['p1', 'p2', 'p3', 'p4'], requirements: ['curriculum-min'], figures: { needed: 1, available: 0, unit: 'staff' } }),
    ]);
  });

  it('finds a seat count the staff cannot fill, even with the credential', () => {
    const problem = needingProcess();
    problem.services[0]!.staff = [{ credentials: ['LCSW', 'LMFT'], count: 3 }];
    expect(findings(problem)[0]).toMatchObject({ code: 'no-qualified-staff', figures: { needed: 3, available: 2 } });
  });

  it('finds a co-facilitated group whose second credential never works in the windows', () => {
    const problem = needingProcess();
    problem.services[0]!.staff = [{ credentials: ['LCSW'] }, { credentials: ['RD'] }];
    problem.staff.push({ id: 'diet-1', credentials: ['RD'], availability: { weekly: [{ days: ['MO', 'TU'], start: '09:00', end: '17:00' }] } });
    const found = findings(problem);
    expect(found).toEqual([expect.objectContaining({ code: 'no-staff-available', staff: ['clin-1', 'diet-1'] })]);
    expect(found[0]!.message).toContain('LCSW + RD');
  });

  it('finds a service no room can host, or whose rooms are too small', () => {
    const problem = needingProcess();
    problem.services[0]!.room = { features: ['kitchen'] };
    expect(findings(problem)).toEqual([expect.objectContaining({ code: 'no-suitable-room', figures: { needed: 1, available: 0, unit: 'rooms' } })]);
    const small = needingProcess();
    small.services[0]!.minSize = 4;
    expect(findings(small)).toEqual([expect.objectContaining({ code: 'room-too-small', rooms: ['room-a'], figures: { needed: 4, available: 3, unit: 'seats' } })]);
  });

  it('finds rooms closed whenever the staff could run it', () => {
    const problem = needingProcess();
    problem.rooms[0]!.availability = { weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }] };
    expect(findings(problem)).toEqual([expect.objectContaining({ code: 'no-room-available', rooms: ['room-a'] })]);
  });

  it('leaves out patients who can join by telehealth when the service allows it', () => {
    const problem = needingProcess();
    problem.services[0]!.room = { features: ['kitchen'] };
    problem.services[0]!.telehealth = 'allowed';
    problem.patients[0]!.telehealth = true;
    expect(findings(problem)[0]!.patients).toEqual(['p2', 'p3', 'p4']);
  });

  it('accepts a clinic that can run everything', () => {
    expect(findings(needingProcess())).toEqual([]);
  });
});
