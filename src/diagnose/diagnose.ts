/**
 * `diagnose(problem)`: before any search, what no timetable can satisfy (with figures) and where
 * the week is tight (capacity per track and day, the bottleneck first).
 */
import { compileProblem, type CompiledProblem } from '../compiled/compile.js';
import { assertValidProblem } from '../input/validate.js';
import type { Progress } from '../model/options.js';
import type { Problem } from '../model/problem.js';
import { budgetOf, type Budget } from '../time/budget.js';
import { bottlenecks, capacityRows } from './capacity.js';
import { servedBound } from './bound.js';
import { checkGroupPopulation } from './check-group-population.js';
import { checkDailyThreshold, checkPatientDays } from './check-patient-days.js';
import { checkPatientHours } from './check-patient-hours.js';
import { checkRequiredServices } from './check-required-services.js';
import { checkServiceResources } from './check-service-resources.js';
import { buildReach, type Reach } from './reach.js';
import type { Diagnosis, Finding } from './types.js';

export type { Bottleneck, BoundCut, CapacityRow, Diagnosis, Finding, FindingUnit, ServedBound } from './types.js';

/** Options of {@link diagnose}. */
export interface DiagnoseOptions {
  /**
   * Wall-time budget in milliseconds. Default none: a diagnosis lists every proof, however long
   * it takes (about a millisecond a patient). With a limit, the checks stop when it is spent and
   * the diagnosis says `complete: false`.
   */
  timeLimitMs?: number;
  /** Aborting stops the checks as a spent limit does. */
  signal?: AbortSignal;
  /** Called with the phase (`validate`, `compile`, `causes`) when each begins and at most 10 times a second within it. */
  onProgress?: (progress: Progress) => void;
}

/**
 * Pre-solve checks and capacity analysis. Every finding in `impossible` is a proof: whatever
 * timetable keeps the hard rules, each patient it lists has one of its `requirements` unmet.
 * Never mutates `problem`. With `options.timeLimitMs` or `signal`, see {@link DiagnoseOptions}.
 *
 * @throws {ProblemError} when `problem` is invalid.
 *
 * @example
 * ```ts
 * const diagnosis = diagnose(problem);
 * for (const finding of diagnosis.impossible) console.log(finding.code, finding.message);
 * // e.g. availability-hours Patient p-07 can get at most 6 hours of care this week; ...
 * console.log(diagnosis.bottlenecks[0]?.message);
 * ```
 */
export function diagnose(problem: Problem, options: DiagnoseOptions = {}): Diagnosis {
  const budget = budgetOf(options, Infinity);
  budget.enter('validate');
  const valid = assertValidProblem(problem);
  budget.enter('compile');
  const compiled = compileProblem(valid);
  budget.enter('causes');
  const diagnosis = diagnoseCompiled(compiled, undefined, budget);
  // The bound reads the proven findings; with the budget spent it is left out rather than late.
  if (diagnosis.complete !== false) diagnosis.bound = servedBound(compiled, provenPatients(compiled, diagnosis.impossible));
  return diagnosis;
}

/** Patient indexes that a finding proves unservable. */
function provenPatients(compiled: CompiledProblem, findings: readonly Finding[]): Set<number> {
  const indexes = new Set<number>();
  for (const finding of findings) {
    for (const id of finding.patients) {
      const index = compiled.patientIndex.get(id);
      if (index !== undefined) indexes.add(index);
    }
  }
  return indexes;
}

/**
 * {@link diagnose} on a problem already validated and compiled. With `focus` (patient indexes),
 * the impossible findings are those of {@link impossibleFindings} for the focus.
 */
export function diagnoseCompiled(compiled: CompiledProblem, focus?: ReadonlySet<number>, budget?: Budget): Diagnosis {
  const capacity = capacityRows(compiled);
  const impossible = impossibleFindings(compiled, focus, budget);
  const diagnosis: Diagnosis = { impossible, capacity, bottlenecks: bottlenecks(capacity) };
  if (budget?.spent() === true) diagnosis.complete = false;
  return diagnosis;
}

/**
 * The proofs of {@link diagnose} (its `impossible` findings) without the capacity analysis. With
 * `focus` (patient indexes), only the findings about those patients are looked for, and each is
 * exactly the finding a full diagnosis gives: the per-patient checks run for the focus only, the
 * group-population check for the groups that strand a focus patient, while the checks that count
 * across the clinic (staff and rooms) still see everyone. A fraction of the work when few fall short.
 *
 * @example
 * ```ts
 * const compiled = compileProblem(assertValidProblem(problem));
 * const findings = impossibleFindings(compiled, new Set([compiled.patientIndex.get('p-07')!]));
 * ```
 */
export function impossibleFindings(compiled: CompiledProblem, focus?: ReadonlySet<number>, budget?: Budget): Finding[] {
  if (budget?.spent() === true) return [];
  // With a budget, every check stops where it is once it is spent (what it found is still proven).
  const reach: Reach = budget === undefined ? buildReach(compiled) : { ...buildReach(compiled), stop: () => budget.spent() };
  const services = checkServiceResources(reach);
  const population = checkGroupPopulation(reach, focus);
  const explained = new Set<string>();
  for (const finding of [...services, ...population]) {
    for (const patient of finding.patients) for (const service of finding.services) explained.add(`${patient}\u0000${service}`);
  }
  const perPatient = focus === undefined ? reach : focusedReach(reach, focus);
  return [
    ...checkPatientDays(perPatient),
    ...checkPatientHours(perPatient),
    ...checkDailyThreshold(perPatient),
    ...services,
    ...population,
    ...checkRequiredServices(perPatient, explained),
  ];
}

/** The reach as the per-patient checks see it: every patient outside `focus` not enrolled this week (those checks skip them). */
function focusedReach(reach: Reach, focus: ReadonlySet<number>): Reach {
  const patients = reach.problem.patients.map((p, i) => (focus.has(i) ? p : { ...p, endDay: p.firstDay }));
  return { ...reach, problem: { ...reach.problem, patients }, memo: new Map() };
}
