/**
 * Builds a `Report` from a rule context: every rule on every subject, with details, plus the
 * per-patient summary and the unmet requirements. Used by `checkSchedule` and by `solve` for its
 * final timetable. Requirement statuses, requirement violations and `unmet` all come from the
 * same measurements (`forEachRequirement`), so they cannot disagree.
 *
 * `buildReportFromBoard` builds the same report when a `ScoreBoard` already scored the timetable:
 * it asks for details only where the board holds a penalty, instead of running every rule on
 * every subject again.
 */
import type { PatientSummary, Report, RuleScore, Score, Unmet, Violation } from '../model/report.js';
import { partialWeekSummary } from '../compiled/partial-week.js';
import { closeEvaluationScope, openEvaluationScope } from '../rules/evaluation-scope.js';
import { patientWeek } from '../rules/patient-week.js';
import { cadenceSummaries } from '../rules/cadence-window.js';
import { requirementMessage, requirementsOf, requirementStatus } from '../rules/requirements.js';
import { ruleWeight, subjectCount, type ScoreBoard } from '../rules/score-board.js';
import type { Emit, Rule, RuleContext, RuleScope, ViolationDetail } from '../rules/types.js';
import { WEEKDAYS } from '../time/week.js';

const LEVEL_ORDER = { hard: 0, requirement: 1, soft: 2 } as const;

function patientReport(ctx: RuleContext, patient: number): { summary: PatientSummary; unmet: Unmet[] } {
  const week = patientWeek(ctx, patient);
  // Inside a memo scope the list the requirement rules measured, not a second measurement.
  const measured = requirementsOf(ctx, patient);
  const requirements = measured.map((requirement) => requirementStatus(ctx, requirement));
  const id = ctx.problem.patients[patient]!.id;
  const unmet: Unmet[] = [];
  measured.forEach((requirement, index) => {
    if (requirement.shortfall === 0) return;
    const status = requirements[index]!;
    // Fields set one by one in the order a spread would give them (an empty week has tens of
    // thousands of these; spreading a conditional object copies it first).
    const entry = { rule: requirement.rule, patient: id, message: requirementMessage(ctx, patient, requirement), shortfall: requirement.shortfall } as Unmet;
    if (status.date !== undefined) entry.date = status.date;
    if (status.service !== undefined) entry.service = status.service;
    entry.causes = [];
    entry.repairs = [];
    unmet.push(entry);
  });
  const summary: PatientSummary = {
    patient: id,
    track: week.track >= 0 ? ctx.problem.tracks[week.track]!.id : null,
    minutes: week.totalMinutes,
    hours: week.totalMinutes / 60,
    days: WEEKDAYS.filter((_, day) => (week.meetingsByDay[day] ?? 0) > 0),
    services: servicesHeld(ctx, week.serviceCounts),
    requirements,
    met: requirements.every((r) => r.met),
    ...partialWeekSummary(ctx.problem, patient, week.track, week.rules.partialWeek),
  };
  const cadence = cadenceSummaries(ctx, patient);
  if (cadence.length > 0) summary.cadence = cadence;
  return { summary, unmet };
}

/**
 * Runs `rules` for one subject inside one memo scope, then, for a patient, writes their row and
 * unmet entries from the same scope: the patient rules and the patient's row share the week
 * measured once.
 */
function inSubjectScope(ctx: RuleContext, scope: Rule['scope'], subject: number, out: { patients: PatientSummary[]; unmet: Unmet[] }, rules: () => void): void {
  const opened = openEvaluationScope();
  try {
    rules();
    if (scope === 'patient') {
      const one = patientReport(ctx, subject);
      out.patients.push(one.summary);
      out.unmet.push(...one.unmet);
    }
  } finally {
    if (opened) closeEvaluationScope();
  }
}

/** The services a patient's week holds, with their counts, in catalogue order. */
function servicesHeld(ctx: RuleContext, counts: Int32Array): Array<{ service: string; count: number }> {
  const held: Array<{ service: string; count: number }> = [];
  for (const service of ctx.problem.services) {
    const count = counts[service.index] ?? 0;
    if (count > 0) held.push({ service: service.id, count });
  }
  return held;
}

/**
 * Runs every rule on every subject of `ctx` and assembles the report. `extraHard` holds
 * breaches found outside the catalogue (schedule integrity). `tick`, when given, is called every
 * few subjects (a budget's progress report: the report itself is never cut short). A soft rule weighted 0 is off: it
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
  tick?: () => void,
): Report {
  const found: Violation[][] = rules.map(() => []);
  const penalties = new Float64Array(rules.length);
  const ruleWeights = rules.map((rule) => ruleWeight(rule, weights));
  let current = 0;
  const emit: Emit = (penalty, detail) => {
    penalties[current]! += penalty;
    found[current]!.push(violationOf(rules[current]!, penalty, detail()));
  };
  const patients: PatientSummary[] = [];
  const unmet: Unmet[] = [];
  // Subject by subject within a scope (each rule's breaches still in subject order): one memo
  // scope per subject lets the six requirement rules, the triage rule and the patient's row
  // measure the patient's week once, not eight times.
  for (const scope of SCOPES) {
    const ofScope = rules.flatMap((rule, index) => (rule.scope === scope && ruleWeights[index] !== 0 ? [index] : []));
    const n = subjectCount(ctx, scope);
    for (let subject = 0; subject < n; subject++) {
      if ((subject & 63) === 0) tick?.();
      inSubjectScope(ctx, scope, subject, { patients, unmet }, () => {
        for (const ruleIndex of ofScope) {
          current = ruleIndex;
          rules[ruleIndex]!.evaluate(ctx, subject, emit);
        }
      });
    }
  }
  const violations: Violation[] = extraHard.map((v) => ({ ...v }));
  const byRule: RuleScore[] = [
    { rule: 'schedule-integrity', level: 'hard', violations: extraHard.length, penalty: extraHard.length, weighted: extraHard.length },
  ];
  rules.forEach((rule, index) => {
    for (const violation of found[index]!) violations.push(violation);
    byRule.push({ rule: rule.code, level: rule.level, violations: found[index]!.length, penalty: penalties[index]!, weighted: penalties[index]! * ruleWeights[index]! });
  });
  return assemble(byRule, violations, patients, unmet);
}

function violationOf(rule: Rule, penalty: number, detail: ViolationDetail): Violation {
  const violation: Violation = {
    rule: rule.code,
    level: rule.level,
    penalty,
    message: detail.message,
    meetings: detail.meetings ?? [],
    patients: detail.patients ?? [],
    staff: detail.staff ?? [],
    rooms: detail.rooms ?? [],
  };
  if (detail.date !== undefined) violation.date = detail.date;
  return violation;
}

/** The report of rule rows, violations in catalogue and subject order, and patient rows. */
function assemble(byRule: RuleScore[], violations: Violation[], patients: PatientSummary[], unmet: Unmet[]): Report {
  // By level, each level in catalogue and subject order (what a stable sort by level gives,
  // without sorting the tens of thousands of entries of a large, empty week).
  const byLevel: [Violation[], Violation[], Violation[]] = [[], [], []];
  for (const violation of violations) byLevel[LEVEL_ORDER[violation.level]].push(violation);
  violations.length = 0;
  for (const level of byLevel) for (const violation of level) violations.push(violation);
  const score: Score = { hard: 0, requirement: 0, soft: 0 };
  for (const row of byRule) score[row.level] += row.weighted;
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

const SCOPES: readonly RuleScope[] = ['meeting', 'patient', 'staff', 'room'];

/**
 * The report {@link buildReport} builds for `ctx` with the board's rules and weights, field for
 * field, from a `ScoreBoard` that scored this same timetable and is up to date (the solver's
 * `state.rescore()` first): rules run again, for their details, only on the subjects the board
 * holds a breach of them for; the rule rows and the score come out the same as from scratch.
 * `boardMeetings[i]` is the board's subject for meeting `i` of `ctx` (the solver's slots have
 * holes; a report names its meetings compactly); without it they coincide.
 *
 * A rule whose details do not add up to the board's totals for it is run again on every subject
 * (a safety net: the board's per-subject counts should make it never happen).
 *
 * @example
 * ```ts
 * engine.state.rescore();
 * const slots = engine.state.liveMeetings();
 * const meetings = slots.map((slot) => engine.state.meetings[slot]!);
 * const ctx = { problem: compiled, meetings, ...indexMeetings(compiled, meetings), previous: undefined };
 * const report = buildReportFromBoard(ctx, engine.state.board, [], slots);
 * ```
 */
export function buildReportFromBoard(
  ctx: RuleContext,
  board: ScoreBoard,
  extraHard: readonly Violation[] = [],
  boardMeetings?: ReadonlyArray<number>,
  tick?: () => void,
): Report {
  const rules = board.rules;
  const found: Violation[][] = rules.map(() => []);
  const penalties = new Float64Array(rules.length);
  const counts = new Float64Array(rules.length);
  let current = 0;
  const emit: Emit = (penalty, detail) => {
    found[current]!.push(violationOf(rules[current]!, penalty, detail()));
    penalties[current]! += penalty;
    counts[current]! += 1;
  };
  const run = (ruleIndex: number, subject: number): void => {
    current = ruleIndex;
    rules[ruleIndex]!.evaluate(ctx, subject, emit);
  };
  // Rules the report runs again, by scope: those the board saw break (a soft rule weighted 0 is
  // off and counts nothing).
  const active = new Map(SCOPES.map((scope) => [scope, [] as number[]]));
  rules.forEach((rule, index) => {
    if (board.weights[index] !== 0 && board.ruleTotals(index).violations > 0) active.get(rule.scope)!.push(index);
  });

  const patients: PatientSummary[] = [];
  const unmet: Unmet[] = [];
  for (const scope of SCOPES) {
    const broken = active.get(scope)!;
    const n = subjectCount(ctx, scope);
    const due: number[] = [];
    for (let subject = 0; subject < n; subject++) {
      if ((subject & 63) === 0) tick?.();
      const boardSubject = scope === 'meeting' && boardMeetings ? boardMeetings[subject]! : subject;
      // The board keeps each rule's breaches per subject: only those rules run again here.
      due.length = 0;
      for (const ruleIndex of broken) if (board.subjectViolations(ruleIndex, boardSubject) > 0) due.push(ruleIndex);
      if (due.length === 0 && scope !== 'patient') continue;
      inSubjectScope(ctx, scope, subject, { patients, unmet }, () => {
        for (const ruleIndex of due) run(ruleIndex, subject);
      });
    }
  }

  const violations: Violation[] = extraHard.map((v) => ({ ...v }));
  const byRule: RuleScore[] = [
    { rule: 'schedule-integrity', level: 'hard', violations: extraHard.length, penalty: extraHard.length, weighted: extraHard.length },
  ];
  rules.forEach((rule, index) => {
    const weight = board.weights[index]!;
    if (weight !== 0) {
      const kept = board.ruleTotals(index);
      if (kept.penalty !== penalties[index] || kept.violations !== counts[index]) {
        found[index] = [];
        penalties[index] = 0;
        counts[index] = 0;
        const n = subjectCount(ctx, rule.scope);
        for (let subject = 0; subject < n; subject++) {
          if ((subject & 63) === 0) tick?.();
          run(index, subject);
        }
      }
    }
    for (const violation of found[index]!) violations.push(violation);
    byRule.push({ rule: rule.code, level: rule.level, violations: counts[index]!, penalty: penalties[index]!, weighted: penalties[index]! * weight });
  });
  return assemble(byRule, violations, patients, unmet);
}
