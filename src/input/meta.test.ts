import { describe, expect, it } from 'vitest';
import { issuesAfter, type Loose } from '../../test/input/support.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { Context } from './context.js';
import { LIMITS } from './limits.js';
import { readMeta } from './meta.js';
import { validateProblem } from './validate.js';

const SECRET = 'ssn-123-45-6789';

describe('meta and $schema', () => {
  it('are accepted on the problem and on every entity, and copied into the valid problem', () => {
    const input: Loose = tinyProblem();
    input.$schema = 'https://iop-scheduler.dev/schema/problem.schema.json';
    input.meta = { clinic: 'north', ids: [1, 2, { deep: null }], ok: true };
    for (const list of [input.tracks, input.services, input.staff, input.rooms, input.patients]) list[0].meta = { ehrId: 'E-1', note: SECRET };
    const result = validateProblem(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problem.$schema).toBe(input.$schema);
    expect(result.problem.meta).toEqual(input.meta);
    expect(result.problem.meta).not.toBe(input.meta);
    expect((result.problem.meta as Loose).ids[2]).not.toBe(input.meta.ids[2]);
    expect(result.problem.patients[0]!.meta).toEqual({ ehrId: 'E-1', note: SECRET });
    expect(result.problem.rooms[0]!.meta).toEqual({ ehrId: 'E-1', note: SECRET });
  });

  it('reject a $schema that is no string, and meta that is no object', () => {
    expect(issuesAfter((p) => (p.$schema = 7))).toEqual(['$schema invalid-type']);
    expect(issuesAfter((p) => (p.meta = []))).toEqual(['meta invalid-type']);
    expect(issuesAfter((p) => (p.patients[1].meta = 'E-1'))).toEqual(['patients[1].meta invalid-type']);
    expect(issuesAfter((p) => (p.services[0].meta = null))).toEqual(['services[0].meta invalid-type']);
  });

  it('refuse what is not JSON, at the path of the value, without showing it', () => {
    const cases: Array<[unknown, string]> = [
      [{ at: new Date() }, 'staff[0].meta.at not-json'],
      [{ f: () => SECRET }, 'staff[0].meta.f not-json'],
      [{ n: Number.NaN }, 'staff[0].meta.n not-json'],
      [{ list: [1, undefined] }, 'staff[0].meta.list[1] not-json'],
      [{ big: 1n }, 'staff[0].meta.big not-json'],
      [{ m: new Map([[SECRET, 1]]) }, 'staff[0].meta.m not-json'],
    ];
    for (const [meta, expected] of cases) {
      const input: Loose = tinyProblem();
      input.staff[0].meta = meta;
      const result = validateProblem(input);
      expect(result.ok ? [] : result.issues.map((i) => `${i.path} ${i.code}`)).toEqual([expected]);
      expect(JSON.stringify(result)).not.toContain(SECRET);
    }
  });

  it('refuse a cycle, and accept the same object twice (no cycle)', () => {
    const cyclic: Loose = { a: { b: {} } };
    cyclic.a.b.back = cyclic.a;
    expect(issuesAfter((p) => (p.rooms[0].meta = cyclic))).toEqual(['rooms[0].meta.a.b.back not-json']);
    const shared = { x: 1 };
    expect(issuesAfter((p) => (p.rooms[0].meta = { one: shared, two: shared }))).toEqual([]);
  });

  it('bound the JSON length exactly at LIMITS.metaLength', () => {
    const overhead = JSON.stringify({ s: '' }).length;
    const fits = { s: 'x'.repeat(LIMITS.metaLength - overhead) };
    expect(JSON.stringify(fits).length).toBe(LIMITS.metaLength);
    expect(issuesAfter((p) => (p.patients[0].meta = fits))).toEqual([]);
    expect(issuesAfter((p) => (p.patients[0].meta = { s: `${fits.s}x` }))).toEqual(['patients[0].meta.s too-large']);
    // Escapes count as JSON writes them.
    const quoted = { s: `${'x'.repeat(LIMITS.metaLength - overhead - 1)}"` };
    expect(JSON.stringify(quoted).length).toBe(LIMITS.metaLength + 1);
    expect(issuesAfter((p) => (p.patients[0].meta = quoted))).toEqual(['patients[0].meta.s too-large']);
    // Many small entries count too: keys, colons and commas.
    const many = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 1]));
    expect(issuesAfter((p) => (p.patients[0].meta = many))).toEqual(['patients[0].meta too-large']);
  });

  it('count exactly what JSON.stringify writes', () => {
    const base = { a: [1, -0.5, 1e21, true, false, null, 'é"\n\u0001'], b: {}, c: [], 'odd key': { d: [[]] }, skipped: undefined, pad: '' };
    const pad = 'x'.repeat(LIMITS.metaLength - JSON.stringify(base).length);
    const fits = { ...base, pad };
    expect(JSON.stringify(fits).length).toBe(LIMITS.metaLength);
    const context = new Context();
    expect(readMeta(fits, 'meta', context)).toEqual(JSON.parse(JSON.stringify(fits)));
    expect(context.issues).toEqual([]);
    expect(readMeta({ ...base, pad: `${pad}x` }, 'meta', context)).toBeUndefined();
    expect(context.issues.map((i) => `${i.path} ${i.code}`)).toEqual(['meta.pad too-large']);
  });

  it('bound the depth at LIMITS.metaDepth', () => {
    const nest = (levels: number): Loose => (levels === 1 ? {} : { x: nest(levels - 1) });
    expect(issuesAfter((p) => (p.meta = nest(LIMITS.metaDepth)))).toEqual([]);
    const issues = issuesAfter((p) => (p.meta = nest(LIMITS.metaDepth + 1)));
    expect(issues).toEqual([`meta${'.x'.repeat(LIMITS.metaDepth)} too-large`]);
  });

  it('keep a __proto__ key as data, never as a prototype', () => {
    const meta = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const context = new Context();
    const copy = readMeta(meta, 'meta', context)!;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect(({} as Loose).polluted).toBeUndefined();
  });

  it('report a throwing getter as unreadable', () => {
    const meta = Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error(SECRET); } });
    const context = new Context();
    expect(readMeta(meta, 'patients[0].meta', context)).toBeUndefined();
    expect(context.issues.map((i) => `${i.path} ${i.code}`)).toEqual(['patients[0].meta unreadable']);
    expect(JSON.stringify(context.issues)).not.toContain(SECRET);
  });
});
