/**
 * Where a new meeting of a service could start at all in the current timetable: some
 * credentialed clinician free for the whole of it (at work, not in session, under their daily
 * and weekly maxima) and, unless it is held remotely, some suitable room open and free. A superset
 * of where `equip` can find staff and a room: the causes say from it whether a clinician and a
 * room were free to open another section.
 */
import type { ReplanView } from './view.js';
import { SlotSet } from '../time/slot-set.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';

/** Starts at which `length` consecutive slots of `free` begin, within one day: word-wide ANDs of `free` shifted by 1 to `length - 1` slots. */
function startsOfRuns(free: SlotSet, length: number): SlotSet {
  const words = free.words;
  const acc = Uint32Array.from(words);
  for (let k = 1; k < length; k++) {
    const whole = k >>> 5;
    const bits = k & 31;
    for (let i = 0; i < acc.length; i++) {
      const low = words[i + whole] ?? 0;
      const high = words[i + whole + 1] ?? 0;
      acc[i]! &= bits === 0 ? low : ((low >>> bits) | (high << (32 - bits))) >>> 0;
    }
  }
  const result = new SlotSet(acc);
  // A run may not spill into the next day.
  for (let day = 0; day < 7; day++) result.removeRange((day + 1) * SLOTS_PER_DAY - length + 1, (day + 1) * SLOTS_PER_DAY);
  return result;
}

const cache = new WeakMap<ReplanView, Map<number, { staff: SlotSet; rooms: SlotSet }>>();

/**
 * Slots at which a meeting of service `s` could start with a clinician free for all of it and,
 * unless `remote` (held by telehealth), a room (of any size: a superset for groups too).
 */
export function openStarts(view: ReplanView, s: number, remote: boolean): SlotSet {
  const { staff, rooms } = openParts(view, s);
  if (remote || view.engine.problem.services[s]!.telehealth === 'only') return staff;
  const open = staff.clone();
  open.intersectWith(rooms);
  return open;
}

/**
 * The two halves of {@link openStarts}: where some credentialed clinician is free for a whole
 * meeting of `s`, and where some suitable room is. Cached per view (the causes read the
 * re-planned week, which no longer changes); callers only read the sets.
 */
export function openParts(view: ReplanView, s: number): { staff: SlotSet; rooms: SlotSet } {
  let known = cache.get(view);
  if (!known) cache.set(view, (known = new Map()));
  let parts = known.get(s);
  if (!parts) known.set(s, (parts = { staff: staffStarts(view, s), rooms: roomStarts(view, s) }));
  return parts;
}

function staffStarts(view: ReplanView, s: number): SlotSet {
  const problem = view.engine.problem;
  const state = view.engine.state;
  const service = problem.services[s]!;
  const staffOpen = new SlotSet();
  for (const member of new Set(service.seats.flatMap((seat) => seat.eligibleStaff))) {
    const staff = problem.staff[member]!;
    let week = service.durationMinutes;
    const byDay = [0, 0, 0, 0, 0, 0, 0];
    const free = staff.available.clone();
    for (const i of state.staffMeetings[member]!) {
      const m = state.meetings[i]!;
      week += m.end - m.start;
      byDay[m.day]! += m.end - m.start;
      free.removeRange(m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES, m.day * SLOTS_PER_DAY + m.end / SLOT_MINUTES);
    }
    if (week > staff.maxWeeklyMinutes) continue;
    byDay.forEach((minutes, day) => {
      if (minutes + service.durationMinutes > staff.maxDailyMinutes) free.removeRange(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY);
    });
    staffOpen.unionWith(free);
  }
  return startsOfRuns(staffOpen, service.durationMinutes / SLOT_MINUTES);
}

function roomStarts(view: ReplanView, s: number): SlotSet {
  const problem = view.engine.problem;
  const state = view.engine.state;
  const service = problem.services[s]!;
  const roomOpen = new SlotSet();
  for (const r of service.eligibleRooms) {
    const free = problem.rooms[r]!.available.clone();
    for (const i of state.roomMeetings[r]!) {
      const m = state.meetings[i]!;
      free.removeRange(m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES, m.day * SLOTS_PER_DAY + m.end / SLOT_MINUTES);
    }
    roomOpen.unionWith(free);
  }
  // Runs of the union (one room may take over from another mid-run): a looser set, still a superset.
  return startsOfRuns(roomOpen, service.durationMinutes / SLOT_MINUTES);
}

/** Whether patient `p` may attend service `s` remotely (so it needs no room). */
export function remoteFor(view: ReplanView, s: number, p: number): boolean {
  const problem = view.engine.problem;
  return problem.services[s]!.telehealth !== 'never' && problem.patients[p]!.telehealth;
}
