/**
 * The clinics bench/sweep.ts runs: bench/generate.ts programmes, fast-check samples of
 * test/support/arbitraries, the built-in samples, and (hard sweeps) odd settings laid over them.
 */
import fc from 'fast-check';
import type { Problem } from '../src/model/problem.js';
import { sampleClinic } from '../src/sample/clinic.js';
import { adolescentProgram } from '../src/sample/adolescent.js';
import { addDays, daysBetween } from '../src/time/week.js';
import { generateProgram } from './generate.js';
import { feasibleProblemArbitrary, problemArbitrary } from '../test/support/arbitraries.js';

/**
 * Odd settings laid over a clinic (with SWEEP_HARD): another start-time spacing, another zone
 * (UTC, +14, half-hour and 45-minute offsets), and the whole week moved by whole weeks (every date
 * in the problem, RRULE dates too) onto a week that holds a DST change, into 1850 or to 9999-11-29
 * (four weeks before the last accepted: the weeks chain carries it three weeks on).
 */
interface Twist {
  granularityMinutes?: number;
  timeZone?: string;
  shiftWeeks?: number;
}

function twisted(problem: Problem, twist: Twist): Problem {
  const days = 7 * (twist.shiftWeeks ?? 0);
  const shift = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (days === 0) return value;
      return value
        .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => addDays(d, days))
        .replace(/\b(\d{4})(\d{2})(\d{2})(?=T|\b)/g, (_m, y: string, mo: string, d: string) => addDays(`${y}-${mo}-${d}`, days).replace(/-/g, ''));
    }
    if (Array.isArray(value)) return value.map(shift);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v)]));
    return value;
  };
  const result = shift(problem) as Problem;
  if (twist.granularityMinutes !== undefined) result.granularityMinutes = twist.granularityMinutes;
  if (twist.timeZone !== undefined) result.timeZone = twist.timeZone;
  return result;
}

function twist({ random, pick }: Chooser, hard: boolean): Twist {
  if (!hard || random() < 0.3) return {};
  const result: Twist = {};
  if (random() < 0.5) result.granularityMinutes = pick([5, 10, 20, 30, 60]);
  if (random() < 0.5) result.timeZone = pick(['UTC', 'Etc/GMT-14', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham', 'America/New_York', 'Europe/London']);
  // 2026-11-23 + 15 weeks: the week of 2027-03-14 (US clocks forward); + 48 weeks: 2027-10-25 week (Europe's fall back on 10-31).
  // Or far away: a week of local mean time (Los Angeles before 1883) and the last week accepted.
  if (random() < 0.5) result.shiftWeeks = pick([15, 48, 19, daysBetween('2026-11-23', '1850-01-07') / 7, daysBetween('2026-11-23', '9999-11-29') / 7]);
  return result;
}

export interface Clinic {
  family: string;
  /** How to build it again. */
  repro: string;
  patients: number;
  make: () => Problem;
}

/** A small seeded PRNG (mulberry32), so the sweep's choices repeat with its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** The sweep's seeded choices. */
export interface Chooser {
  random: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
}

/**
 * Seeded choices: the same seed, the same sweep.
 *
 * @example
 * ```ts
 * const { int } = chooser(1);
 * int(1, 6); // the same number on every run
 * ```
 */
export function chooser(seed: number): Chooser {
  const random = prng(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  return { random, int, pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)]! };
}

/** What to sweep. */
export interface SweepOptions {
  count: number;
  seed: number;
  /** One family only. */
  only?: string | undefined;
  /** Larger, tighter clinics with odd settings. */
  hard: boolean;
}

/**
 * The clinics of a sweep, in a fixed order for the seed.
 *
 * @example
 * ```ts
 * for (const clinic of clinics(chooser(1), { count: 20, seed: 1, hard: false })) solve(clinic.make());
 * ```
 */
export function clinics(choose: Chooser, { count, seed: sweepSeed, only, hard }: SweepOptions): Clinic[] {
  const { random, int, pick } = choose;
  const list: Clinic[] = [];
  const share = { generated: 0.5, random: 0.3, feasible: 0.2 };
  const want = (family: keyof typeof share): number => (only === undefined ? Math.round(count * share[family]) : only === family ? count : 0);
  const sizes = hard ? [300, 400, 600, 800] : [20, 30, 50, 80, 120, 200, 300, 450, 600];
  const tight = hard ? [1.0, 1.2, 1.4, 1.6, 2.0] : [0.5, 0.7, 0.9, 1.0, 1.1, 1.3, 1.6];
  for (let i = want('generated'); i > 0; i--) {
    const options = { patients: pick(sizes), tightness: pick(tight), seed: int(1, 1_000_000), holidays: random() < 0.3, partialWeeks: random() < 0.4 };
    const odd = twist(choose, hard);
    const shown = Object.keys(odd).length === 0 ? '' : ` twisted ${JSON.stringify(odd)}`;
    list.push({ family: 'generated', repro: `generateProgram(${JSON.stringify(options)})${shown}`, patients: options.patients, make: () => twisted(generateProgram(options), odd) });
  }
  const n = want('random');
  if (n > 0) {
    const maxPatients = hard ? 60 : 30;
    const samples = fc.sample(problemArbitrary({ maxPatients, maxTracks: hard ? 5 : 3 }), { numRuns: n, seed: sweepSeed });
    samples.forEach((p, i) => {
      const odd = twist(choose, hard);
      delete odd.shiftWeeks; // its weeks hold their own DST changes already
      const shown = Object.keys(odd).length === 0 ? '' : ` twisted ${JSON.stringify(odd)}`;
      list.push({ family: 'random', repro: `fc.sample(problemArbitrary({ maxPatients: ${maxPatients}, maxTracks: ${hard ? 5 : 3} }), { numRuns: ${n}, seed: ${sweepSeed} })[${i}]${shown}`, patients: p.patients.length, make: () => twisted(p, odd) });
    });
  }
  const f = want('feasible');
  if (f > 0) {
    const maxPatients = hard ? 30 : 14;
    const samples = fc.sample(feasibleProblemArbitrary({ maxPatients }), { numRuns: f, seed: sweepSeed });
    samples.forEach((c, i) => list.push({ family: 'feasible', repro: `fc.sample(feasibleProblemArbitrary({ maxPatients: ${maxPatients} }), { numRuns: ${f}, seed: ${sweepSeed} })[${i}].problem`, patients: c.problem.patients.length, make: () => structuredClone(c.problem) }));
  }
  if (only === undefined || only === 'sample') {
    for (const variant of ['base', 'overbooked'] as const) {
      for (const thanksgiving of [false, true]) {
        for (const workRules of [true, false]) {
          const options = { variant, thanksgiving, workRules };
          list.push({ family: 'sample', repro: `sampleClinic(${JSON.stringify(options)})`, patients: sampleClinic(options).patients.length, make: () => sampleClinic(options) });
        }
      }
    }
    list.push({ family: 'sample', repro: 'adolescentProgram()', patients: adolescentProgram().patients.length, make: () => adolescentProgram() });
  }
  return list;
}
