/**
 * A patient's hours rules resolved through program, track and patient, with minimums scaled for a
 * partial week: memoised per compiled problem (never mutated after `compileProblem`), so the
 * solver's tables and the rules resolve each (patient, track) once.
 */
import { resolveHoursRules, type ResolvedHoursRules } from '../input/defaults.js';
import type { CompiledProblem } from './compile.js';
import { prorateRules } from './partial-week.js';

/**
 * Resolved rules per compiled problem, built on first use: by patient for their first track (what
 * the rules read for nearly every patient, on every evaluation) and for the program's rules, dense
 * arrays; for any other track a map by `patient * (tracks + 1) + track + 1`. (An array per patient
 * indexed by the track went sparse, and slow, in a network of 400 tracks.)
 */
interface Memo {
  first: Array<ResolvedHoursRules | undefined>;
  program: Array<ResolvedHoursRules | undefined>;
  other: Map<number, ResolvedHoursRules>;
}
const memos = new WeakMap<CompiledProblem, Memo>();

/**
 * byTrack[track + 1]: program and track rules merged, for the patients without rules of their
 * own (in a generated network, all of them): one object per track, shared by its patients, instead
 * of one merge per patient and track (a tenth of a pre-aborted solve at 5,000 patients).
 */
const trackMemos = new WeakMap<CompiledProblem, Array<ResolvedHoursRules | undefined>>();

function trackRules(problem: CompiledProblem, track: number): ResolvedHoursRules {
  let byTrack = trackMemos.get(problem);
  if (!byTrack) {
    byTrack = new Array<undefined>(problem.tracks.length + 1).fill(undefined);
    trackMemos.set(problem, byTrack);
  }
  const source = problem.source;
  return (byTrack[track + 1] ??= resolveHoursRules(source.rules, track >= 0 ? source.tracks[track]?.rules : undefined));
}

/**
 * The hours rules of `patient` when its rules come from `track` (-1: the program's), minimums
 * scaled for a partial week.
 *
 * @example
 * ```ts
 * resolvedRules(compiled, 0, compiled.patients[0]!.tracks[0] ?? -1).minWeeklyHours; // 9
 * ```
 */
export function resolvedRules(problem: CompiledProblem, patient: number, track: number): ResolvedHoursRules {
  let memo = memos.get(problem);
  if (!memo) {
    const none = (): undefined[] => new Array<undefined>(problem.patients.length).fill(undefined);
    memo = { first: none(), program: none(), other: new Map() };
    memos.set(problem, memo);
  }
  const list = track < 0 ? memo.program : track === problem.patients[patient]?.tracks[0] ? memo.first : undefined;
  const key = list ? 0 : patient * (problem.tracks.length + 1) + track + 1;
  let rules = list ? list[patient] : memo.other.get(key);
  if (!rules) {
    const source = problem.source;
    const own = source.patients[patient]?.rules;
    const whole = own === undefined ? trackRules(problem, track) : resolveHoursRules(source.rules, track >= 0 ? source.tracks[track]?.rules : undefined, own);
    // Shared between patients when no partial week scales it: callers never mutate resolved rules.
    rules = prorateRules(problem, patient, track, whole);
    if (list && patient >= 0 && patient < list.length) list[patient] = rules;
    else memo.other.set(key, rules);
  }
  return rules;
}
