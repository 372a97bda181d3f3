import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { escapeHtml, renderHtml } from '../../src/export/html.js';
import { contrastRatio, paletteSize, serviceColour, TEXT_COLOUR } from '../../src/export/palette.js';
import { meeting, scheduleOf, tinyProblem } from '../support/tiny.js';

function blocks(html: string): Array<{ style: string; text: string; className: string }> {
  return [...html.matchAll(/<article class="([^"]*)" style="([^"]*)" title="[^"]*">(.*?)<\/article>/g)].map((m) => ({
    className: m[1] ?? '',
    style: m[2] ?? '',
    text: (m[3] ?? '').replace(/<[^>]+>/g, ' '),
  }));
}

describe('renderHtml', () => {
  const schedule = scheduleOf([
    meeting({ id: 'g1', service: 'process', track: 'evening', day: 'TU', start: '18:00', room: 'room-a', staff: ['clin-1'], patients: ['p1', 'p2'] }),
    meeting({ id: 'i1', service: 'individual', day: 'TU', start: '18:30', room: 'office-1', staff: ['clin-1'], patients: ['p3'] }),
    meeting({ id: 'i2', service: 'individual', day: 'WE', start: '09:00', staff: ['clin-2'], patients: ['p4'] }, 50),
  ]);

  it('is one self-contained page: inline CSS with print rules, no script, nothing fetched', () => {
    const html = renderHtml(tinyProblem(), schedule);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import|https?:/i);
  });

  it('escapes every string from the problem', () => {
    const problem = tinyProblem();
    problem.services[0] = { ...problem.services[0]!, name: '<img src=x onerror=alert(1)> "Skills" & \'more\'' };
    problem.staff[0] = { ...problem.staff[0]!, name: '</article><script>alert(2)</script>' };
    problem.tracks[0] = { ...problem.tracks[0]!, name: '"><b>track' };
    const html = renderHtml(problem, schedule, { report: checkSchedule(problem, schedule) });
    expect(html).not.toMatch(/<img|<script|"><b>track/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; &#34;Skills&#34; &#38; &#39;more&#39;');
    expect(escapeHtml('a\u0000b')).toBe('a\uFFFDb');
  });

  it('places each session at its time, side by side only while they overlap', () => {
    const html = renderHtml(tinyProblem(), schedule, { by: 'staff' });
    const all = blocks(html);
    expect(all).toHaveLength(3);
    // clin-1 on Tuesday: 18:00-19:00 and 18:30-19:30 overlap: two lanes. Wednesday: one session, full width.
    const [group, individual, wednesday] = [all.find((b) => b.text.includes('18:00')), all.find((b) => b.text.includes('18:30')), all.find((b) => b.text.includes('09:00'))];
    expect(group?.style).toContain('left:calc(0 * 100% / 2);width:calc(100% / 2)');
    expect(individual?.style).toContain('left:calc(1 * 100% / 2);width:calc(100% / 2)');
    expect(wednesday?.style).toContain('left:calc(0 * 100% / 1);width:calc(100% / 1)');
    expect(wednesday?.style).toContain('height:calc(var(--slot) * 10)');
    expect(wednesday?.text).toMatch(/individual +09:00–09:50 · Telehealth +clin-2 +p4/);
  });

  it('wraps service names instead of cutting them, and sizes the grid so each block holds its text', () => {
    const problem = tinyProblem();
    problem.services[0] = { ...problem.services[0]!, name: 'Psychoeducation and relapse prevention for co-occurring disorders' };
    // Five days of two parallel sessions: ten narrow lanes, where the name needs several lines.
    const busy = scheduleOf(
      (['MO', 'TU', 'WE', 'TH', 'FR'] as const).flatMap((day) => [
        meeting({ id: `${day}-a`, service: 'process', track: 'evening', day, start: '18:00', room: 'room-a', staff: ['clin-1'], patients: ['p1', 'p2'] }),
        meeting({ id: `${day}-b`, service: 'process', track: 'evening', day, start: '18:30', room: 'room-a', staff: ['clin-2'], patients: ['p3', 'p4'] }),
      ]),
    );
    const html = renderHtml(problem, busy, { by: 'track' });
    expect(html).toContain('<b>Psychoeducation and relapse prevention for co-occurring disorders</b>');
    const blockRules = /\.m b, \.m span \{([^}]*)\}/.exec(html)?.[1] ?? '';
    expect(blockRules).toContain('white-space: normal');
    expect(blockRules).not.toMatch(/nowrap|ellipsis/);
    // The long name wraps over several lines: the slot grows past the 6 px minimum.
    expect(Number(/--fit:([\d.]+)px/.exec(html)?.[1])).toBeGreaterThan(6);
  });

  it('keeps room and staff on 30-minute sessions, with room for them in the block', () => {
    const short = scheduleOf([
      meeting({ id: 'med', service: 'individual', day: 'TU', start: '18:00', room: 'office-1', staff: ['clin-2'], patients: ['p1'] }, 30),
      meeting({ id: 'g1', service: 'process', track: 'evening', day: 'TU', start: '18:00', room: 'room-a', staff: ['clin-1'], patients: ['p2', 'p3'] }),
    ]);
    for (const by of ['track', 'staff', 'room', 'patient'] as const) {
      const html = renderHtml(tinyProblem(), short, { by });
      const tables = [...html.matchAll(/<table class="week" style="--fit:([\d.]+)px">([\s\S]*?)<\/table>/g)];
      const table = tables.find((t) => (t[2] ?? '').includes('18:00–18:30'));
      const block = /<article[^>]*>((?:(?!<\/article>)[\s\S])*18:00–18:30(?:(?!<\/article>)[\s\S])*)<\/article>/.exec(table?.[2] ?? '')?.[1] ?? '';
      expect(block, by).toContain('clin-2');
      if (by !== 'room') expect(block, by).toContain('office-1');
      // Its 6 slots hold at least one line (about 15.5 px) per line of text.
      const lines = (block.match(/<(b|span)\b/g) ?? []).length;
      expect(Number(table?.[1]) * 6, by).toBeGreaterThanOrEqual(lines * 15.5);
    }
  });

  it('names the patients on staff and room grids instead of counting them', () => {
    for (const by of ['staff', 'room'] as const) {
      const html = renderHtml(tinyProblem(), schedule, { by });
      const group = blocks(html).find((b) => b.text.includes('18:00–19:00'));
      expect(group?.text, by).toContain('p1, p2');
      expect(html, by).not.toMatch(/\d pts?\b/);
    }
    expect(blocks(renderHtml(tinyProblem(), schedule, { by: 'track' })).find((b) => b.text.includes('18:00–19:00'))?.text).toContain('2 pts');
  });

  it('puts the day headers in a table head that printing repeats on every page', () => {
    const html = renderHtml(tinyProblem(), schedule, { by: 'staff' });
    const tables = [...html.matchAll(/<table class="week"[\s\S]*?<\/table>/g)].map((m) => m[0]);
    expect(tables.length).toBe(2);
    for (const table of tables) expect(table).toMatch(/<thead><tr><th class="corner" scope="col"><\/th>(<th class="dayhead" scope="col">\w{3} \d+ \w{3}<\/th>)+<\/tr><\/thead><tbody>/);
    const print = /@media print \{([\s\S]*)\}\s*<\/style>/.exec(html)?.[1] ?? '';
    expect(print).toMatch(/\.week thead \{ display: table-header-group; \}/);
    expect(print).toMatch(/\.week tbody tr \{ break-inside: avoid;/);
  });

  it('colours each service the same everywhere, from an accessible palette', () => {
    const html = renderHtml(tinyProblem(), schedule, { by: 'staff' });
    const background = (text: string): string[] => blocks(html).filter((b) => b.text.includes(text)).map((b) => /background:(#[0-9a-f]{6})/.exec(b.style)?.[1] ?? '');
    expect(new Set(background('individual'))).toEqual(new Set([serviceColour(1).background]));
    expect(background('process')).toEqual([serviceColour(0).background]);
    const colours = Array.from({ length: paletteSize() }, (_, i) => serviceColour(i));
    expect(new Set(colours.map((c) => c.background)).size).toBe(paletteSize());
    for (const colour of colours) expect(contrastRatio(colour.background, TEXT_COLOUR)).toBeGreaterThanOrEqual(7);
    expect(serviceColour(paletteSize())).toEqual(serviceColour(0));
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  it('given a report, highlights unmet requirements and sessions that break a hard rule', () => {
    const problem = tinyProblem();
    const clash = scheduleOf([...schedule.meetings, meeting({ id: 'clash', service: 'individual', day: 'TU', start: '18:00', room: 'office-1', staff: ['clin-2'], patients: ['p1'] })]);
    const report = checkSchedule(problem, clash);
    const html = renderHtml(problem, clash, { by: 'patient', report });
    expect(html).toContain('Breaks hard rules');
    expect(blocks(html).filter((b) => b.className.includes('broken')).length).toBeGreaterThan(0);
    expect(html).toMatch(/<h2 id="patient-p1">Patient p1 <span class="badge bad">✗ \d unmet<\/span><\/h2>/);
    expect(html).toMatch(/<tr class="unmet"><th scope="row">p1<\/th>/);
    expect(html).toContain('<li class="unmet">✗ at least 9 hours a week');
    expect(html).toMatch(/<h3>Unmet requirements \(\d+\)<\/h3>/);
    expect(html).toMatch(/<h3>Hard-rule breaches \(\d+\)<\/h3>.*patient-double-booked/s);
  });

  it('shows one entity when asked, rejects unknown ids, and is deterministic', () => {
    const problem = tinyProblem();
    const html = renderHtml(problem, schedule, { by: 'room', id: 'room-a' });
    expect(blocks(html)).toHaveLength(1);
    expect(() => renderHtml(problem, schedule, { by: 'room', id: 'nowhere' })).toThrow(/Unknown room 'nowhere'/);
    expect(renderHtml(problem, schedule)).toBe(renderHtml(problem, schedule));
  });
});
