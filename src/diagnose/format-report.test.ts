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
              { kind: 'allow-track', message: 'Let p1 also attend the day track', verified: false },
              { kind: 'move-availability-window', message: 'Ask p1 to come Wed 18:00-21:00: 1 more patient meets every requirement', verified: true, effect: { patientsNewlyMet: 1, shortfallReducedMinutes: 180 } },
            ],
          },
        ],
      }),
    );
    expect(text.split('\n')).toEqual([
      '1 of 1 patient falls short of their requirements.',
      '',
      'What would help most:',
      '1. Ask p1 to come Wed 18:00-21:00: 1 more patient meets every requirement',
      '2. Let p1 also attend the day track (not verified)',
      '',
      'Who falls short, and why:',
      '- p1: 3 h short this week.',
      '    because patient p1 is free only Tue and Thu evenings.',
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
    expect(lines).toEqual([
      '1 of 2 patients falls short of their requirements.',
      '',
      'What would help most:',
      '1. Open room-b Tue 18:00-21:00, Wed 18:00-21:00, Thu 18:00-21:00: 6 more patients meet every',
      '   requirement, 19 h less shortfall',
      '',
      'Who falls short, and why:',
      '- p1: has 2 sessions of skills-group this week; the track curriculum asks for 3.',
      '  has 0 sessions of individual this week; the minimum is 1.',
      '    because no credentialed staff works at Mon 00:00-09:15, Mon 11:45-24:00, Tue 00:00-24:00, Wed',
      '      00:00-24:00, Thu 00:00-24:00 for skills-group (clin-1 off then).',
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('names every short patient, grouped by a shared cause, after the top repairs, a repair that hurts someone last (snapshot)', async () => {
    const rooms = "The evening track's group rooms are over-full, so not every patient fits every group: Tue 24 seat-hours needed, 18 offered (133%).";
    const entry = (patient: string, service: string, cause: string) => ({
      rule: 'curriculum-min',
      patient,
      message: `Patient ${patient} has 2 sessions of ${service} this week; the track curriculum asks for 3.`,
      shortfall: 60,
      service,
      causes: [{ code: cause === rooms ? 'track-rooms-full' : 'staff-double-booked', message: cause }],
      repairs: [] as Report['unmet'][number]['repairs'],
    });
    const unmet = [
      ...Array.from({ length: 20 }, (_, i) => entry(`p-${String(i + 10)}`, i % 2 === 0 ? 'skills-group' : 'process-group', rooms)),
      entry('p-40', 'individual-therapy', 'The staff who can lead individual-therapy (s-03) are already leading other sessions at Tue 17:00-18:00 (4 placements blocked).'),
      entry('p-41', 'individual-therapy', 'The staff who can lead individual-therapy (s-04) are already leading other sessions at Wed 17:00-18:00 (3 placements blocked).'),
      entry('p-42', 'individual-therapy', 'The staff who can lead individual-therapy (s-06) are already leading other sessions at Thu 17:00-18:00 (2 placements blocked).'),
    ];
    unmet[0]!.repairs = [
      { kind: 'combined', message: 'Both: add a room; and have s-01 work Thu 18:00-21:00: 21 more patients meet every requirement; but worse for p-50 (1 h more shortfall)', verified: true, effect: { patientsNewlyMet: 21, shortfallReducedMinutes: 1200 }, worseFor: ['p-50'] },
      { kind: 'add-room', message: 'Add a room seating 12 (group-room) for the evening track, Tue 18:00-21:00: 20 more patients meet every requirement, 20 h less shortfall', verified: true, effect: { patientsNewlyMet: 20, shortfallReducedMinutes: 1200 } },
      { kind: 'extend-staff-hours', message: 'Have s-01 work Thu 18:00-21:00 (not verified: the time limit ran out)', verified: false },
    ];
    const many = report({ unmet });
    many.patients = Array.from({ length: 40 }, (_, i) => ({ ...many.patients[0]!, patient: `p-${i + 10}` }));
    const text = formatReport(many, { maxPatients: 2 });
    for (const patient of new Set(unmet.map((u) => u.patient))) expect(text).toContain(patient);
    // Clinic words: no solver counts, no capital after "because".
    expect(text).not.toMatch(/placements? blocked|because [A-Z]/);
    await expect(text).toMatchFileSnapshot('./__snapshots__/format-report.grouped.txt');
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
