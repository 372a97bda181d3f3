/**
 * Which sessions a patient certainly needs this week, whichever of their tracks ends up giving
 * their rules: `requires` minima always; a curriculum minimum only when every track the patient
 * may belong to asks for it (otherwise a timetable could make the other track apply).
 */
import type { CompiledProblem } from '../compiled/compile.js';

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

/** The sessions `patient` certainly needs this week. */
export function requiredServices(problem: CompiledProblem, patient: number): RequiredService[] {
  const p = problem.patients[patient]!;
  if (!enrolled(problem, patient)) return [];
  const needs: RequiredService[] = [];
  for (const entry of p.requires) {
    if (entry.service >= 0 && entry.min > 0) needs.push({ service: entry.service, rule: 'requires-min', min: entry.min });
  }
  if (p.tracks.length === 0) return needs;
  for (const service of problem.services) {
    const mins = p.tracks.map((t) => problem.tracks[t]!.curriculum.find((e) => e.service === service.index)?.min ?? 0);
    const min = Math.min(...mins);
    if (min > 0) needs.push({ service: service.index, rule: 'curriculum-min', min });
  }
  return needs;
}
