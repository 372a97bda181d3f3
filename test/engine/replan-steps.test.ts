/**
 * The engine's re-planning steps on a small evening clinic: the release of what a change broke,
 * the construction limited to affected patients, the serving guard and the cutoff.
 */
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compiled/compile.js';
import { previousWeekFrom } from '../../src/compiled/schedule-context.js';
import { blocker, constructAffected, createEngine, releaseBroken, type Engine, type PublishedMeeting } from '../../src/engine/index.js';
import { join } from '../../src/engine/moves/choose.js';
import { ServingGuard } from '../../src/engine/kernel/serving.js';
import { assertValidProblem } from '../../src/input/validate.js';
import type { Problem } from '../../src/model/problem.js';
import type { Meeting } from '../../src/model/schedule.js';
import { readPublished } from '../../src/replan/published.js';
import { allRules } from '../../src/rules/catalogue.js';
import { Budget } from '../../src/time/budget.js';
import { scheduleOf } from '../support/tiny.js';
import { fixtureProblem, group, therapy } from '../replan/fixture.js';
import { exportWithSlots } from '../../src/compiled/export.js';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { expectScoreFromScratch } from './engine-kit.js';

/** An engine holding nothing, scored against `meetings` as the published week, and those meetings as the release loads them. */
function start(problem: Problem, meetings: Meeting[], opensAt?: number[]): { engine: Engine; published: PublishedMeeting[] } {
  const compiled = compileProblem(assertValidProblem(problem));
  const read = readPublished(compiled, scheduleOf(meetings));
  const engine = createEngine(compiled, allRules(), new Map(), 1, { previous: previousWeekFrom(compiled, read.meetings), ...(opensAt ? { opensAt } : {}) });
  const published = read.meetings.map((meeting) => {
    const past = opensAt !== undefined && meeting.start < opensAt[meeting.day]!;
    return { meeting: { ...meeting, pinned: past }, frozen: past, past };
  });
  return { engine, published };
}

const index = (engine: Engine, id: string): number => engine.problem.patientIndex.get(id)!;

/** Each patient's sessions as `service day start`, sorted. */
function weekOf(engine: Engine, id: string): string[] {
  const state = engine.state;
  return state.patientMeetings[index(engine, id)]!.map((i) => state.meetings[i]!)
    .map((m) => `${engine.problem.services[m.service]!.id} ${m.day} ${m.start}`)
    .sort();
}

const WEEK = (): Meeting[] => [
  group('tu-skills', 'skills', 'TU', '18:00', 'room-a', 'clin-1', ['p1', 'p2']),
  group('we-skills', 'skills', 'WE', '18:00', 'room-a', 'clin-1', ['p1', 'p2']),
  group('th-process', 'process', 'TH', '18:00', 'room-a', 'clin-1', ['p1', 'p2']),
  group('tu-process', 'process', 'TU', '19:00', 'room-b', 'clin-2', ['p3', 'p4', 'p5']),
];

describe('releaseBroken', () => {
  it('keeps what still keeps the rules and re-staffs, in place, a group whose clinician is out', () => {
    // clin-1 is out on Tuesday; clin-2 is free at 18:00.
    const problem = fixtureProblem();
    problem.staff[0]!.availability = { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], start: '00:00', end: '24:00' }], except: [{ date: '2026-11-24' }] };
    const { engine, published } = start(problem, WEEK());
    const { released } = releaseBroken(engine, published);
    expect(released.map((r) => [r.meeting.id, r.code, r.displaced])).toEqual([['tu-skills', 'staff-availability', []]]);
    const tuesday = engine.state.meetings.find((m) => m?.id === 'tu-skills')!;
    expect([tuesday.day, tuesday.start, tuesday.staff]).toEqual([1, 18 * 60, [engine.problem.staffIndex.get('clin-2')!]]);
    expect(engine.state.score().hard).toBe(0);
    // Scored against the published week (stability counts the new clinician), as from scratch.
    const { schedule } = exportWithSlots(engine.problem, engine.state.meetings);
    expect(checkSchedule(problem, schedule, { previous: scheduleOf(WEEK()) }).score).toEqual(engine.state.score());
  });

  it('still re-staffs in place once the budget is spent (a dissolved group makes all of its patients short)', () => {
    const problem = fixtureProblem();
    problem.staff[0]!.availability = { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], start: '00:00', end: '24:00' }], except: [{ date: '2026-11-24' }] };
    const { engine, published } = start(problem, WEEK());
    engine.budget = new Budget({ timeLimitMs: 0 });
    expect(engine.budget.spent()).toBe(true);
    const { released } = releaseBroken(engine, published);
    expect(released.map((r) => [r.meeting.id, r.displaced])).toEqual([['tu-skills', []]]);
    expect(engine.state.meetings.some((m) => m?.id === 'tu-skills')).toBe(true);
  });

  it('hands the patients of a group left below its minimum to the affected construction', () => {
    const meetings = WEEK();
    meetings[0] = group('tu-skills', 'skills', 'TU', '18:00', 'room-a', 'clin-1', ['p1']);
    const { engine, published } = start(fixtureProblem(), meetings);
    const { released } = releaseBroken(engine, published);
    expect(released.map((r) => [r.meeting.id, r.displaced])).toEqual([['tu-skills', [index(engine, 'p1')]]]);
    expect(engine.state.meetings.some((m) => m?.id === 'tu-skills')).toBe(false);
  });

  it("frees a clinician for a group by moving one patient's individual session, not the whole group", () => {
    // clin-2 is out on Tuesday; clin-1, the only other who may lead, holds p6's therapy at 19:00.
    // Moving the group to 20:00 (where clin-1 is free) would change three patients' weeks; moving
    // the therapy changes one.
    const problem = fixtureProblem();
    problem.staff[1]!.availability = { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], start: '00:00', end: '24:00' }], except: [{ date: '2026-11-24' }] };
    const meetings = [...WEEK(), therapy('tu-therapy', 'TU', '19:00', 'p6')];
    const { engine, published } = start(problem, meetings);
    const { released } = releaseBroken(engine, published);
    expect(released.map((r) => [r.meeting.id, r.displaced])).toEqual([['tu-process', []]]);
    const process = engine.state.meetings.find((m) => m?.id === 'tu-process')!;
    expect([process.day, process.start, process.staff, process.patients]).toEqual([1, 19 * 60, [engine.problem.staffIndex.get('clin-1')!], [index(engine, 'p3'), index(engine, 'p4'), index(engine, 'p5')]]);
    expect(weekOf(engine, 'p6')).toHaveLength(1);
    expect(weekOf(engine, 'p6')).not.toEqual(['therapy 1 1140']);
    expect(engine.state.score().hard).toBe(0);
    const { schedule } = exportWithSlots(engine.problem, engine.state.meetings);
    expect(checkSchedule(problem, schedule, { previous: scheduleOf(meetings) }).score).toEqual(engine.state.score());
  });
});

describe('constructAffected', () => {
  it('gives an admitted patient the groups with a seat, changing nobody else', () => {
    const { engine, published } = start(fixtureProblem(), WEEK());
    releaseBroken(engine, published);
    const before = ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => weekOf(engine, id));
    expect(constructAffected(engine, [index(engine, 'new')])).toBeGreaterThan(0);
    expect(weekOf(engine, 'new')).toEqual(['process 3 1080', 'skills 1 1080', 'skills 2 1080']);
    expect(['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => weekOf(engine, id))).toEqual(before);
    expect(engine.state.score().hard).toBe(0);
    expectScoreFromScratch(fixtureProblem(), engine);
  });

  it('opens a parallel section beside a full group, its movers keeping their session', () => {
    // The only process group is full; clin-1 and room-a are free then.
    const meetings = [
      group('tu-skills', 'skills', 'TU', '18:00', 'room-a', 'clin-1', ['p1', 'p2']),
      group('we-skills', 'skills', 'WE', '18:00', 'room-a', 'clin-1', ['p1', 'p2']),
      group('th-process', 'process', 'TH', '19:00', 'room-b', 'clin-2', ['p3', 'p4', 'p5']),
    ];
    const { engine, published } = start(fixtureProblem(), meetings);
    releaseBroken(engine, published);
    const before = ['p3', 'p4', 'p5'].map((id) => weekOf(engine, id));
    constructAffected(engine, [index(engine, 'new')]);
    expect(weekOf(engine, 'new')).toContain('process 3 1140');
    expect(['p3', 'p4', 'p5'].map((id) => weekOf(engine, id))).toEqual(before);
    expect(engine.state.score().hard).toBe(0);
  });

  it('places nothing before the cutoff, and the engine refuses it', () => {
    // Tuesday has happened: its meetings are a record.
    const opensAt = [0, 1441, 0, 0, 0, 0, 0];
    const { engine, published } = start(fixtureProblem(), WEEK(), opensAt);
    releaseBroken(engine, published);
    constructAffected(engine, [index(engine, 'new')]);
    const days = engine.state.patientMeetings[index(engine, 'new')]!.map((i) => engine.state.meetings[i]!.day);
    expect(days.length).toBeGreaterThan(0);
    expect(days.every((day) => day !== 1)).toBe(true);
    const tuesday = engine.state.meetings.find((m) => m?.id === 'tu-process')!;
    expect(blocker(engine, { ...tuesday, id: '', pinned: false, start: tuesday.start + 60, end: tuesday.end + 60 }, -1, true)).toBe('replan-past');
  });
});

describe('ServingGuard', () => {
  it('accepts a change that serves an affected patient and refuses one that changes anyone else’s week', () => {
    const { engine, published } = start(fixtureProblem(), [...WEEK(), therapy('tu-therapy', 'TU', '20:00', 'p6')]);
    releaseBroken(engine, published);
    const served = index(engine, 'new');
    const guard = new ServingGuard(engine, [served]);
    const state = engine.state;
    const changedSince = (mark: number): number[] => {
      const seen = new Set<number>();
      state.forEachPatientChangedSince(mark, (p) => void seen.add(p));
      return [...seen];
    };
    const tuSkills = state.meetings.findIndex((m) => m?.id === 'tu-skills');
    // The affected patient joins: served.
    let mark = state.mark();
    expect(join(engine, tuSkills, served)).toBe(true);
    state.rescore();
    expect(guard.accepts(changedSince(mark))).toBe(true);
    guard.note(changedSince(mark));
    state.commit();
    // Someone else gains a session: not what re-planning is for.
    mark = state.mark();
    expect(join(engine, state.meetings.findIndex((m) => m?.id === 'we-skills'), index(engine, 'p3'))).toBe(true);
    state.rescore();
    expect(guard.accepts(changedSince(mark))).toBe(false);
    state.rollback(mark);
  });
});
