/**
 * Sweep: runs many clinics nobody tuned for and checks the library's promises on each. Not a
 * timed benchmark (wall time is printed, never failed on). Run:
 * `TZ=UTC npx tsx bench/sweep.ts [clinics=200] [seed=1] [maxIterations=1500]`
 * (`SWEEP_ONLY=generated|random|feasible|sample` runs one family; `SWEEP_HARD=1` larger, tighter
 * clinics with odd settings; `SWEEP_DUMP=folder` writes each failing re-planned week as JSON).
 *
 * Clinics (bench/sweep-clinics.ts): bench/generate.ts `generateProgram` (20-600 patients, tightness 0.5-1.6, holidays,
 * partial weeks, many seeds), fast-check samples of test/support/arbitraries (`problemArbitrary`
 * with the programme fields, `feasibleProblemArbitrary`) and the built-in samples (src/sample).
 *
 * Promises checked on each clinic (a failure is printed under its kind, with one reproducer):
 * - `solve` does not throw on valid input; a corrupted copy of the input makes `solve`,
 *   `checkSchedule`, `diagnose`, `replan` and `nextWeek` throw `ProblemError` with issues that have
 *   a path, a known code and a sentence;
 * - the timetable has 0 hard violations by `checkSchedule` from scratch, and the report's score
 *   equals `checkSchedule`'s score (a third of the clinics under random soft weights, some 0, or
 *   `triage: 'spread'`, given to both);
 * - the same problem, seed and maxIterations give the same timetable (two solves, JSON compared);
 * - the caller's problem is not mutated (deep-compared with a structuredClone taken before);
 * - `diagnose` and `explain` (bounded by maxIterations) do not throw; every `impossible` finding's
 *   patients have one of its requirements unmet in the week, and no more patients are fully
 *   served than `diagnose`'s bound; `feasible` and `allMet` agree with the score and `unmet`;
 * - `toICalendar`, `renderText`, `renderHtml` (each view), `toFhir` do not throw;
 * - `replan` with random changes, and `nextWeek` then `replan`, give valid problems and weeks with
 *   0 hard violations; three weeks chained (`nextWeek` with no-shows, `replan` to publish it, then
 *   `replan` with changes at a random `asOf`) stay valid with 0 hard, and each replan is deterministic and mutates nothing;
 * - the first repair `explain` proposes applies (`applyRepair`) to a valid problem that solves;
 * - a small time limit (50-300 ms, 300+ patients) returns a week with 0 hard violations; how far
 *   past its limit it returned is printed (the largest overshoot), not failed on.
 */
import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { Change } from '../src/model/options.js';
import type { Problem } from '../src/model/problem.js';
import type { Schedule, Solution } from '../src/model/schedule.js';
import { ProblemError } from '../src/model/issue.js';
import { ISSUE_CODES } from '../src/input/issue-codes.js';
import { validateProblem } from '../src/input/validate.js';
import { checkSchedule } from '../src/pipeline/check-schedule.js';
import { ruleCatalogue } from '../src/rules/catalogue.js';
import { solve } from '../src/pipeline/solve.js';
import { applyRepair, explain } from '../src/pipeline/explain.js';
import { diagnose } from '../src/diagnose/diagnose.js';
import { toICalendar } from '../src/export/ical.js';
import { toFhir } from '../src/export/fhir.js';
import { renderText } from '../src/export/text.js';
import { renderHtml } from '../src/export/html.js';
import { replan } from '../src/replan/replan.js';
import { nextWeek } from '../src/replan/next-week.js';
import { addDays } from '../src/time/week.js';
import { chooser, clinics, type Clinic } from './sweep-clinics.js';

const count = Number(process.argv[2] ?? 200);
const sweepSeed = Number(process.argv[3] ?? 1);
const maxIterations = Number(process.argv[4] ?? 1500);
const only = process.env.SWEEP_ONLY;
const hard = process.env.SWEEP_HARD === '1';
const LONG = 120_000;
const choose = chooser(sweepSeed);
const { random, int, pick } = choose;


/** A corrupted copy of a valid problem, and what was done to it. */
function corrupt(problem: Problem): { problem: Problem; what: string } {
  const bad = structuredClone(problem) as unknown as Record<string, unknown> & Problem;
  const patient = bad.patients[int(0, bad.patients.length - 1)]!;
  const service = bad.services[int(0, bad.services.length - 1)]!;
  switch (int(0, 7)) {
    case 0: (service as { durationMinutes: number }).durationMinutes = -15; return { problem: bad, what: 'negative duration' };
    case 1: patient.tracks = ['no-such-track']; return { problem: bad, what: 'unknown track' };
    case 2: bad.patients.push(structuredClone(patient)); return { problem: bad, what: 'duplicate patient id' };
    case 3: (bad as { weekStart: string }).weekStart = '2026-13-40'; return { problem: bad, what: 'bad weekStart' };
    case 4: (bad as { timeZone: string }).timeZone = 'Mars/Olympus'; return { problem: bad, what: 'bad timeZone' };
    case 5: (patient as { availability: unknown }).availability = { weekly: [{ days: ['XX'], start: '25:00', end: '09:00' }] }; return { problem: bad, what: 'bad availability' };
    case 6: (bad as { rooms: unknown }).rooms = 'none'; return { problem: bad, what: 'rooms not an array' };
    default: (patient as { admittedOn: string }).admittedOn = 'yesterday'; return { problem: bad, what: 'bad admittedOn' };
  }
}

const SOFT = ruleCatalogue().filter((r) => r.level === 'soft').map((r) => r.code);

function weighting(): { weights?: Record<string, number>; triage?: 'spread' | 'whole-patients' } {
  if (random() < 0.67) return {};
  const weights: Record<string, number> = {};
  for (const code of SOFT) if (random() < 0.3) weights[code] = pick([0, 0.5, 3, 25]);
  return random() < 0.5 ? { weights, triage: 'spread' } : { weights };
}

let admitted = 0;
let dumped = 0;
/** Writes a re-planning case that failed, to replay it alone (SWEEP_DUMP=folder). */
function dump(replay: { problem: Problem; schedule: Schedule; changes: Change[]; options: object }): void {
  if (process.env.SWEEP_DUMP) writeFileSync(`${process.env.SWEEP_DUMP}/weeks-${++dumped}.json`, JSON.stringify(replay));
}

/** Random valid changes to a published week, like test/replan/validity-case.ts. */
function changes(problem: Problem, schedule: Schedule): Change[] {
  const list: Change[] = [];
  const day = (): string => addDays(problem.weekStart, int(0, 6));
  for (let i = int(1, 4); i > 0; i--) {
    const attended = schedule.meetings.filter((m) => m.patients.length > 0);
    switch (int(0, 5)) {
      case 0: {
        const model = pick(problem.patients);
        const patient = { ...structuredClone(model), id: `sweep-admit-${++admitted}`, avoid: [] };
        if (problem.staff.find((s) => s.id === patient.primaryStaff)?.maxCaseload !== undefined) delete patient.primaryStaff;
        list.push({ kind: 'admit', patient });
        break;
      }
      case 1: {
        const patient = pick(problem.patients);
        const from = day();
        list.push({ kind: 'discharge', patient: patient.id, from: patient.admittedOn !== undefined && from < patient.admittedOn ? patient.admittedOn : from });
        break;
      }
      case 2: if (problem.staff.length > 0) list.push({ kind: 'staff-out', staff: pick(problem.staff).id, date: day() }); break;
      case 3: if (problem.rooms.length > 0) list.push({ kind: 'room-closed', room: pick(problem.rooms).id, date: day(), start: '12:00', end: '18:00' }); break;
      case 4: if (attended.length > 0) { const m = pick(attended); list.push({ kind: 'missed', meeting: m.id, patient: pick(m.patients) }); } break;
      default: if (schedule.meetings.length > 0) list.push({ kind: 'pin', meeting: pick(schedule.meetings).id });
    }
  }
  return list;
}

const failures = new Map<string, { n: number; repro: string }>();
let overshoot = { ms: -Infinity, repro: '' };
let limited = 0;
const skipped = new Map<string, number>();
function fail(kind: string, repro: string): void {
  const seen = failures.get(kind);
  if (seen) seen.n++;
  else failures.set(kind, { n: 1, repro });
  console.log(`  FAIL ${kind}`);
}
function attempt<T>(kind: string, repro: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    fail(`${kind} throws: ${String((error as Error).message ?? error).slice(0, 90)}`, repro);
    return undefined;
  }
}
const hardRules = (problem: Problem, schedule: Schedule): string =>
  [...new Set(checkSchedule(problem, schedule, { timeLimitMs: LONG }).violations.filter((v) => v.level === 'hard').map((v) => v.rule))].sort().join(',');

function checkReplan(label: string, repro: string, run: () => { problem: Problem; schedule: Schedule }): void {
  let result: { problem: Problem; schedule: Schedule };
  try {
    result = run();
  } catch (error) {
    if (error instanceof ProblemError) fail(`${label} rejects: ${error.issues.map((i) => `${i.path.replace(/\d+/g, 'i')} ${i.code}`).join(',')}`, repro);
    else fail(`${label} throws: ${String((error as Error).message).slice(0, 90)}`, repro);
    return;
  }
  const valid = validateProblem(result.problem);
  if (!valid.ok) return fail(`${label} invalid problem: ${valid.issues.map((i) => i.code).join(',')}`, repro);
  const broken = hardRules(result.problem, result.schedule);
  if (broken) fail(`${label} hard: ${broken}`, repro);
}

/**
 * Three weeks on from the published one: each carried by `nextWeek` (some no-shows recorded),
 * re-planned with random changes at a random `asOf` of its week; each week valid, 0 hard,
 * replan deterministic and not mutating its arguments.
 */
function weeks(first: Problem, published: Schedule, repro: string): void {
  let problem = first;
  let schedule = published;
  for (let week = 1; week <= 3; week++) {
    const attended = schedule.meetings.filter((m) => m.patients.length > 0);
    const attendance = attended.slice(0, 2).map((m) => ({ meeting: m.id, patient: m.patients[0]!, status: 'no-show' as const }));
    // The week is carried, repaired and published (replan with no change), then changed as it runs:
    // a carried week that was never repaired may hold sessions a discharge left too small, and
    // `asOf` or a `missed` change would freeze those as a record.
    const publish = { seed: 1, maxIterations: 300, timeLimitMs: LONG };
    const following = attempt(`nextWeek (week ${week})`, repro, () => nextWeek(problem, schedule, { attendance }));
    const carried = following && attempt(`replan to publish (week ${week})`, repro, () => replan(following.problem, following.schedule, [], publish));
    if (!following || !carried) return;
    const published = hardRules(carried.problem, carried.schedule);
    if (published) {
      dump({ problem: following.problem, schedule: following.schedule, changes: [], options: publish });
      return fail(`weeks: published week hard ${published}`, `${repro}, week ${week}`);
    }
    const list = changes(carried.problem, carried.schedule);
    const asOf = new Date(Date.parse(`${addDays(carried.problem.weekStart, int(0, 6))}T${String(int(0, 23)).padStart(2, '0')}:00:00Z`)).toISOString();
    const here = `${repro}, week ${week} changes ${JSON.stringify(list)} asOf ${asOf}`;
    const inputs = structuredClone({ carried, list });
    const options = { seed: 1, maxIterations: 300, timeLimitMs: LONG, asOf };
    let next: { problem: Problem; schedule: Schedule } | undefined;
    try {
      next = replan(carried.problem, carried.schedule, list, options);
    } catch (error) {
      if (error instanceof ProblemError) fail(`weeks: replan rejects: ${error.issues.map((i) => `${i.path.replace(/\d+/g, 'i')} ${i.code}`).join(',')}`, here);
      else fail(`weeks: replan throws: ${String((error as Error).message).slice(0, 90)}`, here);
      return;
    }
    if (!isDeepStrictEqual({ carried, list }, inputs)) fail('weeks: replan mutates its arguments', here);
    const again = attempt('weeks: second replan', here, () => replan(carried.problem, carried.schedule, list, options));
    if (again && JSON.stringify(again.schedule) !== JSON.stringify(next.schedule)) fail('weeks: same replan, different timetable', here);
    const valid = validateProblem(next.problem);
    if (!valid.ok) return fail(`weeks: invalid problem: ${valid.issues.map((i) => i.code).join(',')}`, here);
    const broken = hardRules(next.problem, next.schedule);
    if (broken) {
      // The exact case, to replay without the weeks before it (SWEEP_DUMP=folder).
      dump({ problem: carried.problem, schedule: carried.schedule, changes: list, options });
      return fail(`weeks: hard ${broken}`, here);
    }
    problem = next.problem;
    schedule = next.schedule;
  }
}

function sweepOne(clinic: Clinic, index: number): void {
  const problem = clinic.make();
  const seed = int(1, 1000);
  let repro = `${clinic.repro}, solve seed ${seed}, maxIterations ${maxIterations}`;
  const before = structuredClone(problem);
  const valid = validateProblem(problem);
  if (!valid.ok) {
    const codes = [...new Set(valid.issues.map((i) => `${i.path.replace(/\d+/g, 'i')} ${i.code}`))].join(',');
    // An odd spacing may put a template or window off the grid: validation refusing it is right.
    if (clinic.repro.includes('twisted')) return void skipped.set(codes, (skipped.get(codes) ?? 0) + 1);
    return fail(`clinic invalid: ${codes}`, repro);
  }
  // A third of the clinics solve under other weights (0 switches a rule off) or the other triage.
  const scoring = weighting();
  const options = { seed, maxIterations, timeLimitMs: LONG, ...scoring };
  const started = performance.now();
  if (Object.keys(scoring).length > 0) repro += `, ${JSON.stringify(scoring)}`;
  const solved: Solution | undefined = attempt('solve', repro, () => solve(problem, options));
  const solveMs = performance.now() - started;
  console.log(`#${index} ${clinic.family} ${clinic.patients}p ${solveMs.toFixed(0)} ms ${clinic.repro}`);
  if (!isDeepStrictEqual(problem, before)) fail('solve mutates the problem', repro);
  if (!solved) return;
  const { schedule, report } = solved;
  const checked = attempt('checkSchedule', repro, () => checkSchedule(problem, schedule, { timeLimitMs: LONG, ...scoring }));
  if (checked) {
    const broken = checked.violations.filter((v) => v.level === 'hard').map((v) => v.rule);
    if (broken.length > 0) fail(`solve hard: ${[...new Set(broken)].sort().join(',')}`, repro);
    if (!isDeepStrictEqual(checked.score, report.score)) fail(`report score differs from checkSchedule (${JSON.stringify(report.score)} vs ${JSON.stringify(checked.score)})`.replace(/[\d.]+/g, 'n'), repro);
  }
  const again = attempt('second solve', repro, () => solve(problem, options));
  if (again && JSON.stringify(again.schedule) !== JSON.stringify(schedule)) fail('same seed and maxIterations, different timetable', repro);
  if (!isDeepStrictEqual(problem, before)) fail('something mutates the problem', repro);

  const bad = corrupt(problem);
  const entries: Array<[string, () => unknown]> = [
    ['solve', () => solve(bad.problem, { seed, maxIterations: 10, timeLimitMs: LONG })],
    ['checkSchedule', () => checkSchedule(bad.problem, schedule)],
    ['diagnose', () => diagnose(bad.problem)],
    ['replan', () => replan(bad.problem, schedule, [], { seed, maxIterations: 10, timeLimitMs: LONG })],
    ['nextWeek', () => nextWeek(bad.problem, schedule)],
  ];
  for (const [name, run] of entries) {
    try {
      run();
      fail(`${name} accepts invalid input: ${bad.what}`, repro);
    } catch (error) {
      if (!(error instanceof ProblemError)) fail(`${name} on invalid input (${bad.what}) throws ${(error as Error).name}: ${String((error as Error).message).slice(0, 60)}`, repro);
      else if (error.issues.length === 0 || error.issues.some((i) => !i.path || !(Object.values(ISSUE_CODES) as string[]).includes(i.code) || !i.message)) fail(`${name} on invalid input (${bad.what}): issue without path, code or message`, repro);
    }
  }

  const diagnosis = attempt('diagnose', repro, () => diagnose(problem, { timeLimitMs: LONG }));
  if (diagnosis && checked?.feasible) {
    // Every finding is a proof: a timetable that keeps the hard rules leaves one of its requirements unmet.
    for (const finding of diagnosis.impossible) {
      for (const patient of finding.patients) {
        if (!checked.unmet.some((u) => u.patient === patient && finding.requirements.includes(u.rule))) {
          fail(`diagnose finding ${finding.code} proves unmeetable what the week meets`, `${repro}, patient ${patient}`);
        }
      }
    }
    const unserved = new Set(checked.unmet.map((u) => u.patient));
    const served = problem.patients.filter((p) => !unserved.has(p.id)).length;
    if (diagnosis.bound && served > diagnosis.bound.patients) fail(`diagnose bound below the patients the week serves (${diagnosis.bound.binding ? 'cut' : 'no cut'})`, `${repro}: ${served} > ${diagnosis.bound.patients}`);
  }
  if (checked && (checked.feasible !== (checked.score.hard === 0) || checked.allMet !== (checked.feasible && checked.unmet.length === 0))) fail('report flags disagree with its score', repro);
  if (clinic.patients <= 200) {
    const explained = attempt('explain', repro, () => explain(problem, solved, { maxIterations: 200, maxCandidates: 2, timeLimitMs: LONG }));
    // Every repair explain proposes applies to a valid problem that solves.
    const repair = explained?.unmet.flatMap((u) => u.repairs)[0];
    if (explained && repair) {
      const changed = attempt('applyRepair', repro, () => applyRepair(problem, explained, repair, schedule));
      const valid = changed && validateProblem(changed);
      if (changed === undefined && explained) fail(`applyRepair refuses explain's own repair (${repair.kind})`, repro);
      else if (valid && !valid.ok) fail(`applyRepair (${repair.kind}) gives an invalid problem: ${valid.issues.map((i) => i.code).join(',')}`, repro);
      else if (changed) attempt(`solve after applyRepair (${repair.kind})`, repro, () => solve(changed, { seed, maxIterations: 200, timeLimitMs: LONG }));
    }
  }
  attempt('toICalendar', repro, () => toICalendar(problem, schedule));
  attempt('toICalendar recurring', repro, () => toICalendar(problem, schedule, { recurring: true }));
  const subjects = [{ patient: pick(problem.patients).id }, ...(problem.staff.length > 0 ? [{ staff: pick(problem.staff).id }] : []), ...(problem.rooms.length > 0 ? [{ room: pick(problem.rooms).id }] : [])];
  for (const subject of subjects) {
    attempt(`toICalendar for ${Object.keys(subject)[0]}`, repro, () => toICalendar(problem, schedule, { for: subject, recurring: random() < 0.5 }));
    attempt(`toFhir for ${Object.keys(subject)[0]}`, repro, () => toFhir(problem, schedule, { for: subject }));
  }
  attempt('toFhir', repro, () => toFhir(problem, schedule));
  for (const by of ['track', 'room', 'staff', 'patient'] as const) {
    attempt(`renderText by ${by}`, repro, () => renderText(problem, schedule, { by }));
    attempt(`renderHtml by ${by}`, repro, () => renderHtml(problem, schedule, { by }));
  }
  if (checked?.feasible) {
    const list = changes(problem, schedule);
    checkReplan('replan', `${repro}, changes ${JSON.stringify(list)}`, () => replan(problem, schedule, list, { seed: 1, maxIterations: 300, timeLimitMs: LONG }));
    checkReplan('nextWeek+replan', repro, () => {
      const carried = nextWeek(problem, schedule);
      return replan(carried.problem, carried.schedule, [], { seed: 1, maxIterations: 300, timeLimitMs: LONG });
    });
    if (clinic.patients <= 200) weeks(problem, schedule, repro);
  }
  if (!isDeepStrictEqual(problem, before)) fail('explain/exports/replan mutate the problem', repro);

  if (clinic.patients >= 300) {
    const limit = pick([50, 100, 150, 200, 300]);
    const t0 = performance.now();
    const quick = attempt(`solve ${limit} ms`, repro, () => solve(problem, { seed, timeLimitMs: limit }));
    const over = performance.now() - t0 - limit;
    limited++;
    if (over > overshoot.ms) overshoot = { ms: over, repro: `${clinic.repro}, timeLimitMs ${limit}` };
    if (quick) {
      const broken = hardRules(problem, quick.schedule);
      if (broken) fail(`timeLimitMs ${limit}: hard ${broken}`, `${clinic.repro}, solve seed ${seed}, timeLimitMs ${limit}`);
    }
  }
}

const started = Date.now();
const list = clinics(choose, { count, seed: sweepSeed, only, hard });
list.forEach((clinic, i) => sweepOne(clinic, i));
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\nSweep ${new Date().toISOString()}: ${list.length} clinics (seed ${sweepSeed}, maxIterations ${maxIterations}${hard ? ', hard' : ''}${only ? `, ${only} only` : ''}) in ${minutes} min, load ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(limited === 0 ? 'No small time limit run (no clinic of 300+ patients).' : `Small time limits: ${limited} solves, largest overshoot ${overshoot.ms.toFixed(0)} ms (${overshoot.repro})`);
for (const [codes, n] of skipped) console.log(`Skipped ${n}: the odd settings make the clinic invalid (${codes}).`);
if (failures.size === 0) console.log('No failures.');
for (const [kind, { n, repro }] of [...failures].sort((a, b) => b[1].n - a[1].n)) console.log(`${String(n).padStart(4)}  ${kind}\n      e.g. ${repro}`);
process.exitCode = failures.size === 0 ? 0 : 1;
