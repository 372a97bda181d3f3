import { describe, expect, it } from 'vitest';
import { openParts, openStarts } from '../../src/replan/open-starts.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../../src/time/week.js';
import { viewOver, fixtureProblem, group, therapy } from './fixture.js';

const slot = (day: number, hhmm: string): number => day * SLOTS_PER_DAY + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) / SLOT_MINUTES;
const TU = 1;

describe('openStarts', () => {
  it('keeps only starts with a credentialed clinician free for the whole session and, in person, a room', () => {
    // Only clin-1 may lead therapy; clin-1 sees p1 on Tuesday 18:00-19:00 in the only office.
    const driver = viewOver(fixtureProblem(), [therapy('t', 'TU', '18:00', 'p1')], []);
    const therapyIndex = driver.engine.problem.serviceIndex.get('therapy')!;
    const open = openStarts(driver, therapyIndex, false);
    expect(open.has(slot(TU, '17:00'))).toBe(true);
    expect(open.has(slot(TU, '17:15'))).toBe(false); // would run into 18:00
    expect(open.has(slot(TU, '18:30'))).toBe(false);
    expect(open.has(slot(TU, '19:00'))).toBe(true);
    expect(open.has(slot(TU, '23:15'))).toBe(false); // would spill past midnight
    expect(open.has(slot(TU, '23:00'))).toBe(true);
  });

  it('asks for a room only in person', () => {
    // The group rooms are busy Tuesday 18:00-19:00 but clin-2 is free; clin-1 leads both.
    const driver = viewOver(
      fixtureProblem(),
      [group('a', 'process', 'TU', '18:00', 'room-a', 'clin-1', ['p1', 'p2']), group('b', 'skills', 'TU', '18:00', 'room-b', 'clin-2', ['p3', 'p4'])],
      [],
    );
    const process = driver.engine.problem.serviceIndex.get('process')!;
    const parts = openParts(driver, process);
    expect(parts.staff.has(slot(TU, '18:00'))).toBe(false);
    expect(parts.rooms.has(slot(TU, '18:00'))).toBe(false);
    expect(parts.rooms.has(slot(TU, '19:00'))).toBe(true);
    expect(openStarts(driver, process, true).has(slot(TU, '19:00'))).toBe(true);
  });
});
