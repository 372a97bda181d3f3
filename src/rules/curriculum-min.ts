import { requirementRule } from './requirement-rule.js';
import type { Rule } from './types.js';

/** Each patient gets the minimum sessions of every service their track's curriculum lists. */
export const curriculumMin: Rule = requirementRule(
  'curriculum-min',
  'Curriculum minimum',
  "Each patient enrolled this week gets at least the sessions of each service that the curriculum of their track (the one whose rules apply) asks for; in a partial week (`rules.partialWeek`, default `'prorate'`) the enrolled share of it, rounded up. Penalty: sessions short x the service's duration in minutes.",
);
