/**
 * Property: every line renderText writes fits 100 terminal columns, whatever the ids and names
 * of a valid problem and its week, in every view, with a report.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { renderText } from '../../src/export/text.js';
import { validateProblem } from '../../src/input/validate.js';
import { exoticWeek } from './exotic-week.js';

// The renderer's own drawing characters, one column each in every terminal.
const DRAWING = new Set('─┼│…·✓✗–');

/**
 * Columns as a terminal draws them, measured apart from the renderer's own `columns` and on the
 * safe side: combining marks take none, anything that may be wide (emoji, pictographs, East Asian
 * scripts, fullwidth forms, astral planes) two.
 */
function displayWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    const code = char.codePointAt(0) ?? 0;
    if (DRAWING.has(char)) width += 1;
    else if (/[\p{Mn}\p{Me}]/u.test(char)) width += 0;
    else if (code > 0xffff || /[\p{Extended_Pictographic}\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uff60\uffe0-\uffe6]/u.test(char)) width += 2;
    else width += 1;
  }
  return width;
}

describe('renderText on exotic ids and names', () => {
  it('keeps every line within 100 columns in every view', () => {
    fc.assert(
      fc.property(exoticWeek, fc.constantFrom('track' as const, 'room' as const, 'staff' as const, 'patient' as const), ({ problem: input, schedule }, by) => {
        const valid = validateProblem(input);
        fc.pre(valid.ok);
        if (!valid.ok) return;
        const report = checkSchedule(valid.problem, schedule);
        const text = renderText(valid.problem, schedule, { by, report });
        for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
      }),
      { numRuns: 120 },
    );
  });

  it('keeps the longest ids the limits allow within 100 columns, ending cut ones with an ellipsis', () => {
    const long = '😀'.repeat(100);
    const dots = '.'.repeat(85);
    fc.assert(
      fc.property(exoticWeek, ({ problem: input, schedule }) => {
        const problem = { ...input, patients: input.patients.map((p, i) => ({ ...p, id: i === 0 ? long : i === 1 ? dots : `${'認'.repeat(199)}${i}` })) };
        const valid = validateProblem(problem);
        fc.pre(valid.ok);
        if (!valid.ok) return;
        const text = renderText(valid.problem, { ...schedule, meetings: [] }, { by: 'patient' });
        for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
        expect(text).toContain('…');
      }),
      { numRuns: 10 },
    );
  });
});
