import { plural } from './describe.js';
import { patientWeek } from './patient-week.js';
import type { Rule } from './types.js';

/** A patient gets no more sessions of a service than their track's curriculum allows. Penalty: sessions over. */
export const curriculumMax: Rule = {
  code: 'curriculum-max',
  level: 'hard',
  scope: 'patient',
  title: 'Curriculum maximum',
  description: "A patient has no more sessions of a service than the curriculum of their track (the one whose rules apply) allows. Penalty: sessions over.",
  evaluate(ctx, patient, emit) {
    if ((ctx.patientMeetings[patient]?.length ?? 0) === 0) return;
    const week = patientWeek(ctx, patient);
    const track = ctx.problem.tracks[week.track];
    if (!track) return;
    for (const entry of track.curriculum) {
      const count = week.serviceCounts[entry.service] ?? 0;
      if (count <= entry.max) continue;
      emit(count - entry.max, () => ({
        message: `Patient ${ctx.problem.patients[patient]!.id} has ${plural(count, 'session')} of ${ctx.problem.services[entry.service]!.id} this week; the curriculum of track ${track.id} allows ${entry.max}.`,
        patients: [ctx.problem.patients[patient]!.id],
      }));
    }
  },
  fast: {
    // The tightest maximum of every track the patient lists (and of their `requires`).
    patient: (probe, p) => probe.patientLoad(p).sessions > probe.prepared.patients[p]!.maxSessions[probe.m.service]!,
  },
};
