/**
 * success_policy.go: spec.successPolicy of an Indexed Job (GA in 1.33). The first rule whose
 * succeededIndexes all succeeded (or, with succeededCount, that many of them), or whose
 * succeededCount indexes succeeded, declares the Job succeeded ("Matched rules at index N").
 */
import type { SuccessPolicy } from 'kubernetes-types/batch/v1';
import { parseIndexesFromString, total, type OrderedIntervals } from './indexed-job-utils';

export function matchSuccessPolicy(
  successPolicy: SuccessPolicy | undefined | null,
  completions: number,
  succeededIndexes: OrderedIntervals,
): { message: string; met: boolean } {
  if (!successPolicy || succeededIndexes.length === 0) return { message: '', met: false };
  for (const [index, rule] of (successPolicy.rules ?? []).entries()) {
    if (rule.succeededIndexes !== undefined && rule.succeededIndexes !== null) {
      const required = parseIndexesFromString(rule.succeededIndexes, completions);
      if (required.length === 0) continue;
      if (matchSucceededIndexesRule(required, succeededIndexes, rule.succeededCount))
        return { message: `Matched rules at index ${index}`, met: true };
    } else if (
      rule.succeededCount !== undefined &&
      rule.succeededCount !== null &&
      total(succeededIndexes) >= rule.succeededCount
    )
      return { message: `Matched rules at index ${index}`, met: true };
  }
  return { message: '', met: false };
}

/** matchSucceededIndexesRule: the rule's indexes all succeeded, or at least succeededCount of them. */
export function matchSucceededIndexesRule(
  ruleIndexes: OrderedIntervals,
  succeededIndexes: OrderedIntervals,
  succeededCount?: number | null,
): boolean {
  let contains = 0;
  let s = 0;
  let r = 0;
  while (r < ruleIndexes.length && s < succeededIndexes.length) {
    const overlap =
      Math.min(ruleIndexes[r][1], succeededIndexes[s][1]) - Math.max(ruleIndexes[r][0], succeededIndexes[s][0]) + 1;
    if (overlap > 0) contains += overlap;
    if (succeededIndexes[s][1] < ruleIndexes[r][1]) s++;
    else if (succeededIndexes[s][1] > ruleIndexes[r][1]) r++;
    else {
      s++;
      r++;
    }
  }
  return contains === total(ruleIndexes) || (succeededCount != null && contains >= succeededCount);
}
