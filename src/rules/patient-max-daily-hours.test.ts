import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'patient-max-daily-hours';
const problem = (): ReturnType<typeof tiny> => tiny((p) => (p.tracks[0]!.rules = { maxDailyHours: 2 }));
describe(code, () => {
  it('reports minutes over the daily maximum (from the track rules), per patient and day', () => {
    const meetings = ['18:00', '19:00', '20:00'].map((start, i) => group(`g${i}`, 'TU', start, ['p1', 'p2']));
    expectBroken(code, problem(), meetings, [
      { penalty: 60, patients: ['p1'], date: DATE.TU },
      { penalty: 60, patients: ['p2'], date: DATE.TU },
    ]);
  });
  it('accepts the maximum, and no limit when none is set', () => {
    expectKept(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'TU', '19:00', ['p1', 'p2'])]);
    expectKept(code, tiny(), fullWeek(['p1', 'p2']));
  });
});
