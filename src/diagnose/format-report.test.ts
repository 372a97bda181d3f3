import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report.js';
import { formatReport } from './format-report.js';

function report(fields: Partial<Report>): Report {
  return {
    feasible: true,
    allMet: false,
    score: { hard: 0, requirement: 0, soft: 0 },
    byRule: [],
    violations: [],
    patients: [{ patient: 'p1', track: 'evening', minutes: 360, hours: 6, days: ['TU', 'TH'], services: [], requirements: [], met: false }],
    unmet: [],
    ...fields,
  };
}

describe('formatReport', () => {
  it('says so in one line when everyone is met', () => {
    expect(formatReport(report({ allMet: true }))).toBe('The patient meets every requirement.');
    const two = report({ allMet: true });
    two.patients.push({ ...two.patients[0]!, patient: 'p2' });
    expect(formatReport(two)).toBe('All 2 patients meet every requirement.');
  });

  it('lists who falls short, why, and the verified repairs first', () => {
    const text = formatReport(
      report({
        unmet: [
          {
            rule: 'patient-min-weekly-hours',
            patient: 'p1',
            message: 'Patient p1 gets 6 hours of care this week; the minimum is 9 hours.',
            shortfall: 180,
            causes: [{ code: 'availability-hours', message: 'Patient p1 is free only Tue and Thu evenings.' }],
            repairs: [
              { kind: 'allow-track', message: 'Allow p1 in track day too', verified: false },
              { kind: 'move-availability-window', message: 'Ask p1 to come Wed 18:00-21:00: 1 more patient meets every requirement', verified: true, effect: { patientsNewlyMet: 1, shortfallReducedMinutes: 180 } },
            ],
          },
        ],
      }),
    );
    expect(text.split('\n')).toEqual([
      '1 of 1 patient falls short of their requirements.',
      '',
      'Who falls short, and why:',
      '- p1: 3 h short this week.',
      '    because Patient p1 is free only Tue and Thu evenings.',
      '',
      'What would help most:',
      '1. Ask p1 to come Wed 18:00-21:00: 1 more patient meets every requirement',
      '2. Allow p1 in track day too (not verified)',
    ]);
  });

  it('puts each requirement of a patient on its own line and wraps long sentences at 100 columns', () => {
    const cause = 'No credentialed staff works at Mon 00:00-09:15, Mon 11:45-24:00, Tue 00:00-24:00, Wed 00:00-24:00, Thu 00:00-24:00 for skills-group (clin-1 off then) (654 placements blocked).';
    const repair = 'Open room-b Tue 18:00-21:00, Wed 18:00-21:00, Thu 18:00-21:00: 6 more patients meet every requirement, 19 h less shortfall';
    const many = report({
      unmet: [
        { rule: 'curriculum-min', patient: 'p1', message: 'Patient p1 has 2 sessions of skills-group this week; the track curriculum asks for 3.', shortfall: 60, service: 'skills-group', causes: [{ code: 'staff-availability', message: cause }], repairs: [{ kind: 'open-room', message: repair, verified: true, effect: { patientsNewlyMet: 6, shortfallReducedMinutes: 1140 } }] },
        { rule: 'requires-min', patient: 'p1', message: 'Patient p1 has 0 sessions of individual this week; the minimum is 1.', shortfall: 60, service: 'individual', causes: [], repairs: [] },
      ],
    });
    many.patients.push({ ...many.patients[0]!, patient: 'p2', met: true });
    const lines = formatReport(many).split('\n');
    expect(lines.slice(0, 9)).toEqual([
      '1 of 2 patients falls short of their requirements.',
      '',
      'Who falls short, and why:',
      '- p1: has 2 sessions of skills-group this week; the track curriculum asks for 3.',
      '  has 0 sessions of individual this week; the minimum is 1.',
      '    because No credentialed staff works at Mon 00:00-09:15, Mon 11:45-24:00, Tue 00:00-24:00, Wed',
      '      00:00-24:00, Thu 00:00-24:00 for skills-group (clin-1 off then) (654 placements blocked).',
      '',
      'What would help most:',
    ]);
    expect(lines.slice(9)).toEqual([
      '1. Open room-b Tue 18:00-21:00, Wed 18:00-21:00, Thu 18:00-21:00: 6 more patients meet every',
      '   requirement, 19 h less shortfall',
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('warns first when the timetable breaks a hard rule', () => {
    const text = formatReport(
      report({
        feasible: false,
        violations: [{ rule: 'room-capacity', level: 'hard', penalty: 1, message: 'Room a holds 4 but seats 3.', meetings: [], patients: [], staff: [], rooms: ['a'] }],
      }),
    );
    expect(text.split('\n').slice(0, 2)).toEqual(['This timetable breaks 1 hard rule; it cannot be used as is.', '  ! Room a holds 4 but seats 3.']);
  });
});
