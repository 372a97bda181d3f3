import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meetingWith, type PlacedMeeting } from './meetings.js';

const group: PlacedMeeting = { id: 'g1', service: 2, track: 0, day: 1, start: 600, end: 660, room: 3, telehealth: false, staff: [4], patients: [5, 6], pinned: true };

describe('meetingWith', () => {
  it('copies every field, changes only those given, and leaves the original alone', () => {
    const copy = meetingWith(group, { patients: [5, 6, 7], room: -1, telehealth: true, pinned: false, id: '' });
    expect(copy).toEqual({ ...group, patients: [5, 6, 7], room: -1, telehealth: true, pinned: false, id: '' });
    expect(copy).not.toBe(group);
    expect(group.patients).toEqual([5, 6]);
    expect(meetingWith(group, {})).toEqual(group);
  });

  it('keeps no-shows when the meeting has them, and adds no key when it has none', () => {
    expect(meetingWith({ ...group, noShows: [6] }, { staff: [] }).noShows).toEqual([6]);
    expect('noShows' in meetingWith(group, { staff: [] })).toBe(false);
  });

  it('builds its keys in one order whatever the changes (one hidden class for every meeting)', () => {
    const keys = Object.keys(group);
    for (const changes of [{}, { patients: [] }, { end: 700, start: 640, day: 2 }, { staff: [1], room: 0 }]) {
      expect(Object.keys(meetingWith({ pinned: false, patients: [], staff: [], telehealth: false, room: -1, end: 1, start: 0, day: 0, track: -1, service: 0, id: '' }, changes))).toEqual(keys);
    }
  });
});

/**
 * Construction and the kernel build every meeting through `meetingWith` (or one literal in the
 * interface's order): an object spread gives each spread site a hidden class of its own, and five
 * of them made the fast checks and rules megamorphic and deoptimised them in a cold process
 * (first complete at 1,000 patients, construction CPU about a third lower with one class).
 */
describe('meetings built by construction', () => {
  it('are never object spreads', () => {
    const root = join(import.meta.dirname, '..', 'engine');
    const files = [
      ...readdirSync(join(root, 'construct')).map((f) => join(root, 'construct', f)),
      ...readdirSync(join(root, 'kernel')).map((f) => join(root, 'kernel', f)),
      join(root, 'chains', 'relieve.ts'),
    ].filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const spreads = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
        .filter(({ line }) => /\{\s*\.\.\.\w/.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*')),
    );
    expect(spreads.map((s) => s.where)).toEqual([]);
  });
});
