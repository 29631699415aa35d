/**
 * The Job controller (pkg/controller/job, Kubernetes 1.34): syncJob, manageJob and
 * trackJobStatusAndRemoveFinalizers, with the pure decisions of indexed-job-utils.ts (Indexed
 * completion, completedIndexes / failedIndexes, backoffLimitPerIndex), pod-failure-policy.ts,
 * success-policy.ts and backoff-utils.ts; `sync` only carries their plans out. Modelled:
 * NonIndexed and Indexed Jobs with completions and parallelism or a work queue, the pod-failure
 * back-off (10 s doubling to 10 min, reset by a success; per index with backoffLimitPerIndex),
 * restartPolicy OnFailure restarts counting toward backoffLimit, podFailurePolicy (FailJob,
 * FailIndex, Ignore, Count), maxFailedIndexes, successPolicy, podReplacementPolicy and
 * status.terminating, activeDeadlineSeconds, suspend / resume, ttlSecondsAfterFinished, and the
 * interim FailureTarget / SuccessCriteriaMet conditions before Failed / Complete, which wait for
 * terminating pods (JobPodReplacementPolicy and JobManagedBy are on in 1.34). A Job being deleted
 * (foreground) is still synced: its pods are counted and its status written, but manageJob is not
 * called, so it gets no new pods, no deletions for parallelism and no Suspended condition.
 *
 * Where the sim simplifies:
 * - The batch.kubernetes.io/job-tracking finalizer is not written on pods. The controller keeps
 *   the same bookkeeping in `state.jobs[uid]`: `tracked` holds the pods that would still carry
 *   the finalizer (not counted in status yet), `counted` those whose finalizer would be removed.
 *   Finished pods are counted in the sync that sees them, so status.uncountedTerminatedPods
 *   stays empty and MaxUncountedPods (500) only caps how many a sync counts.
 * - A tracked pod that disappears before it was counted (upstream the finalizer would keep it,
 *   and the kubelet would mark it Failed) is counted as failed from what was last seen of it:
 *   its annotations and DisruptionTarget condition, not its containers' exit codes.
 * - Orphan pods matching the selector are not adopted, and pods are created and deleted at once
 *   (the expectations are always satisfied). A pod deletion cannot fail; a creation can (admission),
 *   and is reported as FailedCreate with the slow start stopping at the failed batch.
 * - Upstream quirk kept: a sync that waits for the back-off reports status.active 0.
 */
import { controllerRefOfKind, isControlledBy } from '../owners';
import { clone, sameJson } from '../clone';
import { rfc3339 as iso, parseTime } from '../time';
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import { labelSelectorAsSelector } from '../labels/selector';
import { getRemainingTimePerIndex, newBackoffRecord, remainingBackoff, type BackoffRecord } from './backoff-utils';
import {
  appendDuplicatedIndexPodsForRemoval,
  calculateFailedIndexes,
  calculateSucceededIndexes,
  firstPendingIndexes,
  getCompletionIndex,
  getIndexAbsoluteFailureCount,
  getNewIndexFailureCounts,
  getPodsWithDelayedDeletionPerIndex,
  has,
  hasBackoffLimitPerIndex,
  intervalsString,
  isIndexedJob,
  podGenerateNameWithIndex,
  total,
  unknownCompletionIndex,
  withOrderedIndexes,
  type OrderedIntervals,
} from './indexed-job-utils';
import { step, type JobDecision, type JobMachineEvent, type JobMachineState, type JobSyncOutcome } from './machine';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { matchSuccessPolicy } from './success-policy';
import {
  activePodsLess,
  isActive,
  isPodFailed,
  isPodReady,
  isTerminal,
  isTerminating,
  JobCompletionIndexAnnotation,
  JobIndexFailureCountAnnotation,
  JobIndexIgnoredFailureCountAnnotation,
  onlyReplaceFailedPods,
  type HasFinalizer,
} from './util';

export {
  DefaultJobPodFailureBackOff,
  MaxJobPodFailureBackOff,
  getFinishedTime,
  remainingBackoff,
} from './backoff-utils';

/** job_controller.go syncJobBatchPeriod: pod events are batched into one sync per second. */
export const SyncJobBatchPeriodMs = 1000;
/** MaxUncountedPods and MaxPodCreateDeletePerSync. */
export const MaxUncountedPods = 500;
export const MaxPodCreateDeletePerSync = 500;
/** controller.SlowStartInitialBatchSize. */
const SlowStartInitialBatchSize = 1;

export interface JobHost {
  now(): number;
  schedule(at: number, type: string, args: Record<string, unknown>): void;
  pending(type: string, match: (args: Record<string, unknown>) => boolean): boolean;
  peekAll(kind: 'Pod' | 'Job'): any[];
  peek(kind: 'Job' | 'Pod', namespace: string, name: string): any | undefined;
  /** The pods that name the Job among their owners (the informer's index by controller uid). */
  peekOwnedBy(kind: 'Pod', uid: string): any[];
  createPod(pod: Pod): { name?: string; error?: string };
  deletePod(pod: Pod): void;
  deleteJob(job: Job): void;
  writeStatus(kind: 'Job', obj: any): void;
  record(obj: any, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

/** What is remembered of a pod that would still carry the job-tracking finalizer. */
export interface TrackedPod {
  name: string;
  /** Its completion-index and failure-count annotations. */
  annotations?: Record<string, string>;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  /** A DisruptionTarget condition it had when last seen. */
  disruption?: PodCondition;
}

/** The controller's bookkeeping for one Job (by uid). */
export interface JobRecord {
  /** `namespace/name`, to drop the machine when the Job goes. */
  key: string;
  /** Pods not counted in status yet (upstream: still carrying the tracking finalizer), by uid. */
  tracked: Record<string, TrackedPod>;
  /** Pods already counted (upstream: finalizer removed) that still exist, by uid. */
  counted: Record<string, 1>;
  countedN: number;
  /** podBackoffStore's backoffRecord. */
  backoff: BackoffRecord;
}

export interface JobState {
  jobs: Record<string, JobRecord>;
  /** Each Job's reconcile-loop machine (jobMachine), by `namespace/name`. */
  machines: Record<string, JobMachineState>;
}

const byName = (a: Pod, b: Pod) => {
  const x = a.metadata?.name ?? '';
  const y = b.metadata?.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};
const nil = (v: unknown): v is null | undefined => v === undefined || v === null;

/** The number of pods manageJob wants active (a work queue keeps what runs once one pod succeeded). */
export function wantActive(job: Job, succeeded: number, active = 0): number {
  const parallelism = job.spec?.parallelism ?? 1;
  const completions = job.spec?.completions;
  if (nil(completions)) return succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(completions - succeeded, parallelism));
}

/** pastBackoffLimitOnFailure: container restarts of running or pending pods, for OnFailure Jobs. */
export function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const cs of p.status?.initContainerStatuses ?? []) restarts += cs.restartCount ?? 0;
    for (const cs of p.status?.containerStatuses ?? []) restarts += cs.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

function findCondition(job: Job, type: string): JobCondition | undefined {
  return (job.status?.conditions ?? []).find((c) => c.type === type);
}

const isTrue = (c: JobCondition | undefined) => c?.status === 'True';

export function isJobFinished(job: Job): boolean {
  return (job.status?.conditions ?? []).some(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );
}

function newCondition(type: string, status: 'True' | 'False', reason: string, message: string, now: number) {
  return { type, status, reason, message, lastProbeTime: iso(now), lastTransitionTime: iso(now) };
}

/**
 * ensureJobConditionStatus: sets a condition of that type (a new one only when not False);
 * whether the list changed.
 */
function ensureJobConditionStatus(
  list: JobCondition[],
  type: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
  now: number,
): boolean {
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i];
    if (c.status !== status || c.reason !== reason || c.message !== message) {
      list[i] = newCondition(type, status, reason, message, now);
      return true;
    }
    return false;
  }
  if (status !== 'False') {
    list.push(newCondition(type, status, reason, message, now));
    return true;
  }
  return false;
}

/** getFailJobMessage: the message of the first failed pod matching a FailJob rule. */
export function getFailJobMessage(job: Job, pods: Pod[]): string | undefined {
  if (!job.spec?.podFailurePolicy) return undefined;
  for (const p of pods)
    if (isPodFailed(p, job)) {
      const m = matchPodFailurePolicy(job.spec.podFailurePolicy, p).message;
      if (m) return m;
    }
  return undefined;
}

/**
 * getNewFinishedPods: succeeded and failed pods not counted yet (for Indexed Jobs, only those with
 * a valid index); podFailurePolicy's Ignore rules are applied later (nonIgnoredFailedPodsCount).
 */
export function getNewFinishedPods(job: Job, pods: Pod[], hasFinalizer: HasFinalizer): [Pod[], Pod[]] {
  const succeeded: Pod[] = [];
  const failed: Pod[] = [];
  const indexed = isIndexedJob(job);
  const completions = job.spec?.completions ?? 0;
  for (const p of pods) {
    if (!hasFinalizer(p)) continue;
    if (indexed) {
      const ix = getCompletionIndex(p.metadata?.annotations);
      if (ix === unknownCompletionIndex || ix >= completions) continue;
    }
    if (p.status?.phase === 'Succeeded') succeeded.push(p);
    else if (isPodFailed(p, job)) failed.push(p);
  }
  return [succeeded, failed];
}

function nonIgnoredFailedPodsCount(job: Job, failed: Pod[]): number {
  if (!job.spec?.podFailurePolicy) return failed.length;
  return failed.filter((p) => matchPodFailurePolicy(job.spec!.podFailurePolicy, p).countFailed).length;
}

/**
 * activePodsForRemoval: for Indexed Jobs the pods with repeated, missing or out-of-range indexes,
 * then (to reach rmAtLeast) the active pods in ActivePods order.
 */
export function activePodsForRemoval(job: Job, pods: Pod[], rmAtLeast: number): Pod[] {
  let rm: Pod[] = [];
  let left: Pod[] = pods;
  if (isIndexedJob(job)) [rm, left] = appendDuplicatedIndexPodsForRemoval([], [], pods, job.spec?.completions ?? 0);
  if (rm.length < rmAtLeast) rm = rm.concat([...left].sort(activePodsLess).slice(0, rmAtLeast - rm.length));
  return rm;
}

/** The annotations a tracked pod's record keeps. */
const keptAnnotations = [
  JobCompletionIndexAnnotation,
  JobIndexFailureCountAnnotation,
  JobIndexIgnoredFailureCountAnnotation,
];

export class JobController {
  constructor(
    private host: JobHost,
    public state: JobState = { jobs: {}, machines: {} },
  ) {}

  enqueue(namespace: string, name: string, at?: number): void {
    const when = at ?? this.host.now();
    if (
      !this.host.pending('job.sync', (a) => a.namespace === namespace && a.name === name && (a.at as number) <= when)
    ) {
      this.host.schedule(when, 'job.sync', { namespace, name, at: when });
    }
    this.send(`${namespace}/${name}`, { type: 'watch.changed' });
  }

  /** Drops what the controller remembers about a deleted Job (its backoff record and machine). */
  forget(uid: string): void {
    const rec = this.jobs()[uid];
    if (rec) delete this.machines()[rec.key];
    delete this.jobs()[uid];
    this.candidateMap().delete(uid);
  }

  /** Pod events sync their Job after the batching delay (enqueueSyncJobBatched), so bursts coalesce. */
  onPod(pod: Pod): void {
    const ref = controllerRefOfKind(pod, 'Job');
    if (!ref) return;
    const namespace = pod.metadata?.namespace ?? 'default';
    const uid = pod.metadata?.uid ?? '';
    const live = this.host.peek('Pod', namespace, pod.metadata?.name ?? '');
    const rec = this.jobs()[ref.uid];
    if (live?.metadata?.uid !== uid) {
      // Deleted: a counted pod needs no bookkeeping any more.
      if (rec?.counted[uid]) {
        delete rec.counted[uid];
        rec.countedN--;
      }
    } else
      this.candidateMap()
        .get(ref.uid)
        ?.set(uid, pod.metadata?.name ?? '');
    this.enqueue(namespace, ref.name, this.host.now() + SyncJobBatchPeriodMs);
  }

  /** Where each Job's reconcile loop is, for the controller inspector. */
  machineStates(): Record<string, JobMachineState> {
    return clone(this.machines());
  }

  private jobs(): Record<string, JobRecord> {
    return (this.state.jobs ??= {});
  }

  private machines(): Record<string, JobMachineState> {
    return (this.state.machines ??= {});
  }

  private send(key: string, event: JobMachineEvent): void {
    const machines = this.machines();
    machines[key] = step(machines[key], event);
  }

  /**
   * Derived from the store and `state` (rebuilt when either is replaced): per Job uid, the pods a
   * sync must look at (uid to name): all but those counted and finished, so a sync costs the
   * Job's live pods, not its history.
   */
  private candidates = new Map<string, Map<string, string>>();
  private candidatesFor?: JobState;

  private candidateMap(): Map<string, Map<string, string>> {
    if (this.candidatesFor !== this.state) {
      this.candidates = new Map();
      this.candidatesFor = this.state;
    }
    return this.candidates;
  }

  /** The pods of the Job and its bookkeeping: new pods become tracked, vanished tracked pods come back as failed. */
  private podsForJob(job: any, rec: JobRecord): Pod[] | undefined {
    let selector;
    try {
      selector = labelSelectorAsSelector(job.spec.selector);
    } catch {
      return undefined;
    }
    const namespace = job.metadata.namespace;
    const cache = this.candidateMap();
    let names = cache.get(job.metadata.uid);
    if (!names) {
      names = new Map();
      for (const p of this.host.peekOwnedBy('Pod', job.metadata.uid) as Pod[])
        if (!(rec.counted[p.metadata!.uid!] && isTerminal(p))) names.set(p.metadata!.uid!, p.metadata!.name!);
      cache.set(job.metadata.uid, names);
    }
    for (const [uid, t] of Object.entries(rec.tracked)) names.set(uid, t.name);
    const pods: Pod[] = [];
    for (const [uid, podName] of names) {
      const p: Pod | undefined = this.host.peek('Pod', namespace, podName);
      if (!p || p.metadata?.uid !== uid) {
        names.delete(uid);
        continue;
      }
      if (rec.counted[uid] && isTerminal(p)) {
        names.delete(uid);
        continue;
      }
      if (!isControlledBy(p, job.metadata.uid)) continue;
      if (!selector.matches(p.metadata?.labels ?? {})) continue;
      if (!rec.counted[uid]) {
        let t = rec.tracked[uid];
        if (!t) {
          t = rec.tracked[uid] = { name: podName };
          const ann = p.metadata?.annotations;
          for (const k of keptAnnotations) if (ann?.[k] !== undefined) (t.annotations ??= {})[k] = ann[k];
        }
        if (p.metadata?.deletionTimestamp && !t.deletionTimestamp) {
          t.deletionTimestamp = p.metadata.deletionTimestamp;
          t.deletionGracePeriodSeconds = p.metadata.deletionGracePeriodSeconds;
        }
        const d = (p.status?.conditions ?? []).find((c) => c.type === 'DisruptionTarget');
        if (d) t.disruption = d;
      }
      pods.push(p);
    }
    pods.sort(byName);
    for (const [uid, t] of Object.entries(rec.tracked)) {
      const live = this.host.peek('Pod', namespace, t.name);
      if (live?.metadata?.uid === uid) continue;
      pods.push({
        metadata: {
          name: t.name,
          namespace,
          uid,
          annotations: t.annotations,
          deletionTimestamp: t.deletionTimestamp ?? iso(this.host.now()),
          deletionGracePeriodSeconds: t.deletionTimestamp ? t.deletionGracePeriodSeconds : 0,
        },
        status: { phase: 'Failed', conditions: t.disruption ? [t.disruption] : [] },
      });
    }
    return pods;
  }

  /** syncJob: one reconcile of the Job `namespace/name`. */
  sync(namespace: string, name: string): void {
    const key = `${namespace}/${name}`;
    const job: any = this.host.peek('Job', namespace, name);
    if (!job) {
      delete this.machines()[key];
      return;
    }
    // A Job being deleted is still tracked (its pods counted, their finalizers released), but
    // manageJob is not called: no pod is created or deleted for it, and no Suspended condition.
    const deleting = !!job.metadata.deletionTimestamp;
    this.send(key, { type: 'watch.changed' });
    const now = this.host.now();
    const uid = job.metadata.uid;
    const decision: JobDecision = { at: now, create: [], delete: [] };
    const done = (outcome: JobSyncOutcome) => this.send(key, { type: 'sync.done', outcome, decision });

    if (isJobFinished(job)) {
      // removeBackoffRecord; the TTL-after-finished controller takes it from here.
      const rec = this.jobs()[uid];
      if (rec) rec.backoff = { failuresAfterLastSuccess: 0 };
      this.ttl(job, now);
      return done(isTrue(findCondition(job, 'Complete')) ? 'complete' : 'failed');
    }
    const mode = job.spec.completionMode;
    if (!nil(mode) && mode !== 'NonIndexed' && mode !== 'Indexed') {
      this.host.record(job, 'Warning', 'UnknownCompletionMode', 'Skipped Job sync because completion mode is unknown');
      return done('active');
    }
    const rec = (this.jobs()[uid] ??= {
      key,
      tracked: {},
      counted: {},
      countedN: 0,
      backoff: { failuresAfterLastSuccess: 0 },
    });
    const pods = this.podsForJob(job, rec);
    if (!pods) return done('active');
    const hasFinalizer: HasFinalizer = (p) => !!rec.tracked[p.metadata!.uid!];

    const status: any = clone(job.status ?? {});
    status.conditions ??= [];
    const conditions: JobCondition[] = status.conditions;
    const view: Job = { ...job, status };
    const suspended = job.spec.suspend === true;
    const indexed = isIndexedJob(job);
    const completions: number | undefined = nil(job.spec.completions) ? undefined : job.spec.completions;
    const perIndex = hasBackoffLimitPerIndex(job);

    const activePods = pods.filter(isActive);
    let active = activePods.length;
    let terminating = pods.filter(isTerminating).length;
    let ready = activePods.filter(isPodReady).length;
    const [newSucceeded, newFailed] = getNewFinishedPods(job, pods, hasFinalizer);
    let succeeded = (status.succeeded ?? 0) + newSucceeded.length;
    const failed = (status.failed ?? 0) + nonIgnoredFailedPodsCount(job, newFailed);

    if (!status.startTime && !suspended) status.startTime = iso(now);
    const newBackoff = newBackoffRecord(rec.backoff, newSucceeded, newFailed);

    let finished: JobCondition | undefined;
    const scm = findCondition(job, 'SuccessCriteriaMet');
    if (isTrue(scm)) finished = scm;
    if (!finished) {
      const ft = findCondition(job, 'FailureTarget');
      if (isTrue(ft)) finished = newCondition('Failed', 'True', ft!.reason ?? '', ft!.message ?? '', now);
      else {
        const msg = getFailJobMessage(job, pods);
        if (msg) finished = newCondition('FailureTarget', 'True', 'PodFailurePolicy', msg, now);
      }
    }
    const failure = (reason: string, message: string) => newCondition('FailureTarget', 'True', reason, message, now);
    if (!finished) {
      const deadline = job.spec.activeDeadlineSeconds;
      const startedAt = status.startTime ? parseTime(status.startTime) : now;
      if (failed > (job.spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods))
        finished = failure('BackoffLimitExceeded', 'Job has reached the specified backoff limit');
      else if (!nil(deadline) && !suspended && status.startTime && now - startedAt >= deadline * 1000)
        finished = failure('DeadlineExceeded', 'Job was active longer than specified deadline');
      else if (!nil(deadline) && !suspended) this.enqueue(namespace, name, startedAt + deadline * 1000);
    }

    let prevSucceededIndexes: OrderedIntervals = [];
    let succeededIndexes: OrderedIntervals = [];
    let failedIndexes: OrderedIntervals | undefined;
    let delayed = new Map<number, Pod>();
    if (indexed) {
      [prevSucceededIndexes, succeededIndexes] = calculateSucceededIndexes(view, pods, hasFinalizer);
      succeeded = total(succeededIndexes);
      if (perIndex) {
        failedIndexes = calculateFailedIndexes(view, pods, hasFinalizer);
        if (!finished) {
          const max = job.spec.maxFailedIndexes;
          if (!nil(max) && total(failedIndexes) > max)
            finished = failure(
              'MaxFailedIndexesExceeded',
              'Job has exceeded the specified maximal number of failed indexes',
            );
          else if (total(failedIndexes) > 0 && total(failedIndexes) + total(succeededIndexes) >= (completions ?? 0))
            finished = failure('FailedIndexes', 'Job has failed indexes');
        }
        delayed = getPodsWithDelayedDeletionPerIndex({
          job,
          pods,
          activePods,
          succeededIndexes,
          failedIndexes,
          hasFinalizer,
        });
      }
      if (!finished) {
        const m = matchSuccessPolicy(job.spec.successPolicy, completions ?? 0, succeededIndexes);
        if (m.met) finished = newCondition('SuccessCriteriaMet', 'True', 'SuccessPolicy', m.message, now);
      }
    }

    let inBackoff = false;
    if (finished) {
      // deleteActivePods
      for (const p of activePods) {
        this.deletePod(job, p, decision);
        if (isPodReady(p)) ready--;
      }
      active -= activePods.length;
      terminating += activePods.length;
    } else {
      const manageJobCalled = !deleting;
      const r = manageJobCalled
        ? this.manageJob(job, {
            pods,
            activePods,
            succeeded,
            terminating,
            succeededIndexes,
            failedIndexes,
            delayed,
            backoff: newBackoff,
            decision,
          })
        : { active, deleted: 0, deletedReady: 0, inBackoff: false };
      active = r.active;
      terminating += r.deleted;
      ready -= r.deletedReady;
      inBackoff = r.inBackoff;
      const complete = nil(completions) ? succeeded > 0 && active === 0 : succeeded >= completions && active === 0;
      if (complete)
        finished = newCondition(
          'SuccessCriteriaMet',
          'True',
          'CompletionsReached',
          'Reached expected number of succeeded pods',
          now,
        );
      else if (!manageJobCalled) {
        // Conditions and events wait for a sync that called manageJob.
      } else if (suspended) {
        if (ensureJobConditionStatus(conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now))
          this.host.record(job, 'Normal', 'Suspended', 'Job suspended');
      } else if (ensureJobConditionStatus(conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', now)) {
        this.host.record(job, 'Normal', 'Resumed', 'Job resumed');
        // ActiveDeadlineSeconds counts the time a Job is continuously active.
        status.startTime = iso(now);
      }
    }

    status.active = active;
    status.ready = ready;
    status.terminating = terminating;
    status.uncountedTerminatedPods = {};

    // trackJobStatusAndRemoveFinalizers, with the finalizer bookkeeping of `rec`.
    const newSucceededIndexes: number[] = [];
    let countedNow = 0;
    let reachedMaxUncountedPods = false;
    let succeededCount = status.succeeded ?? 0;
    let failedCount = status.failed ?? 0;
    const finishing = !!finished && !(finished.type === 'SuccessCriteriaMet');
    for (const p of pods) {
      const pu = p.metadata!.uid!;
      if (!rec.tracked[pu]) continue;
      const considerFailed = isPodFailed(p, job);
      if (!this.canRemoveFinalizer(job, p, considerFailed, !!finished, perIndex, delayed)) continue;
      const live = !!this.host.peek('Pod', namespace, p.metadata!.name!);
      delete rec.tracked[pu];
      if (live) {
        rec.counted[pu] = 1;
        rec.countedN++;
      }
      const ix = getCompletionIndex(p.metadata?.annotations);
      if (p.status?.phase === 'Succeeded') {
        if (indexed) {
          if (ix !== unknownCompletionIndex && ix < (completions ?? 0) && !has(prevSucceededIndexes, ix))
            newSucceededIndexes.push(ix);
        } else succeededCount++;
      } else if (considerFailed || finishing) {
        if (!indexed || (ix !== unknownCompletionIndex && ix < (completions ?? 0))) {
          if (!job.spec.podFailurePolicy || matchPodFailurePolicy(job.spec.podFailurePolicy, p).countFailed)
            failedCount++;
        }
      }
      if (++countedNow >= MaxUncountedPods) {
        reachedMaxUncountedPods = true;
        break;
      }
    }
    if (indexed) {
      succeededIndexes = withOrderedIndexes(
        succeededIndexes,
        newSucceededIndexes.sort((a, b) => a - b),
      );
      succeededCount = total(succeededIndexes);
      status.completedIndexes = intervalsString(succeededIndexes);
      if (!status.completedIndexes) delete status.completedIndexes;
      if (failedIndexes) status.failedIndexes = intervalsString(failedIndexes);
    }
    status.succeeded = succeededCount;
    status.failed = failedCount;
    rec.backoff = newBackoff;

    if (finished?.type === 'FailureTarget') {
      conditions.push(finished);
      finished = newCondition('Failed', 'True', finished.reason ?? '', finished.message ?? '', now);
    }
    if (finished?.type === 'SuccessCriteriaMet') {
      if (!conditions.some((c) => c.type === 'SuccessCriteriaMet' && c.status === 'True')) conditions.push(finished);
      finished = newCondition('Complete', 'True', finished.reason ?? '', finished.message ?? '', now);
    }
    // enactJobFinished: the terminal condition once no pod is left terminating.
    let jobFinished = false;
    if (finished && !reachedMaxUncountedPods && terminating === 0) {
      ensureJobConditionStatus(conditions, finished.type, 'True', finished.reason ?? '', finished.message ?? '', now);
      if (finished.type === 'Complete') status.completionTime = iso(now);
      jobFinished = true;
    }
    if (reachedMaxUncountedPods) this.enqueue(namespace, name, now + SyncJobBatchPeriodMs);

    // Zero counts and no conditions are left out (omitempty), by copying rather than `delete`,
    // which would turn the stored status into a slow dictionary-mode object.
    const written: any = {};
    for (const k in status) {
      const v = status[k];
      if ((k === 'active' || k === 'succeeded' || k === 'failed') && !v) continue;
      if (k === 'conditions' && conditions.length === 0) continue;
      written[k] = v;
    }
    if (!sameJson(written, job.status ?? {})) {
      // A status write: new metadata (the store stamps the resourceVersion there) and status, the
      // spec shared with the stored object, which nothing writes to.
      this.host.writeStatus('Job', { ...job, metadata: { ...job.metadata }, status: written });
    }
    if (jobFinished) {
      // recordJobFinished
      if (finished!.type === 'Complete') {
        if (completions !== undefined && succeededCount > completions)
          this.host.record(
            job,
            'Warning',
            'TooManySucceededPods',
            'Too many succeeded pods running after completion count reached',
          );
        this.host.record(job, 'Normal', 'Completed', 'Job completed');
      } else this.host.record(job, 'Warning', finished!.reason ?? '', finished!.message ?? '');
      this.ttl({ ...job, status }, now);
    }
    done(
      jobFinished
        ? finished!.type === 'Complete'
          ? 'complete'
          : 'failed'
        : finished
          ? 'finishing'
          : suspended && !deleting
            ? 'suspended'
            : inBackoff
              ? 'backoff'
              : 'active',
    );
  }

  /**
   * canRemoveFinalizer: when the Job is finishing, the pod succeeded, or it failed and is not the
   * pod an index keeps until its replacement copies the failure count.
   */
  private canRemoveFinalizer(
    job: Job,
    pod: Pod,
    considerFailed: boolean,
    finishing: boolean,
    perIndex: boolean,
    delayed: Map<number, Pod>,
  ): boolean {
    if (job.metadata?.deletionTimestamp || finishing || pod.status?.phase === 'Succeeded') return true;
    if (!considerFailed) return false;
    if (perIndex) {
      const ix = getCompletionIndex(pod.metadata?.annotations);
      if (ix !== unknownCompletionIndex && delayed.get(ix)?.metadata?.uid === pod.metadata?.uid) return false;
    }
    return true;
  }

  /**
   * manageJob: deletes all active pods of a suspended Job; otherwise deletes pods beyond
   * wantActive (and repeated indexes), or creates the missing ones in slow-start batches unless
   * the pod-failure back-off (global, or per index) says to wait. Deletion and creation never
   * happen in the same sync.
   */
  private manageJob(
    job: any,
    ctx: {
      pods: Pod[];
      activePods: Pod[];
      succeeded: number;
      terminating: number;
      succeededIndexes: OrderedIntervals;
      failedIndexes?: OrderedIntervals;
      delayed: Map<number, Pod>;
      backoff: BackoffRecord;
      decision: JobDecision;
    },
  ): { active: number; deleted: number; deletedReady: number; inBackoff: boolean } {
    const active = ctx.activePods.length;
    const now = this.host.now();
    const remove = (pods: Pod[]) => {
      let deletedReady = 0;
      for (const p of pods) {
        this.deletePod(job, p, ctx.decision);
        if (isPodReady(p)) deletedReady++;
      }
      return { active: active - pods.length, deleted: pods.length, deletedReady, inBackoff: false };
    };
    if (job.spec.suspend === true) return remove(activePodsForRemoval(job, ctx.activePods, active));

    const want = wantActive(job, ctx.succeeded, active);
    const rmAtLeast = Math.max(0, active - want);
    const podsToDelete = activePodsForRemoval(job, ctx.activePods, rmAtLeast).slice(0, MaxPodCreateDeletePerSync);
    if (podsToDelete.length > 0) return remove(podsToDelete);

    const terminating = onlyReplaceFailedPods(job) ? ctx.terminating : 0;
    let diff = want - terminating - active;
    const none = { active, deleted: 0, deletedReady: 0, inBackoff: false };
    if (diff <= 0) return none;
    const perIndex = hasBackoffLimitPerIndex(job);
    const { namespace, name } = job.metadata;
    if (!perIndex) {
      const wait = remainingBackoff(ctx.backoff, now);
      if (wait > 0) {
        this.enqueue(namespace, name, now + Math.max(wait, SyncJobBatchPeriodMs));
        return { active: 0, deleted: 0, deletedReady: 0, inBackoff: true };
      }
    }
    diff = Math.min(diff, MaxPodCreateDeletePerSync);
    let indexes: number[] = [];
    if (isIndexedJob(job)) {
      indexes = firstPendingIndexes(
        {
          job,
          pods: ctx.pods,
          activePods: ctx.activePods,
          succeededIndexes: ctx.succeededIndexes,
          failedIndexes: ctx.failedIndexes,
        },
        diff,
        job.spec.completions,
      );
      if (perIndex) {
        // getPodCreationInfoForIndependentIndexes
        const now_: number[] = [];
        let minWait: number | undefined;
        for (const ix of indexes) {
          const last = ctx.delayed.get(ix);
          const wait = getRemainingTimePerIndex(now, last, last ? getIndexAbsoluteFailureCount(last) : 0);
          if (wait === 0) now_.push(ix);
          else if (minWait === undefined || wait < minWait) minWait = wait;
        }
        indexes = now_;
        if (indexes.length === 0 && minWait !== undefined && minWait > 0) {
          this.enqueue(namespace, name, now + Math.max(minWait, SyncJobBatchPeriodMs));
          return { active: 0, deleted: 0, deletedReady: 0, inBackoff: true };
        }
      }
      diff = indexes.length;
    }
    // Slow start: batches of 1, 2, 4, …; a batch with a failure skips the rest until the next sync.
    let created = 0;
    let pos = 0;
    for (let batch = Math.min(diff, SlowStartInitialBatchSize); diff > 0; batch = Math.min(2 * batch, diff)) {
      let errors = 0;
      for (let i = 0; i < batch; i++) {
        const ix = pos < indexes.length ? indexes[pos] : unknownCompletionIndex;
        pos++;
        const r = this.host.createPod(this.podFor(job, ix, ctx.delayed.get(ix)));
        if (r.name) {
          created++;
          ctx.decision.create.push(r.name);
          this.host.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${r.name}`);
        } else {
          errors++;
          this.host.record(job, 'Warning', 'FailedCreate', `Error creating: ${r.error}`);
        }
      }
      diff -= batch;
      if (errors > 0) break;
    }
    return { active: active + created, deleted: 0, deletedReady: 0, inBackoff: false };
  }

  private deletePod(job: Job, p: Pod, decision: JobDecision): void {
    this.host.deletePod(p);
    decision.delete.push(p.metadata!.name!);
    this.host.record(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata!.name}`);
  }

  /** The TTL-after-finished controller: delete the Job (and its pods) ttlSecondsAfterFinished after it finished. */
  private ttl(job: any, now: number): void {
    const ttl = job.spec.ttlSecondsAfterFinished;
    // ttlafterfinished processJob: a Job already being deleted is left alone.
    if (nil(ttl) || job.metadata.deletionTimestamp) return;
    const done = (job.status.conditions ?? []).find(
      (c: any) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
    );
    const expires = parseTime(done.lastTransitionTime) + ttl * 1000;
    if (now >= expires) this.host.deleteJob(job);
    else this.enqueue(job.metadata.namespace, job.metadata.name, expires);
  }

  /**
   * The pod manageJob creates: the template with the Job as controller; for an Indexed Job the
   * completion index as annotation and label, hostname `<job>-<index>`, generateName
   * `<job>-<index>-`, the JOB_COMPLETION_INDEX env var, and with backoffLimitPerIndex the
   * failure counts carried over from the pod it replaces.
   */
  podFor(job: any, index = unknownCompletionIndex, replaced?: Pod): Pod {
    const t = clone(job.spec.template ?? {});
    const spec = t.spec ?? { containers: [] };
    const metadata: any = {
      ...(t.metadata ?? {}),
      generateName: `${job.metadata.name}-`,
      namespace: job.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}) },
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: job.metadata.name,
          uid: job.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    };
    if (isIndexedJob(job)) {
      // addCompletionIndexEnvVariables: from the label (PodIndexLabel is GA).
      for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])])
        if (!(c.env ?? []).some((e: any) => e.name === 'JOB_COMPLETION_INDEX'))
          (c.env ??= []).push({
            name: 'JOB_COMPLETION_INDEX',
            valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JobCompletionIndexAnnotation}']` } },
          });
      if (index !== unknownCompletionIndex) {
        metadata.annotations = { ...(metadata.annotations ?? {}), [JobCompletionIndexAnnotation]: String(index) };
        metadata.labels[JobCompletionIndexAnnotation] = String(index);
        spec.hostname = `${job.metadata.name}-${index}`;
        metadata.generateName = podGenerateNameWithIndex(job.metadata.name, index);
        if (hasBackoffLimitPerIndex(job)) {
          const [count, ignored] = getNewIndexFailureCounts(job, replaced);
          metadata.annotations[JobIndexFailureCountAnnotation] = String(count);
          if (ignored > 0) metadata.annotations[JobIndexIgnoredFailureCountAnnotation] = String(ignored);
        }
      }
    }
    return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
  }
}
