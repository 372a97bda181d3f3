/**
 * Repairs aimed at the binding resource of an over-full track, from the capacity rows and the
 * causes: add a room with the features the track's groups need on the days that are over, extend
 * the track's window where rooms, staff and patients are free, add a per-diem clinician with the
 * scarce credential, move short patients to a track with room to spare, open a parallel section
 * (a room and a clinician together). Each is a change on a copy, verified by re-solving.
 */
import type { CompiledProblem, CompiledService } from '../compiled/compile.js';
import type { Availability, Problem, Room, Weekday } from '../model/problem.js';
import type { Cause, Unmet } from '../model/report.js';
import { SlotSet } from '../time/slot-set.js';
import { formatLocalTime, SLOT_MINUTES, SLOTS_PER_DAY, WEEKDAYS } from '../time/week.js';
import { CAPACITY_CODES, OVER_CAPACITY } from './capacity-causes.js';
import { lenientRules } from './reach.js';
import { LEGAL_MAX_GROUP_SIZE, rangesOnDay, type RepairCandidate } from './repair-candidates.js';
import type { CapacityRow } from './types.js';
import { dayShort, listText, spansWords } from './words.js';

/** A track with headroom: every row at most this full. */
const HEADROOM = 0.9;
/** Minutes a window is extended by. */
const EXTENSION_MINUTES = 60;

interface Span {
  day: number;
  start: number;
  end: number;
}

/** `Tue 18:00-21:00, Wed 18:00-21:00`. */
function spansText(spans: readonly Span[]): string {
  return spansWords(spans);
}

function availabilityOf(spans: readonly Span[]): Availability {
  return { weekly: spans.map(({ day, start, end }) => ({ days: [WEEKDAYS[day] as Weekday], start: formatLocalTime(start), end: formatLocalTime(end) })) };
}

/** An id not yet used by `taken`, from `base`. */
function freshId(base: string, taken: ReadonlyArray<{ id: string }>): string {
  let id = base;
  for (let n = 2; taken.some((x) => x.id === id); n++) id = `${base}-${n}`;
  return id;
}

function slotRange(span: Span): [number, number] {
  return [span.day * SLOTS_PER_DAY + span.start / SLOT_MINUTES, span.day * SLOTS_PER_DAY + span.end / SLOT_MINUTES];
}

function groupsOf(compiled: CompiledProblem, track: number): CompiledService[] {
  const curriculum = new Set(compiled.tracks[track]!.curriculum.map((e) => e.service));
  const groups = compiled.services.filter((s) => s.kind === 'group' && s.trackBound);
  const listed = groups.filter((s) => curriculum.has(s.index));
  return listed.length > 0 ? listed : groups;
}

/** The credential of the scarcest seat of `services` (fewest staff may fill it), as the source spells it. */
function scarceCredential(compiled: CompiledProblem, services: readonly CompiledService[]): string | undefined {
  let best: { credential: string; staff: number } | undefined;
  for (const s of services) {
    s.seats.forEach((seat, i) => {
      const credential = compiled.source.services[s.index]!.staff?.[i]?.credentials[0] ?? [...seat.credentials][0];
      if (credential !== undefined && (best === undefined || seat.eligibleStaff.length < best.staff)) best = { credential, staff: seat.eligibleStaff.length };
    });
  }
  return best?.credential;
}

/**
 * A per-diem clinician with `credential` (and the seat's tags) for `spans`.
 *
 * @example
 * ```ts
 * perDiemCandidate('LCSW', [], [{ day: 2, start: 1080, end: 1260 }], ['p-19'], 'the evening track').message;
 * // 'Add a per-diem LCSW for the evening track, Wed 18:00-21:00'
 * ```
 */
export function perDiemCandidate(credential: string, tags: readonly string[], spans: readonly Span[], patients: string[], label: string): RepairCandidate {
  return {
    kind: 'add-per-diem-staff',
    message: `Add a per-diem ${credential} for ${label}, ${spansText(spans)}`,
    cost: 4,
    patients,
    apply(problem) {
      const id = freshId(`per-diem-${credential.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, problem.staff);
      problem.staff.push({ id, credentials: [credential], ...(tags.length > 0 ? { tags: [...tags] } : {}), availability: availabilityOf(spans) });
    },
  };
}

function addRoom(problem: Problem, room: Room): void {
  problem.rooms.push({ ...room, id: freshId(room.id, problem.rooms) });
}

/** Extending a track's windows by `spans` (each right after a window). */
function extendCandidate(track: string, spans: readonly Span[], patients: readonly string[]): RepairCandidate {
  const ends = [...new Set(spans.map((s) => s.end))];
  return {
    kind: 'extend-track-window',
    message: `Extend the ${track} track's hours ${ends.length === 1 ? `to ${formatLocalTime(ends[0]!)} ` : ''}on ${listText(spans.map((s) => dayShort(s.day)))}`,
    cost: 3,
    patients: [...patients],
    apply(problem) {
      const target = problem.tracks.find((x) => x.id === track);
      if (target) (target.windows.weekly ??= []).push(...(availabilityOf(spans).weekly ?? []));
    },
  };
}

/** Track-level candidates for one over-full track, aimed at its short patients. */
function trackCandidates(compiled: CompiledProblem, track: number, rows: readonly CapacityRow[], short: readonly string[]): RepairCandidate[] {
  const t = compiled.tracks[track]!;
  const services = groupsOf(compiled, track);
  if (services.length === 0) return [];
  const candidates: RepairCandidate[] = [];
  const spansOf = (days: readonly CapacityRow[]): Span[] =>
    days.flatMap((row) => {
      const day = WEEKDAYS.indexOf(row.day as never);
      return rangesOnDay(t.windows, day).map(([start, end]) => ({ day, start, end }));
    });
  const over = rows.filter((row) => row.track === t.id && row.utilisation >= OVER_CAPACITY);
  const roomDays = over.filter((row) => row.binding === 'rooms');
  const staffDays = over.filter((row) => row.binding === 'staff' || row.staffMinutesNeeded >= row.staffMinutesAvailable * HEADROOM);
  const features = [...new Set(services.flatMap((s) => compiled.source.services[s.index]!.room?.features ?? []))].sort();
  const seats = Math.min(LEGAL_MAX_GROUP_SIZE, Math.max(...services.map((s) => s.maxSize)));
  const roomOf = (spans: readonly Span[]): Room => ({ id: `new-room-${t.id}`, capacity: seats, ...(features.length > 0 ? { features } : {}), availability: availabilityOf(spans) });
  const credential = scarceCredential(compiled, services);

  if (roomDays.length > 0) {
    const spans = spansOf(roomDays);
    candidates.push({
      kind: 'add-room',
      message: `Add a room seating ${seats}${features.length > 0 ? ` (${listText(features)})` : ''} for the ${t.id} track, ${spansText(spans)}`,
      cost: 4,
      patients: [...short],
      apply: (problem) => addRoom(problem, roomOf(spans)),
    });
    const extension = extensionSpans(compiled, track, services, spans, short);
    if (extension.length > 0) candidates.push(extendCandidate(t.id, extension, short));
    if (credential !== undefined && staffDays.length > 0) {
      const both = spansOf(over.filter((row) => roomDays.includes(row) && staffDays.includes(row)));
      if (both.length > 0) {
        const perDiem = perDiemCandidate(credential, [], both, [...short], `the ${t.id} track`);
        candidates.push({
          kind: 'open-parallel-section',
          message: `Open a parallel section of the ${t.id} track's groups, ${spansText(both)}: a room seating ${seats} and a per-diem ${credential}`,
          cost: 6,
          patients: [...short],
          apply(problem) {
            addRoom(problem, roomOf(both));
            perDiem.apply(problem);
          },
        });
      }
    }
  }
  if (credential !== undefined && over.some((row) => row.binding === 'staff')) {
    candidates.push(perDiemCandidate(credential, [], spansOf(over.filter((row) => row.binding === 'staff')), [...short], `the ${t.id} track`));
  }
  candidates.push(...moveCandidates(compiled, track, rows, short));
  return candidates;
}

/**
 * The `minutes` after each span's end, where some room the groups may use, staff for every seat
 * and at least `least` of the short patients are free (without them an extension serves no one).
 */
function extensionSpans(
  compiled: CompiledProblem,
  track: number,
  services: readonly CompiledService[],
  spans: readonly Span[],
  short: readonly string[],
  minutes = EXTENSION_MINUTES,
  least = 2,
): Span[] {
  const result: Span[] = [];
  for (const span of spans) {
    const next: Span = { day: span.day, start: span.end, end: Math.min(24 * 60, span.end + minutes) };
    if (next.end <= next.start || compiled.tracks[track]!.windows.intersectsRange(...slotRange(next))) continue;
    const [from, to] = slotRange(next);
    const room = services.some((s) => s.eligibleRooms.some((r) => compiled.rooms[r]!.available.containsRange(from, to)));
    const staff = services.some((s) => s.seats.every((seat) => seat.eligibleStaff.filter((m) => compiled.staff[m]!.available.containsRange(from, to)).length >= seat.count));
    const free = short.filter((id) => compiled.patients[compiled.patientIndex.get(id) ?? -1]?.available.containsRange(from, to) === true).length;
    if (room && staff && free >= Math.min(least, short.length)) result.push(next);
  }
  return result;
}

/** Minutes `patient` is free inside track `track`'s windows on the days they are enrolled. */
function freeMinutesIn(compiled: CompiledProblem, patient: number, track: number): number {
  const p = compiled.patients[patient]!;
  const inside = p.available.clone();
  inside.intersectWith(compiled.tracks[track]!.windows);
  const enrolled = new SlotSet();
  for (let day = Math.max(0, p.firstDay); day < Math.min(7, p.endDay); day++) if (!compiled.closedDays[day]) enrolled.addRange(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY);
  inside.intersectWith(enrolled);
  return inside.size() * SLOT_MINUTES;
}

/**
 * Moving short patients to a track with headroom (every row at most 90% full) that runs the same
 * groups, when they are free long enough inside its windows: the fewest that relieve the over-full
 * days, and the first of them alone.
 */
function moveCandidates(compiled: CompiledProblem, track: number, rows: readonly CapacityRow[], short: readonly string[]): RepairCandidate[] {
  const from = compiled.tracks[track]!;
  const candidates: RepairCandidate[] = [];
  const overflow = rows.filter((r) => r.track === from.id && r.utilisation >= OVER_CAPACITY).reduce((sum, r) => sum + Math.max(0, r.seatMinutesDemanded - r.seatMinutesOffered), 0);
  for (const to of compiled.tracks) {
    if (to.index === track) continue;
    const theirs = rows.filter((r) => r.track === to.id);
    if (theirs.length === 0 || theirs.some((r) => r.utilisation > HEADROOM)) continue;
    const headroom = theirs.reduce((sum, r) => sum + Math.max(0, r.seatMinutesOffered * HEADROOM - r.seatMinutesDemanded), 0);
    const movable = short.filter((id) => {
      const patient = compiled.patientIndex.get(id);
      if (patient === undefined) return false;
      const need = Math.round(lenientRules(compiled, patient).minWeeklyHours * 60);
      return need > 0 && freeMinutesIn(compiled, patient, to.index) >= need;
    });
    if (movable.length === 0) continue;
    const need = Math.max(60, Math.round(lenientRules(compiled, compiled.patientIndex.get(movable[0]!)!).minWeeklyHours * 60));
    const count = Math.max(1, Math.min(movable.length, Math.ceil(overflow / need), Math.floor(headroom / need)));
    const groups: string[][] = [movable.slice(0, count)];
    if (count > 1) groups.push(movable.slice(0, 1));
    for (const moved of groups) {
      candidates.push({
        kind: 'move-to-track',
        message: `Move ${listText(moved, 8)} to the ${to.id} track`,
        cost: 3 + moved.length / 100,
        patients: [...moved],
        unseat: [...moved],
        apply(problem) {
          for (const p of problem.patients) if (moved.includes(p.id)) p.tracks = [to.id];
        },
      });
    }
  }
  return candidates;
}

/**
 * Track-level candidates for every entry of `unmet` (same order): an entry gets those of its
 * patient's track when one of its causes names that track's binding resource.
 *
 * @example
 * ```ts
 * const perEntry = capacityCandidates(compiled, diagnosis.capacity, report.unmet, causes);
 * perEntry[0]?.[0]?.message; // 'Add a room seating 12 (group-room) for the evening track, Tue-Thu 18:00-21:00'
 * ```
 */
export function capacityCandidates(compiled: CompiledProblem, rows: readonly CapacityRow[], unmet: readonly Unmet[], causes: ReadonlyArray<readonly Cause[]>): RepairCandidate[][] {
  const codes = new Set<string>(Object.values(CAPACITY_CODES));
  const trackOf = (entry: Unmet): number => compiled.patients[compiled.patientIndex.get(entry.patient) ?? -1]?.tracks[0] ?? -1;
  const bound = unmet.map((entry, i) => ((causes[i] ?? []).some((c) => codes.has(c.code)) ? trackOf(entry) : -1));
  const byTrack = new Map<number, RepairCandidate[]>();
  for (const track of new Set(bound)) {
    if (track < 0) continue;
    const short = [...new Set(unmet.filter((_, i) => bound[i] === track).map((e) => e.patient))];
    byTrack.set(track, trackCandidates(compiled, track, rows, short));
  }
  return bound.map((track) => byTrack.get(track) ?? []);
}

const STAFF_CAUSES = new Set(['staff-availability', 'staff-double-booked', 'no-staff-available', 'no-qualified-staff', 'resources-hours', 'resources-days', 'staff-weekly-max', 'staff-daily-max']);
const DAYTIME: ReadonlyArray<[number, number]> = [[9 * 60, 17 * 60]];

/**
 * A per-diem clinician for the seat that binds an entry: the seat (of the entry's service, or of
 * any group of the patient's track for hours and days) whose every eligible member the causes name
 * as busy or away, or that too few staff may fill. The hours: the patient's track windows, or
 * weekdays 09:00-17:00 for a service not bound to a track.
 *
 * @example
 * ```ts
 * credentialCandidates(compiled, entry, 'family-group', causes)[0]?.message; // 'Add a per-diem RD for p1's track Tue 17:00-21:00, ...'
 * ```
 */
export function credentialCandidates(compiled: CompiledProblem, entry: Unmet, service: string | undefined, causes: readonly Cause[]): RepairCandidate[] {
  const patient = compiled.patientIndex.get(entry.patient);
  if (patient === undefined || !causes.some((c) => STAFF_CAUSES.has(c.code))) return [];
  const named = new Set(causes.flatMap((c) => (STAFF_CAUSES.has(c.code) ? (c.staff ?? []) : [])));
  const p = compiled.patients[patient]!;
  const own = service === undefined ? undefined : compiled.serviceIndex.get(service);
  const services = own !== undefined ? [compiled.services[own]!] : p.tracks.flatMap((t) => groupsOf(compiled, t));
  const candidates: RepairCandidate[] = [];
  const seen = new Set<string>();
  for (const s of services) {
    s.seats.forEach((seat, i) => {
      const binds = seat.eligibleStaff.length < seat.count || (named.size > 0 && seat.eligibleStaff.every((m) => named.has(compiled.staff[m]!.id)));
      const credential = compiled.source.services[s.index]!.staff?.[i]?.credentials[0];
      if (!binds || credential === undefined) return;
      const spans: Span[] = [];
      for (let day = 0; day < 7; day++) {
        if (compiled.closedDays[day] || day < p.firstDay || day >= p.endDay) continue;
        const ranges = s.trackBound ? p.tracks.flatMap((t) => rangesOnDay(compiled.tracks[t]!.windows, day)) : day < 5 ? DAYTIME : [];
        for (const [start, end] of ranges) spans.push({ day, start, end });
      }
      const candidate = perDiemCandidate(credential, seat.tags, spans, [entry.patient], s.trackBound ? `the ${compiled.tracks[p.tracks[0]!]!.id} track` : s.id);
      if (spans.length === 0 || seen.has(candidate.message)) return;
      seen.add(candidate.message);
      candidates.push(candidate);
    });
  }
  return candidates;
}

const HOURS_CAUSES = new Set(['resources-hours', 'availability-hours', 'patient-availability', 'resources-days']);

/**
 * Extending the patient's track window when it is what binds: inside it they cannot reach their
 * weekly minimum, yet they, a room and staff are free right after it. The window grows on every
 * day it runs by the missing minutes shared among those days (rounded up to half hours).
 *
 * @example
 * ```ts
 * windowCandidates(compiled, entry, causes)[0]?.message; // "Extend the evening track's hours to 21:00 on Tue, Wed and Thu"
 * ```
 */
export function windowCandidates(compiled: CompiledProblem, entry: Unmet, causes: readonly Cause[]): RepairCandidate[] {
  const patient = compiled.patientIndex.get(entry.patient);
  if (patient === undefined || !causes.some((c) => HOURS_CAUSES.has(c.code))) return [];
  const track = compiled.patients[patient]!.tracks[0];
  if (track === undefined) return [];
  const need = Math.round(lenientRules(compiled, patient).minWeeklyHours * 60);
  const missing = need - freeMinutesIn(compiled, patient, track);
  if (missing <= 0) return [];
  const p = compiled.patients[patient]!;
  const spans: Span[] = [];
  for (let day = Math.max(0, p.firstDay); day < Math.min(7, p.endDay); day++) {
    if (compiled.closedDays[day]) continue;
    const ranges = rangesOnDay(compiled.tracks[track]!.windows, day);
    const last = ranges[ranges.length - 1];
    if (last) spans.push({ day, start: last[0], end: last[1] });
  }
  if (spans.length === 0) return [];
  const each = Math.ceil(missing / spans.length / 30) * 30;
  const extension = extensionSpans(compiled, track, groupsOf(compiled, track), spans, [entry.patient], each, 1);
  return extension.length === spans.length ? [extendCandidate(compiled.tracks[track]!.id, extension, [entry.patient])] : [];
}
