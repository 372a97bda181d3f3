/**
 * Pre-solve checks on days: a patient who can attend on fewer days than their minimum (late
 * admission, early discharge, narrow availability), and per-day thresholds (minutes or sessions)
 * that too few reachable days can meet.
 */
import type { Finding } from './types.js';
import { lenientRules, patientBound, type Reach } from './reach.js';
import { enrolled } from './required.js';
import { dayShort, listText, plural } from './words.js';
import { dayGaps } from './day-gaps.js';

function daysText(days: readonly boolean[]): string {
  return listText(days.flatMap((ok, day) => (ok ? [dayShort(day)] : [])));
}

/** Findings `'late-admission'`, `'early-discharge'`, `'availability-days'`, `'resources-days'` (unit days). */
export function checkPatientDays(reach: Reach): Finding[] {
  const problem = reach.problem;
  const findings: Finding[] = [];
  problem.patients.forEach((p, patient) => {
    if (reach.stop?.() === true) return;
    if (!enrolled(problem, patient)) return;
    const needed = lenientRules(problem, patient).minDays;
    if (needed <= 0) return;
    const possible = patientBound(reach, patient).dayPossible;
    const available = possible.filter(Boolean).length;
    if (available >= needed) return;
    const base = {
      requirements: ['patient-min-days'],
      patients: [p.id],
      services: [],
      staff: [],
      rooms: [],
      figures: { needed, available, unit: 'days' as const },
    };
    const tail = `${plural(available, 'day')} can hold their sessions (${daysText(possible)}); the minimum is ${plural(needed, 'day')}`;
    if (patientBound(reach, patient, { ignoreEnrolment: true }).dayPossible.filter(Boolean).length >= needed) {
      const late = p.firstDay > 0;
      const when = late ? `admitted on ${dayShort(p.firstDay)} ${problem.dates[p.firstDay] ?? ''}`.trim() : `discharged on ${dayShort(p.endDay)}`;
      findings.push({ ...base, code: late ? 'late-admission' : 'early-discharge', message: `Patient ${p.id} is ${when}: only ${tail}.` });
    } else if (patientBound(reach, patient, { ignoreAvailability: true }).dayPossible.filter(Boolean).length >= needed) {
      findings.push({ ...base, code: 'availability-days', message: `Patient ${p.id} is free on too few track days: only ${tail}.` });
    } else {
      const gaps = dayGaps(reach, patient);
      const why = gaps.text.length > 0 ? gaps.text.join('; ') : 'the program runs on too few days for them';
      findings.push({ ...base, staff: gaps.staff, rooms: gaps.rooms, code: 'resources-days', message: `Patient ${p.id}: only ${tail}, even if free all week: ${why}.` });
    }
  });
  return findings;
}

/** Finding `'daily-threshold-unreachable'`: fewer days can reach the per-day threshold than the minimum days. */
export function checkDailyThreshold(reach: Reach): Finding[] {
  const problem = reach.problem;
  const findings: Finding[] = [];
  problem.patients.forEach((p, patient) => {
    if (reach.stop?.() === true) return;
    if (!enrolled(problem, patient)) return;
    const rules = lenientRules(problem, patient);
    if (rules.minDays <= 0) return;
    const bound = patientBound(reach, patient);
    const checks: Array<{ rule: string; threshold: number | undefined; perDay: number[]; unit: string }> = [
      { rule: 'daily-min-minutes', threshold: rules.minDailyMinutes, perDay: bound.dayMinutes, unit: 'minutes' },
      { rule: 'daily-min-services', threshold: rules.minDailyServices, perDay: bound.daySessions, unit: 'sessions' },
    ];
    for (const check of checks) {
      if (check.threshold === undefined || check.threshold <= 0) continue;
      const reachable = check.perDay.map((value) => value >= check.threshold!);
      const count = reachable.filter(Boolean).length;
      if (count >= rules.minDays) continue;
      const best = Math.max(...check.perDay);
      findings.push({
        code: 'daily-threshold-unreachable',
        message:
          count === 0
            ? `Patient ${p.id} can get at most ${best} ${check.unit} on any day; a billable day needs ${check.threshold}.`
            : `Patient ${p.id} can reach ${check.threshold} ${check.unit} a day on only ${plural(count, 'day')} (${daysText(reachable)}); the minimum is ${plural(rules.minDays, 'day')}.`,
        requirements: [check.rule, 'patient-min-days'],
        patients: [p.id],
        services: [],
        staff: [],
        rooms: [],
        figures: { needed: rules.minDays, available: count, unit: 'days' },
      });
    }
  });
  return findings;
}
