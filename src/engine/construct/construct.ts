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
import { constructFreeGroups, constructGroups } from './groups.js';
import { constructIndividuals } from './individuals.js';
import { placeOptional } from './optional.js';
import { polish } from './polish.js';

/**
 * Share of the time left that the next tracks' groups may use before the patients of the tracks
 * built so far get their individual sessions. Groups first for everyone and individual sessions
 * after serve nobody fully when the time runs out in between; in rounds (groups for some tracks,
 * then their patients' sessions, then more tracks) a cut leaves whole patients served, more of
 * them the more time was given. The sessions take about 1.2 times as long as the groups of the
 * same patients (CPU at 1,000 patients: groups 430 ms, sessions 500 ms), so a round that gives
 * the groups more than 1 / 2.2 of the time left has its sessions cut; 0.4 served 454-466 patients
 * at 3/4 of construction's CPU time where 0.5 served 338-499 and 0.3 served 360. A budget that
 * holds the whole construction never ends a round: the order, and the timetable, are then what
 * they were.
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
 * The first tracks' groups in rounds while the budget may not hold them all (see
 * `GROUP_SHARE`). Returns whether every first track was built; when not, the time is spent.
 */
function constructFirstTracks(engine: Engine): boolean {
  const budget = engine.budget;
  const done = new Set<number>();
  const served = new Set<number>();
  const firstTrack = engine.problem.patients.map((patient) => patient.tracks[0]);
  const built = (p: number): boolean => firstTrack[p] === undefined || done.has(firstTrack[p]);
  for (;;) {
    const before = done.size;
    engine.budget = budget.slice(GROUP_SHARE * budget.remainingMs());
    let grouped: boolean;
    try {
      grouped = constructGroups(engine, false, done);
    } finally {
      engine.budget = budget;
    }
    if (grouped) return true;
    // A round that built no track left too little time for one: what is left is the tail.
    if (budget.spent() || done.size === before) return false;
    constructIndividuals(engine, { only: (p) => built(p) && !served.has(p), patientFirst: true });
    engine.state.commit();
    for (let p = 0; p < firstTrack.length; p++) if (built(p)) served.add(p);
  }
}

/**
 * Builds the first complete timetable in `engine.state` (committed). Returns `false` when the
 * time budget ran out first: the timetable is then partial (what was placed keeps every hard
 * rule), and holds whole patients (groups and individual sessions) as far as the time went.
 *
 * @example
 * ```ts
 * const engine = createEngine(compiled, allRules(), new Map(), seed);
 * engine.budget = new Budget({ timeLimitMs: 2000 });
 * const complete = construct(engine); // false: cut, the week holds the patients it completed
 * ```
 */
export function construct(engine: Engine): boolean {
  engine.deferScoring = true;
  try {
    return constructAll(engine);
  } finally {
    engine.deferScoring = false;
    // Ends deferred scoring: every rule is current again for the search.
    engine.state.commit();
  }
}

function constructAll(engine: Engine): boolean {
  const placed = checkedByCatalogue(engine, () => constructPlacements(engine));
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
function constructPlacements(engine: Engine): boolean | 'cut' {
  const budget = engine.budget;
  const startedAt = budget.now();
  if (!constructFirstTracks(engine)) return 'cut';
  // What is left may not hold the rest (about as long again as the groups took): then the
  // individual sessions go patient by patient, so a cut leaves whole patients served.
  const patientFirst = budget.remainingMs() < REST_PER_GROUPS * (budget.now() - startedAt);
  return constructGroups(engine, true) && constructFreeGroups(engine) && constructIndividuals(engine, { patientFirst });
}
