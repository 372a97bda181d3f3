/**
 * The tiny clinic with every id and name replaced by an exotic string: as long as the limits
 * allow (200 UTF-16 units for ids), emoji, CJK, combining marks, controls, bidi overrides, dots,
 * and (for the validation-facing properties) lone surrogates. Its week has a group session on
 * three days, two individual sessions and a session dated outside the week.
 */
import fc from 'fast-check';
import type { Problem } from '../../src/model/problem.js';
import type { Meeting, Schedule } from '../../src/model/schedule.js';
import { meeting, scheduleOf, tinyProblem } from '../support/tiny.js';

/** Any UTF-16 code unit: lone surrogates included, which `unit: 'binary'` never gives. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** An exotic string of 1 to 200 UTF-16 units. */
export const exoticText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('.'.repeat(85), '..', '.', '😀'.repeat(100), '認'.repeat(200), 'a\u0301'.repeat(100), '\u202Egnp.exe', 'CON', 'x'.repeat(200), '👨‍👩‍👧'.repeat(25), '☀\uFE0F'.repeat(100)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }).filter((text) => text.length <= 200),
  fc.string({ unit: codeUnit, minLength: 1, maxLength: 200 }),
  fc.string({ minLength: 1, maxLength: 200 }),
);

/** `count` distinct exotic strings. */
function distinct(count: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(exoticText, { minLength: count, maxLength: count });
}

/**
 * A problem (not yet validated: it may hold lone surrogates) and a week of meetings on it,
 * with every id and name exotic.
 */
export const exoticWeek: fc.Arbitrary<{ problem: Problem; schedule: Schedule }> = fc
  .record({
    track: exoticText,
    services: distinct(2),
    staff: distinct(2),
    rooms: distinct(2),
    patients: distinct(4),
    meetings: distinct(6),
    names: fc.array(fc.option(fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }), { nil: undefined }), { minLength: 7, maxLength: 7 }),
  })
  .map(({ track, services, staff, rooms, patients, meetings, names }) => {
    const [process = '', individual = ''] = services;
    const [clin1 = '', clin2 = ''] = staff;
    const [roomA = '', office = ''] = rooms;
    const [p1 = '', p2 = '', p3 = '', p4 = ''] = patients;
    const named = <T extends object>(entity: T, index: number): T => (names[index] === undefined ? entity : { ...entity, name: names[index] });
    const base = tinyProblem();
    const problem: Problem = {
      ...base,
      tracks: base.tracks.map((t) => named({ ...t, id: track }, 0)),
      services: [named({ ...base.services[0]!, id: process }, 1), named({ ...base.services[1]!, id: individual }, 2)],
      staff: [named({ ...base.staff[0]!, id: clin1 }, 3), named({ ...base.staff[1]!, id: clin2 }, 4)],
      rooms: [named({ ...base.rooms[0]!, id: roomA }, 5), named({ ...base.rooms[1]!, id: office }, 6)],
      patients: patients.map((id) => ({ id, tracks: [track] })),
    };
    const [g1 = '', g2 = '', g3 = '', i1 = '', i2 = '', stray = ''] = meetings;
    const week: Meeting[] = [
      meeting({ id: g1, service: process, track, day: 'TU', start: '18:00', room: roomA, staff: [clin1], patients: [p1, p2, p3] }),
      meeting({ id: g2, service: process, track, day: 'WE', start: '18:00', room: roomA, staff: [clin2], patients: [p1, p2, p4] }),
      meeting({ id: g3, service: process, track, day: 'TH', start: '19:00', room: roomA, staff: [clin1], patients: [p1, p3, p4] }),
      meeting({ id: i1, service: individual, day: 'TH', start: '17:00', room: office, staff: [clin2], patients: [p1] }),
      meeting({ id: i2, service: individual, day: 'TH', start: '17:00', staff: [clin1], patients: [p2] }),
      { ...meeting({ id: stray, service: process, track, day: 'TU', start: '18:00', room: roomA, patients: [p4] }), date: '2026-12-01' },
    ];
    return { problem, schedule: scheduleOf(week) };
  });
