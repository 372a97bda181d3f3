import { describe, expect, it } from 'vitest';
import { ISSUE_CODE_DESCRIPTIONS, ISSUE_CODES, WARNING_CODES } from './issue-codes.js';

describe('issue codes', () => {
  it('are unique kebab-case strings, each described', () => {
    const codes = Object.values(ISSUE_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(ISSUE_CODE_DESCRIPTIONS.get(code)?.length ?? 0).toBeGreaterThan(10);
    }
    expect([...ISSUE_CODE_DESCRIPTIONS.keys()].sort()).toEqual([...codes].sort());
  });
  it('keep warnings apart from errors', () => {
    for (const code of Object.values(WARNING_CODES)) expect(Object.values(ISSUE_CODES)).not.toContain(code);
  });
});
