import { describe, expect, it } from 'vitest';
import { Context } from './context.js';
import { readArray, readRecord } from './read.js';

const KNOWN: ReadonlySet<string> = new Set(['id', 'name']);
const issues = (context: Context): string[] => context.issues.map((issue) => `${issue.path} ${issue.code}`);

describe('readRecord', () => {
  it('reads known properties and reports every unknown one by path', () => {
    const context = new Context();
    const fields = readRecord({ id: 'a', nmae: 'x', 'odd key': 1 }, 'rooms[2]', context, KNOWN, 'A room');
    expect(fields?.optional('id')).toBe('a');
    expect(issues(context)).toEqual(['rooms[2].nmae unknown-property', 'rooms[2]["odd key"] unknown-property']);
  });

  it('reports a missing required property at its path', () => {
    const context = new Context();
    readRecord({}, 'rooms[0]', context, KNOWN, 'A room')?.required('id');
    expect(issues(context)).toEqual(['rooms[0].id missing-field']);
  });

  it('treats __proto__ and constructor as plain unknown keys', () => {
    const context = new Context();
    readRecord(JSON.parse('{"__proto__": 1, "constructor": 2}'), 'x', context, KNOWN, 'A room');
    expect(issues(context)).toEqual(['x.__proto__ unknown-property', 'x.constructor unknown-property']);
  });

  it('turns a throwing getter into an unreadable issue', () => {
    const context = new Context();
    const value = Object.defineProperty({}, 'id', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(readRecord(value, 'p', context, KNOWN, 'A room')?.optional('id')).toBeUndefined();
    expect(issues(context)).toEqual(['p.id unreadable']);
  });

  it('turns a revoked proxy into an unreadable issue', () => {
    const context = new Context();
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(readRecord(proxy, 'p', context, KNOWN, 'A room')).toBeUndefined();
    expect(issues(context)).toEqual(['p unreadable']);
  });

  it('reports arrays, null and strings where an object belongs', () => {
    const context = new Context();
    for (const value of [[], null, 'x']) readRecord(value, 'p', context, KNOWN, 'A room');
    expect(issues(context)).toEqual(['p invalid-type', 'p invalid-type', 'p invalid-type']);
  });

  it('reports an object with absurdly many properties as too-large and still reads the known ones', () => {
    const context = new Context();
    const value: Record<string, unknown> = { id: 'a' };
    for (let index = 0; index < 2000; index += 1) value[`k${index}`] = index;
    expect(readRecord(value, 'p', context, KNOWN, 'A room')?.optional('id')).toBe('a');
    expect(issues(context)).toEqual(['p too-large']);
  });
});

describe('readArray', () => {
  it('reports holes as missing items and keeps positions', () => {
    const context = new Context();
    // eslint-disable-next-line no-sparse-arrays
    const copy = readArray([1, , 3], 'list', context, 10, 'list', (item) => item as number);
    expect(copy).toEqual([1, undefined, 3]);
    expect(issues(context)).toEqual(['list[1] missing-field']);
  });

  it('reports a huge sparse array as too-large without walking it', () => {
    const context = new Context();
    const huge: unknown[] = [];
    huge.length = 4_000_000_000;
    expect(readArray(huge, 'patients', context, 100_000, 'patients', () => 1)).toBeUndefined();
    expect(issues(context)).toEqual(['patients too-large']);
  });

  it('reports a non-array', () => {
    const context = new Context();
    readArray({ length: 1 }, 'tracks', context, 10, 'tracks', () => 1);
    expect(issues(context)).toEqual(['tracks invalid-type']);
  });

  it('copies: the result is a new array', () => {
    const input = [1, 2];
    const copy = readArray(input, 'l', new Context(), 10, 'l', (item) => item);
    expect(copy).toEqual(input);
    expect(copy).not.toBe(input);
  });
});
