/**
 * Pre-solve checks on services: no staff member can lead it (credentials, tags, seat count),
 * no credentialed staff works when it could run, no room can host it (features, seats for the
 * minimum size) or none is open when it could run. Each finding lists the patients who certainly
 * need the service and cannot join it by telehealth instead.
 */
import type { CompiledProblem, CompiledService } from '../compiled/compile.js';
import type { Finding } from './types.js';
import { fitRuns, seatsFilled, type Reach } from './reach.js';
import { requiredServices, type RequiredService } from './required.js';
import { listText, plural, windowsText } from './words.js';
import { SlotSet } from '../time/slot-set.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';

/** When the service could run at all, ignoring staff and rooms: its tracks' windows on open days. */
function runnable(problem: CompiledProblem, service: CompiledService): SlotSet {
  const set = new SlotSet();
  if (service.trackBound) for (const track of problem.tracks) set.unionWith(track.windows);
  else set.unionWith(SlotSet.full());
  const open = new SlotSet();
  problem.closedDays.forEach((closed, day) => {
    if (!closed) open.addRange(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY);
  });
  set.intersectWith(open);
  return set;
}

function seatText(service: CompiledService): string {
  return service.seats
    .map((seat) => `${seat.count > 1 ? `${seat.count} x ` : ''}${[...seat.credentials].join('/')}${seat.tags.length > 0 ? ` with ${seat.tags.join(', ')}` : ''}`)
    .join(' + ');
}

/** Findings `'no-qualified-staff'`, `'no-staff-available'`, `'no-suitable-room'`, `'room-too-small'`, `'no-room-available'`. */
export function checkServiceResources(reach: Reach): Finding[] {
  const problem = reach.problem;
  const findings: Finding[] = [];
  // Who certainly needs each service, in patient order: one pass over the patients.
  const needingByService = problem.services.map((): Array<{ patient: number; rule: RequiredService['rule'] }> => []);
  problem.patients.forEach((_, patient) => {
    for (const need of requiredServices(problem, patient)) needingByService[need.service]?.push({ patient, rule: need.rule });
  });
  for (const service of problem.services) {
    const needing = needingByService[service.index]!;
    const requirementsOf = (remoteOk: boolean): { patients: string[]; requirements: string[] } => {
      const affected = needing.filter(({ patient }) => !(remoteOk && problem.patients[patient]!.telehealth));
      return {
        patients: [...new Set(affected.map(({ patient }) => problem.patients[patient]!.id))],
        requirements: [...new Set(affected.map(({ rule }) => rule))],
      };
    };
    const length = Math.ceil(service.durationMinutes / SLOT_MINUTES);
    const window = runnable(problem, service);
    const qualified = [...new Set(service.seats.flatMap((seat) => seat.eligibleStaff))].map((s) => problem.staff[s]!.id);
    const filled = seatsFilled(service, () => true);
    if (filled < service.staffNeeded) {
      findings.push({
        code: 'no-qualified-staff',
        message: `Service ${service.id} needs ${seatText(service)} but the staff can fill only ${filled} of its ${service.staffNeeded} seats${qualified.length > 0 ? ` (qualified: ${listText(qualified)})` : ' (nobody holds the credential)'}.`,
        ...requirementsOf(false),
        services: [service.id],
        staff: qualified,
        rooms: [],
        figures: { needed: service.staffNeeded, available: filled, unit: 'staff' },
      });
      continue;
    }
    const staffed = reach.staffable[service.index]!.clone();
    staffed.intersectWith(window);
    if (fitRuns(staffed, length).size() === 0 && fitRuns(window, length).size() > 0) {
      findings.push({
        code: 'no-staff-available',
        message: `Service ${service.id} needs ${seatText(service)} together for ${service.durationMinutes} minutes, but ${listText(qualified)} ${qualified.length === 1 ? 'is' : 'are'} never free together when it can run (${windowsText(window)}).`,
        ...requirementsOf(false),
        services: [service.id],
        staff: qualified,
        rooms: [],
        figures: { needed: service.staffNeeded, available: 0, unit: 'staff' },
      });
      continue;
    }
    if (service.telehealth === 'only') continue;
    const room = roomFinding(reach, service, staffed, length, qualified, requirementsOf(service.telehealth === 'allowed'));
    if (room) findings.push(room);
  }
  return findings.filter((finding) => finding.patients.length > 0 || finding.code === 'no-qualified-staff' || finding.code === 'no-suitable-room');
}

/**
 * Why `service` has no room when its staff are free (`staffed`): no room with its features, none
 * big enough for its minimum, or none open then; null when a room can be had.
 */
function roomFinding(
  reach: Reach,
  service: CompiledService,
  staffed: SlotSet,
  length: number,
  qualified: string[],
  affected: { patients: string[]; requirements: string[] },
): Finding | null {
  const problem = reach.problem;
  const featured = service.eligibleRooms.map((r) => problem.rooms[r]!);
  const bigEnough = featured.filter((room) => room.capacity >= service.minSize);
  const featureText = service.roomFeatures.length > 0 ? ` with ${service.roomFeatures.join(', ')}` : '';
  if (featured.length === 0) {
    return {
      code: 'no-suitable-room',
      message: `Service ${service.id} needs a room${featureText} and no room offers it.`,
      ...affected,
      services: [service.id],
      staff: [],
      rooms: [],
      figures: { needed: 1, available: 0, unit: 'rooms' },
    };
  }
  if (bigEnough.length === 0) {
    const largest = Math.max(...featured.map((room) => room.capacity));
    return {
      code: 'room-too-small',
      message: `Service ${service.id} needs at least ${plural(service.minSize, 'participant')} but its rooms${featureText} seat at most ${largest} (${listText(featured.map((room) => room.id))}).`,
      ...affected,
      services: [service.id],
      staff: [],
      rooms: featured.map((room) => room.id),
      figures: { needed: service.minSize, available: largest, unit: 'seats' },
    };
  }
  const housed = reach.roomable[service.index]!.clone();
  housed.intersectWith(staffed);
  if (fitRuns(housed, length).size() > 0) return null;
  return {
    code: 'no-room-available',
    message: `Service ${service.id} has no room${featureText} open while its staff are (${listText(bigEnough.map((room) => room.id))} are closed then).`,
    ...affected,
    services: [service.id],
    staff: qualified,
    rooms: bigEnough.map((room) => room.id),
    figures: { needed: 1, available: 0, unit: 'rooms' },
  };
}
