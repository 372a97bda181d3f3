/**
 * Pre-solve check: a patient whose reachable care (availability inside their tracks' windows,
 * enrolled and open days, sessions that can be staffed and housed) adds up to less than their
 * weekly minimum. The reason is told apart: a late admission or early discharge when full-week
 * enrolment would suffice, else the patient's availability or the program's resources.
 */
import type { Finding } from './types.js';
import { lenientRules, patientBound, type Reach } from './reach.js';
import { enrolled } from './required.js';
import { dayShort, hoursOf, windowsText } from './words.js';
import { SlotSet } from '../time/slot-set.js';
import { dayGaps } from './day-gaps.js';

function trackWindows(reach: Reach, patient: number): SlotSet {
  const union = new SlotSet();
  for (const track of reach.problem.patients[patient]!.tracks) union.unionWith(reach.windows[track]!);
  return union;
}

/** Findings `'availability-hours'`, `'late-admission'`, `'early-discharge'` (unit minutes) and `'resources-hours'`. */
export function checkPatientHours(reach: Reach): Finding[] {
  const problem = reach.problem;
  const findings: Finding[] = [];
  problem.patients.forEach((p, patient) => {
    if (reach.stop?.() === true) return;
    if (!enrolled(problem, patient)) return;
    const needed = Math.round(lenientRules(problem, patient).minWeeklyHours * 60);
    if (needed <= 0) return;
    const bound = patientBound(reach, patient);
    if (bound.weekMinutes >= needed) return;
    const trackIds = p.tracks.map((t) => problem.tracks[t]!.id);
    const base = {
      requirements: ['patient-min-weekly-hours'],
      patients: [p.id],
      services: [],
      staff: [],
      rooms: [],
      figures: { needed, available: bound.weekMinutes, unit: 'minutes' as const },
      ...(trackIds[0] !== undefined ? { track: trackIds[0] } : {}),
    };
    const shortText = `can get at most ${hoursOf(bound.weekMinutes)} of care this week; the minimum is ${hoursOf(needed)}`;
    if (patientBound(reach, patient, { ignoreEnrolment: true }).weekMinutes >= needed) {
      const late = p.firstDay > 0;
      const code = late ? 'late-admission' : 'early-discharge';
      const when = late ? `admitted on ${dayShort(p.firstDay)} ${problem.dates[p.firstDay] ?? ''}`.trim() : `discharged on ${dayShort(p.endDay)}`;
      findings.push({ ...base, code, message: `Patient ${p.id} is ${when} and ${shortText}.` });
      return;
    }
    if (patientBound(reach, patient, { ignoreAvailability: true }).weekMinutes >= needed) {
      const inside = p.available.clone();
      inside.intersectWith(trackWindows(reach, patient));
      findings.push({
        ...base,
        code: 'availability-hours',
        message: `Patient ${p.id} ${shortText}: their availability inside the ${trackIds.join('/') || 'track'} windows is ${windowsText(inside)}.`,
      });
      return;
    }
    const gaps = dayGaps(reach, patient);
    findings.push({
      ...base,
      staff: gaps.staff,
      rooms: gaps.rooms,
      code: 'resources-hours',
      message:
        gaps.text.length > 0
          ? `Patient ${p.id} ${shortText}, even if free all week: ${gaps.text.join('; ')}.`
          : `Patient ${p.id} ${shortText}, even if free all week: the track windows, staff and rooms open to them do not add up.`,
    });
  });
  return findings;
}
