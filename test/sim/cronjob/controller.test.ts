import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { checkGoals, createCluster, type Cluster } from '../../../src/sim';
import { parseSchedule } from '../../../src/sim/cronjob/schedule';
import { getJobName, mostRecentScheduleTime, nextScheduleTimeDuration } from '../../../src/sim/cronjob/utils';

const scenario = parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../content/scenarios/cronjob-basics.yaml'), 'utf8'),
);
const T = (s: string) => Date.parse(s);
const sched = (s: string) => {
  const r = parseSchedule(s);
  if (!r.ok) throw new Error(r.error);
  return r.schedule;
};
const cj = (created: string, last?: string, startingDeadlineSeconds?: number) =>
  ({
    metadata: { name: 'cj', creationTimestamp: created },
    spec: { schedule: '', jobTemplate: {}, startingDeadlineSeconds },
    status: last ? { lastScheduleTime: last } : {},
  }) as any;

// upstream: pkg/controller/cronjob/utils_test.go TestMostRecentScheduleTime (selected cases)
describe('mostRecentScheduleTime', () => {
  test.each([
    [
      'now before the first schedule',
      cj('2025-01-01T09:58:00Z'),
      '2025-01-01T09:59:00Z',
      '*/5 * * * *',
      undefined,
      'none',
    ],
    [
      'exactly one missed',
      cj('2025-01-01T09:58:00Z'),
      '2025-01-01T10:01:00Z',
      '*/5 * * * *',
      '2025-01-01T10:00:00Z',
      'none',
    ],
    [
      'a few missed: the latest one wins',
      cj('2025-01-01T09:58:00Z'),
      '2025-01-01T10:17:00Z',
      '*/5 * * * *',
      '2025-01-01T10:15:00Z',
      'few',
    ],
    [
      'counted from lastScheduleTime',
      cj('2025-01-01T00:00:00Z', '2025-01-01T10:10:00Z'),
      '2025-01-01T10:12:00Z',
      '*/5 * * * *',
      undefined,
      'none',
    ],
    [
      'more than 100 missed',
      cj('2025-01-01T00:00:00Z'),
      '2025-01-02T00:00:30Z',
      '* * * * *',
      '2025-01-02T00:00:00Z',
      'many',
    ],
  ])('%s', (_d, c, now, spec, want, missed) => {
    const r = mostRecentScheduleTime(c, T(now), sched(spec), true);
    expect(r.mostRecent === undefined ? undefined : new Date(r.mostRecent).toISOString().replace('.000', '')).toBe(
      want,
    );
    expect(r.missed).toBe(missed);
  });

  test('startingDeadlineSeconds moves the earliest time up', () => {
    const r = mostRecentScheduleTime(
      cj('2025-01-01T00:00:00Z', undefined, 200),
      T('2025-01-02T00:00:30Z'),
      sched('* * * * *'),
      true,
    );
    expect(r.missed).toBe('few');
    expect(new Date(r.mostRecent!).toISOString()).toBe('2025-01-02T00:00:00.000Z');
  });

  test('days of an every-minute schedule cost a handful of Next calls', () => {
    let calls = 0;
    const s = sched('* * * * *');
    const counting = { next: (t: Date) => (calls++, s.next(t)) };
    mostRecentScheduleTime(cj('2025-01-01T00:00:00Z'), T('2025-01-31T00:00:00Z'), counting, true);
    expect(calls).toBeLessThan(10);
  });

  test('nextScheduleTimeDuration adds 100 ms', () => {
    expect(nextScheduleTimeDuration(cj('2025-01-01T09:58:00Z'), T('2025-01-01T09:58:00Z'), sched('*/5 * * * *'))).toBe(
      120_100,
    );
  });

  // upstream: TestGetJobName-style: minutes since the epoch
  test('job names', () => {
    expect(getJobName({ metadata: { name: 'report' } } as any, T('2025-01-01T10:00:00Z'))).toBe('report-28928760');
  });
});

const jobs = (c: Cluster) => (c.list('jobs') as any[]).map((j) => j.metadata.name).sort();
const activeJobs = (c: Cluster) =>
  (c.list('jobs') as any[]).filter(
    (j) =>
      !j.status?.conditions?.some((x: any) => x.status === 'True' && (x.type === 'Complete' || x.type === 'Failed')),
  );

describe('the cronjob-basics lesson', () => {
  test('Allow: the 7-minute runs overlap', () => {
    const c = createCluster({ startTime: scenario.startTime });
    expect(c.apply(scenario.manifests).errors).toEqual([]);
    c.advance(130);
    expect(jobs(c)).toEqual(['report-28928760']);
    let maxActive = 0;
    c.runUntil((cl) => ((maxActive = Math.max(maxActive, activeJobs(cl).length)), false), 1800);
    expect(maxActive).toBe(2);
    const cron = c.get('cj', 'report') as any;
    expect(cron.status.lastScheduleTime).toBe('2025-01-01T10:30:00Z');
    expect(cron.status.lastSuccessfulTime).toBeDefined();
  });

  test('Forbid (the solution): never two at once, skipped runs recorded, history limited to 3', () => {
    const c = createCluster({ startTime: scenario.startTime });
    c.apply(scenario.solution.manifests);
    let maxActive = 0;
    c.runUntil(
      (cl) => ((maxActive = Math.max(maxActive, activeJobs(cl).length)), false),
      scenario.solution.advanceSeconds + 3600,
    );
    expect(maxActive).toBe(1);
    expect(checkGoals(c, scenario.goals).every((g) => g.met)).toBe(true);
    const events = (c.events() as any[]).filter((e) => e.involvedObject.kind === 'CronJob');
    expect(events.find((e) => e.reason === 'JobAlreadyActive')?.message).toBe(
      'Not starting job because prior execution is running and concurrency policy is Forbid',
    );
    expect(
      events.some(
        (e) => e.reason === 'SawCompletedJob' && /^Saw completed job: report-\d+, condition: Complete$/.test(e.message),
      ),
    ).toBe(true);
    const complete = (c.list('jobs') as any[]).filter((j) =>
      j.status?.conditions?.some((x: any) => x.type === 'Complete'),
    );
    expect(complete.length).toBeLessThanOrEqual(3);
    expect(events.some((e) => e.reason === 'SuccessfulDelete')).toBe(true);
  });

  test('Replace: the running Job is deleted and the new one starts', () => {
    const c = createCluster({ startTime: scenario.startTime });
    c.apply(scenario.manifests.replace('concurrencyPolicy: Allow', 'concurrencyPolicy: Replace'));
    c.advance(60 * 8);
    expect(activeJobs(c).map((j: any) => j.metadata.name)).toEqual(['report-28928765']);
    expect(
      (c.events() as any[]).some((e) => e.reason === 'SuccessfulDelete' && e.message === 'Deleted job report-28928760'),
    ).toBe(true);
  });

  test('suspend stops new runs; after a long pause only the latest missed run starts', () => {
    const c = createCluster({ startTime: scenario.startTime });
    const y = (s: boolean) =>
      scenario.manifests.replace('concurrencyPolicy: Allow', `concurrencyPolicy: Allow\n  suspend: ${s}`);
    c.apply(y(true));
    c.advance(3600);
    expect(jobs(c)).toEqual([]);
    c.apply(y(false));
    c.advance(1);
    expect(jobs(c)).toEqual(['report-28928815']);
  });

  test('an every-minute CronJob for an hour: one Job a minute, history limited', () => {
    const c = createCluster();
    c.apply(`apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
spec:
  schedule: "* * * * *"
  successfulJobsHistoryLimit: 3
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: tick
              image: busybox
              command: ["sh", "-c", "sleep 10"]`);
    c.advance(3600.5); // the controller looks 100 ms after each scheduled time
    expect((c.get('cj', 'tick') as any).status.lastScheduleTime).toBe('2025-01-01T01:00:00Z');
    expect(c.list('jobs').length).toBeLessThanOrEqual(4);
  });
});
