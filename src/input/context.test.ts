import { describe, expect, it } from 'vitest';
import { Context, indexOf, pathOf, quote, typeName } from './context.js';

describe('paths', () => {
  it('joins identifiers with dots, indexes with brackets, and quotes other keys', () => {
    expect(pathOf('', 'patients')).toBe('patients');
    expect(pathOf(indexOf('patients', 3), 'availability')).toBe('patients[3].availability');
    expect(pathOf('x', 'odd key')).toBe('x["odd key"]');
    expect(pathOf('', '')).toBe('[""]');
    expect(pathOf('x', 'k'.repeat(500)).length).toBeLessThan(80);
  });
});

describe('messages', () => {
  it('shows at most 40 characters of a value and only the type of others', () => {
    expect(quote('25:00')).toBe('"25:00"');
    expect(quote('x'.repeat(1000)).length).toBeLessThan(50);
    expect([null, [], {}, 'a', 1, true, undefined].map(typeName)).toEqual(['null', 'an array', 'an object', 'a string', 'a number', 'a boolean', 'undefined']);
  });
});

describe('Context', () => {
  it('keeps issues and warnings apart', () => {
    const context = new Context();
    context.report('a', 'empty', 'm');
    context.warn('b', 'partial-hospitalization', 'm');
    expect(context.issues.map((issue) => issue.path)).toEqual(['a']);
    expect(context.warnings.map((warning) => warning.path)).toEqual(['b']);
  });
});
