/**
 * Colours of services in the HTML week: a fixed palette assigned in service order, so the same
 * problem always gets the same colours. Every background keeps dark text at a contrast ratio
 * of at least 7:1 (WCAG AAA); the edge colour marks the block for colour-blind readers together
 * with the printed service name.
 */

/** A service's colours: block background, left edge, text. */
export interface ServiceColour {
  background: string;
  edge: string;
  text: string;
}

/** Text colour on every palette background. */
export const TEXT_COLOUR = '#111827';

const PALETTE: ReadonlyArray<readonly [string, string]> = [
  ['#dbeafe', '#1d4ed8'],
  ['#dcfce7', '#15803d'],
  ['#fef3c7', '#b45309'],
  ['#fce7f3', '#be185d'],
  ['#ede9fe', '#6d28d9'],
  ['#ccfbf1', '#0f766e'],
  ['#ffedd5', '#c2410c'],
  ['#e0e7ff', '#4338ca'],
  ['#ecfccb', '#4d7c0f'],
  ['#fae8ff', '#a21caf'],
  ['#cffafe', '#0e7490'],
  ['#f1f5f9', '#475569'],
];

/**
 * The colour of the service at `index` in the problem's service list (the palette repeats after
 * twelve services).
 *
 * @example
 * ```ts
 * serviceColour(0); // { background: '#dbeafe', edge: '#1d4ed8', text: '#111827' }
 * ```
 */
export function serviceColour(index: number): ServiceColour {
  const [background, edge] = PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length] ?? PALETTE[0] ?? ['#ffffff', '#000000'];
  return { background, edge, text: TEXT_COLOUR };
}

/**
 * How many colours the palette has before it repeats.
 *
 * @example
 * ```ts
 * serviceColour(paletteSize()); // the same as serviceColour(0)
 * ```
 */
export function paletteSize(): number {
  return PALETTE.length;
}

/**
 * The WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21).
 *
 * @example
 * ```ts
 * contrastRatio('#000000', '#ffffff'); // 21
 * ```
 */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function luminance(hex: string): number {
  const channel = (offset: number): number => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.039_28 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
