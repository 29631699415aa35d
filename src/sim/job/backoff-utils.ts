/**
 * backoff_utils.go: the pod-failure back-off. After a failure the next pod waits 10 s, doubling
 * per consecutive failure to 10 minutes; a success resets the count. With backoffLimitPerIndex
 * each index keeps its own count in the failed pod's job-index-failure-count annotation.
 */
import { parseTime } from '../time';
import type { Pod } from 'kubernetes-types/core/v1';

/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff, in seconds. */
export const DefaultJobPodFailureBackOff = 10;
export const MaxJobPodFailureBackOff = 600;

/** backoffRecord (without its key): times are epoch milliseconds, so the record is plain JSON. */
export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

/**
 * getFinishedTime: the latest finish of the containers when all have terminated, else the
 * transition of Ready to False, else the deletion time less the grace period, else creation.
 */
export function getFinishedTime(p: Pod): number {
  const statuses = p.status?.containerStatuses ?? [];
  let latest: number | undefined;
  for (const cs of statuses) {
    const f = cs.state?.terminated?.finishedAt;
    if (!f) {
      latest = undefined;
      break;
    }
    latest = Math.max(latest ?? -Infinity, parseTime(f));
  }
  if (latest !== undefined) return latest;
  const ready = (p.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready?.status === 'False' && ready.lastTransitionTime) return parseTime(ready.lastTransitionTime);
  if (p.metadata?.deletionTimestamp)
    return parseTime(p.metadata.deletionTimestamp) - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return parseTime(p.metadata?.creationTimestamp ?? '') || 0;
}

const byFinishedTime = (pods: Pod[]) =>
  pods
    .map((p) => ({ p, at: getFinishedTime(p) }))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.at);

/**
 * newBackoffRecord: the record after this sync's newly finished pods. Failures only add to the
 * count; a success resets it, counting only the failures that finished after the last success.
 */
export function newBackoffRecord(
  old: BackoffRecord | undefined,
  newSucceededPods: Pod[],
  newFailedPods: Pod[],
): BackoffRecord {
  const b: BackoffRecord = {
    failuresAfterLastSuccess: old?.failuresAfterLastSuccess ?? 0,
    lastFailureTime: old?.lastFailureTime,
  };
  const succeeded = byFinishedTime(newSucceededPods);
  const failed = byFinishedTime(newFailedPods);
  if (succeeded.length === 0) {
    if (failed.length === 0) return b;
    return { failuresAfterLastSuccess: b.failuresAfterLastSuccess + failed.length, lastFailureTime: failed.at(-1) };
  }
  const out: BackoffRecord = { failuresAfterLastSuccess: 0 };
  const lastSuccess = succeeded.at(-1)!;
  for (let i = failed.length - 1; i >= 0 && failed[i] > lastSuccess; i--) {
    out.lastFailureTime ??= failed[i];
    out.failuresAfterLastSuccess++;
  }
  return out;
}

/** getRemainingTimeForFailuresCount, in milliseconds. */
export function getRemainingTimeForFailuresCount(
  now: number,
  failuresCount: number,
  lastFailureTime: number | undefined,
): number {
  if (failuresCount === 0 || lastFailureTime === undefined) return 0;
  let backoff = DefaultJobPodFailureBackOff * 1000;
  for (let i = 1; i < failuresCount; i++) {
    backoff *= 2;
    if (backoff >= MaxJobPodFailureBackOff * 1000) {
      backoff = MaxJobPodFailureBackOff * 1000;
      break;
    }
  }
  const elapsed = now - lastFailureTime;
  return backoff < elapsed ? 0 : backoff - elapsed;
}

/** backoffRecord.getRemainingTime: how long before the next pod may be created, in milliseconds. */
export function remainingBackoff(record: BackoffRecord | undefined, now: number): number {
  return getRemainingTimeForFailuresCount(now, record?.failuresAfterLastSuccess ?? 0, record?.lastFailureTime);
}

/** getRemainingTimePerIndex: the back-off of one index, from its last failed pod's annotations. */
export function getRemainingTimePerIndex(
  now: number,
  lastFailedPod: Pod | undefined,
  absoluteFailures: number,
): number {
  if (!lastFailedPod) return 0;
  return getRemainingTimeForFailuresCount(now, absoluteFailures + 1, getFinishedTime(lastFailedPod));
}
