/**
 * A repair for a patient who falls short and has `makeUpTracks`: let them attend one of those
 * tracks this week. The patient already agreed to that track for make-ups, so it costs the clinic
 * less than asking them into a track they never listed (`allow-track`).
 */
import type { CompiledProblem } from '../compiled/compile.js';
import type { Unmet } from '../model/report.js';
import type { RepairCandidate } from './repair-candidates.js';

/**
 * One candidate per make-up track of the unmet entry's patient (none without make-up tracks, nor
 * for a track already open to them this week, a re-planned week with their no-show):
 * "Let p-01 make up missed sessions in the evening track this week", applied by adding the track to their `tracks`
 * in the verifying copy.
 *
 * @example
 * ```ts
 * makeUpCandidates(compiled, { rule: 'patient-min-weekly-hours', patient: 'p-01', message: '', shortfall: 60, causes: [], repairs: [] });
 * // [{ kind: 'make-up-track', message: 'Let p-01 make up missed sessions in the evening track this week', ... }]
 * ```
 */
export function makeUpCandidates(compiled: CompiledProblem, unmet: Unmet): RepairCandidate[] {
  const index = compiled.patientIndex.get(unmet.patient);
  const source = index === undefined ? undefined : compiled.source.patients[index];
  if (!source) return [];
  // A week that records their no-show already opens their make-up tracks (compiled with `makeUpFor`).
  const open = new Set(compiled.patients[index!]!.makeUpTracks.map((t) => compiled.tracks[t]!.id));
  return (source.makeUpTracks ?? [])
    .filter((track) => !source.tracks.includes(track) && !open.has(track) && compiled.trackIndex.has(track))
    .map((track) => ({
      kind: 'make-up-track',
      message: `Let ${unmet.patient} make up missed sessions in the ${track} track this week`,
      cost: 2,
      patients: [unmet.patient],
      apply(problem) {
        const target = problem.patients.find((p) => p.id === unmet.patient);
        if (!target || target.tracks.includes(track)) return;
        target.tracks.push(track);
        target.makeUpTracks = (target.makeUpTracks ?? []).filter((t) => t !== track);
      },
    }));
}
