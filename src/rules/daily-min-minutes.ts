import { requirementRule } from './requirement-rule.js';
import type { Rule } from './types.js';

/** Every attended day reaches the per-diem minutes threshold, when one is set. */
export const dailyMinMinutes: Rule = requirementRule(
  'daily-min-minutes',
  'Per-day minimum minutes',
  'When `minDailyMinutes` is set (per-diem billing, e.g. 180), every day a patient attends gives them at least that many minutes of care that counts toward hours. Penalty: minutes short, per attended day.',
);
