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
