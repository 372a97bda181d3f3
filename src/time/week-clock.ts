/**
 * The clock changes of one scheduled week: which wall-clock slots do not exist (the hour skipped
 * when DST starts) and how many real minutes lie between two wall-clock times of a day on which
 * the offset changes (a meeting across the hour repeated when DST ends lasts an hour longer).
 *
 * Built once per problem from the zone's transitions found through `Intl` (`zoneOffsetMs`), and
 * resolved under the policy of `zone.ts` ('compatible': a repeated time is its earlier instant),
 * so `realMinutes` is exactly `endsAt - startsAt` of the meeting's published instants. A week
 * without a change costs two offset look-ups and leaves every day on the fast path.
 */
import type { LocalDate } from '../model/problem.js';
import { SlotSet } from './slot-set.js';
import { DAYS_PER_WEEK, dayNumber, MINUTES_PER_DAY, SLOT_MINUTES, SLOTS_PER_DAY } from './week.js';
import { zoneOffsetMs } from './zone.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/**
 * When the offsets at the two ends of the week's span differ, they are sampled once a day across
 * it to find each change. Equal ends are taken as no change (two `Intl` look-ups, the whole cost
 * of most weeks): a change there and back within nine days would go unseen, and no zone's rules
 * have one (the shortest suspensions of DST, for Ramadan, last about a month).
 */
const SAMPLE_MS = MS_PER_DAY;
/** Clocks already built, by zone and week: a solve, its report and a re-plan share one. */
const built = new Map<string, WeekClock>();
const MAX_BUILT = 64;

export interface WeekClock {
  /** Week slots that touch a wall-clock time that does not exist; empty on most weeks. Read only. */
  readonly skipped: SlotSet;
  /** Whether `skipped` has any slot (a fast test for the callers that mask with it). */
  readonly hasSkipped: boolean;
  /**
   * Per day index, on the days whose offset changes: the instant, in minutes since the epoch, of
   * each wall-clock minute 0 to 1440 (`'24:00'`); `undefined` on the other days.
   */
  readonly instants: ReadonlyArray<Float64Array | undefined>;
}

interface Transition {
  /** First instant (ms) of the new offset. */
  at: number;
  before: number;
  after: number;
}

/** The first instant in `(low, high]` at which the offset is no longer `before` (one change assumed). */
function changeBetween(low: number, high: number, before: number, timeZone: string): number {
  let lo = low;
  let hi = high;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (zoneOffsetMs(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The offset changes between instants `from` and `to`, oldest first. */
function transitions(from: number, to: number, timeZone: string): Transition[] {
  const found: Transition[] = [];
  let previous = zoneOffsetMs(from, timeZone);
  if (zoneOffsetMs(to, timeZone) === previous) return found;
  for (let at = from + SAMPLE_MS; at < to + SAMPLE_MS; at += SAMPLE_MS) {
    const offset = zoneOffsetMs(at, timeZone);
    if (offset === previous) continue;
    found.push({ at: changeBetween(at - SAMPLE_MS, at, previous, timeZone), before: previous, after: offset });
    previous = offset;
  }
  return found;
}

/**
 * The instant (ms) of floating wall-clock ms `wall` given the changes around it: the earliest
 * offset regime that holds it; in a gap, the offset before the gap (time moves forward).
 * `exists` is false when the wall time does not exist.
 */
function resolve(wall: number, changes: readonly Transition[]): { instant: number; exists: boolean } {
  // Regime i runs from changes[i-1].at to changes[i].at with offset changes[i].before (last: after).
  let gapInstant = Number.NaN;
  for (let i = 0; i <= changes.length; i++) {
    const offset = i < changes.length ? changes[i]!.before : changes[i - 1]!.after;
    const instant = wall - offset;
    const startsAt = i === 0 ? Number.NEGATIVE_INFINITY : changes[i - 1]!.at;
    const endsAt = i < changes.length ? changes[i]!.at : Number.POSITIVE_INFINITY;
    if (instant >= startsAt && instant < endsAt) return { instant, exists: true };
    if (instant >= endsAt) gapInstant = instant;
  }
  return { instant: gapInstant, exists: false };
}

/**
 * The clock changes of the week starting `weekStart` in `timeZone` (both valid). The result is
 * shared between callers asking for the same week and zone: never mutate it.
 *
 * @example
 * const clock = weekClock('2026-03-02', 'America/Los_Angeles');
 * clock.skipped.has(6 * 288 + 24); // true: Sunday 02:00 does not exist
 * realMinutes(weekClock('2026-10-26', 'America/Los_Angeles'), 6, 60, 120); // 120 (01:00 PDT to 02:00 PST)
 */
export function weekClock(weekStart: LocalDate, timeZone: string): WeekClock {
  const key = `${timeZone}|${weekStart}`;
  let clock = built.get(key);
  if (clock === undefined) {
    clock = buildClock(weekStart, timeZone);
    if (built.size >= MAX_BUILT) built.clear();
    built.set(key, clock);
  }
  return clock;
}

function buildClock(weekStart: LocalDate, timeZone: string): WeekClock {
  const firstDay = dayNumber(weekStart);
  if (firstDay === undefined) throw new RangeError(`Not a date: ${weekStart}`);
  const wallStart = firstDay * MS_PER_DAY;
  // Any real offset is within a day of UTC, so a day either side covers the week's instants.
  const changes = transitions(wallStart - MS_PER_DAY, wallStart + (DAYS_PER_WEEK + 1) * MS_PER_DAY, timeZone);
  const skipped = new SlotSet();
  const instants: Array<Float64Array | undefined> = new Array<Float64Array | undefined>(DAYS_PER_WEEK).fill(undefined);
  if (changes.length === 0) return { skipped, hasSkipped: false, instants };
  for (let day = 0; day < DAYS_PER_WEEK; day++) {
    const dayWall = wallStart + day * MS_PER_DAY;
    if (!changes.some((change) => change.at > dayWall - MS_PER_DAY && change.at < dayWall + 2 * MS_PER_DAY)) continue;
    const offset = dayWall - resolve(dayWall, changes).instant;
    const minutes = new Float64Array(MINUTES_PER_DAY + 1);
    let changed = false;
    for (let minute = 0; minute <= MINUTES_PER_DAY; minute++) {
      const wall = dayWall + minute * MS_PER_MINUTE;
      const { instant, exists } = resolve(wall, changes);
      minutes[minute] = instant / MS_PER_MINUTE;
      if (instant !== wall - offset) changed = true;
      if (!exists && minute < MINUTES_PER_DAY) {
        const slot = day * SLOTS_PER_DAY + Math.floor(minute / SLOT_MINUTES);
        skipped.addRange(slot, slot + 1);
      }
    }
    if (changed) instants[day] = minutes;
  }
  return { skipped, hasSkipped: skipped.size() > 0, instants };
}

/**
 * Real minutes from wall-clock minute `start` to `end` (0 to 1440) of day index `day`: `end -
 * start` except on a day the clock changes, where it is the time between the two instants.
 *
 * @example
 * const clock = weekClock('2026-10-26', 'America/Los_Angeles');
 * realMinutes(clock, 6, 30, 150); // 180: 00:30-02:30 on 2026-11-01 spans the repeated hour
 * realMinutes(clock, 0, 540, 600); // 60
 */
export function realMinutes(clock: WeekClock, day: number, start: number, end: number): number {
  const minutes = day >= 0 && day < DAYS_PER_WEEK ? clock.instants[day] : undefined;
  if (minutes === undefined || start < 0 || end > MINUTES_PER_DAY) return end - start;
  return Math.round(minutes[end]! - minutes[start]!);
}
