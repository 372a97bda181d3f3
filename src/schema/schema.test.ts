/**
 * The shipped JSON Schemas against the validator: never stricter than `validateProblem` (every
 * input the schema rejects, the validator rejects too), and every valid problem, sample and
 * solved schedule passes them.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateProblem } from '../input/validate.js';
import type { Problem } from '../model/problem.js';
import { solve } from '../pipeline/solve.js';
import { sampleClinic } from '../sample/clinic.js';
import { feasibleProblemArbitrary, problemArbitrary } from '../../test/support/arbitraries.js';
import { tinyProblem } from '../../test/support/tiny.js';
import type { Loose } from '../../test/input/support.js';
import { problemSchema } from './problem-schema.js';
import { scheduleSchema } from './schedule-schema.js';
import { SCHEMA_DIR, schemaFiles } from './write.js';

// ajv-formats is CommonJS with a default export; under NodeNext its default import is the module.
const addFormats = ((addFormatsModule as Loose).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

/** A validator for `schema` in ajv's strict mode (unknown keywords and formats are errors). */
export function compile(schema: object): ValidateFunction {
  const ajv = new Ajv2020({ strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

const problemValid = compile(problemSchema());
const scheduleValid = compile(scheduleSchema());
const errorsOf = (validate: ValidateFunction, value: unknown): string[] =>
  validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);

/** Every path (as keys) to a value inside `value`. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [];
  const keys: Array<string | number> = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return keys.flatMap((key) => [[...prefix, key], ...pathsOf((value as Loose)[key], [...prefix, key])]);
}

/** The tiny clinic with every optional field of every entity filled, meta and $schema included. */
function richProblem(): Problem {
  const problem: Loose = tinyProblem();
  Object.assign(problem, {
    $schema: 'https://iop-scheduler.dev/schema/problem.schema.json',
    granularityMinutes: 15,
    closedDates: ['2026-11-26'],
    rules: { minWeeklyHours: 6, maxWeeklyHours: 12, minDays: 2, maxDays: 4, maxDailyHours: 4, minDailyMinutes: 60, minDailyServices: 1 },
    meta: { clinic: 'north', codes: ['H0015'] },
  });
  Object.assign(problem.tracks[0], {
    name: 'Evening',
    rules: { minDailyMinutes: 60 },
    curriculum: [{ service: 'process', min: 1, max: 3 }],
    template: [{ service: 'process', day: 'TU', start: '18:00' }],
    meta: { ehr: 'T-1' },
  });
  problem.tracks[0].windows.except = [{ date: '2026-11-25', start: '18:00', end: '19:00' }, { date: '2026-11-27' }];
  Object.assign(problem.services[0], {
    name: 'Process group', minSize: 2, maxSize: 6, primaryOnly: false, telehealth: 'never', withFamily: false, countsTowardHours: true,
    eligibility: { requireTags: ['age:adult'], excludeTags: ['dx:none'] }, homogeneousBy: ['age:'], trackBound: true, meta: { billing: 'H0015' },
  });
  problem.services[0].staff[0] = { credentials: ['LCSW', 'LMFT'], tags: ['lang:en'], count: 1 };
  Object.assign(problem.services[1], { minSize: 1, maxSize: 1 });
  Object.assign(problem.staff[0], {
    name: 'Clinician', tags: ['lang:en'], maxWeeklyHours: 30, maxDailyHours: 8, meta: { npi: '1234567890' },
    availability: { rrule: [{ rule: 'DTSTART:20261102T170000\nRRULE:FREQ=WEEKLY;BYDAY=TU,WE,TH', durationMinutes: 240 }] },
  });
  Object.assign(problem.rooms[0], { name: 'Room A', availability: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '17:00', end: '24:00' }] }, meta: {} });
  Object.assign(problem.patients[0], {
    tags: ['age:adult'],
    requires: [{ service: 'individual', min: 1, max: 1 }],
    primaryStaff: 'clin-1',
    avoid: ['p2'],
    telehealth: true,
    admittedOn: '2026-11-23',
    dischargedOn: '2026-11-30',
    preferences: { days: ['TU'], avoidDays: ['TH'] },
    availability: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '17:00', end: '22:00' }] },
    familyAvailability: { weekly: [{ days: ['WE'], start: '18:00', end: '20:00' }] },
    rules: { minWeeklyHours: 3 },
    meta: { mrn: 'M-1', nested: { a: [1, { b: null }] } },
  });
  return problem as Problem;
}

/**
 * Bases for the exhaustive mutations. Minimum and maximum fields check each other, so a bound of
 * one is reachable only when the other leaves room: the 'wide' problem sets every minimum to its
 * bottom and every maximum to its top, so one change can take either to any value in range.
 */
function baseProblem(kind: 'full' | 'wide'): Problem {
  const problem: Loose = richProblem();
  if (kind === 'full') return problem;
  const rules = { minWeeklyHours: 0, maxWeeklyHours: 168, minDays: 0, maxDays: 7, maxDailyHours: 24, minDailyMinutes: 0, minDailyServices: 0 };
  problem.rules = { ...rules };
  problem.tracks[0].rules = { ...rules };
  problem.patients[0].rules = { ...rules };
  problem.tracks[0].curriculum = [{ service: 'process', min: 0, max: 1000 }];
  problem.patients[0].requires = [{ service: 'individual', min: 0, max: 1000 }];
  Object.assign(problem.services[0], { minSize: 1, maxSize: 1000 });
  Object.assign(problem.patients[0], { admittedOn: '0100-01-01', dischargedOn: '9999-12-31' });
  return problem as Problem;
}

/** Values at and around every bound the validator has, and of every wrong type. */
const TRICKY: readonly unknown[] = [
  null, true, false, {}, [], [''], ['MO'], ['XX'], [{}], [null],
  -1, 0, 0.5, 1, 2, 2.5, 3, 5, 7, 8, 12, 13, 24, 24.5, 25, 45, 50, 55, 60, 168, 169, 288, 289, 999, 1000, 1001, 1439, 1440, 1441, 1445, 1e9, -0,
  '', 'x', 'MO', 'XX', 'mo', 'group', 'individual', 'never', 'allowed', 'only', 'in-person',
  '00:00', '09:00', '9:00', '23:59', '24:00', '24:01', '12:60', '18:00',
  '2026-11-23', '2026-11-24', '2026-02-29', '2028-02-29', '2026-13-01', '0099-01-01', '2026-1-01',
  'America/Los_Angeles', 'Mars/Base', 'DTSTART:20261102T170000\nRRULE:FREQ=WEEKLY;BYDAY=TU', 'DTSTART:20261102T170000Z\nRRULE:FREQ=WEEKLY',
  'x'.repeat(200), 'x'.repeat(201), 'x'.repeat(1000), 'x'.repeat(1001), 'x'.repeat(2001),
];

type Mutation = { kind: 'delete' } | { kind: 'set'; value: unknown } | { kind: 'add'; key: string; value: unknown };

/** Applies `mutation` at `path` of `root` in place; answers how to undo it. */
function apply(root: unknown, path: ReadonlyArray<string | number>, mutation: Mutation): () => void {
  const key = path[path.length - 1]!;
  const parent: Loose = path.slice(0, -1).reduce((node: Loose, k) => node[k], root);
  const had = Object.hasOwn(parent, key);
  const before: unknown = parent[key];
  const restore = (): void => {
    if (had) parent[key] = before;
    else delete parent[key];
  };
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) {
      parent.splice(key as number, 1);
      return () => parent.splice(key as number, 0, before);
    }
    delete parent[key];
    return restore;
  }
  if (mutation.kind === 'set') {
    parent[key] = mutation.value;
    return restore;
  }
  if (typeof before === 'object' && before !== null && !Array.isArray(before)) {
    const target = before as Loose;
    const hadKey = Object.hasOwn(target, mutation.key);
    const old: unknown = target[mutation.key];
    target[mutation.key] = mutation.value;
    return () => {
      if (hadKey) target[mutation.key] = old;
      else delete target[mutation.key];
    };
  }
  parent[key] = { [mutation.key]: mutation.value };
  return restore;
}

/** `problem`, deep-copied, after `mutation` at `path`. */
function mutate(problem: unknown, path: ReadonlyArray<string | number>, mutation: Mutation): unknown {
  const copy: unknown = structuredClone(problem);
  apply(copy, path, mutation);
  return copy;
}

/** Whether the schema is no stricter than the validator on `input`; counts what each said. */
function agrees(input: unknown, tally: { schemaRejects: number; onlyValidatorRejects: number }): boolean {
  const bySchema = problemValid(input);
  const byValidator = validateProblem(input).ok;
  if (!bySchema) tally.schemaRejects += 1;
  else if (!byValidator) tally.onlyValidatorRejects += 1;
  return bySchema || !byValidator;
}

describe('problem.schema.json', () => {
  it('is the file the sources write (run `npm run schema` after changing them)', () => {
    for (const [name, text] of schemaFiles()) expect(readFileSync(new URL(name, SCHEMA_DIR), 'utf8'), name).toBe(text);
  });

  it('passes examples/problem.json, the sample clinics and a problem using every field', () => {
    const example: unknown = JSON.parse(readFileSync(new URL('../../examples/problem.json', import.meta.url), 'utf8'));
    for (const problem of [example, sampleClinic(), sampleClinic({ variant: 'overbooked' }), sampleClinic({ thanksgiving: true }), richProblem()]) {
      expect(validateProblem(problem).ok).toBe(true);
      expect(errorsOf(problemValid, problem)).toEqual([]);
    }
  });

  it('passes every random valid problem, with meta added anywhere', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 12 }), fc.jsonValue(), (problem, extra) => {
        expect(errorsOf(problemValid, problem)).toEqual([]);
        const withMeta: Loose = structuredClone(problem);
        withMeta.meta = { extra };
        withMeta.patients[0].meta = { extra };
        withMeta.services[0].meta = { extra };
        const valid = validateProblem(withMeta);
        expect(valid.ok).toBe(true);
        expect(errorsOf(problemValid, withMeta)).toEqual([]);
        // The valid problem (defaults filled in) passes too: it can be stored and read back.
        if (valid.ok) expect(errorsOf(problemValid, JSON.parse(JSON.stringify(valid.problem)))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  // Every path of two full problems, every tricky value (about 50,000 cases), one test per part.
  const SECTIONS = ['tracks', 'services', 'staff', 'rooms', 'patients', 'the root'] as const;
  const BASES = ['full', 'wide'] as const;
  it.each(BASES.flatMap((kind) => SECTIONS.map((section) => [kind, section] as const)))('rejects nothing validateProblem accepts: the %s problem, every path under %s, every tricky value', (kind, section) => {
    const base = baseProblem(kind);
    const tally = { schemaRejects: 0, onlyValidatorRejects: 0 };
    const disagreements: string[] = [];
    const paths = pathsOf(base).filter((path) => (section === 'the root' ? !SECTIONS.includes(path[0] as never) : path[0] === section));
    for (const path of paths) {
      const mutations: Mutation[] = [{ kind: 'delete' }, ...TRICKY.map((value): Mutation => ({ kind: 'set', value })), { kind: 'add', key: 'unknownField', value: 1 }];
      for (const mutation of mutations) {
        // In place and undone: a copy per case would cost more than both checks.
        const undo = apply(base, path, mutation);
        if (!agrees(base, tally)) disagreements.push(`${path.join('.')} ${JSON.stringify(mutation).slice(0, 80)}`);
        undo();
      }
    }
    if (section === 'the root') {
      for (const key of ['unknownField', '$schema', 'meta']) {
        for (const value of TRICKY) if (!agrees({ ...base, [key]: value }, tally)) disagreements.push(`${key} ${JSON.stringify(value).slice(0, 40)}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(base).toEqual(baseProblem(kind)); // every change was undone
    // The schema does reject most mutations: it is a real check, not a pass-all.
    expect(tally.schemaRejects).toBeGreaterThan(paths.length * 20);
  });

  it('rejects nothing validateProblem accepts: random mutations of random problems', () => {
    const tally = { schemaRejects: 0, onlyValidatorRejects: 0 };
    const mutation: fc.Arbitrary<Mutation> = fc.oneof(
      fc.constant<Mutation>({ kind: 'delete' }),
      fc.constantFrom(...TRICKY).map((value): Mutation => ({ kind: 'set', value })),
      fc.jsonValue().map((value): Mutation => ({ kind: 'set', value })),
      fc.tuple(fc.constantFrom('unknownField', 'meta', 'name', 'id', 'min', 'max', 'count'), fc.constantFrom(...TRICKY)).map(([key, value]): Mutation => ({ kind: 'add', key, value })),
    );
    const cases = problemArbitrary({ maxPatients: 6 }).chain((problem) => {
      const paths = pathsOf(problem);
      return fc.tuple(fc.constant(problem), fc.array(fc.tuple(fc.constantFrom(...paths), mutation), { minLength: 1, maxLength: 3 }));
    });
    fc.assert(
      fc.property(cases, ([problem, changes]) => {
        let input: unknown = problem;
        for (const [path, change] of changes) {
          try {
            input = mutate(input, path, change);
          } catch {
            return; // an earlier change removed the path
          }
        }
        expect(agrees(input, tally)).toBe(true);
      }),
      { numRuns: 400 },
    );
    expect(tally.schemaRejects).toBeGreaterThan(100);
  });
});

describe('schedule.schema.json', () => {
  it('passes solved schedules, with meta on meetings, and rejects a malformed one', () => {
    const problem = sampleClinic();
    const { schedule } = solve(problem, { seed: 1, maxIterations: 300, timeLimitMs: 60_000 });
    expect(schedule.meetings.length).toBeGreaterThan(0);
    expect(errorsOf(scheduleValid, schedule)).toEqual([]);
    const withMeta: Loose = structuredClone(schedule);
    withMeta.meetings[0].meta = { ehrAppointment: 'A-1' };
    withMeta.meetings[0].revision = 2;
    expect(errorsOf(scheduleValid, withMeta)).toEqual([]);
    for (const broken of [
      (s: Loose) => delete s.meetings[0].startsAt,
      (s: Loose) => (s.meetings[0].day = 'Monday'),
      (s: Loose) => (s.meetings[0].start = '7:00'),
      (s: Loose) => (s.meetings[0].mode = 'phone'),
      (s: Loose) => (s.meetings[0].extra = 1),
      (s: Loose) => (s.meetings[0].meta = 'A-1'),
    ]) {
      const copy: Loose = structuredClone(schedule);
      broken(copy);
      expect(scheduleValid(copy)).toBe(false);
    }
  });

  it('passes the known timetables of random feasible problems', () => {
    fc.assert(
      fc.property(feasibleProblemArbitrary(), ({ schedule }) => {
        expect(errorsOf(scheduleValid, schedule)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
