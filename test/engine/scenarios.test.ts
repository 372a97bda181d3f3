import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solve } from '../../src/pipeline/solve.js';
import type { Problem } from '../../src/model/problem.js';
import { BUDGET, clinic, daysOf, DAY_TRACK, EVENING_TRACK, GROUP, meetingsOf, patientsOf, THERAPY } from './scenario-kit.js';

function solved(problem: Problem): ReturnType<typeof solve> {
  const result = solve(problem, BUDGET);
  const checked = checkSchedule(problem, result.schedule);
  expect(checked.violations.filter((v) => v.level === 'hard')).toEqual([]);
  return result;
}

describe('solver scenarios', () => {
  it('runs a day and an evening track in the same group room', () => {
    const problem = clinic({
      tracks: [structuredClone(DAY_TRACK), structuredClone(EVENING_TRACK)],
      rooms: [
        { id: 'group-a', capacity: 10, features: ['group'] },
        { id: 'office-1', capacity: 2, features: ['office'] },
      ],
      patients: [...patientsOf('day', 6), ...patientsOf('evening', 6)],
    });
    const { schedule, report } = solved(problem);
    expect(report.allMet).toBe(true);
    const groups = schedule.meetings.filter((m) => m.service === 'process');
    expect(new Set(groups.map((m) => m.room))).toEqual(new Set(['group-a']));
    for (const m of groups) {
      if (m.track === 'day') expect(['MO', 'WE', 'FR'].includes(m.day) && m.start >= '09:00' && m.end <= '12:00').toBe(true);
      else expect(['TU', 'WE', 'TH'].includes(m.day) && m.start >= '18:00' && m.end <= '21:00').toBe(true);
    }
  });

  it('never mixes adolescents and adults in a group', () => {
    const problem = clinic({
      services: [{ ...structuredClone(GROUP), homogeneousBy: ['age:'] }, structuredClone(THERAPY)],
      patients: [...patientsOf('day', 4, { tags: ['age:adolescent'] }, 'teen'), ...patientsOf('day', 6, { tags: ['age:adult'] }, 'adult')],
    });
    const { schedule, report } = solved(problem);
    expect(report.allMet).toBe(true);
    for (const m of schedule.meetings.filter((x) => x.service === 'process')) {
      expect(new Set(m.patients.map((p) => p.split('-')[0])).size).toBe(1);
    }
  });

  it('staffs a co-facilitated group with two members holding different credentials', () => {
    const problem = clinic({
      services: [{ ...structuredClone(GROUP), id: 'eating-disorder', staff: [{ credentials: ['LCSW'] }, { credentials: ['RD'] }] }, structuredClone(THERAPY)],
      staff: [...[0, 1, 2].map((i) => ({ id: `clin-${i}`, credentials: ['LCSW'] })), { id: 'dietitian', credentials: ['RD'] }],
    });
    const { schedule, report } = solved(problem);
    expect(report.allMet).toBe(true);
    const groups = schedule.meetings.filter((m) => m.service === 'eating-disorder');
    expect(groups.length).toBeGreaterThan(0);
    for (const m of groups) {
      expect(m.staff).toHaveLength(2);
      expect(m.staff).toContain('dietitian');
    }
  });

  it('holds individual therapy only with the primary therapist', () => {
    const problem = clinic();
    const { schedule, report } = solved(problem);
    expect(report.allMet).toBe(true);
    const therapy = schedule.meetings.filter((m) => m.service === 'therapy');
    expect(therapy).toHaveLength(problem.patients.length);
    for (const m of therapy) {
      const patient = problem.patients.find((p) => p.id === m.patients[0])!;
      expect(m.staff).toEqual([patient.primaryStaff]);
    }
  });

  it('lets telehealth carry individual sessions when offices are short', () => {
    // One office; therapy does not count toward hours, so all nine group hours are needed and
    // the only time left for therapy is Tuesday 17:00-20:00: three office hours for eight sessions.
    const free = { weekly: [{ days: ['MO', 'WE', 'FR'] as const, start: '09:00', end: '12:00' }, { days: ['TU'] as const, start: '17:00', end: '20:00' }] };
    const problem = clinic({
      services: [structuredClone(GROUP), { ...structuredClone(THERAPY), countsTowardHours: false }],
      rooms: [
        { id: 'group-a', capacity: 10, features: ['group'] },
        { id: 'office-1', capacity: 2, features: ['office'] },
      ],
      patients: patientsOf('day', 8, { telehealth: true, availability: structuredClone(free) as never }),
    });
    const { schedule, report } = solved(problem);
    expect(report.allMet).toBe(true);
    const therapy = schedule.meetings.filter((m) => m.service === 'therapy');
    expect(therapy).toHaveLength(8);
    const remote = therapy.filter((m) => m.mode === 'telehealth');
    expect(remote.length).toBeGreaterThanOrEqual(5);
    for (const m of remote) expect(m.room).toBeNull();
  });

  it('attends only the days that can reach a per-day threshold of 180 minutes', () => {
    const track = { id: 'day', windows: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'] as const, start: '09:00', end: '12:00' }] }, rules: { minDailyMinutes: 180, maxDays: 5 } };
    const partial = {
      weekly: [
        { days: ['MO', 'TU', 'TH'] as const, start: '08:00', end: '20:00' },
        { days: ['WE', 'FR'] as const, start: '09:00', end: '11:00' },
      ],
    };
    const problem = clinic({
      tracks: [structuredClone(track) as never],
      patients: [...patientsOf('day', 6, { availability: structuredClone(partial) as never }, 'partial'), ...patientsOf('day', 4, {}, 'open')],
    });
    const { schedule, report } = solved(problem);
    expect(report.allMet).toBe(true);
    for (let i = 0; i < 6; i++) expect(daysOf(schedule.meetings, `partial-${i}`).sort()).toEqual(['MO', 'TH', 'TU']);
  });

  it('attends only the days that can reach three services when minDailyServices is 3', () => {
    const problem = clinic({
      tracks: [{ ...structuredClone(DAY_TRACK), windows: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH'], start: '09:00', end: '12:00' }] }, rules: { minDailyServices: 3 } }],
      services: [structuredClone(GROUP), { ...structuredClone(THERAPY), countsTowardHours: false }],
      patients: patientsOf('day', 6, { availability: { weekly: [{ days: ['MO', 'TU', 'WE'], start: '08:00', end: '20:00' }, { days: ['TH'], start: '09:00', end: '11:00' }] } }),
    });
    const { schedule, report } = solved(problem);
    expect(report.allMet).toBe(true);
    for (const p of problem.patients) expect(meetingsOf(schedule.meetings, p.id).some((m) => m.day === 'TH')).toBe(false);
  });

  it('schedules nothing on a holiday', () => {
    const problem = clinic({ closedDates: ['2026-11-25'], rules: { minDays: 2, minWeeklyHours: 6 } });
    const { schedule, report } = solved(problem);
    expect(schedule.meetings.some((m) => m.date === '2026-11-25')).toBe(false);
    expect(schedule.meetings.some((m) => m.day === 'MO') && schedule.meetings.some((m) => m.day === 'FR')).toBe(true);
    expect(report.allMet).toBe(true);
  });

  it("keeps a staff member's PTO free", () => {
    const problem = clinic();
    problem.staff[0]!.availability = { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '08:00', end: '18:00' }], except: [{ date: '2026-11-25' }] };
    const { schedule, report } = solved(problem);
    expect(report.allMet).toBe(true);
    expect(schedule.meetings.some((m) => m.date === '2026-11-25' && m.staff.includes('clin-0'))).toBe(false);
  });

  it('reads availability given as an RRULE', () => {
    const problem = clinic({
      tracks: [structuredClone(EVENING_TRACK)],
      patients: patientsOf('evening', 6, {
        availability: { rrule: [{ rule: 'DTSTART:20261103T170000\nRRULE:FREQ=WEEKLY;BYDAY=TU,WE,TH', durationMinutes: 240 }] },
        rules: { minWeeklyHours: 9 },
      }),
    });
    const { schedule, report } = solved(problem);
    expect(report.allMet).toBe(true);
    for (const m of schedule.meetings) {
      expect(['TU', 'WE', 'TH']).toContain(m.day);
      expect(m.start >= '17:00' && m.end <= '21:00').toBe(true);
    }
  });

  it('gives readable, unique meeting ids and instants with the zone offset, sorted by date, start and id', () => {
    const { schedule } = solved(clinic());
    const ids = schedule.meetings.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Group ids read track, day, start, service and a number (which groups exist is the search's choice).
    expect(ids.some((id) => /^day-(MO|WE|FR)-\d{4}-process-\d+$/.test(id))).toBe(true);
    const first = schedule.meetings[0]!;
    expect(first.startsAt).toBe(`${first.date}T${first.start}:00-06:00`);
    const keys = schedule.meetings.map((m) => `${m.date} ${m.start} ${m.id}`);
    expect([...keys].sort()).toEqual(keys);
  });
});
