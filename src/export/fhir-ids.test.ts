import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fhirId, sha1, uuidV5 } from './fhir-ids.js';

describe('sha1', () => {
  it('agrees with Node on every length around the padding boundaries, and on UTF-8', () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      expect(Buffer.from(sha1(bytes)).toString('hex'), `length ${length}`).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
    const text = new TextEncoder().encode('Grupo de proceso — 日本語 🙂');
    expect(Buffer.from(sha1(text)).toString('hex')).toBe(createHash('sha1').update(text).digest('hex'));
  });
});

describe('uuidV5', () => {
  it('gives the RFC 9562 name-based UUIDs (checked against Python uuid.uuid5)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('https://example.org/a')).toBe('77980eae-c343-5b01-9823-eb6ac1da021f');
  });

  it('rejects a namespace that is not a UUID', () => {
    expect(() => uuidV5('a', 'not-a-uuid')).toThrow(RangeError);
  });
});

describe('fhirId', () => {
  it('keeps FHIR-shaped ids and makes the others FHIR-shaped, deterministic and distinct', () => {
    expect(fhirId('p-01')).toBe('p-01');
    expect(fhirId('a'.repeat(64))).toBe('a'.repeat(64));
    const made = ['patient 7/a', 'patient 7:a', 'a'.repeat(65), 'é', '__proto__', 'x'.repeat(200)].map(fhirId);
    for (const id of made) expect(id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    expect(new Set(made).size).toBe(made.length);
    expect(fhirId('patient 7/a')).toBe(made[0]);
    expect(made[0]).toMatch(/^patient-7-a\.\.[0-9a-f]{16}$/);
  });

  it('gives ids that differ only in case distinct ids, also compared case-insensitively (FHIR ids are)', () => {
    const ids = ['P1', 'p1', 'Dana.Lee', 'dana.lee', 'DANA.LEE', 'x..y', 'x.y', '-', 'p1..0000000000000000'];
    const made = ids.map(fhirId);
    for (const id of made) expect(id).toMatch(/^[a-z0-9\-.]{1,64}$/);
    expect(new Set(made.map((id) => id.toLowerCase())).size).toBe(ids.length);
    expect(fhirId('p1')).toBe('p1');
    expect(fhirId('P1')).toMatch(/^p1\.\.[0-9a-f]{16}$/);
  });
});
