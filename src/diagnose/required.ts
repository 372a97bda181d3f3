/**
 * Which sessions a patient certainly needs this week, whichever of their tracks ends up giving
 * their rules: `requires` minima always; a curriculum minimum only when every track the patient
 * may belong to asks for it (otherwise a timetable could make the other track apply); in a partial
 * week, the prorated counts the requirement rules ask for.
 */
import type { CompiledProblem } from '../compiled/compile.js';
import { resolvedRules } from '../compiled/hours-rules.js';
import { prorateCount } from '../compiled/partial-week.js';

/** One certain need: at least `min` sessions of `service`, measured by requirement `rule`. */
export interface RequiredService {
  service: number;
  rule: 'curriculum-min' | 'requires-min';
  min: number;
}

/** Whether the patient is enrolled on at least one day of the week (requirements apply only then). */
export function enrolled(problem: CompiledProblem, patient: number): boolean {
  const p = problem.patients[patient]!;
  return p.endDay > p.firstDay;
}

/**
 * The fewest sessions a count asks of `patient` whichever of `tracks` gives their rules: `minOf`
 * of each track, prorated for a partial week by that track's rules.
 */
function leastCount(problem: CompiledProblem, patient: number, tracks: readonly number[], minOf: (track: number) => number): number {
  return Math.min(...tracks.map((t) => prorateCount(problem, patient, t, minOf(t), resolvedRules(problem, patient, t).partialWeek)));
}

/** The sessions `patient` certainly needs this week. */
export function requiredServices(problem: CompiledProblem, patient: number): RequiredService[] {
  const p = problem.patients[patient]!;
  if (!enrolled(problem, patient)) return [];
  const needs: RequiredService[] = [];
  const tracks = p.tracks.length > 0 ? p.tracks : [-1];
  for (const entry of p.requires) {
    // A cadence's window already stands in the dates: its count is not prorated.
    const min = entry.cadence === undefined ? leastCount(problem, patient, tracks, () => entry.min) : entry.min;
    if (entry.service >= 0 && min > 0) needs.push({ service: entry.service, rule: 'requires-min', min });
  }
  if (p.tracks.length === 0) return needs;
  for (const service of problem.services) {
    const min = leastCount(problem, patient, p.tracks, (t) => problem.tracks[t]!.curriculum.find((e) => e.service === service.index)?.min ?? 0);
    if (min > 0) needs.push({ service: service.index, rule: 'curriculum-min', min });
  }
  return needs;
}

/**
 * Per service, the most sessions any one of `needs` asks of it: a session counts toward every
 * requirement of its service (a `requires` and a curriculum minimum of one service are met by the
 * same sessions), so the larger minimum is what the patient needs, not the sum.
 *
 * @example
 * ```ts
 * for (const [service, min] of sessionsByService(requiredServices(problem, patient))) demand += min * minutesOf(service);
 * ```
 */
export function sessionsByService(needs: readonly RequiredService[]): Map<number, number> {
  const most = new Map<number, number>();
  for (const need of needs) most.set(need.service, Math.max(most.get(need.service) ?? 0, need.min));
  return most;
}
