/**
 * Canonical JSON: object keys sorted (recursively), no whitespace, `undefined` members dropped
 * (`null` in arrays), typed arrays as plain arrays, non-finite numbers as strings. Two inputs that
 * mean the same give the same text: the store's record ids and the screen's job ids hash it.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

/** The value canonicalJson writes (sorted keys, plain arrays), as a JSON-ready value. */
export function canonicalize(v: unknown): unknown {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    return v;
  }
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>, (x) => canonicalize(x));
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : canonicalize(x)));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = canonicalize(x);
  }
  return out;
}
