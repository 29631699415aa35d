/**
 * pkg/controller/cronjob/utils.go (Kubernetes 1.34) with time as an argument: which scheduled time
 * is due, how many were missed, when to look again, the Job made for a scheduled time, and the
 * small active-list helpers; plus the event messages cronjob_controllerv2.go records, verbatim.
 *
 * Times are epoch milliseconds (a Date is accepted wherever a time goes in). A Go zero time
 * (`time.Time{}`, what robfig's Next returns when nothing matches within five years) is
 * `undefined` here.
 */
import { parseTime } from '../time';
import { clone } from '../clone';
import type { CronJob, Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { goQuote } from '../apiserver/field';
import { validateTimeZone, zoneOffsetMs, type Schedule } from './schedule';

export type Instant = Date | number;
const ms = (t: Instant): number => (typeof t === 'number' ? t : t.getTime());

export type MissedSchedules = 'none' | 'few' | 'many';

/** utils.go's missedSchedulesType: noneMissed, fewMissed, manyMissed. */
export interface MostRecent {
  /** The last schedule time, else the creation time, moved up to now - startingDeadlineSeconds when asked. */
  earliest: number;
  /** The most recent time a Job should have been created, at or before now; undefined if none. */
  mostRecent?: number;
  missedSchedules: MissedSchedules;
  /** Same value as missedSchedules (the name the controller reads). */
  missed: MissedSchedules;
  /** Upstream's rough count of missed schedules (numberOfMissedSchedules), 0 when not computed. */
  count: number;
  /** Set for a grammatically valid schedule that never fires (e.g. `59 23 31 2 *`). */
  error?: string;
}

/** nextScheduleDelta in cronjob_controllerv2.go: 100 ms of padding for NTP skew. */
export const nextScheduleDelta = 100;

/** The error mostRecentScheduleTime returns for a schedule whose next two times coincide. */
export const errScheduleTooClose = 'time difference between two schedules is less than 1 second';

const next = (s: Schedule, t: number): number | undefined => s.next(new Date(t))?.getTime();

/** Go's Duration.Round(time.Second) on milliseconds, then whole seconds: half away from zero. */
const roundSeconds = (d: number) => Math.sign(d) * Math.floor(Math.abs(d) / 1000 + 0.5);

/**
 * mostRecentScheduleTime. The cost does not grow with the time that passed: it counts the missed
 * schedules from the interval between the next two, jumps to the last two intervals and lets the
 * schedule find the exact time from there, as upstream does.
 */
export function mostRecentScheduleTime(
  cj: CronJob,
  now: Instant,
  schedule: Schedule,
  includeStartingDeadlineSeconds: boolean,
): MostRecent {
  const nowMs = ms(now);
  let earliest = parseTime(cj.metadata?.creationTimestamp ?? '');
  if (cj.status?.lastScheduleTime) earliest = parseTime(cj.status.lastScheduleTime);
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (includeStartingDeadlineSeconds && deadline !== undefined && deadline !== null) {
    // controller is not going to schedule anything below this point
    const schedulingDeadline = nowMs - deadline * 1000;
    if (schedulingDeadline > earliest) earliest = schedulingDeadline;
  }
  const result = (missed: MissedSchedules, mostRecent?: number, count = 0, error?: string): MostRecent => {
    const r: MostRecent = { earliest, missedSchedules: missed, missed, count };
    if (mostRecent !== undefined) r.mostRecent = mostRecent;
    if (error !== undefined) r.error = error;
    return r;
  };

  const t1 = next(schedule, earliest);
  // A zero t1 means the schedule never fires (robfig gives up after five years); upstream then
  // computes t2 from the zero time, gets zero again and fails on the interval check below.
  if (t1 === undefined) return result('none', undefined, 0, errScheduleTooClose);
  const t2 = next(schedule, t1);
  if (nowMs < t1) return result('none');
  // A zero t2 is before now, and t2 - t1 is then negative: the interval check fails below.
  if (t2 === undefined) return result('none', undefined, 0, errScheduleTooClose);
  if (nowMs < t2) return result('none', t1);

  const timeBetweenTwoSchedules = roundSeconds(t2 - t1);
  if (timeBetweenTwoSchedules < 1) return result('none', undefined, 0, errScheduleTooClose);
  // int64(now.Sub(t1).Seconds()): truncated toward zero
  const timeElapsed = Math.trunc((nowMs - t1) / 1000);
  const numberOfMissedSchedules = Math.trunc(timeElapsed / timeBetweenTwoSchedules) + 1;

  let mostRecent: number | undefined;
  const potentialEarliest = t1 + (numberOfMissedSchedules - 1 - 1) * timeBetweenTwoSchedules * 1000;
  for (let t = next(schedule, potentialEarliest); t !== undefined && t <= nowMs; t = next(schedule, t)) {
    mostRecent = t;
  }

  const missed: MissedSchedules = numberOfMissedSchedules > 100 ? 'many' : numberOfMissedSchedules > 0 ? 'few' : 'none';
  return result(missed, mostRecent, numberOfMissedSchedules);
}

/**
 * nextScheduleTimeDuration: how long until the controller should look again (next schedule + 100 ms),
 * in milliseconds. Undefined only when the schedule never fires again (upstream would get a hugely
 * negative duration from the zero time; its controller never asks in that case).
 */
export function nextScheduleTimeDuration(cj: CronJob, now: Instant, schedule: Schedule): number | undefined {
  const nowMs = ms(now);
  const r = mostRecentScheduleTime(cj, nowMs, schedule, false);
  let from: number;
  if (r.error !== undefined) {
    // we still have to requeue at some point, so aim for the next scheduling slot from now
    from = nowMs;
  } else if (r.mostRecent === undefined) {
    // no missed schedules since earliest, else (missed ones with none found) always use now
    from = r.missedSchedules === 'none' ? r.earliest : nowMs;
  } else {
    from = r.mostRecent;
  }
  const t = next(schedule, from);
  return t === undefined ? undefined : t + nextScheduleDelta - nowMs;
}

/** What nextScheduleTime decided: the time to act on, the error, and whether to warn. */
export interface NextSchedule {
  /** The scheduled time to start a Job for, or undefined when there is no unmet time. */
  scheduled?: number;
  error?: string;
  /** When set, the controller records this Warning event (TooManyMissedTimes) first. */
  event?: CronJobEvent;
}

/**
 * nextScheduleTime: the most recent unmet schedule time at or before now (starting deadline
 * included), with the TooManyMissedTimes warning upstream records when more than 100 were missed.
 */
export function nextScheduleTime(cj: CronJob, now: Instant, schedule: Schedule): NextSchedule {
  const nowMs = ms(now);
  const r = mostRecentScheduleTime(cj, nowMs, schedule, true);
  if (r.mostRecent === undefined || r.mostRecent > nowMs) return r.error === undefined ? {} : { error: r.error };
  const out: NextSchedule = { scheduled: r.mostRecent };
  if (r.missedSchedules === 'many') out.event = tooManyMissedTimesEvent();
  if (r.error !== undefined) out.error = r.error;
  return out;
}

/** getTimeHashInMinutes: `t.Unix() / 60` (Unix floors to the second; Go's division truncates toward zero). */
export function getTimeHashInMinutes(scheduledTime: Instant): number {
  return Math.trunc(Math.floor(ms(scheduledTime) / 1000) / 60);
}

/** getJobName: `<cronjob name>-<scheduled time in Unix minutes>`. */
export function getJobName(cj: CronJob, scheduledTime: Instant): string {
  return `${cj.metadata?.name ?? ''}-${getTimeHashInMinutes(scheduledTime)}`;
}

/** batchv1.CronJobScheduledTimestampAnnotation */
export const cronJobScheduledTimestampAnnotation = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Go's `t.In(loc).Format(time.RFC3339)`: whole seconds, `Z` when the offset is zero. */
export function formatRFC3339(t: Instant, timeZone = 'UTC'): string {
  const instant = ms(t);
  const offset = zoneOffsetMs(timeZone, instant);
  const d = new Date(instant - (((instant % 1000) + 1000) % 1000) + offset);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (offset === 0) return `${date}T${time}Z`;
  const m = Math.abs(offset) / 60000;
  return `${date}T${time}${offset < 0 ? '-' : '+'}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** Go's time.RFC1123Z of the time in UTC, for MissSchedule events: `Mon, 02 Jan 2006 15:04:05 +0000`. */
export function rfc1123z(t: Instant): string {
  const d = new Date(ms(t));
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${days[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${months[d.getUTCMonth()]} ${pad(d.getUTCFullYear(), 4)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/**
 * getJobFromTemplate2: the Job the controller creates for a scheduled time: the template's labels
 * and annotations, the scheduled-timestamp annotation (CronJobsScheduledAnnotation, GA and locked
 * on since 1.32) in the CronJob's time zone, the deterministic name, and a controller reference.
 * Undefined (upstream: an error) when spec.timeZone does not load.
 */
export function getJobFromTemplate2(cj: CronJob, scheduledTime: Instant): Job | undefined {
  const tmpl = cj.spec?.jobTemplate;
  const timeZone = cj.spec?.timeZone ?? '';
  if (!validateTimeZone(timeZone)) return undefined;
  const labels: Record<string, string> = { ...(tmpl?.metadata?.labels ?? {}) };
  const annotations: Record<string, string> = { ...(tmpl?.metadata?.annotations ?? {}) };
  annotations[cronJobScheduledTimestampAnnotation] = formatRFC3339(
    scheduledTime,
    timeZone === '' || timeZone === 'Local' ? 'UTC' : timeZone,
  );
  return {
    metadata: {
      labels,
      annotations,
      name: getJobName(cj, scheduledTime),
      creationTimestamp: formatRFC3339(scheduledTime),
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: cj.metadata?.name ?? '',
          uid: cj.metadata?.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: clone(tmpl?.spec ?? { template: {} }),
  };
}

/**
 * getJobsToBeReconciled: the Jobs in the CronJob's namespace whose controller reference
 * names the CronJob. The name is all that matters (not the uid, not the labels): Jobs left by an
 * earlier CronJob of the same name, or with labels the template no longer has, are reconciled too.
 */
export function getJobsToBeReconciled(cj: CronJob, jobs: Job[]): Job[] {
  const namespace = cj.metadata?.namespace ?? 'default';
  return jobs.filter((job) => {
    if ((job.metadata?.namespace ?? 'default') !== namespace) return false;
    const ref = (job.metadata?.ownerReferences ?? []).find((r) => r.controller === true);
    return ref !== undefined && ref.name === (cj.metadata?.name ?? '');
  });
}

/** inActiveList: status.active holds a reference with this UID. */
export function inActiveList(cj: CronJob, uid: string | undefined): boolean {
  return (cj.status?.active ?? []).some((j) => j.uid === uid);
}

/** inActiveListByName: status.active holds a reference with this Job's name and namespace. */
export function inActiveListByName(cj: CronJob, job: Job): boolean {
  return (cj.status?.active ?? []).some(
    (j) => j.name === job.metadata?.name && j.namespace === job.metadata?.namespace,
  );
}

/** deleteFromActiveList: the CronJob with the references of this UID removed (a new object; upstream mutates). */
export function deleteFromActiveList(cj: CronJob, uid: string | undefined): CronJob {
  const active = (cj.status?.active ?? []).filter((j) => j.uid !== uid);
  return { ...cj, status: { ...cj.status, active } };
}

/** getFinishedStatus / jobutil.FinishedCondition: the first Complete or Failed condition that is True. */
export function getFinishedStatus(job: Job): { finished: boolean; type: '' | 'Complete' | 'Failed' } {
  for (const c of job.status?.conditions ?? ([] as JobCondition[])) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return { finished: true, type: c.type };
  }
  return { finished: false, type: '' };
}

/** jobutil.IsJobFinished */
export function isJobFinished(job: Job): boolean {
  return getFinishedStatus(job).finished;
}

/** jobutil.IsJobSucceeded: a True Complete condition. */
export function isJobSucceeded(job: Job): boolean {
  return (job.status?.conditions ?? []).some((c) => c.type === 'Complete' && c.status === 'True');
}

/**
 * byJobStartTime as an Array.prototype.sort comparator: jobs with a start time first, earliest
 * first, ties (and two without) by name.
 */
export function byJobStartTime(a: Job, b: Job): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (sa === undefined && sb !== undefined) return 1;
  if (sa !== undefined && sb === undefined) return -1;
  const ta = sa === undefined ? 0 : parseTime(sa);
  const tb = sb === undefined ? 0 : parseTime(sb);
  if (ta === tb) {
    const na = a.metadata?.name ?? '';
    const nb = b.metadata?.name ?? '';
    return na < nb ? -1 : na > nb ? 1 : 0;
  }
  return ta < tb ? -1 : 1;
}

/** getRef / ref.GetReference for a Job, in ObjectReference's field order. */
export function getRef(job: Job): ObjectReference {
  const fields: [keyof ObjectReference, string | undefined][] = [
    ['kind', 'Job'],
    ['namespace', job.metadata?.namespace],
    ['name', job.metadata?.name],
    ['uid', job.metadata?.uid],
    ['apiVersion', 'batch/v1'],
    ['resourceVersion', job.metadata?.resourceVersion],
  ];
  // Empty fields are left out (omitempty) by not setting them, not by `delete`.
  const ref: Record<string, string> = {};
  for (const [k, v] of fields) if (v !== undefined && v !== '') ref[k] = v;
  return ref as ObjectReference;
}

// ---- events recorded by cronjob_controllerv2.go, text copied verbatim ----

export interface CronJobEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** formatSchedule: the spec the controller parses, and the UnsupportedSchedule warning for `TZ` in it. */
export function formatSchedule(cj: CronJob): { schedule: string; event?: CronJobEvent } {
  const schedule = cj.spec?.schedule ?? '';
  if (schedule.includes('TZ')) {
    return {
      schedule,
      event: {
        type: 'Warning',
        reason: 'UnsupportedSchedule',
        message: `CRON_TZ or TZ used in schedule ${goQuote(schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
      },
    };
  }
  const tz = cj.spec?.timeZone;
  if (tz !== undefined && tz !== null) {
    if (!validateTimeZone(tz)) return { schedule };
    return { schedule: `TZ=${tz} ${schedule}` };
  }
  return { schedule };
}

export const tooManyMissedTimesEvent = (): CronJobEvent => ({
  type: 'Warning',
  reason: 'TooManyMissedTimes',
  message: 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
});

export const missScheduleEvent = (scheduled: Instant): CronJobEvent => ({
  type: 'Warning',
  reason: 'MissSchedule',
  message: `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`,
});

/** `time.LoadLocation`'s error for a name it cannot load. */
export const unknownTimeZoneError = (tz: string) => `unknown time zone ${tz}`;

export const unknownTimeZoneEvent = (tz: string): CronJobEvent => ({
  type: 'Warning',
  reason: 'UnknownTimeZone',
  message: `invalid timeZone: ${goQuote(tz)}: ${unknownTimeZoneError(tz)}`,
});

export const unparseableScheduleEvent = (schedule: string, err: string): CronJobEvent => ({
  type: 'Warning',
  reason: 'UnparseableSchedule',
  message: `unparseable schedule: ${goQuote(schedule)} : ${err}`,
});

export const invalidScheduleEvent = (schedule: string, err: string): CronJobEvent => ({
  type: 'Warning',
  reason: 'InvalidSchedule',
  message: `invalid schedule: ${schedule} : ${err}`,
});

export const unexpectedJobEvent = (job: string): CronJobEvent => ({
  type: 'Warning',
  reason: 'UnexpectedJob',
  message: `Saw a job that the controller did not create or forgot: ${job}`,
});

export const sawCompletedJobEvent = (job: string, condition: string): CronJobEvent => ({
  type: 'Normal',
  reason: 'SawCompletedJob',
  message: `Saw completed job: ${job}, condition: ${condition}`,
});

export const missingJobEvent = (job: string): CronJobEvent => ({
  type: 'Normal',
  reason: 'MissingJob',
  message: `Active job went missing: ${job}`,
});

export const jobAlreadyActiveEvent = (): CronJobEvent => ({
  type: 'Normal',
  reason: 'JobAlreadyActive',
  message: 'Not starting job because prior execution is running and concurrency policy is Forbid',
});

export const successfulCreateEvent = (job: string): CronJobEvent => ({
  type: 'Normal',
  reason: 'SuccessfulCreate',
  message: `Created job ${job}`,
});

export const successfulDeleteEvent = (job: string): CronJobEvent => ({
  type: 'Normal',
  reason: 'SuccessfulDelete',
  message: `Deleted job ${job}`,
});
