/**
 * A track's template binds: its group programme is the template's (service, day, start) and
 * nothing else. The predicate the rule judges by is exported so that the solver refuses a
 * placement by the very same test the catalogue reports (the catalogue stays the single source
 * of truth).
 *
 * What is judged: a group meeting naming a track whose template has at least one entry, on a day
 * of the week. Track-bound groups (the default) always name their track; a group that is not
 * track-bound names one only when it was held for the track (a template may list it), and is then
 * judged too. Individual sessions, groups naming no track, meetings of tracks without a template
 * and meetings outside the week (`meeting-outside-week` reports those) are not.
 *
 * What keeps it: a template entry of the same service, day and start. Any number of meetings may
 * share one entry (parallel sections of a full group); an entry may stay unheld (no one to seat).
 * Whether the time lies in the track's windows is `track-window`'s concern, not this rule's.
 */
import type { CompiledProblem, CompiledTrack } from '../compiled/compile.js';
import { formatLocalTime } from '../time/week.js';
import { dayName, describeMeeting, onDay } from './describe.js';
import type { PlacedMeeting, Rule } from './types.js';

/** The judged fields of a meeting. */
type AgendaFields = Pick<PlacedMeeting, 'service' | 'track' | 'day' | 'start'>;

const MINUTES_PER_DAY = 1440;
const agendas = new WeakMap<CompiledTrack, ReadonlySet<number>>();

function key(service: number, day: number, start: number): number {
  return (service * 7 + day) * MINUTES_PER_DAY + start;
}

/** The track's template as a set of keys (cached per compiled track), or `undefined` when it has none. */
function agendaOf(track: CompiledTrack | undefined): ReadonlySet<number> | undefined {
  if (!track?.template || track.template.length === 0) return undefined;
  let agenda = agendas.get(track);
  if (!agenda) {
    agenda = new Set(track.template.map((entry) => key(entry.service, entry.day, entry.start)));
    agendas.set(track, agenda);
  }
  return agenda;
}

/**
 * Whether a meeting keeps rule `template-agenda`: it is not judged (see the module comment: not a
 * group, no templated track named, outside the week), or a template entry of its track has its
 * service, day and start. The solver asks this of every placement it considers.
 *
 * @example
 * ```ts
 * const starts = windowStarts(problem, track, day, minutes).filter((start) => onAgenda(problem, { service, track: track.index, day, start }));
 * ```
 */
export function onAgenda(problem: CompiledProblem, m: AgendaFields): boolean {
  if (m.day < 0 || m.day > 6 || problem.services[m.service]?.kind !== 'group') return true;
  const agenda = agendaOf(problem.tracks[m.track]);
  return agenda === undefined || agenda.has(key(m.service, m.day, m.start));
}

/** `"Monday 09:00, Wednesday 10:00"`: the template's times for `service` (the first few), or `"none"`. */
function agendaTimes(track: CompiledTrack, service: number): string {
  const SHOWN = 6;
  const times = (track.template ?? [])
    .filter((entry) => entry.service === service)
    .sort((a, b) => a.day - b.day || a.start - b.start)
    .map((entry) => `${dayName(entry.day)} ${formatLocalTime(entry.start)}`);
  if (times.length === 0) return 'none';
  return times.length > SHOWN ? `${times.slice(0, SHOWN).join(', ')} and ${times.length - SHOWN} more` : times.join(', ');
}

/** In a track with a template, every group meeting is one of the template's sessions. Penalty: 1 per meeting. */
export const templateAgenda: Rule = {
  code: 'template-agenda',
  level: 'hard',
  scope: 'meeting',
  title: 'Template agenda',
  description:
    "In a track with a template, every group meeting held for the track has the service, day and start of one of the template's entries (any number of parallel sections may share an entry). Penalty: 1 per meeting off the agenda.",
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || onAgenda(ctx.problem, meeting)) return;
    const track = ctx.problem.tracks[meeting.track]!;
    emit(1, () => ({
      message: `${describeMeeting(ctx, meeting)} is not on the template of track ${track.id} (its times for this service: ${agendaTimes(track, meeting.service)}).`,
      meetings: [meeting.id],
      ...onDay(ctx, meeting.day),
    }));
  },
  fast: {
    // Every move that changes a group's service or time, or opens one, passes here.
    shape: ({ m, problem }) => !onAgenda(problem, m),
  },
};
