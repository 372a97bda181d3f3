/**
 * FullTimes: construction's marks of times an individual service found no staff or room, and
 * what each way of forgetting them forgets.
 */
import { describe, expect, it } from 'vitest';
import { FullTimes } from '../../src/engine/construct/individuals.js';

function marked(): FullTimes {
  const full = new FullTimes(3);
  for (const s of [0, 1, 2]) for (const day of [0, 3]) full.set(s, day, 600, 1);
  full.set(1, 3, 900, 2);
  return full;
}

describe('FullTimes', () => {
  it('keeps both marks of a time', () => {
    const full = marked();
    full.set(1, 3, 600, 2);
    expect(full.get(1, 3, 600)).toBe(3);
  });

  it('forgetServiceDay forgets one service on one day only', () => {
    const full = marked();
    full.forgetServiceDay(1, 3);
    expect(full.get(1, 3, 600)).toBe(0);
    expect(full.get(1, 3, 900)).toBe(0);
    expect(full.get(1, 0, 600)).toBe(1);
    expect(full.get(0, 3, 600)).toBe(1);
    expect(full.get(2, 3, 600)).toBe(1);
  });

  it('forgetService forgets one service all week; forgetDay every service on one day', () => {
    const byService = marked();
    byService.forgetService(1);
    expect([byService.get(1, 0, 600), byService.get(1, 3, 600), byService.get(0, 0, 600)]).toEqual([0, 0, 1]);
    const byDay = marked();
    byDay.forgetDay(3);
    expect([byDay.get(0, 3, 600), byDay.get(2, 3, 600), byDay.get(1, 0, 600)]).toEqual([0, 0, 1]);
  });
});
