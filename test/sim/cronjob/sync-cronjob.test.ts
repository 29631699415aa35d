/**
 * The CronJob controller's sync, driven directly with a fake host as upstream drives syncCronJob
 * with fake listers, a fake job control and a fake recorder.
 *
 * upstream: pkg/controller/cronjob/cronjob_controllerv2_test.go (Kubernetes 1.34)
 * TestControllerV2SyncCronJob, TestControllerV2CleanupFinishedJobs,
 * TestControllerV2GetJobsToBeReconciled, TestControllerV2JobAlreadyExistsButNotInActiveStatus,
 * TestControllerV2JobAlreadyExistsButDifferentOwner.
 *
 * How upstream's inputs map onto the host: the CronJob the controller reads first is the
 * informer's copy (`cj`), a second read is the API server's (`realCJ`, fakeCJControl.GetCronJob);
 * `peekAll('Job')` is the Job lister (`js`); `peek('Job', …)` is fakeJobControl.GetJob, which like
 * upstream's fake answers with its one Job whatever the name, or fails (`jobGetErr`: no Job);
 * `createJob` fails with `jobCreateError`; the requeue is the `cronjob.sync` timer the controller
 * sets (`expectRequeueAfter` → `host.schedule(now + duration)`).
 *
 * Upstream's syncCronJob returns `updateStatus`; here the controller writes the status itself,
 * once, when it changed, so `expectUpdateStatus` is "writeStatus was called". Upstream checks
 * `expectActive` only against fakeCJControl.Updates, which syncCronJob never fills (the check never
 * runs); here it is checked against the status the sync leaves, and the two cases where upstream's
 * number disagrees with its own code say so.
 */
import { describe, expect, test } from 'vitest';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { CronJobController, type CronJobHost, type CreateJobFailure } from '../../../src/sim/cronjob/controller';
import {
  cronJobScheduledTimestampAnnotation,
  formatRFC3339,
  getJobFromTemplate2,
  getJobName,
  getJobsToBeReconciled,
  getRef,
  nextScheduleDelta,
} from '../../../src/sim/cronjob/utils';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const T = (s: string) => Date.parse(s);
const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

// upstream's time helpers
const justASecondBeforeTheHour = T('2016-05-19T09:59:59Z');
const justAfterThePriorHour = T('2016-05-19T09:01:00Z');
const justBeforeThePriorHour = T('2016-05-19T08:59:00Z');
const justAfterTheHour = T('2016-05-19T10:01:00Z');
// time.ParseInLocation of a string ending in Z is still that UTC instant
const justAfterTheHourInZone = (_tz: string) => justAfterTheHour;
const topOfTheHour = T('2016-05-19T10:00:00Z');
const justBeforeTheHour = T('2016-05-19T09:59:00Z');
const justBeforeTheNextHour = T('2016-05-19T10:59:00Z');
const weekAfterTheHour = T('2016-05-26T10:00:00Z');

const shortDead = 10;
const mediumDead = 2 * 60 * 60;
const longDead = 1000000;
const errorSchedule = 'obvious error schedule';
const onTheHour = '0 * * * ?';
const everyHour = '@every 1h';
const errorTimeZone = 'bad timezone';
const newYork = 'America/New_York';

const jobSpec = () => ({
  parallelism: 1,
  completions: 1,
  template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: '', image: 'foo/bar' }] } },
});

/** upstream cronJob(): a CronJob with some fields filled in. */
const cronJob = (): CronJob => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'mycronjob', namespace: 'snazzycats', uid: '1a2b3c', creationTimestamp: iso(justBeforeTheHour) },
  spec: {
    schedule: '* * * * ?',
    concurrencyPolicy: 'Allow',
    jobTemplate: { metadata: { labels: { a: 'b' }, annotations: { x: 'y' } }, spec: jobSpec() as any },
  },
  status: {},
});

interface Recorded {
  created: Job[];
  deleted: string[];
  writes: CronJob[];
  events: { type: string; reason: string; message: string }[];
  scheduled: number[];
}

/** A host that serves fixed objects and records what the controller asks of it. */
function fakeHost(o: {
  now: number;
  cj: CronJob;
  realCJ?: CronJob;
  jobs: Job[];
  getJob?: Job;
  jobGetErr?: boolean;
  jobCreateError?: CreateJobFailure | string;
}): { host: CronJobHost; rec: Recorded } {
  const rec: Recorded = { created: [], deleted: [], writes: [], events: [], scheduled: [] };
  let cronJobReads = 0;
  const host: CronJobHost = {
    now: () => o.now,
    schedule: (at, type) => {
      if (type === 'cronjob.sync') rec.scheduled.push(at);
    },
    pending: () => false,
    peekAll: (kind) => (kind === 'Job' ? o.jobs : [o.cj]),
    peek: (kind, _namespace, name) => {
      if (kind === 'CronJob') return cronJobReads++ === 0 ? o.cj : (o.realCJ ?? o.cj);
      // what CreateJob answered (upstream's fake gives it the uid "test-uid")
      const made = rec.created.find((j) => j.metadata?.name === name);
      if (made) return { ...made, metadata: { ...made.metadata, uid: 'test-uid' } };
      return o.jobGetErr ? undefined : o.getJob;
    },
    peekOwnedBy: () => o.jobs,
    createJob: (job) => {
      if (o.jobCreateError === 'AlreadyExists' || o.jobCreateError === 'NamespaceTerminating')
        return {
          reason: o.jobCreateError,
          error:
            o.jobCreateError === 'AlreadyExists'
              ? `jobs.batch "${job.metadata?.name}" already exists`
              : `jobs.batch "${job.metadata?.name}" is forbidden: unable to create new content in namespace snazzycats because it is being terminated`,
        };
      if (o.jobCreateError !== undefined) return { error: o.jobCreateError };
      rec.created.push(job);
      return { name: job.metadata?.name };
    },
    deleteJob: (job) => void rec.deleted.push(job.metadata?.name ?? ''),
    writeStatus: (_kind, obj) => void rec.writes.push(obj),
    record: (_obj, type, reason, message) => void rec.events.push({ type, reason, message }),
  };
  return { host, rec };
}

interface Case {
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  suspend?: boolean;
  schedule?: string;
  timeZone?: string;
  deadline?: number; // undefined: noDead
  ranPreviously?: boolean;
  stillActive?: boolean;
  cronjobCreationTime?: number;
  jobCreationTime: number;
  lastScheduleTime?: number;
  now: number;
  jobCreateError?: CreateJobFailure;
  jobGetErr?: boolean;
  expectCreate?: boolean;
  expectDelete?: boolean;
  expectActive?: number;
  expectedWarnings?: number;
  expectErr?: boolean;
  expectRequeueAfter?: boolean;
  expectedRequeueDuration?: number;
  expectUpdateStatus?: boolean;
  jobStillNotFoundInLister?: boolean;
  jobPresentInCJActiveStatus?: boolean;
  /**
   * Not upstream's: the sync goes on with the API server's copy of the CronJob (the informer's
   * lacked the Job) and writes nothing; expectActive is that copy's.
   */
  activeOfTheAPIServersCopy?: boolean;
  /** Not upstream's: the reasons of the warnings it counts. */
  warnings?: string[];
}

// upstream: TestControllerV2SyncCronJob
const cases: Record<string, Case> = {
  'never ran, not valid schedule, A': {
    concurrencyPolicy: 'Allow',
    schedule: errorSchedule,
    jobCreationTime: justAfterThePriorHour,
    now: justBeforeTheHour,
    expectedWarnings: 1,
    jobPresentInCJActiveStatus: true,
    warnings: ['UnparseableSchedule'],
  },
  'never ran, not valid schedule, F': {
    concurrencyPolicy: 'Forbid',
    schedule: errorSchedule,
    jobCreationTime: justAfterThePriorHour,
    now: justBeforeTheHour,
    expectedWarnings: 1,
    jobPresentInCJActiveStatus: true,
    warnings: ['UnparseableSchedule'],
  },
  'never ran, not valid schedule, R': {
    concurrencyPolicy: 'Forbid', // sic: upstream's R case uses Forbid
    schedule: errorSchedule,
    jobCreationTime: justAfterThePriorHour,
    now: justBeforeTheHour,
    expectedWarnings: 1,
    jobPresentInCJActiveStatus: true,
    warnings: ['UnparseableSchedule'],
  },
  'never ran, not valid time zone': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    timeZone: errorTimeZone,
    jobCreationTime: justAfterThePriorHour,
    now: justBeforeTheHour,
    expectedWarnings: 1,
    jobPresentInCJActiveStatus: true,
    warnings: ['UnknownTimeZone'],
  },
  'never ran, not time, A': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    jobCreationTime: justAfterThePriorHour,
    now: justBeforeTheHour,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * MIN + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
  },
  'never ran, not time, F': {
    concurrencyPolicy: 'Forbid',
    schedule: onTheHour,
    jobCreationTime: justAfterThePriorHour,
    now: justBeforeTheHour,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * MIN + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
  },
  'never ran, not time, R': {
    concurrencyPolicy: 'Replace',
    schedule: onTheHour,
    jobCreationTime: justAfterThePriorHour,
    now: justBeforeTheHour,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * MIN + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
  },
  'never ran, not time in zone': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    timeZone: newYork,
    jobCreationTime: justAfterThePriorHour,
    now: justBeforeTheHour,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * MIN + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
  },
  'never ran, is time, A': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectCreate: true,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'never ran, is time, F': {
    concurrencyPolicy: 'Forbid',
    schedule: onTheHour,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectCreate: true,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'never ran, is time, R': {
    concurrencyPolicy: 'Replace',
    schedule: onTheHour,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectCreate: true,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  // The CronJobTimeZone gate is GA and gone in 1.34; the case stays, and behaves as the next one.
  'never ran, is time in zone, but time zone disabled': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    timeZone: newYork,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHourInZone(newYork),
    expectCreate: true,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'never ran, is time in zone': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    timeZone: newYork,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHourInZone(newYork),
    expectCreate: true,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'never ran, is time in zone, but TZ is also set in schedule': {
    concurrencyPolicy: 'Allow',
    schedule: 'TZ=UTC ' + onTheHour,
    timeZone: newYork,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHourInZone(newYork),
    expectCreate: true,
    // upstream leaves expectActive at 0 (its check never runs); the Job it creates is active
    expectActive: 1,
    expectedWarnings: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
    warnings: ['UnsupportedSchedule'],
  },
  'never ran, is time, suspended': {
    concurrencyPolicy: 'Allow',
    suspend: true,
    schedule: onTheHour,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    jobPresentInCJActiveStatus: true,
  },
  'never ran, is time, past deadline': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    deadline: shortDead,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour + MIN * (shortDead + 1),
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN - MIN * (shortDead + 1) + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
  },
  'never ran, is time, not past deadline': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    deadline: longDead,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectCreate: true,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },

  'prev ran but done, not time, A': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    ranPreviously: true,
    jobCreationTime: justAfterThePriorHour,
    now: justBeforeTheHour,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'prev ran but done, not time, F': {
    concurrencyPolicy: 'Forbid',
    schedule: onTheHour,
    ranPreviously: true,
    jobCreationTime: justAfterThePriorHour,
    now: justBeforeTheHour,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'prev ran but done, not time, R': {
    concurrencyPolicy: 'Replace',
    schedule: onTheHour,
    ranPreviously: true,
    jobCreationTime: justAfterThePriorHour,
    now: justBeforeTheHour,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'prev ran but done, is time, A': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    ranPreviously: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectCreate: true,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  // AlreadyExists: GetJob answers with the earlier (finished) Job, ours and not active: it goes
  // into the active list (upstream's expectActive 0 is never checked).
  'prev ran but done, is time, create job failed, A': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    ranPreviously: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    jobCreateError: 'AlreadyExists',
    expectErr: false,
    expectActive: 1,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'prev ran but done, is time, job not present in CJ active status, create job failed, A': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    ranPreviously: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    jobCreateError: 'AlreadyExists',
    expectErr: false,
    expectActive: 1,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: false,
  },
  'prev ran but done, is time, F': {
    concurrencyPolicy: 'Forbid',
    schedule: onTheHour,
    ranPreviously: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectCreate: true,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'prev ran but done, is time, R': {
    concurrencyPolicy: 'Replace',
    schedule: onTheHour,
    ranPreviously: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectCreate: true,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'prev ran but done, is time, suspended': {
    concurrencyPolicy: 'Allow',
    suspend: true,
    schedule: onTheHour,
    ranPreviously: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'prev ran but done, is time, past deadline': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    deadline: shortDead,
    ranPreviously: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'prev ran but done, is time, not past deadline': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    deadline: longDead,
    ranPreviously: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectCreate: true,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },

  'still active, not time, A': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    ranPreviously: true,
    stillActive: true,
    jobCreationTime: justAfterThePriorHour,
    now: justBeforeTheHour,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * MIN + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
  },
  'still active, not time, F': {
    concurrencyPolicy: 'Forbid',
    schedule: onTheHour,
    ranPreviously: true,
    stillActive: true,
    jobCreationTime: justAfterThePriorHour,
    now: justBeforeTheHour,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * MIN + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
  },
  'still active, not time, R': {
    concurrencyPolicy: 'Replace',
    schedule: onTheHour,
    ranPreviously: true,
    stillActive: true,
    jobCreationTime: justAfterThePriorHour,
    now: justBeforeTheHour,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * MIN + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
  },
  'still active, is time, A': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    ranPreviously: true,
    stillActive: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectCreate: true,
    expectActive: 2,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'still active, is time, F': {
    concurrencyPolicy: 'Forbid',
    schedule: onTheHour,
    ranPreviously: true,
    stillActive: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
  },
  'still active, is time, R': {
    concurrencyPolicy: 'Replace',
    schedule: onTheHour,
    ranPreviously: true,
    stillActive: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectCreate: true,
    expectDelete: true,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  // upstream's GetJob fails with BadRequest; here the API server read finds no Job (FailedGet too)
  'still active, is time, get job failed, R': {
    concurrencyPolicy: 'Replace',
    schedule: onTheHour,
    ranPreviously: true,
    stillActive: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    jobGetErr: true,
    expectActive: 1,
    expectedWarnings: 1,
    jobPresentInCJActiveStatus: true,
    warnings: ['FailedGet'],
  },
  'still active, is time, suspended': {
    concurrencyPolicy: 'Allow',
    suspend: true,
    schedule: onTheHour,
    ranPreviously: true,
    stillActive: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectActive: 1,
    jobPresentInCJActiveStatus: true,
  },
  'still active, is time, past deadline': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    deadline: shortDead,
    ranPreviously: true,
    stillActive: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
  },
  'still active, is time, not past deadline': {
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    deadline: longDead,
    ranPreviously: true,
    stillActive: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectCreate: true,
    expectActive: 2,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },

  // Controller should fail to schedule these, as there are too many missed starting times
  // and either no deadline or a too long deadline.
  ...Object.fromEntries(
    (
      [
        ['not past deadline', longDead],
        ['no deadline', undefined],
      ] as const
    ).flatMap(([what, deadline]) =>
      (
        [
          ['A', 'Allow'],
          ['R', 'Replace'],
          ['F', 'Forbid'],
        ] as const
      ).map(([p, policy]) => [
        `prev ran but done, long overdue, ${what}, ${p}`,
        {
          concurrencyPolicy: policy,
          schedule: onTheHour,
          deadline,
          ranPreviously: true,
          jobCreationTime: justAfterThePriorHour,
          now: weekAfterTheHour,
          expectCreate: true,
          expectActive: 1,
          expectedWarnings: 1,
          expectRequeueAfter: true,
          expectedRequeueDuration: 1 * HOUR + nextScheduleDelta,
          expectUpdateStatus: true,
          jobPresentInCJActiveStatus: true,
          warnings: ['TooManyMissedTimes'],
        } satisfies Case,
      ]),
    ),
  ),

  ...Object.fromEntries(
    (
      [
        ['A', 'Allow'],
        ['R', 'Replace'],
        ['F', 'Forbid'],
      ] as const
    ).flatMap(([p, policy]) =>
      (
        [
          ['medium', mediumDead],
          ['short', shortDead],
        ] as const
      ).map(([what, deadline]) => [
        `prev ran but done, long overdue, past ${what} deadline, ${p}`,
        {
          concurrencyPolicy: policy,
          schedule: onTheHour,
          deadline,
          ranPreviously: true,
          jobCreationTime: justAfterThePriorHour,
          now: weekAfterTheHour,
          expectCreate: true,
          expectActive: 1,
          expectRequeueAfter: true,
          expectedRequeueDuration: 1 * HOUR + nextScheduleDelta,
          expectUpdateStatus: true,
          jobPresentInCJActiveStatus: true,
        } satisfies Case,
      ]),
    ),
  ),

  // Tests for time skews
  // the controller sees job is created, takes no actions
  'this ran but done, time drifted back, F': {
    concurrencyPolicy: 'Forbid',
    schedule: onTheHour,
    ranPreviously: true,
    jobCreationTime: justAfterTheHour,
    now: justBeforeTheHour,
    jobCreateError: 'AlreadyExists',
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
  },

  // Tests for slow job lister
  ...Object.fromEntries(
    (
      [
        ['A', 'Allow'],
        ['f', 'Forbid'],
        ['R', 'Replace'],
      ] as const
    ).flatMap(([p, policy]) => [
      [
        `this started but went missing, not past deadline, ${p}`,
        {
          concurrencyPolicy: policy,
          schedule: onTheHour,
          deadline: longDead,
          ranPreviously: true,
          stillActive: true,
          jobCreationTime: topOfTheHour + 100,
          now: justAfterTheHour + 100,
          expectActive: 1,
          expectRequeueAfter: true,
          expectedRequeueDuration: 1 * HOUR - 1 * MIN - 100 + nextScheduleDelta,
          jobStillNotFoundInLister: true,
          jobPresentInCJActiveStatus: true,
        } satisfies Case,
      ],
    ]),
  ),

  // Tests for slow cronjob list
  ...Object.fromEntries(
    (
      [
        ['A', 'Allow'],
        ['f', 'Forbid'],
        ['R', 'Replace'],
      ] as const
    ).map(([p, policy]) => [
      `this started but is not present in cronjob active list, not past deadline, ${p}`,
      {
        concurrencyPolicy: policy,
        schedule: onTheHour,
        deadline: longDead,
        ranPreviously: true,
        stillActive: true,
        jobCreationTime: topOfTheHour + 100,
        now: justAfterTheHour + 100,
        expectActive: 1,
        expectRequeueAfter: true,
        expectedRequeueDuration: 1 * HOUR - 1 * MIN - 100 + nextScheduleDelta,
        activeOfTheAPIServersCopy: true,
      } satisfies Case,
    ]),
  ),

  // Tests for @every-style schedule
  'with @every schedule, never ran, not time': {
    concurrencyPolicy: 'Allow',
    schedule: everyHour,
    cronjobCreationTime: justBeforeTheHour,
    jobCreationTime: justBeforeTheHour,
    now: topOfTheHour,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
  },
  'with @every schedule, never ran, is time': {
    concurrencyPolicy: 'Allow',
    schedule: everyHour,
    cronjobCreationTime: justBeforeThePriorHour,
    jobCreationTime: justBeforeThePriorHour,
    now: justBeforeTheHour,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
    expectCreate: true,
    expectActive: 1,
    expectUpdateStatus: true,
  },
  'with @every schedule, never ran, is time, past deadline': {
    concurrencyPolicy: 'Allow',
    schedule: everyHour,
    deadline: shortDead,
    cronjobCreationTime: justBeforeThePriorHour,
    jobCreationTime: justBeforeThePriorHour,
    now: justBeforeTheHour + SEC * (shortDead + 1),
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - SEC * (shortDead + 1) + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
  },
  'with @every schedule, never ran, is time, not past deadline': {
    concurrencyPolicy: 'Allow',
    schedule: everyHour,
    deadline: longDead,
    cronjobCreationTime: justBeforeThePriorHour,
    jobCreationTime: justBeforeThePriorHour,
    now: justBeforeTheHour + SEC * (shortDead - 1),
    expectCreate: true,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - SEC * (shortDead - 1) + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'with @every schedule, prev ran but done, not time': {
    concurrencyPolicy: 'Allow',
    schedule: everyHour,
    ranPreviously: true,
    cronjobCreationTime: justBeforeThePriorHour,
    jobCreationTime: justBeforeThePriorHour,
    lastScheduleTime: justBeforeTheHour,
    now: topOfTheHour,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'with @every schedule, prev ran but done, is time': {
    concurrencyPolicy: 'Allow',
    schedule: everyHour,
    ranPreviously: true,
    cronjobCreationTime: justBeforeThePriorHour,
    jobCreationTime: justBeforeThePriorHour,
    lastScheduleTime: justBeforeTheHour,
    now: topOfTheHour + 1 * HOUR,
    expectCreate: true,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'with @every schedule, prev ran but done, is time, past deadline': {
    concurrencyPolicy: 'Allow',
    schedule: everyHour,
    deadline: shortDead,
    ranPreviously: true,
    cronjobCreationTime: justBeforeThePriorHour,
    jobCreationTime: justBeforeThePriorHour,
    lastScheduleTime: justBeforeTheHour,
    now: justBeforeTheNextHour + SEC * (shortDead + 1),
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - SEC * (shortDead + 1) + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  // Upstream keeps "with @every schedule, prev ran but done, is time, not past deadline" commented
  // out: startingDeadlineSeconds moves the time schedule.Next starts from, and with @every X that
  // shifts the result. Left out here too.
  'with @every schedule, still active, not time': {
    concurrencyPolicy: 'Allow',
    schedule: everyHour,
    ranPreviously: true,
    stillActive: true,
    cronjobCreationTime: justBeforeThePriorHour,
    jobCreationTime: justBeforeTheHour,
    lastScheduleTime: justBeforeTheHour,
    now: topOfTheHour,
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 1 * MIN + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
  },
  'with @every schedule, still active, is time': {
    concurrencyPolicy: 'Allow',
    schedule: everyHour,
    ranPreviously: true,
    stillActive: true,
    cronjobCreationTime: justBeforeThePriorHour,
    jobCreationTime: justBeforeThePriorHour,
    lastScheduleTime: justBeforeThePriorHour,
    now: justAfterTheHour,
    expectCreate: true,
    expectActive: 2,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - 2 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'with @every schedule, still active, is time, past deadline': {
    concurrencyPolicy: 'Allow',
    schedule: everyHour,
    deadline: shortDead,
    ranPreviously: true,
    stillActive: true,
    cronjobCreationTime: justBeforeThePriorHour,
    jobCreationTime: justBeforeTheHour,
    lastScheduleTime: justBeforeTheHour,
    now: justBeforeTheNextHour + SEC * (shortDead + 1),
    expectActive: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - SEC * (shortDead + 1) + nextScheduleDelta,
    jobPresentInCJActiveStatus: true,
  },
  'with @every schedule, still active, is time, not past deadline': {
    concurrencyPolicy: 'Allow',
    schedule: everyHour,
    deadline: longDead,
    ranPreviously: true,
    stillActive: true,
    cronjobCreationTime: justBeforeThePriorHour,
    jobCreationTime: justBeforeTheHour,
    lastScheduleTime: justBeforeTheHour,
    now: justBeforeTheNextHour + SEC * (shortDead - 1),
    expectCreate: true,
    expectActive: 2,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - SEC * (shortDead - 1) + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  'with @every schedule, prev ran but done, long overdue, no deadline': {
    concurrencyPolicy: 'Allow',
    schedule: everyHour,
    ranPreviously: true,
    cronjobCreationTime: justAfterThePriorHour,
    lastScheduleTime: justAfterTheHour,
    jobCreationTime: justAfterThePriorHour,
    now: weekAfterTheHour,
    expectCreate: true,
    expectActive: 1,
    expectedWarnings: 1,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * MIN + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
    warnings: ['TooManyMissedTimes'],
  },
  'with @every schedule, prev ran but done, long overdue, past deadline': {
    concurrencyPolicy: 'Allow',
    schedule: everyHour,
    deadline: shortDead,
    ranPreviously: true,
    cronjobCreationTime: justAfterThePriorHour,
    lastScheduleTime: justAfterTheHour,
    jobCreationTime: justAfterThePriorHour,
    now: weekAfterTheHour + 1 * MIN + SEC * (shortDead + 1),
    // upstream says 1 (its check never runs): too late, nothing is created, the earlier Job is done
    expectActive: 0,
    expectRequeueAfter: true,
    expectedRequeueDuration: 1 * HOUR - SEC * (shortDead + 1) + nextScheduleDelta,
    expectUpdateStatus: true,
    jobPresentInCJActiveStatus: true,
  },
  // Upstream makes the create fail with a NamespaceTerminatingCause status; the host says so with
  // reason 'NamespaceTerminating'. Upstream's zero-valued spec (no schedule, no policy) is filled
  // in by cronJob() except the schedule, given as upstream's onTheHour.
  'do nothing if the namespace is terminating': {
    jobCreateError: 'NamespaceTerminating',
    concurrencyPolicy: 'Allow',
    schedule: onTheHour,
    ranPreviously: true,
    stillActive: true,
    jobCreationTime: justAfterThePriorHour,
    now: justAfterTheHour,
    expectActive: 0,
    expectRequeueAfter: false,
    expectUpdateStatus: false,
    expectErr: true,
    jobPresentInCJActiveStatus: false,
  },
};

/** The CronJob, the Jobs and the host a case describes, as upstream's test body builds them. */
function setUp(tc: Case) {
  const cj = cronJob();
  cj.spec!.concurrencyPolicy = tc.concurrencyPolicy;
  cj.spec!.suspend = tc.suspend ?? false;
  cj.spec!.schedule = tc.schedule ?? '';
  if (tc.timeZone !== undefined) cj.spec!.timeZone = tc.timeZone;
  if (tc.deadline !== undefined) cj.spec!.startingDeadlineSeconds = tc.deadline;

  let job: Job | undefined;
  const js: Job[] = [];
  const realCJ: CronJob = structuredClone(cj);
  if (tc.ranPreviously) {
    (cj.metadata as any).creationTimestamp = iso(tc.cronjobCreationTime ?? justBeforeThePriorHour);
    cj.status!.lastScheduleTime = iso(tc.lastScheduleTime ?? justAfterThePriorHour);
    job = getJobFromTemplate2(cj, tc.jobCreationTime)!;
    (job.metadata as any).uid = '1234';
    job.metadata!.namespace = cj.metadata!.namespace;
    if (tc.stillActive) {
      const ref = getRef(job);
      if (tc.jobPresentInCJActiveStatus) cj.status!.active = [ref];
      realCJ.status!.active = [ref];
      if (!tc.jobStillNotFoundInLister) js.push(job);
    } else {
      job.status = {
        completionTime: iso(Date.parse(job.metadata!.creationTimestamp!) + 10 * SEC),
        conditions: [{ type: 'Complete', status: 'True' }],
      };
      if (!tc.jobStillNotFoundInLister) js.push(job);
    }
  } else {
    (cj.metadata as any).creationTimestamp = iso(tc.cronjobCreationTime ?? justBeforeTheHour);
    if (tc.stillActive) throw new Error('test setup error: this case makes no sense');
  }
  return { cj, realCJ, job, js };
}

describe('syncCronJob (TestControllerV2SyncCronJob)', () => {
  test('deadline parameters', () => {
    expect(Math.trunc(shortDead / 60 / 60)).toBeLessThan(1);
    expect(Math.trunc(mediumDead / 60 / 60)).toBeGreaterThanOrEqual(1);
    expect(Math.trunc(mediumDead / 60 / 60)).toBeLessThan(24);
    expect(Math.trunc(longDead / 60 / 60 / 24)).toBeGreaterThanOrEqual(10);
  });

  test.each(Object.entries(cases))('%s', (name, tc) => {
    const { cj, realCJ, job, js } = setUp(tc);
    const input = structuredClone(cj);
    const { host, rec } = fakeHost({
      now: tc.now,
      cj,
      realCJ,
      jobs: js,
      getJob: job,
      jobGetErr: tc.jobGetErr,
      jobCreateError: tc.jobCreateError,
    });
    const controller = new CronJobController(host);
    controller.sync('snazzycats', 'mycronjob');

    // The controller works on a copy.
    expect(cj).toEqual(input);
    const after: CronJob = rec.writes.at(-1) ?? cj;

    if (tc.expectRequeueAfter) expect(rec.scheduled).toEqual([tc.now + tc.expectedRequeueDuration!]);
    if (tc.expectErr) expect(rec.scheduled).toEqual([tc.now + 5]); // the workqueue's rate-limited retry
    expect(rec.writes.length > 0).toBe(tc.expectUpdateStatus ?? false);
    expect(rec.writes.length).toBeLessThanOrEqual(1);

    if (tc.ranPreviously && !tc.stillActive) {
      expect(after.status?.lastSuccessfulTime).toBe(iso(tc.jobCreationTime + 10 * SEC));
    }

    expect(rec.created).toHaveLength(tc.expectCreate ? 1 : 0);
    for (const created of rec.created) {
      const ref = created.metadata?.ownerReferences?.find((r) => r.controller);
      expect(ref).toEqual({
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        name: 'mycronjob',
        uid: '1a2b3c',
        controller: true,
        blockOwnerDeletion: true,
      });
      // Named for its scheduled time, which is the new lastScheduleTime, and annotated with it in the zone.
      const scheduled = Date.parse(after.status!.lastScheduleTime!);
      if (tc.schedule?.endsWith(onTheHour)) expect(scheduled).toBe(Math.floor(tc.now / HOUR) * HOUR);
      expect(created.metadata?.name).toBe(getJobName(cj, scheduled));
      expect(created.metadata?.namespace).toBe('snazzycats');
      expect(created.metadata?.labels).toEqual({ a: 'b' });
      expect(created.metadata?.annotations).toEqual({
        x: 'y',
        [cronJobScheduledTimestampAnnotation]: formatRFC3339(
          scheduled,
          tc.timeZone ?? 'UTC', // spec.timeZone, even when the schedule names its own
        ),
      });
      expect(after.status?.active?.some((a) => a.name === created.metadata?.name)).toBe(true);
    }

    expect(rec.deleted).toHaveLength(tc.expectDelete ? 1 : 0);

    let expectedEvents = 0;
    if (tc.expectCreate) expectedEvents++;
    if (tc.expectDelete) expectedEvents++;
    // this is the only test case where we would raise an event for not scheduling
    if (name === 'still active, is time, F') expectedEvents++;
    expectedEvents += tc.expectedWarnings ?? 0;
    expect(rec.events).toHaveLength(expectedEvents);
    const warnings = rec.events.filter((e) => e.type === 'Warning');
    expect(warnings).toHaveLength(tc.expectedWarnings ?? 0);
    if (tc.warnings) expect(warnings.map((e) => e.reason)).toEqual(tc.warnings);
    if (tc.expectCreate) expect(rec.events.map((e) => e.reason)).toContain('SuccessfulCreate');
    if (tc.expectDelete) expect(rec.events.map((e) => e.reason)).toContain('SuccessfulDelete');
    if (name === 'still active, is time, F') expect(rec.events.map((e) => e.reason)).toEqual(['JobAlreadyActive']);

    const active = tc.activeOfTheAPIServersCopy && !rec.writes.length ? realCJ : after;
    expect(active.status?.active ?? []).toHaveLength(tc.expectActive ?? 0);
  });

  test('the event texts', () => {
    const run = (name: string) => {
      const tc = cases[name];
      const { cj, realCJ, job, js } = setUp(tc);
      const { host, rec } = fakeHost({ now: tc.now, cj, realCJ, jobs: js, getJob: job, jobGetErr: tc.jobGetErr });
      new CronJobController(host).sync('snazzycats', 'mycronjob');
      return rec.events.map((e) => `${e.type} ${e.reason} ${e.message}`);
    };
    expect(run('never ran, not valid schedule, A')).toEqual([
      'Warning UnparseableSchedule unparseable schedule: "obvious error schedule" : expected exactly 5 fields, found 3: [obvious error schedule]',
    ]);
    expect(run('never ran, not valid time zone')).toEqual([
      'Warning UnknownTimeZone invalid timeZone: "bad timezone": unknown time zone bad timezone',
    ]);
    expect(run('never ran, is time in zone, but TZ is also set in schedule')[0]).toBe(
      'Warning UnsupportedSchedule CRON_TZ or TZ used in schedule "TZ=UTC 0 * * * ?" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details',
    );
    expect(run('still active, is time, F')).toEqual([
      'Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid',
    ]);
    const minutes = Math.floor(topOfTheHour / MIN);
    expect(run('still active, is time, R')).toEqual([
      `Normal SuccessfulDelete Deleted job mycronjob-${Math.floor(justAfterThePriorHour / MIN)}`,
      `Normal SuccessfulCreate Created job mycronjob-${minutes}`,
    ]);
    expect(run('prev ran but done, long overdue, no deadline, A')[0]).toBe(
      'Warning TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    );
    // Past the deadline there is no unmet time at all (the deadline moves the earliest time up):
    // no MissSchedule, as upstream counts no warning.
    expect(run('never ran, is time, past deadline')).toEqual([]);
  });

  test('a Job gone from the API server is dropped from the active list (MissingJob)', () => {
    const tc = cases['this started but went missing, not past deadline, A'];
    const { cj, realCJ, js } = setUp(tc);
    const { host, rec } = fakeHost({ now: tc.now, cj, realCJ, jobs: js });
    new CronJobController(host).sync('snazzycats', 'mycronjob');
    // ... and, within the deadline, the run of 10:00 starts again
    const name = `mycronjob-${Math.floor(topOfTheHour / MIN)}`;
    expect(rec.events.map((e) => `${e.reason} ${e.message}`)).toEqual([
      `MissingJob Active job went missing: ${name}`,
      `SuccessfulCreate Created job ${name}`,
    ]);
    expect(rec.writes.at(-1)?.status?.active?.map((a) => a.uid)).toEqual(['test-uid']);
  });

  test('a failed create is retried with the workqueue back-off, not at the next schedule', () => {
    const tc = cases['never ran, is time, A'];
    const { cj, realCJ, job, js } = setUp(tc);
    const { host, rec } = fakeHost({
      now: tc.now,
      cj,
      realCJ,
      jobs: js,
      getJob: job,
      jobCreateError: 'quota for # of jobs reached',
    });
    const c = new CronJobController(host);
    c.sync('snazzycats', 'mycronjob');
    c.sync('snazzycats', 'mycronjob');
    expect(rec.events.map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([
      'Warning FailedCreate Error creating job: quota for # of jobs reached',
      'Warning FailedCreate Error creating job: quota for # of jobs reached',
    ]);
    expect(rec.scheduled).toEqual([tc.now + 5, tc.now + 10]);
    expect(rec.writes).toEqual([]);
  });
});

const trueRef = true;

// upstream: TestControllerV2GetJobsToBeReconciled
describe('getJobsToBeReconciled (TestControllerV2GetJobsToBeReconciled)', () => {
  const fooer: CronJob = { metadata: { namespace: 'foo-ns', name: 'fooer' } };
  const job = (name: string, namespace: string, extra: Record<string, unknown> = {}): Job => ({
    metadata: { name, namespace, ...extra },
  });
  test.each<[string, CronJob, Job[], string[]]>([
    [
      'test getting jobs in namespace without controller reference',
      fooer,
      [job('foo', 'foo-ns'), job('foo1', 'foo-ns'), job('foo2', 'foo-ns')],
      [],
    ],
    [
      'test getting jobs in namespace with a controller reference',
      fooer,
      [
        job('foo', 'foo-ns'),
        job('foo1', 'foo-ns', { ownerReferences: [{ name: 'fooer', controller: trueRef }] }),
        job('foo2', 'foo-ns'),
      ],
      ['foo1'],
    ],
    [
      'test getting jobs in other namespaces',
      fooer,
      [job('foo', 'bar-ns'), job('foo1', 'bar-ns'), job('foo2', 'bar-ns')],
      [],
    ],
    [
      'test getting jobs whose labels do not match job template',
      { ...fooer, spec: { schedule: '', jobTemplate: { metadata: { labels: { key: 'value' } } } } },
      [
        job('foo-fooer-owner-ref', 'foo-ns', {
          labels: { key: 'different-value' },
          ownerReferences: [{ name: 'fooer', controller: trueRef }],
        }),
        job('foo-other-owner-ref', 'foo-ns', {
          labels: { key: 'different-value' },
          ownerReferences: [{ name: 'another-cronjob', controller: trueRef }],
        }),
      ],
      ['foo-fooer-owner-ref'],
    ],
  ])('%s', (_name, cj, jobs, expected) => {
    expect(getJobsToBeReconciled(cj, jobs).map((j) => j.metadata?.name)).toEqual(expected);
  });
});

// upstream: TestControllerV2CleanupFinishedJobs
describe('cleanupFinishedJobs (TestControllerV2CleanupFinishedJobs)', () => {
  const finished = (name: string, startTime: number): Job => ({
    metadata: {
      namespace: 'foo-ns',
      name,
      uid: name,
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'fooer', uid: '', controller: true }],
    },
    status: { startTime: iso(startTime), conditions: [{ type: 'Complete', status: 'True' }] },
  });
  const fooer = (limit: number): CronJob => ({
    metadata: { namespace: 'foo-ns', name: 'fooer' },
    spec: {
      schedule: onTheHour,
      successfulJobsHistoryLimit: limit,
      jobTemplate: { metadata: { labels: { key: 'value' } } },
    },
    status: { lastScheduleTime: iso(justAfterThePriorHour) },
  });
  test.each<[string, number, CronJob, Job[], string | undefined, string[]]>([
    [
      "jobs are still deleted when a cronjob can't create jobs due to jobs quota being reached (avoiding a deadlock)",
      justAfterTheHour,
      fooer(1),
      [
        finished('finished-job-started-hour-ago', justBeforeThePriorHour),
        finished('finished-job-started-minute-ago', justBeforeTheHour),
      ],
      'Internal error occurred: quota for # of jobs reached',
      ['finished-job-started-hour-ago'],
    ],
    [
      'jobs are not deleted if history limit not reached',
      justBeforeTheHour,
      fooer(2),
      [finished('finished-job-started-hour-ago', justBeforeThePriorHour)],
      undefined,
      [],
    ],
  ])('%s', (_name, now, cj, jobs, jobCreateError, expectedDeletedJobs) => {
    const { host, rec } = fakeHost({ now, cj, jobs, jobCreateError });
    new CronJobController(host).sync('foo-ns', 'fooer');
    expect([...rec.deleted].sort()).toEqual([...expectedDeletedJobs].sort());
  });
});

/** Upstream's setup for the two AlreadyExists tests: the Job of 09:01 exists, the informer has not seen it. */
function alreadyExists(owned: boolean) {
  const cj = cronJob();
  cj.spec!.concurrencyPolicy = 'Forbid';
  cj.spec!.schedule = everyHour;
  cj.status!.lastScheduleTime = iso(justBeforeThePriorHour);
  cj.status!.active = [];
  const job = getJobFromTemplate2(cj, justAfterThePriorHour)!;
  (job.metadata as any).uid = '1234';
  job.metadata!.namespace = cj.metadata!.namespace;
  if (!owned) job.metadata!.ownerReferences = [];
  const { host, rec } = fakeHost({
    now: justBeforeTheHour,
    cj,
    jobs: [],
    getJob: job,
    jobCreateError: 'AlreadyExists',
  });
  new CronJobController(host).sync('snazzycats', 'mycronjob');
  return { job, rec };
}

// upstream: TestControllerV2JobAlreadyExistsButNotInActiveStatus
test('TestControllerV2JobAlreadyExistsButNotInActiveStatus', () => {
  const { job, rec } = alreadyExists(true);
  expect(rec.writes).toHaveLength(1);
  expect(rec.writes[0].status?.active).toEqual([getRef(job)]);
  expect(rec.events).toEqual([]);
});

// upstream: TestControllerV2JobAlreadyExistsButDifferentOwner
test('TestControllerV2JobAlreadyExistsButDifferentOwner', () => {
  const { rec } = alreadyExists(false);
  expect(rec.writes).toHaveLength(0);
});

test('justASecondBeforeTheHour is one second before the hour', () => {
  expect(topOfTheHour - justASecondBeforeTheHour).toBe(SEC);
});
