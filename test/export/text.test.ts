import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { renderText } from '../../src/export/text.js';
import { columns } from '../../src/export/text-cells.js';
import type { Meeting } from '../../src/model/schedule.js';
import { meeting, scheduleOf, tinyProblem } from '../support/tiny.js';

function week(): Meeting[] {
  return [
    meeting({ id: 'g1', service: 'process', track: 'evening', day: 'TU', start: '18:00', room: 'room-a', staff: ['clin-1'], patients: ['p1', 'p2', 'p3'] }),
    meeting({ id: 'g2', service: 'process', track: 'evening', day: 'WE', start: '18:00', room: 'room-a', staff: ['clin-2'], patients: ['p1', 'p2', 'p4'] }),
    meeting({ id: 'g3', service: 'process', track: 'evening', day: 'TH', start: '19:00', room: 'room-a', staff: ['clin-1'], patients: ['p1', 'p3', 'p4'] }),
    meeting({ id: 'i1', service: 'individual', day: 'TH', start: '17:00', room: 'office-1', staff: ['clin-2'], patients: ['p1'] }),
    meeting({ id: 'i2', service: 'individual', day: 'TH', start: '17:00', staff: ['clin-1'], patients: ['p2'] }),
  ];
}

describe('renderText', () => {
  it('draws one grid per track, with the sessions under their day and start time', () => {
    const problem = tinyProblem();
    problem.services[0] = { ...problem.services[0]!, name: 'Process group' };
    problem.tracks[0] = { ...problem.tracks[0]!, name: 'Evening IOP' };
    const text = renderText(problem, scheduleOf(week()));
    expect(text).toContain('Week of Mon 23 Nov 2026 · America/Los_Angeles');
    expect(text).toContain('\nTrack Evening IOP\n');
    expect(text).toContain('\nOutside tracks\n');
    const header = text.split('\n').find((line) => line.includes('Tue 24 Nov')) ?? '';
    expect(header).toMatch(/│ Tue 24 Nov +│ Wed 25 Nov +│ Thu 26 Nov/);
    const row = text.split('\n').find((line) => line.startsWith('18:00')) ?? '';
    // Process group on Tuesday and Wednesday at 18:00, nothing on Thursday at 18:00.
    expect(row).toMatch(/^18:00 │ Process group +│ Process group +│$/);
    expect(text).toContain('–19:00 · 3 pts');
    expect(text).toContain('Telehealth');
  });

  it('fits 100 columns with seven days, long and wide names', () => {
    const problem = tinyProblem();
    problem.services[0] = { ...problem.services[0]!, name: '認知行動療法スキルグループ and a very long English name too' };
    problem.staff[0] = { ...problem.staff[0]!, name: 'Dr. Maximiliana Konstantinopoulou-Vanderbilt, LCSW' };
    const meetings = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].map((day) =>
      meeting({ id: `m-${day}`, service: 'process', track: 'evening', day: day as Meeting['day'], start: '10:00', room: 'room-a', staff: ['clin-1'], patients: ['p1'] }),
    );
    const text = renderText(problem, scheduleOf(meetings), { report: checkSchedule(problem, scheduleOf(meetings)) });
    for (const line of text.split('\n')) expect(columns(line), line).toBeLessThanOrEqual(100);
    expect(text).toContain('Sun 29 Nov');
    expect(text).toContain('…');
  });

  it('shows one room, staff member or patient, and rejects unknown ids', () => {
    const problem = tinyProblem();
    const schedule = scheduleOf(week());
    const staff = renderText(problem, schedule, { by: 'staff', id: 'clin-2' });
    expect(staff).toContain('Staff clin-2');
    expect(staff).not.toContain('Staff clin-1');
    expect(staff.match(/individual|process/g)?.length).toBe(2);
    const room = renderText(problem, schedule, { by: 'room' });
    expect(room).toContain('Room room-a');
    expect(room).toContain('Room office-1');
    expect(room).toContain('\nTelehealth\n');
    const patient = renderText(problem, schedule, { by: 'patient', id: 'p4' });
    expect(patient.match(/process/g)?.length).toBe(2);
    expect(patient).not.toContain('individual');
    expect(() => renderText(problem, schedule, { by: 'patient', id: 'p9' })).toThrow(/Unknown patient 'p9'/);
    expect(() => renderText(problem, schedule, { by: 'track', id: '__proto__' })).toThrow(RangeError);
  });

  it('given a report, adds hours, days and requirements, lists unmet ones and marks hard breaches', () => {
    const problem = tinyProblem();
    const meetings = week();
    meetings.push(meeting({ id: 'clash', service: 'individual', day: 'TU', start: '18:00', room: 'office-1', staff: ['clin-2'], patients: ['p1'] }));
    const schedule = scheduleOf(meetings);
    const report = checkSchedule(problem, schedule);
    const text = renderText(problem, schedule, { by: 'patient', id: 'p1', report });
    expect(text).toMatch(/Score: hard \d+ .* BREAKS HARD RULES/);
    expect(text).toMatch(/ {2}5\.0 h · 3 days \(TU WE TH\) · track evening/);
    expect(text).toContain('✗ at least 9 hours a week: 5 of 9');
    expect(text).toContain('✓ at least 3 days a week: 3 of 3');
    expect(text).toMatch(/\nPatient +Track +Hours +Days +Requirements\np1 +evening +5\.0 +TU WE TH +✗ 1 unmet\n/);
    expect(text).not.toMatch(/^p2 /m);
    expect(text).toContain('! individual');
    expect(text).toMatch(/Hard-rule breaches \(\d+\).*\n! patient-double-booked · /);
    expect(text).toMatch(/Unmet requirements \(1\):\n✗ p1 · patient-min-weekly-hours · /);
  });

  it('removes control characters so a name cannot move the cursor or break a line', () => {
    const problem = tinyProblem();
    problem.services[0] = { ...problem.services[0]!, name: 'Evil\x1b[2J\x1b[31m\nname\u202Egnp.exe' };
    const text = renderText(problem, scheduleOf(week()));
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
    expect(text).toContain('Evil [2J [31m name');
  });

  it('lists a meeting dated outside the week instead of dropping it, and is deterministic', () => {
    const problem = tinyProblem();
    const stray = { ...meeting({ id: 'stray', service: 'process', track: 'evening', day: 'TU', start: '18:00', room: 'room-a', patients: ['p1'] }), date: '2026-12-01' };
    const schedule = scheduleOf([...week(), stray]);
    const text = renderText(problem, schedule);
    expect(text).toContain('Outside the week: stray on 2026-12-01 18:00-19:00');
    expect(renderText(problem, schedule)).toBe(text);
  });

  it('says so for an empty week', () => {
    expect(renderText(tinyProblem(), scheduleOf([]))).toContain('No sessions.');
    expect(renderText(tinyProblem(), scheduleOf([]), { by: 'patient', id: 'p1' })).toContain('No sessions this week.');
  });
});
