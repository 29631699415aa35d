/**
 * JSON with every object's keys in sorted order, as Go marshals a map: the text of kubectl's
 * last-applied-configuration annotation, and the engine's canonical form for comparing objects.
 */
import { sortStrings } from './strings';

/** The last-applied-configuration annotation: the manifest as compact JSON, as kubectl stores it. */
export function lastApplied(manifest: any): string {
  if (manifest === null || typeof manifest !== 'object') return `${sortedJson(manifest)}\n`;
  const parts: string[] = [];
  sortedJsonParts(manifest, parts);
  parts.push('\n');
  return parts.join('');
}

/**
 * JSON.stringify with every object's keys in sorted order (as Go marshals a map), built in one
 * pass. The pieces are joined once, so that the text is one flat string and not a tree of
 * concatenations (the annotation it becomes lives as long as its object).
 */
export function sortedJson(v: any): string | undefined {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const parts: string[] = [];
  sortedJsonParts(v, parts);
  return parts.join('');
}

function sortedJsonParts(v: any, parts: string[]): void {
  if (Array.isArray(v)) {
    parts.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i) parts.push(',');
      const x = v[i];
      if (x !== null && typeof x === 'object') sortedJsonParts(x, parts);
      else parts.push(jsonScalar(x) ?? 'null');
    }
    parts.push(']');
    return;
  }
  parts.push('{');
  let first = true;
  const keys = sortStrings(Object.keys(v));
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const x = v[k];
    if (x !== null && typeof x === 'object') {
      parts.push(jsonKey(k, first));
      first = false;
      sortedJsonParts(x, parts);
      continue;
    }
    const text = jsonScalar(x);
    if (text === undefined) continue;
    parts.push(jsonKey(k, first), text);
    first = false;
  }
  parts.push('}');
}

/** Strings JSON.stringify quotes as they are: printable ASCII without `"` and `\`. */
const JSON_PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** JSON.stringify of a scalar (undefined for what JSON leaves out). */
function jsonScalar(x: unknown): string | undefined {
  return typeof x === 'string' && JSON_PLAIN.test(x) ? `"${x}"` : JSON.stringify(x);
}

/** `"key":` (after a comma unless first), remembered per key: manifests use the same few keys. */
const quotedKeys = new Map<string, string>();
function jsonKey(k: string, first: boolean): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = `${JSON.stringify(k)}:`;
    if (quotedKeys.size < 5000) quotedKeys.set(k, q);
  }
  return first ? q : `,${q}`;
}
