import { describe, expect, it } from 'vitest';
import { Context } from './context.js';
import { readBoolean, readChoice, readId, readNumber, readTextList } from './scalars.js';

const codes = (read: (context: Context) => unknown): string[] => {
  const context = new Context();
  read(context);
  return context.issues.map((issue) => `${issue.path} ${issue.code}`);
};

describe('readId', () => {
  it('accepts any non-empty string, including __proto__, constructor and toString', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'p-1']) expect(readId(id, 'id', new Context())).toBe(id);
  });
  it('rejects empty, over-long and non-string ids', () => {
    expect(codes((c) => readId('', 'a.id', c))).toEqual(['a.id empty']);
    expect(codes((c) => readId('x'.repeat(201), 'a.id', c))).toEqual(['a.id too-long']);
    expect(codes((c) => readId(7, 'a.id', c))).toEqual(['a.id invalid-type']);
  });
  it('reads absence as nothing to check', () => {
    expect(codes((c) => readId(undefined, 'a.id', c))).toEqual([]);
  });
});

describe('readNumber', () => {
  const bounds = { integer: true, min: 1, max: 10 };
  it('accepts a number in bounds', () => {
    expect(readNumber(5, 'n', new Context(), 'n', bounds)).toBe(5);
  });
  it('names what is wrong: type, finiteness, integrality, range', () => {
    expect(codes((c) => readNumber('5', 'n', c, 'n', bounds))).toEqual(['n invalid-type']);
    expect(codes((c) => readNumber(Number.NaN, 'n', c, 'n', bounds))).toEqual(['n not-finite']);
    expect(codes((c) => readNumber(Infinity, 'n', c, 'n', bounds))).toEqual(['n not-finite']);
    expect(codes((c) => readNumber(2.5, 'n', c, 'n', bounds))).toEqual(['n not-integer']);
    expect(codes((c) => readNumber(0, 'n', c, 'n', bounds))).toEqual(['n out-of-range']);
    expect(codes((c) => readNumber(11, 'n', c, 'n', bounds))).toEqual(['n out-of-range']);
  });
  it('excludes the minimum when asked', () => {
    expect(codes((c) => readNumber(0, 'n', c, 'n', { min: 0, max: 1, aboveMin: true }))).toEqual(['n out-of-range']);
  });
});

describe('readChoice, readBoolean, readTextList', () => {
  it('accepts only listed choices', () => {
    expect(readChoice('group', 'k', new Context(), 'kind', ['group', 'individual'])).toBe('group');
    expect(codes((c) => readChoice('Group', 'k', c, 'kind', ['group']))).toEqual(['k invalid-value']);
  });
  it('accepts only booleans', () => {
    expect(codes((c) => readBoolean('true', 'b', c, 'b'))).toEqual(['b invalid-type']);
    expect(readBoolean(false, 'b', new Context(), 'b')).toBe(false);
  });
  it('checks every item of a list and a required non-empty list', () => {
    expect(codes((c) => readTextList(['a', 3, ''], 'l', c, 'tags'))).toEqual(['l[1] invalid-type', 'l[2] empty']);
    expect(codes((c) => readTextList([], 'l', c, 'credentials', true))).toEqual(['l empty']);
  });
});

describe('readText on ill-formed Unicode', () => {
  it('rejects a lone high or low surrogate with its position, and keeps surrogate pairs', () => {
    expect(codes((c) => readId('p\uD800', 'patients[0].id', c))).toEqual(['patients[0].id ill-formed-unicode']);
    expect(codes((c) => readTextList(['ok', '\uDC00x'], 'staff[0].tags', c, 'tags'))).toEqual(['staff[0].tags[1] ill-formed-unicode']);
    const context = new Context();
    readId('ab\uDBFFc', 'a.id', context);
    expect(context.issues[0]?.message).toContain('(U+DBFF) at position 2');
    expect(readId('p-😀', 'a.id', new Context())).toBe('p-😀');
  });
});
