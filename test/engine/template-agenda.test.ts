import { describe, expect, it } from 'vitest';
import { scheduleContext } from '../../src/compiled/schedule-context.js';
import { compileProblem } from '../../src/compiled/compile.js';
import type { Engine } from '../../src/engine/kernel/engine.js';
import { meetingBlocker } from '../../src/engine/kernel/feasible.js';
import { MOVES } from '../../src/engine/moves/index.js';
import { windowStarts } from '../../src/engine/kernel/slots.js';
import { solve } from '../../src/pipeline/solve.js';
import type { PlacedMeeting } from '../../src/rules/types.js';
import { sampleClinic } from '../../src/sample/clinic.js';
import { applyLikeSearch, engineWith, reportFromScratch } from './engine-kit.js';
import { withTemplates } from '../support/templated.js';

const problem = withTemplates(sampleClinic());
const CODE = 'template-agenda';

/** The solved templated sample clinic as compiled meetings. */
function solvedMeetings(): PlacedMeeting[] {
  const { schedule } = solve(problem, { seed: 1, maxIterations: 200, timeLimitMs: 60_000 });
  return scheduleContext(compileProblem(problem), schedule).meetings.filter((m): m is PlacedMeeting => m !== undefined);
}

function isGroup(engine: Engine, m: PlacedMeeting): boolean {
  return engine.problem.services[m.service]!.kind === 'group';
}

/** The engine's running total of `template-agenda` against `checkSchedule` from scratch (and every other rule with it). */
function expectAgreement(engine: Engine): number {
  const report = reportFromScratch(problem, engine);
  const fromScratch = new Map(report.byRule.map((row) => [row.rule, row]));
  engine.state.board.rules.forEach((rule, index) => {
    const kept = engine.state.board.ruleTotals(index);
    const row = fromScratch.get(rule.code)!;
    expect({ rule: rule.code, penalty: kept.penalty, violations: kept.violations }).toEqual({ rule: rule.code, penalty: row.penalty, violations: row.violations });
  });
  return fromScratch.get(CODE)!.penalty;
}

describe('the engine and the template', () => {
  it('keeps the incremental template-agenda total equal to checkSchedule as groups leave and rejoin the agenda', () => {
    const engine = engineWith(problem, solvedMeetings());
    expect(expectAgreement(engine)).toBe(0);
    // Off the agenda behind the solver's back: half an hour later, then another service.
    const groups = engine.state.liveMeetings().filter((i) => isGroup(engine, engine.state.meetings[i]!));
    const [a, b] = [groups[0]!, groups[groups.length - 1]!];
    const ma = engine.state.meetings[a]!;
    engine.state.replace(a, { ...ma, start: ma.start + 30, end: ma.end + 30 });
    engine.state.rescore();
    expect(expectAgreement(engine)).toBe(1);
    const mb = engine.state.meetings[b]!;
    const other = engine.problem.services.find((s) => s.kind === 'group' && s.index !== mb.service)!;
    engine.state.replace(b, { ...mb, service: other.index });
    engine.state.rescore();
    expect(expectAgreement(engine)).toBe(2);
    engine.state.commit();
    // Every move, applied like the search applies it: the total never rises and always agrees.
    let total = 2;
    for (let step = 0; step < 2 * MOVES.length; step++) {
      applyLikeSearch(engine, MOVES[step % MOVES.length]!.move);
      const now = expectAgreement(engine);
      expect(now).toBeLessThanOrEqual(total);
      total = now;
    }
    // Back on the agenda (where the moves left them elsewhere): the total falls with them.
    for (const [index, was] of [[a, ma], [b, mb]] as const) {
      const m = engine.state.meetings[index];
      if (m && (m.service !== was.service || m.start !== was.start)) engine.state.replace(index, { ...m, service: was.service, day: was.day, start: was.start, end: was.end });
    }
    engine.state.rescore();
    expect(expectAgreement(engine)).toBe(0);
  });

  it('refuses an off-agenda group in the fast check and offers only template starts', () => {
    const engine = engineWith(problem, solvedMeetings());
    const index = engine.state.liveMeetings().find((i) => isGroup(engine, engine.state.meetings[i]!))!;
    const m = engine.state.meetings[index]!;
    expect(meetingBlocker(engine.state, engine.prepared, m, index, true)).toBeNull();
    expect(meetingBlocker(engine.state, engine.prepared, { ...m, start: m.start + 30, end: m.end + 30 }, index, false)).toBe(CODE);
    const track = engine.problem.tracks[m.track]!;
    const template = track.template!.filter((e) => e.service === m.service && e.day === m.day).map((e) => e.start);
    expect(windowStarts(engine.problem, track, m.day, m.end - m.start, m.service)).toEqual(template.sort((x, y) => x - y));
    // Without a service (or in a track with no template) every start in the windows, as before.
    expect(windowStarts(engine.problem, track, m.day, m.end - m.start).length).toBeGreaterThan(template.length);
  });
});
