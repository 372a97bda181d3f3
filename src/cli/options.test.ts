import { describe, expect, it } from 'vitest';
import { checkOptions } from './options.js';

describe('checkOptions', () => {
  it('returns the settings a command takes', () => {
    expect(checkOptions('replan', { seed: '7', 'max-iterations': '200', 'as-of': '2026-12-02T07:00:00-08:00', stamp: '2026-12-02T15:05:00Z' })).toEqual({
      seed: 7, maxIterations: 200, asOf: '2026-12-02T07:00:00-08:00', stamp: '2026-12-02T15:05:00Z',
    });
    expect(checkOptions('diagnose', { json: true })).toEqual({});
  });

  it('refuses what the command does not take, and instants without an offset', () => {
    expect(() => checkOptions('check', { seed: '1' })).toThrow(/check does not take --seed/);
    expect(() => checkOptions('replan', { 'as-of': '2026-12-02T07:00:00' })).toThrow(/--as-of must be an ISO 8601 instant/);
    expect(() => checkOptions('solve', { stamp: '2026-13-02T07:00:00Z' })).toThrow(/--stamp/);
    expect(() => checkOptions('solve', { ics: '-' })).toThrow(/--ics needs a folder/);
  });
});
