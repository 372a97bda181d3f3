import { describe, expect, it } from 'vitest';
import { issuesAfter } from '../../test/input/support.js';

describe('tracks', () => {
  it('requires windows', () => {
    expect(issuesAfter((p) => delete p.tracks[0].windows)).toEqual(['tracks[0].windows missing-field']);
  });
  it('accepts a curriculum and a template of known group services', () => {
    expect(
      issuesAfter((p) => Object.assign(p.tracks[0], { curriculum: [{ service: 'process', min: 2, max: 3 }], template: [{ service: 'process', day: 'TU', start: '18:00' }] })),
    ).toEqual([]);
  });
  it('rejects a curriculum entry naming an unknown service, listed twice, or with min above max', () => {
    expect(
      issuesAfter((p) => (p.tracks[0].curriculum = [{ service: 'proces' }, { service: 'process', min: 3, max: 2 }, { service: 'process' }])),
    ).toEqual([
      'tracks[0].curriculum[1].min invalid-range',
      'tracks[0].curriculum[2].service duplicate-entry',
      'tracks[0].curriculum[0].service unknown-reference',
    ]);
  });
  it('rejects a template entry naming an unknown or an individual service', () => {
    expect(issuesAfter((p) => (p.tracks[0].template = [{ service: 'dbt', day: 'TU', start: '18:00' }]))).toEqual(['tracks[0].template[0].service unknown-reference']);
    expect(issuesAfter((p) => (p.tracks[0].template = [{ service: 'individual', day: 'TU', start: '18:00' }]))).toEqual(['tracks[0].template[0].service not-a-group']);
  });
  it('rejects a template start off the granularity grid', () => {
    expect(issuesAfter((p) => (p.tracks[0].template = [{ service: 'process', day: 'TU', start: '18:05' }]))).toEqual(['tracks[0].template[0].start off-grid']);
    expect(issuesAfter((p) => ((p.granularityMinutes = 5), (p.tracks[0].template = [{ service: 'process', day: 'TU', start: '18:05' }])))).toEqual([]);
  });
  it('rejects a template session running past midnight', () => {
    expect(issuesAfter((p) => (p.tracks[0].template = [{ service: 'process', day: 'TU', start: '23:30' }]))).toEqual(['tracks[0].template[0].start past-midnight']);
  });
  it('rejects a template entry with a bad day or time', () => {
    expect(issuesAfter((p) => (p.tracks[0].template = [{ service: 'process', day: 'TUE', start: '24:00' }]))).toEqual([
      'tracks[0].template[0].day invalid-weekday',
      'tracks[0].template[0].start invalid-time',
    ]);
  });
});

