import { describe, expect, it } from 'vitest';
import { validateProblem } from './validate.js';
import { sampleClinic } from '../sample/clinic.js';
import type { Problem } from '../model/problem.js';

function withMakeUps(makeUpTracks: unknown): unknown {
  const problem: Problem = sampleClinic();
  return { ...problem, patients: problem.patients.map((p, i) => (i === 0 ? { ...p, makeUpTracks } : p)) };
}

describe('Patient.makeUpTracks', () => {
  it('accepts another track of the program', () => {
    const result = validateProblem(withMakeUps(['evening']));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.problem.patients[0]!.makeUpTracks).toEqual(['evening']);
  });

  it('names an unknown track by its path', () => {
    const result = validateProblem(withMakeUps(['night']));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([expect.objectContaining({ path: 'patients[0].makeUpTracks[0]', code: 'unknown-reference' })]);
  });

  it('rejects a track the patient already attends, and one listed twice', () => {
    const result = validateProblem(withMakeUps(['evening', 'day', 'evening']));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => [i.path, i.code])).toEqual([
        ['patients[0].makeUpTracks[1]', 'duplicate-entry'],
        ['patients[0].makeUpTracks[2]', 'duplicate-entry'],
      ]);
      expect(result.issues[0]!.message).toMatch(/already one of the patient's tracks/);
    }
  });

  it('rejects what is not a list of ids', () => {
    const result = validateProblem(withMakeUps('evening'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.path).toBe('patients[0].makeUpTracks');
  });
});
