/**
 * What validation and compilation cost, the work no time limit can cut: per RRULE as its
 * expansion grows, per RRULE count in one availability, per weekly window in a problem, and per
 * patient. Run once on a quiet machine: `tsx bench/input-cost.ts [section...]` with sections
 * `rrule`, `many`, `windows`, `patients` (all by default). Prints a Markdown table.
 *
 * Every RRULE text is new to the process (the expander caches by text), so each figure is a
 * first expansion, as in a fresh problem.
 */
import { performance } from 'node:perf_hooks';
import { validateProblem } from '../src/input/validate.js';
import { compileProblem } from '../src/compiled/compile.js';
import { LIMITS } from '../src/input/limits.js';
import type { Availability, Problem } from '../src/model/problem.js';
import { generateProgram } from './generate.js';

interface Cost {
  validateMs: number;
  compileMs: number | undefined;
  cpuMs: number;
  heapMb: number;
  verdict: string;
}

function measure(problem: Problem): Cost {
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now();
  const result = validateProblem(problem);
  const t1 = performance.now();
  let compileMs: number | undefined;
  if (result.ok) {
    compileProblem(result.problem);
    compileMs = performance.now() - t1;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const verdict = result.ok ? 'accepted' : `rejected: ${result.issues[0]?.code} at ${result.issues[0]?.path}`;
  return {
    validateMs: t1 - t0,
    compileMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapMb: (process.memoryUsage().heapUsed - heapBefore) / 1e6,
    verdict,
  };
}

function row(label: string, cost: Cost): void {
  const compile = cost.compileMs === undefined ? '-' : cost.compileMs.toFixed(0);
  console.log(`| ${label} | ${cost.validateMs.toFixed(0)} | ${compile} | ${cost.cpuMs.toFixed(0)} | ${cost.heapMb.toFixed(0)} | ${cost.verdict} |`);
}

const range = (from: number, to: number, step = 1): string => {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values.join(',');
};

/** A 40-patient clinic whose first patient has `availability`. */
function withAvailability(availability: Availability): Problem {
  const problem = generateProgram({ patients: 40, seed: 1 });
  const patients = problem.patients.map((patient, index) => (index === 0 ? { ...patient, availability } : patient));
  return { ...problem, patients };
}

let unique = 0;
/** A DTSTART line no earlier case used (the expander caches by text). */
function dtstart(year: number): string {
  unique++;
  const minute = String(unique % 60).padStart(2, '0');
  const day = String(1 + (Math.floor(unique / 60) % 28)).padStart(2, '0');
  return `DTSTART:${year}01${day}T00${minute}00`;
}

function rruleSection(): void {
  const cases: Array<[string, string, number]> = [
    ['WEEKLY;BYDAY=MO,WE,FR (3/week)', 'FREQ=WEEKLY;BYDAY=MO,WE,FR', 2026],
    ['DAILY;BYHOUR=0..23 (168/week)', `FREQ=DAILY;BYHOUR=${range(0, 23)}`, 2026],
    ['DAILY;BYHOUR=0..23;BYMINUTE=0..55/5 (2,016/week)', `FREQ=DAILY;BYHOUR=${range(0, 23)};BYMINUTE=${range(0, 55, 5)}`, 2026],
    ['DAILY;BYHOUR=0..23;BYMINUTE=0..59 (10,080/week)', `FREQ=DAILY;BYHOUR=${range(0, 23)};BYMINUTE=${range(0, 59)}`, 2026],
    ['DAILY;BYHOUR x BYMINUTE x BYSECOND (604,800/week)', `FREQ=DAILY;BYHOUR=${range(0, 23)};BYMINUTE=${range(0, 59)};BYSECOND=${range(0, 59)}`, 2026],
    ['MONTHLY;BYMONTHDAY=1..31;BYHOUR=0..23 from 1900 (168/week)', `FREQ=MONTHLY;BYMONTHDAY=${range(1, 31)};BYHOUR=${range(0, 23)}`, 1900],
    ['DAILY;BYDAY=MO;COUNT=10^6;BYHOUR=0..23 from 1900 (24/week)', `FREQ=DAILY;BYDAY=MO;COUNT=1000000;BYHOUR=${range(0, 23)}`, 1900],
    ['YEARLY;BYMONTH=1..12;BYHOUR=0..23 from 1900 (168/week)', `FREQ=YEARLY;BYMONTH=${range(1, 12)};BYHOUR=${range(0, 23)}`, 1900],
  ];
  console.log('\n### One RRULE in one availability (40-patient clinic)\n');
  console.log('| rule | validate ms | compile ms | CPU ms | heap MB | verdict |\n|---|---|---|---|---|---|');
  for (const [label, rule, year] of cases) {
    row(label, measure(withAvailability({ rrule: [{ rule: `${dtstart(year)}\nRRULE:${rule}`, durationMinutes: 5 }] })));
  }
}

function manySection(): void {
  console.log('\n### N RRULEs in one availability (40-patient clinic)\n');
  console.log('| rrules | validate ms | compile ms | CPU ms | heap MB | verdict |\n|---|---|---|---|---|---|');
  for (const [n, rule, label] of [
    [10, 'FREQ=WEEKLY;BYDAY=MO', 'WEEKLY;BYDAY=MO'],
    [100, 'FREQ=WEEKLY;BYDAY=MO', 'WEEKLY;BYDAY=MO'],
    [1000, 'FREQ=WEEKLY;BYDAY=MO', 'WEEKLY;BYDAY=MO'],
    [100, `FREQ=DAILY;BYHOUR=${range(0, 23)}`, 'DAILY;BYHOUR=0..23'],
    [1000, `FREQ=DAILY;BYHOUR=${range(0, 23)}`, 'DAILY;BYHOUR=0..23'],
  ] as Array<[number, string, string]>) {
    const rrule = Array.from({ length: n }, () => ({ rule: `${dtstart(2026)}\nRRULE:${rule}`, durationMinutes: 60 }));
    row(`${n} x ${label}`, measure(withAvailability({ rrule })));
  }
}

function windowsSection(): void {
  console.log('\n### Weekly windows in a problem (patients x windows each)\n');
  console.log('| windows | validate ms | compile ms | CPU ms | heap MB | verdict |\n|---|---|---|---|---|---|');
  for (const [patients, each] of [
    [1000, 10],
    [1000, 100],
    [1000, 1000],
  ] as Array<[number, number]>) {
    const problem = generateProgram({ patients, seed: 1 });
    const weekly = Array.from({ length: each }, (_, i) => ({ days: ['MO' as const], start: `${String(8 + (i % 10)).padStart(2, '0')}:00`, end: '20:00' }));
    const many = { ...problem, patients: problem.patients.map((patient) => ({ ...patient, availability: { weekly } })) };
    row(`${patients} x ${each} = ${(patients * each).toLocaleString('en-US')}`, measure(many));
  }
}

/** The generator gives a 100,000-patient network more staff than `LIMITS.entities`: keep the first ones. */
function withinEntityLimit(problem: Problem): Problem {
  if (problem.staff.length <= LIMITS.entities) return problem;
  const staff = problem.staff.slice(0, LIMITS.entities);
  const kept = new Set(staff.map((member) => member.id));
  const patients = problem.patients.map((patient) => {
    if (patient.primaryStaff === undefined || kept.has(patient.primaryStaff)) return patient;
    const { primaryStaff: _dropped, ...rest } = patient;
    return rest;
  });
  return { ...problem, staff, patients };
}

function patientsSection(): void {
  console.log('\n### Patients (generated clinics)\n');
  console.log('| patients | validate ms | compile ms | CPU ms | heap MB | verdict |\n|---|---|---|---|---|---|');
  for (const patients of [1_000, 10_000, 50_000, 100_000]) {
    row(patients.toLocaleString('en-US'), measure(withinEntityLimit(generateProgram({ patients, seed: 1 }))));
  }
}

const sections: Record<string, () => void> = { rrule: rruleSection, many: manySection, windows: windowsSection, patients: patientsSection };
const chosen = process.argv.slice(2).filter((name) => name in sections);
for (const name of chosen.length > 0 ? chosen : Object.keys(sections)) sections[name]!();
