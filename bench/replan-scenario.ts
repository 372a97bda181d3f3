/**
 * The re-planning scenario of the bench, shared by run-one.ts (its re-planning row) and
 * replan-compare.ts (two builds side by side on one published week).
 */
import type { Change } from '../src/model/options.js';
import type { Patient, Problem } from '../src/model/problem.js';
import type { Report } from '../src/model/report.js';
import type { Schedule } from '../src/model/schedule.js';
import { loadavg } from 'node:os';
import { WEEKDAYS } from '../src/time/week.js';
import type { Library } from './library.js';
import { patientWeeks, provenImpossible } from './measure.js';

function hardOf(report: Report): { count: number; penalty: number } {
  const hard = report.violations.filter((v) => v.level === 'hard');
  return { count: hard.length, penalty: hard.reduce((sum, v) => sum + v.penalty, 0) };
}

/**
 * The scenario's changes on `problem`'s published week `previous`: the clinician with the most
 * group meetings out for their busiest day, and 10 admissions (copies of existing patients under
 * new ids); `null` when the week has no group meeting.
 *
 * @example
 * ```ts
 * const scenario = scenarioChanges(problem, schedule);
 * if (scenario) replan(problem, schedule, scenario.changes, { seed: 1, maxIterations: 20_000 });
 * ```
 */
export function scenarioChanges(problem: Problem, previous: Schedule): { staffId: string; date: string; admitted: Patient[]; changes: Change[] } | null {
  const groupServices = new Set(problem.services.filter((s) => s.kind === 'group').map((s) => s.id));
  const load = new Map<string, number>();
  for (const meeting of previous.meetings) {
    if (!groupServices.has(meeting.service)) continue;
    for (const staff of meeting.staff) load.set(`${staff} ${meeting.date}`, (load.get(`${staff} ${meeting.date}`) ?? 0) + 1);
  }
  const busiest = [...load].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!busiest) return null;
  const [staffId, date] = busiest[0].split(' ') as [string, string];
  const admitted = Array.from({ length: 10 }, (_, k): Patient => {
    const template = problem.patients[(k * 97) % problem.patients.length]!;
    const { avoid: _avoid, admittedOn: _admitted, dischargedOn: _discharged, ...rest } = template;
    return { ...structuredClone(rest), id: `bench-admit-${k + 1}`, admittedOn: problem.weekStart };
  });
  const changes: Change[] = [
    { kind: 'staff-out', staff: staffId, date },
    ...admitted.map((patient): Change => ({ kind: 'admit', patient })),
  ];
  return { staffId, date, admitted, changes };
}

/**
 * A 1,000-patient week re-planned after the clinician with the most group meetings calls out for
 * their busiest day and 10 patients (copies of existing ones under new ids) are admitted.
 *
 * @example
 * ```ts
 * const row = replanScenario(await loadLibrary(), problem, schedule, checkSchedule(problem, schedule));
 * ```
 */
export function replanScenario(library: Pick<Library, 'replan' | 'checkSchedule' | 'diagnose'>, problem: Problem, previous: Schedule, previousReport: Report): Record<string, unknown> {
  const { replan, checkSchedule, diagnose } = library;
  const scenario = scenarioChanges(problem, previous);
  if (!scenario) return { available: true, error: 'no group meeting to take a clinician out of' };
  const { staffId, date, admitted, changes } = scenario;
  // The problem as it now stands, for the checker: the clinician away that day, the admissions in.
  const changed: Problem = structuredClone(problem);
  changed.patients.push(...structuredClone(admitted));
  const member = changed.staff.find((s) => s.id === staffId)!;
  member.availability = {
    ...(member.availability ?? { weekly: [{ days: [...WEEKDAYS], start: '00:00', end: '24:00' }] }),
    except: [...(member.availability?.except ?? []), { date }],
  };

  const run = (options: { seed: number; timeLimitMs: number; maxIterations?: number } = { seed: 1, timeLimitMs: 2000 }): { schedule: Schedule; ms: number; cpuMs: number } => {
    const startedAt = performance.now();
    const cpu = process.cpuUsage();
    const { schedule } = replan(problem, previous, changes, options);
    const used = process.cpuUsage(cpu);
    return { schedule, ms: performance.now() - startedAt, cpuMs: (used.user + used.system) / 1000 };
  };
  // The first call in this process (cold: the re-planning code not yet compiled by the JIT), then
  // the median of 5 more of the same call (warm: what a long-running service sees).
  const { schedule, ms: replanMs } = run();
  const warm = Array.from({ length: 5 }, () => run());
  const warmRunsMs = warm.map((w) => w.ms);
  const replanWarmMs = [...warmRunsMs].sort((a, b) => a - b)[2]!;
  const replanWarmCpuMs = [...warm.map((w) => w.cpuMs)].sort((a, b) => a - b)[2]!;
  const warmSameSchedule = warm.every((w) => JSON.stringify(w.schedule) === JSON.stringify(schedule));
  // Reproducibility: twice with an iteration budget and a generous time limit.
  const bounded = { seed: 1, timeLimitMs: 60_000, maxIterations: 20_000 };
  const boundedRun = run(bounded);
  const deterministicWithMaxIterations = JSON.stringify(boundedRun.schedule) === JSON.stringify(run(bounded).schedule);
  const loadAverage = loadavg()[0];
  const admittedIds = new Set(admitted.map((p) => p.id));
  const impossible = provenImpossible(diagnose(changed));
  const before = patientWeeks(previous);
  // Patients fully served in the published week whom the re-planned week leaves short.
  const metBefore = new Set(previousReport.patients.filter((row) => row.met).map((row) => row.patient));
  const quality = (schedule: Schedule) => {
    const checked = checkSchedule(changed, schedule);
    const after = patientWeeks(schedule);
    let unchanged = 0;
    for (const patient of problem.patients) if ((before.get(patient.id) ?? '') === (after.get(patient.id) ?? '')) unchanged += 1;
    const admittedRows = checked.patients.filter((row) => admittedIds.has(row.patient));
    return {
      hardViolations: hardOf(checked).count,
      madeShort: checked.patients.filter((row) => metBefore.has(row.patient) && !row.met).length,
      admittedServed: admittedRows.filter((row) => row.met).length,
      admittedPossible: admittedRows.filter((row) => !impossible.has(row.patient)).length,
      unchanged,
    };
  };
  const first = quality(schedule);
  // The same figures for the run bounded by iterations (not the clock): on a loaded machine the
  // first call's may reflect the time limit more than the re-planning.
  const byIterations = quality(boundedRun.schedule);
  const { hardViolations, madeShort, admittedServed, admittedPossible, unchanged } = first;
  return {
    available: true,
    staffOut: staffId,
    date,
    replanMs,
    replanWarmMs,
    replanWarmRunsMs: warmRunsMs,
    replanWarmCpuMs,
    loadAverage,
    warmSameSchedule,
    deterministicWithMaxIterations,
    servedBeforeMadeShort: madeShort,
    hardViolations,
    admittedServed,
    admittedPossible,
    admitted: admitted.length,
    othersUnchanged: unchanged,
    others: problem.patients.length,
    unchangedShare: unchanged / problem.patients.length,
    bounded: { ...bounded, ms: boundedRun.ms, cpuMs: boundedRun.cpuMs, ...byIterations },
  };
}
