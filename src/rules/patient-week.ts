/**
 * What one patient's week adds up to: the track whose rules apply, minutes and sessions per day,
 * sessions per service. Shared by the patient rules and the report so they never disagree.
 */
import { resolveHoursRules, type ResolvedHoursRules } from '../input/defaults.js';
import type { RuleContext } from './types.js';

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

/**
 * The track holding most of the patient's group minutes; ties go to the track the patient lists
 * first; with no group time, the first listed track.
 */
export function patientTrack(ctx: RuleContext, patient: number): number {
  const compiled = ctx.problem.patients[patient]!;
  const minutesByTrack = new Map<number, number>();
  for (const meetingIndex of ctx.patientMeetings[patient] ?? []) {
    const meeting = ctx.meetings[meetingIndex];
    if (!meeting || meeting.track < 0) continue;
    minutesByTrack.set(meeting.track, (minutesByTrack.get(meeting.track) ?? 0) + (meeting.end - meeting.start));
  }
  let best = compiled.tracks[0] ?? -1;
  let bestMinutes = -1;
  const order = (track: number): number => {
    const position = compiled.tracks.indexOf(track);
    return position < 0 ? compiled.tracks.length + track : position;
  };
  for (const [track, minutes] of minutesByTrack) {
    if (minutes > bestMinutes || (minutes === bestMinutes && order(track) < order(best))) {
      best = track;
      bestMinutes = minutes;
    }
  }
  return best;
}

/** The hours rules that apply to a patient whose rules come from `track` (-1: the program's). */
export function patientRules(ctx: RuleContext, patient: number, track: number): ResolvedHoursRules {
  const source = ctx.problem.source;
  return resolveHoursRules(source.rules, track >= 0 ? source.tracks[track]?.rules : undefined, source.patients[patient]?.rules);
}

export function patientWeek(ctx: RuleContext, patient: number): PatientWeek {
  const track = patientTrack(ctx, patient);
  const minutesByDay = [0, 0, 0, 0, 0, 0, 0];
  const sessionsByDay = [0, 0, 0, 0, 0, 0, 0];
  const meetingsByDay = [0, 0, 0, 0, 0, 0, 0];
  const serviceCounts = new Int32Array(ctx.problem.services.length);
  for (const meetingIndex of ctx.patientMeetings[patient] ?? []) {
    const meeting = ctx.meetings[meetingIndex];
    if (!meeting) continue;
    serviceCounts[meeting.service]! += 1;
    if (meeting.day < 0) continue;
    meetingsByDay[meeting.day]! += 1;
    if (ctx.problem.services[meeting.service]?.countsTowardHours) {
      minutesByDay[meeting.day]! += meeting.end - meeting.start;
      sessionsByDay[meeting.day]! += 1;
    }
  }
  return {
    track,
    rules: patientRules(ctx, patient, track),
    minutesByDay,
    sessionsByDay,
    meetingsByDay,
    totalMinutes: minutesByDay.reduce((a, b) => a + b, 0),
    daysAttended: meetingsByDay.filter((n) => n > 0).length,
    serviceCounts,
  };
}
