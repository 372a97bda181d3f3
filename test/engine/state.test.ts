import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compiled/compile.js';
import { SolverState } from '../../src/engine/kernel/state.js';
import { Random } from '../../src/engine/kernel/random.js';
import { allRules } from '../../src/rules/catalogue.js';
import type { PlacedMeeting } from '../../src/rules/types.js';
import { tinyProblem } from '../support/tiny.js';
import { randomTinyChange, randomTinyMeeting } from '../support/tiny-state.js';

function group(fields: Partial<PlacedMeeting>): PlacedMeeting {
  return { id: '', service: 0, track: 0, day: 1, start: 1080, end: 1140, room: 0, telehealth: false, staff: [0], patients: [0, 1], pinned: false, ...fields };
}

describe('SolverState', () => {
  it('keeps per-entity meeting lists and undoes every change exactly, score included', () => {
    const state = new SolverState(compileProblem(tinyProblem()), allRules(), new Map());
    const empty = state.score();
    const a = state.add(group({}));
    const b = state.add(group({ start: 1140, end: 1200, patients: [2, 3] }));
    state.rescore();
    state.commit();
    const meetings = state.meetings.slice();
    const lists = structuredClone([state.patientMeetings, state.staffMeetings, state.roomMeetings]);
    const score = state.score();
    expect(state.patientMeetings[0]).toEqual([a]);
    expect(state.staffMeetings[0]!.sort()).toEqual([a, b]);

    const mark = state.mark();
    state.replace(a, group({ patients: [0, 2], room: 1 }));
    state.remove(b);
    const c = state.add(group({ day: 2 }));
    state.rescore();
    expect(c).toBe(b); // the freed slot is reused
    expect(state.patientMeetings[1]).toEqual([c]);
    expect(state.roomMeetings[1]).toEqual([a]);
    state.rollback(mark);
    expect(state.meetings).toEqual(meetings);
    expect(structuredClone([state.patientMeetings, state.staffMeetings, state.roomMeetings]).map((l) => l.map((x) => [...x].sort()))).toEqual(lists.map((l) => l.map((x) => [...x].sort())));
    expect(state.score()).toEqual(score);

    state.remove(a);
    state.remove(b);
    state.rescore();
    expect(state.score()).toEqual(empty);
    expect(state.liveMeetings()).toEqual([]);
  });

  it("counts each room's meetings per day as its meeting list holds them, through adds, replaces, removes and undo", () => {
    const state = new SolverState(compileProblem(tinyProblem()), allRules(), new Map());
    const random = new Random(11);
    const counted = (): number[] =>
      state.roomMeetings.flatMap((list) => {
        const perDay = [0, 0, 0, 0, 0, 0, 0];
        for (const index of list) perDay[state.meetings[index]!.day]! += 1;
        return perDay;
      });
    let mark = state.mark();
    for (let step = 0; step < 200; step++) {
      const live = state.liveMeetings();
      const roll = random.int(4);
      if (roll === 0 || live.length === 0) state.add(randomTinyMeeting(random));
      else if (roll === 1) state.replace(live[random.int(live.length)]!, randomTinyMeeting(random));
      else if (roll === 2) state.remove(live[random.int(live.length)]!);
      else if (random.int(3) === 0) state.rollback(mark);
      else mark = state.mark();
      expect([...state.roomDayMeetings]).toEqual(counted());
    }
    expect(counted().some((n) => n > 0)).toBe(true);
  });

  it('drops slots appended by a change that is undone', () => {
    const state = new SolverState(compileProblem(tinyProblem()), allRules(), new Map());
    const mark = state.mark();
    state.add(group({}));
    state.rollback(mark);
    expect(state.meetings).toEqual([]);
  });

  it('scoreLater scores once, when first asked, to the same score as scoring as it goes', () => {
    const compiled = compileProblem(tinyProblem());
    let evaluations = 0;
    const counted = allRules().map((rule) => {
      const wrapped = Object.create(rule) as typeof rule;
      wrapped.evaluate = (ctx, subject, emit) => {
        evaluations += 1;
        rule.evaluate(ctx, subject, emit);
      };
      return wrapped;
    });
    const eager = new SolverState(compiled, allRules(), new Map());
    const lazy = new SolverState(compiled, counted, new Map(), undefined, true);
    // Nothing is evaluated for the empty week: the caller loads its meetings first.
    expect(evaluations).toBe(0);
    for (const state of [eager, lazy]) {
      state.add(group({}));
      state.add(group({ start: 1140, end: 1200, patients: [2, 3] }));
    }
    eager.rescore();
    expect(lazy.score()).toEqual(eager.score());
    expect(evaluations).toBeGreaterThan(0);
    // From then on it is an ordinary state: a change and its undo come back to the same score.
    const mark = lazy.mark();
    lazy.add(group({ day: 2 }));
    lazy.rescore();
    lazy.rollback(mark);
    expect(lazy.score()).toEqual(eager.score());
  });
});

describe('SolverState.peekWith', () => {
  it("weighs a probe session as the board would score it added, and leaves the timetable, the lists and the score as they were", () => {
    const random = new Random(7);
    for (let round = 0; round < 40; round++) {
      const state = new SolverState(compileProblem(tinyProblem()), allRules(), new Map());
      for (let k = 0; k < 1 + random.int(6); k++) randomTinyChange(state, random);
      state.rescore();
      state.commit();
      // A freed slot (the probe reuses it, as `add` would) in half the rounds.
      const live = state.liveMeetings();
      if (live.length > 0 && random.int(2) === 0) {
        state.remove(live[random.int(live.length)]!);
        state.rescore();
        state.commit();
      }
      const p = random.int(4);
      const probe: PlacedMeeting = { ...randomTinyMeeting(random), patients: [p], staff: [], room: -1, telehealth: true };
      const meetings = state.meetings.slice();
      const lists = structuredClone(state.patientMeetings);
      const score = state.score();
      const now = state.peekWith(p, 'requirement');
      const withProbe = state.peekWith(p, 'requirement', probe);
      expect(state.meetings).toEqual(meetings);
      expect(state.patientMeetings).toEqual(lists);
      expect(state.score()).toEqual(score);
      // What the board says once the probe is really added and scored.
      expect(now).toBe(state.board.subjectPenalty('patient', p, 'requirement'));
      const mark = state.mark();
      state.add(probe);
      state.rescore();
      expect(withProbe).toBe(state.board.subjectPenalty('patient', p, 'requirement'));
      state.rollback(mark);
    }
  });

  it('reads a patient untouched since the last scoring off the board, and evaluates one a change touched since', () => {
    const random = new Random(11);
    for (let round = 0; round < 40; round++) {
      const state = new SolverState(compileProblem(tinyProblem()), allRules(), new Map());
      for (let k = 0; k < 1 + random.int(5); k++) randomTinyChange(state, random);
      state.rescore();
      state.commit();
      // Changes not scored yet: the board is stale for the patients they touched.
      for (let k = 0; k < 1 + random.int(3); k++) randomTinyChange(state, random);
      const before = [0, 1, 2, 3].map((p) => state.peekWith(p, 'requirement'));
      state.rescore();
      expect(before).toEqual([0, 1, 2, 3].map((p) => state.board.subjectPenalty('patient', p, 'requirement')));
    }
  });

  it('refuses a probe with staff, a room or another patient', () => {
    const state = new SolverState(compileProblem(tinyProblem()), allRules(), new Map());
    expect(() => state.peekWith(0, 'requirement', group({ patients: [0] }))).toThrow(/no staff and no room/);
  });
});
