import type { Probe, Rule, RuleContext } from './types.js';

/**
 * Minutes patient `patient` spends in their make-up tracks (skipping meeting `skip`) and the
 * minutes of the sessions they missed this week (meetings naming them among `noShows`).
 */
function makeUpLedger(ctx: RuleContext, patient: number, skip: number): { used: number; missed: number } {
  const makeUp = ctx.problem.patients[patient]!.makeUpTracks;
  let used = 0;
  for (const index of ctx.patientMeetings[patient] ?? []) {
    const m = ctx.meetings[index];
    if (index !== skip && m && makeUp.includes(m.track)) used += m.end - m.start;
  }
  let missed = 0;
  // Only patients compiled for a make-up get here: a scan of the week is cheap next to a re-planning.
  for (const m of ctx.meetings) if (m?.noShows?.includes(patient) === true) missed += m.end - m.start;
  return { used, missed };
}

/**
 * A make-up gives back what was missed, not more: a patient attends their make-up tracks
 * (`Patient.makeUpTracks`, open to them only for a week with their no-show) for at most the
 * minutes of the sessions they missed. Penalty: minutes over.
 */
export const makeUpMinutes: Rule = {
  code: 'make-up-minutes',
  level: 'hard',
  scope: 'patient',
  title: 'Make-up minutes',
  description: 'A patient spends no more minutes in their make-up tracks than the sessions they missed this week lasted. Penalty: minutes over.',
  evaluate(ctx, patient, emit) {
    const compiled = ctx.problem.patients[patient]!;
    if (compiled.makeUpTracks.length === 0) return;
    const { used, missed } = makeUpLedger(ctx, patient, -1);
    if (used <= missed) return;
    emit(used - missed, () => ({
      message: `Patient ${compiled.id} has ${used} minutes in make-up tracks this week; they missed ${missed}.`,
      patients: [compiled.id],
    }));
  },
  fast: {
    patient: (probe: Probe, p) => {
      const makeUp = probe.problem.patients[p]!.makeUpTracks;
      if (makeUp.length === 0 || !makeUp.includes(probe.m.track)) return false;
      const { used, missed } = makeUpLedger(probe.ctx, p, probe.replacing);
      return used + (probe.m.end - probe.m.start) > missed;
    },
  },
};
