import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import type { Problem } from '../model/problem.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { checkGroupPopulation } from './check-group-population.js';
import { buildReach } from './reach.js';

/** The tiny clinic whose process group needs three participants sharing an age tag. */
function ageGroups(ages: string[]): Problem {
  const problem = tinyProblem();
  problem.rooms[0]!.capacity = 8;
  problem.services[0]!.minSize = 3;
  problem.services[0]!.homogeneousBy = ['age:'];
  problem.tracks[0]!.curriculum = [{ service: 'process', min: 1 }];
  problem.patients = ages.map((age, i) => ({ id: `p${i + 1}`, tracks: ['evening'], tags: [`age:${age}`] }));
  return problem;
}

const findings = (problem: Problem) => checkGroupPopulation(buildReach(compileProblem(problem)));

describe('checkGroupPopulation', () => {
  it('proves two adolescents cannot form a group of three', () => {
    const found = findings(ageGroups(['adolescent', 'adolescent', 'adult', 'adult', 'adult']));
    expect(found).toEqual([
      expect.objectContaining({
        code: 'population-too-small',
        requirements: ['curriculum-min'],
        patients: ['p1', 'p2'],
        services: ['process'],
        figures: { needed: 3, available: 2, unit: 'patients' },
        track: 'evening',
      }),
    ]);
    expect(found[0]!.message).toContain('sharing age:adolescent');
  });

  it('names each stranded patient once when the group is both required and in the curriculum', () => {
    const problem = ageGroups(['adolescent', 'adolescent', 'adult', 'adult', 'adult']);
    problem.patients[0]!.requires = [{ service: 'process', min: 1 }];
    const found = findings(problem);
    expect(found).toHaveLength(1);
    expect(found[0]!.patients).toEqual(['p1', 'p2']);
    expect([...found[0]!.requirements].sort()).toEqual(['curriculum-min', 'requires-min']);
  });

  it('accepts three adolescents', () => {
    expect(findings(ageGroups(['adolescent', 'adolescent', 'adolescent', 'adult', 'adult', 'adult']))).toEqual([]);
  });

  it('counts an avoid pair out of the group', () => {
    const problem = ageGroups(['adult', 'adult', 'adult']);
    problem.patients[0]!.avoid = ['p2'];
    const found = findings(problem);
    expect(found.flatMap((f) => f.patients).sort()).toEqual(['p1', 'p2']);
  });

  it('counts only patients free at an overlapping time', () => {
    const problem = ageGroups(['adult', 'adult', 'adult']);
    problem.patients[2]!.availability = { weekly: [{ days: ['MO'], start: '18:00', end: '21:00' }] };
    expect(findings(problem).flatMap((f) => f.patients).sort()).toEqual(['p1', 'p2']);
  });

  it('treats a patient with no tag under the prefix as able to join anyone (when in doubt, no proof)', () => {
    const problem = ageGroups(['adolescent', 'adolescent', 'adult']);
    problem.patients[2]!.tags = [];
    expect(findings(problem)).toEqual([]);
  });

  it('finds with a focus exactly the findings of a full check about the focus patients', () => {
    const problem = ageGroups(['adolescent', 'adult', 'adolescent', 'adult', 'adult']);
    problem.services[1] = { ...problem.services[0]!, id: 'process-2' };
    problem.tracks[0]!.curriculum = [{ service: 'process', min: 1 }, { service: 'process-2', min: 1 }];
    const reach = buildReach(compileProblem(problem));
    const full = checkGroupPopulation(reach);
    expect(full.map((f) => f.patients)).toEqual([['p1', 'p3'], ['p1', 'p3']]);
    // p3 alone in focus: the stranded group still lists p1, found through p3's peers.
    expect(checkGroupPopulation(reach, new Set([2]))).toEqual(full);
    expect(checkGroupPopulation(reach, new Set([0, 2]))).toEqual(full);
    expect(checkGroupPopulation(reach, new Set([1, 3]))).toEqual([]);
  });
});
