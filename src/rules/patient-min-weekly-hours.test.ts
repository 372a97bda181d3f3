import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'patient-min-weekly-hours';
const two = (change?: Parameters<typeof tiny>[0]): ReturnType<typeof tiny> =>
  tiny((p) => {
    p.patients = p.patients.slice(0, 2);
    change?.(p);
  });
const sixHours = (): ReturnType<typeof fullWeek> => fullWeek(['p1', 'p2']).filter((m) => !m.id.includes('TH'));
describe(code, () => {
  it('reports minutes short of the weekly minimum, matching the unmet entry', () => {
    expectBroken(code, two(), sixHours(), [
      { penalty: 180, patients: ['p1'] },
      { penalty: 180, patients: ['p2'] },
    ]);
    const report = reportOf(two(), sixHours());
    expect(report.unmet.filter((u) => u.rule === code)).toEqual([
      expect.objectContaining({ patient: 'p1', shortfall: 180, causes: [expect.objectContaining({ code: 'unused-opening' })], repairs: [] }),
      expect.objectContaining({ patient: 'p2', shortfall: 180 }),
    ]);
    expect(report.patients[0]!.requirements.find((r) => r.rule === code)).toMatchObject({ target: 9, actual: 6, met: false });
  });
  it('accepts 6 hours when the track asks for 6, and nothing for a patient discharged before the week', () => {
    expectKept(code, two((p) => (p.tracks[0]!.rules = { minWeeklyHours: 6 })), sixHours());
    expectKept(code, two((p) => (p.patients[1]!.dischargedOn = '2026-11-20')), fullWeek(['p1']));
  });
});
