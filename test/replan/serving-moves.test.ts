import { describe, expect, it } from 'vitest';
import { shortfallOf } from '../../src/replan/driver.js';
import { triageWeights } from '../../src/rules/patients-short.js';
import { displaceIndividual } from '../../src/replan/displace.js';
import { openBeside, reshuffle } from '../../src/replan/reshuffle.js';
import { serveAffected } from '../../src/replan/serve.js';
import { driverOver, fixtureProblem, group, indexOf, liveWeek, therapy } from './driver-fixture.js';

const TU = 1;
const WE = 2;
const SIX_PM = 18 * 60;

describe('reshuffle: the patient\u2019s own week changes to keep a requirement', () => {
  it('leaves a surplus session for a needed group at the same time and gets the lost service back elsewhere', () => {
    // `new` holds process Tue 18:00 (clashing with the skills group it needs) and skills Wed.
    const driver = driverOver(
      fixtureProblem(),
      [
        group('tu-process', 'process', 'TU', '18:00', 'room-a', 'clin-1', ['p1', 'p2', 'new']),
        group('tu-skills', 'skills', 'TU', '18:00', 'room-b', 'clin-2', ['p3', 'p4']),
        group('we-skills', 'skills', 'WE', '18:00', 'room-a', 'clin-1', ['p3', 'p4', 'new']),
        group('th-process', 'process', 'TH', '18:00', 'room-a', 'clin-1', ['p1', 'p2']),
      ],
      ['new'],
    );
    const p = indexOf(driver, 'new');
    // 60 minutes short, besides the whole-patient triage weight (rule patients-short).
    expect(shortfallOf(driver, p) - triageWeights(driver.engine.problem).weight[p]!).toBe(60);
    expect(reshuffle(driver, p)).toBe(true);
    const mine = liveWeek(driver).filter((m) => m.patients.includes('new')).map((m) => m.id).sort();
    expect(mine).toEqual(['th-process', 'tu-skills', 'we-skills']);
    expect(shortfallOf(driver, p)).toBe(0);
    expect(driver.engine.state.score().hard).toBe(0);
  });

  it('takes the seat of a member of a full group who holds more of it than needed, and no other member\u2019s', () => {
    // Skills Wed is full; p5 has skills three times (wants two), p3 and p4 exactly two.
    const driver = driverOver(
      fixtureProblem(),
      [
        group('tu-skills', 'skills', 'TU', '18:00', 'room-a', 'clin-1', ['p3', 'p4', 'p5']),
        group('we-skills', 'skills', 'WE', '18:00', 'room-a', 'clin-1', ['p3', 'p4', 'p5']),
        group('th-skills', 'skills', 'TH', '18:00', 'room-a', 'clin-1', ['p5', 'p6', 'new']),
        group('th-process', 'process', 'TH', '19:00', 'room-a', 'clin-1', ['p3', 'p4', 'p5']),
        group('tu-process', 'process', 'TU', '19:00', 'room-a', 'clin-1', ['p6', 'new']),
      ],
      ['new'],
    );
    const before = ['p3', 'p4', 'p5', 'p6'].map((id) => shortfallOf(driver, indexOf(driver, id)));
    expect(reshuffle(driver, indexOf(driver, 'new'))).toBe(true);
    const week = liveWeek(driver);
    // p5 gave up one of its three skills sessions (the first in the week); p3 and p4 kept theirs.
    expect(week.find((m) => m.id === 'tu-skills')!.patients).toEqual(['new', 'p3', 'p4']);
    expect(week.find((m) => m.id === 'we-skills')!.patients).toEqual(['p3', 'p4', 'p5']);
    expect(shortfallOf(driver, indexOf(driver, 'new'))).toBe(0);
    expect(['p3', 'p4', 'p5', 'p6'].map((id) => shortfallOf(driver, indexOf(driver, id)))).toEqual(before);
  });

  it('makes no change when every member of the full groups needs the seat and has no other', () => {
    // p3-p5 hold exactly the two skills sessions they need and are in process when the
    // Thursday skills group (the one with a seat) meets.
    const meetings = [
      group('tu-skills', 'skills', 'TU', '18:00', 'room-a', 'clin-1', ['p3', 'p4', 'p5']),
      group('we-skills', 'skills', 'WE', '18:00', 'room-a', 'clin-1', ['p3', 'p4', 'p5']),
      group('th-skills', 'skills', 'TH', '18:00', 'room-a', 'clin-1', ['p6', 'new']),
      group('th-process', 'process', 'TH', '18:00', 'room-b', 'clin-2', ['p3', 'p4', 'p5']),
      group('tu-process', 'process', 'TU', '19:00', 'room-a', 'clin-1', ['p6', 'new']),
    ];
    const driver = driverOver(fixtureProblem(), meetings, ['new']);
    const before = liveWeek(driver);
    expect(reshuffle(driver, indexOf(driver, 'new'))).toBe(false);
    expect(liveWeek(driver)).toEqual(before);
  });
});

describe('openBeside: a parallel section beside a full group', () => {
  it('opens one with free staff and room; the members who move keep their service, day and start', () => {
    const driver = driverOver(
      fixtureProblem(),
      [
        group('tu-skills', 'skills', 'TU', '18:00', 'room-a', 'clin-1', ['p3', 'p4', 'p5']),
        group('we-skills', 'skills', 'WE', '18:00', 'room-a', 'clin-1', ['p3', 'p4', 'p5']),
        group('th-skills', 'skills', 'TH', '18:00', 'room-a', 'clin-1', ['p6', 'new']),
        group('th-process', 'process', 'TH', '19:00', 'room-a', 'clin-1', ['p3', 'p4', 'p5']),
        group('tu-process', 'process', 'TU', '19:00', 'room-a', 'clin-1', ['p6', 'new']),
      ],
      ['new'],
    );
    const sessions = (id: string): string[] =>
      liveWeek(driver)
        .filter((m) => m.patients.includes(id))
        .map((m) => `${m.service}@${m.day}@${m.start}`)
        .sort();
    const before = ['p3', 'p4', 'p5'].map(sessions);
    expect(openBeside(driver, indexOf(driver, 'new'))).toBe(true);
    const tuesday = liveWeek(driver).filter((m) => m.service === 'skills' && m.day === TU && m.start === SIX_PM);
    expect(tuesday).toHaveLength(2);
    expect(tuesday.find((m) => m.id === '')!.patients).toContain('new');
    expect(tuesday.every((m) => m.patients.length >= 2)).toBe(true);
    expect(['p3', 'p4', 'p5'].map(sessions)).toEqual(before);
    expect(shortfallOf(driver, indexOf(driver, 'new'))).toBe(0);
    expect(driver.engine.state.score().hard).toBe(0);
  });

  it('opens none when no clinician is free then', () => {
    const driver = driverOver(
      fixtureProblem(),
      [
        group('tu-skills', 'skills', 'TU', '18:00', 'room-a', 'clin-1', ['p3', 'p4', 'p5']),
        group('tu-process', 'process', 'TU', '18:00', 'room-b', 'clin-2', ['p1', 'p2']),
        group('th-skills', 'skills', 'TH', '18:00', 'room-a', 'clin-1', ['p6', 'new']),
        group('th-process', 'process', 'TH', '19:00', 'room-a', 'clin-1', ['p6', 'new']),
      ],
      ['new'],
    );
    const before = liveWeek(driver);
    expect(openBeside(driver, indexOf(driver, 'new'))).toBe(false);
    expect(liveWeek(driver)).toEqual(before);
  });
});

describe('displaceIndividual: another patient\u2019s individual session makes way', () => {
  it('moves it, under the same id, to a time its patient is free, and places the short patient in the freed time', () => {
    // Only clin-1 leads therapy. `new` is free only Tuesday 18:00-19:00, when clin-1 sees p1.
    const problem = fixtureProblem({
      new: { tracks: [], requires: [{ service: 'therapy', min: 1 }], availability: { weekly: [{ days: ['TU'], start: '18:00', end: '19:00' }] } },
      p1: { tracks: [], requires: [{ service: 'therapy', min: 1 }] },
    });
    const driver = driverOver(problem, [therapy('p1-therapy', 'TU', '18:00', 'p1')], ['new']);
    const p1 = indexOf(driver, 'p1');
    expect(displaceIndividual(driver, indexOf(driver, 'new'), driver.engine.problem.serviceIndex.get('therapy')!)).toBe(true);
    const week = liveWeek(driver);
    const moved = week.find((m) => m.id === 'p1-therapy')!;
    expect(moved.patients).toEqual(['p1']);
    expect([moved.day, moved.start]).not.toEqual([TU, SIX_PM]);
    expect(week.find((m) => m.patients.includes('new'))).toMatchObject({ service: 'therapy', day: TU, start: SIX_PM });
    expect(shortfallOf(driver, p1)).toBe(0);
    expect(driver.engine.state.score().hard).toBe(0);
  });

  it('moves nothing when the session in the way has nowhere else to go', () => {
    const problem = fixtureProblem({
      new: { tracks: [], requires: [{ service: 'therapy', min: 1 }], availability: { weekly: [{ days: ['TU'], start: '18:00', end: '19:00' }] } },
      p1: { tracks: [], requires: [{ service: 'therapy', min: 1 }], availability: { weekly: [{ days: ['TU'], start: '18:00', end: '19:00' }] } },
    });
    const driver = driverOver(problem, [therapy('p1-therapy', 'TU', '18:00', 'p1')], ['new']);
    expect(displaceIndividual(driver, indexOf(driver, 'new'), driver.engine.problem.serviceIndex.get('therapy')!)).toBe(false);
    expect(liveWeek(driver)).toEqual([{ id: 'p1-therapy', service: 'therapy', day: TU, start: SIX_PM, patients: ['p1'] }]);
  });
});

describe('serveAffected', () => {
  it('tries the moves that change others only after adding the patient to what is there', () => {
    // Free seats in two skills groups and a process group: joining them is enough; nobody
    // else's sessions change, though a full skills group has a member with one to spare.
    const meetings = [
      group('tu-skills', 'skills', 'TU', '18:00', 'room-a', 'clin-1', ['p3', 'p4', 'p5']),
      group('th-skills', 'skills', 'TH', '18:00', 'room-a', 'clin-1', ['p3', 'p4']),
      group('we-skills', 'skills', 'WE', '18:00', 'room-a', 'clin-1', ['p3', 'p6']),
      group('th-process', 'process', 'TH', '19:00', 'room-a', 'clin-1', ['p3', 'p4']),
    ];
    const driver = driverOver(fixtureProblem(), meetings, ['new']);
    serveAffected(driver, () => false);
    const week = liveWeek(driver);
    for (const m of week) expect(m.patients.filter((id) => id !== 'new')).toEqual(meetings.find((x) => x.id === m.id)?.patients.slice().sort() ?? []);
    expect(shortfallOf(driver, indexOf(driver, 'new'))).toBe(0);
  });
});
