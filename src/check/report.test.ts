import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem, type CompiledProblem } from '../compiled/compile.js';
import { construct } from '../engine/construct/construct.js';
import { createEngine } from '../engine/kernel/create.js';
import { assertValidProblem } from '../input/validate.js';
import type { Violation } from '../model/report.js';
import { allRules } from '../rules/catalogue.js';
import { ScoreBoard } from '../rules/score-board.js';
import { sessionKey, type PlacedMeeting, type PreviousWeek, type Rule, type RuleContext } from '../rules/types.js';
import { problemArbitrary } from '../../test/support/arbitraries.js';
import { buildReport, buildReportFromBoard } from './report.js';
import { indexMeetings } from '../compiled/schedule-context.js';
import { requirementsOf } from '../rules/requirements.js';
import { tinyProblem } from '../../test/support/tiny.js';

/** What fast-check draws for one meeting; reduced modulo the problem's sizes when placed. */
const meetingSeed = fc.record({
  service: fc.nat(),
  track: fc.integer({ min: -1, max: 5 }),
  day: fc.integer({ min: -1, max: 6 }),
  startStep: fc.integer({ min: 84, max: 270 }),
  ownDuration: fc.boolean(),
  room: fc.integer({ min: -1, max: 5 }),
  staff: fc.array(fc.nat(), { maxLength: 3 }),
  patients: fc.array(fc.nat(), { maxLength: 8 }),
  pinned: fc.boolean(),
});
type MeetingSeed = typeof meetingSeed extends fc.Arbitrary<infer T> ? T : never;

/** A meeting anywhere, with anyone: breaks every kind of rule now and then. */
function placed(problem: CompiledProblem, seed: MeetingSeed, id: string): PlacedMeeting {
  const service = seed.service % problem.services.length;
  const start = seed.startStep * 5;
  const duration = seed.ownDuration ? problem.services[service]!.durationMinutes : 45;
  const room = seed.room >= 0 && problem.rooms.length > 0 ? seed.room % problem.rooms.length : -1;
  const distinct = (values: readonly number[], n: number): number[] => (n === 0 ? [] : [...new Set(values.map((v) => v % n))]);
  return {
    id,
    service,
    track: seed.track >= 0 && problem.tracks.length > 0 ? seed.track % problem.tracks.length : -1,
    day: seed.day,
    start,
    end: Math.min(1440, start + duration),
    room,
    telehealth: room < 0,
    staff: distinct(seed.staff, problem.staff.length),
    patients: distinct(seed.patients, problem.patients.length),
    pinned: seed.pinned,
  };
}

function previousWeek(problem: CompiledProblem, meetings: readonly PlacedMeeting[]): PreviousWeek {
  const byId = new Map<string, PlacedMeeting>();
  const patientSessions = problem.patients.map(() => new Set<string>());
  for (const meeting of meetings) {
    byId.set(meeting.id, meeting);
    for (const patient of meeting.patients) patientSessions[patient]!.add(sessionKey(meeting));
  }
  return { meetings: byId, patientSessions };
}

function contextOf(problem: CompiledProblem, meetings: ReadonlyArray<PlacedMeeting | undefined>, previous?: PreviousWeek): RuleContext {
  return { problem, meetings, ...indexMeetings(problem, meetings), previous };
}

const integrity = (n: number): Violation[] =>
  Array.from({ length: n }, (_, k) => ({ rule: 'schedule-integrity', level: 'hard', penalty: 1, message: `Broken ${k}.`, meetings: [`m-${k}`], patients: [], staff: [], rooms: [] }));

type Ran = Array<[Rule, number]>;

/** The catalogue, each rule noting in `ran` the subjects it runs on. */
function counting(ran: Ran): Rule[] {
  return allRules().map((rule): Rule => ({ ...rule, evaluate: (ctx, subject, emit) => (ran.push([rule, subject]), rule.evaluate(ctx, subject, emit)) }));
}

/**
 * The board-aware report equals `buildReport`, and ran each rule only on subjects where the board
 * holds a penalty at the rule's level (read through `slots` for meetings): a wrong slot shows here.
 */
function expectSameReport(ctx: RuleContext, board: ScoreBoard, ran: Ran, weights: ReadonlyMap<string, number>, broken: readonly Violation[], slots: readonly number[]): void {
  ran.length = 0;
  const fromBoard = buildReportFromBoard(ctx, board, broken, slots);
  for (const [rule, subject] of ran) {
    const boardSubject = rule.scope === 'meeting' ? slots[subject]! : subject;
    expect({ rule: rule.code, subject, carried: board.subjectPenalty(rule.scope, boardSubject, rule.level) > 0 }).toEqual({ rule: rule.code, subject, carried: true });
  }
  expect(fromBoard).toEqual(buildReport(ctx, allRules(), weights, broken));
}

const softCodes = allRules().filter((rule) => rule.level === 'soft').map((rule) => rule.code);

describe('buildReportFromBoard', () => {
  it('equals buildReport on random timetables, weights and published weeks, with holes in the board', () => {
    fc.assert(
      fc.property(
        problemArbitrary({ maxPatients: 8 }),
        fc.array(meetingSeed, { maxLength: 24 }),
        fc.array(meetingSeed, { maxLength: 12 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        fc.array(fc.constantFrom(0, 0.5, 1, 3), { minLength: softCodes.length, maxLength: softCodes.length }),
        fc.integer({ min: 0, max: 2 }),
        (input, seeds, publishedSeeds, holes, weightList, broken) => {
          const problem = compileProblem(assertValidProblem(input));
          const meetings = seeds.map((seed, i) => placed(problem, seed, `m-${i}`));
          // Half the published meetings share an id with a current one (kept, maybe re-staffed).
          const published = publishedSeeds.map((seed, i) => placed(problem, seed, i % 2 === 0 ? `m-${i}` : `old-${i}`));
          const previous = published.length > 0 ? previousWeek(problem, published) : undefined;
          const weights = new Map(softCodes.map((code, i) => [code, weightList[i]!]));
          const ran: Ran = [];

          // The board scores a slotted timetable (holes where meetings were removed) ...
          const slotted: Array<PlacedMeeting | undefined> = [];
          const slots: number[] = [];
          meetings.forEach((meeting, i) => {
            if (holes[i] === true) slotted.push(undefined);
            slots.push(slotted.length);
            slotted.push(meeting);
          });
          const board = new ScoreBoard(counting(ran), weights);
          board.evaluateAll(contextOf(problem, slotted, previous));
          // ... and the report names the same meetings compactly.
          expectSameReport(contextOf(problem, meetings, previous), board, ran, weights, integrity(broken), slots);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("equals buildReport on the solver's own board after construction and removals", () => {
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 10 }), fc.integer({ min: 0, max: 1000 }), fc.array(fc.nat(), { maxLength: 4 }), (input, seed, removals) => {
        const problem = compileProblem(assertValidProblem(input));
        const ran: Ran = [];
        const engine = createEngine(problem, counting(ran), new Map(), seed);
        construct(engine);
        for (const pick of removals) {
          const live = engine.state.liveMeetings();
          if (live.length > 0) engine.state.remove(live[pick % live.length]!);
        }
        engine.state.rescore();
        const slots = engine.state.liveMeetings();
        expectSameReport(contextOf(problem, slots.map((slot) => engine.state.meetings[slot]!)), engine.state.board, ran, new Map(), [], slots);
      }),
      { numRuns: 12 },
    );
  });

  it('runs a rule on every subject when its details do not add up to the board (a breach of penalty 0)', () => {
    const quiet: Rule = {
      code: 'quiet-note',
      level: 'soft',
      scope: 'patient',
      title: 'Quiet note',
      description: 'Notes every patient with a penalty of 0.',
      evaluate(ctx, patient, emit) {
        emit(0, () => ({ message: `Patient ${ctx.problem.patients[patient]!.id} noted.` }));
      },
    };
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 6 }), fc.array(meetingSeed, { maxLength: 10 }), (input, seeds) => {
        const problem = compileProblem(assertValidProblem(input));
        // No other patient rule: the board holds nothing for any patient, so only the check finds them.
        const rules = [...allRules().filter((rule) => rule.scope !== 'patient'), quiet];
        const ctx = contextOf(problem, seeds.map((seed, i) => placed(problem, seed, `m-${i}`)));
        const board = new ScoreBoard(rules, new Map());
        board.evaluateAll(ctx);
        const report = buildReportFromBoard(ctx, board);
        expect(report.violations.filter((v) => v.rule === 'quiet-note')).toHaveLength(problem.patients.length);
        expect(report).toEqual(buildReport(ctx, rules, new Map()));
      }),
      { numRuns: 8 },
    );
  });
});

describe('buildReport from scratch, patient by patient', () => {
  it("measures a patient's requirements once for every rule and the patient's row (one memo scope per subject)", () => {
    const compiled = compileProblem(assertValidProblem(tinyProblem()));
    const ctx: RuleContext = { problem: compiled, meetings: [], ...indexMeetings(compiled, []), previous: undefined };
    const seen: Array<Map<number, unknown>> = [new Map(), new Map()];
    const spy = (code: string, at: number): Rule => ({
      code,
      level: 'soft',
      scope: 'patient',
      title: code,
      description: code,
      evaluate(context, patient, emit) {
        seen[at]!.set(patient, requirementsOf(context, patient));
        emit(1, () => ({ message: `${code} ${patient}` }));
      },
    });
    const report = buildReport(ctx, [spy('a', 0), spy('b', 1)], new Map());
    expect(seen[0]!.size).toBe(compiled.patients.length);
    for (const [patient, list] of seen[0]!) expect(seen[1]!.get(patient)).toBe(list);
    // Each rule's breaches stay together, in subject order.
    expect(report.violations.map((v) => v.message)).toEqual([...compiled.patients.map((_, p) => `a ${p}`), ...compiled.patients.map((_, p) => `b ${p}`)]);
  });
});
