/**
 * Display names of the problem's entities, looked up by id (a `Map`: ids may be any string,
 * `__proto__` included). Falls back to the id when an entity has no name or is unknown.
 */
import type { Problem } from '../model/problem.js';

/** Names of services, tracks, staff and rooms. Patients have no names: only ids. */
export interface Names {
  service(id: string): string;
  track(id: string | null): string;
  staff(id: string): string;
  room(id: string | null): string;
}

/**
 * The display names of `problem`'s entities.
 *
 * @example
 * ```ts
 * const names = namesOf(problem);
 * names.service('process'); // 'Process group', or 'process' when it has no name
 * ```
 */
export function namesOf(problem: Problem): Names {
  const table = (entities: ReadonlyArray<{ id: string; name?: string }>): Map<string, string> =>
    new Map(entities.map((entity) => [entity.id, entity.name !== undefined && entity.name.trim() !== '' ? entity.name : entity.id]));
  const services = table(problem.services);
  const tracks = table(problem.tracks);
  const staff = table(problem.staff);
  const rooms = table(problem.rooms);
  return {
    service: (id) => services.get(id) ?? id,
    track: (id) => (id === null ? 'No track' : (tracks.get(id) ?? id)),
    staff: (id) => staff.get(id) ?? id,
    room: (id) => (id === null ? 'Telehealth' : (rooms.get(id) ?? id)),
  };
}
