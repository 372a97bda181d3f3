/**
 * The programme's own fields on a random problem (issue 24): staff caseload limits that the
 * primary assignments keep (so a solve can be feasible), staff preferences, discharges and a
 * partial-week mode. Drawn after everything else, so the rest of the problem is unchanged.
 */
import type { Problem } from '../../../src/model/problem.js';
import { WEEKDAYS } from '../../../src/time/week.js';
import { chance, clock, dateOfDay, int, pick, subset, type Gen } from './choose.js';

/**
 * Adds `maxCaseload`, `preferences`, `dischargedOn` and `rules.partialWeek` to `problem` (in place).
 *
 * @example
 * ```ts
 * const problem = withProgrammeFields(g, problem);
 * ```
 */
export function withProgrammeFields(g: Gen, problem: Problem): Problem {
  const caseloads = new Map<string, number>();
  for (const patient of problem.patients) {
    if (patient.primaryStaff !== undefined) caseloads.set(patient.primaryStaff, (caseloads.get(patient.primaryStaff) ?? 0) + 1);
  }
  for (const member of problem.staff) {
    // At or above what the assignments make: the rule is kept by the input, never by the timetable.
    if (chance(g, 40)) member.maxCaseload = (caseloads.get(member.id) ?? 0) + int(g, 0, 3);
    if (chance(g, 40)) {
      const preferences: NonNullable<typeof member.preferences> = {};
      if (chance(g, 50)) preferences.days = subset(g, WEEKDAYS.slice(0, 5));
      if (chance(g, 40)) preferences.avoidDays = subset(g, WEEKDAYS.slice(0, 5), false);
      if (chance(g, 40)) {
        const start = int(g, 36, 80) * 15;
        preferences.avoid = { weekly: [{ days: subset(g, WEEKDAYS.slice(0, 5)), start: clock(start), end: clock(Math.min(1440, start + int(g, 4, 16) * 15)) }] };
      }
      if (chance(g, 40)) preferences.services = subset(g, problem.services.map((s) => s.id));
      member.preferences = preferences;
    }
  }
  for (const patient of problem.patients) {
    // A discharge later in the week, never before the admission.
    if (patient.admittedOn === undefined && chance(g, 10)) patient.dischargedOn = dateOfDay(problem.weekStart, int(g, 1, 6));
  }
  if (chance(g, 50)) problem.rules = { ...problem.rules, partialWeek: pick(g, ['prorate', 'full', 'exempt'] as const) };
  return problem;
}
