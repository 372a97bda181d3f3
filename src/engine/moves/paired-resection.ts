/** The move `paired-resection` of the neighbourhood (./index.ts holds its weight and why). */
import type { Time } from '../chains/layouts.js';
import { resectionAt } from '../chains/resection.js';
import type { Engine } from '../kernel/engine.js';
import { shortPatient, trackMeetings } from '../kernel/needs.js';
import type { Move } from './move.js';

/**
 * Two times of one track re-seated exactly in one step, the first forced to another mix of
 * services. An over-full week stalls where the mix of two times must trade places: the 120-patient
 * reference's runs end with a process group and a licensed clinician's individual session on
 * Wednesday at 11:00 and a skills group on Friday at 9:00 where HiGHS's optimum has them the other
 * way round (the same sections, leaders and sessions, 60 minutes of shortfall less). Each half
 * loses alone (Wednesday without process costs its members a process session, Friday without
 * skills a skills session), so no one-time re-seating (./resection-time.ts) takes it, and a switch
 * of services that keeps the rosters (./exchange-services.ts) charges every member seated at the
 * wrong service. Here the first time takes the best layout with another mix, every member
 * re-seated exactly given the rest of the week; the second time is then re-seated exactly given
 * the first's new mix (a time holding a service the first took on, where there is one: it may give
 * that up for the service the first gave up, and seat those the first turned away), and the first
 * once more given the second; the search judges the three as one.
 */
export const pairedResection: Move = (engine) => {
  // Only while someone is short: the re-seating weighs requirements alone (as resection-time).
  if (engine.state.score().requirement === 0) return false;
  const pair = pickPair(engine);
  if (!pair) return false;
  const [first, others] = pair;
  const before = servicesAt(engine, first);
  if (!resectionAt(engine, first, true)) return false;
  // The second time gives up what the first took on, where one can: the week's mix of services
  // stays what the track's patients ask, only the hours trade.
  const after = servicesAt(engine, first);
  const gained = after.filter((s) => countOf(after, s) > countOf(before, s));
  const giving = others.filter((t) => servicesAt(engine, t).some((s) => gained.includes(s)));
  const second = engine.random.pick(giving.length > 0 ? giving : others);
  if (second !== undefined) {
    resectionAt(engine, second);
    resectionAt(engine, first);
  }
  // A pair that loses is offered too (unlike ./rebuild-window.ts): on the 60-200 patient
  // references the runs reached the optimum more often so (bench:seeds, 30,000 iterations, seeds
  // 1-5: 120:1 4 of 5 against 3 of 5 with losing pairs refused; one seed, within the noise). The
  // 1,000-patient clinics, where both cost served patients, do not draw the move (./index.ts).
  return true;
};

/** The services of the track's groups held at a time. */
function servicesAt(engine: Engine, time: Time): number[] {
  const { state } = engine;
  return trackMeetings(engine, time.track)
    .map((i) => state.meetings[i]!)
    .filter((m) => m.day === time.day && m.start === time.start && m.end === time.end)
    .map((m) => m.service);
}

function countOf(services: readonly number[], service: number): number {
  return services.filter((s) => s === service).length;
}

/** A group time of one track (mostly a short patient's) and the track's other times of its length. */
function pickPair(engine: Engine): [Time, Time[]] | null {
  const { problem, state, random } = engine;
  const p = random.next() < 0.7 ? shortPatient(engine) : -1;
  const track = p >= 0 ? random.pick(problem.patients[p]!.tracks) : random.int(problem.tracks.length);
  if (track === undefined || track >= problem.tracks.length) return null;
  const times = new Map<string, Time>();
  for (const index of trackMeetings(engine, track)) {
    const m = state.meetings[index]!;
    times.set(`${m.day}/${m.start}/${m.end}`, { track, day: m.day, start: m.start, end: m.end });
  }
  const all = [...times.values()];
  const first = random.pick(all);
  if (!first) return null;
  const others = all.filter((t) => t !== first && t.end - t.start === first.end - first.start);
  return others.length > 0 ? [first, others] : null;
}
