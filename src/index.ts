/**
 * iop-scheduler: builds, checks and explains the weekly timetable of an Intensive Outpatient Program.
 *
 * @packageDocumentation
 */
export type { Availability, HoursRules, LocalDate, LocalTime, Patient, Problem, Room, Service, Staff, Track, Weekday } from './model/problem.js';
export type { StaffBreak } from './model/problem.js';
export type { Meeting, Schedule, Solution } from './model/schedule.js';
export type { Cadence, HistoryEntry } from './model/problem.js';
export type { CadenceState, CadenceSummary } from './model/report.js';
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
export type { PartialWeekSummary } from './model/report.js';
export type { Change, Progress, ProgressPhase, SolveOptions, Triage, Weights } from './model/options.js';
export { ProblemError, type Issue } from './model/issue.js';
export { validateProblem, assertValidProblem, type ValidationResult } from './input/validate.js';
export { ISSUE_CODES, ISSUE_CODE_DESCRIPTIONS, WARNING_CODES, type IssueCode, type WarningCode } from './input/issue-codes.js';
export { LIMITS } from './input/limits.js';
export { checkSchedule, type CheckOptions } from './pipeline/check-schedule.js';
export { solve } from './pipeline/solve.js';
export { planWeeks, type PlanWeeksOptions, type PlannedWeek, type WeeksPlan } from './pipeline/plan-weeks.js';
export type { Forecast, ForecastOptions, ForecastRow, PatientShape } from './pipeline/forecast.js';
export { solveInWorker } from './worker/solve-in-worker.js';
export { ruleCatalogue, type RuleInfo } from './rules/catalogue.js';
export type { RuleScope } from './rules/types.js';
export { toICalendar, type ICalendarOptions } from './export/ical.js';
export { toFhir, type FhirOptions, type FhirActorKind } from './export/fhir.js';
export type {
  FhirAppointment,
  FhirAppointmentParticipant,
  FhirBundle,
  FhirBundleEntry,
  FhirCodeableConcept,
  FhirCoding,
  FhirIdentifier,
  FhirPeriod,
  FhirReference,
  FhirResource,
  FhirSchedule,
  FhirSlot,
} from './export/fhir-types.js';
export type { Subject } from './export/select.js';
export { renderText } from './export/text.js';
export { renderHtml } from './export/html.js';
export type { View } from './export/view.js';
export { diagnose, type DiagnoseOptions } from './diagnose/diagnose.js';
export type { Bottleneck, CapacityRow, Diagnosis, Finding, FindingUnit } from './diagnose/types.js';
export type { BoundCut, ServedBound } from './diagnose/types.js';
export { explain, applyRepair, type ExplainOptions } from './pipeline/explain.js';
export { formatReport, type FormatReportOptions } from './diagnose/format-report.js';
export type { RepairBudget, SolveFunction } from './diagnose/repairs.js';
export type { ConflictCounts } from './diagnose/causes.js';
export { replan } from './replan/replan.js';
export { nextWeek, type NextWeekOptions } from './replan/next-week.js';
export type {
  ReplanOptions,
  ReplanResult,
  ChangeLog,
  ChangeReason,
  MeetingChange,
  MeetingChangeKind,
  PersonChange,
  SessionChange,
} from './replan/types.js';
export type { PrimaryStaffProposal } from './replan/types.js';
export { sampleClinic, type SampleClinicOptions } from './sample/clinic.js';
export { adolescentProgram } from './sample/adolescent.js';
