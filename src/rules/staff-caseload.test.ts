import { describe, it } from 'vitest';
import { expectBroken, expectKept, fullWeek, tiny } from '../../test/support/rule-verifier.js';

const code = 'staff-caseload';
const primaries = (limit: number, change?: (p: ReturnType<typeof tiny>) => void): ReturnType<typeof tiny> =>
  tiny((p) => {
    p.staff[1]!.maxCaseload = limit;
    for (const patient of p.patients) patient.primaryStaff = 'clin-2';
    change?.(p);
  });

describe(code, () => {
  it('reports the patients over the maximum caseload, whatever the timetable', () => {
    expectBroken(code, primaries(2), fullWeek(['p1', 'p2']), [{ penalty: 2, staff: ['clin-2'] }]);
    expectBroken(code, primaries(3), [], [{ penalty: 1, staff: ['clin-2'] }]);
  });
  it('accepts the maximum, members without one, and patients not enrolled this week', () => {
    expectKept(code, primaries(4), fullWeek(['p1', 'p2']));
    expectKept(code, tiny((p) => p.patients.forEach((patient) => (patient.primaryStaff = 'clin-1'))), fullWeek(['p1', 'p2']));
    expectKept(code, primaries(3, (p) => (p.patients[3]!.dischargedOn = '2026-11-23')), fullWeek(['p1', 'p2']));
    expectKept(code, primaries(3, (p) => (p.patients[3]!.admittedOn = '2026-11-30')), fullWeek(['p1', 'p2']));
  });
});
