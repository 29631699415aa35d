/**
 * Pod predicates the Job controller shares with its helpers: isPodFailed and
 * onlyReplaceFailedPods (job_controller.go), and controller.FilterActivePods,
 * CountTerminatingPods and the ActivePods deletion order (pkg/controller/controller_utils.go).
 */
import { parseTime } from '../time';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';

export const JobCompletionIndexAnnotation = 'batch.kubernetes.io/job-completion-index';
export const JobIndexFailureCountAnnotation = 'batch.kubernetes.io/job-index-failure-count';
export const JobIndexIgnoredFailureCountAnnotation = 'batch.kubernetes.io/job-index-ignored-failure-count';
export const JobTrackingFinalizer = 'batch.kubernetes.io/job-tracking';

/** Whether a pod still carries the job-tracking finalizer (is not counted in the Job's status yet). */
export type HasFinalizer = (p: Pod) => boolean;
export const hasJobTrackingFinalizer: HasFinalizer = (p) =>
  p.metadata?.finalizers?.includes(JobTrackingFinalizer) ?? false;

/**
 * onlyReplaceFailedPods: podReplacementPolicy Failed (the default when podFailurePolicy is set)
 * replaces a pod only once it is Failed, not while it is terminating.
 */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec?.podReplacementPolicy === 'Failed' || !!job.spec?.podFailurePolicy;
}

/** isPodFailed: Failed, or (unless only failed pods are replaced) deleted before it succeeded. */
export function isPodFailed(p: Pod, job: Job): boolean {
  if (p.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded';
}

export const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** controller.FilterActivePods: not terminal and not being deleted. */
export const isActive = (p: Pod) => !isTerminal(p) && !p.metadata?.deletionTimestamp;

/** controller.FilterTerminatingPods / CountTerminatingPods: being deleted and not terminal yet. */
export const isTerminating = (p: Pod) => !!p.metadata?.deletionTimestamp && !isTerminal(p);

export function isPodReady(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

const phaseOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const readySince = (p: Pod) => {
  const c = (p.status?.conditions ?? []).find((x) => x.type === 'Ready' && x.status === 'True');
  return c?.lastTransitionTime ? parseTime(c.lastTransitionTime) : undefined;
};
const maxRestarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
const created = (p: Pod) => (p.metadata?.creationTimestamp ? parseTime(p.metadata.creationTimestamp) : undefined);

/**
 * controller.ActivePods' Less: the pods to delete first come first. Unassigned < assigned,
 * Pending < Unknown < Running, not ready < ready, ready for less time < more, more restarts <
 * fewer, newer < older (then by name, as Go's sort is not stable and the sim must be).
 */
export function activePodsLess(a: Pod, b: Pod): number {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const pa = phaseOrdinal[a.status?.phase ?? ''] ?? 0;
  const pb = phaseOrdinal[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  if (ra && rb) {
    const ta = readySince(a);
    const tb = readySince(b);
    if (ta !== tb) {
      if (ta === undefined) return -1;
      if (tb === undefined) return 1;
      return tb - ta;
    }
  }
  const ca = maxRestarts(a);
  const cb = maxRestarts(b);
  if (ca !== cb) return cb - ca;
  const ka = created(a);
  const kb = created(b);
  if (ka !== kb) {
    if (ka === undefined) return -1;
    if (kb === undefined) return 1;
    return kb - ka;
  }
  const x = a.metadata?.name ?? '';
  const y = b.metadata?.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
