import type { CompiledPatient, CompiledService } from '../compiled/compile.js';
import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** Whether a patient's tags meet a service's eligibility (every required tag, no excluded one). */
export function eligibleFor(patient: CompiledPatient, service: CompiledService): boolean {
  for (const tag of service.requireTags) if (!patient.tags.includes(tag)) return false;
  for (const tag of service.excludeTags) if (patient.tags.includes(tag)) return false;
  return true;
}

/** Patients attend only services they are eligible for. Penalty: 1 per patient. */
export const eligibility: Rule = {
  code: 'eligibility',
  level: 'hard',
  scope: 'meeting',
  title: 'Eligibility',
  description: "Every patient of a meeting carries all the tags its service requires and none it excludes. Penalty: 1 per ineligible patient per meeting.",
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting) return;
    const service = ctx.problem.services[meeting.service]!;
    if (service.requireTags.length === 0 && service.excludeTags.length === 0) return;
    for (const patient of meeting.patients) {
      const compiled = ctx.problem.patients[patient]!;
      if (eligibleFor(compiled, service)) continue;
      emit(1, () => ({
        message: `Patient ${compiled.id} is not eligible for ${describeMeeting(ctx, meeting)} (service tags: requires ${service.requireTags.join(', ') || 'none'}, excludes ${service.excludeTags.join(', ') || 'none'}).`,
        meetings: [meeting.id],
        patients: [compiled.id],
        ...onDay(ctx, meeting.day),
      }));
    }
  },
  fast: {
    patient({ service, prepared }, p) {
      const tags = prepared.patients[p]!.tags;
      for (const tag of service.requireTags) if (!tags.has(tag)) return true;
      for (const tag of service.excludeTags) if (tags.has(tag)) return true;
      return false;
    },
  },
};
