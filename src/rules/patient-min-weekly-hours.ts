import { requirementRule } from './requirement-rule.js';
import type { Rule } from './types.js';

/** Each patient enrolled this week gets at least their minimum weekly hours. Penalty: minutes short. */
export const patientMinWeeklyHours: Rule = requirementRule(
  'patient-min-weekly-hours',
  'Weekly minimum hours',
  'Each patient enrolled this week gets at least their minimum weekly hours of care that counts toward hours (patient, then track, then program rules). Penalty: minutes short.',
);
