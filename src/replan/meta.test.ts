/**
 * `meta` (DESIGN 10) goes where the meeting goes: kept meetings keep it through `replan` (moved
 * or not) and `nextWeek`; `checkSchedule` accepts it; no export prints it.
 */
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../pipeline/check-schedule.js';
import { formatReport } from '../diagnose/format-report.js';
import { solve } from '../pipeline/solve.js';
import { toICalendar } from '../export/ical.js';
import { renderHtml } from '../export/html.js';
import { renderText } from '../export/text.js';
import type { ProblemError } from '../model/issue.js';
import type { Problem } from '../model/problem.js';
import type { Schedule } from '../model/schedule.js';
import { sampleClinic } from '../sample/clinic.js';
import { nextWeek } from './next-week.js';
import { replan } from './replan.js';

const SECRET = 'mrn-0042-SECRET';
const OPTIONS = { seed: 1, maxIterations: 400, timeLimitMs: 60_000 };

/** The sample clinic with meta on the problem and on every entity. */
function clinicWithMeta(): Problem {
  const problem = sampleClinic();
  problem.meta = { note: SECRET };
  for (const list of [problem.tracks, problem.services, problem.staff, problem.rooms, problem.patients]) {
    for (const entity of list) entity.meta = { ehrId: `E-${entity.id}`, note: SECRET };
  }
  return problem;
}

/** `schedule` with meta on every meeting, naming its id (to check it stays with its meeting). */
function withMeetingMeta(schedule: Schedule): Schedule {
  return { ...schedule, meetings: schedule.meetings.map((m) => ({ ...m, meta: { appointment: `appt-zq-${m.id}`, note: SECRET, nested: { list: [1, null] } } })) };
}

describe('meta', () => {
  const problem = clinicWithMeta();
  const solved = solve(problem, OPTIONS);
  const published = withMeetingMeta(solved.schedule);

  it('does not change the solve, and checkSchedule reads meetings with meta as it reads them without', () => {
    expect(solve(sampleClinic(), OPTIONS).schedule).toEqual(solved.schedule);
    const checked = checkSchedule(problem, published);
    expect(checked.violations.filter((v) => v.rule === 'schedule-integrity')).toEqual([]);
    expect(checked.score).toEqual(checkSchedule(problem, solved.schedule).score);
  });

  it('stays on every meeting replan keeps, moved or changed or not', () => {
    // The busiest clinician is out on the busiest day: their meetings there change staff or time.
    const load = new Map<string, number>();
    for (const m of published.meetings) for (const s of m.staff) load.set(`${s} ${m.date}`, (load.get(`${s} ${m.date}`) ?? 0) + 1);
    const [busiest, date] = [...load].sort((a, b) => b[1] - a[1])[0]![0].split(' ') as [string, string];
    const result = replan(problem, published, [{ kind: 'staff-out', staff: busiest, date }], OPTIONS);
    const before = new Map(published.meetings.map((m) => [m.id, m]));
    let kept = 0;
    let keptChanged = 0;
    for (const meeting of result.schedule.meetings) {
      const old = before.get(meeting.id);
      if (old === undefined) {
        expect(meeting.meta).toBeUndefined();
        continue;
      }
      kept += 1;
      const { meta, ...rest } = meeting;
      const { meta: oldMeta, ...oldRest } = old;
      if (JSON.stringify(rest) !== JSON.stringify(oldRest)) keptChanged += 1;
      expect(meta).toEqual(oldMeta);
      expect(meta).not.toBe(oldMeta); // a copy: the result shares nothing with the published week
    }
    expect(kept).toBeGreaterThan(10);
    expect(keptChanged).toBeGreaterThan(0);
  });

  it('of a published meeting must be JSON: replan reports where it is not, instead of failing to copy it', () => {
    const broken = structuredClone(published);
    (broken.meetings[3]!.meta as Record<string, unknown>)['callback'] = (): string => SECRET;
    broken.meetings[5]!.meta = 'A-5' as never;
    let issues: unknown;
    try {
      replan(problem, broken, [], OPTIONS);
    } catch (error) {
      issues = (error as ProblemError).issues.map((i) => `${i.path} ${i.code}`);
      expect(JSON.stringify((error as ProblemError).issues)).not.toContain(SECRET);
    }
    expect(issues).toEqual(['previous.meetings[3].meta.callback invalid-schedule', 'previous.meetings[5].meta invalid-schedule']);
  });

  it('is carried to the next week by nextWeek', () => {
    const carried = nextWeek(problem, published);
    expect(carried.schedule.meetings.length).toBeGreaterThan(0);
    for (const meeting of carried.schedule.meetings) expect(meeting.meta).toEqual({ appointment: `appt-zq-${meeting.id}`, note: SECRET, nested: { list: [1, null] } });
    expect(carried.problem.patients[0]!.meta).toEqual(problem.patients[0]!.meta);
  });

  it('is printed by no export', () => {
    const report = checkSchedule(problem, published);
    const outputs = [
      toICalendar(problem, published),
      toICalendar(problem, published, { for: { patient: problem.patients[0]!.id } }),
      toICalendar(problem, published, { recurring: true }),
      renderText(problem, published, { report }),
      renderHtml(problem, published, { report }),
      renderHtml(problem, published, { by: 'staff', report }),
      renderText(problem, published, { by: 'patient' }),
      formatReport(report),
    ];
    for (const output of outputs) {
      expect(output.length).toBeGreaterThan(20);
      expect(output).not.toContain(SECRET);
      expect(output).not.toContain('appt-zq-');
    }
  });
});
