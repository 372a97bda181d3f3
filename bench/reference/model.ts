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
import { compileProblem, slotOf, type CompiledPatient, type CompiledProblem } from '../../src/compiled/compile.js';
import { resolveHoursRules, type ResolvedHoursRules } from '../../src/input/defaults.js';
import { SLOT_MINUTES } from '../../src/time/week.js';
import { chunk, columnsTerms, pushTo, Terms } from './lp-terms.js';

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
  const model = new ModelBuilder(problem, compileProblem(problem));
  // Rows are numbered in the order they are added: the families go in this order.
  model.addSections();
  model.limitSectionSizes();
  model.separateAvoidPairs();
  model.addIndividuals();
  model.limitResources();
  for (const patient of model.compiled.patients) model.addPatientRows(patient);
  return model.result();
}

type Sense = '<=' | '>=' | '=';

/** Minutes since Monday 00:00 of a grid start: the key of the one-at-a-time rows. */
const timeKey = (day: number, start: number): number => day * 1440 + start;

/** The MILP as it is built: its columns and rows so far, and which columns use each resource, patient and day. */
class ModelBuilder {
  readonly sections: SectionVar[] = [];
  readonly attends: AttendVar[] = [];
  readonly leads: LeadVar[] = [];
  readonly individuals: IndividualVar[] = [];
  private readonly grid: number;
  /** Slots in one grid step (every session lasts one). */
  private readonly span: number;
  private readonly rows: string[] = [];
  private readonly binaries: string[] = [];
  private readonly continuous: string[] = [];
  private readonly objective = new Terms();
  /** Every grid start of the week's open days. */
  private readonly starts: Array<{ day: number; start: number; first: number }> = [];
  private readonly staffAt = new Map<string, string[]>(); // staff@time -> columns using them
  private readonly patientAt = new Map<string, string[]>(); // patient@time -> columns
  private readonly roomAt = new Map<string, string[]>(); // room@time -> section columns
  private readonly staffMinutes = new Map<string, string[]>(); // staff or staff@day -> columns (grid minutes each)
  private readonly patientDay = new Map<string, string[]>(); // patient@day -> columns
  private readonly patientService = new Map<string, string[]>(); // patient@service -> columns
  private readonly patientAll = new Map<number, string[]>(); // patient -> counting columns
  private readonly sectionAttends = new Map<number, string[]>();

  constructor(
    private readonly problem: Problem,
    readonly compiled: CompiledProblem,
  ) {
    this.grid = compiled.granularityMinutes;
    this.span = this.grid / SLOT_MINUTES;
    for (let day = 0; day < 7; day++) {
      if (compiled.closedDays[day]) continue;
      for (let start = 0; start + this.grid <= 1440; start += this.grid) this.starts.push({ day, start, first: slotOf(day, start) });
    }
  }

  /** Sections: group services at grid starts inside a track's windows, in an eligible free room; their leaders and attendees. */
  addSections(): void {
    const { compiled, span } = this;
    for (const service of compiled.services) {
      if (service.kind !== 'group') continue;
      for (const track of compiled.tracks) {
        for (const { day, start, first } of this.starts) {
          if (!track.windows.containsRange(first, first + span)) continue;
          for (const room of service.eligibleRooms) {
            if (!compiled.rooms[room]!.available.containsRange(first, first + span)) continue;
            this.sections.push({ name: `y${this.sections.length}`, track: track.index, day, start, room, service: service.index });
          }
        }
      }
    }
    this.sections.forEach((section, index) => this.addSectionColumns(section, index));
  }

  /** Section sizes: held (y = 1) only with minSize..min(maxSize, room capacity) patients. */
  limitSectionSizes(): void {
    this.sections.forEach((section, index) => {
      const service = this.compiled.services[section.service]!;
      const roster = this.sectionAttends.get(index) ?? [];
      const cap = Math.min(service.maxSize, this.compiled.rooms[section.room]!.capacity);
      const atLeast = new Terms();
      const atMost = new Terms();
      for (const column of roster) {
        atLeast.add(1, column);
        atMost.add(1, column);
      }
      this.addRow(atLeast.add(-service.minSize, section.name), '>=', 0);
      this.addRow(atMost.add(-cap, section.name), '<=', 0);
    });
  }

  /** Avoid pairs never share a section. */
  separateAvoidPairs(): void {
    const attendBy = new Map<string, string>();
    for (const attend of this.attends) attendBy.set(`${attend.patient}@${attend.section}`, attend.name);
    for (const patient of this.compiled.patients) {
      for (const other of patient.avoid) {
        if (other <= patient.index) continue;
        this.sections.forEach((section, index) => {
          const a = attendBy.get(`${patient.index}@${index}`);
          const b = attendBy.get(`${other}@${index}`);
          if (a && b) this.addRow(new Terms().add(1, a).add(1, b).add(-1, section.name), '<=', 0);
        });
      }
    }
  }

  /** Individual sessions: patient, clinician and an office free at a grid start; offices counted per time and service. */
  addIndividuals(): void {
    const { compiled, span } = this;
    const offices = new Map<number, number>(); // time -> offices free, per service features
    for (const service of compiled.services) {
      if (service.kind !== 'individual') continue;
      const seat = service.seats[0]!;
      for (const patient of compiled.patients) {
        for (const { day, start, first } of this.starts) {
          if (!this.patientFree(patient.index, day, first)) continue;
          const roomsFree = service.eligibleRooms.filter((room) => compiled.rooms[room]!.available.containsRange(first, first + span)).length;
          if (roomsFree === 0) continue;
          offices.set(timeKey(day, start) * 100 + service.index, roomsFree);
          for (const staff of seat.eligibleStaff) {
            if (!this.staffFree(staff, first)) continue;
            const session: IndividualVar = { name: `v${this.individuals.length}`, patient: patient.index, staff, service: service.index, day, start };
            this.individuals.push(session);
            this.binaries.push(session.name);
            this.useStaff(staff, day, start, session.name);
            this.usePatient(patient.index, day, start, service.index, session.name);
          }
        }
      }
    }
    const officeUse = new Map<number, Terms>();
    for (const session of this.individuals) {
      const key = timeKey(session.day, session.start) * 100 + session.service;
      const terms = officeUse.get(key) ?? new Terms();
      officeUse.set(key, terms.add(1, session.name));
    }
    for (const [key, terms] of officeUse) this.addRow(terms, '<=', offices.get(key) ?? 0);
  }

  /** Rooms hold one section at a time; staff lead one thing at a time, within their weekly and daily hours. */
  limitResources(): void {
    const { grid } = this;
    for (const columns of this.roomAt.values()) this.addRow(columnsTerms(columns), '<=', 1);
    for (const columns of this.staffAt.values()) this.addRow(columnsTerms(columns), '<=', 1);
    for (const staff of this.compiled.staff) {
      if (Number.isFinite(staff.maxWeeklyMinutes)) this.addRow(columnsTerms(this.staffMinutes.get(`${staff.index}`) ?? [], grid), '<=', staff.maxWeeklyMinutes);
      if (Number.isFinite(staff.maxDailyMinutes)) {
        for (let day = 0; day < 7; day++) this.addRow(columnsTerms(this.staffMinutes.get(`${staff.index}@${day}`) ?? [], grid), '<=', staff.maxDailyMinutes);
      }
    }
  }

  /** Patient `patient`: one thing at a time, days attended, hours, curriculum and requires, shortfalls. */
  addPatientRows(patient: CompiledPatient): void {
    const p = patient.index;
    const track = patient.tracks[0] ?? -1;
    const rules = resolveHoursRules(this.problem.rules, track >= 0 ? this.problem.tracks[track]?.rules : undefined, this.problem.patients[p]?.rules);
    const days = this.addPatientDays(p, rules);
    if (!days.empty) this.addRow(days, '<=', rules.maxDays);
    const minutes = columnsTerms(this.patientAll.get(p) ?? [], this.grid);
    if (!minutes.empty) this.addRow(minutes, '<=', Math.round(rules.maxWeeklyHours * 60));
    // Only an enrolled patient can fall short.
    if (patient.endDay > patient.firstDay) this.addShortfallRows(patient, track, rules);
  }

  /** The model as HiGHS reads it, with the meaning of its columns. */
  result(): ReferenceModel {
    const { rows, binaries, continuous } = this;
    const lp = [
      'Minimize',
      ` obj: ${this.objective.toString()}`,
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
      compiled: this.compiled,
      lp,
      sections: this.sections,
      attends: this.attends,
      leads: this.leads,
      individuals: this.individuals,
      size: { columns: binaries.length + continuous.length, rows: rows.length, binaries: binaries.length },
    };
  }

  /** The leaders and attendees section `index` could have, and the row holding it exactly when one leads it. */
  private addSectionColumns(section: SectionVar, index: number): void {
    const { compiled } = this;
    const first = slotOf(section.day, section.start);
    this.binaries.push(section.name);
    pushTo(this.roomAt, `${section.room}@${timeKey(section.day, section.start)}`, section.name);
    const seat = compiled.services[section.service]!.seats[0]!;
    const leaders = new Terms();
    for (const staff of seat.eligibleStaff) {
      if (!this.staffFree(staff, first)) continue;
      const lead: LeadVar = { name: `z${this.leads.length}`, staff, section: index };
      this.leads.push(lead);
      this.binaries.push(lead.name);
      leaders.add(1, lead.name);
      this.useStaff(staff, section.day, section.start, lead.name);
    }
    this.addRow(leaders.add(-1, section.name), '=', 0);
    for (const patient of compiled.patients) {
      if (!patient.tracks.includes(section.track) || !this.patientFree(patient.index, section.day, first)) continue;
      const attend: AttendVar = { name: `x${this.attends.length}`, patient: patient.index, section: index };
      this.attends.push(attend);
      this.binaries.push(attend.name);
      pushTo(this.sectionAttends, index, attend.name);
      this.usePatient(patient.index, section.day, section.start, section.service, attend.name);
    }
  }

  /** Patient `p`'s day columns (attended or not) with their rows; returns the sum of them, for the most days. */
  private addPatientDays(p: number, rules: ResolvedHoursRules): Terms {
    const days = new Terms();
    for (let day = 0; day < 7; day++) {
      const onDay = this.patientDay.get(`${p}@${day}`) ?? [];
      if (onDay.length === 0) continue;
      const attended = `d${p}_${day}`;
      this.binaries.push(attended);
      days.add(1, attended);
      // One session at a time, and a day counts as attended exactly when something is on it.
      for (const { start } of this.starts.filter((s) => s.day === day)) {
        const now = this.patientAt.get(`${p}@${day}@${start}`);
        if (now) this.addRow(columnsTerms(now).add(-1, attended), '<=', 0);
      }
      this.addRow(columnsTerms(onDay).add(-1, attended), '>=', 0);
      if (rules.maxDailyHours !== undefined) {
        const counting = onDay.filter((c) => (this.patientAll.get(p) ?? []).includes(c));
        this.addRow(columnsTerms(counting, this.grid), '<=', Math.round(rules.maxDailyHours * 60));
      }
    }
    return days;
  }

  /** The shortfall columns of an enrolled patient: weekly minutes, days, and each curriculum and requires count. */
  private addShortfallRows(patient: CompiledPatient, track: number, rules: ResolvedHoursRules): void {
    const p = patient.index;
    this.addRow(columnsTerms(this.patientAll.get(p) ?? [], this.grid).add(1, this.shortfall(`sh${p}`)), '>=', Math.round(rules.minWeeklyHours * 60));
    const dayTerms = new Terms().add(1, this.shortfall(`sd${p}`));
    for (let day = 0; day < 7; day++) if ((this.patientDay.get(`${p}@${day}`) ?? []).length > 0) dayTerms.add(60, `d${p}_${day}`);
    this.addRow(dayTerms, '>=', 60 * rules.minDays);
    const counts: Array<{ kind: 'sc' | 'sr'; service: number; min: number; max: number }> = [
      ...(track >= 0 ? this.compiled.tracks[track]!.curriculum : []).map((c) => ({ kind: 'sc' as const, ...c })),
      ...patient.requires.map((r) => ({ kind: 'sr' as const, ...r })),
    ];
    for (const count of counts) {
      if (count.service < 0) continue;
      const columns = this.patientService.get(`${p}@${count.service}`) ?? [];
      const duration = this.compiled.services[count.service]!.durationMinutes;
      if (Number.isFinite(count.max) && columns.length > 0) this.addRow(columnsTerms(columns), '<=', count.max);
      if (count.min > 0) this.addRow(columnsTerms(columns, duration).add(1, this.shortfall(`${count.kind}${p}_${count.service}`)), '>=', duration * count.min);
    }
  }

  private addRow(terms: Terms, sense: Sense, rhs: number): void {
    if (!terms.empty) this.rows.push(` r${this.rows.length}: ${terms.toString()} ${sense} ${rhs}`);
  }

  /** A continuous shortfall column, weighted in the objective. */
  private shortfall(name: string): string {
    this.continuous.push(name);
    this.objective.add(SHORTFALL_WEIGHT, name);
    return name;
  }

  private staffFree(staff: number, first: number): boolean {
    return this.compiled.staff[staff]!.available.containsRange(first, first + this.span);
  }

  private patientFree(patient: number, day: number, first: number): boolean {
    const p = this.compiled.patients[patient]!;
    return day >= p.firstDay && day < p.endDay && p.available.containsRange(first, first + this.span);
  }

  /** Column `column` has `staff` lead at `day`/`start`: one grid step of their time, staffed minutes in the objective. */
  private useStaff(staff: number, day: number, start: number, column: string): void {
    pushTo(this.staffAt, `${staff}@${timeKey(day, start)}`, column);
    pushTo(this.staffMinutes, `${staff}`, column);
    pushTo(this.staffMinutes, `${staff}@${day}`, column);
    this.objective.add(this.grid, column);
  }

  /** Column `column` has `patient` attend a session of `service` at `day`/`start`. */
  private usePatient(patient: number, day: number, start: number, service: number, column: string): void {
    pushTo(this.patientAt, `${patient}@${day}@${start}`, column);
    pushTo(this.patientDay, `${patient}@${day}`, column);
    pushTo(this.patientService, `${patient}@${service}`, column);
    if (this.compiled.services[service]!.countsTowardHours) pushTo(this.patientAll, patient, column);
  }
}
