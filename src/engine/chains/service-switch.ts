/**
 * Turning a group into another service: a plain switch, or an exchange of services with a group
 * at another time of its track when a plain switch would take the group's members past their
 * maximum. Used by the moves `switch-service` and `exchange-services` and by the hand-overs
 * (./handover.ts).
 */
import { onAgenda } from '../../rules/template-agenda.js';
import type { PlacedMeeting } from '../../rules/types.js';
import type { CompiledService } from '../../compiled/compile.js';
import { equip, tryReplace, type Engine } from '../kernel/engine.js';
import { overlaps } from '../kernel/feasible.js';
import { meetingWith } from '../../compiled/meetings.js';

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
export function exchangeServices(engine: Engine, index: number, service: number, p: number, inTrack: readonly number[]): boolean {
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
      onAgenda(engine.problem, meetingWith(other, { service: m.service })) &&
      onAgenda(engine.problem, meetingWith(m, { service }))
    );
  });
}

/** The track group services other than `m`'s, of its length, that its track's template allows at its time: what `m` may turn into by an exchange. */
export function otherGroupServices(engine: Engine, m: PlacedMeeting): CompiledService[] {
  return engine.problem.services.filter(
    (s) => s.kind === 'group' && s.trackBound && s.index !== m.service && s.durationMinutes === m.end - m.start && onAgenda(engine.problem, meetingWith(m, { service: s.index })),
  );
}

/** Meeting `index` holds `service` instead, with its leader or, when they may not lead it, another. */
export function switchTo(engine: Engine, index: number, service: number): boolean {
  const next = meetingWith(engine.state.meetings[index]!, { service });
  if (tryReplace(engine, index, next)) return true;
  const equipped = equip(engine, next, index, true, false);
  return equipped !== null && tryReplace(engine, index, equipped);
}
