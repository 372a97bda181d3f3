import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { allRules, ruleCatalogue } from './catalogue.js';

/** The codes agreed in the brief, by level. */
const HARD = [
  'schedule-integrity', 'patient-double-booked', 'staff-double-booked', 'room-double-booked', 'room-capacity', 'room-features',
  'group-max-size', 'group-min-size', 'individual-one-patient', 'staff-seats', 'primary-staff-only', 'staff-availability',
  'room-availability', 'patient-availability', 'track-window', 'template-agenda', 'track-membership', 'eligibility', 'homogeneity', 'avoid-pair',
  'closed-date', 'admission-dates', 'staff-daily-max', 'staff-weekly-max', 'patient-max-weekly-hours', 'patient-max-daily-hours',
  'patient-max-days', 'curriculum-max', 'requires-max', 'start-grid', 'meeting-duration', 'meeting-outside-week', 'nonexistent-time',
  'telehealth-policy', 'family-availability',
  // issue 24 item 1: staff work rules
  'staff-notes-time', 'staff-continuous-work', 'staff-breaks',
  'staff-caseload',
  'cadence-window',
  // issue 24 item 4: a make-up gives back what was missed, not more
  'make-up-minutes',
];
const REQUIREMENT = ['patient-min-weekly-hours', 'patient-min-days', 'curriculum-min', 'requires-min', 'daily-min-minutes', 'daily-min-services', 'patients-short'];
const SOFT = ['continuity-peers', 'continuity-facilitator', 'primary-therapist', 'compact-days', 'day-preferences', 'group-size-balance', 'staff-load-balance', 'staffed-hours', 'stability',
  'staff-preferences',
  'optional-sessions',
];
const LEVEL_ORDER = { hard: 0, requirement: 1, soft: 2 } as const;

describe('rule catalogue', () => {
  const catalogue = ruleCatalogue();

  it('has every agreed code at its agreed level, and nothing else', () => {
    const level = new Map(catalogue.map((rule) => [rule.code, rule.level]));
    for (const code of HARD) expect(level.get(code), code).toBe('hard');
    for (const code of REQUIREMENT) expect(level.get(code), code).toBe('requirement');
    for (const code of SOFT) expect(level.get(code), code).toBe('soft');
    expect(catalogue).toHaveLength(HARD.length + REQUIREMENT.length + SOFT.length);
  });

  it('has unique kebab-case codes, titles and descriptions naming a penalty', () => {
    expect(new Set(catalogue.map((r) => r.code)).size).toBe(catalogue.length);
    for (const rule of catalogue) {
      expect(rule.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.title.length).toBeGreaterThan(3);
      expect(rule.description, rule.code).toMatch(/Penalty/);
    }
  });

  it('lists rules hard, then requirement, then soft', () => {
    const levels = allRules().map((rule) => LEVEL_ORDER[rule.level]);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });

  it('gives soft rules positive integer default weights, continuity highest and staffed hours lowest', () => {
    const weight = new Map(catalogue.map((rule) => [rule.code, rule.defaultWeight]));
    for (const code of SOFT) expect(Number.isInteger(weight.get(code)) && weight.get(code)! > 0, code).toBe(true);
    expect(weight.get('continuity-facilitator')).toBeGreaterThan(weight.get('primary-therapist')!);
    expect(weight.get('primary-therapist')).toBeGreaterThan(weight.get('day-preferences')!);
    for (const rule of catalogue.filter((r) => r.level !== 'soft')) expect(rule.defaultWeight).toBe(1);
  });

  it('keeps each rule in its own kebab-case file with a test beside it', () => {
    for (const rule of allRules()) {
      const source = readFileSync(new URL(`./${rule.code}.ts`, import.meta.url), 'utf8');
      expect(source, rule.code).toContain(`'${rule.code}'`);
      expect(() => readFileSync(new URL(`./${rule.code}.test.ts`, import.meta.url))).not.toThrow();
    }
  });

  it('returns a fresh copy each call', () => {
    const first = ruleCatalogue();
    first[0]!.title = 'changed';
    expect(ruleCatalogue()[0]!.title).not.toBe('changed');
  });
});
