import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'cadence-window';
/** Individual therapy every 7-9 days; last attended Wednesday 2026-11-18 (a no-show on Friday the 20th does not count). */
const problem = (): ReturnType<typeof tiny> =>
  tiny((p) => {
    p.patients[0]!.requires = [{ service: 'individual', cadence: { minDays: 7, maxDays: 9 } }];
    p.patients[0]!.history = [
      { service: 'individual', date: '2026-11-18' },
      { service: 'individual', date: '2026-11-20', status: 'no-show' },
    ];
  });

describe(code, () => {
  it('reports a session before the minimum interval and one after the due date', () => {
    expectBroken(code, problem(), [individual('i1', 'TU', '17:00', 'p1')], [{ penalty: 1, patients: ['p1'], meetings: ['i1'], date: DATE.TU }]);
    expectBroken(code, problem(), [individual('i1', 'SA', '17:00', 'p1')], [{ penalty: 1, patients: ['p1'], meetings: ['i1'], date: DATE.SA }]);
  });
  it('accepts a session inside the window, and any day when there is no history', () => {
    expectKept(code, problem(), [individual('i1', 'WE', '17:00', 'p1')]);
    expectKept(code, problem(), [individual('i1', 'FR', '17:00', 'p1')]);
    const fresh = tiny((p) => (p.patients[0]!.requires = [{ service: 'individual', cadence: { minDays: 7, maxDays: 9 } }]));
    expectKept(code, fresh, [individual('i1', 'MO', '17:00', 'p1')]);
  });
  it('reports any session while it is not allowed yet', () => {
    const soon = tiny((p) => {
      p.patients[0]!.requires = [{ service: 'individual', cadence: { minDays: 14, maxDays: 28 } }];
      p.patients[0]!.history = [{ service: 'individual', date: '2026-11-17' }];
    });
    expectBroken(code, soon, [individual('i1', 'SU', '17:00', 'p1')], [{ penalty: 1, patients: ['p1'] }]);
  });
});

describe('the report of a cadence requirement', () => {
  it('shows its due date and whether the week keeps it; a late session does not count', () => {
    const due = tiny((p) => {
      p.patients[0]!.requires = [{ service: 'individual', cadence: { minDays: 7, maxDays: 9 } }];
      p.patients[0]!.history = [{ service: 'individual', date: '2026-11-16' }];
    });
    const late = reportOf(due, [individual('i1', 'WE', '17:00', 'p1')]).patients.find((row) => row.patient === 'p1')!;
    expect(late.cadence).toEqual([{ service: 'individual', state: 'due', lastAttended: '2026-11-16', earliest: '2026-11-23', dueBy: '2026-11-25', held: [DATE.WE], met: true }]);
    const onTime = reportOf(due, [individual('i1', 'TH', '17:00', 'p1')]);
    const row = onTime.patients.find((r) => r.patient === 'p1')!;
    expect(row.cadence?.[0]).toMatchObject({ dueBy: '2026-11-25', held: [DATE.TH], met: false });
    expect(row.requirements.find((r) => r.rule === 'requires-min')).toMatchObject({ label: 'at least 1 session of individual (due by 2026-11-25)', actual: 0, met: false });
    expect(onTime.unmet.some((u) => u.patient === 'p1' && u.rule === 'requires-min')).toBe(true);
    expect(reportOf(tiny(), []).patients[0]!.cadence).toBeUndefined();
  });
});
