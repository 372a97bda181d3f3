import { describe, expect, it } from 'vitest';
import { tryAdd } from '../../src/engine/kernel/engine.js';
import { freeStaffByChain } from '../../src/engine/chains/restaff.js';
import type { Problem } from '../../src/model/problem.js';
import type { PlacedMeeting } from '../../src/rules/types.js';
import { engineWith, expectScoreFromScratch, live } from './engine-kit.js';
import { chainClinic } from './scenario-kit.js';

const THERAPIST = 0;
const PROCESS = 0;
const INDIVIDUAL = 1;

/**
 * The staff-chain clinic (Monday 18:00-20:00, process groups and individual sessions), with the
 * counsellor working only 18:00-19:00. Patient 4 has an individual session with the therapist at
 * 19:00 and can come from `sessionFrom` to 20:00.
 */
function retimeClinic(sessionFrom: string): Problem {
  const base = chainClinic();
  const [therapist] = base.staff;
  const four = base.patients[4]!;
  return {
    ...base,
    staff: [therapist!, { id: 'counsellor', credentials: ['CADC'], availability: { weekly: [{ days: ['MO'], start: '18:00', end: '19:00' }] } }],
    patients: [...base.patients.slice(0, 4), { ...four, availability: { weekly: [{ days: ['MO'], start: sessionFrom, end: '20:00' }] } }],
  };
}

const sessionAtSeven: PlacedMeeting = { id: '', service: INDIVIDUAL, track: -1, day: 0, start: 19 * 60, end: 20 * 60, room: 1, telehealth: false, staff: [THERAPIST], patients: [4], pinned: false };
/** The group that needs a leader at 19:00, not yet in the timetable. */
const groupAtSeven: PlacedMeeting = { id: '', service: PROCESS, track: 0, day: 0, start: 19 * 60, end: 20 * 60, room: 0, telehealth: false, staff: [-1], patients: [0, 1, 2, 3], pinned: false };

describe('a staff chain moving an individual session out of the way', () => {
  it("frees the therapist at 19:00 by moving patient 4's session to 18:00, when asked to", () => {
    const problem = retimeClinic('18:00');
    const engine = engineWith(problem, [sessionAtSeven]);
    // The plain chain has no one: the counsellor is gone by 19:00 and the therapist is busy.
    expect(freeStaffByChain(engine, groupAtSeven, 0, false)).toBe(-1);
    expect(freeStaffByChain(engine, groupAtSeven, 0, false, true)).toBe(THERAPIST);
    expect(live(engine)).toEqual([{ ...sessionAtSeven, start: 18 * 60, end: 19 * 60 }]);
    expect(tryAdd(engine, { ...groupAtSeven, staff: [THERAPIST] })).toBeGreaterThanOrEqual(0);
    engine.state.rescore();
    expect(engine.state.score().hard).toBe(0);
    expectScoreFromScratch(problem, engine);
  });

  it('leaves the session where it is when its patient has no other hour', () => {
    const engine = engineWith(retimeClinic('19:00'), [sessionAtSeven]);
    expect(freeStaffByChain(engine, groupAtSeven, 0, true, true)).toBe(-1);
    expect(live(engine)).toEqual([sessionAtSeven]);
  });
});
