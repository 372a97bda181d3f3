/**
 * The core of the IOP problem as a mixed-integer linear programme in CPLEX LP format, for HiGHS.
 *
 * Scope (checked by `assertReferenceScope`): every session lasts exactly the start grid (so two
 * sessions either coincide or do not overlap), one staff seat per service, no telehealth, family,
 * homogeneity, eligibility, primary-only, template or per-day thresholds. Inside that scope the
 * MILP searches the same placements as the library: every grid start inside the track windows for
 * groups (any group service, any eligible room: a "section"), every grid start where patient,
 * clinician and an office are free for individual sessions.
 *
 * Objective (the library's own penalties, restricted to the shared core):
 *   W * (total requirement shortfall, in the catalogue's minute-equivalents)
 *     + staffed minutes (the `staffed-hours` rule: minutes of each meeting times its staff)
 * with W = {@link SHORTFALL_WEIGHT}, large enough that the order is lexicographic.
 */
import type { Problem } from '../../src/model/problem.js';
import { compileProblem, slotOf, type CompiledProblem } from '../../src/compiled/compile.js';
import { resolveHoursRules } from '../../src/input/defaults.js';
import { SLOT_MINUTES } from '../../src/time/week.js';

/** Weight of one minute of requirement shortfall against one staffed minute. */
export const SHORTFALL_WEIGHT = 1000;

/** A group section: service `service` held in `room` at `day`/`start` for track `track`. */
export interface SectionVar {
  name: string;
  track: number;
  day: number;
  start: number;
  room: number;
  service: number;
}

/** A patient in a section, a staff member leading a section, or an individual session. */
export interface AttendVar { name: string; patient: number; section: number }
export interface LeadVar { name: string; staff: number; section: number }
export interface IndividualVar { name: string; patient: number; staff: number; service: number; day: number; start: number }

/** The MILP with the meaning of its binary columns, so a solution converts back into meetings. */
export interface ReferenceModel {
  compiled: CompiledProblem;
  lp: string;
  sections: SectionVar[];
  attends: AttendVar[];
  leads: LeadVar[];
  individuals: IndividualVar[];
  /** Column counts, for the report. */
  size: { columns: number; rows: number; binaries: number };
}

/** Throws when the problem uses something the reference MILP does not model. */
export function assertReferenceScope(problem: Problem): void {
  const grid = problem.granularityMinutes ?? 15;
  const fail = (why: string): never => {
    throw new Error(`Outside the reference MILP's scope: ${why}`);
  };
  for (const s of problem.services) {
    if (s.durationMinutes !== grid) fail(`service ${s.id} lasts ${s.durationMinutes} min, the grid is ${grid}`);
    if (s.staff.length !== 1 || (s.staff[0]?.count ?? 1) !== 1 || (s.staff[0]?.tags ?? []).length > 0) fail(`service ${s.id} needs other than one untagged seat`);
    if ((s.telehealth ?? 'never') !== 'never' || s.withFamily || s.primaryOnly || s.eligibility || (s.homogeneousBy ?? []).length > 0) fail(`service ${s.id} uses an unmodelled feature`);
    if (s.kind === 'individual' && (s.trackBound ?? false)) fail(`individual service ${s.id} is track-bound`);
    if (s.kind === 'group' && s.trackBound === false) fail(`group service ${s.id} is not track-bound`);
  }
  const individual = problem.services.filter((s) => s.kind === 'individual');
  if (individual.length > 1) fail('more than one individual service (offices are counted per service)');
  const groupFeatures = problem.services.filter((s) => s.kind === 'group').map((s) => s.room?.features ?? []);
  const officeFeatures = individual.map((s) => s.room?.features ?? []);
  for (const room of problem.rooms) {
    const offers = (features: readonly string[]): boolean => features.every((f) => (room.features ?? []).includes(f));
    if (groupFeatures.some(offers) && officeFeatures.some(offers)) fail(`room ${room.id} could hold both groups and individual sessions`);
  }
  for (const t of problem.tracks) if (t.template) fail(`track ${t.id} has a template`);
  for (const p of problem.patients) {
    if (p.tracks.length !== 1) fail(`patient ${p.id} lists ${p.tracks.length} tracks`);
    if (p.familyAvailability || p.telehealth) fail(`patient ${p.id} uses an unmodelled feature`);
  }
  const layers = [problem.rules, ...problem.tracks.map((t) => t.rules), ...problem.patients.map((p) => p.rules)];
  for (const rules of layers) {
    if (rules?.minDailyMinutes !== undefined || rules?.minDailyServices !== undefined) fail('per-day thresholds are set');
  }
}

/** Collects `coefficient name` terms and prints them a few per line, as LP readers like. */
class Terms {
  private readonly parts: string[] = [];
  add(coefficient: number, name: string): this {
    if (coefficient === 0) return this;
    const sign = coefficient < 0 ? '-' : '+';
    const size = Math.abs(coefficient);
    this.parts.push(`${sign} ${size === 1 ? '' : `${size} `}${name}`);
    return this;
  }
  get empty(): boolean {
    return this.parts.length === 0;
  }
  toString(): string {
    const lines: string[] = [];
    for (let i = 0; i < this.parts.length; i += 8) lines.push(this.parts.slice(i, i + 8).join(' '));
    return lines.join('\n   ');
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Builds the reference MILP of a problem inside the reference scope.
 *
 * @example
 * ```ts
 * const model = buildReferenceModel(referenceInstance(12, 1));
 * const highs = await (await import('highs')).default();
 * const result = highs.solve(model.lp, { output_flag: false });
 * ```
 */
export function buildReferenceModel(problem: Problem): ReferenceModel {
  assertReferenceScope(problem);
  const compiled = compileProblem(problem);
  const grid = compiled.granularityMinutes;
  const span = grid / SLOT_MINUTES;
  const rows: string[] = [];
  const binaries: string[] = [];
  const continuous: string[] = [];
  const objective = new Terms();
  const addRow = (terms: Terms, sense: '<=' | '>=' | '=', rhs: number): void => {
    if (!terms.empty) rows.push(` r${rows.length}: ${terms.toString()} ${sense} ${rhs}`);
  };
  const starts: Array<{ day: number; start: number; first: number }> = [];
  for (let day = 0; day < 7; day++) {
    if (compiled.closedDays[day]) continue;
    for (let start = 0; start + grid <= 1440; start += grid) starts.push({ day, start, first: slotOf(day, start) });
  }
  const timeKey = (day: number, start: number): number => day * 1440 + start;

  // Sections: group services at grid starts inside a track's windows, in an eligible free room.
  const sections: SectionVar[] = [];
  for (const service of compiled.services) {
    if (service.kind !== 'group') continue;
    for (const track of compiled.tracks) {
      for (const { day, start, first } of starts) {
        if (!track.windows.containsRange(first, first + span)) continue;
        for (const room of service.eligibleRooms) {
          if (!compiled.rooms[room]!.available.containsRange(first, first + span)) continue;
          sections.push({ name: `y${sections.length}`, track: track.index, day, start, room, service: service.index });
        }
      }
    }
  }
  const leads: LeadVar[] = [];
  const attends: AttendVar[] = [];
  const individuals: IndividualVar[] = [];
  const staffAt = new Map<string, string[]>(); // staff@time -> columns using them
  const patientAt = new Map<string, string[]>(); // patient@time -> columns
  const roomAt = new Map<string, string[]>(); // room@time -> section columns
  const staffMinutes = new Map<string, string[]>(); // staff or staff@day -> columns (grid minutes each)
  const patientDay = new Map<string, string[]>(); // patient@day -> columns
  const patientService = new Map<string, string[]>(); // patient@service -> columns
  const patientAll = new Map<number, string[]>(); // patient -> counting columns
  const sectionAttends = new Map<number, string[]>();

  const staffFree = (staff: number, first: number): boolean => compiled.staff[staff]!.available.containsRange(first, first + span);
  const patientFree = (patient: number, day: number, first: number): boolean => {
    const p = compiled.patients[patient]!;
    return day >= p.firstDay && day < p.endDay && p.available.containsRange(first, first + span);
  };
  const useStaff = (staff: number, day: number, start: number, column: string): void => {
    pushTo(staffAt, `${staff}@${timeKey(day, start)}`, column);
    pushTo(staffMinutes, `${staff}`, column);
    pushTo(staffMinutes, `${staff}@${day}`, column);
    objective.add(grid, column);
  };
  const usePatient = (patient: number, day: number, start: number, service: number, column: string): void => {
    pushTo(patientAt, `${patient}@${day}@${start}`, column);
    pushTo(patientDay, `${patient}@${day}`, column);
    pushTo(patientService, `${patient}@${service}`, column);
    if (compiled.services[service]!.countsTowardHours) pushTo(patientAll, patient, column);
  };

  sections.forEach((section, index) => {
    const first = slotOf(section.day, section.start);
    binaries.push(section.name);
    pushTo(roomAt, `${section.room}@${timeKey(section.day, section.start)}`, section.name);
    const seat = compiled.services[section.service]!.seats[0]!;
    const leaders = new Terms();
    for (const staff of seat.eligibleStaff) {
      if (!staffFree(staff, first)) continue;
      const lead: LeadVar = { name: `z${leads.length}`, staff, section: index };
      leads.push(lead);
      binaries.push(lead.name);
      leaders.add(1, lead.name);
      useStaff(staff, section.day, section.start, lead.name);
    }
    addRow(leaders.add(-1, section.name), '=', 0);
    for (const patient of compiled.patients) {
      if (!patient.tracks.includes(section.track) || !patientFree(patient.index, section.day, first)) continue;
      const attend: AttendVar = { name: `x${attends.length}`, patient: patient.index, section: index };
      attends.push(attend);
      binaries.push(attend.name);
      pushTo(sectionAttends, index, attend.name);
      usePatient(patient.index, section.day, section.start, section.service, attend.name);
    }
  });

  // Section sizes: held (y = 1) only with minSize..min(maxSize, room capacity) patients.
  sections.forEach((section, index) => {
    const service = compiled.services[section.service]!;
    const roster = sectionAttends.get(index) ?? [];
    const cap = Math.min(service.maxSize, compiled.rooms[section.room]!.capacity);
    const atLeast = new Terms();
    const atMost = new Terms();
    for (const column of roster) {
      atLeast.add(1, column);
      atMost.add(1, column);
    }
    addRow(atLeast.add(-service.minSize, section.name), '>=', 0);
    addRow(atMost.add(-cap, section.name), '<=', 0);
  });

  // Avoid pairs never share a section.
  const attendBy = new Map<string, string>();
  for (const attend of attends) attendBy.set(`${attend.patient}@${attend.section}`, attend.name);
  for (const patient of compiled.patients) {
    for (const other of patient.avoid) {
      if (other <= patient.index) continue;
      sections.forEach((section, index) => {
        const a = attendBy.get(`${patient.index}@${index}`);
        const b = attendBy.get(`${other}@${index}`);
        if (a && b) addRow(new Terms().add(1, a).add(1, b).add(-1, section.name), '<=', 0);
      });
    }
  }

  // Individual sessions: patient, clinician and an office free at a grid start.
  const offices = new Map<number, number>(); // time -> offices free, per service features
  for (const service of compiled.services) {
    if (service.kind !== 'individual') continue;
    const seat = service.seats[0]!;
    for (const patient of compiled.patients) {
      for (const { day, start, first } of starts) {
        if (!patientFree(patient.index, day, first)) continue;
        const roomsFree = service.eligibleRooms.filter((room) => compiled.rooms[room]!.available.containsRange(first, first + span)).length;
        if (roomsFree === 0) continue;
        offices.set(timeKey(day, start) * 100 + service.index, roomsFree);
        for (const staff of seat.eligibleStaff) {
          if (!staffFree(staff, first)) continue;
          const session: IndividualVar = { name: `v${individuals.length}`, patient: patient.index, staff, service: service.index, day, start };
          individuals.push(session);
          binaries.push(session.name);
          useStaff(staff, day, start, session.name);
          usePatient(patient.index, day, start, service.index, session.name);
        }
      }
    }
  }
  const officeUse = new Map<number, Terms>();
  for (const session of individuals) {
    const key = timeKey(session.day, session.start) * 100 + session.service;
    const terms = officeUse.get(key) ?? new Terms();
    officeUse.set(key, terms.add(1, session.name));
  }
  for (const [key, terms] of officeUse) addRow(terms, '<=', offices.get(key) ?? 0);

  // Rooms hold one section at a time; staff lead one thing at a time.
  for (const columns of roomAt.values()) addRow(columnsTerms(columns), '<=', 1);
  for (const columns of staffAt.values()) addRow(columnsTerms(columns), '<=', 1);
  for (const staff of compiled.staff) {
    if (Number.isFinite(staff.maxWeeklyMinutes)) addRow(columnsTerms(staffMinutes.get(`${staff.index}`) ?? [], grid), '<=', staff.maxWeeklyMinutes);
    if (Number.isFinite(staff.maxDailyMinutes)) {
      for (let day = 0; day < 7; day++) addRow(columnsTerms(staffMinutes.get(`${staff.index}@${day}`) ?? [], grid), '<=', staff.maxDailyMinutes);
    }
  }

  // Patients: one thing at a time, days attended, hours, curriculum and requires, shortfalls.
  const shortfall = (name: string): string => {
    continuous.push(name);
    objective.add(SHORTFALL_WEIGHT, name);
    return name;
  };
  for (const patient of compiled.patients) {
    const p = patient.index;
    const track = patient.tracks[0] ?? -1;
    const rules = resolveHoursRules(problem.rules, track >= 0 ? problem.tracks[track]?.rules : undefined, problem.patients[p]?.rules);
    const enrolled = patient.endDay > patient.firstDay;
    const days = new Terms();
    for (let day = 0; day < 7; day++) {
      const onDay = patientDay.get(`${p}@${day}`) ?? [];
      if (onDay.length === 0) continue;
      const attended = `d${p}_${day}`;
      binaries.push(attended);
      days.add(1, attended);
      // One session at a time, and a day counts as attended exactly when something is on it.
      for (const { start } of starts.filter((s) => s.day === day)) {
        const now = patientAt.get(`${p}@${day}@${start}`);
        if (now) addRow(columnsTerms(now).add(-1, attended), '<=', 0);
      }
      addRow(columnsTerms(onDay).add(-1, attended), '>=', 0);
      if (rules.maxDailyHours !== undefined) {
        const counting = onDay.filter((c) => (patientAll.get(p) ?? []).includes(c));
        addRow(columnsTerms(counting, grid), '<=', Math.round(rules.maxDailyHours * 60));
      }
    }
    if (!days.empty) addRow(days, '<=', rules.maxDays);
    const minutes = columnsTerms(patientAll.get(p) ?? [], grid);
    if (!minutes.empty) addRow(minutes, '<=', Math.round(rules.maxWeeklyHours * 60));
    if (!enrolled) continue;
    addRow(columnsTerms(patientAll.get(p) ?? [], grid).add(1, shortfall(`sh${p}`)), '>=', Math.round(rules.minWeeklyHours * 60));
    const dayTerms = new Terms().add(1, shortfall(`sd${p}`));
    for (let day = 0; day < 7; day++) if ((patientDay.get(`${p}@${day}`) ?? []).length > 0) dayTerms.add(60, `d${p}_${day}`);
    addRow(dayTerms, '>=', 60 * rules.minDays);
    const counts: Array<{ kind: 'sc' | 'sr'; service: number; min: number; max: number }> = [
      ...(track >= 0 ? compiled.tracks[track]!.curriculum : []).map((c) => ({ kind: 'sc' as const, ...c })),
      ...patient.requires.map((r) => ({ kind: 'sr' as const, ...r })),
    ];
    for (const count of counts) {
      if (count.service < 0) continue;
      const columns = patientService.get(`${p}@${count.service}`) ?? [];
      const duration = compiled.services[count.service]!.durationMinutes;
      if (Number.isFinite(count.max) && columns.length > 0) addRow(columnsTerms(columns), '<=', count.max);
      if (count.min > 0) addRow(columnsTerms(columns, duration).add(1, shortfall(`${count.kind}${p}_${count.service}`)), '>=', duration * count.min);
    }
  }

  const lp = [
    'Minimize',
    ` obj: ${objective.toString()}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...continuous.map((name) => ` ${name} >= 0`),
    'Binary',
    ...chunk(binaries, 10).map((line) => ` ${line.join(' ')}`),
    'End',
    '',
  ].join('\n');
  return {
    compiled,
    lp,
    sections,
    attends,
    leads,
    individuals,
    size: { columns: binaries.length + continuous.length, rows: rows.length, binaries: binaries.length },
  };
}

function columnsTerms(columns: readonly string[], coefficient = 1): Terms {
  const terms = new Terms();
  for (const column of columns) terms.add(coefficient, column);
  return terms;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
