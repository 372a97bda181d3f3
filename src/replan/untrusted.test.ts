import { describe, expect, it } from 'vitest';
import { isRecord, shown } from './untrusted.js';

describe('isRecord', () => {
  it('takes plain objects only', () => {
    expect(isRecord({ kind: 'pin' })).toBe(true);
    expect([null, [], 'x', 3, undefined].map(isRecord)).toEqual([false, false, false, false, false]);
  });
});

describe('shown', () => {
  it('shows a string as it is and anything else by its type', () => {
    expect([shown('m-3'), shown(undefined), shown(42), shown(null), shown({ id: 'p-1' })]).toEqual(['m-3', 'nothing', 'number', 'object', 'object']);
  });
});
