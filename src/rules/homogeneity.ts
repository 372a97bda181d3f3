import { describeMeeting, onDay, patientIds } from './describe.js';
import { prefixTagClasses } from './problem-memo.js';
import type { Rule } from './types.js';

/**
 * The participants of a meeting share the same tags under each of the service's homogeneity
 * prefixes (a patient with no such tag differs from one with it). Penalty: 1 per meeting per prefix.
 */
export const homogeneity: Rule = {
  code: 'homogeneity',
  level: 'hard',
  scope: 'meeting',
  title: 'Homogeneous groups',
  description:
    "All patients of a meeting have the same tags under each prefix the service lists in `homogeneousBy` (e.g. 'age:' keeps adolescents and adults apart; a patient without such a tag differs from one with it). Penalty: 1 per meeting per prefix mixed.",
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || meeting.patients.length < 2) return;
    const prefixes = ctx.problem.services[meeting.service]!.homogeneousBy;
    if (prefixes.length === 0) return;
    for (const prefix of prefixes) {
      // Tag sets under the prefix, numbered once per problem (see `prefixTagClasses`).
      const classes = prefixTagClasses(ctx.problem, prefix);
      const first = classes[meeting.patients[0]!];
      for (let i = 1; i < meeting.patients.length; i++) {
        if (classes[meeting.patients[i]!] === first) continue;
        // Justification: two participants differ in their tags under this prefix.
        emit(1, () => ({
          message: `${describeMeeting(ctx, meeting)} mixes patients with different '${prefix}' tags.`,
          meetings: [meeting.id],
          patients: patientIds(ctx, meeting.patients),
          ...onDay(ctx, meeting.day),
        }));
        break;
      }
    }
  },
  fast: {
    patient({ m, prepared }, p, position) {
      const keys = prepared.homogeneity[m.service];
      if (keys === undefined) return false;
      for (let j = 0; j < position; j++) if (keys[m.patients[j]!] !== keys[p]) return true;
      return false;
    },
  },
};
