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
import { compactWindowText } from './window-text.js';
import { SLOTS_PER_DAY, SLOT_MINUTES } from '../time/week.js';

function trackWindows(reach: Reach, patient: number): SlotSet {
  const union = new SlotSet();
  for (const track of reach.problem.patients[patient]!.tracks) union.unionWith(reach.windows[track]!);
  return union;
}

/**
 * The patient's track windows on the days they are enrolled and the clinic is open, and how many
 * minutes those hold: when fewer than the weekly minimum, the window itself binds and the proof
 * names it (no room, clinician or availability could make up for it).
 */
function openWindow(reach: Reach, patient: number): { window: SlotSet; minutes: number } {
  const problem = reach.problem;
  const p = problem.patients[patient]!;
  const days = new SlotSet();
  for (let day = Math.max(0, p.firstDay); day < Math.min(7, p.endDay); day++) {
    if (!problem.closedDays[day]) days.addRange(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY);
  }
  const window = trackWindows(reach, patient);
  window.intersectWith(days);
  return { window, minutes: window.size() * SLOT_MINUTES };
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
        message: `Patient ${p.id} ${shortText}: the times they can come within the ${trackIds.join('/') || 'track'} track's hours are ${windowsText(inside)}.`,
      });
      return;
    }
    const gaps = dayGaps(reach, patient);
    const open = openWindow(reach, patient);
    if (open.minutes < needed) {
      const tracks = trackIds.length === 1 ? `the ${trackIds[0]} track's window` : `the ${trackIds.join('/')} tracks' windows`;
      const days = gaps.text.length > 0 ? `; ${gaps.text.join('; ')}` : '';
      findings.push({
        ...base,
        staff: gaps.staff,
        rooms: gaps.rooms,
        code: 'resources-hours',
        message: `Patient ${p.id} ${shortText}, even if free all week: ${tracks} ${compactWindowText(open.window)} holds at most ${hoursOf(open.minutes)}${days}.`,
      });
      return;
    }
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
