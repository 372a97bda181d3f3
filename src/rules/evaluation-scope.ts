/**
 * A memo that lives for one `ScoreBoard.evaluate` call only. Several patient rules need the same
 * `patientWeek`; within one call the board evaluates every rule of one subject on a context that
 * nothing mutates (rules are pure), so sharing the week between those rules is exact. The memo is
 * dropped when the call ends, so the solver may mutate the context freely between calls; outside
 * a board call (reports, tests, direct use) nothing is memoised at all.
 */
let open = false;
let epoch = 0;

/** Opens a memo scope; returns false (and opens nothing) when one is already open. */
export function openEvaluationScope(): boolean {
  if (open) return false;
  open = true;
  epoch++;
  return true;
}

export function closeEvaluationScope(): void {
  open = false;
  epoch++;
}

/** The current scope's id, or -1 when no scope is open (then nothing may be memoised). */
export function evaluationEpoch(): number {
  return open ? epoch : -1;
}
