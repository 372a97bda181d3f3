import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShortList } from '../../src/engine/kernel/short-list.js';

describe('ShortList', () => {
  it('answers what a scan from the same place finds, after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.boolean()), { maxLength: 80 }), fc.nat(n - 1))), ([n, changes, from]) => {
        const list = new ShortList(n);
        const short = new Array<boolean>(n).fill(false);
        for (const [p, value] of changes) {
          list.set(p, value);
          short[p] = value;
        }
        let scanned = -1;
        for (let k = 0; k < n; k++) {
          if (short[(from + k) % n]) {
            scanned = (from + k) % n;
            break;
          }
        }
        expect(list.next(from)).toBe(scanned);
      }),
      { numRuns: 500 },
    );
  });
});
