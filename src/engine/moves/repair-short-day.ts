/**
 * Moves aimed at the per-day thresholds (`minDailyMinutes`, `minDailyServices`): an attended
 * day below them is short however many hours the week holds, and the blind moves repair it only
 * by chance: the fix usually takes two steps that gain nothing alone (an individual session
 * leaves a lone day AND lands on a group day; a patient joins a second group on a day AND the
 * week stays under its maximum). These start from a patient with a short day and try, in a
 * random order: relocating an individual session off a lone day, adding a session to the day
 * (a group of their track, an individual session moved from a fuller day or still missing),
 * dropping the day and re-placing its individual sessions on attended days, or a new group on
 * the day. The score decides whether the result is better.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { PATIENTS_SHORT } from '../../rules/patients-short.js';
import { canLeave, removePatient, type Engine } from '../kernel/engine.js';
import { individualNeeds, placeIndividual } from '../construct/individuals.js';
import { enter, patientFits, shortfall, trackMeetings } from '../kernel/needs.js';
import { openGroupOn } from './new-group.js';

/** Counting minutes, counting sessions and meetings of any kind per day of a patient's week. */
interface DayLoad {
  minutes: number[];
  sessions: number[];
  meetings: number[];
}

function dayLoad(engine: Engine, p: number): DayLoad {
  const load: DayLoad = { minutes: [0, 0, 0, 0, 0, 0, 0], sessions: [0, 0, 0, 0, 0, 0, 0], meetings: [0, 0, 0, 0, 0, 0, 0] };
  for (const index of engine.state.patientMeetings[p]!) {
    const m = engine.state.meetings[index]!;
    if (m.day < 0 || m.day > 6) continue;
    load.meetings[m.day]! += 1;
    if (!engine.problem.services[m.service]!.countsTowardHours) continue;
    load.minutes[m.day]! += m.end - m.start;
    load.sessions[m.day]! += 1;
  }
  return load;
}

function meets(engine: Engine, p: number, minutes: number, sessions: number): boolean {
  const limits = engine.prepared.patients[p]!;
  return minutes >= limits.minDailyMinutes && sessions >= limits.minDailyServices;
}

/** Days patient `p` attends below the per-day thresholds. */
function shortDays(engine: Engine, p: number, load: DayLoad): number[] {
  const days: number[] = [];
  for (let day = 0; day < 7; day++) if (load.meetings[day]! > 0 && !meets(engine, p, load.minutes[day]!, load.sessions[day]!)) days.push(day);
  return days;
}

/** A patient with a requirement shortfall and a short day, found from a random place in the list; -1 when none. */
function dayShortPatient(engine: Engine): number {
  const n = engine.problem.patients.length;
  if (n === 0 || engine.state.score().requirement === 0) return -1;
  const offset = engine.random.int(n);
  for (let k = 0; k < n; k++) {
    const p = (offset + k) % n;
    const limits = engine.prepared.patients[p]!;
    if (limits.minDailyMinutes <= 0 && limits.minDailyServices <= 0) continue;
    if (shortfall(engine, p) > 0 && shortDays(engine, p, dayLoad(engine, p)).length > 0) return p;
  }
  return -1;
}

function isIndividual(engine: Engine, m: PlacedMeeting): boolean {
  return engine.problem.services[m.service]!.kind === 'individual';
}

/** Days `p` attends other than `day`. */
function otherAttended(engine: Engine, p: number, day: number): number[] {
  const load = dayLoad(engine, p);
  return [0, 1, 2, 3, 4, 5, 6].filter((d) => d !== day && load.meetings[d]! > 0);
}

/**
 * An individual session on the short day moves to another day the patient attends, or, on a
 * day with groups too, next to the group block (freeing its time for a group the patient then joins).
 */
function relocateFrom(engine: Engine, p: number, day: number): boolean {
  const own = engine.state.patientMeetings[p]!.filter((i) => {
    const m = engine.state.meetings[i]!;
    return m.day === day && !m.pinned && isIndividual(engine, m);
  });
  const index = engine.random.pick(own);
  if (index === undefined) return false;
  const service = engine.state.meetings[index]!.service;
  engine.state.remove(index);
  const stays = engine.state.patientMeetings[p]!.some((i) => engine.state.meetings[i]!.day === day);
  const days = otherAttended(engine, p, day);
  if (stays && engine.random.next() < 0.3) {
    if (placeIndividual(engine, p, service, true, undefined, [day]) < 0) return false;
    joinOn(engine, p, day);
    return true;
  }
  return days.length > 0 && placeIndividual(engine, p, service, true, undefined, days) >= 0;
}

/** `p` joins a group of their tracks on `day` (when one fits); whether they did. */
function joinOn(engine: Engine, p: number, day: number): boolean {
  const tracks = engine.problem.patients[p]!.tracks;
  const track = engine.random.pick(tracks);
  if (track === undefined) return false;
  const groups = engine.random.shuffle(
    trackMeetings(engine, track).filter((i) => {
      const m = engine.state.meetings[i]!;
      return m.day === day && !m.pinned && !m.patients.includes(p);
    }),
  );
  for (const index of groups) {
    if (patientFits(engine, engine.state.meetings[index]!, p, -1) && enter(engine, index, p)) return true;
  }
  // Make room: the patient leaves a group on a day that keeps its thresholds without it (the
  // week's maximum or the service's may be what stands in the way).
  const target = engine.random.pick(groups);
  if (target === undefined) return false;
  const load = dayLoad(engine, p);
  const spare = engine.state.patientMeetings[p]!.filter((i) => {
    const m = engine.state.meetings[i]!;
    if (m.day === day || isIndividual(engine, m) || !canLeave(engine, i)) return false;
    const minutes = engine.problem.services[m.service]!.countsTowardHours ? m.end - m.start : 0;
    return meets(engine, p, load.minutes[m.day]! - minutes, load.sessions[m.day]! - (minutes > 0 ? 1 : 0));
  });
  const leave = engine.random.pick(spare);
  if (leave === undefined) return false;
  removePatient(engine, leave, p);
  return patientFits(engine, engine.state.meetings[target]!, p, -1) && enter(engine, target, p);
}

/** The short day gets one more session: a group, a missing individual session, or one from a fuller day. */
function fillDay(engine: Engine, p: number, day: number): boolean {
  const roll = engine.random.next();
  if (roll < 0.5) return joinOn(engine, p, day);
  const needs = individualNeeds(engine, p);
  if (needs.length > 0 && roll < 0.75) return placeIndividual(engine, p, engine.random.pick(needs)![0], true, undefined, [day]) >= 0;
  const load = dayLoad(engine, p);
  const movable = engine.state.patientMeetings[p]!.filter((i) => {
    const m = engine.state.meetings[i]!;
    if (m.day === day || m.pinned || !isIndividual(engine, m)) return false;
    const minutes = engine.problem.services[m.service]!.countsTowardHours ? m.end - m.start : 0;
    return load.meetings[m.day] === 1 || meets(engine, p, load.minutes[m.day]! - minutes, load.sessions[m.day]! - (minutes > 0 ? 1 : 0));
  });
  const index = engine.random.pick(movable);
  if (index === undefined) return false;
  const service = engine.state.meetings[index]!.service;
  engine.state.remove(index);
  return placeIndividual(engine, p, service, true, undefined, [day]) >= 0;
}

/** The patient leaves the short day; its individual sessions go to days the patient still attends. */
function dropShortDay(engine: Engine, p: number, day: number): boolean {
  const mine = engine.state.patientMeetings[p]!.filter((i) => engine.state.meetings[i]!.day === day);
  if (mine.some((i) => !canLeave(engine, i))) return false;
  const lifted: number[] = [];
  for (const index of mine) {
    const m = engine.state.meetings[index]!;
    if (isIndividual(engine, m)) lifted.push(m.service);
    removePatient(engine, index, p);
  }
  const days = otherAttended(engine, p, day);
  for (const service of lifted) placeIndividual(engine, p, service, true, undefined, days);
  return true;
}

/** One try of each repair in a random order; every failed try is undone before the next. */
function repair(engine: Engine, p: number, day: number): boolean {
  const tries: Array<(engine: Engine, p: number, day: number) => boolean> = [relocateFrom, fillDay, dropShortDay, (e, q, d) => openGroupOn(e, q, d)];
  engine.random.shuffle(tries);
  for (const attempt of tries) {
    const mark = engine.state.mark();
    if (attempt(engine, p, day)) return true;
    engine.state.rollback(mark);
  }
  return false;
}

const dailyRuleIndexes = new WeakMap<object, number[]>();
const triageIndexes = new WeakMap<object, number>();

/** The board's index of rule `patients-short` (-1 when it has none). */
function triageIndex(board: Engine['state']['board']): number {
  let index = triageIndexes.get(board);
  if (index === undefined) {
    index = board.rules.findIndex((rule) => rule.code === PATIENTS_SHORT);
    triageIndexes.set(board, index);
  }
  return index;
}

/**
 * Whether every requirement shortfall left is a per-day one (`daily-min-minutes`,
 * `daily-min-services`): the weekly minima all hold, and moves aimed at a short patient's
 * hours or sessions would only shuffle a week that has what it needs.
 */
export function onlyDaysShort(engine: Engine): boolean {
  const board = engine.state.board;
  const requirement = engine.state.score().requirement;
  if (requirement <= 0) return false;
  let indexes = dailyRuleIndexes.get(board);
  if (!indexes) {
    indexes = [];
    board.rules.forEach((rule, index) => {
      if (rule.code === 'daily-min-minutes' || rule.code === 'daily-min-services') indexes!.push(index);
    });
    dailyRuleIndexes.set(board, indexes);
  }
  let daily = 0;
  for (const index of indexes) daily += board.ruleTotals(index).penalty * board.weights[index]!;
  // The triage weights (rule patients-short) count who is short, not what they lack.
  const triage = triageIndex(board);
  return daily >= requirement - (triage < 0 ? 0 : board.ruleTotals(triage).penalty * board.weights[triage]!);
}

/** A patient's day below the per-day thresholds is repaired (see the module comment). */
export const repairShortDay = (engine: Engine): boolean => {
  const p = dayShortPatient(engine);
  if (p < 0) return false;
  const day = engine.random.pick(shortDays(engine, p, dayLoad(engine, p)));
  return day !== undefined && repair(engine, p, day);
};
