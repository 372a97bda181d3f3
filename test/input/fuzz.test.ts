/**
 * Property tests: validation never throws, always answers a well-formed result, names the field
 * a broken reference sits in, and is idempotent on what it accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, WARNING_CODES } from '../../src/input/issue-codes.js';
import { validateProblem } from '../../src/input/validate.js';
import type { Problem } from '../../src/model/problem.js';
import { tinyProblem } from '../support/tiny.js';
import type { Loose } from './support.js';

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ISSUE_CODES));
const KNOWN_WARNINGS: ReadonlySet<string> = new Set(Object.values(WARNING_CODES));
// '' (the root), or segments: `name`, `.name`, `[3]`, `["odd key"]`.
const PATH = /^$|^(?:[A-Za-z_$][\w$]*|\[\d+\]|\[".*?"\])(?:\[\d+\]|\.[A-Za-z_$][\w$]*|\[".*?"\])*$/s;

/** The tiny clinic with every optional part filled, so mutations reach every reader. */
function richProblem(): Problem {
  const problem: Loose = tinyProblem();
  problem.granularityMinutes = 15;
  problem.closedDates = ['2026-11-26'];
  problem.rules = { minWeeklyHours: 6, maxWeeklyHours: 12, minDays: 2, maxDays: 4 };
  Object.assign(problem.tracks[0], {
    name: 'Evening',
    rules: { minDailyMinutes: 60, minDailyServices: 1 },
    curriculum: [{ service: 'process', min: 1, max: 3 }],
    template: [{ service: 'process', day: 'TU', start: '18:00' }],
  });
  problem.tracks[0].windows.except = [{ date: '2026-11-25', start: '18:00', end: '19:00' }];
  Object.assign(problem.services[0], { minSize: 2, maxSize: 6, eligibility: { requireTags: ['age:adult'] }, homogeneousBy: ['age:'] });
  problem.staff[0].availability = { rrule: [{ rule: 'DTSTART:20261102T170000\nRRULE:FREQ=WEEKLY;BYDAY=TU,WE,TH', durationMinutes: 240 }] };
  problem.rooms[0].availability = { weekly: [{ days: ['TU', 'WE', 'TH'], start: '17:00', end: '22:00' }] };
  Object.assign(problem.patients[0], {
    tags: ['age:adult'],
    requires: [{ service: 'individual', min: 1, max: 1 }],
    primaryStaff: 'clin-1',
    avoid: ['p2'],
    admittedOn: '2026-11-23',
    dischargedOn: '2026-11-30',
    preferences: { days: ['TU'], avoidDays: ['TH'] },
  });
  return problem as Problem;
}

/** Every path (as keys) to a value inside `value`. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [];
  const keys: Array<string | number> = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return keys.flatMap((key) => [[...prefix, key], ...pathsOf((value as Loose)[key], [...prefix, key])]);
}

const BASE = richProblem();
const BASE_PATHS = pathsOf(BASE);

function parentOf(root: Loose, path: ReadonlyArray<string | number>): Loose {
  return path.slice(0, -1).reduce((node: Loose, key) => node[key], root);
}

type Mutation = { kind: 'delete' | 'set'; at: number; value?: unknown } | { kind: 'duplicate'; collection: Collection; from: number; to: number };
type Collection = 'patients' | 'services' | 'staff' | 'rooms';

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(BASE_PATHS.length - 1) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(BASE_PATHS.length - 1), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), collection: fc.constantFrom<Collection>('patients', 'services', 'staff', 'rooms'), from: fc.nat(3), to: fc.nat(3) }),
);

function apply(problem: Loose, change: Mutation): void {
  if (change.kind === 'duplicate') {
    const items = problem[change.collection];
    const from = items?.[change.from % items.length];
    const to = items?.[change.to % items.length];
    if (from && to && typeof from === 'object' && typeof to === 'object') to.id = from.id;
    return;
  }
  const path = BASE_PATHS[change.at] ?? [];
  let parent: Loose;
  try {
    parent = parentOf(problem, path);
  } catch {
    return; // an earlier mutation removed the way there
  }
  if (typeof parent !== 'object' || parent === null) return;
  const key = path[path.length - 1] as string | number;
  if (change.kind === 'delete') delete parent[key];
  else parent[key] = change.value;
}

function expectWellFormed(result: ReturnType<typeof validateProblem>): void {
  if (result.ok) {
    expect(typeof result.problem).toBe('object');
  } else {
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(KNOWN_CODES.has(issue.code), issue.code).toBe(true);
      expect(issue.code).not.toBe(ISSUE_CODES.internalError);
      expect(issue.path).toMatch(PATH);
      expect(issue.message.length).toBeGreaterThan(0);
    }
  }
  for (const warning of result.warnings ?? []) expect(KNOWN_WARNINGS.has(warning.code)).toBe(true);
}

/** Reference sites of the rich problem: where, which collection the id must name, and how to break it. */
const REFERENCES: ReadonlyArray<{ path: string; target: Collection | 'tracks'; set: (problem: Loose, id: string) => void }> = [
  { path: 'patients[1].tracks[0]', target: 'tracks', set: (p, id) => (p.patients[1].tracks[0] = id) },
  { path: 'patients[0].primaryStaff', target: 'staff', set: (p, id) => (p.patients[0].primaryStaff = id) },
  { path: 'patients[0].avoid[0]', target: 'patients', set: (p, id) => (p.patients[0].avoid[0] = id) },
  { path: 'patients[0].requires[0].service', target: 'services', set: (p, id) => (p.patients[0].requires[0].service = id) },
  { path: 'tracks[0].curriculum[0].service', target: 'services', set: (p, id) => (p.tracks[0].curriculum[0].service = id) },
  { path: 'tracks[0].template[0].service', target: 'services', set: (p, id) => (p.tracks[0].template[0].service = id) },
];

/** Whether the id at a reference site must be reported: the site and its target list survived the other mutations. */
function mustReport(input: Loose, site: (typeof REFERENCES)[number], id: string): boolean {
  const items: unknown = input[site.target];
  if (!Array.isArray(items) || items.length > 10_000) return false;
  if (items.some((item) => typeof item === 'object' && item !== null && (item as { id?: unknown }).id === id)) return false;
  if (site.target === 'patients' && input.patients[0]?.id === id) return false; // self-reference instead
  return id.length <= 200;
}

/** 'a[0].b' -> ['a', 'a[0]']: the paths of the containers of a path. */
function ancestorsOf(path: string): string[] {
  const cuts = [...path.matchAll(/[.[]/g)].map((match) => match.index);
  return cuts.filter((cut) => cut > 0).map((cut) => path.slice(0, cut));
}

describe('validateProblem under fuzzing', () => {
  it('accepts the rich base problem', () => {
    const result = validateProblem(richProblem());
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('never throws on anything, and answers a well-formed result', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }), (input) => {
        expectWellFormed(validateProblem(input));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on JSON values shaped like a problem', () => {
    const shaped = fc.record(
      { timeZone: fc.jsonValue({ maxDepth: 1 }), weekStart: fc.jsonValue({ maxDepth: 1 }), tracks: fc.jsonValue(), services: fc.jsonValue(), staff: fc.jsonValue(), rooms: fc.jsonValue(), patients: fc.jsonValue() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), shaped), (input) => {
        expectWellFormed(validateProblem(input));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated valid problems, never mutates them, and is idempotent on what it accepts', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
        const input: Loose = richProblem();
        for (const change of changes) apply(input, change);
        const before = JSON.stringify(input);
        const result = validateProblem(input);
        expect(JSON.stringify(input)).toBe(before);
        expectWellFormed(result);
        if (result.ok) {
          const again = validateProblem(result.problem);
          expect(again.ok && again.problem).toEqual(result.problem);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('names the field of a duplicated id', () => {
    fc.assert(
      fc.property(fc.constantFrom<Collection>('patients', 'services', 'staff', 'rooms'), fc.nat(3), fc.nat(3), (collection, a, b) => {
        const input: Loose = richProblem();
        const size = input[collection].length;
        const [from, to] = [a % size, b % size];
        fc.pre(from !== to);
        input[collection][to].id = input[collection][from].id;
        const result = validateProblem(input);
        expect(result.ok ? [] : result.issues.map((issue) => `${issue.path} ${issue.code}`)).toContain(`${collection}[${Math.max(from, to)}].id duplicate-id`);
      }),
      { numRuns: 50 },
    );
  });

  it('names the field of a broken reference, whatever the unknown id and other damage', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REFERENCES), fc.string({ minLength: 1, maxLength: 30 }), fc.array(mutation, { maxLength: 3 }), (site, id, others) => {
        const input: Loose = richProblem();
        for (const change of others) apply(input, change);
        try {
          site.set(input, id);
        } catch {
          return; // the other mutations removed the site
        }
        fc.pre(mustReport(input, site, id));
        const result = validateProblem(input);
        const issues = result.ok ? [] : result.issues;
        // A damaged container (a patient turned into a string) hides what is inside it, by design.
        fc.pre(!issues.some((issue) => ancestorsOf(site.path).includes(issue.path)));
        expect(issues.filter((issue) => issue.path === site.path).map((issue) => issue.code)).toContain('unknown-reference');
      }),
      { numRuns: 200 },
    );
  });
});

/** Keys whose strings have a format of their own (times, dates, zones, days, choices): other checks may speak first. */
const FORMAT_KEYS: ReadonlySet<string | number> = new Set(['timeZone', 'weekStart', 'closedDates', 'start', 'end', 'date', 'day', 'days', 'avoidDays', 'admittedOn', 'dischargedOn', 'kind', 'telehealth']);

function pathText(path: ReadonlyArray<string | number>): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}

describe('validateProblem on ill-formed Unicode', () => {
  const leaves = BASE_PATHS.filter((path) => typeof parentOf(BASE, path)[path[path.length - 1] as string | number] === 'string');

  it('rejects a lone surrogate in every string it reads, at that string, as ill-formed-unicode', () => {
    expect(leaves.length).toBeGreaterThan(40);
    for (const path of leaves) {
      for (const lone of ['\uD83D', '\uDE00']) {
        const input: Loose = richProblem();
        const parent = parentOf(input, path);
        const key = path[path.length - 1] as string | number;
        parent[key] = `${String(parent[key]).slice(0, 1)}${lone}${String(parent[key]).slice(1)}`;
        const result = validateProblem(input);
        const here = result.ok ? [] : result.issues.filter((issue) => issue.path === pathText(path)).map((issue) => issue.code);
        if (path.some((segment) => FORMAT_KEYS.has(segment))) expect(here.length, pathText(path)).toBeGreaterThan(0);
        else expect(here, pathText(path)).toContain(ISSUE_CODES.illFormedUnicode);
      }
    }
  });

  it('accepts well-formed astral characters (a surrogate pair is not lone)', () => {
    const input: Loose = richProblem();
    input.patients[3].id = '😀'.repeat(100);
    input.services[0].name = 'Group 😀';
    expect(validateProblem(input).ok).toBe(true);
  });
});
