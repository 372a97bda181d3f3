import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFileName } from './file-names.js';

const PORTABLE = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

describe('calendarFileName', () => {
  it('keeps safe ids as they are', () => {
    expect(calendarFileName('patient', 'p-07')).toBe('patient-p-07.ics');
    expect(calendarFileName('room', 'room.2')).toBe('room-room.2.ics');
  });

  it('gives unsafe ids a readable part and a stable hash', () => {
    const name = calendarFileName('staff', 'Dana Lee, LCSW');
    expect(name).toMatch(/^staff-dana-lee-lcsw_[0-9a-f]{16}\.ics$/);
    expect(calendarFileName('staff', 'Dana Lee, LCSW')).toBe(name);
    expect(calendarFileName('room', '../etc/passwd')).toMatch(/^room-etc-passwd_[0-9a-f]{16}\.ics$/);
    expect(calendarFileName('patient', '😀'.repeat(100))).toMatch(/^patient-_[0-9a-f]{16}\.ics$/);
  });

  it('is portable, short, never special, and distinct even ignoring case, for any ids', () => {
    const id = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }),
      fc.string({ minLength: 1, maxLength: 200 }),
      fc.constantFrom('.', '..', '.'.repeat(85), 'CON', 'con', 'nul.txt', 'P1', 'p1', 'a/b', 'a\\b', '-', 'x'.repeat(200), 'é', 'e\u0301'),
    );
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 1, maxLength: 30 }), fc.constantFrom('patient' as const, 'staff' as const, 'room' as const), (ids, kind) => {
        const names = ids.map((one) => calendarFileName(kind, one));
        for (const name of names) {
          expect(name).toMatch(PORTABLE);
          expect(Buffer.byteLength(name)).toBeLessThanOrEqual(80);
          expect(name).not.toMatch(WINDOWS_DEVICE);
          expect(name.startsWith(`${kind}-`) && name.endsWith('.ics')).toBe(true);
        }
        expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(ids.length);
      }),
      { numRuns: 300 },
    );
  });
});
