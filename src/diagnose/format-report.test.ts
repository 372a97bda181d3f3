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
    expect(formatReport(report({ allMet: true }))).toBe('All 1 patients meet every requirement.');
  });

  it('lists who falls short, why, and the verified repairs first', () => {
    const text = formatReport(
      report({
        unmet: [
          {
            rule: 'patient-min-weekly-hours',
            patient: 'p1',
            message: 'Patient p1 gets 6 hours of care this week; at least 9 are required.',
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
      '1 of 1 patient fall short of their requirements.',
      '',
      'Who falls short, and why:',
      '- p1: 3 h short',
      '    because Patient p1 is free only Tue and Thu evenings.',
      '',
      'What would help most:',
      '1. Ask p1 to come Wed 18:00-21:00: 1 more patient meets every requirement',
      '2. Allow p1 in track day too (not verified)',
    ]);
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
