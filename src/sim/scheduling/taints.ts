/**
 * Taints and tolerations: core/v1 `Toleration.ToleratesTaint` and component-helpers/scheduling/corev1
 * (`TolerationsTolerateTaint`, `FindMatchingUntoleratedTaint`). Shared by the scheduler's
 * TaintToleration filter, the DaemonSet controller and taint-based eviction.
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { isQualifiedName, isValidLabelValue } from '../labels/validation';

/** Toleration.ToleratesTaint: an empty effect or key matches all; operator defaults to Equal. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tolerations: Toleration[] | undefined | null, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** The first taint (after the filter) that no toleration tolerates, or undefined. */
export function findMatchingUntoleratedTaint(
  taints: Taint[] | undefined | null,
  tolerations: Toleration[] | undefined | null,
  inclusionFilter?: (t: Taint) => boolean,
): Taint | undefined {
  return (taints ?? [])
    .filter((t) => !inclusionFilter || inclusionFilter(t))
    .find((t) => !tolerationsTolerateTaint(tolerations, t));
}

/** v1helper.GetMatchingTolerations: ok when every taint is tolerated; the tolerations that matched. */
export function getMatchingTolerations(
  taints: Taint[] | undefined | null,
  tolerations: Toleration[] | undefined | null,
): { ok: boolean; matched: Toleration[] } {
  const matched: Toleration[] = [];
  for (const taint of taints ?? []) {
    const t = (tolerations ?? []).find((tol) => toleratesTaint(tol, taint));
    if (!t) return { ok: false, matched: [] };
    matched.push(t);
  }
  return { ok: true, matched };
}

/** Taint.ToString: `key=value:Effect`, `key:Effect`, `key=value:` or `key`. */
export function taintToString(t: Taint): string {
  const value = t.value ?? '';
  if (!t.effect) return value ? `${t.key}=${value}:` : t.key;
  return value ? `${t.key}=${value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** Taint.MatchTaint: same key and effect (the value does not matter). */
export function matchTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

/** Go's `%v` of a core/v1 Taint struct: `{key value NoSchedule <nil>}`. */
function goTaint(t: Taint): string {
  return `{${t.key} ${t.value ?? ''} ${t.effect ?? ''} ${t.timeAdded ? t.timeAdded : '<nil>'}}`;
}

const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/**
 * kubectl taint's parseTaint: `key=value:Effect`, `key:Effect` or `key` (the last only for
 * removal). Throws kubectl's message, e.g. `invalid taint effect: Foo, unsupported taint effect`.
 */
export function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) {
    key = parts[0];
  } else if (parts.length === 2) {
    effect = parts[1];
    if (!taintEffects.includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0].split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${spec}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length) throw new Error(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
    }
  } else {
    throw new Error(`invalid taint spec: ${spec}`);
  }
  const errs = isQualifiedName(key);
  if (errs.length) throw new Error(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
  const taint: Taint = { key, effect };
  if (value) taint.value = value;
  return taint;
}

/**
 * kubectl taint's parseTaints: specs ending in `-` remove (by key and effect, or by key alone),
 * the others add and must name an effect, once per key and effect.
 */
export function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push({ key: t.key, effect: t.effect });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new Error(`invalid taint spec: ${spec}`);
    const id = `${t.effect}\u0000${t.key}`;
    if (seen.has(id)) throw new Error(`duplicated taints with the same key and effect: ${goTaint(t)}`);
    seen.add(id);
    add.push(t);
  }
  return { add, remove };
}

/**
 * kubectl taint's reorganizeTaints: the node's new taint list and the word kubectl prints
 * (`node/worker-1 tainted`, `untainted` or `modified`), plus `taint "k:NoSchedule" not found`
 * errors for removals that matched nothing.
 */
export function reorganizeTaints(
  oldTaints: Taint[] | undefined | null,
  overwrite: boolean,
  toAdd: Taint[],
  toRemove: Taint[],
): { operation: 'modified' | 'tainted' | 'untainted'; taints: Taint[]; errors: string[] } {
  let taints: Taint[] = [...toAdd];
  for (const old of oldTaints ?? []) if (!taints.some((t) => matchTaint(t, old))) taints.push(old);
  const added = (oldTaints ?? []).length !== taints.length;
  const errors: string[] = [];
  let removed = false;
  for (const r of toRemove) {
    const before = taints.length;
    taints = r.effect ? taints.filter((t) => !matchTaint(r, t)) : taints.filter((t) => t.key !== r.key);
    removed = taints.length !== before;
    if (!removed) errors.push(`taint ${JSON.stringify(taintToString(r))} not found`);
  }
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}

/**
 * kubectl taint's checkIfTaintsAlreadyExists: the keys of taints to add that the node already has
 * with the same effect, joined by commas (kubectl refuses them without --overwrite).
 */
export function taintsAlreadyExisting(oldTaints: Taint[] | undefined | null, toAdd: Taint[]): string {
  const keys: string[] = [];
  for (const t of toAdd) for (const o of oldTaints ?? []) if (matchTaint(t, o)) keys.push(t.key);
  return keys.join(',');
}

/** The filter the scheduler and the DaemonSet controller use: only NoSchedule and NoExecute repel. */
export const doNotScheduleTaintsFilter = (t: Taint): boolean => t.effect === 'NoSchedule' || t.effect === 'NoExecute';
