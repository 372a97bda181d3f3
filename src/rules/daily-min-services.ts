import { requirementRule } from './requirement-rule.js';
import type { Rule } from './types.js';

/** Every attended day reaches the per-diem sessions threshold, when one is set. */
export const dailyMinServices: Rule = requirementRule(
  'daily-min-services',
  'Per-day minimum sessions',
  'When `minDailyServices` is set (e.g. Medicare IOP: 3 services), every day a patient attends holds at least that many sessions that count toward hours. Penalty: sessions short x 60 minute-equivalents, per attended day.',
);
