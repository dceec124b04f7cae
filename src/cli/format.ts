/** Small text-formatting helpers shared by CLI commands. */

/** Two-column key/value table. */
export function table(rows: readonly (readonly [string, string])[], indent = ''): string {
  const width = Math.max(0, ...rows.map((r) => r[0].length)) + 2;
  return rows.map(([k, v]) => `${indent}${k.padEnd(width)}${v}`).join('\n');
}

/** A number with fixed decimals, or "unavailable". */
export function num(x: number | null | undefined, digits: number): string {
  return x === null || x === undefined || !Number.isFinite(x) ? 'unavailable' : x.toFixed(digits);
}

/** Signed charge text: −3, +2, 0 (Unicode minus for readability). */
export function chargeText(z: number): string {
  return z === 0 ? '0' : z < 0 ? `−${-z}` : `+${z}`;
}

/** Composition in the given key order: "Ag29 C156 H108". */
export function compositionText(c: Readonly<Record<string, number>>, order?: readonly string[]): string {
  const keys = order ?? Object.keys(c);
  return keys
    .filter((k) => c[k])
    .map((k) => `${k}${c[k] === 1 ? '' : c[k]}`)
    .join(' ');
}

/** Print JSON exactly as the report object, two-space indented. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
