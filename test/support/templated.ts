/**
 * Templated clinics for tests and measurements: any valid problem with a fixed agenda given to
 * its tracks, and the meetings of a schedule that are off it.
 *
 * @example
 * ```ts
 * const problem = withTemplates(sampleClinic());
 * const { schedule } = solve(problem, { seed: 1, maxIterations: 3000, timeLimitMs: 60_000 });
 * expect(offAgenda(problem, schedule)).toEqual([]);
 * ```
 */
import { compileProblem } from '../../src/compiled/compile.js';
import { groupSlots } from '../../src/engine/kernel/slots.js';
import type { Problem, Weekday } from '../../src/model/problem.js';
import type { Meeting, Schedule } from '../../src/model/schedule.js';
import { formatLocalTime, WEEKDAYS } from '../../src/time/week.js';

/**
 * A copy of `problem` in which every track (or those `only` names) without a template gets one:
 * the track's own candidate group slots (its windows tiled on the grid), each holding one of the
 * slot's services in rotation (process, skills, psychoeducation, process, ...). The caller's
 * problem is left alone.
 */
export function withTemplates(problem: Problem, only?: readonly string[]): Problem {
  const copy = structuredClone(problem);
  const compiled = compileProblem(copy);
  compiled.tracks.forEach((track, t) => {
    const target = copy.tracks[t]!;
    if (target.template || (only && !only.includes(track.id))) return;
    const template = groupSlots(compiled, track)
      .filter((slot) => slot.services.length > 0)
      .map((slot) => ({
        service: compiled.services[slot.services[slot.ordinal % slot.services.length]!]!.id,
        day: WEEKDAYS[slot.day] as Weekday,
        start: formatLocalTime(slot.start),
      }));
    if (template.length > 0) target.template = template;
  });
  return copy;
}

/**
 * Group meetings of templated tracks whose (service, day, start) no template entry of their track
 * has: what rule `template-agenda` must report, computed here independently of it.
 */
export function offAgenda(problem: Problem, schedule: Schedule): Meeting[] {
  const kinds = new Map(problem.services.map((s) => [s.id, s]));
  return schedule.meetings.filter((m) => {
    const service = kinds.get(m.service);
    const track = problem.tracks.find((t) => t.id === m.track);
    if (!service || service.kind !== 'group' || !track?.template?.length) return false;
    return !track.template.some((entry) => entry.service === m.service && entry.day === m.day && entry.start === m.start);
  });
}

/** How many group meetings of templated tracks `schedule` holds. */
export function templatedMeetings(problem: Problem, schedule: Schedule): number {
  const templated = new Set(problem.tracks.filter((t) => t.template?.length).map((t) => t.id));
  const groups = new Set(problem.services.filter((s) => s.kind === 'group').map((s) => s.id));
  return schedule.meetings.filter((m) => m.track !== null && templated.has(m.track) && groups.has(m.service)).length;
}
