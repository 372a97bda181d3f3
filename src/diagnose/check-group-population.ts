/**
 * Pre-solve check: a group a patient needs that can never gather its minimum size, because too
 * few patients could ever sit in it with them: same track, eligible, sharing the homogeneity tags
 * (e.g. adolescents apart from adults), not an avoid pair, and free at an overlapping time.
 */
import type { CompiledProblem } from '../compiled/compile.js';
import type { Finding } from './types.js';
import { sharedServiceSlots, type Reach } from './reach.js';
import { enrolled, requiredServices, type RequiredService } from './required.js';
import { listText } from './words.js';
import type { SlotSet } from '../time/slot-set.js';

/** Whether two patients could share a meeting of a service under its homogeneity prefixes (lenient: a missing tag matches anything). */
function homogeneous(problem: CompiledProblem, service: number, a: number, b: number): boolean {
  const tagsA = problem.patients[a]!.tags;
  const tagsB = problem.patients[b]!.tags;
  return problem.services[service]!.homogeneousBy.every((prefix) => {
    const valuesA = tagsA.filter((t) => t.startsWith(prefix));
    const valuesB = tagsB.filter((t) => t.startsWith(prefix));
    return valuesA.length === 0 || valuesB.length === 0 || valuesA.some((t) => valuesB.includes(t));
  });
}

function overlaps(a: SlotSet, b: SlotSet): boolean {
  for (let i = 0; i < a.words.length; i++) if (((a.words[i] ?? 0) & (b.words[i] ?? 0)) !== 0) return true;
  return false;
}

interface Stranded {
  service: number;
  rules: Set<string>;
  patients: string[];
  best: number;
  peers: Set<string>;
  homogeneity: boolean;
  track: string | undefined;
}

/**
 * Finding `'population-too-small'` (unit patients), one per service and group of patients it
 * strands. With `focus` (patient indexes), only the groups that strand a focus patient are
 * looked for, and each is found exactly as without focus (the same patients, peers and
 * figures): the members of a stranded group are among the focus patient's few peers, so they
 * are checked too, at a fraction of the work of checking every patient of a large clinic.
 */
export function checkGroupPopulation(reach: Reach, focus?: ReadonlySet<number>): Finding[] {
  const problem = reach.problem;
  const cache = new Map<number, Gathering[]>();
  let subjects: number[] | undefined;
  if (focus !== undefined) {
    const first = strandedGroups(reach, [...focus].filter((p) => p >= 0 && p < problem.patients.length).sort((a, b) => a - b), cache);
    const members = new Set<number>(focus);
    for (const entry of first.values()) for (const id of [...entry.patients, ...entry.peers]) members.add(problem.patientIndex.get(id)!);
    subjects = [...members].sort((a, b) => a - b);
  }
  const ids = focus === undefined ? undefined : new Set([...focus].map((p) => problem.patients[p]?.id));
  const stranded = [...strandedGroups(reach, subjects, cache).values()];
  return stranded.filter((entry) => ids === undefined || entry.patients.some((id) => ids.has(id))).map((entry) => findingOf(problem, entry));
}

/** One patient's best group for one service they need: how many could ever meet with them, and who. */
interface Gathering {
  service: number;
  /** The requirements asking for the service: one gathering serves a `requires` and a curriculum minimum alike. */
  rules: Array<RequiredService['rule']>;
  best: number;
  peers: string[];
  blockedByHomogeneity: boolean;
  tracks: Array<number | undefined>;
}

/** Who could ever sit with `patient` in each group service they need, over their tracks (the best track kept). */
function gatherings(reach: Reach, patient: number, members: ReadonlyMap<number, readonly number[]>): Gathering[] {
  const problem = reach.problem;
  const p = problem.patients[patient]!;
  const found: Gathering[] = [];
  for (const need of requiredServices(problem, patient)) {
    const service = problem.services[need.service]!;
    if (service.kind !== 'group' || service.minSize <= 1) continue;
    const same = found.find((g) => g.service === need.service);
    if (same !== undefined) {
      same.rules.push(need.rule);
      continue;
    }
    const tracks: Array<number | undefined> = service.trackBound ? [...p.tracks] : [undefined];
    let best = 0;
    let bestPeers: string[] = [];
    let blockedByHomogeneity = false;
    for (const track of tracks) {
      const options = track === undefined ? {} : { track };
      const mine = sharedServiceSlots(reach, patient, need.service, options);
      if (mine.size() === 0) continue;
      const peers: string[] = [];
      for (const other of track === undefined ? problem.patients.map((_, i) => i) : (members.get(track) ?? [])) {
        if (other === patient || !enrolled(problem, other) || p.avoid.has(other)) continue;
        if (!overlaps(mine, sharedServiceSlots(reach, other, need.service, options))) continue;
        if (!homogeneous(problem, need.service, patient, other)) {
          blockedByHomogeneity = true;
          continue;
        }
        peers.push(problem.patients[other]!.id);
      }
      if (peers.length + 1 > best) {
        best = peers.length + 1;
        bestPeers = peers;
      }
    }
    found.push({ service: need.service, rules: [need.rule], best, peers: bestPeers, blockedByHomogeneity, tracks });
  }
  return found;
}

/** The stranded groups of the `subjects` (default: every patient), keyed by service and members. */
function strandedGroups(reach: Reach, subjects: readonly number[] | undefined, cache: Map<number, Gathering[]>): Map<string, Stranded> {
  const problem = reach.problem;
  const members = new Map<number, number[]>();
  problem.patients.forEach((q, other) => {
    for (const track of q.tracks) {
      const list = members.get(track);
      if (list) list.push(other);
      else members.set(track, [other]);
    }
  });
  const stranded = new Map<string, Stranded>();
  for (const patient of subjects ?? problem.patients.map((_, i) => i)) {
    if (reach.stop?.() === true) break;
    const p = problem.patients[patient]!;
    let found = cache.get(patient);
    if (!found) cache.set(patient, (found = gatherings(reach, patient, members)));
    for (const { service: serviceIndex, rules, best, peers: bestPeers, blockedByHomogeneity, tracks } of found) {
      const service = problem.services[serviceIndex]!;
      // A patient who cannot reach the service at all is another check's finding.
      if (best === 0 || best >= service.minSize) continue;
      const shared = service.homogeneousBy.flatMap((prefix) => p.tags.filter((t) => t.startsWith(prefix)));
      const key = `${serviceIndex}\u0000${[p.id, ...bestPeers].sort().join('\u0001')}`;
      const entry = stranded.get(key) ?? {
        service: serviceIndex,
        rules: new Set<string>(),
        patients: [],
        best,
        peers: new Set<string>(),
        homogeneity: blockedByHomogeneity && shared.length > 0,
        track: tracks.length === 1 && tracks[0] !== undefined ? problem.tracks[tracks[0]]!.id : undefined,
      };
      for (const rule of rules) entry.rules.add(rule);
      entry.patients.push(p.id);
      for (const peer of bestPeers) entry.peers.add(peer);
      stranded.set(key, entry);
    }
  }
  return stranded;
}

function findingOf(problem: CompiledProblem, entry: Stranded): Finding {
  const service = problem.services[entry.service]!;
  const first = problem.patients[problem.patientIndex.get(entry.patients[0]!)!]!;
  const shared = service.homogeneousBy.flatMap((prefix) => first.tags.filter((t) => t.startsWith(prefix)));
  const who = [...new Set([...entry.patients, ...entry.peers])].sort();
  const required = service.requireTags;
  const sharing = entry.homogeneity ? shared.filter((t) => !required.includes(t)) : [];
  const kind =
    `patient${who.length === 1 ? '' : 's'}` +
    (required.length > 0 ? ` with ${required.join(', ')}` : '') +
    (sharing.length > 0 ? ` sharing ${sharing.join(', ')}` : '');
  return {
    code: 'population-too-small',
    message: `Only ${who.length} ${kind} (${listText(who)}) can ever meet for ${service.id}${entry.track ? ` in track ${entry.track}` : ''}; the group needs at least ${service.minSize}.`,
    requirements: [...entry.rules],
    patients: entry.patients,
    services: [service.id],
    staff: [],
    rooms: [],
    figures: { needed: service.minSize, available: entry.best, unit: 'patients' as const },
    ...(entry.track !== undefined ? { track: entry.track } : {}),
  };
}
