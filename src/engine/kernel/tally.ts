/**
 * What a patient attends now, counted from the state: sessions of a service and counting minutes.
 */
import type { Engine } from './engine.js';
import { meetingMinutes } from '../../compiled/compile.js';

/** Sessions of service `s` the patient attends now. */
export function sessionsOf(engine: Engine, p: number, s: number): number {
  let n = 0;
  for (const index of engine.state.patientMeetings[p]!) if (engine.state.meetings[index]!.service === s) n++;
  return n;
}

/** Counting minutes the patient attends now. */
export function minutesOf(engine: Engine, p: number): number {
  let total = 0;
  for (const index of engine.state.patientMeetings[p]!) {
    const m = engine.state.meetings[index]!;
    if (engine.problem.services[m.service]!.countsTowardHours) total += meetingMinutes(engine.problem, m);
  }
  return total;
}
