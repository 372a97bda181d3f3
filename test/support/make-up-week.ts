/**
 * A re-planned week with make-ups, for tests of rule `make-up-minutes`: the sample clinic, every
 * patient allowed the other track as a make-up track, solved, then re-planned after the day
 * patients free at any time missed their first session of the week (each made up in the evening).
 */
import type { Problem } from '../../src/model/problem.js';
import type { Schedule } from '../../src/model/schedule.js';
import { sampleClinic } from '../../src/sample/clinic.js';
import { solve } from '../../src/pipeline/solve.js';
import { replan } from '../../src/replan/replan.js';

/** Day patients of the sample clinic with no availability limit: the evening is open to them. */
export const OPEN_DAY_PATIENTS: readonly string[] = ['p-01', 'p-04', 'p-08', 'p-10', 'p-13'];

export function makeUpClinic(): Problem {
  const problem = sampleClinic();
  for (const patient of problem.patients) patient.makeUpTracks = [patient.tracks[0] === 'day' ? 'evening' : 'day'];
  return problem;
}

export function makeUpWeek(seed = 1): { problem: Problem; published: Schedule; schedule: Schedule } {
  const problem = makeUpClinic();
  const budget = { seed, maxIterations: 1_000, timeLimitMs: 60_000 };
  const published = solve(problem, budget).schedule;
  const missed = OPEN_DAY_PATIENTS.map((patient) => {
    const first = published.meetings.filter((m) => m.patients.includes(patient) && m.track !== null).sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`))[0]!;
    return { kind: 'missed' as const, patient, meeting: first.id };
  });
  const result = replan(problem, published, missed, budget);
  return { problem: result.problem, published, schedule: result.schedule };
}
