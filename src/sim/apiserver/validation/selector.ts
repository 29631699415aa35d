/**
 * metav1.LabelSelectorAsSelector as validation uses it: a nil selector selects nothing, an empty
 * one selects everything, and a selector with an unknown operator or wrong value count fails to
 * convert (validation then skips the "does not match template labels" check, as upstream does).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export type SelectorMatcher = (labels: Record<string, string> | undefined) => boolean;

export function labelSelectorAsSelector(sel: LabelSelector | undefined | null): SelectorMatcher | undefined {
  if (sel === undefined || sel === null) return () => false;
  const ml = sel.matchLabels ?? {};
  const exprs = sel.matchExpressions ?? [];
  for (const e of exprs) {
    const n = (e.values ?? []).length;
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (n === 0) return undefined;
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (n !== 0) return undefined;
    } else return undefined;
  }
  return (labels) => {
    const l = labels ?? {};
    for (const [k, v] of Object.entries(ml)) if (l[k] !== v) return false;
    for (const e of exprs) {
      const has = Object.prototype.hasOwnProperty.call(l, e.key);
      const vals = e.values ?? [];
      if (e.operator === 'In' && !(has && vals.includes(l[e.key]))) return false;
      if (e.operator === 'NotIn' && has && vals.includes(l[e.key])) return false;
      if (e.operator === 'Exists' && !has) return false;
      if (e.operator === 'DoesNotExist' && has) return false;
    }
    return true;
  };
}
