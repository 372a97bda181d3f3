/**
 * switch-service: a group the short patient attends turns into the service they still need, or
 * into a longer one for a patient short of hours; exchanging services with a group at another
 * time when a plain switch would take the group's members past their maximum.
 */
import { onAgenda } from '../rules/template-agenda.js';
import type { PlacedMeeting } from '../rules/types.js';
import type { CompiledService } from './compile.js';
import { equip, tryReplace, type Engine } from './engine.js';
import { minutesOf, sessionsOf } from './tally.js';
import { overlaps } from './feasible.js';
import { windowStarts } from './slots.js';
import { need, shortPatient, trackMeetings } from './kernel/needs.js';

type Move = (engine: Engine) => boolean;

/**
 * A group the short patient attends becomes another service that the patient still needs (a
 * curriculum shortfall is often a rotation problem, not a time problem), exchanging services
 * with a group at another time when its members already have their most of that service; or,
 * for a patient short of weekly hours, a longer service they may still take, held at a time of
 * the same day its length fits (a parallel section of a short group turned into the long one the
 * track lacks). exchange-services: the same exchange between two groups of a track, blind.
 */
export const switchService: Move = (engine) => {
  const p = shortPatient(engine);
  if (p < 0) return false;
  const limits = engine.prepared.patients[p]!;
  const want = limits.wantSessions;
  const mine = engine.state.patientMeetings[p]!.filter((i) => {
    const m = engine.state.meetings[i]!;
    return !m.pinned && engine.problem.services[m.service]!.kind === 'group';
  });
  const index = engine.random.pick(mine);
  if (index === undefined) return false;
  const m = engine.state.meetings[index]!;
  const duration = m.end - m.start;
  const shortOfHours = minutesOf(engine, p) < limits.minWeeklyMinutes;
  const options = engine.problem.services.filter(
    (s) =>
      s.kind === 'group' &&
      s.trackBound &&
      s.index !== m.service &&
      ((s.durationMinutes === duration && need(engine, p, want, s.index) > 0) ||
        (shortOfHours && s.durationMinutes > duration && m.track >= 0 && limits.maxSessions[s.index]! > sessionsOf(engine, p, s.index))),
  );
  const service = engine.random.pick(options);
  if (!service) return false;
  const length = service.durationMinutes;
  const telehealth = service.telehealth === 'only' ? true : service.telehealth === 'never' ? false : m.telehealth;
  const starts = length === duration ? [m.start] : engine.random.shuffle(windowStarts(engine.problem, engine.problem.tracks[m.track]!, m.day, length, service.index)).slice(0, 4);
  for (const start of starts) {
    const next = { ...m, service: service.index, start, end: start + length, telehealth };
    if (tryReplace(engine, index, next)) return true;
    const equipped = equip(engine, { ...next, room: -1, staff: [] }, index, false, false);
    if (equipped !== null && tryReplace(engine, index, equipped)) return true;
  }
  return length === duration && exchangeServices(engine, index, service.index, p, trackMeetings(engine, m.track));
};

/** Groups of another time tried for an exchange of services. */
const EXCHANGE_PARTNERS = 3;

/**
 * Group `index` and a group of `service` at another time of its track (one patient `p` is not in;
 * -1: any) exchange services, with the leaders each needs. A plain switch is refused when it would take a
 * member past their maximum of the service; after the exchange every patient in both groups keeps
 * their count of each service unless they sit in only one of them (in a day track whose Monday
 * holds a patient's third skills group, Friday's process group becomes skills for a patient who
 * comes only on Wednesdays and Fridays, and Monday's skills group becomes process). `inTrack`:
 * the track's group meetings (`trackMeetings`), which the caller has already walked the members for.
 */
function exchangeServices(engine: Engine, index: number, service: number, p: number, inTrack: readonly number[]): boolean {
  const { state } = engine;
  const m = state.meetings[index]!;
  const partners = exchangePartners(engine, inTrack, m, service, p);
  for (const partner of engine.random.shuffle(partners).slice(0, EXCHANGE_PARTNERS)) {
    const mark = state.mark();
    // The partner first: once it holds the other service, the group's members are counted right.
    if (switchTo(engine, partner, m.service) && switchTo(engine, index, service)) return true;
    state.rollback(mark);
  }
  return false;
}

/**
 * The groups of `service` among `inTrack` that `m` may exchange services with: unpinned, as long
 * as `m`, at a time that does not overlap it, without patient `p` (-1: any), and such that both
 * keep their track's template after the exchange.
 */
export function exchangePartners(engine: Engine, inTrack: readonly number[], m: PlacedMeeting, service: number, p: number): number[] {
  const { state } = engine;
  return inTrack.filter((i) => {
    const other = state.meetings[i]!;
    return (
      other.service === service &&
      !other.pinned &&
      other.end - other.start === m.end - m.start &&
      !other.patients.includes(p) &&
      !overlaps(other, m.day, m.start, m.end) &&
      // Both keep to a template: the partner's time holds `m`'s service, and `m`'s time `service`.
      onAgenda(engine.problem, { ...other, service: m.service }) &&
      onAgenda(engine.problem, { ...m, service })
    );
  });
}

/** The track group services other than `m`'s, of its length, that its track's template allows at its time: what `m` may turn into by an exchange. */
export function otherGroupServices(engine: Engine, m: PlacedMeeting): CompiledService[] {
  return engine.problem.services.filter(
    (s) => s.kind === 'group' && s.trackBound && s.index !== m.service && s.durationMinutes === m.end - m.start && onAgenda(engine.problem, { ...m, service: s.index }),
  );
}

/** Meeting `index` holds `service` instead, with its leader or, when they may not lead it, another. */
export function switchTo(engine: Engine, index: number, service: number): boolean {
  const next = { ...engine.state.meetings[index]!, service };
  if (tryReplace(engine, index, next)) return true;
  const equipped = equip(engine, next, index, true, false);
  return equipped !== null && tryReplace(engine, index, equipped);
}

/**
 * Two groups of a track at different times exchange services, whoever is short: on a plateau of
 * an over-full week, the walk to a timetable where a leader who may lead only one service can take
 * an hour (and free a colleague for a patient's missing session) passes through such exchanges.
 */
export const exchangeGroupServices: Move = (engine) => {
  const { problem, state, random } = engine;
  const track = random.int(problem.tracks.length);
  const inTrack = trackMeetings(engine, track);
  const index = random.pick(inTrack.filter((i) => !state.meetings[i]!.pinned));
  if (index === undefined) return false;
  const m = state.meetings[index]!;
  const service = random.pick(otherGroupServices(engine, m));
  return service !== undefined && exchangeServices(engine, index, service.index, -1, inTrack);
};
