import { describe, expect, it } from 'vitest';
import { expectBroken, expectKept, group, tiny, violationsOf } from '../../test/support/rule-verifier.js';
import type { Problem } from '../model/problem.js';

const code = 'make-up-minutes';
/** The tiny clinic with a day track (MO/WE/FR mornings) that p1, an evening patient, may make up in. */
const problem = (): Problem =>
  tiny((p) => {
    p.tracks.push({ id: 'day', windows: { weekly: [{ days: ['MO', 'WE', 'FR'], start: '09:00', end: '12:00' }] } });
    p.patients[0]!.makeUpTracks = ['day'];
  });
/** Tuesday's group, which p1 missed (60 minutes). */
const missed = group('g-TU-18', 'TU', '18:00', ['p2', 'p3'], { noShows: ['p1'] });
const morning = (id: string, start: string, patients: string[]): ReturnType<typeof group> => group(id, 'WE', start, patients, { track: 'day' });

describe(code, () => {
  it('accepts a make-up of the minutes missed', () => {
    expectKept(code, problem(), [missed, morning('d-WE-09', '09:00', ['p1', 'p2', 'p3'])]);
    const outside = violationsOf('track-membership', problem(), [missed, morning('d-WE-09', '09:00', ['p1', 'p2', 'p3'])]);
    expect(outside.flatMap((v) => v.patients)).toEqual(['p2', 'p3']);
  });
  it('reports the minutes given back beyond those missed', () => {
    const meetings = [missed, morning('d-WE-09', '09:00', ['p1', 'p2', 'p3']), morning('d-WE-10', '10:00', ['p1', 'p2', 'p3'])];
    expectBroken(code, problem(), meetings, [{ penalty: 60, patients: ['p1'] }]);
  });
  it('opens no make-up track in a week without a no-show: the patient stays in their own tracks', () => {
    const meetings = [group('g-TU-18', 'TU', '18:00', ['p1', 'p2', 'p3']), morning('d-WE-09', '09:00', ['p1', 'p2', 'p3'])];
    expectKept(code, problem(), meetings);
    expect(violationsOf('track-membership', problem(), meetings).flatMap((v) => v.patients)).toEqual(['p1', 'p2', 'p3']);
  });
});
