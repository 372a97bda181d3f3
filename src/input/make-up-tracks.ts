/**
 * `Patient.makeUpTracks`: each names a track, once, and none the patient already attends (a track in
 * `tracks` is theirs every week; listing it again as a make-up track would mean nothing).
 */
import { type Context, quote } from './context.js';
import { ISSUE_CODES } from './issue-codes.js';

/**
 * Checks the make-up tracks of the patient at `path`; `listed` maps each of their own tracks to its position in `tracks`.
 *
 * @example
 * ```ts
 * checkMakeUpTracks(['day'], new Map([['day', 0]]), 'patients[0]', trackIds, context);
 * // duplicate-entry at patients[0].makeUpTracks[0]: 'day' is already one of the patient's tracks
 * ```
 */
export function checkMakeUpTracks(
  makeUpTracks: ReadonlyArray<string | undefined> | undefined,
  listed: ReadonlyMap<string, number>,
  path: string,
  trackIds: ReadonlyMap<string, number> | undefined,
  context: Context,
): void {
  const seen = new Map<string, number>();
  (makeUpTracks ?? []).forEach((track, t) => {
    if (track === undefined) return;
    const trackPath = `${path}.makeUpTracks[${t}]`;
    const own = listed.get(track);
    const first = seen.get(track);
    if (own !== undefined) {
      context.report(trackPath, ISSUE_CODES.duplicateEntry, `Track ${quote(track)} is already one of the patient's tracks (tracks[${own}]): a make-up track is one they do not attend every week.`);
    } else if (first !== undefined) {
      context.report(trackPath, ISSUE_CODES.duplicateEntry, `Track ${quote(track)} is already listed at makeUpTracks[${first}].`);
    } else if (trackIds !== undefined && !trackIds.has(track)) {
      context.report(trackPath, ISSUE_CODES.unknownReference, `No track has id ${quote(track)}.`);
    }
    seen.set(track, t);
  });
}
