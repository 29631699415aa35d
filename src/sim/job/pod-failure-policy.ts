/**
 * pod_failure_policy.go: which rule of spec.podFailurePolicy a failed pod matches, in order, by
 * the exit codes of its terminated containers (non-zero only) or by its conditions.
 */
import type { PodFailurePolicy, PodFailurePolicyOnExitCodesRequirement } from 'kubernetes-types/batch/v1';
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';

export type PodFailurePolicyAction = 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';

/**
 * matchPodFailurePolicy returns the Job failure message (a FailJob rule matched), whether the
 * failure counts toward backoffLimit / backoffLimitPerIndex (not for Ignore), and the action.
 * A rule with an unknown action or operator is skipped.
 */
export function matchPodFailurePolicy(
  policy: PodFailurePolicy | undefined | null,
  failedPod: Pod,
): { message?: string; countFailed: boolean; action?: PodFailurePolicyAction } {
  if (!policy) return { countFailed: true };
  const ns = failedPod.metadata?.namespace ?? '';
  const name = failedPod.metadata?.name ?? '';
  for (const [index, rule] of (policy.rules ?? []).entries()) {
    let matched: { exit?: ContainerStatus; condition?: string } | undefined;
    if (rule.onExitCodes) {
      const cs = matchOnExitCodes(failedPod, rule.onExitCodes);
      if (cs) matched = { exit: cs };
    } else if (rule.onPodConditions) {
      const c = (failedPod.status?.conditions ?? []).find((pc) =>
        rule.onPodConditions!.some((p) => p.type === pc.type && (p.status ?? 'True') === pc.status),
      );
      if (c) matched = { condition: c.type };
    }
    if (!matched) continue;
    switch (rule.action) {
      case 'Ignore':
        return { countFailed: false, action: 'Ignore' };
      case 'FailIndex':
        return { countFailed: true, action: 'FailIndex' };
      case 'Count':
        return { countFailed: true, action: 'Count' };
      case 'FailJob': {
        const message = matched.exit
          ? `Container ${matched.exit.name} for pod ${ns}/${name} failed with exit code ${matched.exit.state!.terminated!.exitCode} matching FailJob rule at index ${index}`
          : `Pod ${ns}/${name} has condition ${matched.condition} matching FailJob rule at index ${index}`;
        return { message, countFailed: true, action: 'FailJob' };
      }
    }
  }
  return { countFailed: true };
}

/** matchOnExitCodes: the first terminated container (then init container) whose exit code matches. */
function matchOnExitCodes(pod: Pod, req: PodFailurePolicyOnExitCodesRequirement): ContainerStatus | undefined {
  return (
    matchingContainer(pod.status?.containerStatuses, req) ?? matchingContainer(pod.status?.initContainerStatuses, req)
  );
}

function matchingContainer(
  statuses: ContainerStatus[] | undefined,
  req: PodFailurePolicyOnExitCodesRequirement,
): ContainerStatus | undefined {
  for (const cs of statuses ?? []) {
    const t = cs.state?.terminated;
    if (!t) continue;
    if (req.containerName && req.containerName !== cs.name) continue;
    if (t.exitCode !== 0 && isOnExitCodesOperatorMatching(t.exitCode, req)) return cs;
  }
  return undefined;
}

function isOnExitCodesOperatorMatching(code: number, req: PodFailurePolicyOnExitCodesRequirement): boolean {
  if (req.operator === 'In') return req.values.includes(code);
  if (req.operator === 'NotIn') return !req.values.includes(code);
  return false;
}
