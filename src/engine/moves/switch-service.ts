/** The move `switch-service` of the neighbourhood (./index.ts holds its weight and why). */
import { equip, tryReplace } from '../kernel/engine.js';
import { minutesOf, sessionsOf } from '../kernel/tally.js';
import { windowStarts } from '../kernel/slots.js';
import { need, shortPatient, trackMeetings } from '../kernel/needs.js';
import { exchangeServices } from '../chains/service-switch.js';
import type { Move } from './move.js';
import { meetingWith } from '../../compiled/meetings.js';

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
    const next = meetingWith(m, { service: service.index, start, end: start + length, telehealth });
    if (tryReplace(engine, index, next)) return true;
    const equipped = equip(engine, { ...next, room: -1, staff: [] }, index, false, false);
    if (equipped !== null && tryReplace(engine, index, equipped)) return true;
  }
  return length === duration && exchangeServices(engine, index, service.index, p, trackMeetings(engine, m.track));
};
