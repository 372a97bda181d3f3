/**
 * References and ids: ids unique per kind, every id named somewhere resolves to something of the
 * right kind, template sessions fit the grid and the day, and hours rules stay consistent once
 * their layers resolve. Runs after every collection has been read; collections that could not be
 * read are skipped, so one broken list does not turn every reference to it into an issue.
 */
import type { Problem, Service } from '../model/problem.js';
import { parseLocalTime, MINUTES_PER_DAY } from '../time/week.js';
import { type Context, pathOf, quote, type Draft } from './context.js';
import { checkResolvedRules } from './hours-rules.js';
import { ISSUE_CODES } from './issue-codes.js';
import { checkMakeUpTracks } from './make-up-tracks.js';

type Collection = 'tracks' | 'services' | 'staff' | 'rooms' | 'patients';

/**
 * Checks ids and references of a read problem. `granularity` is the valid start spacing, when known.
 *
 * @example
 * ```ts
 * checkReferences(read.problem, context, 15); // duplicate ids, unknown references, template grid
 * ```
 */
export function checkReferences(problem: Draft<Problem>, context: Context, granularity: number | undefined): void {
  const trackIds = indexIds(problem.tracks, 'tracks', context);
  const serviceIds = indexIds(problem.services, 'services', context);
  const staffIds = indexIds(problem.staff, 'staff', context);
  indexIds(problem.rooms, 'rooms', context);
  const patientIds = indexIds(problem.patients, 'patients', context);
  const services = problem.services ?? [];
  const serviceOf = (id: string): Draft<Service> | undefined => {
    const index = serviceIds?.get(id);
    return index === undefined ? undefined : services[index];
  };

  checkResolvedRules([{ rules: problem.rules, path: 'rules' }], context);
  (problem.tracks ?? []).forEach((track, t) => {
    if (track === undefined) return;
    const path = `tracks[${t}]`;
    checkResolvedRules([{ rules: problem.rules, path: 'rules' }, { rules: track.rules, path: `${path}.rules` }], context);
    (track.curriculum ?? []).forEach((entry, e) => {
      resolve(entry?.service, serviceIds, `${path}.curriculum[${e}].service`, 'service', context);
    });
    (track.template ?? []).forEach((entry, e) => {
      const entryPath = `${path}.template[${e}]`;
      if (entry?.service === undefined || !resolve(entry.service, serviceIds, `${entryPath}.service`, 'service', context)) return;
      const service = serviceOf(entry.service);
      if (service?.kind === 'individual') {
        context.report(`${entryPath}.service`, ISSUE_CODES.notAGroup, `Service ${quote(entry.service)} is an individual service: a template holds group sessions.`);
      }
      checkTemplateTime(entry.start, service?.durationMinutes, granularity, `${entryPath}.start`, context);
    });
  });

  (problem.patients ?? []).forEach((patient, p) => {
    if (patient === undefined) return;
    const path = `patients[${p}]`;
    const listed = new Map<string, number>();
    (patient.tracks ?? []).forEach((track, t) => {
      if (track === undefined) return;
      const trackPath = (): string => `${path}.tracks[${t}]`;
      const first = listed.get(track);
      if (first !== undefined) context.report(trackPath(), ISSUE_CODES.duplicateEntry, `Track ${quote(track)} is already listed at tracks[${first}].`);
      else listed.set(track, t);
      resolve(track, trackIds, trackPath, 'track', context);
    });
    (patient.requires ?? []).forEach((entry, e) => {
      resolve(entry?.service, serviceIds, () => `${path}.requires[${e}].service`, 'service', context);
    });
    (patient.history ?? []).forEach((entry, e) => {
      resolve(entry?.service, serviceIds, () => `${path}.history[${e}].service`, 'service', context);
    });
    resolve(patient.primaryStaff, staffIds, () => `${path}.primaryStaff`, 'staff member', context);
    (patient.avoid ?? []).forEach((other, a) => {
      if (other === undefined) return;
      if (other === patient.id) context.report(`${path}.avoid[${a}]`, ISSUE_CODES.selfReference, 'A patient cannot avoid themselves.');
      else resolve(other, patientIds, () => `${path}.avoid[${a}]`, 'patient', context);
    });
    if (patient.rules !== undefined) checkPatientRules(problem, path, patient.rules, [...listed.keys()], trackIds, context);
    checkMakeUpTracks(patient.makeUpTracks, listed, path, trackIds, context);
  });
}

/** Reports ids repeated within one collection; answers id -> first index, or undefined when the collection could not be read. */
function indexIds(items: ReadonlyArray<{ id?: string } | undefined> | undefined, collection: Collection, context: Context): Map<string, number> | undefined {
  if (items === undefined) return undefined;
  const ids = new Map<string, number>();
  items.forEach((item, index) => {
    const id = item?.id;
    if (id === undefined) return;
    const first = ids.get(id);
    if (first === undefined) ids.set(id, index);
    else context.report(`${collection}[${index}].id`, ISSUE_CODES.duplicateId, `Id ${quote(id)} is already used by ${collection}[${first}].`);
  });
  return ids;
}

/** Whether `id` names an item of `known`; reports `unknown-reference` when not. Unknown collections resolve everything. */
/** `path` may be a function: built only for an issue (a network's patients name tens of thousands of ids that resolve). */
function resolve(id: string | undefined, known: ReadonlyMap<string, number> | undefined, path: string | (() => string), kind: string, context: Context): boolean {
  if (id === undefined || known === undefined) return false;
  if (known.has(id)) return true;
  context.report(typeof path === 'string' ? path : path(), ISSUE_CODES.unknownReference, `No ${kind} has id ${quote(id)}.`);
  return false;
}

function checkTemplateTime(start: string | undefined, duration: number | undefined, granularity: number | undefined, path: string, context: Context): void {
  const minutes = start === undefined ? undefined : parseLocalTime(start);
  if (minutes === undefined) return;
  if (granularity !== undefined && minutes % granularity !== 0) {
    context.report(path, ISSUE_CODES.offGrid, `Start ${quote(start ?? '')} is not on the ${granularity}-minute grid.`);
  }
  if (duration !== undefined && minutes + duration > MINUTES_PER_DAY) {
    context.report(path, ISSUE_CODES.pastMidnight, `A ${duration}-minute session starting at ${start ?? ''} runs past midnight.`);
  }
}

/** A patient's own rules, resolved with each track they may attend, must not cross; one report per patient at most. */
function checkPatientRules(
  problem: Draft<Problem>,
  path: string,
  rules: Draft<Problem>['rules'],
  tracks: readonly string[],
  trackIds: ReadonlyMap<string, number> | undefined,
  context: Context,
): void {
  if (rules === undefined) return;
  const program = { rules: problem.rules, path: 'rules' };
  const own = { rules, path: pathOf(path, 'rules') };
  const trackRules = tracks.map((id) => {
    const index = trackIds?.get(id);
    return index === undefined ? undefined : problem.tracks?.[index]?.rules;
  });
  if (trackRules.length === 0) trackRules.push(undefined);
  const before = context.issues.length;
  for (const track of trackRules) {
    checkResolvedRules([program, { rules: track, path: '' }, own], context);
    if (context.issues.length > before) return;
  }
}
