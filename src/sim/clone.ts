/**
 * A deep copy of JSON-shaped data (plain objects, arrays, strings, numbers, booleans, null),
 * which is all the API objects are, with JSON's rules: object keys whose value is undefined are
 * left out, undefined array items become null. Several times faster than structuredClone or a
 * JSON round trip for the small, nested objects the engine copies on every write.
 */
export function clone<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      out[i] = x === undefined ? null : typeof x === 'object' && x !== null ? clone(x) : x;
    }
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined) continue;
    out[k] = typeof x === 'object' && x !== null ? clone(x) : x;
  }
  return out as T;
}

/**
 * Whether JSON.stringify(a) === JSON.stringify(b), without building the strings: the same keys in
 * the same order (undefined values left out) and the same values, for JSON-shaped data.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const oa = a as Record<string, unknown>;
  const ob = b as Record<string, unknown>;
  const ka = Object.keys(oa);
  const kb = Object.keys(ob);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < ka.length && oa[ka[i]] === undefined) i++;
    while (j < kb.length && ob[kb[j]] === undefined) j++;
    if (i === ka.length || j === kb.length) return i === ka.length && j === kb.length;
    if (ka[i] !== kb[j] || !sameJson(oa[ka[i]], ob[kb[j]])) return false;
    i++;
    j++;
  }
}
