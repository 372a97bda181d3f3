import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solveDetailed } from '../../src/pipeline/solve.js';
import type { Problem } from '../../src/model/problem.js';
import type { Schedule } from '../../src/model/schedule.js';
import { sampleClinic } from '../../src/sample/clinic.js';
import { problemArbitrary } from '../support/arbitraries.js';
import { offAgenda, templatedMeetings, withTemplates } from '../support/templated.js';

/** Long enough for the moves that used to leave the agenda (switch, exchange, retime) to run many times. */
const ITERATIONS = 3000;

/** Solves `problem` and asserts the template held: no group off it, none reported, none refused late. */
function expectAgendaKept(problem: Problem, seed: number): Schedule {
  const { schedule, report, safetyRejections } = solveDetailed(problem, { seed, maxIterations: ITERATIONS, timeLimitMs: 60_000 });
  expect(offAgenda(problem, schedule).map((m) => `${m.service} ${m.day} ${m.start} (${m.track})`)).toEqual([]);
  expect(report.byRule.find((row) => row.rule === 'template-agenda')).toMatchObject({ violations: 0, penalty: 0 });
  expect(report.score.hard).toBe(0);
  // The solver's own checks refuse an off-agenda group; the catalogue never has to.
  expect(safetyRejections).toBe(0);
  return schedule;
}

describe('a track template binds the whole search', () => {
  it('holds on the sample clinic with both tracks templated, seeds 1-3', () => {
    const problem = withTemplates(sampleClinic());
    for (const seed of [1, 2, 3]) {
      const schedule = expectAgendaKept(problem, seed);
      // The template is really exercised: every group of the week is one of its sessions.
      expect(templatedMeetings(problem, schedule)).toBeGreaterThan(18);
    }
  });

  it('holds on random problems with every track templated', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 12, maxTracks: 2 }), fc.integer({ min: 1, max: 1000 }), (problem, seed) => {
        expectAgendaKept(withTemplates(problem), seed);
      }),
      { numRuns: 5 },
    );
  });
});

describe('a corrupted template is caught', () => {
  it('reports a solved templated group moved to another start or turned into another service', () => {
    const problem = withTemplates(sampleClinic());
    const schedule = structuredClone(expectAgendaKept(problem, 1));
    const groups = schedule.meetings.filter((m) => m.track === 'day' && m.service !== 'individual-therapy' && m.service !== 'medication-management');
    // Half an hour later: still inside the 09:00-12:00 window and on the grid, but off the template.
    const moved = groups.find((m) => m.start === '09:00')!;
    Object.assign(moved, { start: '09:30', end: '10:30', startsAt: moved.startsAt.replace('T09:00', 'T09:30'), endsAt: moved.endsAt.replace('T10:00', 'T10:30') });
    // Another day's group turned into a service the template does not hold at its time.
    const turned = groups.find((m) => m.day !== moved.day)!;
    const template = problem.tracks.find((t) => t.id === 'day')!.template!;
    turned.service = ['process-group', 'skills-group', 'psychoeducation'].find((s) => !template.some((e) => e.service === s && e.day === turned.day && e.start === turned.start))!;
    const found = checkSchedule(problem, schedule).violations.filter((v) => v.rule === 'template-agenda');
    expect(found.flatMap((v) => v.meetings).sort()).toEqual([moved.id, turned.id].sort());
    expect(found.every((v) => v.level === 'hard' && v.penalty === 1)).toBe(true);
    expect(offAgenda(problem, schedule).map((m) => m.id).sort()).toEqual([moved.id, turned.id].sort());
  });
});
