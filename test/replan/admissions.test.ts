import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/problem.js';
import type { Meeting } from '../../src/model/schedule.js';
import { replan } from '../../src/replan/replan.js';
import { scheduleOf } from '../support/tiny.js';
import { fixtureProblem, group, therapy } from './fixture.js';

const OPTIONS = { seed: 1, timeLimitMs: 60_000 };

/** The fixture clinic without `new`, who is admitted by the change instead. */
function clinic(patients: Parameters<typeof fixtureProblem>[0] = {}): Problem {
  const problem = fixtureProblem(patients);
  return { ...problem, patients: problem.patients.filter((p) => p.id !== 'new') };
}

const ADMIT = { id: 'new', tracks: ['evening'] };

function sessions(meetings: readonly Meeting[], patient: string): string[] {
  return meetings.filter((m) => m.patients.includes(patient)).map((m) => `${m.date} ${m.start} ${m.service}`).sort();
}

describe('replan serves admitted patients when capacity allows', () => {
  it('opens a parallel section beside a full group when staff and a room are free, nobody losing a session', () => {
    // Process meets only on Thursday and is full; clin-2 and room-b are free then.
    const published = scheduleOf([
      group('tu-skills', 'skills', 'TU', '18:00', 'room-a', 'clin-1', ['p3', 'p4']),
      group('we-skills', 'skills', 'WE', '18:00', 'room-a', 'clin-1', ['p3', 'p4']),
      group('th-process', 'process', 'TH', '19:00', 'room-a', 'clin-1', ['p3', 'p4', 'p5']),
      group('tu-skills-2', 'skills', 'TU', '19:00', 'room-a', 'clin-1', ['p5', 'p6']),
      group('we-skills-2', 'skills', 'WE', '19:00', 'room-a', 'clin-1', ['p5', 'p6']),
      group('th-process-2', 'process', 'TH', '18:00', 'room-a', 'clin-1', ['p1', 'p2', 'p6']),
    ]);
    const problem = clinic();
    const { schedule, report, changed } = replan(problem, published, [{ kind: 'admit', patient: ADMIT }], OPTIONS);
    expect(report.score.hard).toBe(0);
    expect(report.patients.find((r) => r.patient === 'new')?.met).toBe(true);
    for (const p of problem.patients) expect(sessions(schedule.meetings, p.id)).toEqual(sessions(published.meetings, p.id));
    const added = changed.meetings.filter((m) => m.kinds.includes('added'));
    expect(added).toHaveLength(1);
    expect(added[0]!.after).toMatchObject({ service: 'process', day: 'TH' });
    expect(added[0]!.after!.patients).toContain('new');
  });

  it('moves another patient\u2019s individual session only when no clinician is free otherwise', () => {
    const problem = clinic({ p1: { tracks: [], requires: [{ service: 'therapy', min: 1 }] } });
    const published = scheduleOf([therapy('p1-therapy', 'TU', '18:00', 'p1')]);
    const admitted = { id: 'new', tracks: [], requires: [{ service: 'therapy', min: 1 }], availability: { weekly: [{ days: ['TU' as const], start: '18:00', end: '19:00' }] } };
    const { schedule, report, changed } = replan(problem, published, [{ kind: 'admit', patient: admitted }], OPTIONS);
    expect(report.score.hard).toBe(0);
    expect(report.patients.filter((r) => r.patient === 'new' || r.patient === 'p1').every((r) => r.met)).toBe(true);
    expect(schedule.meetings.find((m) => m.patients.includes('new'))).toMatchObject({ service: 'therapy', day: 'TU', start: '18:00' });
    expect(changed.meetings.find((m) => m.meeting === 'p1-therapy')?.kinds).toEqual(['moved']);
  });
});

describe('replan says why an admitted patient is still short', () => {
  it('names the full groups nobody can leave and the clinicians that are busy', () => {
    // Skills is full twice with members who need their seats; both clinicians lead then.
    const published = scheduleOf([
      group('tu-skills', 'skills', 'TU', '18:00', 'room-a', 'clin-1', ['p1', 'p2', 'p3']),
      group('tu-process', 'process', 'TU', '18:00', 'room-b', 'clin-2', ['p4', 'p5', 'p6']),
      group('we-skills', 'skills', 'WE', '18:00', 'room-a', 'clin-1', ['p1', 'p2', 'p3']),
      group('we-process', 'process', 'WE', '18:00', 'room-b', 'clin-2', ['p4', 'p5', 'p6']),
      group('th-process', 'process', 'TH', '18:00', 'room-a', 'clin-1', ['p1', 'p2', 'p3']),
      group('th-skills', 'skills', 'TH', '18:00', 'room-b', 'clin-2', ['p4', 'p5', 'p6']),
      group('th-skills-2', 'skills', 'TH', '19:00', 'room-a', 'clin-1', ['p4', 'p5']),
    ]);
    const { report } = replan(clinic(), published, [{ kind: 'admit', patient: ADMIT }], OPTIONS);
    expect(report.score.hard).toBe(0);
    const unmet = report.unmet.filter((u) => u.patient === 'new' && u.service === 'skills');
    expect(unmet).toHaveLength(1);
    const cause = unmet[0]!.causes[0]!;
    expect(cause.code).toBe('no-free-seat');
    // Full either way: as a clash with a session they hold then, or as a full group by itself.
    expect(cause.message).toMatch(/Tue 18:00 \((full, )?3 of 3/);
    expect(cause.message).toContain('no credentialed clinician and room is free to open another section');
    expect(cause.meetings).toEqual(['th-skills', 'tu-skills', 'we-skills']);
  });

  it('says when no credentialed clinician is free for an individual session and nothing can move', () => {
    const problem = clinic({ p1: { tracks: [], requires: [{ service: 'therapy', min: 1 }], availability: { weekly: [{ days: ['TU'], start: '18:00', end: '19:00' }] } } });
    const published = scheduleOf([therapy('p1-therapy', 'TU', '18:00', 'p1')]);
    const admitted = { id: 'new', tracks: [], requires: [{ service: 'therapy', min: 1 }], availability: { weekly: [{ days: ['TU' as const], start: '18:00', end: '19:00' }] } };
    const { report, changed } = replan(problem, published, [{ kind: 'admit', patient: admitted }], OPTIONS);
    expect(changed.meetings).toEqual([]);
    const entry = report.unmet.find((u) => u.patient === 'new')!;
    expect(entry.causes[0]).toMatchObject({ code: 'no-free-clinician' });
    expect(entry.causes[0]!.message).toContain('no credentialed clinician free');
  });

  it('says so when the iteration budget ended serving, not that the clinic is full', () => {
    const published = scheduleOf([group('tu-skills', 'skills', 'TU', '18:00', 'room-a', 'clin-1', ['p1', 'p2'])]);
    const { report } = replan(clinic(), published, [{ kind: 'admit', patient: ADMIT }], { ...OPTIONS, maxIterations: 0 });
    const entries = report.unmet.filter((u) => u.patient === 'new');
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.causes[0]!.code).toBe('replan-budget');
    expect(report.stats?.stoppedBecause).toBe('iteration-limit');
  });
});
