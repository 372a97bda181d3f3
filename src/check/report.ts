/**
 * Builds a `Report` from a rule context: every rule on every subject, with details, plus the
 * per-patient summary. Used by `checkSchedule` and by `solve` for its final timetable.
 */
import type { PatientSummary, Report, RuleScore, Unmet, Violation } from '../model/report.js';
import { patientWeek } from '../rules/patient-week.js';
import { requirementStatuses } from '../rules/requirements.js';
import { collectViolations, subjectCount } from '../rules/score-board.js';
import type { Rule, RuleContext } from '../rules/types.js';
import { WEEKDAYS } from '../time/week.js';

const LEVEL_ORDER = { hard: 0, requirement: 1, soft: 2 } as const;

function patientSummary(ctx: RuleContext, patient: number): PatientSummary {
  const week = patientWeek(ctx, patient);
  const requirements = requirementStatuses(ctx, patient, week);
  return {
    patient: ctx.problem.patients[patient]!.id,
    track: week.track >= 0 ? ctx.problem.tracks[week.track]!.id : null,
    minutes: week.totalMinutes,
    hours: week.totalMinutes / 60,
    days: WEEKDAYS.filter((_, day) => (week.meetingsByDay[day] ?? 0) > 0),
    services: ctx.problem.services
      .map((service) => ({ service: service.id, count: week.serviceCounts[service.index] ?? 0 }))
      .filter((entry) => entry.count > 0),
    requirements,
    met: requirements.every((r) => r.met),
  };
}

/**
 * Runs every rule on every subject of `ctx` and assembles the report.
 * `extraHard` holds breaches found outside the catalogue (schedule integrity).
 */
export function buildReport(
  ctx: RuleContext,
  rules: readonly Rule[],
  weights: ReadonlyMap<string, number>,
  extraHard: readonly Violation[] = [],
): Report {
  const violations: Violation[] = [...extraHard];
  const byRule: RuleScore[] = [
    { rule: 'schedule-integrity', level: 'hard', violations: extraHard.length, penalty: extraHard.length, weighted: extraHard.length },
  ];
  for (const rule of rules) {
    const weight = rule.level === 'soft' ? (weights.get(rule.code) ?? rule.defaultWeight ?? 1) : 1;
    let penalty = 0;
    let count = 0;
    const n = weight === 0 ? 0 : subjectCount(ctx, rule.scope);
    for (let subject = 0; subject < n; subject++) {
      for (const found of collectViolations(rule, ctx, subject)) {
        penalty += found.penalty;
        count += 1;
        violations.push({
          rule: rule.code,
          level: rule.level,
          penalty: found.penalty,
          message: found.detail.message,
          meetings: found.detail.meetings ?? [],
          patients: found.detail.patients ?? [],
          staff: found.detail.staff ?? [],
          rooms: found.detail.rooms ?? [],
          ...(found.detail.date !== undefined ? { date: found.detail.date } : {}),
        });
      }
    }
    byRule.push({ rule: rule.code, level: rule.level, violations: count, penalty, weighted: penalty * weight });
  }
  violations.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  const score = { hard: 0, requirement: 0, soft: 0 };
  for (const row of byRule) score[row.level] += row.weighted;
  const unmet: Unmet[] = violations
    .filter((v) => v.level === 'requirement')
    .map((v) => ({
      rule: v.rule,
      patient: v.patients[0] ?? '',
      message: v.message,
      shortfall: v.penalty,
      ...(v.date !== undefined ? { date: v.date } : {}),
      causes: [],
      repairs: [],
    }));
  const patients = ctx.problem.patients.map((_, index) => patientSummary(ctx, index));
  return {
    feasible: score.hard === 0,
    allMet: score.hard === 0 && score.requirement === 0,
    score,
    byRule,
    violations,
    patients,
    unmet,
  };
}
