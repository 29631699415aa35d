import { describe, expect, test } from 'vitest';
import { createCluster, type Cluster } from '../../../src/sim';

const job = (c: Cluster, name: string) => c.get('job', name) as any;
const podsOf = (c: Cluster, name: string) =>
  (c.list('pods', { labelSelector: `batch.kubernetes.io/job-name=${name}` }) as any[]).sort((a, b) =>
    a.metadata.creationTimestamp < b.metadata.creationTimestamp
      ? -1
      : a.metadata.creationTimestamp > b.metadata.creationTimestamp
        ? 1
        : 0,
  );
const conds = (c: Cluster, name: string) =>
  (job(c, name).status.conditions ?? []).map((x: any) => [x.type, x.status, x.reason, x.message]);
const eventsOf = (c: Cluster, name: string) =>
  (c.events() as any[]).filter((e) => e.involvedObject.kind === 'Job' && e.involvedObject.name === name);
const manifest = (name: string, spec: string, command: string, restartPolicy = 'Never') => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}
  template:
    spec:
      restartPolicy: ${restartPolicy}
      containers:
        - name: main
          image: busybox
          command: ["sh", "-c", ${JSON.stringify(command)}]
`;
const run = (yaml: string, seconds: number) => {
  const c = createCluster();
  const r = c.apply(yaml);
  expect(r.errors).toEqual([]);
  c.advance(seconds);
  return c;
};

// job_controller_test.go TestControllerSyncJob, its Indexed cases (through the public contract)
describe('Indexed Jobs', () => {
  test('"indexed job completes": annotation, label, hostname, generateName, completedIndexes "0-2"', () => {
    const c = run(manifest('idx', '  completionMode: Indexed\n  completions: 3\n  parallelism: 2', 'sleep 2'), 120);
    const pods = podsOf(c, 'idx');
    expect(pods.map((p) => p.metadata.annotations['batch.kubernetes.io/job-completion-index']).sort()).toEqual([
      '0',
      '1',
      '2',
    ]);
    for (const p of pods) {
      const ix = p.metadata.annotations['batch.kubernetes.io/job-completion-index'];
      expect(p.metadata.labels['batch.kubernetes.io/job-completion-index']).toBe(ix);
      expect(p.spec.hostname).toBe(`idx-${ix}`);
      expect(p.metadata.generateName).toBe(`idx-${ix}-`);
      expect(p.metadata.name.startsWith(`idx-${ix}-`)).toBe(true);
      expect(p.spec.containers[0].env).toMatchObject([
        {
          name: 'JOB_COMPLETION_INDEX',
          valueFrom: { fieldRef: { fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } },
        },
      ]);
    }
    const j = job(c, 'idx');
    expect(j.status.completedIndexes).toBe('0-2');
    expect(j.status.succeeded).toBe(3);
    expect(j.status.failedIndexes).toBeUndefined();
    expect(conds(c, 'idx').map((x: any) => x[0])).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(c.kubectl('describe job idx').stdout).toMatch(/Completed Indexes:\s+0-2/);
  });

  test('failed indexes count toward backoffLimit without backoffLimitPerIndex', () => {
    // Index 1 fails once (its first pod exits 1 when the file-less shell sees index 1 and no retry marker).
    const c = run(
      manifest(
        'rep',
        '  completionMode: Indexed\n  completions: 3\n  parallelism: 3\n  backoffLimit: 1',
        'exit $JOB_COMPLETION_INDEX',
      ),
      30,
    );
    // Index 0 succeeds; 1 and 2 fail: 2 failures > backoffLimit 1.
    const j = job(c, 'rep');
    expect(j.status.completedIndexes).toBe('0');
    expect(j.status.failed).toBe(2);
    expect(conds(c, 'rep')).toEqual([
      ['FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
  });
});

// job_controller_test.go TestSyncJobWithJobPodFailurePolicy
describe('podFailurePolicy', () => {
  const policy = (rules: string) => `  backoffLimit: 6\n  podFailurePolicy:\n    rules:\n${rules}`;
  test('a FailJob rule on exit code 42: FailureTarget then Failed with the rule message', () => {
    const c = run(
      manifest(
        'x',
        policy('      - action: FailJob\n        onExitCodes:\n          operator: In\n          values: [42]'),
        'sleep 1; exit 42',
      ),
      60,
    );
    const pod = podsOf(c, 'x')[0];
    const msg = `Container main for pod default/${pod.metadata.name} failed with exit code 42 matching FailJob rule at index 0`;
    expect(conds(c, 'x')).toEqual([
      ['FailureTarget', 'True', 'PodFailurePolicy', msg],
      ['Failed', 'True', 'PodFailurePolicy', msg],
    ]);
    expect(job(c, 'x').status.failed).toBe(1);
    expect(eventsOf(c, 'x').map((e) => [e.type, e.reason, e.message])).toContainEqual([
      'Warning',
      'PodFailurePolicy',
      msg,
    ]);
    // podReplacementPolicy defaults to Failed with a podFailurePolicy.
    expect(job(c, 'x').spec.podReplacementPolicy).toBe('Failed');
  });

  test('"ignore rule matched": failures matching Ignore are not counted and the pod is replaced', () => {
    const c = run(
      manifest(
        'ign',
        `  backoffLimit: 0\n  podFailurePolicy:\n    rules:\n      - action: Ignore\n        onExitCodes:\n          operator: In\n          values: [3]`,
        'sleep 1; exit 3',
      ),
      40,
    );
    const j = job(c, 'ign');
    expect(j.status.failed).toBeUndefined();
    expect(j.status.conditions).toBeUndefined();
    // Not counted, but the back-off still applies between the replacements (newBackoffRecord sees every failed pod).
    expect(podsOf(c, 'ign').length).toBeGreaterThan(2);
  });

  test('"count rule matched": a Count failure counts toward backoffLimit', () => {
    const c = run(
      manifest(
        'cnt',
        `  backoffLimit: 0\n  podFailurePolicy:\n    rules:\n      - action: Count\n        onExitCodes:\n          operator: NotIn\n          values: [3]`,
        'exit 1',
      ),
      40,
    );
    expect(conds(c, 'cnt').map((x: any) => x[2])).toEqual(['BackoffLimitExceeded', 'BackoffLimitExceeded']);
  });
});

// job_controller_test.go TestSyncJobWithJobBackoffLimitPerIndex
describe('backoffLimitPerIndex', () => {
  test('"failed index, backoffLimitPerIndex=1": retried once with job-index-failure-count, then failedIndexes and FailedIndexes', () => {
    const c = run(
      manifest(
        'pi',
        '  completionMode: Indexed\n  completions: 3\n  parallelism: 3\n  backoffLimitPerIndex: 1',
        'sleep 1; exit $JOB_COMPLETION_INDEX',
      ),
      120,
    );
    const j = job(c, 'pi');
    expect(j.spec.backoffLimit).toBe(2147483647);
    expect(j.status.completedIndexes).toBe('0');
    expect(j.status.failedIndexes).toBe('1,2');
    expect(j.status.failed).toBe(4);
    expect(conds(c, 'pi')).toEqual([
      ['FailureTarget', 'True', 'FailedIndexes', 'Job has failed indexes'],
      ['Failed', 'True', 'FailedIndexes', 'Job has failed indexes'],
    ]);
    const index1 = podsOf(c, 'pi').filter((p) => p.metadata.labels['batch.kubernetes.io/job-completion-index'] === '1');
    expect(index1.map((p) => p.metadata.annotations['batch.kubernetes.io/job-index-failure-count'])).toEqual([
      '0',
      '1',
    ]);
    // The retry waited for the index's back-off: 10 s after the first failure.
    const finishedAt = Date.parse(index1[0].status.containerStatuses[0].state.terminated.finishedAt);
    expect((Date.parse(index1[1].metadata.creationTimestamp) - finishedAt) / 1000).toBe(10);
  });

  test('"max failed indexes exceeded": MaxFailedIndexesExceeded', () => {
    const c = run(
      manifest(
        'mf',
        '  completionMode: Indexed\n  completions: 4\n  parallelism: 4\n  backoffLimitPerIndex: 0\n  maxFailedIndexes: 1',
        'sleep 2; exit $JOB_COMPLETION_INDEX',
      ),
      60,
    );
    // Indexes 1 to 3 fail: 3 failed indexes > maxFailedIndexes 1.
    expect(job(c, 'mf').status.failedIndexes).toBe('1-3');
    expect(conds(c, 'mf').map((x: any) => [x[0], x[2], x[3]])).toEqual([
      ['FailureTarget', 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes'],
      ['Failed', 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes'],
    ]);
  });
});

// job_controller_test.go TestSyncJobWithJobSuccessPolicy
describe('successPolicy', () => {
  test('succeededIndexes "0" met: SuccessCriteriaMet, the other pods terminated, then Complete', () => {
    const c = run(
      manifest(
        'leader',
        '  completionMode: Indexed\n  completions: 3\n  parallelism: 3\n  successPolicy:\n    rules:\n      - succeededIndexes: "0"',
        'sleep ${JOB_COMPLETION_INDEX}00',
      ),
      12,
    );
    const j = job(c, 'leader');
    expect(j.status.completedIndexes).toBe('0');
    expect(conds(c, 'leader')).toEqual([['SuccessCriteriaMet', 'True', 'SuccessPolicy', 'Matched rules at index 0']]);
    expect(j.status.terminating).toBe(2);
    expect(j.status.active).toBeUndefined();
    c.advance(60);
    expect(conds(c, 'leader').map((x: any) => [x[0], x[2], x[3]])).toEqual([
      ['SuccessCriteriaMet', 'SuccessPolicy', 'Matched rules at index 0'],
      ['Complete', 'SuccessPolicy', 'Matched rules at index 0'],
    ]);
    expect(job(c, 'leader').status.terminating).toBe(0);
    expect(job(c, 'leader').status.failed).toBeUndefined();
  });
});

// job_controller_test.go TestControllerSyncJob "too many active pods" / podReplacementPolicy cases
describe('podReplacementPolicy and status.terminating', () => {
  const slow = (policy: string) => manifest('r', `  completions: 1\n  podReplacementPolicy: ${policy}`, 'sleep 600');
  for (const [policy, replacedWhileTerminating] of [
    ['TerminatingOrFailed', true],
    ['Failed', false],
  ] as const) {
    test(`${policy}: a deleted pod is ${replacedWhileTerminating ? '' : 'not '}replaced while it terminates`, () => {
      const c = run(slow(policy), 10);
      const first = podsOf(c, 'r')[0].metadata.name;
      c.kubectl(`delete pod ${first} --wait=false`);
      c.advance(15);
      expect(job(c, 'r').status.terminating).toBe(1);
      const others = podsOf(c, 'r').filter((p) => p.metadata.name !== first);
      expect(others.length).toBe(replacedWhileTerminating ? 1 : 0);
      c.advance(30);
      expect(job(c, 'r').status.terminating).toBe(0);
      expect(podsOf(c, 'r').filter((p) => p.metadata.name !== first).length).toBe(1);
      expect(job(c, 'r').status.failed).toBe(1);
    });
  }
});

describe('the Job machine', () => {
  test('queued → active → backoff → … → failed, with the last decision', () => {
    const c = createCluster();
    c.apply(manifest('m', '  backoffLimit: 1', 'sleep 1; exit 1'));
    c.advance(0.5);
    const seen = new Set<string>();
    c.runUntil((cl) => {
      for (const v of (cl as any).jobs.machineStates ? Object.values((cl as any).jobs.machineStates()) : [])
        seen.add((v as any).value);
      return false;
    }, 120);
    expect([...seen]).toEqual(expect.arrayContaining(['active', 'backoff', 'failed']));
    const m = (c as any).jobs.machineStates()['default/m'];
    expect(m.value).toBe('failed');
    expect(m.context.syncs).toBeGreaterThan(2);
    expect(m.context.lastDecision.create[0]).toMatch(/^m-/);
  });

  test('forget drops the machine with the Job', () => {
    const c = run(manifest('gone', '  ttlSecondsAfterFinished: 5', 'true'), 30);
    expect(job(c, 'gone')).toBeUndefined();
    expect((c as any).jobs.machineStates()['default/gone']).toBeUndefined();
  });

  test('snapshot state is plain JSON and restores to the same history', () => {
    const c = createCluster();
    c.apply(manifest('s', '  completionMode: Indexed\n  completions: 6\n  parallelism: 2', 'sleep 3'));
    c.advance(7);
    const snap = JSON.parse(JSON.stringify(c.snapshot()));
    c.advance(60);
    const d = createCluster();
    d.restore(snap);
    d.advance(60);
    expect(job(d, 's').status).toEqual(job(c, 's').status);
    expect(job(d, 's').status.completedIndexes).toBe('0-5');
  });
});
