import { requirementRule } from './requirement-rule.js';
import type { Rule } from './types.js';

/** Each patient gets the minimum sessions of every service they require (e.g. individual therapy once). */
export const requiresMin: Rule = requirementRule(
  'requires-min',
  'Required sessions',
  "Each patient enrolled this week gets at least the sessions of each service their own `requires` list asks for (e.g. individual therapy once a week); in a partial week (`rules.partialWeek`, default `'prorate'`) the enrolled share of it, rounded up, except on a cadence. Penalty: sessions short x the service's duration in minutes.",
);
