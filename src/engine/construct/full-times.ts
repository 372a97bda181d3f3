/**
 * Construction's memory of full times: where an individual service found no free staff or room,
 * so the next patient's placement passes them over unchecked.
 */
/**
 * Times at which an individual service found no free staff (bit 1) or no free room (bit 2), per
 * (service, day, start / 5). Valid while meetings are only added (construction): staff and rooms
 * that were busy stay busy, so a time found full is not tried again for the next patient. A
 * change that frees staff or rooms forgets the marks it may have made wrong (`forgetDay`,
 * `forgetService`); forgetting too much only costs time.
 *
 * @example
 * ```ts
 * const full = new FullTimes(problem.services.length);
 * full.set(s, day, start, 1); // no clinician free for service s then
 * full.get(s, day, start) & 1; // passed over by the next patient's placement
 * ```
 */
export class FullTimes {
  private readonly marks: Uint8Array;
  private readonly services: number;
  constructor(services: number) {
    this.services = services;
    this.marks = new Uint8Array(services * 7 * 288);
  }
  /** Forgets every mark on `day` (a meeting that day was removed: its staff and room are free then). */
  forgetDay(day: number): void {
    for (let s = 0; s < this.services; s++) this.marks.fill(0, (s * 7 + day) * 288, (s * 7 + day + 1) * 288);
  }
  /** Forgets every mark of service `s` (one of its clinicians has hours free all week). */
  forgetService(s: number): void {
    this.marks.fill(0, s * 7 * 288, (s + 1) * 7 * 288);
  }
  /** Forgets every mark of service `s` on `day` (one of its clinicians has hours free that day). */
  forgetServiceDay(s: number, day: number): void {
    this.marks.fill(0, (s * 7 + day) * 288, (s * 7 + day + 1) * 288);
  }
  get(s: number, day: number, start: number): number {
    return this.marks[(s * 7 + day) * 288 + start / 5]!;
  }
  set(s: number, day: number, start: number, bit: number): void {
    this.marks[(s * 7 + day) * 288 + start / 5]! |= bit;
  }
}
