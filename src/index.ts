/**
 * iop-scheduler: builds, checks and explains the weekly timetable of an Intensive Outpatient Program.
 *
 * @packageDocumentation
 */
export type { Availability, HoursRules, LocalDate, LocalTime, Patient, Problem, Room, Service, Staff, Track, Weekday } from './model/problem.js';
export type { Meeting, Schedule } from './model/schedule.js';
export type {
  Cause,
  PatientSummary,
  Repair,
  Report,
  RequirementStatus,
  RuleLevel,
  RuleScore,
  Score,
  SolveStats,
  StopReason,
  Unmet,
  Violation,
} from './model/report.js';
export type { Change, Progress, SolveOptions, Weights } from './model/options.js';
export { ProblemError, type Issue } from './model/issue.js';
export { validateProblem } from './input/validate.js';
export { checkSchedule } from './check/check-schedule.js';
