/**
 * metav1.LabelSelectorAsSelector as validation uses it: a nil selector selects nothing, an empty
 * one selects everything, and a selector with an unknown operator or wrong value count fails to
 * convert (validation then skips the "does not match template labels" check, as upstream does).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { labelSelectorAsSelector as asSelector } from '../../labels/selector';

export type SelectorMatcher = (labels: Record<string, string> | undefined) => boolean;

export function labelSelectorAsSelector(sel: LabelSelector | undefined | null): SelectorMatcher | undefined {
  try {
    const selector = asSelector(sel);
    return (labels) => selector.matches(labels);
  } catch {
    return undefined;
  }
}
