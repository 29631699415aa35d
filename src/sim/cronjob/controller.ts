/**
 * The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go syncCronJob): keep
 * `status.active` in step with the Jobs, clean up finished Jobs beyond the history limits, and at
 * each due scheduled time create the Job `<name>-<minutes>` unless suspended, too late
 * (startingDeadlineSeconds), already done, or blocked by concurrencyPolicy Forbid; Replace deletes
 * the running Jobs first. One timer per coming schedule: quiet time costs nothing.
 */
import { rfc3339 } from '../time';
import { clone } from '../clone';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { parseSchedule } from './schedule';
import { step, type CronJobMachineEvent, type CronJobSyncOutcome } from './machine';
import { getJobName, mostRecentScheduleTime, nextScheduleDelta, nextScheduleTimeDuration, rfc1123z } from './utils';

export interface CronJobHost {
  now(): number;
  schedule(at: number, type: string, args: Record<string, unknown>): void;
  pending(type: string, match: (args: Record<string, unknown>) => boolean): boolean;
  peekAll(kind: 'CronJob' | 'Job'): any[];
  peek(kind: 'CronJob' | 'Job', namespace: string, name: string): any | undefined;
  /** The Jobs that name the CronJob among their owners (the informer's index by owner uid). */
  peekOwnedBy(kind: 'Job', uid: string): any[];
  createJob(job: Job): { name?: string; error?: string };
  deleteJob(job: Job): void;
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
}

const iso = rfc3339;

const byName = (a: any, b: any) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);

/** Parsed schedules by text and zone: a schedule is parsed once, not on every sync. */
const schedules = new Map<string, ReturnType<typeof parseSchedule>>();
function cachedSchedule(spec: string, zone: string): ReturnType<typeof parseSchedule> {
  const key = `${zone}\u0000${spec}`;
  let r = schedules.get(key);
  if (!r) {
    if (schedules.size > 1000) schedules.clear();
    schedules.set(key, (r = parseSchedule(spec, zone)));
  }
  return r;
}

function finishedCondition(job: any): 'Complete' | 'Failed' | undefined {
  const c = (job.status?.conditions ?? []).find(
    (x: any) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True',
  );
  return c?.type;
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

  /** Drops the machine and decision of a CronJob that is gone. */
  forget(namespace: string, name: string): void {
    delete this.state.machines?.[`${namespace}/${name}`];
    delete this.state.lastDecision[`${namespace}/${name}`];
  }

  enqueue(namespace: string, name: string, at?: number): void {
    const when = at ?? this.host.now();
    if (when <= this.host.now()) this.send(`${namespace}/${name}`, { type: 'watch.changed' });
    if (!this.host.pending('cronjob.sync', (a) => a.namespace === namespace && a.name === name && a.at === when)) {
      this.host.schedule(when, 'cronjob.sync', { namespace, name, at: when });
    }
  }

  onJob(job: Job): void {
    const ref = (job.metadata?.ownerReferences ?? []).find((r) => r.controller && r.kind === 'CronJob');
    if (ref) this.enqueue(job.metadata?.namespace ?? 'default', ref.name);
  }

  sync(namespace: string, name: string): void {
    const cj: any = this.host.peek('CronJob', namespace, name);
    if (!cj) return;
    const now = this.host.now();
    const uid = cj.metadata.uid;
    const jobs: any[] = this.host
      .peekOwnedBy('Job', uid)
      .sort(byName)
      .filter(
        (j) =>
          j.metadata.namespace === namespace &&
          (j.metadata.ownerReferences ?? []).some((r: any) => r.uid === uid && r.controller),
      );
    const status: any = clone(cj.status ?? {});
    let active: any[] = status.active ?? [];
    const key = `${namespace}/${name}`;
    const created: string[] = [];
    const deleted: string[] = [];
    const decide = (decision: string, scheduledTime?: number, outcome: CronJobSyncOutcome = 'waiting') => {
      // A sync that found nothing due and changed nothing keeps the last real decision on show.
      const idle = (decision === 'no unmet start time' || decision === 'already processed') && !created.length;
      if (!(idle && !deleted.length && this.state.lastDecision[key]))
        this.state.lastDecision[key] = {
          decision,
          ...(scheduledTime ? { scheduledTime: iso(scheduledTime) } : {}),
          at: now,
          ...(created.length ? { created } : {}),
          ...(deleted.length ? { deleted } : {}),
        };
      this.send(key, cj.metadata.deletionTimestamp ? { type: 'watch.deleting' } : { type: 'sync.done', outcome });
    };

    // Reconcile the active list with the Jobs that exist.
    for (const j of jobs) {
      const inActive = active.some((a) => a.uid === j.metadata.uid);
      const done = finishedCondition(j);
      if (!done && !inActive && !j.metadata.deletionTimestamp) {
        this.host.record(
          cj,
          'Warning',
          'UnexpectedJob',
          `Saw a job that the controller did not create or forgot: ${j.metadata.name}`,
        );
        active.push(ref(j));
      } else if (done && inActive) {
        active = active.filter((a) => a.uid !== j.metadata.uid);
        this.host.record(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${done}`);
        if (done === 'Complete' && j.status?.completionTime) {
          if (!status.lastSuccessfulTime || Date.parse(status.lastSuccessfulTime) < Date.parse(j.status.completionTime))
            status.lastSuccessfulTime = j.status.completionTime;
        }
      }
    }
    active = active.filter((a) => jobs.some((j) => j.metadata.uid === a.uid));

    // History limits: delete the oldest finished Jobs beyond each limit.
    deleted.push(
      ...this.cleanup(
        cj,
        jobs.filter((j) => finishedCondition(j) === 'Complete'),
        cj.spec.successfulJobsHistoryLimit,
      ),
      ...this.cleanup(
        cj,
        jobs.filter((j) => finishedCondition(j) === 'Failed'),
        cj.spec.failedJobsHistoryLimit,
      ),
    );

    const write = () => {
      if (active.length) status.active = active;
      else delete status.active;
      if (JSON.stringify(status) !== JSON.stringify(cj.status ?? {})) {
        const copy = clone(cj);
        copy.status = status;
        this.host.writeStatus('CronJob', copy);
      }
    };

    if (cj.metadata.deletionTimestamp || cj.spec.suspend) {
      decide(cj.spec.suspend ? 'suspended' : 'deleting', undefined, 'suspended');
      write();
      return;
    }
    const parsed = cachedSchedule(cj.spec.schedule, cj.spec.timeZone ?? 'UTC');
    if (!parsed.ok) {
      this.host.record(
        cj,
        'Warning',
        'UnparseableSchedule',
        `unparseable schedule: ${JSON.stringify(cj.spec.schedule)} : ${parsed.error}`,
      );
      decide('unparseable schedule', undefined, 'invalid');
      write();
      return;
    }
    const sched = parsed.schedule;
    const view = { ...cj, status: { ...status, active } };
    const requeue = () => {
      const d = nextScheduleTimeDuration(view, now, sched);
      if (d === undefined) return;
      this.enqueue(namespace, name, now + d);
      const last = this.state.lastDecision[key];
      if (last) last.next = iso(now + d - nextScheduleDelta);
    };

    const mr = mostRecentScheduleTime(view, now, sched, true);
    if (mr.missed === 'many') {
      this.host.record(
        cj,
        'Warning',
        'TooManyMissedTimes',
        'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      );
    }
    const scheduled = mr.mostRecent;
    if (scheduled === undefined || scheduled > now) {
      decide('no unmet start time');
      write();
      requeue();
      return;
    }
    const deadline = cj.spec.startingDeadlineSeconds;
    if (deadline !== undefined && deadline !== null && scheduled + deadline * 1000 < now) {
      this.host.record(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
      decide('missed the starting deadline', scheduled);
      write();
      requeue();
      return;
    }
    const jobName = getJobName(cj, scheduled);
    if (
      active.some((a) => a.name === jobName) ||
      (status.lastScheduleTime && Date.parse(status.lastScheduleTime) === scheduled)
    ) {
      decide('already processed', scheduled);
      write();
      requeue();
      return;
    }
    if (cj.spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
      this.host.record(
        cj,
        'Normal',
        'JobAlreadyActive',
        'Not starting job because prior execution is running and concurrency policy is Forbid',
      );
      decide('skipped: Forbid and a Job is active', scheduled);
      write();
      requeue();
      return;
    }
    if (cj.spec.concurrencyPolicy === 'Replace') {
      for (const a of active) {
        const j = jobs.find((x) => x.metadata.uid === a.uid);
        if (!j) continue;
        this.host.deleteJob(j);
        deleted.push(j.metadata.name);
        this.host.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`);
      }
      active = [];
    }
    const template = clone(cj.spec.jobTemplate ?? {});
    const job: Job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: jobName,
        namespace,
        labels: { ...(template.metadata?.labels ?? {}) },
        annotations: {
          ...(template.metadata?.annotations ?? {}),
          'batch.kubernetes.io/cronjob-scheduled-timestamp': iso(scheduled),
        },
        ownerReferences: [
          { apiVersion: 'batch/v1', kind: 'CronJob', name, uid, controller: true, blockOwnerDeletion: true },
        ],
      },
      spec: template.spec,
    };
    const r = this.host.createJob(job);
    if (!r.name) {
      this.host.record(cj, 'Warning', 'FailedCreate', `Error creating job: ${r.error}`);
      decide('failed to create the Job', scheduled);
      write();
      requeue();
      return;
    }
    this.host.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${r.name}`);
    created.push(r.name);
    const createdJob = this.host.peek('Job', namespace, r.name);
    if (createdJob) active.push(ref(createdJob));
    status.lastScheduleTime = iso(scheduled);
    view.status = { ...status, active };
    decide('created the Job', scheduled);
    write();
    requeue();
  }

  /** Deletes the oldest finished Jobs beyond `limit`; the names of those it deleted. */
  private cleanup(cj: CronJob, finished: any[], limit: number | undefined): string[] {
    const deleted: string[] = [];
    if (limit === undefined || limit === null || finished.length <= limit) return deleted;
    const key = (j: any) => j.status?.completionTime ?? j.status?.startTime ?? j.metadata.creationTimestamp;
    const sorted = [...finished].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    for (const j of sorted.slice(0, finished.length - limit)) {
      if (j.metadata.deletionTimestamp) continue;
      this.host.deleteJob(j);
      deleted.push(j.metadata.name);
      this.host.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`);
    }
    return deleted;
  }
}

function ref(j: any) {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: j.metadata.name,
    namespace: j.metadata.namespace,
    resourceVersion: j.metadata.resourceVersion,
    uid: j.metadata.uid,
  };
}
