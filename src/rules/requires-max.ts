import { plural } from './describe.js';
import { patientWeek, type PatientWeek } from './patient-week.js';
import type { Rule } from './types.js';

/** A patient gets no more sessions of a service than their own `requires` allows. Penalty: sessions over. */
export const requiresMax: Rule = {
  code: 'requires-max',
  level: 'hard',
  scope: 'patient',
  title: 'Required sessions maximum',
  description: "A patient has no more sessions of a service than the maximum in their own `requires` list. Penalty: sessions over.",
  evaluate(ctx, patient, emit) {
    const mine = ctx.patientMeetings[patient] ?? [];
    const compiled = ctx.problem.patients[patient]!;
    if (mine.length === 0 || compiled.requires.length === 0) return;
    let week: PatientWeek | undefined;
    for (const entry of compiled.requires) {
      if (entry.max === Infinity) continue;
      week ??= patientWeek(ctx, patient);
      const sessions = week.serviceCounts[entry.service] ?? 0;
      if (sessions <= entry.max) continue;
      emit(sessions - entry.max, () => ({
        message: `Patient ${compiled.id} has ${plural(sessions, 'session')} of ${ctx.problem.services[entry.service]!.id} this week; at most ${entry.max} are wanted.`,
        patients: [compiled.id],
      }));
    }
  },
  fast: {
    patient(probe, p) {
      for (const entry of probe.problem.patients[p]!.requires) {
        if (entry.service === probe.m.service && probe.patientLoad(p).sessions > entry.max) return true;
      }
      return false;
    },
  },
};
