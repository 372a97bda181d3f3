import { describe, expect, it } from 'vitest';
import { validateProblem } from './validate.js';
import { changed, issuesAfter } from '../../test/input/support.js';

describe('ids', () => {
  it('rejects a duplicate id within a kind, at the later item', () => {
    expect(issuesAfter((p) => (p.patients[3].id = 'p1'))).toEqual(['patients[3].id duplicate-id']);
    expect(issuesAfter((p) => (p.rooms[1].id = 'room-a'))).toEqual(['rooms[1].id duplicate-id']);
  });
  it('allows the same id in different kinds', () => {
    expect(issuesAfter((p) => (p.rooms[0].id = 'p1'))).toEqual([]);
  });
  it('treats __proto__, constructor and toString as ordinary ids', () => {
    const result = validateProblem(
      changed((p) => {
        p.patients[0].id = '__proto__';
        p.patients[1].id = 'constructor';
        p.patients[2].id = 'toString';
        p.patients[3].avoid = ['__proto__', 'constructor', 'toString'];
        p.tracks[0].id = '__proto__';
        for (const patient of p.patients) patient.tracks = ['__proto__'];
      }),
    );
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(issuesAfter((p) => (p.patients[0].avoid = ['hasOwnProperty']))).toEqual(['patients[0].avoid[0] unknown-reference']);
    expect(issuesAfter((p) => ((p.patients[0].id = '__proto__'), (p.patients[1].id = '__proto__')))).toEqual(['patients[1].id duplicate-id']);
  });
});

describe('references', () => {
  it('rejects a patient in an unknown track, or in the same track twice', () => {
    expect(issuesAfter((p) => (p.patients[3].tracks = ['nite']))).toEqual(['patients[3].tracks[0] unknown-reference']);
    expect(issuesAfter((p) => (p.patients[3].tracks = ['evening', 'evening']))).toEqual(['patients[3].tracks[1] duplicate-entry']);
  });
  it('rejects requires naming an unknown service', () => {
    expect(issuesAfter((p) => (p.patients[0].requires = [{ service: 'therapy', min: 1 }]))).toEqual(['patients[0].requires[0].service unknown-reference']);
  });
  it('rejects a primaryStaff who is not on staff', () => {
    expect(issuesAfter((p) => (p.patients[0].primaryStaff = 'clin-9'))).toEqual(['patients[0].primaryStaff unknown-reference']);
    expect(issuesAfter((p) => (p.patients[0].primaryStaff = 'clin-2'))).toEqual([]);
  });
  it('rejects avoiding an unknown patient, or oneself', () => {
    expect(issuesAfter((p) => (p.patients[0].avoid = ['p9', 'p1', 'p2']))).toEqual(['patients[0].avoid[0] unknown-reference', 'patients[0].avoid[1] self-reference']);
  });
  it('does not pile reference issues onto a collection that could not be read', () => {
    expect(issuesAfter((p) => (p.tracks = 'evening'))).toEqual(['tracks invalid-type']);
  });
});
