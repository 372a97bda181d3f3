import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solve } from '../../src/pipeline/solve.js';
import type { Service } from '../../src/model/problem.js';
import { BUDGET, clinic, DAY_TRACK, EVENING_TRACK, patientsOf } from './scenario-kit.js';

/** A multi-family group no track holds: any time the patients, their families and a clinician share. */
const MULTI_FAMILY: Service = {
  id: 'multi-family',
  kind: 'group',
  durationMinutes: 90,
  minSize: 3,
  maxSize: 8,
  trackBound: false,
  staff: [{ credentials: ['LCSW'] }],
  room: { features: ['group'] },
};

describe('groups of services that are not track-bound', () => {
  it('are held at the one time outside the track windows that the patients of both tracks share', () => {
    const base = clinic();
    const problem = clinic({
      tracks: [structuredClone(DAY_TRACK), structuredClone(EVENING_TRACK)],
      services: [...base.services, MULTI_FAMILY],
      patients: [...patientsOf('day', 4), ...patientsOf('evening', 4)].map((patient) => ({
        ...patient,
        requires: [...(patient.requires ?? []), { service: 'multi-family', min: 1, max: 1 }],
        // Both cohorts are free on Saturday morning only, outside both tracks.
        availability: {
          weekly:
            patient.tracks[0] === 'day'
              ? [
                  { days: ['MO', 'FR'], start: '08:00', end: '22:00' },
                  { days: ['WE'], start: '08:00', end: '13:00' },
                  { days: ['SA'], start: '10:00', end: '12:00' },
                ]
              : [
                  { days: ['TU', 'TH'], start: '08:00', end: '22:00' },
                  { days: ['WE'], start: '18:00', end: '22:00' },
                  { days: ['SA'], start: '10:00', end: '12:00' },
                ],
        },
      })),
    });
    const { schedule, report } = solve(problem, BUDGET);
    const checked = checkSchedule(problem, schedule);
    expect(checked.violations.filter((v) => v.level === 'hard')).toEqual([]);
    const groups = schedule.meetings.filter((m) => m.service === 'multi-family');
    expect(groups.length).toBeGreaterThan(0);
    for (const m of groups) expect({ day: m.day, track: m.track }).toEqual({ day: 'SA', track: null });
    // Every patient gets their multi-family session, with patients of both tracks together.
    expect(report.unmet.filter((u) => u.rule === 'requires-min')).toEqual([]);
    expect(new Set(groups.flatMap((m) => m.patients.map((p) => p.split('-')[0])))).toEqual(new Set(['day', 'evening']));
  });
});
