import { beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../src/model/options.js';
import { ProblemError } from '../../src/model/issue.js';
import type { Problem } from '../../src/model/problem.js';
import type { Meeting, Schedule } from '../../src/model/schedule.js';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solve } from '../../src/pipeline/solve.js';
import { sampleClinic } from '../../src/sample/clinic.js';
import { replan } from '../../src/replan/replan.js';
import { zonedInstant } from '../../src/time/zone.js';

let problem: Problem;
let published: Schedule;

beforeAll(() => {
  problem = sampleClinic();
  published = solve(problem, { seed: 1, maxIterations: 1500, timeLimitMs: 60_000 }).schedule;
});

const FAST = { seed: 1, timeLimitMs: 60_000 };

function byId(schedule: Schedule): Map<string, Meeting> {
  return new Map(schedule.meetings.map((m) => [m.id, m]));
}

function sessionsOf(schedule: Schedule, patient: string): string[] {
  return schedule.meetings.filter((m) => m.patients.includes(patient)).map((m) => `${m.date} ${m.start} ${m.service}`).sort();
}

/** The clinician leading the most track groups on `day`, and that date. */
function groupLeader(day: Meeting['day']): { staff: string; date: string } {
  const counts = new Map<string, number>();
  let date = '';
  for (const m of published.meetings) {
    if (m.day !== day || m.track === null) continue;
    date = m.date;
    for (const s of m.staff) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const [staff] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  return { staff, date };
}

describe('replan on the sample clinic', () => {
  it('returns the published week unchanged when nothing changed', () => {
    const before = structuredClone(published);
    const { schedule, changed, report } = replan(problem, published, [], FAST);
    expect(schedule).toEqual(published);
    expect(changed).toEqual({ meetings: [], patients: [], staff: [] });
    expect(report.score.hard).toBe(0);
    expect(published).toEqual(before);
  });

  it('changes nothing for a call-out of someone who leads nothing that day', () => {
    const wednesday = published.meetings.filter((m) => m.day === 'WE');
    const idle = problem.staff.find((s) => !wednesday.some((m) => m.staff.includes(s.id)))!;
    expect(idle).toBeDefined();
    const { schedule, changed } = replan(problem, published, [{ kind: 'staff-out', staff: idle.id, date: wednesday[0]!.date }], FAST);
    expect(schedule.meetings).toEqual(published.meetings);
    expect(changed.meetings).toEqual([]);
  });

  it('absorbs a group clinician calling out for a day: nothing of theirs that day, no hard violation, every change explained', () => {
    const { staff, date } = groupLeader('WE');
    const problemBefore = structuredClone(problem);
    const { schedule, report, changed } = replan(problem, published, [{ kind: 'staff-out', staff, date }], FAST);
    expect(problem).toEqual(problemBefore);
    expect(schedule.meetings.filter((m) => m.date === date && m.staff.includes(staff))).toEqual([]);
    expect(report.score.hard).toBe(0);
    expect(changed.meetings.length).toBeGreaterThan(0);
    expect(changed.meetings.every((m) => m.reasons.length > 0)).toBe(true);
    const touched = changed.meetings.filter((m) => m.before?.staff.includes(staff) && m.before.date === date);
    expect(touched.length).toBeGreaterThan(0);
    for (const m of touched) expect(m.reasons.some((r) => r.kind === 'staff-out' && r.change === 0)).toBe(true);
    // Meetings on other days stay, at their times; their rosters change only for patients the
    // call-out displaced (who may trade a session elsewhere to keep their curriculum), and
    // most stay exactly as published.
    const other = published.meetings.filter((m) => m.date !== date);
    const displaced = new Set(published.meetings.filter((m) => m.date === date).flatMap((m) => m.patients));
    for (const m of other) {
      const now = byId(schedule).get(m.id);
      expect(now && `${now.date} ${now.start}`).toBe(`${m.date} ${m.start}`);
      const rosterChanges = [...now!.patients.filter((p) => !m.patients.includes(p)), ...m.patients.filter((p) => !now!.patients.includes(p))];
      expect(rosterChanges.filter((p) => !displaced.has(p))).toEqual([]);
    }
    const kept = other.filter((m) => JSON.stringify(byId(schedule).get(m.id)) === JSON.stringify(m)).length;
    expect(kept / other.length).toBeGreaterThan(0.75);
    // Every session the clinician led that day is removed from them or moved; they may take others on other days.
    const staffSessions = changed.staff.find((s) => s.id === staff)?.sessions ?? [];
    const ledThatDay = new Set(published.meetings.filter((m) => m.date === date && m.staff.includes(staff)).map((m) => m.id));
    const thatDay = staffSessions.filter((s) => ledThatDay.has(s.meeting));
    expect(thatDay.length).toBe(ledThatDay.size);
    expect(thatDay.every((s) => s.what === 'removed' || s.what === 'moved')).toBe(true);
    // The report agrees with checking the result from scratch against the changed problem.
    const changedProblem = { ...problem, staff: problem.staff.map((s) => (s.id === staff ? { ...s, availability: { ...s.availability, except: [{ date }] } } : s)) };
    expect(checkSchedule(changedProblem, schedule, { previous: published }).score).toEqual(report.score);
  });

  it('serves an admitted patient fully when there is room, touching no one else', () => {
    const patient = { id: 'p-new', tracks: ['evening'] };
    const { schedule, report, changed } = replan(problem, published, [{ kind: 'admit', patient }], FAST);
    expect(report.patients.find((r) => r.patient === 'p-new')?.met).toBe(true);
    expect(report.score.hard).toBe(0);
    for (const m of changed.meetings) {
      expect(m.patientsRemoved).toEqual([]);
      expect(m.kinds).not.toContain('moved');
    }
    for (const p of problem.patients) expect(sessionsOf(schedule, p.id)).toEqual(sessionsOf(published, p.id));
    expect(changed.patients.find((p) => p.id === 'p-new')!.sessions.every((s) => s.what === 'added' && s.reasons[0]!.kind === 'admit')).toBe(true);
  });

  it('discharges a patient from a date: their later sessions go, earlier ones stay', () => {
    const patient = published.meetings.find((m) => m.day === 'TH' && m.track !== null)!.patients[0]!;
    const from = published.meetings.find((m) => m.day === 'TH')!.date;
    const { schedule, report, changed } = replan(problem, published, [{ kind: 'discharge', patient, from }], FAST);
    expect(schedule.meetings.filter((m) => m.patients.includes(patient) && m.date >= from)).toEqual([]);
    expect(sessionsOf(schedule, patient)).toEqual(sessionsOf(published, patient).filter((s) => s < from));
    expect(report.score.hard).toBe(0);
    expect(changed.patients.find((p) => p.id === patient)!.sessions.every((s) => s.what === 'removed' && s.reasons.some((r) => r.kind === 'discharge'))).toBe(true);
  });

  it('moves meetings out of a closed room window', () => {
    const target = published.meetings.find((m) => m.day === 'TU' && m.room !== null && m.track !== null)!;
    const change: Change = { kind: 'room-closed', room: target.room!, date: target.date, start: '17:00', end: '21:00' };
    const { schedule, report, changed } = replan(problem, published, [change], FAST);
    expect(schedule.meetings.filter((m) => m.room === target.room && m.date === target.date && m.start < '21:00' && m.end > '17:00')).toEqual([]);
    expect(report.score.hard).toBe(0);
    expect(changed.meetings.find((m) => m.meeting === target.id)!.reasons.some((r) => r.kind === 'room-closed')).toBe(true);
  });

  it('makes a missed session up later in the week, freezing what already happened', () => {
    const missed = published.meetings.find((m) => m.day === 'TU' && m.track !== null)!;
    const patient = missed.patients[0]!;
    const { schedule, report, changed } = replan(problem, published, [{ kind: 'missed', patient, meeting: missed.id }], FAST);
    const after = byId(schedule);
    expect(after.get(missed.id)?.patients).not.toContain(patient);
    const missedEnd = zonedInstant(missed.date, missed.end, problem.timeZone).getTime();
    for (const m of published.meetings) {
      if (zonedInstant(m.date, m.start, problem.timeZone).getTime() >= missedEnd || m.id === missed.id) continue;
      expect(after.get(m.id)).toEqual(m);
    }
    const added = changed.patients.find((p) => p.id === patient)!.sessions.filter((s) => s.what === 'added');
    for (const s of added) expect(zonedInstant(after.get(s.meeting)!.date, after.get(s.meeting)!.start, problem.timeZone).getTime()).toBeGreaterThanOrEqual(missedEnd);
    const row = report.patients.find((r) => r.patient === patient)!;
    const curriculum = row.requirements.filter((r) => r.rule === 'curriculum-min' && r.service === missed.service);
    if (row.met) expect(curriculum.every((r) => r.met)).toBe(true);
    else {
      // The make-up cause goes only with requirements a make-up session of the missed service would help.
      for (const u of report.unmet.filter((e) => e.patient === patient)) {
        const helps = u.rule === 'curriculum-min' || u.rule === 'requires-min' ? u.service === missed.service : true;
        expect(u.causes.some((c) => c.code === 'make-up-not-placed'), u.message).toBe(helps);
      }
    }
    expect(report.score.hard).toBe(0);
  });

  it('never moves pinned meetings or meetings before asOf', () => {
    const { staff, date } = groupLeader('WE');
    const pinned = published.meetings.filter((m) => m.day === 'TH').slice(0, 4);
    const changes: Change[] = [{ kind: 'staff-out', staff, date: published.weekStart }, { kind: 'staff-out', staff, date }, ...pinned.map((m): Change => ({ kind: 'pin', meeting: m.id }))];
    const asOf = `${date}T00:00:00-08:00`;
    const { schedule } = replan(problem, published, changes, { ...FAST, asOf });
    const after = byId(schedule);
    for (const m of pinned) {
      const now = after.get(m.id)!;
      expect(now.pinned).toBe(true);
      expect({ ...now, pinned: undefined }).toEqual({ ...m, pinned: undefined });
    }
    for (const m of published.meetings.filter((x) => x.date < date)) expect(after.get(m.id)).toEqual(m);
    expect(schedule.meetings.filter((m) => m.date === date && m.staff.includes(staff))).toEqual([]);
  });

  it('is deterministic and never mutates its inputs', () => {
    const changes: Change[] = [{ kind: 'staff-out', ...groupLeader('MO') }, { kind: 'admit', patient: { id: 'p-x', tracks: ['day'] } }];
    const frozen = structuredClone({ problem, published, changes });
    const a = replan(problem, published, changes, FAST);
    const b = replan(problem, published, changes, FAST);
    expect(a.schedule).toEqual(b.schedule);
    expect(a.changed).toEqual(b.changed);
    expect({ problem, published, changes }).toEqual(frozen);
  });
});

describe('replan input errors', () => {
  function issuesOf(run: () => unknown): Array<{ path: string; code: string }> {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemError);
      return (error as ProblemError).issues.map(({ path, code }) => ({ path, code }));
    }
    throw new Error('expected a ProblemError');
  }

  it('names each bad change by its path', () => {
    const changes = [
      { kind: 'staff-out', staff: 'nobody', date: '2026-11-25' },
      { kind: 'room-closed', room: problem.rooms[0]!.id, date: '2027-01-01', start: '18:00', end: '17:00' },
      { kind: 'missed', patient: problem.patients[0]!.id, meeting: 'no-such-meeting' },
      { kind: 'pin', meeting: 42 },
      { kind: 'admit', patient: { id: 'p-y', tracks: ['nite'] } },
      { kind: 'discharge', patient: 'p-01', from: '2026-13-01' },
      { kind: 'vacation' },
    ] as unknown as Change[];
    expect(issuesOf(() => replan(problem, published, changes))).toEqual([
      { path: 'changes[0].staff', code: 'unknown-reference' },
      { path: 'changes[1].date', code: 'out-of-range' },
      { path: 'changes[1].end', code: 'invalid-range' },
      { path: 'changes[2].meeting', code: 'unknown-reference' },
      { path: 'changes[3].meeting', code: 'unknown-reference' },
      { path: 'changes[5].from', code: 'invalid-date' },
      { path: 'changes[6].kind', code: 'invalid-value' },
      { path: 'changes[4].patient.tracks[0]', code: 'unknown-reference' },
    ]);
  });

  it('rejects an admission that reuses an id, a bad asOf and a published week of another week', () => {
    expect(issuesOf(() => replan(problem, published, [{ kind: 'admit', patient: { id: 'p-01', tracks: ['day'] } }]))).toEqual([
      { path: 'changes[0].patient.id', code: 'duplicate-id' },
    ]);
    expect(issuesOf(() => replan(problem, published, [], { asOf: 'Wednesday' }))).toEqual([{ path: 'options.asOf', code: 'invalid-date' }]);
    const other = { ...published, weekStart: '2026-11-30' };
    expect(issuesOf(() => replan(problem, other, []))).toEqual([{ path: 'previous.weekStart', code: 'invalid-schedule' }]);
  });
});
