/**
 * Terms and rows of a CPLEX LP text: the pieces bench/reference/model.ts writes its MILP with.
 */

/** Collects `coefficient name` terms and prints them a few per line, as LP readers like. */
export class Terms {
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

/** Appends `value` to the list kept for `key`. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The sum of `columns`, each with `coefficient`. */
export function columnsTerms(columns: readonly string[], coefficient = 1): Terms {
  const terms = new Terms();
  for (const column of columns) terms.add(coefficient, column);
  return terms;
}

/** `items` in runs of `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
