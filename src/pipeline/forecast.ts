/**
 * The admission forecast of `planWeeks`: per track and week, how many more patients of a shape
 * could be fully served. Copies of the shape are added one at a time, each count solved afresh
 * at a fixed iteration budget, until a copy is not fully served or an existing patient loses a
 * requirement the week without copies met; bounded by `max`.
 */
import type { LocalDate, Patient, Problem } from '../model/problem.js';
import type { SolveOptions } from '../model/options.js';
import { solve } from './solve.js';

/**
 * A patient as the forecast copies it: everything but the id (its tracks are the forecast track's).
 *
 * @example
 * ```ts
 * const shape: PatientShape = { tracks: ['evening'], tags: ['age:adult'], requires: [{ service: 'individual', min: 1, max: 1 }] };
 * ```
 */
export type PatientShape = Omit<Patient, 'id'>;

/**
 * How `planWeeks` forecasts admissions.
 *
 * @example
 * ```ts
 * const forecast: ForecastOptions = { max: 6, maxIterations: 2_000, shape: { tracks: [], requires: [{ service: 'individual', min: 1, max: 1 }] } };
 * ```
 */
export interface ForecastOptions {
  /** Most copies tried per track and week. Default 6. 0 switches the forecast off. */
  max?: number;
  /** Iterations of each forecast solve. Default 2,000: fixed, so the forecast is reproducible. */
  maxIterations?: number;
  /** The patient to admit; default each track's typical patient (its most common tags, rules and requirements). */
  shape?: PatientShape;
}

/**
 * One row of the forecast.
 *
 * @example
 * ```ts
 * const row: ForecastRow = { track: 'evening', weekStart: '2026-11-30', more: 4, atLeast: false }; // four more fit, a fifth does not
 * ```
 */
export interface ForecastRow {
  /** The track's id. */
  track: string;
  /** The Monday of the week. */
  weekStart: LocalDate;
  /** How many more patients of the shape could be fully served that week (admitted on its Monday). */
  more: number;
  /** Whether `more` reached the forecast's `max` (there may be room for more). */
  atLeast: boolean;
}

/**
 * What `planWeeks` forecasts: for each track and week, how many more patients of a shape fit.
 *
 * @example
 * ```ts
 * for (const row of plan.forecast.rows) console.log(`${row.weekStart} ${row.track}: ${row.more}${row.atLeast ? '+' : ''} more`);
 * ```
 */
export interface Forecast {
  /** Most copies tried per track and week. */
  max: number;
  /** Per week (in order), per track (in problem order). */
  rows: ForecastRow[];
}

/** Default copies tried per track and week: "can we admit six next Monday?" */
export const DEFAULT_FORECAST_MAX = 6;
/** Default iterations of each forecast solve. */
export const DEFAULT_FORECAST_ITERATIONS = 2_000;

/**
 * The track's typical patient: the most common (tags, rules, requirements, telehealth) among the
 * patients who list it first (the first such patient on a tie), or a bare patient of the track.
 * Copies that name no primary therapist get one of the track's, lightest caseload first.
 *
 * @example
 * ```ts
 * typicalShape(problem, 'evening'); // { tracks: ['evening'], tags: ['age:adult'], requires: [...] }
 * ```
 */
export function typicalShape(problem: Problem, track: string): PatientShape {
  const counts = new Map<string, { shape: PatientShape; count: number }>();
  for (const patient of problem.patients) {
    if (patient.tracks[0] !== track) continue;
    const shape: PatientShape = { tracks: [track] };
    if (patient.tags !== undefined) shape.tags = [...patient.tags];
    if (patient.rules !== undefined) shape.rules = { ...patient.rules };
    if (patient.requires !== undefined) shape.requires = structuredClone(patient.requires);
    if (patient.telehealth !== undefined) shape.telehealth = patient.telehealth;
    const key = JSON.stringify(shape);
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { shape, count: 1 });
  }
  let best: { shape: PatientShape; count: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.shape ?? { tracks: [track] };
}

/**
 * Primary therapists for copies that name none, lightest caseload first: the clinicians who are
 * primary to a patient of the track (a primary-only session needs one), as a clinic assigns them.
 */
function primariesFor(problem: Problem, track: string): string[] {
  const ofTrack = new Set(problem.patients.filter((p) => p.tracks[0] === track && p.primaryStaff !== undefined).map((p) => p.primaryStaff!));
  const order = problem.staff.map((member) => member.id).filter((id) => ofTrack.has(id));
  const load = (id: string): number => problem.patients.filter((p) => p.primaryStaff === id).length;
  return order.sort((a, b) => load(a) - load(b));
}

/** Ids for the copies that no patient of the problem uses. */
function copyIds(problem: Problem, count: number): string[] {
  const taken = new Set(problem.patients.map((p) => p.id));
  const ids: string[] = [];
  for (let n = 1; ids.length < count; n++) {
    const id = `forecast-${n}`;
    if (!taken.has(id)) ids.push(id);
  }
  return ids;
}

/**
 * Rows of the forecast for one planned week: for each track, copies added until one is not fully
 * served. `solveOptions` carry the seed, weights and signal; their iterations are the forecast's.
 *
 * @example
 * ```ts
 * const rows = forecastWeek(weekProblem, { max: 6, maxIterations: 2_000 }, { seed: 1 }, () => 5_000);
 * ```
 */
export function forecastWeek(problem: Problem, options: ForecastOptions, solveOptions: SolveOptions, timeFor: (solvesLeft: number) => number): ForecastRow[] {
  const max = options.max ?? DEFAULT_FORECAST_MAX;
  const iterations = options.maxIterations ?? DEFAULT_FORECAST_ITERATIONS;
  const run = (candidate: Problem, left: number) => solve(candidate, { ...solveOptions, maxIterations: iterations, timeLimitMs: timeFor(left) });
  const tracks = problem.tracks.map((t) => t.id);
  const fullyMet = (report: ReturnType<typeof solve>['report'], ids: ReadonlySet<string>, copies: boolean): number =>
    report.patients.filter((row) => ids.has(row.patient) === copies && row.met).length;
  const existing = new Set(problem.patients.map((p) => p.id));
  const baseline = fullyMet(run(problem, tracks.length * max + 1).report, existing, true);
  const ids = copyIds(problem, max);
  return tracks.map((track, t) => {
    const shape = { ...(options.shape ?? typicalShape(problem, track)), tracks: [track] };
    const primaries = shape.primaryStaff === undefined ? primariesFor(problem, track) : [];
    const copyOf = (id: string, n: number): Patient => {
      const copy: Patient = { ...structuredClone(shape), id, admittedOn: problem.weekStart };
      if (primaries.length > 0) copy.primaryStaff = primaries[n % primaries.length]!;
      return copy;
    };
    let more = 0;
    for (let k = 1; k <= max; k++) {
      const copies: Patient[] = ids.slice(0, k).map(copyOf);
      const candidate = { ...problem, patients: [...problem.patients, ...copies] };
      const { report } = run(candidate, (tracks.length - t) * max - k + 1);
      const copyIdSet = new Set(ids.slice(0, k));
      if (fullyMet(report, copyIdSet, true) < k || fullyMet(report, existing, true) < baseline) break;
      more = k;
    }
    return { track, weekStart: problem.weekStart, more, atLeast: more === max && max > 0 };
  });
}
