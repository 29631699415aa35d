import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { checkGoals, createCluster, type Cluster } from '../../../src/sim';
import { remainingBackoff, wantActive } from '../../../src/sim/job/controller';

const scenario = parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../content/scenarios/job-basics.yaml'), 'utf8'),
);
const job = (c: Cluster, name: string) => c.get('job', name) as any;
const podsOf = (c: Cluster, name: string) =>
  c.list('pods', { labelSelector: `batch.kubernetes.io/job-name=${name}` }) as any[];
const jobYaml = (name: string, spec: string, template: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}
  template:
    spec:
${template}`;

// upstream: pkg/controller/job/backoff_utils_test.go TestGetRemainingBackoffTime
describe('pod failure back-off', () => {
  test.each([
    ['no failures', 0, 0, 0],
    ['one failure, just now', 1, 0, 10_000],
    ['one failure, 3 s ago', 1, 3_000, 7_000],
    ['two failures', 2, 0, 20_000],
    ['three failures, 50 s ago', 3, 50_000, 0],
    ['capped at 10 minutes', 20, 0, 600_000],
  ])('%s', (_d, failures, ago, remaining) => {
    const now = 1_000_000;
    expect(remainingBackoff({ failuresAfterLastSuccess: failures, lastFailureTime: now - ago }, now)).toBe(remaining);
  });
});

// upstream: job_controller_test.go TestControllerSyncJob (the wantActive arithmetic of manageJob)
test.each([
  ['single pod', { parallelism: 1, completions: 1 }, 0, 1],
  ['fixed completions in parallel', { parallelism: 2, completions: 5 }, 0, 2],
  ['only the completions that remain', { parallelism: 2, completions: 5 }, 4, 1],
  ['nothing after all completions', { parallelism: 2, completions: 5 }, 5, 0],
  ['work queue before any success', { parallelism: 3 }, 0, 3],
  ['work queue after a success', { parallelism: 3 }, 1, 0],
])('wantActive: %s', (_d, spec, succeeded, want) => {
  expect(wantActive({ spec: { template: {}, ...spec } } as any, succeeded)).toBe(want);
});

describe('the job-basics lesson', () => {
  test('checksum completes 5 times two at a time; flaky fails after 3 pods with back-off 10 s then 20 s', () => {
    const c = createCluster();
    expect(c.apply(scenario.manifests).errors).toEqual([]);
    let maxActive = 0;
    c.runUntil((cl) => {
      maxActive = Math.max(
        maxActive,
        podsOf(cl, 'checksum').filter((p) => p.status?.phase === 'Running' || p.status?.phase === 'Pending').length,
      );
      return false;
    }, scenario.solution.advanceSeconds);
    expect(maxActive).toBe(2);
    expect(checkGoals(c, scenario.goals).map((g) => g.met)).toEqual([true, true]);

    const checksum = job(c, 'checksum');
    expect(checksum.status.conditions.map((x: any) => [x.type, x.status, x.reason])).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached'],
      ['Complete', 'True', 'CompletionsReached'],
    ]);
    expect(checksum.status.succeeded).toBe(5);
    expect(checksum.status.completionTime).toBeDefined();
    expect(podsOf(c, 'checksum')).toHaveLength(5);

    const flaky = job(c, 'flaky');
    expect(flaky.status.conditions.map((x: any) => [x.type, x.reason, x.message])).toEqual([
      ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    const pods = podsOf(c, 'flaky').sort((a, b) =>
      a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1,
    );
    expect(pods).toHaveLength(3);
    const finished = (p: any) => Date.parse(p.status.containerStatuses[0].state.terminated.finishedAt);
    const created = (p: any) => Date.parse(p.metadata.creationTimestamp);
    expect([(created(pods[1]) - finished(pods[0])) / 1000, (created(pods[2]) - finished(pods[1])) / 1000]).toEqual([
      10, 20,
    ]);
    expect((c.events() as any[]).filter((e) => e.involvedObject.name === 'flaky').map((e) => e.reason)).toContain(
      'BackoffLimitExceeded',
    );
  });

  test('restartPolicy Always is refused', () => {
    const r = createCluster().apply(
      jobYaml(
        'pi',
        '  backoffLimit: 4',
        '      restartPolicy: Always\n      containers:\n        - name: pi\n          image: perl',
      ),
    );
    expect(r.ok).toBe(false);
    expect(r.errors[0].field).toBe('spec.template.spec.restartPolicy');
  });
});

describe('more Job behaviour', () => {
  test('OnFailure: container restarts count toward backoffLimit', () => {
    const c = createCluster();
    c.apply(
      jobYaml(
        'crash',
        '  backoffLimit: 2',
        '      restartPolicy: OnFailure\n      containers:\n        - name: main\n          image: busybox\n          command: ["sh", "-c", "exit 1"]',
      ),
    );
    c.advance(120);
    const j = job(c, 'crash');
    expect(j.status.conditions.find((x: any) => x.type === 'Failed')).toMatchObject({ reason: 'BackoffLimitExceeded' });
    expect(podsOf(c, 'crash').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(0);
  });

  test('activeDeadlineSeconds stops a Job that runs too long', () => {
    const c = createCluster();
    c.apply(
      jobYaml(
        'slow',
        '  activeDeadlineSeconds: 30',
        '      restartPolicy: Never\n      containers:\n        - name: main\n          image: busybox\n          command: ["sh", "-c", "sleep 600"]',
      ),
    );
    c.advance(29);
    expect(job(c, 'slow').status.conditions).toBeUndefined();
    c.advance(1);
    expect(job(c, 'slow').status.conditions[0]).toMatchObject({
      type: 'FailureTarget',
      reason: 'DeadlineExceeded',
      message: 'Job was active longer than specified deadline',
    });
    c.advance(40);
    expect(job(c, 'slow').status.conditions.map((x: any) => x.type)).toEqual(['FailureTarget', 'Failed']);
  });

  test('ttlSecondsAfterFinished deletes the Job and its pods', () => {
    const c = createCluster();
    c.apply(
      jobYaml(
        'short',
        '  ttlSecondsAfterFinished: 60',
        '      restartPolicy: Never\n      containers:\n        - name: main\n          image: busybox\n          command: ["sh", "-c", "echo hi"]',
      ),
    );
    c.advance(30);
    expect(job(c, 'short').status.succeeded).toBe(1);
    c.advance(60);
    expect(job(c, 'short')).toBeUndefined();
    expect(podsOf(c, 'short')).toEqual([]);
  });

  test('a work queue Job is done once one pod succeeds and the others have finished', () => {
    const c = createCluster();
    c.apply(
      jobYaml(
        'queue',
        '  parallelism: 3',
        '      restartPolicy: Never\n      containers:\n        - name: main\n          image: busybox\n          command: ["sh", "-c", "sleep 5"]',
      ),
    );
    c.advance(60);
    const j = job(c, 'queue');
    expect(j.spec.completions).toBeUndefined();
    expect(j.status.succeeded).toBe(3);
    expect(j.status.conditions.find((x: any) => x.type === 'Complete')).toBeDefined();
  });

  test('suspend deletes active pods; resuming starts again', () => {
    const c = createCluster();
    const y = (suspend: boolean) =>
      jobYaml(
        'pausable',
        `  suspend: ${suspend}`,
        '      restartPolicy: Never\n      containers:\n        - name: main\n          image: busybox\n          command: ["sh", "-c", "sleep 600"]',
      );
    c.apply(y(false));
    c.advance(10);
    expect(job(c, 'pausable').status.active).toBe(1);
    c.apply(y(true));
    c.advance(40);
    const j = job(c, 'pausable');
    expect(j.status.active).toBeUndefined();
    expect(j.status.conditions.find((x: any) => x.type === 'Suspended')).toMatchObject({
      status: 'True',
      reason: 'JobSuspended',
    });
    c.apply(y(false));
    c.advance(5);
    expect(job(c, 'pausable').status.active).toBe(1);
    expect(job(c, 'pausable').status.conditions.find((x: any) => x.type === 'Suspended')).toMatchObject({
      status: 'False',
      reason: 'JobResumed',
    });
  });
});
