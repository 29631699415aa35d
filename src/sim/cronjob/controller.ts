/**
 * The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go, Kubernetes 1.34). A sync
 * is upstream's `sync`: the Jobs whose controller reference names the CronJob
 * (getJobsToBeReconciled), the finished ones beyond the history limits deleted
 * (cleanupFinishedJobs), then syncCronJob: keep `status.active` and `lastSuccessfulTime` in step
 * with the Jobs and, at each due scheduled time, create the Job `<name>-<minutes>` unless the
 * CronJob is being deleted, its time zone does not load, it is suspended, its schedule does not
 * parse or never fires, it is too late (startingDeadlineSeconds), the time was already processed,
 * or concurrencyPolicy Forbid finds a Job running; Replace deletes the running Jobs first. One
 * status write per sync, one timer per coming schedule (quiet time costs nothing), and a sync that
 * fails is retried with the workqueue's exponential back-off (5 ms doubling, at most 1000 s).
 */
import { controllerRefOfKind, isControlledBy } from '../owners';
import { rfc3339 as iso, parseTime } from '../time';
import { clone, sameJson } from '../clone';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { parseSchedule, validateTimeZone, type Schedule } from './schedule';
import { step, type CronJobMachineEvent, type CronJobSyncOutcome } from './machine';
import {
  byJobStartTime,
  deleteFromActiveList,
  formatSchedule,
  getFinishedStatus,
  getJobFromTemplate2,
  getJobName,
  getJobsToBeReconciled,
  getRef,
  inActiveList,
  inActiveListByName,
  invalidScheduleEvent,
  isJobFinished,
  isJobSucceeded,
  jobAlreadyActiveEvent,
  missingJobEvent,
  missScheduleEvent,
  nextScheduleDelta,
  nextScheduleTime,
  nextScheduleTimeDuration,
  sawCompletedJobEvent,
  successfulCreateEvent,
  successfulDeleteEvent,
  unexpectedJobEvent,
  unknownTimeZoneError,
  unknownTimeZoneEvent,
  unparseableScheduleEvent,
  type CronJobEvent,
} from './utils';

/** Why the API server refused to create a Job, where the controller acts on the cause. */
export type CreateJobFailure = 'AlreadyExists' | 'NamespaceTerminating';

export interface CronJobHost {
  now(): number;
  schedule(at: number, type: string, args: Record<string, unknown>): void;
  pending(type: string, match: (args: Record<string, unknown>) => boolean): boolean;
  /** The objects of a kind, in one namespace when given (the lister's Jobs(namespace).List()). */
  peekAll(kind: 'CronJob' | 'Job', namespace?: string): any[];
  /** A read from the API server (upstream's GetCronJob / GetJob), not the informer's cache. */
  peek(kind: 'CronJob' | 'Job', namespace: string, name: string): any | undefined;
  /** The Jobs that name the CronJob among their owners (the informer's index by owner uid). */
  peekOwnedBy(kind: 'Job', uid: string): any[];
  /**
   * `reason` says why it failed when it matters (errors.IsAlreadyExists, NamespaceTerminatingCause);
   * without it an error ending in "already exists" is read as AlreadyExists.
   */
  createJob(job: Job): { name?: string; error?: string; reason?: CreateJobFailure };
  /** Returns `{ error }` when the API server refused (FailedDelete); nothing when it accepted. */
  deleteJob(job: Job): void | { error?: string };
  writeStatus(kind: 'CronJob', obj: any): void;
  record(obj: any, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

export interface CronJobState {
  lastDecision: Record<
    string,
    { decision: string; scheduledTime?: string; at: number; next?: string; created?: string[]; deleted?: string[] }
  >;
  /** Each CronJob's reconcile-loop machine (cronJobMachine): its state and how many syncs it ran, by `namespace/name`. */
  machines?: Record<string, { value: string; syncs: number }>;
  /** The workqueue's rate limiter: failed syncs in a row, by `namespace/name` (reset when a sync requeues). */
  failures?: Record<string, number>;
}

/** What syncCronJob decided: upstream's `(requeueAfter, updateStatus, err)` plus the decision on show. */
interface SyncResult {
  decision: string;
  outcome: CronJobSyncOutcome;
  scheduledTime?: number;
  /** Milliseconds until the next look (nextScheduleTimeDuration); undefined: do not requeue. */
  requeueAfter?: number;
  /** The sync failed: retried with back-off. */
  error?: string;
}

const byName = (a: any, b: any) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);

/** The workqueue's DefaultControllerRateLimiter, its per-item exponential part: 5 ms · 2^failures, at most 1000 s. */
export const rateLimitedDelay = (failures: number) => Math.min(5 * 2 ** failures, 1000_000);

/** Parsed schedules by text and zone: a schedule is parsed once, not on every sync. */
const schedules = new Map<string, ReturnType<typeof parseSchedule>>();
function cachedSchedule(spec: string, zone: string | undefined): ReturnType<typeof parseSchedule> {
  const key = `${zone ?? ''}\u0000${spec}`;
  let r = schedules.get(key);
  if (!r) {
    if (schedules.size > 1000) schedules.clear();
    schedules.set(key, (r = parseSchedule(spec, zone)));
  }
  return r;
}

export class CronJobController {
  constructor(
    private host: CronJobHost,
    public state: CronJobState = { lastDecision: {} },
  ) {}

  /** Steps a CronJob's machine (kept as plain data in the state). */
  private send(key: string, event: CronJobMachineEvent): void {
    const machines = (this.state.machines ??= {});
    const m = machines[key];
    machines[key] = {
      value: step(m?.value, event),
      syncs: (m?.syncs ?? 0) + (event.type === 'sync.done' ? 1 : 0),
    };
  }

  /** The machines' states by `namespace/name`, for the controller inspector. */
  machineStates(): Record<string, { value: string; syncs: number }> {
    return clone(this.state.machines ?? {});
  }

  /** Drops the machine, decision and back-off of a CronJob that is gone. */
  forget(namespace: string, name: string): void {
    delete this.state.machines?.[`${namespace}/${name}`];
    delete this.state.lastDecision[`${namespace}/${name}`];
    delete this.state.failures?.[`${namespace}/${name}`];
  }

  enqueue(namespace: string, name: string, at?: number): void {
    const when = at ?? this.host.now();
    if (when <= this.host.now()) this.send(`${namespace}/${name}`, { type: 'watch.changed' });
    if (!this.host.pending('cronjob.sync', (a) => a.namespace === namespace && a.name === name && a.at === when)) {
      this.host.schedule(when, 'cronjob.sync', { namespace, name, at: when });
    }
  }

  onJob(job: Job): void {
    const ref = controllerRefOfKind(job, 'CronJob');
    if (ref) this.enqueue(job.metadata?.namespace ?? 'default', ref.name);
  }

  private emit(cj: any, e: CronJobEvent): void {
    this.host.record(cj, e.type, e.reason, e.message);
  }

  /** Upstream's `sync(cronJobKey)`: reconcile, write the status once if it changed, requeue or back off. */
  sync(namespace: string, name: string): void {
    const cj: any = this.host.peek('CronJob', namespace, name);
    if (!cj) return;
    const now = this.host.now();
    const key = `${namespace}/${name}`;
    const jobs = getJobsToBeReconciled(cj, this.host.peekAll('Job', cj.metadata.namespace)).sort(byName);
    // cronJobCopy: every change of this sync lands here, and is written once.
    // The sync changes only the status: a new status and metadata object (the store stamps the
    // resourceVersion there), the spec shared with the stored object, which nothing writes to.
    const copy: any = { ...cj, metadata: { ...cj.metadata }, status: clone(cj.status ?? {}) };
    copy.status ??= {};
    const created: string[] = [];
    const deleted: string[] = this.cleanupFinishedJobs(copy, jobs);
    const r = this.syncCronJob(copy, jobs, now, created, deleted);

    // A sync that found nothing due and changed nothing keeps the last real decision on show.
    const idle = (r.decision === 'no unmet start time' || r.decision === 'already processed') && !created.length;
    if (!(idle && !deleted.length && this.state.lastDecision[key]))
      this.state.lastDecision[key] = {
        decision: r.decision,
        ...(r.scheduledTime !== undefined ? { scheduledTime: iso(r.scheduledTime) } : {}),
        at: now,
        ...(created.length ? { created } : {}),
        ...(deleted.length ? { deleted } : {}),
      };
    this.send(
      key,
      cj.metadata.deletionTimestamp ? { type: 'watch.deleting' } : { type: 'sync.done', outcome: r.outcome },
    );

    // An empty active list is no list (omitempty).
    // (Copies without the key rather than `delete`, which makes a slow dictionary-mode object.)
    if (copy.status.active && !copy.status.active.length) copy.status = withoutKey(copy.status, 'active');
    const before = cj.status?.active && !cj.status.active.length ? withoutKey(cj.status, 'active') : (cj.status ?? {});
    if (!sameJson(copy.status, before)) this.host.writeStatus('CronJob', copy);

    if (r.requeueAfter !== undefined) {
      if (this.state.failures) delete this.state.failures[key];
      this.enqueue(namespace, name, now + r.requeueAfter);
      const last = this.state.lastDecision[key];
      if (last) last.next = iso(now + r.requeueAfter - nextScheduleDelta);
    } else if (r.error !== undefined) {
      const failures = (this.state.failures ??= {});
      const n = failures[key] ?? 0;
      failures[key] = n + 1;
      this.enqueue(namespace, name, now + rateLimitedDelay(n));
    }
  }

  /**
   * syncCronJob: reconciles `cronJob` (a copy, changed in place) with the Jobs it owns and decides
   * whether to start the Job of the most recent unmet scheduled time. The names of the Jobs it
   * creates and deletes go into `created` and `deleted`.
   */
  private syncCronJob(copy: any, jobs: any[], now: number, created: string[], deleted: string[]): SyncResult {
    const { namespace, name } = copy.metadata;
    let cronJob = copy;
    let status = cronJob.status;
    const setActive = (c: CronJob) => {
      status.active = c.status?.active ?? [];
    };

    const childrenJobs = new Set<string>();
    for (const j of jobs) {
      childrenJobs.add(j.metadata.uid);
      const found = inActiveList(cronJob, j.metadata.uid);
      if (!found && !isJobFinished(j)) {
        // The informer's copy may be stale: ask the API server before calling the Job unexpected.
        const fresh = this.host.peek('CronJob', namespace, name);
        if (fresh && inActiveList(fresh, j.metadata.uid)) {
          // As upstream, the rest of the sync works on the API server's copy, and the status
          // written is still the caller's: in the sim both copies are the same object's.
          cronJob = clone(fresh);
          cronJob.status ??= {};
          status = cronJob.status;
          continue;
        }
        // An unfinished Job that names us as controller but is not in our active list: we crashed
        // after creating it, or the Jobs are newer than our status, or someone made it for us.
        this.emit(cronJob, unexpectedJobEvent(j.metadata.name));
      } else if (isJobFinished(j)) {
        if (found) {
          setActive(deleteFromActiveList(cronJob, j.metadata.uid));
          this.emit(cronJob, sawCompletedJobEvent(j.metadata.name, getFinishedStatus(j).type));
        }
        // A Job need not be in the active list: any that succeeded moves lastSuccessfulTime up.
        if (isJobSucceeded(j)) {
          const done = j.status?.completionTime;
          if (!status.lastSuccessfulTime) {
            if (done) status.lastSuccessfulTime = done;
          } else if (done && parseTime(done) > parseTime(status.lastSuccessfulTime)) {
            status.lastSuccessfulTime = done;
          }
        }
      }
    }

    // Drop the references to Jobs that are gone, asking the API server first (the Job informer may lag).
    for (const ref of [...(status.active ?? [])]) {
      if (childrenJobs.has(ref.uid)) continue;
      if (!this.host.peek('Job', ref.namespace ?? namespace, ref.name)) {
        this.emit(cronJob, missingJobEvent(ref.name));
        setActive(deleteFromActiveList(cronJob, ref.uid));
      }
    }

    // Being deleted: nothing but the status.
    if (cronJob.metadata.deletionTimestamp) return { decision: 'deleting', outcome: 'suspended' };

    const timeZone = cronJob.spec.timeZone;
    if (timeZone !== undefined && timeZone !== null && !validateTimeZone(timeZone)) {
      this.emit(cronJob, unknownTimeZoneEvent(timeZone));
      return { decision: 'unknown time zone', outcome: 'invalid' };
    }

    if (cronJob.spec.suspend) return { decision: 'suspended', outcome: 'suspended' };

    const formatted = formatSchedule(cronJob);
    if (formatted.event) this.emit(cronJob, formatted.event);
    // formatSchedule's `TZ=<timeZone> ` prefix, unless the schedule names its own zone.
    const parsed = cachedSchedule(
      cronJob.spec.schedule,
      cronJob.spec.schedule.includes('TZ') ? undefined : (timeZone ?? undefined),
    );
    if (!parsed.ok) {
      this.emit(cronJob, unparseableScheduleEvent(cronJob.spec.schedule, parsed.error));
      return { decision: 'unparseable schedule', outcome: 'invalid' };
    }
    const sched: Schedule = parsed.schedule;
    const requeue = (r: Omit<SyncResult, 'requeueAfter' | 'outcome'>): SyncResult => ({
      ...r,
      outcome: 'waiting',
      requeueAfter: nextScheduleTimeDuration(cronJob, now, sched),
    });

    const next = nextScheduleTime(cronJob, now, sched);
    if (next.event) this.emit(cronJob, next.event);
    if (next.error !== undefined) {
      this.emit(cronJob, invalidScheduleEvent(cronJob.spec.schedule, next.error));
      return { decision: 'invalid schedule', outcome: 'invalid' };
    }
    const scheduledTime = next.scheduled;
    // No unmet start time: only after a restart, or when woken by a Job or an edit.
    if (scheduledTime === undefined) return requeue({ decision: 'no unmet start time' });

    const deadline = cronJob.spec.startingDeadlineSeconds;
    if (deadline !== undefined && deadline !== null && scheduledTime + deadline * 1000 < now) {
      this.emit(cronJob, missScheduleEvent(scheduledTime));
      return requeue({ decision: 'missed the starting deadline', scheduledTime });
    }
    const jobName = getJobName(cronJob, scheduledTime);
    if (
      inActiveListByName(cronJob, { metadata: { name: jobName, namespace } }) ||
      (status.lastScheduleTime && parseTime(status.lastScheduleTime) === scheduledTime)
    ) {
      return requeue({ decision: 'already processed', scheduledTime });
    }
    if (cronJob.spec.concurrencyPolicy === 'Forbid' && (status.active ?? []).length > 0) {
      this.emit(cronJob, jobAlreadyActiveEvent());
      return requeue({ decision: 'skipped: Forbid and a Job is active', scheduledTime });
    }
    if (cronJob.spec.concurrencyPolicy === 'Replace') {
      for (const ref of [...(status.active ?? [])]) {
        const job = this.host.peek('Job', ref.namespace ?? namespace, ref.name);
        if (!job) {
          const error = `jobs.batch "${ref.name}" not found`;
          this.host.record(cronJob, 'Warning', 'FailedGet', `Get job: ${error}`);
          return { decision: 'failed to replace the Job', outcome: 'waiting', scheduledTime, error };
        }
        if (!this.deleteJob(cronJob, job, deleted)) {
          const error = `could not replace job ${job.metadata.namespace}/${job.metadata.name}`;
          return { decision: 'failed to replace the Job', outcome: 'waiting', scheduledTime, error };
        }
      }
    }

    const jobReq = getJobFromTemplate2(cronJob, scheduledTime);
    if (!jobReq) {
      const error = unknownTimeZoneError(timeZone ?? '');
      return { decision: 'failed to create the Job', outcome: 'waiting', scheduledTime, error };
    }
    const request: Job = { apiVersion: 'batch/v1', kind: 'Job', ...jobReq };
    request.metadata = { ...jobReq.metadata, namespace };
    const r = this.host.createJob(request);
    let jobResp: any;
    if (r.name === undefined) {
      const error = r.error ?? '';
      const reason = r.reason ?? (/already exists$/.test(error) ? 'AlreadyExists' : undefined);
      // The namespace is being terminated: every creation will fail, there is nothing to do.
      if (reason === 'NamespaceTerminating')
        return { decision: 'failed to create the Job', outcome: 'waiting', scheduledTime, error };
      if (reason === 'AlreadyExists') {
        // Made by someone else: assume they keep our status. Made by us, but our status write
        // was lost: put it (back) in the active list.
        const job = this.host.peek('Job', namespace, jobName);
        if (!job)
          return {
            decision: 'failed to create the Job',
            outcome: 'waiting',
            scheduledTime,
            error: `jobs.batch "${jobName}" not found`,
          };
        if (!isControlledBy(job, cronJob.metadata?.uid) || inActiveList(cronJob, job.metadata.uid))
          return { decision: 'already processed', outcome: 'waiting', scheduledTime };
        jobResp = job;
      } else {
        this.host.record(cronJob, 'Warning', 'FailedCreate', `Error creating job: ${error}`);
        return { decision: 'failed to create the Job', outcome: 'waiting', scheduledTime, error };
      }
    } else {
      jobResp = this.host.peek('Job', namespace, r.name) ?? {
        ...request,
        metadata: { ...request.metadata, name: r.name },
      };
      this.emit(cronJob, successfulCreateEvent(r.name));
      created.push(r.name);
    }
    status.active = [...(status.active ?? []), getRef(jobResp)];
    status.lastScheduleTime = iso(scheduledTime);
    return requeue({ decision: created.length ? 'created the Job' : 'already processed', scheduledTime });
  }

  /**
   * cleanupFinishedJobs: deletes the finished Jobs beyond successfulJobsHistoryLimit and
   * failedJobsHistoryLimit, those that started first first (byJobStartTime); the names deleted.
   */
  private cleanupFinishedJobs(cj: any, jobs: any[]): string[] {
    const deleted: string[] = [];
    const { successfulJobsHistoryLimit: ok, failedJobsHistoryLimit: failed } = cj.spec;
    if ((ok === undefined || ok === null) && (failed === undefined || failed === null)) return deleted;
    const successful: any[] = [];
    const failures: any[] = [];
    for (const j of jobs) {
      const f = getFinishedStatus(j);
      if (f.type === 'Complete') successful.push(j);
      else if (f.type === 'Failed') failures.push(j);
    }
    if (ok !== undefined && ok !== null) this.removeOldestJobs(cj, successful, ok, deleted);
    if (failed !== undefined && failed !== null) this.removeOldestJobs(cj, failures, failed, deleted);
    return deleted;
  }

  /** removeOldestJobs */
  private removeOldestJobs(cj: any, js: any[], maxJobs: number, deleted: string[]): void {
    const numToDelete = js.length - maxJobs;
    if (numToDelete <= 0) return;
    const sorted = [...js].sort(byJobStartTime);
    for (let i = 0; i < numToDelete; i++) this.deleteJob(cj, sorted[i], deleted);
  }

  /** deleteJob: deletes the Job and its reference in the active list; false when the API server refused. */
  private deleteJob(cj: any, job: any, deleted: string[]): boolean {
    const r = this.host.deleteJob(job);
    if (r && r.error !== undefined) {
      this.host.record(cj, 'Warning', 'FailedDelete', `Deleted job: ${r.error}`);
      return false;
    }
    cj.status.active = deleteFromActiveList(cj, job.metadata.uid).status?.active ?? [];
    this.emit(cj, successfulDeleteEvent(job.metadata.name));
    deleted.push(job.metadata.name);
    return true;
  }
}

/** A shallow copy of `o` without `key`, in the same key order. */
function withoutKey(o: Record<string, unknown>, key: string): any {
  const out: Record<string, unknown> = {};
  for (const k in o) if (k !== key) out[k] = o[k];
  return out;
}
