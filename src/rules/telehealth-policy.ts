import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/**
 * A meeting is held in person or by telehealth as its service allows, and only patients who can
 * join by telehealth attend one. Penalty: 1 per meeting in the wrong mode, 1 per patient who
 * cannot join remotely.
 */
export const telehealthPolicy: Rule = {
  code: 'telehealth-policy',
  level: 'hard',
  scope: 'meeting',
  title: 'Telehealth policy',
  description:
    "A meeting is held by telehealth only when its service allows it ('allowed' or 'only'), in person when the service is 'never' remote, and a telehealth meeting holds only patients who can join by telehealth. Penalty: 1 per meeting in the wrong mode, plus 1 per patient who cannot join remotely.",
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting) return;
    const policy = ctx.problem.services[meeting.service]!.telehealth;
    if (meeting.telehealth ? policy === 'never' : policy === 'only') {
      emit(1, () => ({
        message: meeting.telehealth
          ? `${describeMeeting(ctx, meeting)} is held by telehealth, which its service does not allow.`
          : `${describeMeeting(ctx, meeting)} is held in person, but its service is telehealth only.`,
        meetings: [meeting.id],
        ...onDay(ctx, meeting.day),
      }));
    }
    if (!meeting.telehealth) return;
    for (const patient of meeting.patients) {
      const compiled = ctx.problem.patients[patient]!;
      if (compiled.telehealth) continue;
      emit(1, () => ({
        message: `Patient ${compiled.id} cannot join by telehealth but is in ${describeMeeting(ctx, meeting)}, held remotely.`,
        meetings: [meeting.id],
        patients: [compiled.id],
        ...onDay(ctx, meeting.day),
      }));
    }
  },
  fast: {
    // Stricter than evaluate: a telehealth meeting holds no room either.
    shape: ({ m, service }) => (m.telehealth ? service.telehealth === 'never' || m.room >= 0 : service.telehealth === 'only'),
    patient: ({ m, problem }, p) => m.telehealth && !problem.patients[p]!.telehealth,
  },
};
