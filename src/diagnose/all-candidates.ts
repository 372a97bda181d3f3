/**
 * Every repair candidate of a report, per unmet entry: the entry's own (from its causes) and
 * those aimed at its track's binding resource (from the capacity rows), in a deterministic order.
 * One list for `explain`, which verifies them, and `applyRepair`, which finds one again.
 */
import type { CompiledProblem } from '../compiled/compile.js';
import type { Cause, Unmet } from '../model/report.js';
import { capacityCandidates, credentialCandidates, windowCandidates } from './capacity-repairs.js';
import { candidatesFor, type RepairCandidate } from './repair-candidates.js';
import { caseloadCandidates } from './caseload.js';
import { makeUpCandidates } from './make-up-candidates.js';
import { staffWorkCandidates } from './staff-work-repairs.js';
import type { CapacityRow } from './types.js';

/**
 * Candidates for each entry of `unmet` (same order), given each entry's service and causes.
 *
 * @example
 * ```ts
 * const perEntry = allCandidates(compiled, report.unmet, unmetServices(report), causes, diagnosis.capacity);
 * ```
 */
export function allCandidates(
  compiled: CompiledProblem,
  unmet: readonly Unmet[],
  services: ReadonlyArray<string | undefined>,
  causes: ReadonlyArray<readonly Cause[]>,
  rows: readonly CapacityRow[],
): RepairCandidate[][] {
  const track = capacityCandidates(compiled, rows, unmet, causes);
  // The entry's own first: unmeasured, the smaller change (open a room the clinic has) comes first.
  return unmet.map((entry, i) => [
    ...candidatesFor(compiled, entry, services[i], causes[i] ?? []),
    ...makeUpCandidates(compiled, entry),
    ...staffWorkCandidates(compiled, entry, services[i], causes[i] ?? []),
    ...caseloadCandidates(compiled, entry, services[i]),
    ...(track[i] ?? []),
    ...credentialCandidates(compiled, entry, services[i], causes[i] ?? []),
    ...windowCandidates(compiled, entry, causes[i] ?? []),
  ]);
}
