/**
 * Property: renderHtml never throws on a problem that passed validation, whatever its ids and
 * names, in every view, with a report; and the page carries no lone surrogate or raw control.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { renderHtml } from '../../src/export/html.js';
import { validateProblem } from '../../src/input/validate.js';
import { exoticWeek } from './exotic-week.js';

describe('renderHtml on exotic ids and names', () => {
  it('never throws on a valid problem, in every view', () => {
    let rendered = 0;
    fc.assert(
      fc.property(exoticWeek, fc.constantFrom('track' as const, 'room' as const, 'staff' as const, 'patient' as const), ({ problem: input, schedule }, by) => {
        const valid = validateProblem(input);
        if (!valid.ok) return;
        rendered += 1;
        const html = renderHtml(valid.problem, schedule, { by, report: checkSchedule(valid.problem, schedule) });
        expect(html).toMatch(/^<!doctype html>/i);
        expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
        expect((html as unknown as { isWellFormed(): boolean }).isWellFormed()).toBe(true);
      }),
      { numRuns: 120 },
    );
    expect(rendered).toBeGreaterThan(20);
  });
});
