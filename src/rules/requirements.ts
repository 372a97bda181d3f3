/**
 * Every requirement of one patient with its target and what the week delivers. The requirement
 * rules emit their shortfalls from these measurements and the report lists the same ones as
 * statuses and unmet entries, so report and score agree by construction.
 */
import type { RequirementStatus } from '../model/report.js';
import { dateOf, dayName, hoursOf, plural } from './describe.js';
import { evaluationEpoch } from './evaluation-scope.js';
import { patientWeek, type PatientWeek } from './patient-week.js';
import type { RuleContext } from './types.js';
import type { WeekCadence } from '../compiled/cadence.js';
import { prorateCount } from '../compiled/partial-week.js';

export type RequirementCode =
  | 'patient-min-weekly-hours'
  | 'patient-min-days'
  | 'curriculum-min'
  | 'requires-min'
  | 'daily-min-minutes'
  | 'daily-min-services';

/** One requirement measured on a week: target and actual in the requirement's own unit. */
export interface MeasuredRequirement {
  rule: RequirementCode;
  /** Minutes (weekly hours, daily minutes), days or sessions. */
  target: number;
  actual: number;
  /** How far short, in the rule's penalty unit (minute-equivalents); 0 when met. */
  shortfall: number;
  /** Day index for per-day thresholds, else -1. */
  day: number;
  /** Service index for curriculum and `requires` counts, else -1. */
  service: number;
  /** A `requires` entry on a cadence: what the week derived from the history. */
  cadence?: WeekCadence;
}

/** Minute-equivalent of a missing day or a missing session on a day. */
export const HOUR_EQUIVALENT = 60;

/** Whether the patient is enrolled on at least one day of the week (else no requirement applies). */
export function enrolledThisWeek(ctx: RuleContext, patient: number): boolean {
  const compiled = ctx.problem.patients[patient]!;
  return compiled.endDay > compiled.firstDay;
}

function measured(rule: RequirementCode, target: number, actual: number, shortfall: number, day = -1, service = -1): MeasuredRequirement {
  return { rule, target, actual, shortfall: Math.max(0, shortfall), day, service };
}

/**
 * Calls `visit` with every requirement of `patient` (only those of rule `only` when given), met or
 * not. Patients not enrolled this week have none.
 */
export function forEachRequirement(
  ctx: RuleContext,
  patient: number,
  week: PatientWeek,
  only: RequirementCode | undefined,
  visit: (requirement: MeasuredRequirement) => void,
): void {
  if (!enrolledThisWeek(ctx, patient)) return;
  const rules = week.rules;
  const wants = (code: RequirementCode): boolean => only === undefined || only === code;
  if (wants('patient-min-weekly-hours')) {
    const target = Math.round(rules.minWeeklyHours * 60);
    visit(measured('patient-min-weekly-hours', target, week.totalMinutes, target - week.totalMinutes));
  }
  if (wants('patient-min-days')) {
    visit(measured('patient-min-days', rules.minDays, week.daysAttended, (rules.minDays - week.daysAttended) * HOUR_EQUIVALENT));
  }
  const services = ctx.problem.services;
  if (wants('curriculum-min')) {
    for (const entry of ctx.problem.tracks[week.track]?.curriculum ?? []) {
      const service = services[entry.service];
      // A partial week asks for the enrolled share of the count, as of the hours and days.
      const min = prorateCount(ctx.problem, patient, week.track, entry.min, rules.partialWeek);
      if (!service || min <= 0) continue;
      const count = week.serviceCounts[entry.service] ?? 0;
      visit(measured('curriculum-min', min, count, (min - count) * service.durationMinutes, -1, entry.service));
    }
  }
  if (wants('requires-min')) {
    for (const entry of ctx.problem.patients[patient]!.requires) {
      const service = services[entry.service];
      // A cadence's window already stands in the dates; other counts are prorated for a partial week.
      const min = entry.cadence === undefined ? prorateCount(ctx.problem, patient, week.track, entry.min, rules.partialWeek) : entry.min;
      if (!service || min <= 0) continue;
      // A session outside a cadence's window (a hard breach) does not keep the interval: not counted.
      const count = entry.cadence === undefined ? (week.serviceCounts[entry.service] ?? 0) : sessionsInWindow(ctx, patient, entry.service, entry.cadence);
      const requirement = measured('requires-min', min, count, (min - count) * service.durationMinutes, -1, entry.service);
      if (entry.cadence !== undefined) requirement.cadence = entry.cadence;
      visit(requirement);
    }
  }
  const dailyMinutes = rules.minDailyMinutes;
  const dailyServices = rules.minDailyServices;
  if ((dailyMinutes === undefined || !wants('daily-min-minutes')) && (dailyServices === undefined || !wants('daily-min-services'))) return;
  for (let day = 0; day < 7; day++) {
    if ((week.meetingsByDay[day] ?? 0) === 0) continue;
    if (dailyMinutes !== undefined && wants('daily-min-minutes')) {
      const actual = week.minutesByDay[day] ?? 0;
      visit(measured('daily-min-minutes', dailyMinutes, actual, dailyMinutes - actual, day));
    }
    if (dailyServices !== undefined && wants('daily-min-services')) {
      const actual = week.sessionsByDay[day] ?? 0;
      visit(measured('daily-min-services', dailyServices, actual, (dailyServices - actual) * HOUR_EQUIVALENT, day));
    }
  }
}

function sessionsInWindow(ctx: RuleContext, patient: number, service: number, cadence: WeekCadence): number {
  let count = 0;
  for (const index of ctx.patientMeetings[patient] ?? []) {
    const meeting = ctx.meetings[index];
    if (meeting && meeting.service === service && meeting.day >= cadence.firstDay && meeting.day <= cadence.lastDay) count++;
  }
  return count;
}

let memoEpoch = -1;
let memoCtx: RuleContext | undefined;
let memoPatient = -1;
let memoRequirements: readonly MeasuredRequirement[] = [];

/**
 * Every requirement of `patient`, met or not, measured on the patient's week: the list the six
 * requirement rules and the triage rule read. Within one `ScoreBoard.evaluate` call it is measured
 * once for all of them (memoised like `patientWeek`, see `evaluation-scope.ts`); outside one it is
 * measured afresh. Callers must not mutate the result (it may be shared).
 *
 * @example
 * ```ts
 * const short = requirementsOf(ctx, 3).filter((r) => r.shortfall > 0).length;
 * ```
 */
export function requirementsOf(ctx: RuleContext, patient: number): readonly MeasuredRequirement[] {
  const epoch = evaluationEpoch();
  if (epoch >= 0 && epoch === memoEpoch && ctx === memoCtx && patient === memoPatient) return memoRequirements;
  const requirements = enrolledThisWeek(ctx, patient) ? measureRequirements(ctx, patient, patientWeek(ctx, patient)) : [];
  if (epoch >= 0) {
    memoEpoch = epoch;
    memoCtx = ctx;
    memoPatient = patient;
    memoRequirements = requirements;
  }
  return requirements;
}

/** Every requirement of `patient`, met or not, measured on `week`. */
export function measureRequirements(ctx: RuleContext, patient: number, week: PatientWeek): MeasuredRequirement[] {
  const all: MeasuredRequirement[] = [];
  forEachRequirement(ctx, patient, week, undefined, (requirement) => all.push(requirement));
  return all;
}

function serviceId(ctx: RuleContext, service: number): string {
  return ctx.problem.services[service]?.id ?? '?';
}

/** `" (due by 2026-11-24)"` for a cadence requirement due this week, else nothing. */
function dueLabel(requirement: MeasuredRequirement): string {
  if (requirement.cadence === undefined) return '';
  const { status, dueBy } = requirement.cadence;
  if (status === 'due' && dueBy !== undefined) return ` (due by ${dueBy})`;
  if (status === 'overdue' && dueBy !== undefined) return ` (overdue since ${dueBy})`;
  return status === 'new' ? ' (due: none attended yet)' : '';
}

/** What a requirement asks, in plain words: `"at least 9 hours a week"`. */
export function requirementLabel(ctx: RuleContext, requirement: MeasuredRequirement): string {
  switch (requirement.rule) {
    case 'patient-min-weekly-hours':
      return `at least ${hoursOf(requirement.target)} a week`;
    case 'patient-min-days':
      return `at least ${plural(requirement.target, 'day')} a week`;
    case 'curriculum-min':
      return `at least ${plural(requirement.target, 'session')} of ${serviceId(ctx, requirement.service)} (track curriculum)`;
    case 'requires-min':
      return `at least ${plural(requirement.target, 'session')} of ${serviceId(ctx, requirement.service)}${dueLabel(requirement)}`;
    case 'daily-min-minutes':
      return `at least ${plural(requirement.target, 'minute')} on ${dayName(requirement.day)}`;
    case 'daily-min-services':
      return `at least ${plural(requirement.target, 'session')} on ${dayName(requirement.day)}`;
  }
}

/** A sentence about a requirement and what the week delivers, naming the patient by id. */
export function requirementMessage(ctx: RuleContext, patient: number, requirement: MeasuredRequirement): string {
  const id = ctx.problem.patients[patient]?.id ?? '?';
  const { target, actual } = requirement;
  switch (requirement.rule) {
    case 'patient-min-weekly-hours':
      return `Patient ${id} gets ${hoursOf(actual)} of care this week; the minimum is ${hoursOf(target)}.`;
    case 'patient-min-days':
      return `Patient ${id} attends ${plural(actual, 'day')} this week; the minimum is ${plural(target, 'day')}.`;
    case 'curriculum-min':
      return `Patient ${id} has ${plural(actual, 'session')} of ${serviceId(ctx, requirement.service)} this week; the track curriculum asks for ${target}.`;
    case 'requires-min':
      return `Patient ${id} has ${plural(actual, 'session')} of ${serviceId(ctx, requirement.service)} this week; the minimum is ${target}.`;
    case 'daily-min-minutes':
      return `Patient ${id} gets ${plural(actual, 'minute')} of care on ${dayName(requirement.day)}; an attended day needs at least ${target}.`;
    case 'daily-min-services':
      return `Patient ${id} has ${plural(actual, 'session')} on ${dayName(requirement.day)}; an attended day needs at least ${target}.`;
  }
}

/** A measured requirement as the report shows it (hours in hours, the rest in their own unit). */
export function requirementStatus(ctx: RuleContext, requirement: MeasuredRequirement): RequirementStatus {
  const weekly = requirement.rule === 'patient-min-weekly-hours';
  const date = dateOf(ctx, requirement.day);
  const service = ctx.problem.services[requirement.service];
  const status: RequirementStatus = {
    rule: requirement.rule,
    label: requirementLabel(ctx, requirement),
    target: weekly ? requirement.target / 60 : requirement.target,
    actual: weekly ? requirement.actual / 60 : requirement.actual,
    met: requirement.shortfall === 0,
  };
  // Set, not spread: a report lists every requirement of every patient.
  if (date !== undefined) status.date = date;
  if (service) status.service = service.id;
  return status;
}

/** Every requirement of `patient`, met or not, as report statuses. */
export function requirementStatuses(ctx: RuleContext, patient: number, week: PatientWeek): RequirementStatus[] {
  return measureRequirements(ctx, patient, week).map((requirement) => requirementStatus(ctx, requirement));
}
