/**
 * The order in which `explain` verifies candidate repairs: it re-solves only the first few, so
 * the order decides which kinds of fix a director ever sees.
 */
import type { RepairCandidate } from './repair-candidates.js';

/**
 * Candidates across every unmet entry, the ones aimed at the most patients first, then the
 * cheapest, taken one kind at a time (the best of each kind, then the second best of each, ...):
 * at 1,000 patients a single staff member's extra day is aimed at hundreds of patients, and
 * without the turn taking the few verified slots went to six such days while the room and the
 * per-diem clinician the capacity rows call for were never tried (no repair helped).
 *
 * @example
 * ```ts
 * const order = prioritise(allCandidates(compiled, report.unmet, services, causes, rows));
 * order.slice(0, 6); // the best candidate of up to six kinds, verified first
 * ```
 */
export function prioritise(perEntry: readonly RepairCandidate[][]): RepairCandidate[] {
  const ranked = byReach(perEntry);
  const kinds = new Map<string, RepairCandidate[]>();
  for (const candidate of ranked) {
    const list = kinds.get(candidate.kind) ?? [];
    list.push(candidate);
    kinds.set(candidate.kind, list);
  }
  const lists = [...kinds.values()];
  const turns: RepairCandidate[] = [];
  for (let round = 0; turns.length < ranked.length; round++) {
    for (const list of lists) if (list[round] !== undefined) turns.push(list[round]!);
  }
  return turns;
}

/** Candidates across every unmet entry, the ones aimed at the most patients first, then the cheapest. */
function byReach(perEntry: readonly RepairCandidate[][]): RepairCandidate[] {
  const byMessage = new Map<string, { candidate: RepairCandidate; patients: Set<string>; order: number }>();
  perEntry.flat().forEach((candidate, order) => {
    const known = byMessage.get(candidate.message);
    if (known) for (const p of candidate.patients) known.patients.add(p);
    else byMessage.set(candidate.message, { candidate, patients: new Set(candidate.patients), order });
  });
  return [...byMessage.values()]
    .sort((a, b) => b.patients.size - a.patients.size || a.candidate.cost - b.candidate.cost || a.order - b.order)
    .map((entry) => ({ ...entry.candidate, patients: [...entry.patients] }));
}
