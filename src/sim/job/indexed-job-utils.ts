/**
 * indexed_job_utils.go: completion indexes of Indexed Jobs. Index sets are ordered intervals
 * (`[first, last]`, inclusive), written in status as "0-2,4" (completedIndexes, failedIndexes).
 * Functions that ask whether a pod is counted yet take `hasFinalizer` (upstream reads the
 * batch.kubernetes.io/job-tracking finalizer; the controller passes its own bookkeeping).
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { getFinishedTime } from './backoff-utils';
import {
  activePodsLess,
  hasJobTrackingFinalizer,
  isPodFailed,
  isTerminating,
  JobCompletionIndexAnnotation,
  JobIndexFailureCountAnnotation,
  JobIndexIgnoredFailureCountAnnotation,
  onlyReplaceFailedPods,
  type HasFinalizer,
} from './util';

export const unknownCompletionIndex = -1;
/** names.MaxGeneratedNameLength: 63 minus the 5 random characters. */
const MaxGeneratedNameLength = 58;
const MaxInt32 = 2147483647;

export type Interval = [first: number, last: number];
export type OrderedIntervals = Interval[];

export const isIndexedJob = (job: Job) => job.spec?.completionMode === 'Indexed';
export const hasBackoffLimitPerIndex = (job: Job) =>
  job.spec?.backoffLimitPerIndex !== undefined && job.spec?.backoffLimitPerIndex !== null;

/** getCompletionIndex: the annotation as a non-negative integer, else unknownCompletionIndex. */
export function getCompletionIndex(annotations: Record<string, string> | undefined | null): number {
  const v = annotations?.[JobCompletionIndexAnnotation];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return unknownCompletionIndex;
  const i = Number(v);
  return i < 0 || !Number.isSafeInteger(i) ? unknownCompletionIndex : i;
}

/** merge: the union of two ordered interval lists, adjacent intervals joined. */
export function merge(oi: OrderedIntervals, newOi: OrderedIntervals): OrderedIntervals {
  const result: OrderedIntervals = [];
  const add = (iv: Interval) => {
    const last = result[result.length - 1];
    if (!last || iv[0] > last[1] + 1) result.push([iv[0], iv[1]]);
    else if (last[1] < iv[1]) last[1] = iv[1];
  };
  let i = 0;
  let j = 0;
  while (i < oi.length && j < newOi.length) {
    if (oi[i][0] < newOi[j][0]) add(oi[i++]);
    else add(newOi[j++]);
  }
  while (i < oi.length) add(oi[i++]);
  while (j < newOi.length) add(newOi[j++]);
  return result;
}

/** withOrderedIndexes: the intervals plus indexes given in increasing order. */
export function withOrderedIndexes(oi: OrderedIntervals, newIndexes: number[]): OrderedIntervals {
  return merge(
    oi,
    newIndexes.map((x) => [x, x]),
  );
}

export function total(oi: OrderedIntervals | undefined): number {
  let n = 0;
  for (const [a, b] of oi ?? []) n += b - a + 1;
  return n;
}

/** orderedIntervals.String(): "1,3-5,7"; two consecutive numbers are written "1,2". */
export function intervalsString(oi: OrderedIntervals): string {
  return oi.map(([a, b]) => (b > a ? `${a}${b === a + 1 ? ',' : '-'}${b}` : `${a}`)).join(',');
}

/** orderedIntervals.has: binary search. */
export function has(oi: OrderedIntervals | undefined, ix: number): boolean {
  if (!oi) return false;
  let lo = 0;
  let hi = oi.length;
  while (hi > lo) {
    const mid = lo + ((hi - lo) >> 1);
    if (oi[mid][1] >= ix) hi = mid;
    else lo = mid + 1;
  }
  return hi < oi.length && oi[hi][0] <= ix;
}

/** parseIndexesFromString: corrupted intervals are skipped, indexes >= completions dropped. */
export function parseIndexesFromString(s: string | undefined | null, completions: number): OrderedIntervals {
  if (!s) return [];
  const result: OrderedIntervals = [];
  const atoi = (x: string) => (/^[+-]?\d+$/.test(x) ? Number(x) : NaN);
  for (const part of s.split(',')) {
    const limits = part.split('-');
    const first = atoi(limits[0]);
    if (Number.isNaN(first)) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      last = atoi(limits[1]);
      if (Number.isNaN(last)) continue;
      if (last >= completions) last = completions - 1;
    }
    const prev = result[result.length - 1];
    if (prev && prev[1] === first - 1) prev[1] = last;
    else result.push([first, last]);
  }
  return result;
}

/**
 * calculateSucceededIndexes: the indexes in status.completedIndexes, and those plus the indexes
 * of succeeded pods not counted yet.
 */
export function calculateSucceededIndexes(
  job: Job,
  pods: Pod[],
  hasFinalizer: HasFinalizer = hasJobTrackingFinalizer,
): [OrderedIntervals, OrderedIntervals] {
  const completions = job.spec?.completions ?? 0;
  const prev = parseIndexesFromString(job.status?.completedIndexes, completions);
  const fresh = new Set<number>();
  for (const p of pods) {
    if (p.status?.phase !== 'Succeeded') continue;
    const ix = getCompletionIndex(p.metadata?.annotations);
    if (ix !== unknownCompletionIndex && ix < completions && hasFinalizer(p)) fresh.add(ix);
  }
  return [
    prev,
    withOrderedIndexes(
      prev,
      [...fresh].sort((a, b) => a - b),
    ),
  ];
}

/** calculateFailedIndexes: status.failedIndexes plus the indexes that failed since the last sync. */
export function calculateFailedIndexes(
  job: Job,
  pods: Pod[],
  hasFinalizer: HasFinalizer = hasJobTrackingFinalizer,
): OrderedIntervals {
  const completions = job.spec?.completions ?? 0;
  const prev = parseIndexesFromString(job.status?.failedIndexes, completions);
  const fresh = new Set<number>();
  for (const p of pods) {
    const ix = getCompletionIndex(p.metadata?.annotations);
    if (ix !== unknownCompletionIndex && ix < completions && hasFinalizer(p) && isIndexFailed(job, p)) fresh.add(ix);
  }
  return withOrderedIndexes(
    prev,
    [...fresh].sort((a, b) => a - b),
  );
}

/** isIndexFailed: a FailIndex rule matched, or a counted failure reached backoffLimitPerIndex. */
export function isIndexFailed(job: Job, pod: Pod): boolean {
  let counted = false;
  if (isPodFailed(pod, job)) {
    if (job.spec?.podFailurePolicy) {
      const m = matchPodFailurePolicy(job.spec.podFailurePolicy, pod);
      if (m.action === 'FailIndex') return true;
      counted = m.countFailed;
    } else counted = true;
  }
  return counted && getIndexFailureCount(pod) >= (job.spec?.backoffLimitPerIndex ?? 0);
}

/** What firstPendingIndexes and getPodsWithDelayedDeletionPerIndex read of syncJobCtx. */
export interface IndexContext {
  job: Job;
  pods?: Pod[];
  activePods: Pod[];
  succeededIndexes: OrderedIntervals;
  failedIndexes?: OrderedIntervals;
  hasFinalizer?: HasFinalizer;
}

function getIndexes(pods: Pod[]): number[] {
  const s = new Set<number>();
  for (const p of pods) {
    const ix = getCompletionIndex(p.metadata?.annotations);
    if (ix !== unknownCompletionIndex) s.add(ix);
  }
  return [...s].sort((a, b) => a - b);
}

/**
 * firstPendingIndexes: the first `count` indexes below `completions` that no active pod holds and
 * that have not succeeded or failed (nor, with podReplacementPolicy Failed, are held by a
 * terminating pod).
 */
export function firstPendingIndexes(ctx: IndexContext, count: number, completions: number): number[] {
  if (count === 0) return [];
  const result: number[] = [];
  let nonPending = withOrderedIndexes(ctx.succeededIndexes, getIndexes(ctx.activePods));
  if (onlyReplaceFailedPods(ctx.job))
    nonPending = withOrderedIndexes(nonPending, getIndexes((ctx.pods ?? []).filter(isTerminating)));
  if (ctx.failedIndexes) nonPending = merge(nonPending, ctx.failedIndexes);
  let candidate = 0;
  for (const [first, last] of nonPending) {
    for (; candidate < completions && result.length < count && candidate < first; candidate++) result.push(candidate);
    if (candidate < last + 1) candidate = last + 1;
  }
  for (; candidate < completions && result.length < count; candidate++) result.push(candidate);
  return result;
}

const byCompletionIndex = (a: Pod, b: Pod) =>
  getCompletionIndex(a.metadata?.annotations) - getCompletionIndex(b.metadata?.annotations);

/**
 * appendDuplicatedIndexPodsForRemoval: of the active pods, those without a valid index or with an
 * index >= completions go to `rm`, and of the pods sharing an index all but the one to keep
 * (the last in ActivePods order).
 */
export function appendDuplicatedIndexPodsForRemoval(
  rm: Pod[],
  left: Pod[],
  pods: Pod[],
  completions: number,
): [Pod[], Pod[]] {
  const sorted = [...pods].sort(byCompletionIndex);
  let lastIndex = unknownCompletionIndex;
  let firstRepeatPos = 0;
  let countLooped = 0;
  const flush = (group: Pod[], ix: number) => {
    if (ix === unknownCompletionIndex) rm.push(...group);
    else if (group.length === 1) left.push(group[0]);
    else if (group.length > 1) {
      const g = [...group].sort(activePodsLess);
      rm.push(...g.slice(0, -1));
      left.push(g[g.length - 1]);
    }
  };
  for (let i = 0; i < sorted.length; i++) {
    const ix = getCompletionIndex(sorted[i].metadata?.annotations);
    if (ix >= completions) {
      rm.push(...sorted.slice(i));
      break;
    }
    if (ix !== lastIndex) {
      flush(sorted.slice(firstRepeatPos, i), lastIndex);
      firstRepeatPos = i;
      lastIndex = ix;
    }
    countLooped++;
  }
  flush(sorted.slice(firstRepeatPos, countLooped), lastIndex);
  return [rm, left];
}

/**
 * getPodsWithDelayedDeletionPerIndex: per index that is neither succeeded, failed nor active,
 * the last failed pod, kept (finalizer not removed) until its replacement copies its failure
 * count annotation.
 */
export function getPodsWithDelayedDeletionPerIndex(ctx: IndexContext): Map<number, Pod> {
  const hasFinalizer = ctx.hasFinalizer ?? hasJobTrackingFinalizer;
  const completions = ctx.job.spec?.completions ?? 0;
  const active = new Set(getIndexes(ctx.activePods));
  const out = new Map<number, Pod>();
  for (const p of ctx.pods ?? []) {
    if (!hasFinalizer(p) || !isPodFailed(p, ctx.job)) continue;
    const ix = getCompletionIndex(p.metadata?.annotations);
    if (ix === unknownCompletionIndex || ix >= completions) continue;
    if (has(ctx.succeededIndexes, ix) || has(ctx.failedIndexes, ix) || active.has(ix)) continue;
    const last = out.get(ix);
    if (
      !last ||
      (getIndexAbsoluteFailureCount(last) <= getIndexAbsoluteFailureCount(p) &&
        getFinishedTime(p) >= getFinishedTime(last))
    )
      out.set(ix, p);
  }
  return out;
}

function parseInt32(v: string): number {
  if (!/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n < 0 || n > MaxInt32 ? 0 : n;
}

export function getIndexFailureCount(pod: Pod): number {
  const v = pod.metadata?.annotations?.[JobIndexFailureCountAnnotation];
  return v === undefined ? 0 : parseInt32(v);
}

function getIndexIgnoredFailureCount(pod: Pod): number {
  const v = pod.metadata?.annotations?.[JobIndexIgnoredFailureCountAnnotation];
  return v === undefined ? 0 : parseInt32(v);
}

export function getIndexAbsoluteFailureCount(pod: Pod): number {
  return getIndexFailureCount(pod) + getIndexIgnoredFailureCount(pod);
}

/** getNewIndexFailureCounts: the failure-count annotations for the pod replacing `replaced`. */
export function getNewIndexFailureCounts(job: Job, replaced: Pod | undefined): [number, number] {
  if (!replaced) return [0, 0];
  let count = getIndexFailureCount(replaced);
  let ignored = getIndexIgnoredFailureCount(replaced);
  if (job.spec?.podFailurePolicy) {
    if (matchPodFailurePolicy(job.spec.podFailurePolicy, replaced).countFailed) count++;
    else ignored++;
  } else count++;
  return [count, ignored];
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut to fit the generated-name limit. */
export function podGenerateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > MaxGeneratedNameLength
    ? prefix.slice(0, MaxGeneratedNameLength - suffix.length) + suffix
    : prefix;
}
