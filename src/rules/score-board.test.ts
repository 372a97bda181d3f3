import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileProblem } from '../compiled/compile.js';
import { indexMeetings } from '../compiled/schedule-context.js';
import { tiny } from '../../test/support/rule-verifier.js';
import { allRules } from './catalogue.js';
import { ScoreBoard } from './score-board.js';
import { sessionKey, type PlacedMeeting, type PreviousWeek, type Rule, type RuleContext } from './types.js';

/** The tiny clinic with every rule switched on: limits, tags, pairs, curricula, preferences. */
const problem = compileProblem(
  tiny((p) => {
    p.rules = { minDailyMinutes: 120, minDailyServices: 2, maxDailyHours: 3, maxDays: 3, minWeeklyHours: 4 };
    p.tracks.push({ id: 'day', windows: { weekly: [{ days: ['MO', 'WE'], start: '09:00', end: '12:00' }] }, curriculum: [{ service: 'individual', min: 1, max: 2 }] });
    p.tracks[0]!.curriculum = [{ service: 'process', min: 2, max: 4 }];
    p.services[0]!.homogeneousBy = ['age:'];
    p.services[0]!.eligibility = { excludeTags: ['risk:high'] };
    p.services[1]!.primaryOnly = false;
    p.staff[0]!.maxDailyHours = 2;
    p.staff[1]!.maxWeeklyHours = 3;
    p.staff[1]!.availability = { weekly: [{ days: ['TU', 'WE', 'TH'], start: '17:00', end: '21:00' }] };
    p.rooms[0]!.availability = { weekly: [{ days: ['MO', 'TU', 'WE', 'TH'], start: '09:00', end: '21:00' }] };
    p.closedDates = ['2026-11-26'];
    p.patients[0]!.tags = ['age:adult'];
    p.patients[1]!.tags = ['age:teen', 'risk:high'];
    p.patients[0]!.avoid = ['p3'];
    p.patients[0]!.primaryStaff = 'clin-2';
    p.patients[1]!.requires = [{ service: 'individual', min: 1, max: 1 }];
    p.patients[2]!.preferences = { days: ['TU'], avoidDays: ['WE'] };
    p.patients[2]!.tracks = ['day', 'evening'];
    p.patients[3]!.admittedOn = '2026-11-25';
    p.patients[3]!.telehealth = true;
    p.patients[3]!.availability = { weekly: [{ days: ['TU', 'WE', 'TH'], start: '17:00', end: '20:00' }] };
  }),
);

const subset = (n: number): fc.Arbitrary<number[]> => fc.subarray([...Array(n).keys()]);
const placed: fc.Arbitrary<PlacedMeeting> = fc
  .record({
    service: fc.integer({ min: 0, max: 1 }),
    track: fc.integer({ min: -1, max: 1 }),
    day: fc.integer({ min: -1, max: 6 }),
    start: fc.constantFrom(540, 600, 1080, 1110, 1140, 1200),
    long: fc.boolean(),
    room: fc.integer({ min: -1, max: 1 }),
    staff: subset(2),
    patients: subset(4),
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  })
  .map(({ long, ...m }) => ({ ...m, end: m.start + (long ? 90 : 60), telehealth: m.room < 0, pinned: false }));

interface MutableContext extends RuleContext {
  meetings: Array<PlacedMeeting | undefined>;
  patientMeetings: number[][];
  staffMeetings: number[][];
  roomMeetings: number[][];
}

function previousOf(meetings: PlacedMeeting[]): PreviousWeek {
  const patientSessions = problem.patients.map(() => new Set<string>());
  for (const m of meetings) for (const p of m.patients) patientSessions[p]!.add(sessionKey(m));
  return { meetings: new Map(meetings.map((m) => [m.id, m])), patientSessions };
}

function contextOf(meetings: Array<PlacedMeeting | undefined>, previous: PreviousWeek | undefined): MutableContext {
  return { problem, meetings, ...indexMeetings(problem, meetings), previous };
}

const without = (list: number[], index: number): void => {
  const at = list.indexOf(index);
  if (at >= 0) list.splice(at, 1);
};

describe('ScoreBoard', () => {
  it('scores incrementally exactly as from scratch: every rule keeps the locality contract', () => {
    const rules = allRules();
    fc.assert(
      fc.property(
        fc.array(placed, { minLength: 1, maxLength: 8 }),
        fc.array(placed, { maxLength: 4 }),
        fc.array(fc.record({ at: fc.nat(), to: fc.option(placed, { nil: undefined }) }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (initial, published, moves, replanning) => {
          const ctx = contextOf([...initial], replanning ? previousOf(published) : undefined);
          const board = new ScoreBoard(rules, new Map());
          board.evaluateAll(ctx);
          for (const { at, to } of moves) {
            const index = at % ctx.meetings.length;
            const before = ctx.meetings[index];
            const touched = { patient: new Set<number>(), staff: new Set<number>(), room: new Set<number>() };
            for (const m of [before, to]) {
              if (!m) continue;
              m.patients.forEach((p) => touched.patient.add(p));
              m.staff.forEach((s) => touched.staff.add(s));
              if (m.room >= 0) touched.room.add(m.room);
            }
            if (before) {
              before.patients.forEach((p) => without(ctx.patientMeetings[p]!, index));
              before.staff.forEach((s) => without(ctx.staffMeetings[s]!, index));
              if (before.room >= 0) without(ctx.roomMeetings[before.room]!, index);
            }
            ctx.meetings[index] = to;
            if (to) {
              to.patients.forEach((p) => ctx.patientMeetings[p]!.push(index));
              to.staff.forEach((s) => ctx.staffMeetings[s]!.push(index));
              if (to.room >= 0) ctx.roomMeetings[to.room]!.push(index);
            }
            board.evaluate(ctx, 'meeting', index);
            for (const p of touched.patient) board.evaluate(ctx, 'patient', p);
            for (const s of touched.staff) board.evaluate(ctx, 'staff', s);
            for (const r of touched.room) board.evaluate(ctx, 'room', r);
            const fresh = new ScoreBoard(rules, new Map());
            fresh.evaluateAll(contextOf(ctx.meetings, ctx.previous));
            rules.forEach((rule, r) => expect(board.ruleTotals(r), rule.code).toEqual(fresh.ruleTotals(r)));
            expect(board.score()).toEqual(fresh.score());
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('peeks at what a subject would carry, as a fresh board scores it, and records nothing', () => {
    const rules = allRules();
    const levels = ['hard', 'requirement', 'soft'] as const;
    fc.assert(
      fc.property(fc.array(placed, { maxLength: 8 }), fc.array(placed, { maxLength: 8 }), (scored, now) => {
        // The board scored `scored`; the context has since become `now` without telling it.
        const board = new ScoreBoard(rules, new Map([['staffed-hours', 3]]));
        board.evaluateAll(contextOf(scored, undefined));
        const before = board.score();
        const ctx = contextOf(now, undefined);
        const fresh = new ScoreBoard(rules, new Map([['staffed-hours', 3]]));
        fresh.evaluateAll(ctx);
        for (let p = 0; p < problem.patients.length; p++) {
          for (const level of levels) expect(board.peek(ctx, 'patient', p, level), `patient ${p} ${level}`).toBe(fresh.subjectPenalty('patient', p, level));
        }
        for (let m = 0; m < now.length; m++) expect(board.peek(ctx, 'meeting', m, 'soft')).toBe(fresh.subjectPenalty('meeting', m, 'soft'));
        expect(board.score()).toEqual(before);
        expect(board.checkpoint()).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the values of every subject through growth and undo, whatever order the subjects come in', () => {
    // A rule breached `breaches[subject]` times by a subject, each breach of penalty subject + 1:
    // subjects far apart and out of order, as a few patients of a large clinic are.
    const breaches = new Map<number, number>();
    const scattered: Rule = {
      code: 'scattered',
      level: 'requirement',
      scope: 'patient',
      title: 'Scattered',
      description: 'Test rule.',
      evaluate(_ctx, subject, emit) {
        for (let k = 0; k < (breaches.get(subject) ?? 0); k++) emit(subject + 1, () => ({ message: 'breach' }));
      },
    };
    const board = new ScoreBoard([scattered], new Map());
    const ctx = contextOf([], undefined);
    const subjects = [7, 70_000, 3, 1_000, 70_001];
    subjects.forEach((subject, k) => {
      breaches.set(subject, k + 1);
      board.evaluate(ctx, 'patient', subject);
    });
    const kept = board.ruleTotals(0);
    expect(kept).toEqual({ penalty: subjects.reduce((sum, subject, k) => sum + (k + 1) * (subject + 1), 0), violations: 15 });
    const mark = board.checkpoint();
    breaches.set(3, 0);
    breaches.set(200_000, 2);
    board.evaluate(ctx, 'patient', 3);
    board.evaluate(ctx, 'patient', 200_000);
    expect(board.subjectViolations(0, 200_000)).toBe(2);
    expect(board.subjectPenalty('patient', 3, 'requirement')).toBe(0);
    board.restore(mark);
    subjects.forEach((subject, k) => {
      expect(board.subjectViolations(0, subject), `subject ${subject}`).toBe(k + 1);
      expect(board.subjectPenalty('patient', subject, 'requirement'), `subject ${subject}`).toBe((k + 1) * (subject + 1));
    });
    for (const subject of [0, 5, 200_000, 300_000]) expect(board.subjectViolations(0, subject)).toBe(0);
    expect(board.ruleTotals(0)).toEqual(kept);
  });

  it('emits only non-negative integer penalties', () => {
    const rules = allRules();
    fc.assert(
      fc.property(fc.array(placed, { maxLength: 8 }), fc.array(placed, { maxLength: 4 }), (meetings, published) => {
        const ctx = contextOf(meetings, previousOf(published));
        for (const rule of rules) {
          const n = rule.scope === 'meeting' ? meetings.length : rule.scope === 'patient' ? 4 : 2;
          for (let subject = 0; subject < n; subject++) {
            rule.evaluate(ctx, subject, (penalty) => {
              expect(Number.isInteger(penalty) && penalty > 0, rule.code).toBe(true);
            });
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
