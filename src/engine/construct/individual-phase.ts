/** Construction's phase of individual sessions: every session patients still need, most constrained first. */
import type { Engine } from '../kernel/engine.js';
import { relieveClinicians, type Relieved } from '../chains/relieve.js';
import { placeByEjection } from './ejection.js';
import { FullTimes } from './full-times.js';
import { individualNeeds, placeIndividual, sessionTimes } from './individuals.js';

/** How {@link constructIndividuals} chooses and orders the sessions it places. */
export interface IndividualsOrder {
  /** Only the sessions of the patients it accepts (default: every patient). */
  only?: (p: number) => boolean;
  /**
   * Patient by patient (the most constrained patient first, each one's sessions together)
   * instead of session by session across all patients: when the time may run out before the
   * last session, a cut then leaves whole patients served rather than most patients one
   * session short. Default false.
   */
  patientFirst?: boolean;
  /**
   * Gains each patient once placement comes to their sessions (at once when they need none): after
   * a cut, the patients it lacks were never tried (their causes need no placement analysis).
   */
  reached?: Set<number>;
  /**
   * The group meetings a previous call's relief looked at (`relieveClinicians`), gaining this
   * call's: a construction cut into batches relieves only each batch's new groups.
   */
  relieved?: Relieved;
}

/**
 * Places every individual session patients still need (construction); `false` when time ran out.
 *
 * @example
 * ```ts
 * constructIndividuals(engine); // after the groups
 * constructIndividuals(engine, { only: (p) => built.has(p), patientFirst: true }); // a short budget
 * ```
 */
export function constructIndividuals(engine: Engine, order: IndividualsOrder = {}): boolean {
  const { only, patientFirst = false } = order;
  // Clinicians' hours go to the sessions only they may hold: a counsellor free for a group a
  // clinician leads takes it first (../chains/relieve.ts).
  relieveClinicians(engine, order.relieved);
  const full = new FullTimes(engine.problem.services.length);
  // Every (patient, service) need, the one with the fewest possible times first across all
  // patients: a family session that only fits two evenings goes before another patient's
  // individual therapy takes that evening's room. Ties: the scarcest service (fewest staff).
  const needs: Array<{ p: number; s: number; freedom: number; scarcity: number }> = [];
  for (const patient of engine.problem.patients) {
    if (only && !only(patient.index)) continue;
    const patientNeeds = individualNeeds(engine, patient.index);
    if (patientNeeds.length === 0) order.reached?.add(patient.index);
    for (const [s, missing] of patientNeeds) {
      const service = engine.problem.services[s]!;
      const freedom = sessionTimes(patient, service).size();
      for (let i = 0; i < missing; i++) needs.push({ p: patient.index, s, freedom, scarcity: scarcity(engine, s) });
    }
  }
  if (patientFirst) {
    const least = new Map<number, number>();
    for (const need of needs) least.set(need.p, Math.min(least.get(need.p) ?? Infinity, need.freedom));
    needs.sort((a, b) => least.get(a.p)! - least.get(b.p)! || a.p - b.p || a.freedom - b.freedom || a.scarcity - b.scarcity || a.s - b.s);
  } else needs.sort((a, b) => a.freedom - b.freedom || a.scarcity - b.scarcity || a.p - b.p || a.s - b.s);
  const failed = new Set<string>();
  const unplaced: Array<{ p: number; s: number }> = [];
  for (const need of needs) {
    if (engine.budget.spent()) return false;
    order.reached?.add(need.p);
    const key = `${need.p}:${need.s}`;
    if (failed.has(key)) continue;
    if (placeIndividual(engine, need.p, need.s, false, full) < 0) {
      failed.add(key);
      unplaced.push(need);
    }
    engine.state.forgetLog();
  }
  // The repair's work is bounded by a count (not the clock, which would make the timetable
  // depend on the machine): an over-full clinic can leave thousands unplaced.
  let budget = EJECTION_WORK_PER_PATIENT * Math.max(1, Math.sqrt(engine.problem.patients.length));
  for (const { p, s } of unplaced) {
    if (engine.budget.spent() || budget <= 0) return !engine.budget.spent();
    budget -= placeByEjection(engine, p, s, false, full).work;
    engine.state.forgetLog();
  }
  return true;
}

/** Placement attempts the construction's repair may spend, times the square root of the clinic's patients. */
const EJECTION_WORK_PER_PATIENT = 20;

function scarcity(engine: Engine, s: number): number {
  return engine.problem.services[s]!.seats.reduce((sum, seat) => sum + seat.eligibleStaff.length, 0);
}
