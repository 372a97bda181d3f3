/**
 * Builds a `Report` from a rule context: every rule on every subject, with details, plus the
 * per-patient summary and the unmet requirements. Used by `checkSchedule` and by `solve` for its
 * final timetable. Requirement statuses, requirement violations and `unmet` all come from the
 * same measurements (`forEachRequirement`), so they cannot disagree.
 */
import type { PatientSummary, Report, RuleScore, Score, Unmet, Violation } from '../model/report.js';
import { patientWeek } from '../rules/patient-week.js';
import { measureRequirements, requirementMessage, requirementStatus } from '../rules/requirements.js';
import { collectViolations, subjectCount } from '../rules/score-board.js';
import type { Rule, RuleContext } from '../rules/types.js';
import { WEEKDAYS } from '../time/week.js';

const LEVEL_ORDER = { hard: 0, requirement: 1, soft: 2 } as const;

function patientReport(ctx: RuleContext, patient: number): { summary: PatientSummary; unmet: Unmet[] } {
  const week = patientWeek(ctx, patient);
  const measured = measureRequirements(ctx, patient, week);
  const requirements = measured.map((requirement) => requirementStatus(ctx, requirement));
  const id = ctx.problem.patients[patient]!.id;
  const unmet: Unmet[] = [];
  measured.forEach((requirement, index) => {
    if (requirement.shortfall === 0) return;
    const status = requirements[index]!;
    unmet.push({
      rule: requirement.rule,
      patient: id,
      message: requirementMessage(ctx, patient, requirement),
      shortfall: requirement.shortfall,
      ...(status.date !== undefined ? { date: status.date } : {}),
      ...(status.service !== undefined ? { service: status.service } : {}),
      causes: [],
      repairs: [],
    });
  });
  const summary: PatientSummary = {
    patient: id,
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
  return { summary, unmet };
}

function weightOf(rule: Rule, weights: ReadonlyMap<string, number>): number {
  return rule.level === 'soft' ? (weights.get(rule.code) ?? rule.defaultWeight ?? 1) : 1;
}

/**
 * Runs every rule on every subject of `ctx` and assembles the report. `extraHard` holds
 * breaches found outside the catalogue (schedule integrity). A soft rule weighted 0 is off: it
 * reports nothing and its row reads zero.
 *
 * @example
 * ```ts
 * const report = buildReport(ctx, allRules(), new Map([['compact-days', 2]]), ctx.integrity);
 * ```
 */
export function buildReport(
  ctx: RuleContext,
  rules: readonly Rule[],
  weights: ReadonlyMap<string, number>,
  extraHard: readonly Violation[] = [],
): Report {
  const violations: Violation[] = extraHard.map((v) => ({ ...v }));
  const byRule: RuleScore[] = [
    { rule: 'schedule-integrity', level: 'hard', violations: extraHard.length, penalty: extraHard.length, weighted: extraHard.length },
  ];
  for (const rule of rules) {
    const weight = weightOf(rule, weights);
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
  // Array.prototype.sort is stable: within a level, violations keep catalogue and subject order.
  violations.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  const score: Score = { hard: 0, requirement: 0, soft: 0 };
  for (const row of byRule) score[row.level] += row.weighted;
  const patients: PatientSummary[] = [];
  const unmet: Unmet[] = [];
  for (let patient = 0; patient < ctx.problem.patients.length; patient++) {
    const one = patientReport(ctx, patient);
    patients.push(one.summary);
    unmet.push(...one.unmet);
  }
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
