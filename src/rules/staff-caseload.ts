import type { Rule } from './types.js';

/** A staff member is primary to no more patients than their caseload allows. Penalty: patients over. */
export const staffCaseload: Rule = {
  code: 'staff-caseload',
  level: 'hard',
  scope: 'staff',
  title: 'Staff caseload',
  description:
    'A staff member is the `primaryStaff` of at most `maxCaseload` patients enrolled this week (a licensing ratio, e.g. 1 counsellor per 24 patients). The input decides it, not the timetable: `validateProblem` warns before solving, and `replan` proposes a primary within caseload for an admission without one. Penalty: patients over.',
  evaluate(ctx, member, emit) {
    const staff = ctx.problem.staff[member]!;
    // The caseload is counted once when the problem is compiled: this check costs nothing per move.
    if (staff.caseload <= staff.maxCaseload) return;
    emit(staff.caseload - staff.maxCaseload, () => ({
      message: `Staff ${staff.id} is the primary therapist of ${staff.caseload} patients enrolled this week; the maximum caseload is ${staff.maxCaseload}.`,
      staff: [staff.id],
    }));
  },
};
