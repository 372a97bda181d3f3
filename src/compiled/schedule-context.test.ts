import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Schedule } from '../model/schedule.js';
import { checkSchedule } from '../pipeline/check-schedule.js';
import { group, individual, tiny } from '../../test/support/rule-verifier.js';
import { scheduleOf, tinyProblem } from '../../test/support/tiny.js';

const integrity = (schedule: unknown): string[] =>
  checkSchedule(tinyProblem(), schedule as Schedule)
    .violations.filter((v) => v.rule === 'schedule-integrity')
    .map((v) => v.message);

describe('schedule-integrity', () => {
  it('reports unknown ids of every kind without crashing', () => {
    const found = integrity(
      scheduleOf([
        group('g1', 'TU', '18:00', ['p1', 'ghost'], { staff: ['clin-9'], room: 'room-z', track: 'night' }),
        { ...group('g2', 'WE', '18:00', ['p1', 'p2']), service: 'yoga' },
      ]),
    );
    expect(found).toEqual([
      expect.stringContaining('unknown track night'),
      expect.stringContaining('unknown room room-z'),
      expect.stringContaining('unknown staff member clin-9'),
      expect.stringContaining('unknown patient ghost'),
      expect.stringContaining('unknown service yoga'),
    ]);
  });

  it('reads no-shows: an unknown one, one also attending, and a list that is not one are breaches', () => {
    const found = integrity(
      scheduleOf([
        group('g1', 'TU', '18:00', ['p1', 'p2'], { noShows: ['ghost', 'p1'] }),
        { ...group('g2', 'WE', '18:00', ['p1', 'p2']), noShows: 'p3' as unknown as string[] },
        group('g3', 'TH', '18:00', ['p1'], { noShows: ['p2'] }),
      ]),
    );
    expect(found).toEqual([
      expect.stringContaining('unknown no-show patient ghost'),
      'Meeting g1 lists patient p1 both as attending and as a no-show.',
      expect.stringContaining('Meeting g2 has no list of no-show patients'),
    ]);
  });

  it('reports a wrong weekday, duplicate ids, an end before the start and malformed times', () => {
    const found = integrity(
      scheduleOf([
        { ...group('g1', 'TU', '18:00', ['p1', 'p2']), day: 'MO' },
        group('g1', 'WE', '18:00', ['p1', 'p2']),
        { ...group('g3', 'TH', '18:00', ['p1', 'p2']), end: '17:00' },
        { ...group('g4', 'TH', '18:00', ['p1', 'p2']), start: '25:00' },
        { ...group('g5', 'TH', '19:00', ['p1', 'p2']), date: '2026-02-30' },
      ]),
    );
    expect(found).toEqual([
      expect.stringContaining('says MO but 2026-11-24 is a TU'),
      expect.stringContaining('Meeting id g1 is used by more than one meeting'),
      expect.stringContaining('ends at 17:00, not after it starts at 18:00'),
      expect.stringContaining('malformed date or time'),
      expect.stringContaining('malformed date or time'),
    ]);
  });

  it('reports a date outside the week through meeting-outside-week, once', () => {
    const report = checkSchedule(tinyProblem(), scheduleOf([group('g1', 'MO', '18:00', ['p1', 'p2'], { date: '2026-12-01' })]));
    expect(report.violations.filter((v) => v.meetings.includes('g1') && (v.rule === 'meeting-outside-week' || v.rule === 'schedule-integrity')).map((v) => v.rule)).toEqual([
      'schedule-integrity', // startsAt no longer matches the edited date
      'meeting-outside-week',
    ]);
    expect(report.feasible).toBe(false);
  });

  it('reports inconsistent mode, room and instants, and a schedule for another week or zone', () => {
    const found = integrity({
      timeZone: 'America/New_York',
      weekStart: '2026-11-30',
      meetings: [
        { ...individual('i1', 'TU', '18:00', 'p1'), mode: 'telehealth' },
        { ...individual('i2', 'WE', '18:00', 'p1'), room: null, mode: 'in-person' },
        { ...individual('i3', 'TH', '18:00', 'p1'), startsAt: '2026-11-26T18:00:00Z' },
      ],
    });
    expect(found).toEqual([
      expect.stringContaining('time zone America/New_York'),
      expect.stringContaining('week of 2026-11-30'),
      expect.stringContaining('held by telehealth but names room office-1'),
      expect.stringContaining('in person but has no room'),
      expect.stringContaining('startsAt/endsAt'),
    ]);
  });

  it('reports shapes that are not a schedule at all', () => {
    expect(integrity(null)).toEqual([expect.stringContaining('not an object')]);
    expect(integrity({ timeZone: 'America/Los_Angeles', weekStart: '2026-11-23', meetings: 'none' })).toEqual([expect.stringContaining('no list of meetings')]);
    expect(integrity({ timeZone: 'America/Los_Angeles', weekStart: '2026-11-23', meetings: [42, { id: 7, service: 'process', staff: 'clin-1' }] })).toHaveLength(3);
  });

  it('never throws on arbitrary hand-edited meetings, and every breach is a 1-point hard violation', () => {
    const text = fc.oneof(fc.constantFrom('p1', 'p2', 'clin-1', 'room-a', 'process', 'individual', 'evening', 'TU', '18:00', '24:00', '2026-11-24', '__proto__', ''), fc.string({ maxLength: 6 }));
    const value = fc.oneof(text, fc.integer(), fc.constant(null), fc.constant(undefined), fc.array(text, { maxLength: 3 }));
    const rawMeeting = fc.oneof(
      fc.dictionary(fc.constantFrom('id', 'service', 'track', 'date', 'day', 'start', 'end', 'startsAt', 'endsAt', 'room', 'mode', 'staff', 'patients', 'pinned'), value),
      fc.record({ id: text, edit: fc.constantFrom('start', 'end', 'date', 'day', 'room', 'staff', 'patients', 'service'), to: value }).map(({ id, edit, to }) => ({ ...group(id, 'TU', '18:00', ['p1', 'p2']), [edit]: to })),
    );
    fc.assert(
      fc.property(fc.array(rawMeeting, { maxLength: 6 }), (meetings) => {
        const report = checkSchedule(tiny(), { timeZone: 'America/Los_Angeles', weekStart: '2026-11-23', meetings } as unknown as Schedule);
        for (const v of report.violations.filter((x) => x.rule === 'schedule-integrity')) expect(v).toMatchObject({ level: 'hard', penalty: 1 });
        expect(report.patients).toHaveLength(4);
      }),
      { numRuns: 150 },
    );
  });
});
