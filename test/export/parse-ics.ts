/**
 * Reads iCalendar text with ical.js, an implementation independent of the one that wrote it.
 * Only the file's own VTIMEZONE is registered (ical.js ships no zone data), so instants read
 * here check that component too.
 */
import ICAL from 'ical.js';

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  location: string;
  /** Instants in ms since the epoch. */
  startMs: number;
  endMs: number;
  recurring: boolean;
  /** `SEQUENCE` (0 when absent), `STATUS` (empty when absent), `DTSTAMP` in ms. */
  sequence: number;
  status: string;
  stampMs: number;
  /** The first `count` occurrences' start instants (just the one for a single event). */
  occurrences(count: number): number[];
}

export function parseIcs(text: string): { name: string; events: ParsedEvent[]; vtimezones: number } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone');
  ICAL.TimezoneService.reset();
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component): ParsedEvent => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      location: event.location,
      startMs: event.startDate.toJSDate().getTime(),
      endMs: event.endDate.toJSDate().getTime(),
      recurring: event.isRecurring(),
      sequence: event.sequence ?? 0,
      status: String(component.getFirstPropertyValue('status') ?? ''),
      stampMs: (component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime(),
      occurrences(count: number): number[] {
        const iterator = event.iterator();
        const result: number[] = [];
        for (let next = iterator.next(); next && result.length < count; next = iterator.next()) result.push(next.toJSDate().getTime());
        return result;
      },
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? ''), events, vtimezones: zones.length };
}
