/**
 * Construction's last step: greedy construction leaves the over-full week's staff time in the
 * wrong places (two sections needing therapists at one hour, while a counsellor who may lead
 * only process groups sits idle, and a patient goes without an individual session). Before the
 * search starts, every group time of every track is re-seated exactly (`resectionAt`), in week
 * order, and each change is kept only when it lowers the requirement shortfall. The search draws
 * these same moves at random; the sweeps make the sure gains at once (on the 40-patient
 * reference, 6,600 to 5,760 against an optimum of 5,580, in about 25 ms) instead of over its
 * first thousand iterations.
 */
import type { Score } from '../../model/report.js';
import type { Engine } from '../kernel/engine.js';
import type { Time } from '../chains/layouts.js';
import { resectionAt } from '../chains/resection.js';
import { membersOf, shortfall, trackMeetings } from '../kernel/needs.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../../time/week.js';

/**
 * Distinct group times of `track`, in week order; on a warm start with `engine.polishOnly`, only
 * those overlapping it. explain re-solves a changed copy of one week many times, and the week was
 * polished once for all of them: re-seating every group time again for each took 60% of each
 * re-solve at 1,000 patients, for gains only where the change is.
 */
function groupTimes(engine: Engine, track: number): Time[] {
  const seen = new Set<string>();
  const times: Time[] = [];
  const only = engine.polishOnly;
  for (const index of trackMeetings(engine, track)) {
    const m = engine.state.meetings[index]!;
    const key = `${m.day}/${m.start}/${m.end}`;
    if (seen.has(key)) continue;
    if (only && !only.intersectsRange(m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES, m.day * SLOTS_PER_DAY + m.end / SLOT_MINUTES)) continue;
    seen.add(key);
    times.push({ track, day: m.day, start: m.start, end: m.end });
  }
  return times.sort((a, b) => a.day - b.day || a.start - b.start || a.end - b.end);
}

/**
 * Sweeps over the week. A change at one time frees staff or patients for an earlier one, which
 * only a second sweep sees; on the 40-patient reference the second sweep takes the shortfall from
 * 5,880 to 5,760 and a third finds nothing more.
 */
const SWEEPS = 2;

/**
 * Re-seatings per construction, at most. A large clinic has thousands of group times and its
 * few short patients are the search's targeted moves' work: at 10,000 patients, sweeping them
 * all took 19 s. Counted, not timed, so the timetable stays a function of the seed.
 */
const MAX_RESEATINGS = 256;

function lowerShortfall(after: Score, before: Score): boolean {
  return after.hard <= before.hard && after.requirement < before.requirement;
}

/**
 * Re-seats each group time of the tracks with a patient short (twice over, up to
 * `MAX_RESEATINGS`), keeping what lowers the shortfall; returns `false` when the time budget ran
 * out (what was kept stays: every change keeps every hard rule).
 *
 * @example
 * ```ts
 * polish(engine); // after construction, before search
 * ```
 */
export function polish(engine: Engine): boolean {
  const { state } = engine;
  let budget = MAX_RESEATINGS;
  let changed = true;
  // A sweep that changed nothing leaves nothing new for the next one to see.
  for (let sweep = 0; sweep < SWEEPS && changed; sweep++) {
    changed = false;
    for (let track = 0; track < engine.problem.tracks.length; track++) {
      if (state.score().requirement === 0) return true;
      if (!membersOf(engine, track).some((p) => shortfall(engine, p) > 0)) continue;
      for (const time of groupTimes(engine, track)) {
        if (engine.budget.spent()) return false;
        if (budget-- <= 0) return true;
        const before = state.score();
        const mark = state.mark();
        if (resectionAt(engine, time)) {
          state.rescore();
          if (lowerShortfall(state.score(), before)) {
            state.commit();
            changed = true;
            continue;
          }
        }
        state.rollback(mark);
      }
    }
  }
  return true;
}
