/**
 * A plain greedy timetable for the sample problems: cohorts of each track rotate through the
 * curriculum in the track's hourly slots, then individual sessions go into the first free hour
 * that suits patient, clinician and office. Not a solver (it never backtracks and knows only the
 * shapes of the samples); the tests use it as a witness that the samples can be fully met.
 * Not exported from the package.
 */
import { compileProblem, type CompiledProblem, type CompiledService } from '../compiled/compile.js';
import type { Problem } from '../model/problem.js';
import type { Meeting, Schedule } from '../model/schedule.js';
import { SLOT_MINUTES, SLOTS_PER_DAY, parseLocalTime } from '../time/week.js';
import { meetingOf } from '../compiled/export.js';
import type { SlotSet } from '../time/slot-set.js';

interface Busy {
  intervals: Array<[number, number, number]>; // day, start, end
  minutesByDay: number[];
  minutes: number;
}

const newBusy = (): Busy => ({ intervals: [], minutesByDay: [0, 0, 0, 0, 0, 0, 0], minutes: 0 });
const isFree = (busy: Busy, day: number, start: number, end: number): boolean =>
  busy.intervals.every(([d, s, e]) => d !== day || e <= start || end <= s);
const book = (busy: Busy, day: number, start: number, end: number): void => {
  busy.intervals.push([day, start, end]);
  busy.minutesByDay[day]! += end - start;
  busy.minutes += end - start;
};
const covers = (slots: SlotSet, day: number, start: number, end: number): boolean =>
  slots.containsRange(day * SLOTS_PER_DAY + start / SLOT_MINUTES, day * SLOTS_PER_DAY + end / SLOT_MINUTES);

/** Builds a greedy timetable for `problem` (assumed valid). Deterministic. */
export function greedyWeek(problem: Problem): Schedule {
  const compiled = compileProblem(problem);
  const placer = new Placer(compiled);
  for (const track of compiled.tracks) placeTrackGroups(compiled, track.index, placer);
  placeIndividualSessions(compiled, placer);
  const meetings = placer.meetings.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  return { timeZone: compiled.timeZone, weekStart: compiled.weekStart, meetings };
}

/** The week being built: who is busy when, the sessions each patient has, and the rooms and staff still free. */
class Placer {
  readonly meetings: Meeting[] = [];
  /** Per patient, sessions placed per service index. */
  readonly counts: Array<Map<number, number>>;
  private readonly patientBusy: Busy[];
  private readonly staffBusy: Busy[];
  private readonly roomBusy: Busy[];
  /** Per staff member, how many services they can lead. */
  private readonly versatility: number[];

  constructor(private readonly compiled: CompiledProblem) {
    this.patientBusy = compiled.patients.map(newBusy);
    this.staffBusy = compiled.staff.map(newBusy);
    this.roomBusy = compiled.rooms.map(newBusy);
    this.counts = compiled.patients.map(() => new Map<number, number>());
    this.versatility = compiled.staff.map((s) => compiled.services.filter((svc) => svc.seats.some((seat) => seat.eligibleStaff.includes(s.index))).length);
  }

  private staffFits(member: number, day: number, start: number, end: number): boolean {
    const s = this.compiled.staff[member]!;
    const busy = this.staffBusy[member]!;
    return (
      covers(s.available, day, start, end) &&
      isFree(busy, day, start, end) &&
      busy.minutes + end - start <= s.maxWeeklyMinutes &&
      busy.minutesByDay[day]! + end - start <= s.maxDailyMinutes
    );
  }

  /** Staff for every seat of `service` (only `only` when given), or undefined when a seat cannot be filled. */
  pickStaff(service: CompiledService, day: number, start: number, end: number, only?: number): number[] | undefined {
    const chosen: number[] = [];
    for (const seat of service.seats) {
      // Staff who can lead fewer services go first, so versatile clinicians stay free for the rest.
      const candidates = seat.eligibleStaff
        .filter((m) => !chosen.includes(m) && (only === undefined || m === only) && this.staffFits(m, day, start, end))
        .sort((a, b) => this.versatility[a]! - this.versatility[b]! || this.staffBusy[a]!.minutes - this.staffBusy[b]!.minutes);
      if (candidates.length < seat.count) return undefined;
      chosen.push(...candidates.slice(0, seat.count));
    }
    return chosen;
  }

  /** The smallest free room of `service` that seats `size`. */
  pickRoom(service: CompiledService, day: number, start: number, end: number, size: number): number | undefined {
    const { compiled, roomBusy } = this;
    return service.eligibleRooms
      .filter((r) => compiled.rooms[r]!.capacity >= size && covers(compiled.rooms[r]!.available, day, start, end) && isFree(roomBusy[r]!, day, start, end))
      .sort((a, b) => compiled.rooms[a]!.capacity - compiled.rooms[b]!.capacity)[0];
  }

  patientFits(p: number, day: number, start: number, end: number): boolean {
    const patient = this.compiled.patients[p]!;
    return day >= patient.firstDay && day < patient.endDay && covers(patient.available, day, start, end) && isFree(this.patientBusy[p]!, day, start, end);
  }

  add(service: CompiledService, track: number, day: number, start: number, room: number, staff: number[], patients: number[]): void {
    const end = start + service.durationMinutes;
    const placed = { id: '', service: service.index, track, day, start, end, room, telehealth: room < 0, staff, patients, pinned: false };
    this.meetings.push(meetingOf(this.compiled, placed, `m-${this.meetings.length + 1}`));
    for (const s of staff) book(this.staffBusy[s]!, day, start, end);
    for (const p of patients) {
      book(this.patientBusy[p]!, day, start, end);
      this.counts[p]!.set(service.index, (this.counts[p]!.get(service.index) ?? 0) + 1);
    }
    if (room >= 0) book(this.roomBusy[room]!, day, start, end);
  }
}

/** Each required individual session in the first free hour that suits patient, clinician and office, most constrained first. */
function placeIndividualSessions(compiled: CompiledProblem, placer: Placer): void {
  const tasks: Array<{ patient: number; service: number }> = [];
  compiled.patients.forEach((patient) => {
    for (const need of patient.requires) for (let i = 0; i < need.min; i++) tasks.push({ patient: patient.index, service: need.service });
  });
  // Most constrained first: fewest slots open to the session (family availability included).
  const openSlots = (task: { patient: number; service: number }): number => {
    const patient = compiled.patients[task.patient]!;
    const open = patient.available.clone();
    if (compiled.services[task.service]!.withFamily) open.intersectWith(patient.family);
    return open.size() * (patient.telehealth ? 2 : 1);
  };
  tasks.sort((a, b) => openSlots(a) - openSlots(b) || a.patient - b.patient);
  for (const task of tasks) {
    const service = compiled.services[task.service]!;
    const patient = compiled.patients[task.patient]!;
    const remote = service.telehealth !== 'never' && patient.telehealth;
    placing: for (let day = 0; day < 7; day++) {
      if (compiled.closedDays[day]) continue;
      for (let start = 0; start + service.durationMinutes <= 1440; start += compiled.granularityMinutes) {
        const end = start + service.durationMinutes;
        if (!placer.patientFits(task.patient, day, start, end)) continue;
        if (service.withFamily && !covers(patient.family, day, start, end)) continue;
        const staff = placer.pickStaff(service, day, start, end, service.primaryOnly ? patient.primaryStaff : undefined);
        if (!staff) continue;
        const room = service.telehealth === 'only' ? undefined : placer.pickRoom(service, day, start, end, 1);
        if (room === undefined && !remote) continue;
        placer.add(service, -1, day, start, room ?? -1, staff, [task.patient]);
        break placing;
      }
    }
  }
}

/** The cohorts of `track` (split by the curriculum's homogeneity tags and group size) rotate through its curriculum, one group per cohort in each slot of its windows. */
function placeTrackGroups(compiled: CompiledProblem, track: number, placer: Placer): void {
  const curriculum = compiled.tracks[track]!.curriculum.map((entry) => ({ ...entry, service: compiled.services[entry.service]! }));
  if (curriculum.length === 0) return;
  const prefixes = [...new Set(curriculum.flatMap((entry) => entry.service.homogeneousBy))];
  const members = compiled.patients.filter((p) => p.tracks[0] === track);
  const byKey = new Map<string, number[]>();
  for (const p of members) {
    const key = p.tags.filter((t) => prefixes.some((prefix) => t.startsWith(prefix))).sort().join('|');
    byKey.set(key, [...(byKey.get(key) ?? []), p.index]);
  }
  const cap = Math.min(...curriculum.map((entry) => entry.service.maxSize), Math.max(...compiled.rooms.map((r) => r.capacity)));
  const cohorts: number[][] = [];
  for (const group of byKey.values()) {
    const n = Math.ceil(group.length / cap);
    for (let c = 0; c < n; c++) cohorts.push(group.filter((_, i) => i % n === c));
  }
  const duration = curriculum[0]!.service.durationMinutes;
  let slot = 0;
  for (let day = 0; day < 7; day++) {
    if (compiled.closedDays[day]) continue;
    for (let start = 0; start + duration <= 1440; ) {
      if (!covers(compiled.tracks[track]!.windows, day, start, start + duration)) {
        start += compiled.granularityMinutes;
        continue;
      }
      cohorts.forEach((cohort, c) => {
        const entry = curriculum[(slot + c) % curriculum.length]!;
        const service = entry.service;
        const end = start + service.durationMinutes;
        const patients = cohort.filter((p) => placer.patientFits(p, day, start, end) && (placer.counts[p]!.get(service.index) ?? 0) < entry.max);
        if (patients.length < service.minSize) return;
        const staff = placer.pickStaff(service, day, start, end);
        const room = placer.pickRoom(service, day, start, end, patients.length);
        if (!staff || room === undefined) return;
        placer.add(service, track, day, start, room, staff, patients);
      });
      slot += 1;
      start += duration;
    }
  }
}

/**
 * What the timetable leaves short, counted from the schedule itself (independently of the rule
 * catalogue): minutes under `minMinutes`, fewer than 3 days, curriculum and `requires` counts.
 */
export function shortfalls(problem: Problem, schedule: Schedule, minMinutes: number): string[] {
  const problems: string[] = [];
  for (const patient of problem.patients) {
    const mine = schedule.meetings.filter((m) => m.patients.includes(patient.id));
    const minutes = mine.reduce((sum, m) => sum + (parseLocalTime(m.end) ?? 0) - (parseLocalTime(m.start) ?? 0), 0);
    const days = new Set(mine.map((m) => m.date)).size;
    if (minutes < minMinutes) problems.push(`${patient.id}: ${minutes} minutes`);
    if (days < 3) problems.push(`${patient.id}: ${days} days`);
    const track = problem.tracks.find((t) => t.id === patient.tracks[0])!;
    for (const need of [...(track.curriculum ?? []), ...(patient.requires ?? [])]) {
      const count = mine.filter((m) => m.service === need.service).length;
      if (count < (need.min ?? 0) || count > (need.max ?? Infinity)) problems.push(`${patient.id}: ${need.service} x${count}`);
    }
  }
  return problems;
}
