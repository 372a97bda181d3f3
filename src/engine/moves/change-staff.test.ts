import { describe, expect, it } from 'vitest';
import type { Problem } from '../../model/problem.js';
import { applyLikeSearch, engineWith, expectScoreFromScratch, live } from '../../../test/engine/engine-kit.js';
import { CADC, hourMember, LCSW, mondayClinic, nineOClock, PROCESS } from '../../../test/engine/scenario-kit.js';
import { changeStaff } from './change-staff.js';

/** Monday 09:00-10:00: a process group the counsellor leads, and `patients` day patients, most of them short. */
function monday(patients: number): Problem {
  return mondayClinic('09:00', '10:00', { patients: Array.from({ length: patients }, (_, i) => hourMember(`p-${i}`)) });
}

/** Who leads the process group after `tries` draws of change-staff. */
function leadersAfter(patients: number, tries: number): Set<number> {
  const problem = monday(patients);
  const engine = engineWith(problem, [nineOClock(0, PROCESS, CADC, [0, 1, 2])]);
  const leaders = new Set<number>();
  for (let k = 0; k < tries; k++) {
    applyLikeSearch(engine, changeStaff);
    leaders.add(live(engine).find((m) => m.service === PROCESS)!.staff[0]!);
  }
  expectScoreFromScratch(problem, engine);
  return leaders;
}

describe('changeStaff', () => {
  it("never hands a counsellor's group seat to a clinician in a large clinic where someone is short", () => {
    expect(leadersAfter(50, 40)).toEqual(new Set([CADC]));
  });

  it('hands it either way in a small clinic (the references draw as before)', () => {
    expect(leadersAfter(10, 40)).toEqual(new Set([CADC, LCSW]));
  });
});
