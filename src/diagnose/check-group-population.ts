/**
 * Pre-solve check: a group a patient needs that can never gather its minimum size, because too
 * few patients could ever sit in it with them: same track, eligible, sharing the homogeneity tags
 * (e.g. adolescents apart from adults), not an avoid pair, and free at an overlapping time.
 */
import type { CompiledProblem } from '../engine/compile.js';
import type { Finding } from './types.js';
import { patientServiceSlots, type Reach } from './reach.js';
import { enrolled, requiredServices } from './required.js';
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

/** Finding `'population-too-small'` (unit patients), one per service and group of patients it strands. */
export function checkGroupPopulation(reach: Reach): Finding[] {
  const problem = reach.problem;
  const stranded = new Map<string, { service: number; rules: Set<string>; patients: string[]; best: number; peers: Set<string>; homogeneity: boolean; track: string | undefined }>();
  problem.patients.forEach((p, patient) => {
    for (const need of requiredServices(problem, patient)) {
      const service = problem.services[need.service]!;
      if (service.kind !== 'group' || service.minSize <= 1) continue;
      const tracks: Array<number | undefined> = service.trackBound ? [...p.tracks] : [undefined];
      let best = 0;
      let bestPeers: string[] = [];
      let blockedByHomogeneity = false;
      for (const track of tracks) {
        const mine = patientServiceSlots(reach, patient, need.service, track === undefined ? {} : { track });
        if (mine.size() === 0) continue;
        const peers: string[] = [];
        problem.patients.forEach((q, other) => {
          if (other === patient || !enrolled(problem, other) || p.avoid.has(other)) return;
          if (track !== undefined && !q.tracks.includes(track)) return;
          const theirs = patientServiceSlots(reach, other, need.service, track === undefined ? {} : { track });
          if (!overlaps(mine, theirs)) return;
          if (!homogeneous(problem, need.service, patient, other)) {
            blockedByHomogeneity = true;
            return;
          }
          peers.push(q.id);
        });
        if (peers.length + 1 > best) {
          best = peers.length + 1;
          bestPeers = peers;
        }
      }
      // A patient who cannot reach the service at all is another check's finding.
      if (best === 0 || best >= service.minSize) continue;
      const shared = service.homogeneousBy.flatMap((prefix) => p.tags.filter((t) => t.startsWith(prefix)));
      const key = `${need.service}\u0000${[p.id, ...bestPeers].sort().join('\u0001')}`;
      const entry = stranded.get(key) ?? {
        service: need.service,
        rules: new Set<string>(),
        patients: [],
        best,
        peers: new Set<string>(),
        homogeneity: blockedByHomogeneity && shared.length > 0,
        track: tracks.length === 1 && tracks[0] !== undefined ? problem.tracks[tracks[0]]!.id : undefined,
      };
      entry.rules.add(need.rule);
      entry.patients.push(p.id);
      for (const peer of bestPeers) entry.peers.add(peer);
      stranded.set(key, entry);
    }
  });
  return [...stranded.values()].map((entry) => {
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
  });
}
