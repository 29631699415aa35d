import { describe, expect, test } from 'vitest';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { parseSchedule, type Schedule } from '../../../src/sim/cronjob/schedule';
import {
  byJobStartTime,
  cronJobScheduledTimestampAnnotation,
  deleteFromActiveList,
  formatRFC3339,
  formatSchedule,
  getFinishedStatus,
  getJobFromTemplate2,
  getJobName,
  getRef,
  getTimeHashInMinutes,
  inActiveList,
  inActiveListByName,
  invalidScheduleEvent,
  isJobFinished,
  isJobSucceeded,
  missScheduleEvent,
  mostRecentScheduleTime,
  nextScheduleTime,
  nextScheduleTimeDuration,
  tooManyMissedTimesEvent,
  unknownTimeZoneEvent,
  unparseableScheduleEvent,
  type MissedSchedules,
} from '../../../src/sim/cronjob/utils';

const sched = (spec: string, tz?: string): Schedule => {
  const r = parseSchedule(spec, tz);
  if (!r.ok) throw new Error(r.error);
  return r.schedule;
};

// upstream helpers topOfTheHour / deltaTimeAfterTopOfTheHour
const topOfTheHour = Date.parse('2016-05-19T10:00:00Z');
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const after = (d: number) => topOfTheHour + d;
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

const cronJob = (o: {
  created: number;
  schedule: string;
  last?: number;
  startingDeadlineSeconds?: number;
}): CronJob => ({
  metadata: { name: 'mycronjob', namespace: 'default', uid: '1a2b3c', creationTimestamp: iso(o.created) },
  spec: {
    schedule: o.schedule,
    concurrencyPolicy: 'Allow',
    jobTemplate: {},
    ...(o.startingDeadlineSeconds !== undefined ? { startingDeadlineSeconds: o.startingDeadlineSeconds } : {}),
  },
  status: o.last !== undefined ? { lastScheduleTime: iso(o.last) } : {},
});

// upstream: pkg/controller/cronjob/utils_test.go TestMostRecentScheduleTime
describe('mostRecentScheduleTime (TestMostRecentScheduleTime)', () => {
  const oneMinute = 60;
  const tenSeconds = 10;
  type Case = {
    name: string;
    cj: CronJob;
    includeSDS?: boolean;
    now: number;
    earliest?: number;
    recent?: number;
    missed?: MissedSchedules;
    wantErr?: boolean;
  };
  const cases: Case[] = [
    {
      name: 'now before next schedule',
      cj: cronJob({ created: topOfTheHour, schedule: '0 * * * *' }),
      now: after(30 * SEC),
      earliest: topOfTheHour,
    },
    {
      name: 'now just after next schedule',
      cj: cronJob({ created: topOfTheHour, schedule: '0 * * * *' }),
      now: after(61 * MIN),
      recent: after(60 * MIN),
      earliest: topOfTheHour,
    },
    {
      name: 'missed 5 schedules',
      cj: cronJob({ created: after(10 * SEC), schedule: '0 * * * *' }),
      now: after(301 * MIN),
      recent: after(300 * MIN),
      earliest: after(10 * SEC),
      missed: 'few',
    },
    {
      name: 'complex schedule',
      cj: cronJob({ created: topOfTheHour, schedule: '30 6-16/4 * * 1-5', last: after(30 * MIN) }),
      now: after(24 * HOUR + 31 * MIN),
      recent: after(24 * HOUR + 30 * MIN),
      earliest: after(30 * MIN),
      missed: 'few',
    },
    {
      name: 'another complex schedule',
      cj: cronJob({ created: topOfTheHour, schedule: '30 10,11,12 * * 1-5', last: after(30 * MIN) }),
      now: after(30 * HOUR + 30 * MIN),
      recent: undefined,
      earliest: after(30 * MIN),
      missed: 'few',
    },
    {
      name: 'complex schedule with longer diff between executions',
      cj: cronJob({ created: topOfTheHour, schedule: '30 6-16/4 * * 1-5', last: after(30 * MIN) }),
      now: after(96 * HOUR + 31 * MIN),
      recent: after(96 * HOUR + 30 * MIN),
      earliest: after(30 * MIN),
      missed: 'few',
    },
    {
      name: 'complex schedule with shorter diff between executions',
      cj: cronJob({ created: topOfTheHour, schedule: '30 6-16/4 * * 1-5' }),
      now: after(24 * HOUR + 31 * MIN),
      recent: after(24 * HOUR + 30 * MIN),
      earliest: topOfTheHour,
      missed: 'few',
    },
    {
      name: '@every schedule',
      cj: cronJob({
        created: after(-59 * MIN),
        schedule: '@every 1h',
        startingDeadlineSeconds: tenSeconds,
        last: after(1 * MIN),
      }),
      now: after(7 * DAY),
      recent: after(6 * DAY + 23 * HOUR + 1 * MIN),
      earliest: after(1 * MIN),
      missed: 'many',
    },
    {
      name: 'rogue cronjob',
      cj: cronJob({ created: after(10 * SEC), schedule: '59 23 31 2 *' }),
      now: after(1 * HOUR),
      recent: undefined,
      wantErr: true,
    },
    {
      name: 'earliestTime being CreationTimestamp and LastScheduleTime',
      cj: cronJob({ created: topOfTheHour, schedule: '0 * * * *', last: topOfTheHour }),
      now: after(30 * SEC),
      earliest: topOfTheHour,
      recent: undefined,
    },
    {
      name: 'earliestTime being LastScheduleTime',
      cj: cronJob({ created: topOfTheHour, schedule: '*/5 * * * *', last: after(30 * MIN) }),
      now: after(31 * MIN),
      earliest: after(30 * MIN),
      recent: undefined,
    },
    {
      name: 'earliestTime being LastScheduleTime (within StartingDeadlineSeconds)',
      cj: cronJob({
        created: topOfTheHour,
        schedule: '*/5 * * * *',
        startingDeadlineSeconds: oneMinute,
        last: after(30 * MIN),
      }),
      now: after(31 * MIN),
      earliest: after(30 * MIN),
      recent: undefined,
    },
    {
      name: 'earliestTime being LastScheduleTime (outside StartingDeadlineSeconds)',
      cj: cronJob({
        created: topOfTheHour,
        schedule: '*/5 * * * *',
        startingDeadlineSeconds: oneMinute,
        last: after(30 * MIN),
      }),
      includeSDS: true,
      now: after(32 * MIN),
      earliest: after(31 * MIN),
      recent: undefined,
    },
  ];
  test.each(cases)('$name', (tt) => {
    const got = mostRecentScheduleTime(tt.cj, tt.now, sched(tt.cj.spec!.schedule), tt.includeSDS ?? false);
    if (tt.wantErr) {
      expect(got.error).toBe('time difference between two schedules is less than 1 second');
      expect(got.mostRecent).toBeUndefined();
      return;
    }
    expect(got.error).toBeUndefined();
    expect(iso(got.earliest)).toBe(iso(tt.earliest!));
    expect(got.mostRecent === undefined ? undefined : iso(got.mostRecent)).toBe(
      tt.recent === undefined ? undefined : iso(tt.recent),
    );
    expect(got.missedSchedules).toBe(tt.missed ?? 'none');
    expect(got.missed).toBe(tt.missed ?? 'none');
  });

  test('a Date is accepted for now', () => {
    const cj = cronJob({ created: topOfTheHour, schedule: '0 * * * *' });
    expect(mostRecentScheduleTime(cj, new Date(after(61 * MIN)), sched('0 * * * *'), false).mostRecent).toBe(
      after(60 * MIN),
    );
  });

  test('the count that decides few and many: 100 is few, 101 is many', () => {
    const cj = cronJob({ created: topOfTheHour, schedule: '* * * * *' });
    // t1 = 10:01; now - t1 = 99 minutes → 99/60s + 1 = 100 missed
    const few = mostRecentScheduleTime(cj, after(100 * MIN), sched('* * * * *'), false);
    expect([few.count, few.missed, iso(few.mostRecent!)]).toEqual([100, 'few', '2016-05-19T11:40:00Z']);
    const many = mostRecentScheduleTime(cj, after(101 * MIN), sched('* * * * *'), false);
    expect([many.count, many.missed, iso(many.mostRecent!)]).toEqual([101, 'many', '2016-05-19T11:41:00Z']);
  });

  test('30 days of an every-minute schedule cost a handful of Next calls, not 43200', () => {
    let calls = 0;
    const s = sched('* * * * *');
    const counting: Schedule = { next: (t) => (calls++, s.next(t)) };
    const cj = cronJob({ created: topOfTheHour, schedule: '* * * * *' });
    const r = mostRecentScheduleTime(cj, after(30 * DAY + 30 * SEC), counting, false);
    expect(iso(r.mostRecent!)).toBe('2016-06-18T10:00:00Z');
    expect(r.count).toBe(43200);
    expect(r.missed).toBe('many');
    expect(calls).toBeLessThanOrEqual(5);
  });

  test('@every counts from the last schedule time, not from the clock', () => {
    const cj = cronJob({ created: after(7 * SEC), schedule: '@every 90s' });
    const r = mostRecentScheduleTime(cj, after(10 * MIN), sched('@every 90s'), false);
    // 10:00:07 + k * 90 s ≤ 10:10:00 → k = 6 → 10:09:07
    expect(iso(r.mostRecent!)).toBe('2016-05-19T10:09:07Z');
    expect(r.missed).toBe('few');
  });
});

// upstream: pkg/controller/cronjob/utils_test.go TestNextScheduleTimeDuration
describe('nextScheduleTimeDuration (TestNextScheduleTimeDuration)', () => {
  test.each([
    {
      name: 'complex schedule skipping weekend',
      cj: cronJob({ created: topOfTheHour, schedule: '30 6-16/4 * * 1-5', last: after(30 * MIN) }),
      now: after(24 * HOUR + 31 * MIN),
      want: 3 * HOUR + 59 * MIN + 100,
    },
    {
      name: 'another complex schedule skipping weekend',
      cj: cronJob({ created: topOfTheHour, schedule: '30 10,11,12 * * 1-5', last: after(30 * MIN) }),
      now: after(30 * HOUR + 30 * MIN),
      want: 66 * HOUR + 100,
    },
    {
      name: 'once a week cronjob, missed two runs',
      cj: cronJob({ created: topOfTheHour, schedule: '0 12 * * 4', last: after(2 * HOUR) }),
      now: after(19 * DAY + 1 * HOUR + 30 * MIN),
      want: 48 * HOUR + 30 * MIN + 100,
    },
    {
      name: 'no previous run of a cronjob',
      cj: cronJob({ created: topOfTheHour, schedule: '0 12 * * 5' }),
      now: after(6 * HOUR),
      want: 20 * HOUR + 100,
    },
  ])('$name', ({ cj, now, want }) => {
    const got = nextScheduleTimeDuration(cj, now, sched(cj.spec!.schedule));
    expect(got).toBeGreaterThanOrEqual(0);
    expect(got).toBe(want);
  });

  test('a rogue schedule still asks to be requeued from now (it never fires: undefined)', () => {
    const cj = cronJob({ created: after(10 * SEC), schedule: '59 23 31 2 *' });
    expect(nextScheduleTimeDuration(cj, after(1 * HOUR), sched('59 23 31 2 *'))).toBeUndefined();
  });
});

// upstream: pkg/controller/cronjob/utils_test.go TestNextScheduleTime
describe('nextScheduleTime (TestNextScheduleTime)', () => {
  const T1 = topOfTheHour;
  const T2 = after(1 * HOUR);
  const s = sched('0 * * * ?');
  test.each([
    {
      name: 'Case 1: no known start times, and none needed yet',
      cj: cronJob({ created: T1 - 10 * MIN, schedule: '0 * * * ?' }),
      now: T1 - 7 * MIN,
      want: undefined,
    },
    {
      name: 'Case 2: no known start times, and one needed',
      cj: cronJob({ created: T1 - 10 * MIN, schedule: '0 * * * ?' }),
      now: T1 + 2 * SEC,
      want: T1,
    },
    {
      name: 'Case 3: known LastScheduleTime, no start needed',
      cj: cronJob({ created: T1 - 10 * MIN, schedule: '0 * * * ?', last: T1 }),
      now: T1 + 2 * MIN,
      want: undefined,
    },
    {
      name: 'Case 4: known LastScheduleTime, a start needed',
      cj: cronJob({ created: T1 - 10 * MIN, schedule: '0 * * * ?', last: T1 }),
      now: T2 + 5 * MIN,
      want: T2,
    },
    {
      name: 'Case 5: known LastScheduleTime, two starts needed',
      cj: cronJob({ created: T1 - 2 * HOUR, schedule: '0 * * * ?', last: T1 - HOUR }),
      now: T2 + 5 * MIN,
      want: T2,
    },
  ])('$name', ({ cj, now, want }) => {
    const got = nextScheduleTime(cj, now, s);
    expect(got.scheduled).toBe(want);
    expect(got.error).toBeUndefined();
    expect(got.event).toBeUndefined();
  });

  test('Case 6: now is way way ahead of last start time, and there is no deadline', () => {
    const cj = cronJob({ created: T1 - 2 * HOUR, schedule: '0 * * * ?', last: T1 - HOUR });
    const got = nextScheduleTime(cj, T2 + 10 * DAY, s);
    expect(iso(got.scheduled!)).toBe('2016-05-29T11:00:00Z');
    expect(got.event).toEqual({
      type: 'Warning',
      reason: 'TooManyMissedTimes',
      message: 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    });
  });

  test('Case 7: now is way way ahead of last start time, but there is a short deadline', () => {
    const cj = cronJob({
      created: T1 - 2 * HOUR,
      schedule: '0 * * * ?',
      last: T1 - HOUR,
      startingDeadlineSeconds: 2 * 60 * 60,
    });
    const got = nextScheduleTime(cj, T2 + 10 * DAY, s);
    expect(iso(got.scheduled!)).toBe('2016-05-29T11:00:00Z');
    expect(got.event).toBeUndefined();
  });

  test('Case 8: ensure the error from mostRecentScheduleTime gets populated up', () => {
    const cj = cronJob({ created: T1 + 10 * SEC, schedule: '59 23 31 2 *' });
    const got = nextScheduleTime(cj, after(1 * HOUR), sched('59 23 31 2 *'));
    expect(got.scheduled).toBeUndefined();
    expect(got.error).toBe('time difference between two schedules is less than 1 second');
    expect(invalidScheduleEvent('59 23 31 2 *', got.error!).message).toBe(
      'invalid schedule: 59 23 31 2 * : time difference between two schedules is less than 1 second',
    );
  });
});

// upstream: pkg/controller/cronjob/utils_test.go TestByJobStartTime
describe('byJobStartTime (TestByJobStartTime)', () => {
  const now = '2018-01-01T02:03:04Z';
  const later = '2019-01-01T02:03:04Z';
  const job = (name: string, startTime?: string): Job => ({
    metadata: { name },
    status: startTime ? { startTime } : {},
  });
  const aNil = job('a');
  const bNil = job('b');
  const aSet = job('a', now);
  const bSet = job('b', now);
  const aSetLater = job('a', later);
  test.each([
    { name: 'both have nil start times', input: [bNil, aNil], expected: [aNil, bNil] },
    { name: 'only the first has a nil start time', input: [aNil, bSet], expected: [bSet, aNil] },
    { name: 'only the second has a nil start time', input: [aSet, bNil], expected: [aSet, bNil] },
    { name: 'both have non-nil, equal start time', input: [bSet, aSet], expected: [aSet, bSet] },
    { name: 'both have non-nil, different start time', input: [aSetLater, bSet], expected: [bSet, aSetLater] },
  ])('$name', ({ input, expected }) => {
    expect([...input].sort(byJobStartTime)).toEqual(expected);
  });
});

// upstream: pkg/controller/cronjob/utils_test.go TestGetJobFromTemplate2
describe('getJobFromTemplate2 (TestGetJobFromTemplate2)', () => {
  const scheduledTime = topOfTheHour;
  const base: CronJob = {
    metadata: { name: 'mycronjob', namespace: 'snazzycats', uid: '1a2b3c' },
    spec: {
      schedule: '* * * * ?',
      concurrencyPolicy: 'Allow',
      jobTemplate: {
        metadata: { labels: { a: 'b' } },
        spec: {
          activeDeadlineSeconds: 1,
          manualSelector: false,
          template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: '', image: 'foo/bar' }] } },
        },
      },
    },
  };
  test.each([
    {
      name: 'UTC timezone and one annotation',
      timeZone: 'UTC',
      inputAnnotations: { x: 'y' } as Record<string, string>,
      expectedScheduledTime: '2016-05-19T10:00:00Z',
      expectedNumberOfAnnotations: 2,
    },
    {
      name: 'nil timezone and one annotation',
      timeZone: undefined,
      inputAnnotations: { x: 'y' } as Record<string, string>,
      expectedScheduledTime: '2016-05-19T10:00:00Z',
      expectedNumberOfAnnotations: 2,
    },
    {
      name: 'correct timezone and multiple annotation',
      timeZone: 'Europe/Rome',
      inputAnnotations: { x: 'y', z: 'x' } as Record<string, string>,
      expectedScheduledTime: '2016-05-19T12:00:00+02:00',
      expectedNumberOfAnnotations: 3,
    },
  ])('$name', (tt) => {
    const cj: CronJob = {
      ...base,
      spec: {
        ...base.spec!,
        ...(tt.timeZone ? { timeZone: tt.timeZone } : {}),
        jobTemplate: { ...base.spec!.jobTemplate, metadata: { labels: { a: 'b' }, annotations: tt.inputAnnotations } },
      },
    };
    const job = getJobFromTemplate2(cj, scheduledTime)!;
    expect(job.metadata!.name).toBe('mycronjob-24394200');
    expect(Object.keys(job.metadata!.labels!)).toHaveLength(1);
    expect(Object.keys(job.metadata!.annotations!)).toHaveLength(tt.expectedNumberOfAnnotations);
    expect(job.metadata!.annotations![cronJobScheduledTimestampAnnotation]).toBe(tt.expectedScheduledTime);
    expect(job.metadata!.creationTimestamp).toBe('2016-05-19T10:00:00Z');
    expect(job.metadata!.ownerReferences).toEqual([
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        name: 'mycronjob',
        uid: '1a2b3c',
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(job.spec).toEqual(base.spec!.jobTemplate.spec);
    expect(job.spec).not.toBe(base.spec!.jobTemplate.spec);
  });

  test('an unloadable timeZone makes no Job (upstream: the LoadLocation error)', () => {
    expect(getJobFromTemplate2({ ...base, spec: { ...base.spec!, timeZone: 'Mars/Olympus' } }, scheduledTime)).toBe(
      undefined,
    );
  });
});

// upstream: cronjob_controllerv2.go getJobName / utils.go getTimeHashInMinutes
describe('job names', () => {
  test.each([
    ['2016-05-19T10:00:00Z', 24394200, 'mycronjob-24394200'],
    ['2016-05-19T10:00:59Z', 24394200, 'mycronjob-24394200'],
    ['2025-01-01T10:00:00Z', 28928760, 'mycronjob-28928760'],
    ['1970-01-01T00:00:00Z', 0, 'mycronjob-0'],
  ])('%s', (t, minutes, name) => {
    expect(getTimeHashInMinutes(Date.parse(t))).toBe(minutes);
    expect(getTimeHashInMinutes(new Date(t))).toBe(minutes);
    expect(getJobName({ metadata: { name: 'mycronjob' } } as CronJob, Date.parse(t))).toBe(name);
  });
});

describe('active list and finished jobs', () => {
  const cj: CronJob = {
    metadata: { name: 'c', namespace: 'ns' },
    spec: { schedule: '* * * * *', jobTemplate: {} },
    status: {
      active: [
        { kind: 'Job', namespace: 'ns', name: 'c-1', uid: 'u1', apiVersion: 'batch/v1' },
        { kind: 'Job', namespace: 'ns', name: 'c-2', uid: 'u2', apiVersion: 'batch/v1' },
      ],
    },
  };
  test('inActiveList / inActiveListByName', () => {
    expect(inActiveList(cj, 'u1')).toBe(true);
    expect(inActiveList(cj, 'u3')).toBe(false);
    expect(inActiveListByName(cj, { metadata: { name: 'c-2', namespace: 'ns' } })).toBe(true);
    expect(inActiveListByName(cj, { metadata: { name: 'c-2', namespace: 'other' } })).toBe(false);
  });
  test('deleteFromActiveList returns a new CronJob without that UID', () => {
    const out = deleteFromActiveList(cj, 'u1');
    expect(out.status!.active!.map((a) => a.name)).toEqual(['c-2']);
    expect(cj.status!.active).toHaveLength(2);
    expect(deleteFromActiveList({ metadata: {} }, 'u1').status!.active).toEqual([]);
  });
  test.each([
    [[{ type: 'Complete', status: 'True' }], true, 'Complete', true],
    [[{ type: 'Failed', status: 'True' }], true, 'Failed', false],
    [[{ type: 'Complete', status: 'False' }], false, '', false],
    [[{ type: 'Suspended', status: 'True' }], false, '', false],
    [[{ type: 'SuccessCriteriaMet', status: 'True' }], false, '', false],
    [[{ type: 'FailureTarget', status: 'True' }], false, '', false],
    [[], false, '', false],
  ])('getFinishedStatus(%j)', (conditions, finished, type, succeeded) => {
    const j = { status: { conditions } } as Job;
    expect(getFinishedStatus(j)).toEqual({ finished, type });
    expect(isJobFinished(j)).toBe(finished);
    expect(isJobSucceeded(j)).toBe(succeeded);
  });
  test('getRef', () => {
    expect(getRef({ metadata: { name: 'c-1', namespace: 'ns', uid: 'u1', resourceVersion: '42' } } as Job)).toEqual({
      kind: 'Job',
      namespace: 'ns',
      name: 'c-1',
      uid: 'u1',
      apiVersion: 'batch/v1',
      resourceVersion: '42',
    });
  });
});

// upstream: cronjob_controllerv2.go formatSchedule and the events syncCronJob records
describe('formatSchedule and event texts', () => {
  const withSpec = (schedule: string, timeZone?: string): CronJob => ({
    metadata: { name: 'c' },
    spec: { schedule, jobTemplate: {}, ...(timeZone !== undefined ? { timeZone } : {}) },
  });
  test.each([
    ['*/5 * * * *', undefined, '*/5 * * * *', undefined],
    ['*/5 * * * *', 'Europe/Rome', 'TZ=Europe/Rome */5 * * * *', undefined],
    ['*/5 * * * *', 'Mars/Olympus', '*/5 * * * *', undefined],
    [
      'TZ=UTC 0 * * * *',
      undefined,
      'TZ=UTC 0 * * * *',
      'CRON_TZ or TZ used in schedule "TZ=UTC 0 * * * *" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details',
    ],
  ])('formatSchedule(%j, %j)', (schedule, tz, want, warning) => {
    const got = formatSchedule(withSpec(schedule, tz));
    expect(got.schedule).toBe(want);
    expect(got.event?.message).toBe(warning);
    if (warning) expect([got.event!.type, got.event!.reason]).toEqual(['Warning', 'UnsupportedSchedule']);
  });

  test('the schedule formatSchedule builds parses in that zone', () => {
    const s = parseSchedule(formatSchedule(withSpec('0 9 * * *', 'Asia/Tokyo')).schedule);
    expect(s.ok && iso(s.schedule.next(new Date('2016-05-19T00:30:00Z'))!.getTime())).toBe('2016-05-20T00:00:00Z');
  });

  test('event texts', () => {
    expect(missScheduleEvent(Date.parse('2016-05-19T10:00:00Z'))).toEqual({
      type: 'Warning',
      reason: 'MissSchedule',
      message: 'Missed scheduled time to start a job: Thu, 19 May 2016 10:00:00 +0000',
    });
    expect(tooManyMissedTimesEvent().message).toBe(
      'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    );
    expect(unknownTimeZoneEvent('Mars/Olympus').message).toBe(
      'invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus',
    );
    const bad = parseSchedule('* * * * * *');
    expect(bad.ok).toBe(false);
    expect(unparseableScheduleEvent('* * * * * *', bad.ok ? '' : bad.error).message).toBe(
      'unparseable schedule: "* * * * * *" : expected exactly 5 fields, found 6: [* * * * * *]',
    );
  });

  test.each([
    [Date.parse('2016-05-19T10:00:00Z'), 'UTC', '2016-05-19T10:00:00Z'],
    [Date.parse('2016-05-19T10:00:00.900Z'), 'UTC', '2016-05-19T10:00:00Z'],
    [Date.parse('2016-05-19T10:00:00Z'), 'America/New_York', '2016-05-19T06:00:00-04:00'],
    [Date.parse('2016-01-19T10:00:00Z'), 'Europe/London', '2016-01-19T10:00:00Z'],
    [Date.parse('2016-05-19T10:00:00Z'), 'Asia/Kolkata', '2016-05-19T15:30:00+05:30'],
  ])('formatRFC3339(%s, %s)', (t, tz, want) => {
    expect(formatRFC3339(t, tz)).toBe(want);
  });
});
