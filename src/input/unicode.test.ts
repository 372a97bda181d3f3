import { describe, expect, it } from 'vitest';
import { loneSurrogateAt, toWellFormed } from './unicode.js';

describe('unicode', () => {
  it('finds the first lone surrogate, high or low, and none in surrogate pairs', () => {
    expect(loneSurrogateAt('p-😀')).toBe(-1);
    expect(loneSurrogateAt('ab\uD800c')).toBe(2);
    expect(loneSurrogateAt('\uDC00')).toBe(0);
    expect(loneSurrogateAt('😀\uD83D')).toBe(2);
  });
  it('replaces lone surrogates with U+FFFD', () => {
    expect(toWellFormed('a\uDC00😀')).toBe('a\uFFFD😀');
  });
});
