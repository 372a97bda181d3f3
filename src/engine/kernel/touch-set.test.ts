import { describe, expect, it } from 'vitest';
import { TouchSet } from './touch-set.js';

describe('TouchSet', () => {
  it('lists each subject once until cleared, and grows past its first size', () => {
    const touched = new TouchSet(4);
    for (const subject of [3, 1, 3, 20, 1, 20]) touched.add(subject);
    expect(touched.items).toEqual([3, 1, 20]);
    touched.clear();
    expect(touched.items).toEqual([]);
    touched.add(20);
    touched.add(3);
    expect(touched.items).toEqual([20, 3]);
    expect([touched.has(20), touched.has(3), touched.has(1), touched.has(500)]).toEqual([true, true, false, false]);
  });
});
