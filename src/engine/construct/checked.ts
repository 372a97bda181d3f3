/**
 * Construction trusting the fast checks (kernel/feasible.ts) with the catalogue as the judge at
 * the end: the catalogue's hard rules are evaluated once for everything construction changed,
 * not after every placement.
 */
import type { Engine } from '../kernel/engine.js';

/**
 * Runs `build` trusting the fast checks (`SolverState.trustFastChecks`: the catalogue's hard
 * rules evaluated once at the end, not after every placement), then asks the catalogue. Should
 * it find the hard total risen (a fast check that let something through: a defect, counted in
 * `safetyRejections`), the timetable goes back to where it was and `build` runs again with the
 * catalogue checking every placement, as construction did before: the week is the same either
 * way, and keeps every hard rule.
 *
 * @example
 * ```ts
 * const placed = checkedByCatalogue(engine, () => constructPlacements(engine));
 * ```
 */
export function checkedByCatalogue<T>(engine: Engine, build: () => T): T {
  const state = engine.state;
  const before = state.meetings.slice();
  const hard = state.hardScore();
  state.trustFastChecks(true);
  let result: T;
  try {
    result = build();
  } finally {
    state.trustFastChecks(false);
    state.commit();
  }
  if (state.hardScore() <= hard) return result;
  engine.safetyRejections += 1;
  state.restoreTo(before);
  state.commit();
  return build();
}
