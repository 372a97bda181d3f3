import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, tiny } from '../../test/support/rule-verifier.js';

const code = 'staff-notes-time';
const withNotes = (minutes: number) => tiny((p) => (p.services[0]!.notesMinutes = minutes));

describe(code, () => {
  it('reports a session that starts inside the notes time of the one before, by the minutes lost', () => {
    expectBroken(code, withNotes(10), [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'TU', '19:00', ['p1', 'p2'])], [
      { penalty: 10, staff: ['clin-1'], date: DATE.TU },
    ]);
  });
  it('keeps a session that starts when the notes are done, and back-to-back sessions without notes time', () => {
    expectKept(code, withNotes(10), [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'TU', '19:10', ['p1', 'p2'], {}, 50)]);
    expectKept(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'TU', '19:00', ['p1', 'p2'])]);
  });
  it('holds the facilitator, not the room: another clinician may use the room at once', () => {
    expectKept(code, withNotes(10), [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'TU', '19:00', ['p3', 'p4'], { staff: ['clin-2'] })]);
  });
});
