/**
 * What one patient's week adds up to: the track whose rules apply, minutes and sessions per day,
 * sessions per service. Shared by the patient rules and the report so they never disagree.
 *
 * Memoised only inside one `ScoreBoard.evaluate` call (see `evaluation-scope.ts`), where the
 * context cannot change: the solver mutates it in place between calls and it carries no version
 * counter, so a longer-lived memo could serve a stale week.
 */
import type { ResolvedHoursRules } from '../input/defaults.js';
import { evaluationEpoch } from './evaluation-scope.js';
import { resolvedRules } from './problem-memo.js';
import type { RuleContext } from './types.js';
import { meetingMinutes } from '../compiled/compile.js';

export interface PatientWeek {
  /** Track index whose rules apply, or -1. */
  track: number;
  rules: ResolvedHoursRules;
  /** Minutes of counting care per day index. */
  minutesByDay: number[];
  /** Counting sessions per day index. */
  sessionsByDay: number[];
  /** Meetings of any kind per day index (a day is attended when it has one). */
  meetingsByDay: number[];
  totalMinutes: number;
  daysAttended: number;
  /** Sessions per service index. */
  serviceCounts: Int32Array;
}

/** Group minutes the patient spends in meetings of `track`. */
function trackMinutes(ctx: RuleContext, mine: ReadonlyArray<number>, track: number): number {
  let minutes = 0;
  for (const index of mine) {
    const meeting = ctx.meetings[index];
    if (meeting && meeting.track === track) minutes += meetingMinutes(ctx.problem, meeting);
  }
  return minutes;
}

/**
 * The track holding most of the patient's track-bound minutes; ties go to the track the patient
 * lists first (then to tracks they do not list, in problem order); with no track time, the first
 * listed track, or -1.
 */
export function patientTrack(ctx: RuleContext, patient: number): number {
  const compiled = ctx.problem.patients[patient]!;
  const mine = ctx.patientMeetings[patient] ?? [];
  // One pass for the usual case of a single track; several tracks take the general path.
  let only = -1;
  let mixed = false;
  for (const index of mine) {
    const track = ctx.meetings[index]?.track ?? -1;
    if (track < 0) continue;
    if (only < 0) only = track;
    else if (track !== only) {
      mixed = true;
      break;
    }
  }
  if (only < 0) return compiled.tracks[0] ?? -1;
  if (!mixed) return only;
  const rank = (track: number): number => {
    const position = compiled.tracks.indexOf(track);
    return position < 0 ? compiled.tracks.length + track : position;
  };
  let best = -1;
  let bestMinutes = 0;
  for (let i = 0; i < mine.length; i++) {
    const track = ctx.meetings[mine[i]!]?.track ?? -1;
    if (track < 0) continue;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = ctx.meetings[mine[j]!]?.track === track;
    if (seen) continue;
    const minutes = trackMinutes(ctx, mine, track);
    if (best < 0 || minutes > bestMinutes || (minutes === bestMinutes && rank(track) < rank(best))) {
      best = track;
      bestMinutes = minutes;
    }
  }
  return best;
}

/** The hours rules that apply to a patient whose rules come from `track` (-1: the program's). */
export function patientRules(ctx: RuleContext, patient: number, track: number): ResolvedHoursRules {
  return resolvedRules(ctx.problem, patient, track);
}

let memoEpoch = -1;
let memoCtx: RuleContext | undefined;
let memoPatient = -1;
let memoWeek: PatientWeek | undefined;

/** What `patient`'s week adds up to. Callers must not mutate the result (it may be shared). */
export function patientWeek(ctx: RuleContext, patient: number): PatientWeek {
  const epoch = evaluationEpoch();
  if (epoch >= 0 && epoch === memoEpoch && ctx === memoCtx && patient === memoPatient && memoWeek) return memoWeek;
  const week = computePatientWeek(ctx, patient);
  if (epoch >= 0) {
    memoEpoch = epoch;
    memoCtx = ctx;
    memoPatient = patient;
    memoWeek = week;
  }
  return week;
}

function computePatientWeek(ctx: RuleContext, patient: number): PatientWeek {
  const track = patientTrack(ctx, patient);
  const minutesByDay = [0, 0, 0, 0, 0, 0, 0];
  const sessionsByDay = [0, 0, 0, 0, 0, 0, 0];
  const meetingsByDay = [0, 0, 0, 0, 0, 0, 0];
  const serviceCounts = new Int32Array(ctx.problem.services.length);
  let totalMinutes = 0;
  let daysAttended = 0;
  for (const meetingIndex of ctx.patientMeetings[patient] ?? []) {
    const meeting = ctx.meetings[meetingIndex];
    if (!meeting) continue;
    serviceCounts[meeting.service]! += 1;
    if (meeting.day < 0 || meeting.day > 6) continue;
    if (meetingsByDay[meeting.day] === 0) daysAttended += 1;
    meetingsByDay[meeting.day]! += 1;
    if (ctx.problem.services[meeting.service]?.countsTowardHours) {
      // Real minutes: a meeting across the hour repeated when DST ends counts it twice.
      const minutes = meetingMinutes(ctx.problem, meeting);
      minutesByDay[meeting.day]! += minutes;
      sessionsByDay[meeting.day]! += 1;
      totalMinutes += minutes;
    }
  }
  return { track, rules: patientRules(ctx, patient, track), minutesByDay, sessionsByDay, meetingsByDay, totalMinutes, daysAttended, serviceCounts };
}
