/**
 * Construction: a complete timetable that keeps every hard rule, most constrained first.
 *
 * 1. Per track, the candidate group slots (tiled windows or the template) are filled in week
 *    order: the patients of the track who can come (availability, admission, viable days) are
 *    given the service they need most (or, when its section is full, the next one they need:
 *    cohorts), bucketed by service and homogeneity key, and sectioned
 *    into parallel groups of balanced size, each with staff and a room. Sections that cannot
 *    reach their minimum size are not opened; their patients join another section when they can.
 * 2. Patients still short of hours try the groups of their other tracks.
 * 3. Groups of services no track holds, at the times most of the patients who need them share.
 * 4. Individual sessions (`requires` and curriculum), the most constrained first across all
 *    patients, next to each patient's group blocks, primary therapist first (individuals.ts).
 * 5. While anyone is short, every group time is re-seated exactly (polish.ts).
 * 6. Optional sessions where they improve the score (optional.ts).
 * What cannot be placed stays unplaced, and its blocking rules are counted.
 */
import type { Engine } from '../kernel/engine.js';
import { checkedByCatalogue } from './checked.js';
import { constructFreeGroups, constructGroups, constructionOrder, trackMembers } from './groups.js';
import { constructIndividuals } from './individual-phase.js';
import type { Relieved } from '../chains/relieve.js';
import { placeOptional } from './optional.js';
import { polish } from './polish.js';

/**
 * Share of the time left that the first tracks' groups may use before construction decides the
 * budget cannot hold it all. Groups first for everyone and individual sessions after serve
 * nobody fully when the time runs out in between; so when the first tracks' groups do not fit
 * this share, construction goes on track by track (each track's groups, then its patients'
 * individual sessions), and a cut leaves whole patients served, more of them the more time was
 * given. The sessions take about 1.2 times as long as the groups of the same patients (CPU at
 * 1,000 patients: groups 430 ms, sessions 500 ms), so groups that need more than 1 / 2.2 of the
 * time left would have their sessions cut. A budget that holds the whole construction never ends
 * this share early: the order, and the timetable, are then what they were.
 */
const GROUP_SHARE = 0.4;

/**
 * Time the rest of construction (second tracks, free groups, individual sessions, polish) may
 * take, as a multiple of the first tracks' groups: about 1.2 in profiles at 1,000 patients (CPU:
 * groups 430 ms, the rest 520 ms); 2 for a margin. Below it the individual sessions are placed
 * patient by patient.
 */
const REST_PER_GROUPS = 2;

/**
 * Least share of the clinic's patients whose individual sessions a cut construction places
 * together once their tracks' groups are built. Each placement call has a fixed cost (a pass
 * over every patient, its own repair budget, a fresh record of full times), so one call per
 * track lost ground at 5,000 patients (cold, 1 s of CPU: 410 patients served where rounds
 * served 690); batches of a sixteenth waste at most a sixteenth of the work at a cut.
 */
const BATCH_SHARE = 1 / 16;

/**
 * The first tracks' groups, all at once when they fit `GROUP_SHARE` of the time left; else the
 * tracks that fit, their patients' sessions, then track by track (groups; then, once the tracks
 * built hold a `BATCH_SHARE` of the patients, their sessions, patient by patient). `reached`
 * gains every patient whose sessions were tried, `relieved` the group meetings their relief
 * looked at. Returns whether every first track was built; when not, the time is spent.
 */
function constructFirstTracks(engine: Engine, reached: Set<number>, relieved: Relieved): boolean {
  const budget = engine.budget;
  const done = new Set<number>();
  engine.budget = budget.slice(GROUP_SHARE * budget.remainingMs());
  let grouped: boolean;
  try {
    grouped = constructGroups(engine, false, done);
  } finally {
    engine.budget = budget;
  }
  if (grouped) return true;
  const byTrack = trackMembers(engine.problem, false);
  // Patients in no track have no groups: their sessions come with the first batch.
  const loose = engine.problem.patients.filter((patient) => patient.tracks.length === 0).map((patient) => patient.index);
  const serve = (patients: readonly number[]): boolean => {
    const only = new Set(patients);
    const served = constructIndividuals(engine, { only: (p) => only.has(p), patientFirst: true, reached, relieved });
    engine.state.commit();
    return served;
  };
  if (!serve([...loose, ...[...done].flatMap((t) => byTrack[t] ?? [])])) return false;
  // constructGroups builds the tracks not in its set and adds each it finishes: all tracks but
  // the next one are in it, so it builds that one alone.
  const others = new Set(engine.problem.tracks.map((track) => track.index));
  let batch: number[] = [];
  const least = Math.ceil(BATCH_SHARE * engine.problem.patients.length);
  for (const track of constructionOrder(engine.problem)) {
    if (done.has(track.index)) continue;
    others.delete(track.index);
    if (budget.spent() || !constructGroups(engine, false, others)) return false;
    done.add(track.index);
    batch.push(...(byTrack[track.index] ?? []));
    if (batch.length < least) continue;
    if (!serve(batch)) return false;
    batch = [];
  }
  return serve(batch);
}

/**
 * Builds the first complete timetable in `engine.state` (committed). Returns `false` when the
 * time budget ran out first: the timetable is then partial (what was placed keeps every hard
 * rule), and holds whole patients (groups and individual sessions) as far as the time went.
 * `reached`, when given, gains every patient whose individual sessions construction came to (or
 * who need none): after a cut, the others were never tried, and their shortfall says nothing
 * about the clinic but that the time ran out.
 *
 * @example
 * ```ts
 * const engine = createEngine(compiled, allRules(), new Map(), seed);
 * engine.budget = new Budget({ timeLimitMs: 2000 });
 * const reached = new Set<number>();
 * const complete = construct(engine, reached); // false: cut, the week holds the patients it completed
 * ```
 */
export function construct(engine: Engine, reached: Set<number> = new Set()): boolean {
  engine.deferScoring = true;
  try {
    return constructAll(engine, reached);
  } finally {
    engine.deferScoring = false;
    // Ends deferred scoring: every rule is current again for the search.
    engine.state.commit();
  }
}

function constructAll(engine: Engine, reached: Set<number>): boolean {
  const placed = checkedByCatalogue(engine, () => constructPlacements(engine, reached));
  if (placed === 'cut') return false;
  // Polish and the optional sessions compare whole scores and probe with undo (a deferred rule
  // would be evaluated again after every probe): every rule is current from here.
  engine.deferScoring = false;
  engine.state.commit();
  return placed && polish(engine) && placeOptional(engine);
}

/**
 * The groups and individual sessions. `'cut'` when the time ran out before the first tracks'
 * groups were all built; `false` when it ran out later.
 */
function constructPlacements(engine: Engine, reached: Set<number>): boolean | 'cut' {
  const budget = engine.budget;
  const startedAt = budget.now();
  // Batches relieve the groups built since the last (a walk over every group each batch was 7%
  // of a cut construction at 10,000 patients); a whole construction relieves once, all of them.
  const relieved: Relieved = new WeakSet();
  if (!constructFirstTracks(engine, reached, relieved)) return 'cut';
  // What is left may not hold the rest (about as long again as the groups took): then the
  // individual sessions go patient by patient, so a cut leaves whole patients served.
  const patientFirst = budget.remainingMs() < REST_PER_GROUPS * (budget.now() - startedAt);
  return constructGroups(engine, true) && constructFreeGroups(engine) && constructIndividuals(engine, { patientFirst, reached, relieved });
}
