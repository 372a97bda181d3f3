/**
 * Reading a schedule back (solve's report reads its own export, checkSchedule the caller's) zones
 * each (date, time) of the week once, not twice a meeting: a 10,000-patient week has about 23,000
 * meetings and a few dozen such pairs. A wrong instant on a repeated pair is still caught.
 */
import { describe, expect, it, vi } from 'vitest';
import { compileProblem } from '../../src/compiled/compile.js';
import { scheduleContext } from '../../src/compiled/schedule-context.js';
import * as zone from '../../src/time/zone.js';
import { group } from '../support/rule-verifier.js';
import { scheduleOf, tinyProblem } from '../support/tiny.js';

vi.mock('../../src/time/zone.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/time/zone.js')>();
  return { ...actual, zonedInstant: vi.fn(actual.zonedInstant) };
});

describe("reading a schedule's instants", () => {
  it('zones each (date, time) once and still catches a wrong instant on a pair seen before', () => {
    const compiled = compileProblem(tinyProblem());
    const meetings = Array.from({ length: 40 }, (_, i) => group(`g${i}`, i % 2 === 0 ? 'TU' : 'WE', '18:00', ['p1']));
    meetings[31] = { ...meetings[31]!, startsAt: meetings[30]!.startsAt };
    const spy = vi.mocked(zone.zonedInstant);
    spy.mockClear();
    const ctx = scheduleContext(compiled, scheduleOf(meetings));
    // Two dates, one start and one end each.
    expect(spy.mock.calls.length).toBe(4);
    expect(ctx.integrity.map((v) => v.meetings)).toEqual([['g31']]);
    expect(ctx.meetings).toHaveLength(40);
  });
});
