/**
 * Per-subject "touched" marks without allocation: a subject is touched when its mark equals the
 * epoch, and clearing is one increment. The solver state keeps one per kind of subject for the
 * subjects a change touched and those whose scoring construction deferred.
 *
 * @example
 * ```ts
 * const touched = new TouchSet(100);
 * touched.add(7); touched.add(7);
 * touched.items; // [7]
 * touched.clear(); // touched.items is [] again
 * ```
 */
export class TouchSet {
  private marks: Int32Array;
  readonly items: number[] = [];
  private epoch = 1;

  constructor(size: number) {
    this.marks = new Int32Array(Math.max(8, size));
  }

  add(subject: number): void {
    if (subject >= this.marks.length) {
      const grown = new Int32Array(Math.max(subject + 1, this.marks.length * 2));
      grown.set(this.marks);
      this.marks = grown;
    }
    if (this.marks[subject] === this.epoch) return;
    this.marks[subject] = this.epoch;
    this.items.push(subject);
  }

  /** Whether `subject` was added since the last `clear`. */
  has(subject: number): boolean {
    return subject < this.marks.length && this.marks[subject] === this.epoch;
  }

  clear(): void {
    this.items.length = 0;
    this.epoch += 1;
  }
}
