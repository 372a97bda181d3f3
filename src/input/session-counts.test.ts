import { describe, expect, it } from 'vitest';
import { Context } from './context.js';
import { readSessionCounts } from './session-counts.js';

const read = (value: unknown): { copy: unknown; issues: string[] } => {
  const context = new Context();
  const copy = readSessionCounts(value, 'requires', context, 'requires');
  return { copy, issues: context.issues.map((issue) => `${issue.path} ${issue.code}`) };
};

describe('readSessionCounts', () => {
  it('copies valid entries as given, without defaults', () => {
    expect(read([{ service: 'a', min: 1, max: 1 }, { service: 'b' }])).toEqual({ copy: [{ service: 'a', min: 1, max: 1 }, { service: 'b' }], issues: [] });
  });
  it('rejects min above max, a service listed twice, and absurd counts', () => {
    expect(read([{ service: 'a', min: 2, max: 1 }, { service: 'a', max: 5000 }]).issues).toEqual([
      'requires[0].min invalid-range',
      'requires[1].max out-of-range',
      'requires[1].service duplicate-entry',
    ]);
  });
  it('requires the service and rejects unknown properties', () => {
    expect(read([{ min: 1, mx: 2 }]).issues).toEqual(['requires[0].mx unknown-property', 'requires[0].service missing-field']);
  });
});
