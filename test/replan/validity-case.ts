/**
 * Random re-planning cases for the validity property: a valid problem with a published week
 * (generated feasible, or a random problem solved briefly), then random valid changes of every
 * kind, with or without `asOf` at a random instant of the week.
 */
import fc from 'fast-check';
import type { Change } from '../../src/model/options.js';
import type { Problem } from '../../src/model/problem.js';
import type { Schedule } from '../../src/model/schedule.js';
import { solve } from '../../src/pipeline/solve.js';
import { addDays } from '../../src/time/week.js';
import { zonedInstant } from '../../src/time/zone.js';
import { feasibleProblemArbitrary, problemArbitrary } from '../support/arbitraries.js';

/** One re-planning case: the problem, its published week, the changes and maybe `asOf`. */
export interface ReplanCase {
  problem: Problem;
  schedule: Schedule;
  changes: Change[];
  asOf?: string;
}

type Gen = fc.GeneratorValue;
const int = (g: Gen, min: number, max: number): number => g(fc.integer, { min, max });
const pick = <T>(g: Gen, items: readonly T[]): T => items[int(g, 0, items.length - 1)]!;
const clock = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A date of the week (or a day or two either side of it, `slack`). */
function dateNear(g: Gen, weekStart: string, slack: number): string {
  return addDays(weekStart, int(g, -slack, 6 + slack));
}

/** An optional partial-day window on the quarter hour. */
function window(g: Gen): { start?: string; end?: string } {
  switch (int(g, 0, 3)) {
    case 0: {
      const start = int(g, 24, 84) * 15;
      return { start: clock(start), end: clock(Math.min(1440, start + int(g, 1, 20) * 15)) };
    }
    case 1:
      return { start: clock(int(g, 24, 84) * 15) };
    default:
      return {};
  }
}

function change(g: Gen, problem: Problem, schedule: Schedule, index: number, anyDischargeDate: boolean): Change | undefined {
  const attended = schedule.meetings.filter((m) => m.patients.length > 0);
  switch (int(g, 0, 5)) {
    case 0: {
      const model = pick(g, problem.patients);
      const patient = { ...structuredClone(model), id: `admitted-${index}`, avoid: [] };
      // Naming a member whose caseload is full would break staff-caseload by the input itself:
      // such an admission comes without a primary, and replan proposes one within caseload.
      if (problem.staff.find((s) => s.id === patient.primaryStaff)?.maxCaseload !== undefined) delete patient.primaryStaff;
      if (int(g, 0, 2) === 0) {
        patient.admittedOn = dateNear(g, problem.weekStart, 0);
        if (patient.dischargedOn !== undefined && patient.dischargedOn < patient.admittedOn) delete patient.dischargedOn;
      }
      return { kind: 'admit', patient };
    }
    case 1: {
      // On or after the admission date (one before it is bad input, tested on its own).
      const patient = pick(g, problem.patients);
      const from = dateNear(g, problem.weekStart, 2);
      const early = !anyDischargeDate && patient.admittedOn !== undefined && from < patient.admittedOn;
      return { kind: 'discharge', patient: patient.id, from: early ? patient.admittedOn! : from };
    }
    case 2:
      return problem.staff.length === 0 ? undefined : { kind: 'staff-out', staff: pick(g, problem.staff).id, date: dateNear(g, problem.weekStart, 0), ...window(g) };
    case 3:
      return problem.rooms.length === 0 ? undefined : { kind: 'room-closed', room: pick(g, problem.rooms).id, date: dateNear(g, problem.weekStart, 0), ...window(g) };
    case 4: {
      if (attended.length === 0) return undefined;
      const meeting = pick(g, attended);
      return { kind: 'missed', meeting: meeting.id, patient: pick(g, meeting.patients) };
    }
    default:
      return schedule.meetings.length === 0 ? undefined : { kind: 'pin', meeting: pick(g, schedule.meetings).id };
  }
}

/** A week from either generator: a known feasible one, or a random problem solved briefly. */
function weekArbitrary(maxPatients: number): fc.Arbitrary<{ problem: Problem; schedule: Schedule }> {
  return fc.oneof(
    feasibleProblemArbitrary({ maxPatients }),
    problemArbitrary({ maxPatients, maxTracks: 2 }).map((problem) => ({
      problem,
      schedule: solve(problem, { seed: 1, maxIterations: 200, timeLimitMs: 60_000 }).schedule,
    })),
  );
}

/**
 * Random valid re-planning cases (with `anyDischargeDate`, discharges may also fall before the
 * patient's admission, which is bad input). Changes may repeat or contradict the week (the same miss twice,
 * a discharge before admission, a call-out on a day already past `asOf`): every one is valid input.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(replanCaseArbitrary(), ({ problem, schedule, changes, asOf }) => { ... }));
 * ```
 */
export function replanCaseArbitrary(options: { maxPatients?: number; maxChanges?: number; anyDischargeDate?: boolean } = {}): fc.Arbitrary<ReplanCase> {
  const maxChanges = options.maxChanges ?? 4;
  return weekArbitrary(options.maxPatients ?? 8).chain(({ problem, schedule }) =>
    fc.gen().map((g) => {
      const changes: Change[] = [];
      for (let i = int(g, 1, maxChanges); i > 0; i--) {
        const next = change(g, problem, schedule, changes.length, options.anyDischargeDate === true);
        if (next) changes.push(next);
      }
      const result: ReplanCase = { problem, schedule, changes };
      if (int(g, 0, 1) === 0) {
        const date = addDays(problem.weekStart, int(g, 0, 6));
        const at = zonedInstant(date, clock(int(g, 0, 287) * 5), problem.timeZone).getTime() + int(g, 0, 299) * 1000;
        result.asOf = new Date(at).toISOString();
      }
      return result;
    }),
  );
}
