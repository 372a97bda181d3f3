/**
 * Cohorts: the patients of a track split into peer groups that move through the week together,
 * as IOPs run them. Construction keeps a cohort in one section and rotates each cohort through
 * the curriculum at its own offset. Without cohorts, sections form afresh in every slot and
 * their sizes follow whichever service is chosen first (a process group seating 12 leaves 6 for
 * the next service), so a zero-slack track (9 window hours for 9 required sessions) strands the
 * small section's patients with a service they no longer need.
 */
import type { Engine } from '../kernel/engine.js';
import type { GroupSlot } from '../kernel/slots.js';

/** The group services a track's slots hold. */
function slotServices(slots: readonly GroupSlot[]): number[] {
  const services = new Set<number>();
  for (const slot of slots) for (const s of slot.services) services.add(s);
  return [...services];
}

/** A key that differs between patients no group of `services` may mix. */
function mixKey(engine: Engine, services: readonly number[], p: number): string {
  let key = '';
  for (const s of services) key += `${engine.prepared.homogeneity[s]?.[p] ?? ''}\u0000`;
  return key;
}

/**
 * Splits `members` (most constrained first) into balanced cohorts no larger than one section,
 * keeping patients who may not share a group apart and patients who can reach the same slots
 * together. Returns the cohort number of each member; numbers start at `firstCohort` so that
 * cohorts of different tracks rotate through services at different offsets.
 */
export function formCohorts(
  engine: Engine,
  slots: readonly GroupSlot[],
  members: readonly number[],
  reachable: (p: number) => string,
  sectionCap: (service: number) => number,
  firstCohort: number,
): Map<number, number> {
  const cohortOf = new Map<number, number>();
  const services = slotServices(slots);
  // The most patients one section of every service the track's slots hold can seat.
  const smallest = Math.min(...services.map(sectionCap));
  const cap = Number.isFinite(smallest) ? Math.max(1, smallest) : 1;
  const byKey = new Map<string, number[]>();
  for (const p of members) {
    const key = mixKey(engine, services, p);
    const list = byKey.get(key);
    if (list) list.push(p);
    else byKey.set(key, [p]);
  }
  let next = firstCohort;
  for (const list of byKey.values()) {
    // Patients who can reach the same slots side by side, so contiguous cohorts share them.
    const ordered = list.map((p) => [p, reachable(p)] as const).sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] - b[0])).map(([p]) => p);
    const count = Math.ceil(ordered.length / cap);
    const sizes = Array.from({ length: count }, (_, c) => Math.floor(ordered.length / count) + (c < ordered.length % count ? 1 : 0));
    const cohorts: number[][] = sizes.map(() => []);
    let current = 0;
    for (const p of ordered) {
      while (current < count && cohorts[current]!.length >= sizes[current]!) current++;
      const avoid = engine.problem.patients[p]!.avoid;
      const clashes = (c: number): boolean => cohorts[c]!.some((q) => avoid.has(q) || engine.problem.patients[q]!.avoid.has(p));
      let chosen = current < count && !clashes(current) ? current : -1;
      // An avoided peer in this cohort: the first other cohort with a free place and no clash.
      for (let c = 0; chosen < 0 && c < count; c++) if (cohorts[c]!.length < cap && !clashes(c)) chosen = c;
      if (chosen < 0) chosen = Math.min(current, count - 1);
      cohorts[chosen]!.push(p);
    }
    for (const cohort of cohorts) {
      for (const p of cohort) cohortOf.set(p, next);
      next++;
    }
  }
  return cohortOf;
}
