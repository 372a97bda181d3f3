/**
 * Turns a `Schedule` (ids and clock strings, possibly hand-edited) into a rule context. What
 * cannot be compiled (unknown ids, dates outside the week, inconsistent fields) is reported as
 * `schedule-integrity` breaches instead of crashing.
 */
import type { Schedule } from '../model/schedule.js';
import type { Violation } from '../model/report.js';
import type { CompiledProblem } from '../engine/compile.js';
import type { PlacedMeeting, PreviousWeek, RuleContext } from '../rules/types.js';
import { dayNumber, parseLocalTime, weekdayOf } from '../time/week.js';

export interface ScheduleContext extends RuleContext {
  readonly meetings: PlacedMeeting[];
  readonly integrity: Violation[];
}

function integrityViolation(message: string, meetingId: string | undefined): Violation {
  return {
    rule: 'schedule-integrity',
    level: 'hard',
    penalty: 1,
    message,
    meetings: meetingId === undefined ? [] : [meetingId],
    patients: [],
    staff: [],
    rooms: [],
  };
}

/** Builds per-entity meeting lists for a set of meetings. */
export function indexMeetings(
  problem: CompiledProblem,
  meetings: ReadonlyArray<PlacedMeeting | undefined>,
): { patientMeetings: number[][]; staffMeetings: number[][]; roomMeetings: number[][] } {
  const patientMeetings = problem.patients.map(() => [] as number[]);
  const staffMeetings = problem.staff.map(() => [] as number[]);
  const roomMeetings = problem.rooms.map(() => [] as number[]);
  meetings.forEach((meeting, index) => {
    if (!meeting) return;
    for (const patient of meeting.patients) patientMeetings[patient]!.push(index);
    for (const member of meeting.staff) staffMeetings[member]!.push(index);
    if (meeting.room >= 0) roomMeetings[meeting.room]!.push(index);
  });
  return { patientMeetings, staffMeetings, roomMeetings };
}

export function scheduleContext(problem: CompiledProblem, schedule: Schedule, previous?: PreviousWeek): ScheduleContext {
  const integrity: Violation[] = [];
  const meetings: PlacedMeeting[] = [];
  const weekDay = dayNumber(problem.weekStart) ?? 0;
  const seenIds = new Set<string>();
  if (schedule.timeZone !== problem.timeZone) {
    integrity.push(integrityViolation(`The schedule is in time zone ${schedule.timeZone} but the problem in ${problem.timeZone}.`, undefined));
  }
  if (schedule.weekStart !== problem.weekStart) {
    integrity.push(integrityViolation(`The schedule is for the week of ${schedule.weekStart} but the problem for ${problem.weekStart}.`, undefined));
  }
  for (const meeting of schedule.meetings) {
    const id = meeting.id;
    if (seenIds.has(id)) integrity.push(integrityViolation(`Meeting id ${id} is used twice.`, id));
    seenIds.add(id);
    const service = problem.serviceIndex.get(meeting.service);
    if (service === undefined) {
      integrity.push(integrityViolation(`Meeting ${id} holds unknown service ${meeting.service}; it was left out of the check.`, id));
      continue;
    }
    const start = parseLocalTime(meeting.start);
    const end = parseLocalTime(meeting.end);
    const dateDay = dayNumber(meeting.date);
    if (start === undefined || end === undefined || dateDay === undefined || end <= start) {
      integrity.push(integrityViolation(`Meeting ${id} has a malformed date or times (${meeting.date} ${meeting.start}-${meeting.end}); it was left out of the check.`, id));
      continue;
    }
    let day = dateDay - weekDay;
    if (day < 0 || day > 6) {
      integrity.push(integrityViolation(`Meeting ${id} is on ${meeting.date}, outside the week of ${problem.weekStart}.`, id));
      day = -1;
    } else if (weekdayOf(meeting.date) !== meeting.day) {
      integrity.push(integrityViolation(`Meeting ${id} says ${meeting.day} but ${meeting.date} is a ${weekdayOf(meeting.date)}.`, id));
    }
    const ids = <T>(list: readonly string[], index: ReadonlyMap<string, number>, kind: string): number[] => {
      const found: number[] = [];
      for (const item of list) {
        const at = index.get(item);
        if (at === undefined) integrity.push(integrityViolation(`Meeting ${id} names unknown ${kind} ${item}.`, id));
        else if (found.includes(at)) integrity.push(integrityViolation(`Meeting ${id} lists ${kind} ${item} twice.`, id));
        else found.push(at);
      }
      return found;
    };
    let track = -1;
    if (meeting.track !== null) {
      const at = problem.trackIndex.get(meeting.track);
      if (at === undefined) integrity.push(integrityViolation(`Meeting ${id} names unknown track ${meeting.track}.`, id));
      else track = at;
    }
    let room = -1;
    if (meeting.room !== null) {
      const at = problem.roomIndex.get(meeting.room);
      if (at === undefined) integrity.push(integrityViolation(`Meeting ${id} names unknown room ${meeting.room}.`, id));
      else room = at;
    }
    const telehealth = meeting.mode === 'telehealth';
    if (telehealth && meeting.room !== null) integrity.push(integrityViolation(`Meeting ${id} is held by telehealth but names room ${meeting.room}.`, id));
    if (!telehealth && meeting.room === null) integrity.push(integrityViolation(`Meeting ${id} is in person but has no room.`, id));
    meetings.push({
      id,
      service,
      track,
      day,
      start,
      end,
      room,
      telehealth,
      staff: ids(meeting.staff, problem.staffIndex, 'staff member'),
      patients: ids(meeting.patients, problem.patientIndex, 'patient'),
      pinned: meeting.pinned ?? false,
    });
  }
  return { problem, meetings, ...indexMeetings(problem, meetings), previous, integrity };
}
