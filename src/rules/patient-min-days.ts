import { requirementRule } from './requirement-rule.js';
import type { Rule } from './types.js';

/** Each patient enrolled this week attends on at least their minimum number of days. Penalty: days short x 60. */
export const patientMinDays: Rule = requirementRule(
  'patient-min-days',
  'Weekly minimum days',
  'Each patient enrolled this week attends on at least their minimum number of days (a day with any session). Penalty: days short x 60 minute-equivalents.',
);
