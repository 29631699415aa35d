/**
 * The Job controller's core (pkg/controller/job, Kubernetes 1.34): NonIndexed Jobs with
 * completions and parallelism (or a work queue), restartPolicy Never (a new pod per failure, with
 * the pod-failure back-off of backoff_utils.go: 10 s doubling to 10 min, reset by a success) and
 * OnFailure (container restarts count toward backoffLimit), activeDeadlineSeconds, suspend,
 * ttlSecondsAfterFinished, and the interim conditions (SuccessCriteriaMet, FailureTarget) before
 * Complete and Failed. Not modelled yet: Indexed completion, podFailurePolicy, successPolicy,
 * backoffLimitPerIndex, the job-tracking finalizer and slow-start batches.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { labelSelectorAsSelector } from '../labels/selector';

export const DefaultJobPodFailureBackOff = 10;
/** job_controller.go syncJobBatchPeriod: pod events are batched into one sync per second. */
export const SyncJobBatchPeriodMs = 1000;
export const MaxJobPodFailureBackOff = 600;

export interface JobHost {
  now(): number;
  schedule(at: number, type: string, args: Record<string, unknown>): void;
  pending(type: string, match: (args: Record<string, unknown>) => boolean): boolean;
  peekAll(kind: 'Pod' | 'Job'): any[];
  peek(kind: 'Job', namespace: string, name: string): any | undefined;
  /** The pods that name the Job among their owners (the informer's index by controller uid). */
  peekOwnedBy(kind: 'Pod', uid: string): any[];
  createPod(pod: Pod): { name?: string; error?: string };
  deletePod(pod: Pod): void;
  deleteJob(job: Job): void;
  writeStatus(kind: 'Job', obj: any): void;
  record(obj: any, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

export interface JobState {
  /** Terminated pods already counted in status, per Job uid (pods may be deleted later). */
  counted: Record<string, { succeeded: string[]; failed: string[] }>;
  /** backoffRecord per Job uid. */
  backoff: Record<string, { failuresAfterLastSuccess: number; lastFailureTime?: number }>;
  lastDecision: Record<string, { create: number; delete: string[]; at: number }>;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** getFinishedTime: the latest container finish, else the deletion time, else now. */
export function getFinishedTime(p: Pod, now: number): number {
  let latest: number | undefined;
  for (const cs of p.status?.containerStatuses ?? []) {
    const f = cs.state?.terminated?.finishedAt;
    if (f) latest = Math.max(latest ?? 0, Date.parse(f));
  }
  if (latest !== undefined) return latest;
  if (p.metadata?.deletionTimestamp) return Date.parse(p.metadata.deletionTimestamp);
  return now;
}

/** getRemainingTime: how long before the next pod may be created after failures. */
export function remainingBackoff(
  record: { failuresAfterLastSuccess: number; lastFailureTime?: number } | undefined,
  now: number,
): number {
  if (!record || record.failuresAfterLastSuccess === 0 || record.lastFailureTime === undefined) return 0;
  const backoff =
    Math.min(DefaultJobPodFailureBackOff * 2 ** (record.failuresAfterLastSuccess - 1), MaxJobPodFailureBackOff) * 1000;
  return Math.max(0, backoff - (now - record.lastFailureTime));
}

/** pastBackoffLimitOnFailure: container restarts of running or pending pods, for OnFailure Jobs. */
export function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const cs of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])])
      restarts += cs.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** The number of pods manageJob wants active. */
export function wantActive(job: Job, succeeded: number): number {
  const parallelism = job.spec?.parallelism ?? 1;
  const completions = job.spec?.completions;
  if (completions === undefined || completions === null) return succeeded > 0 ? 0 : parallelism;
  return Math.max(0, Math.min(completions - succeeded, parallelism));
}

function cond(job: any, type: string): any {
  return (job.status?.conditions ?? []).find((c: any) => c.type === type && c.status === 'True');
}

export function isJobFinished(job: Job): boolean {
  return !!(cond(job, 'Complete') || cond(job, 'Failed'));
}

const byName = (a: Pod, b: Pod) => {
  const x = a.metadata?.name ?? '';
  const y = b.metadata?.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

export class JobController {
  constructor(
    private host: JobHost,
    public state: JobState = { counted: {}, backoff: {}, lastDecision: {} },
  ) {}

  enqueue(namespace: string, name: string, at?: number): void {
    const when = at ?? this.host.now();
    if (
      !this.host.pending('job.sync', (a) => a.namespace === namespace && a.name === name && (a.at as number) <= when)
    ) {
      this.host.schedule(when, 'job.sync', { namespace, name, at: when });
    }
  }

  /** Drops what the controller remembers about a deleted Job. */
  forget(uid: string): void {
    delete this.state.counted[uid];
    delete this.state.backoff[uid];
  }

  /** Pod events sync their Job after the batching delay (enqueueSyncJobBatched), so bursts coalesce. */
  onPod(pod: Pod): void {
    const ref = (pod.metadata?.ownerReferences ?? []).find((r) => r.controller && r.kind === 'Job');
    if (ref) this.enqueue(pod.metadata?.namespace ?? 'default', ref.name, this.host.now() + SyncJobBatchPeriodMs);
  }

  sync(namespace: string, name: string): void {
    const job: any = this.host.peek('Job', namespace, name);
    if (!job || job.metadata.deletionTimestamp) return;
    const now = this.host.now();
    const uid = job.metadata.uid;
    if (isJobFinished(job)) {
      this.ttl(job, now);
      return;
    }
    let selector;
    try {
      selector = labelSelectorAsSelector(job.spec.selector);
    } catch {
      return;
    }
    const pods: Pod[] = this.host
      .peekOwnedBy('Pod', uid)
      .sort(byName)
      .filter(
        (p) =>
          p.metadata.namespace === namespace &&
          (p.metadata.ownerReferences ?? []).some((r: any) => r.uid === uid) &&
          selector.matches(p.metadata.labels),
      );
    const counted = (this.state.counted[uid] ??= { succeeded: [], failed: [] });
    const record = (this.state.backoff[uid] ??= { failuresAfterLastSuccess: 0 });
    // Count newly terminated pods (trackJobStatusAndRemoveFinalizers, simplified: at once).
    const countedSucceeded = new Set(counted.succeeded);
    const countedFailed = new Set(counted.failed);
    const finished = pods
      .filter(
        (p) =>
          (p.status?.phase === 'Succeeded' && !countedSucceeded.has(p.metadata!.uid!)) ||
          (p.status?.phase === 'Failed' && !countedFailed.has(p.metadata!.uid!)),
      )
      .map((p) => ({ p, at: getFinishedTime(p, now) }))
      .sort((a, b) => a.at - b.at)
      .map((x) => x.p);
    for (const p of finished) {
      const id = p.metadata!.uid!;
      if (p.status?.phase === 'Succeeded') {
        counted.succeeded.push(id);
        record.failuresAfterLastSuccess = 0;
        record.lastFailureTime = undefined;
      } else if (p.status?.phase === 'Failed') {
        counted.failed.push(id);
        record.failuresAfterLastSuccess++;
        record.lastFailureTime = getFinishedTime(p, now);
      }
    }
    const active = pods.filter(
      (p) => !p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    );
    const terminating = pods.filter(
      (p) => p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    );
    const succeeded = counted.succeeded.length;
    const failed = counted.failed.length;
    const status: any = structuredClone(job.status ?? {});
    const conditions: any[] = status.conditions ?? [];
    const setCond = (type: string, s: 'True' | 'False', reason: string, message: string) => {
      const at = conditions.findIndex((c) => c.type === type);
      const c = { type, status: s, reason, message, lastProbeTime: iso(now), lastTransitionTime: iso(now) };
      if (at >= 0) {
        if (conditions[at].status === s) c.lastTransitionTime = conditions[at].lastTransitionTime;
        conditions[at] = c;
      } else conditions.push(c);
    };
    const suspended = job.spec.suspend === true;
    const created: string[] = [];
    const deleted: string[] = [];
    let failureTarget = conditions.find((c) => c.type === 'FailureTarget' && c.status === 'True');
    let successTarget = conditions.find((c) => c.type === 'SuccessCriteriaMet' && c.status === 'True');

    if (!failureTarget && !successTarget && !suspended) {
      if (!status.startTime) status.startTime = iso(now);
      const limit = job.spec.backoffLimit ?? 6;
      const deadline = job.spec.activeDeadlineSeconds;
      const startedAt = Date.parse(status.startTime);
      if (failed > limit || pastBackoffLimitOnFailure(job, active)) {
        setCond('FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
      } else if (deadline !== undefined && now - startedAt >= deadline * 1000) {
        setCond('FailureTarget', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline');
      } else if (
        (job.spec.completions !== undefined && job.spec.completions !== null && succeeded >= job.spec.completions) ||
        ((job.spec.completions === undefined || job.spec.completions === null) && succeeded > 0 && active.length === 0)
      ) {
        setCond('SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods');
      } else if (deadline !== undefined) {
        this.enqueue(namespace, name, startedAt + deadline * 1000);
      }
      failureTarget = conditions.find((c) => c.type === 'FailureTarget' && c.status === 'True');
      successTarget = conditions.find((c) => c.type === 'SuccessCriteriaMet' && c.status === 'True');
    }

    if (failureTarget || suspended) {
      for (const p of active) {
        this.host.deletePod(p);
        deleted.push(p.metadata!.name!);
        this.host.record(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata!.name}`);
      }
    } else if (!successTarget) {
      const want = wantActive(job, succeeded);
      if (active.length > want) {
        for (const p of active.slice(want)) {
          this.host.deletePod(p);
          deleted.push(p.metadata!.name!);
        }
      } else if (active.length < want) {
        const wait = remainingBackoff(record, now);
        if (wait > 0) this.enqueue(namespace, name, now + wait);
        else {
          for (let i = 0; i < want - active.length; i++) {
            const r = this.host.createPod(this.podFor(job));
            if (r.name) {
              created.push(r.name);
              this.host.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${r.name}`);
            } else this.host.record(job, 'Warning', 'FailedCreate', `Error creating: ${r.error}`);
          }
        }
      }
    }

    // Suspend and resume.
    if (suspended && !conditions.some((c) => c.type === 'Suspended' && c.status === 'True')) {
      setCond('Suspended', 'True', 'JobSuspended', 'Job suspended');
      this.host.record(job, 'Normal', 'Suspended', 'Job suspended');
    } else if (!suspended && conditions.some((c) => c.type === 'Suspended' && c.status === 'True')) {
      setCond('Suspended', 'False', 'JobResumed', 'Job resumed');
      status.startTime = iso(now);
      this.host.record(job, 'Normal', 'Resumed', 'Job resumed');
    }

    const stillActive = active.length - deleted.length + created.length;
    const nowTerminating = terminating.length + deleted.length;
    // The final condition once no pod is left running or terminating.
    if (failureTarget && stillActive === 0 && nowTerminating === 0) {
      setCond('Failed', 'True', failureTarget.reason, failureTarget.message);
      this.host.record(job, 'Warning', failureTarget.reason, failureTarget.message);
    } else if (successTarget && stillActive === 0 && nowTerminating === 0) {
      setCond('Complete', 'True', successTarget.reason, successTarget.message);
      status.completionTime = iso(now);
      this.host.record(job, 'Normal', 'Completed', 'Job completed');
    }

    status.active = stillActive;
    if (status.active === 0) delete status.active;
    status.ready = active.filter((p) =>
      (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    ).length;
    status.terminating = nowTerminating;
    status.uncountedTerminatedPods = {};
    if (succeeded) status.succeeded = succeeded;
    if (failed) status.failed = failed;
    if (conditions.length) status.conditions = conditions;
    this.state.lastDecision[`${namespace}/${name}`] = { create: created.length, delete: deleted, at: now };
    if (JSON.stringify(status) !== JSON.stringify(job.status)) {
      const copy = structuredClone(job);
      copy.status = status;
      this.host.writeStatus('Job', copy);
    }
    if (isJobFinished({ status } as Job)) this.ttl({ ...job, status }, now);
  }

  /** The TTL-after-finished controller: delete the Job (and its pods) ttlSecondsAfterFinished after it finished. */
  private ttl(job: any, now: number): void {
    const ttl = job.spec.ttlSecondsAfterFinished;
    if (ttl === undefined || ttl === null) return;
    const done = (job.status.conditions ?? []).find(
      (c: any) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
    );
    const expires = Date.parse(done.lastTransitionTime) + ttl * 1000;
    if (now >= expires) this.host.deleteJob(job);
    else this.enqueue(job.metadata.namespace, job.metadata.name, expires);
  }

  podFor(job: any): Pod {
    const t = structuredClone(job.spec.template ?? {});
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
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
      },
      spec: t.spec,
    };
  }
}
