/**
 * Taints and tolerations: core/v1 `Toleration.ToleratesTaint` and component-helpers/scheduling/corev1
 * (`TolerationsTolerateTaint`, `FindMatchingUntoleratedTaint`). Shared by the scheduler's
 * TaintToleration filter, the DaemonSet controller and taint-based eviction.
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';

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

/** Taint.ToString: `key=value:Effect`, or `key:Effect` without a value. */
export function taintToString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** The filter the scheduler and the DaemonSet controller use: only NoSchedule and NoExecute repel. */
export const doNotScheduleTaintsFilter = (t: Taint): boolean => t.effect === 'NoSchedule' || t.effect === 'NoExecute';
