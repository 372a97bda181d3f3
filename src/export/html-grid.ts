/**
 * One week grid of the HTML page: a table whose head row names the days (so printing repeats it
 * on every page) and whose body has a row per hour; each session is a block placed at its time
 * in the cell of the hour it starts in, side by side with the sessions it overlaps.
 */
import type { Meeting } from '../model/schedule.js';
import { SLOT_MINUTES } from '../time/week.js';
import { escapeHtml } from './html-escape.js';
import type { Names } from './names.js';
import type { Section } from './view.js';

/** Height of one 5-minute slot in px: at least this, more when a block's text needs it. */
const MIN_SLOT_PX = 6;
const MAX_SLOT_PX = 20;
/** A block's line (0.78rem at 1.2) and padding, in px, and an average character's width. */
const LINE_PX = 15.5;
const PADDING_PX = 7;
const CHAR_PX = 7.4;
/** A block's left edge, right border and side padding: width its text cannot use, in px. */
const BLOCK_INSET_PX = 16;
/**
 * Width of the day columns together, in px: a small laptop window (about 900 px wide, less the
 * page's margins and the time column). Wider screens and landscape pages get spare room instead
 * of clipped lines.
 */
const DAYS_WIDTH_PX = 760;

/** A meeting with its minutes of the day and its lane among those it overlaps. */
export interface Placed {
  meeting: Meeting;
  from: number;
  to: number;
  lane: number;
}

/** The colours of a service's blocks. */
export type Colours = ReadonlyMap<string, { background: string; edge: string; text: string }>;

/**
 * The grid of `section`'s placeable meetings as an HTML table.
 *
 * @example
 * ```ts
 * weekGrid(section, placed, days, names, colours, new Map()); // '<table class="week" ...'
 * ```
 */
export function weekGrid(
  section: Section,
  placed: Placed[],
  days: ReadonlyArray<{ date: string; label: string }>,
  names: Names,
  colours: Colours,
  hardMessages: ReadonlyMap<string, string[]>,
): string {
  const firstHour = Math.floor(Math.min(...placed.map((p) => p.from)) / 60);
  const lastHour = Math.ceil(Math.max(...placed.map((p) => p.to)) / 60);
  const columns = days.map((day) => {
    const onDay = placed.filter((p) => p.meeting.date === day.date).sort((a, b) => a.from - b.from || a.to - b.to);
    const clusters = laneClusters(onDay);
    return { day, clusters, widest: Math.max(1, ...clusters.map((c) => c.lanes)) };
  });
  const totalWidest = columns.reduce((sum, c) => sum + c.widest, 0);
  const blocks = columns.flatMap((column) =>
    column.clusters.flatMap((cluster) =>
      cluster.members.map((p) => {
        const lines = blockLines(section, p.meeting, names, hardMessages.has(p.meeting.id));
        const chars = Math.max(8, Math.floor(((DAYS_WIDTH_PX * column.widest) / totalWidest / cluster.lanes - BLOCK_INSET_PX) / CHAR_PX));
        const tooltip = [
          `${names.service(p.meeting.service)} ${p.meeting.start}–${p.meeting.end}`,
          whereOf(p.meeting, names),
          staffOf(p.meeting, names),
          section.kind === 'patient' ? '' : `${p.meeting.patients.length} patients`,
          ...(hardMessages.get(p.meeting.id) ?? []).map((message) => `Breaks: ${message}`),
        ];
        return { placed: p, lanes: cluster.lanes, lines, chars, tooltip: tooltip.filter((t) => t !== '').join('\n') };
      }),
    ),
  );
  // Every block's text fits its height: the slot grows with the most crowded block.
  const needed = Math.max(...blocks.map((b) => (textLines(b.lines, b.chars) * LINE_PX + PADDING_PX) / ((b.placed.to - b.placed.from) / SLOT_MINUTES)));
  const slot = Math.min(MAX_SLOT_PX, Math.max(MIN_SLOT_PX, Math.ceil(needed * 2) / 2));
  const head = `<thead><tr><th class="corner" scope="col"></th>${days.map((d) => `<th class="dayhead" scope="col">${escapeHtml(d.label)}</th>`).join('')}</tr></thead>`;
  const rows: string[] = [];
  for (let hour = firstHour; hour < lastHour; hour++) {
    const cells = columns.map((column) => {
      const here = blocks.filter((b) => b.placed.meeting.date === column.day.date && Math.floor(b.placed.from / 60) === hour);
      return `<td class="day">${here.map((b) => block(b.placed, b.lanes, b.lines, hour, colours, b.tooltip, hardMessages.has(b.placed.meeting.id))).join('')}</td>`;
    });
    rows.push(`<tr><th class="time" scope="row">${String(hour).padStart(2, '0')}:00</th>${cells.join('')}</tr>`);
  }
  // Days with parallel sessions get more width, in proportion to how many run side by side.
  const cols = columns.map((c) => `<col style="width:${((100 * c.widest) / totalWidest).toFixed(2)}%">`).join('');
  return `<table class="week" style="--fit:${slot}px"><colgroup><col class="timecol">${cols}</colgroup>${head}<tbody>${rows.join('\n')}</tbody></table>`;
}

interface Line {
  html: string;
  /** The plain text, to estimate how many lines it wraps to. */
  text: string;
}

/**
 * What a block says: service (wrapping, never cut), time and room on one line, staff, and who
 * attends: patient ids on staff and room grids, a count on track grids, nothing on a patient's.
 */
function blockLines(section: Section, meeting: Meeting, names: Names, hard: boolean): Line[] {
  const line = (text: string, tag = 'span', className = ''): Line => ({ html: `<${tag}${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</${tag}>`, text });
  const service = `${hard ? '⚠ ' : ''}${names.service(meeting.service)}`;
  const where = section.kind === 'room' ? '' : ` · ${whereOf(meeting, names)}`;
  const count = section.kind === 'track' ? ` · ${meeting.patients.length} pt${meeting.patients.length === 1 ? '' : 's'}` : '';
  const lines = [line(service, 'b'), line(`${meeting.start}–${meeting.end}${where}`), line(`${staffOf(meeting, names)}${count}`)];
  if (section.kind === 'staff' || section.kind === 'room') lines.push(line(meeting.patients.join(', ') || 'no patients', 'span', 'pts'));
  return lines;
}

function textLines(lines: readonly Line[], chars: number): number {
  return lines.reduce((sum, l) => sum + wrappedLines(l.text, chars), 0);
}

/** How many lines `text` takes wrapped at word boundaries, `chars` to a line (a longer word breaks). */
function wrappedLines(text: string, chars: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const width = word.length;
    if (used > 0 && used + 1 + width <= chars) {
      used += 1 + width;
      continue;
    }
    if (used > 0) lines++;
    lines += Math.ceil(width / chars) - 1;
    used = width % chars || chars;
  }
  return lines;
}

function whereOf(meeting: Meeting, names: Names): string {
  return meeting.mode === 'telehealth' || meeting.room === null ? 'Telehealth' : names.room(meeting.room);
}

function staffOf(meeting: Meeting, names: Names): string {
  return meeting.staff.map((id) => names.staff(id)).join(', ') || 'no staff';
}

/**
 * Overlapping meetings of one day in clusters, each meeting in a lane of its cluster (the first
 * lane free at its start), so a lone session takes the whole width and parallel ones share it.
 */
function laneClusters(sorted: readonly Placed[]): Array<{ lanes: number; members: Placed[] }> {
  const clusters: Array<{ lanes: number; members: Placed[] }> = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  for (const p of sorted) {
    if (p.from >= clusterEnd) {
      clusters.push({ lanes: 0, members: [] });
      laneEnds = [];
    }
    const cluster = clusters[clusters.length - 1];
    if (!cluster) continue;
    const free = laneEnds.findIndex((end) => end <= p.from);
    p.lane = free >= 0 ? free : laneEnds.length;
    laneEnds[p.lane] = p.to;
    cluster.members.push(p);
    cluster.lanes = Math.max(cluster.lanes, laneEnds.length);
    clusterEnd = Math.max(clusterEnd, p.to);
  }
  return clusters;
}

function block(placed: Placed, lanes: number, lines: readonly Line[], hour: number, colours: Colours, tooltip: string, hard: boolean): string {
  const { meeting } = placed;
  const colour = colours.get(meeting.service) ?? { background: '#ffffff', edge: '#6b7280', text: '#111827' };
  const top = (placed.from - hour * 60) / SLOT_MINUTES;
  const span = Math.max(1, (placed.to - placed.from) / SLOT_MINUTES);
  const style = [
    `top:calc(var(--slot) * ${top})`,
    `height:calc(var(--slot) * ${span})`,
    `left:calc(${placed.lane} * 100% / ${lanes})`,
    `width:calc(100% / ${lanes})`,
    `background:${colour.background}`,
    `border-left-color:${colour.edge}`,
    `color:${colour.text}`,
  ].join(';');
  return `<article class="m${hard ? ' broken' : ''}" style="${style}" title="${escapeHtml(tooltip)}">${lines.map((l) => l.html).join('')}</article>`;
}
