import { describe, expect, it } from 'vitest';
import { renderHtml } from './html.js';
import { renderText } from './text.js';
import { group, reportOf, tiny } from '../../test/support/rule-verifier.js';
import { scheduleOf } from '../../test/support/tiny.js';
import { partialWeekNote } from './partial-week-note.js';

describe('partial weeks in the views', () => {
  const problem = tiny((p) => (p.patients[2]!.admittedOn = '2026-11-26'));
  const meetings = [group('g-TH-18', 'TH', '18:00', ['p3', 'p4'])];
  const report = reportOf(problem, meetings);

  it('says how much of the programme a partial week covers and how it counts, and nothing in a whole week', () => {
    expect(partialWeekNote(report.patients[2]!)).toBe(' · partial week: 1 of 3 programme days, minimums prorated');
    expect(partialWeekNote(report.patients[3]!)).toBe('');
  });

  it('shows it on the patient in the text and HTML views', () => {
    const view = { by: 'patient' as const, id: 'p3', report };
    expect(renderText(problem, scheduleOf(meetings), view)).toContain('partial week: 1 of 3 programme days, minimums prorated');
    expect(renderHtml(problem, scheduleOf(meetings), view)).toContain('partial week: 1 of 3 programme days, minimums prorated');
  });
});
