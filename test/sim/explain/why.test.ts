import { describe, expect, test } from 'vitest';
import { createCluster, type Cluster } from '../../../src/sim';
import { whyCronJob, whyJob, whyNode, whyPod, type Reason } from '../../../src/sim/explain/why';
import { formatDuration, formatSimTime, whyCodes, whyText } from '../../../src/ui/why-text';

/** Every reason the scenarios below produced, by code: the wording test reads them all. */
const seen = new Map<string, Reason[]>();
function saw(rs: Reason[]): Reason[] {
  for (const r of rs) seen.set(r.code, [...(seen.get(r.code) ?? []), r]);
  return rs;
}
const codes = (rs: Reason[]) => rs.map((r) => r.code);
const one = (rs: Reason[], code: string) => {
  const found = rs.filter((r) => r.code === code);
  expect(found, `${code} in ${JSON.stringify(rs)}`).toHaveLength(1);
  return found[0].params;
};

const pod = (c: Cluster, name: string) => whyPod(c, 'default', name);
const podsOf = (c: Cluster, selector: string) => c.list('pods', { labelSelector: selector }) as any[];
const at = (hms: string) => `2025-01-01T${hms}Z`;
const ok = (c: Cluster, yaml: string) => expect(c.apply(yaml).errors).toEqual([]);

const daemonSet = (name: string, podSpec = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
${podSpec}      containers:
      - name: agent
        image: busybox
`;
const bareJob = (name: string, spec: string, command: string, restartPolicy = 'Never') => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}  template:
    spec:
      restartPolicy: ${restartPolicy}
      containers:
      - name: main
        image: busybox
        command: ["sh", "-c", "${command}"]
`;
const cronJob = (name: string, schedule: string, spec: string, command: string) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: "${schedule}"
${spec}  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: main
            image: busybox
            command: ["sh", "-c", "${command}"]
`;
const plainPod = (name: string, extra = '', command = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${extra}  containers:
  - name: main
    image: ${command ? `busybox\n    command: ["sh", "-c", "${command}"]` : 'nginx'}
`;

describe('whyNode: which DaemonSets run here, and why not', () => {
  test('the control-plane taint keeps a DaemonSet without a toleration off the control plane', () => {
    const c = createCluster();
    ok(c, daemonSet('agent'));
    expect(codes(saw(whyNode(c, 'worker-1')))).toEqual(['node.ready', 'node.daemonset.creating']);
    c.advance(5);
    const cp = saw(whyNode(c, 'control-plane'));
    expect(cp).toEqual([
      { code: 'node.ready', params: { name: 'control-plane' } },
      {
        code: 'node.taint',
        params: { taint: 'node-role.kubernetes.io/control-plane:NoSchedule', effect: 'NoSchedule' },
      },
      {
        code: 'node.daemonset.taint',
        params: { daemonSet: 'agent', namespace: 'default', taint: 'node-role.kubernetes.io/control-plane:NoSchedule' },
      },
    ]);
    const w1 = saw(whyNode(c, 'worker-1'));
    const runs = one(w1, 'node.daemonset.runs');
    expect(runs).toMatchObject({ daemonSet: 'agent', phase: 'Running' });
    expect(podsOf(c, 'app=agent').find((p) => p.spec.nodeName === 'worker-1').metadata.name).toBe(runs.pod);
  });

  test('a NoSchedule taint added later keeps the running pod (shouldContinueRunning); NoExecute evicts it', () => {
    const c = createCluster();
    ok(c, daemonSet('agent'));
    c.advance(5);
    expect(c.kubectl('taint nodes worker-1 a=b:NoSchedule').exitCode).toBe(0);
    const w1 = saw(whyNode(c, 'worker-1'));
    expect(one(w1, 'node.taint')).toEqual({ taint: 'a=b:NoSchedule', effect: 'NoSchedule' });
    expect(one(w1, 'node.daemonset.keeps')).toMatchObject({ daemonSet: 'agent', taint: 'a=b:NoSchedule' });

    const victim = podsOf(c, 'app=agent').find((p) => p.spec.nodeName === 'worker-2').metadata.name;
    expect(c.kubectl('taint nodes worker-2 c=d:NoExecute').exitCode).toBe(0);
    const w2 = saw(whyNode(c, 'worker-2'));
    expect(one(w2, 'node.taint')).toEqual({ taint: 'c=d:NoExecute', effect: 'NoExecute' });
    expect(one(w2, 'node.daemonset.taint')).toEqual({
      daemonSet: 'agent',
      namespace: 'default',
      taint: 'c=d:NoExecute',
    });

    const evicted = saw(pod(c, victim));
    expect(codes(evicted)).toEqual(['pod.owner', 'pod.pinned', 'pod.evicted', 'pod.terminating']);
    expect(one(evicted, 'pod.owner')).toEqual({ kind: 'DaemonSet', name: 'agent' });
    expect(one(evicted, 'pod.pinned')).toEqual({ node: 'worker-2' });
    expect(one(evicted, 'pod.evicted')).toEqual({ at: at('00:00:05'), taint: 'c=d:NoExecute' });
    expect(one(evicted, 'pod.terminating')).toEqual({ until: at('00:00:35'), graceSeconds: 30 });

    c.advance(60);
    const gone = saw(pod(c, victim));
    expect(gone).toEqual([
      { code: 'pod.notFound', params: { namespace: 'default', name: victim } },
      { code: 'pod.evicted', params: { at: at('00:00:05'), taint: '' } },
    ]);
  });

  test('a nodeSelector that stops matching: the selector in words, and the pod being removed', () => {
    const c = createCluster();
    expect(c.kubectl('label nodes worker-3 disk=ssd').exitCode).toBe(0);
    ok(c, daemonSet('ssd', '      nodeSelector: {disk: ssd}\n'));
    c.advance(5);
    expect(one(saw(whyNode(c, 'worker-1')), 'node.daemonset.selector')).toEqual({
      daemonSet: 'ssd',
      namespace: 'default',
      selector: 'disk=ssd',
    });
    expect(codes(whyNode(c, 'worker-3'))).toContain('node.daemonset.runs');
    expect(c.kubectl('label nodes worker-3 disk-').exitCode).toBe(0);
    const w3 = saw(whyNode(c, 'worker-3'));
    expect(codes(w3)).toEqual(['node.ready', 'node.daemonset.selector', 'node.daemonset.removing']);
    expect(one(w3, 'node.daemonset.removing').pod).toBe(podsOf(c, 'app=ssd')[0].metadata.name);
  });

  test('node affinity terms are described like label selectors', () => {
    const c = createCluster();
    ok(
      c,
      daemonSet(
        'zoned',
        `      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - {key: zone, operator: In, values: [a, b]}
              - {key: spot, operator: DoesNotExist}
            - matchExpressions:
              - {key: gpu, operator: Exists}
`,
      ),
    );
    expect(one(whyNode(c, 'worker-1'), 'node.daemonset.selector').selector).toBe('(zone in (a,b), !spot) or (gpu)');
  });

  test("a template nodeName for another node: the DaemonSet's pod is not for this node", () => {
    const c = createCluster();
    ok(c, daemonSet('one', '      nodeName: worker-1\n'));
    expect(one(saw(whyNode(c, 'worker-2')), 'node.daemonset.nodeName')).toEqual({
      daemonSet: 'one',
      namespace: 'default',
      nodeName: 'worker-1',
    });
  });

  test('a cordoned node: the unschedulable taint follows, DaemonSet pods still run', () => {
    const c = createCluster();
    ok(c, daemonSet('agent'));
    c.advance(5);
    expect(c.kubectl('cordon worker-3').exitCode).toBe(0);
    const w3 = saw(whyNode(c, 'worker-3'));
    expect(codes(w3)).toEqual(['node.ready', 'node.cordoned', 'node.taint', 'node.daemonset.runs']);
    expect(one(w3, 'node.taint')).toEqual({
      taint: 'node.kubernetes.io/unschedulable:NoSchedule',
      effect: 'NoSchedule',
    });
  });

  test('NotReady and Unreachable nodes, and what they mean for their pods', () => {
    const c = createCluster();
    ok(c, plainPod('web', '  nodeName: worker-3\n', 'sleep 3600'));
    ok(c, plainPod('cache', '  nodeName: worker-2\n'));
    c.advance(5);
    c.setNodeHealth('worker-3', 'NotReady');
    const w3 = saw(whyNode(c, 'worker-3'));
    expect(one(w3, 'node.notReady')).toMatchObject({
      name: 'worker-3',
      reason: 'KubeletNotReady',
      since: at('00:00:05'),
    });
    expect(codes(w3)).toEqual(['node.notReady', 'node.taint', 'node.taint']);
    const web = saw(pod(c, 'web'));
    expect(codes(web)).toEqual(['pod.running', 'pod.nodeNotReady', 'pod.evictionDue']);
    expect(one(web, 'pod.evictionDue')).toEqual({
      taint: 'node.kubernetes.io/not-ready:NoExecute',
      tolerationSeconds: 300,
      at: at('00:05:05'),
    });
    c.advance(299);
    expect(codes(pod(c, 'web'))).toContain('pod.evictionDue');
    c.advance(1);
    const evicted = saw(pod(c, 'web'));
    expect(codes(evicted)).toEqual(['pod.evicted.tolerationExpired', 'pod.terminating', 'pod.nodeNotReady']);
    expect(one(evicted, 'pod.evicted.tolerationExpired')).toEqual({
      at: at('00:05:05'),
      taint: 'node.kubernetes.io/not-ready:NoExecute',
      tolerationSeconds: 300,
    });

    c.setNodeHealth('worker-2', 'Unreachable');
    c.advance(50);
    const w2 = saw(whyNode(c, 'worker-2'));
    expect(one(w2, 'node.unreachable')).toEqual({ name: 'worker-2', since: at('00:05:55') });
    c.delete('pod', 'cache');
    c.advance(120);
    const cache = saw(pod(c, 'cache'));
    expect(codes(cache)).toEqual(['pod.terminating', 'pod.nodeUnreachable']);
    expect(one(cache, 'pod.nodeUnreachable')).toEqual({ node: 'worker-2' });
  });

  test('an unknown node', () => {
    expect(saw(whyNode(createCluster(), 'nope'))).toEqual([{ code: 'node.notFound', params: { name: 'nope' } }]);
  });
});

describe('whyPod', () => {
  test("a pod asking for 100 CPUs is unschedulable, in the scheduler's own words", () => {
    const c = createCluster();
    ok(
      c,
      `apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: main
    image: nginx
    resources:
      requests: {cpu: "100"}
`,
    );
    expect(saw(pod(c, 'big'))).toEqual([{ code: 'pod.scheduling', params: { schedulerName: 'default-scheduler' } }]);
    c.advance(1);
    const r = saw(pod(c, 'big'));
    const p = one(r, 'pod.unschedulable');
    const event = (c.events() as any[]).filter((e) => e.reason === 'FailedScheduling').at(-1);
    expect(p).toEqual({ message: event.message, at: event.lastTimestamp, count: event.count });
    expect(p.message).toMatch(
      /^0\/4 nodes are available: 1 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}, 3 Insufficient cpu\./,
    );
  });

  test('a pod for another scheduler waits for it', () => {
    const c = createCluster();
    ok(c, plainPod('other', '  schedulerName: my-scheduler\n'));
    c.advance(10);
    expect(saw(pod(c, 'other'))).toEqual([{ code: 'pod.scheduling', params: { schedulerName: 'my-scheduler' } }]);
  });

  test('assigned, pulling, running', () => {
    const c = createCluster();
    ok(c, plainPod('web', '  nodeName: worker-1\n'));
    expect(saw(pod(c, 'web'))).toEqual([{ code: 'pod.assigned', params: { node: 'worker-1' } }]);
    c.advance(0);
    expect(saw(pod(c, 'web'))).toEqual([
      { code: 'pod.pulling', params: { container: 'main', image: 'nginx', node: 'worker-1', since: at('00:00:00') } },
    ]);
    c.advance(5);
    expect(saw(pod(c, 'web'))).toEqual([{ code: 'pod.running', params: { node: 'worker-1', since: at('00:00:02') } }]);
  });

  test('CrashLoopBackOff: the next restart is due at the last exit plus the kubelet back-off', () => {
    const c = createCluster();
    ok(c, plainPod('crash', '', 'sleep 5; exit 2'));
    c.advance(60);
    const r = saw(pod(c, 'crash'));
    const p = one(r, 'pod.backoff');
    const cs = (c.get('pod', 'crash') as any).status.containerStatuses[0];
    expect(cs.state.waiting.reason).toBe('CrashLoopBackOff');
    // 10 s doubling from the second restart: restartCount n waits 10·2^(n-1) s after the last exit.
    const delay = Math.min(10 * 2 ** (cs.restartCount - 1), 300);
    expect(p).toEqual({
      container: 'main',
      restarts: cs.restartCount,
      exitCode: 2,
      delaySeconds: delay,
      until: new Date(Date.parse(cs.lastState.terminated.finishedAt) + delay * 1000).toISOString().replace('.000', ''),
      node: (c.get('pod', 'crash') as any).spec.nodeName,
    });
    // The restart happens exactly then.
    // The restart happens then (status times are whole seconds; the exit was a fraction later).
    c.runUntil((cl) => !!(cl.get('pod', 'crash') as any).status.containerStatuses[0].state.running, 600);
    const late = c.now().getTime() - Date.parse(p.until as string);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(1000);
  });

  test('completed and failed pods, with their exit codes', () => {
    const c = createCluster();
    ok(c, plainPod('done', '  restartPolicy: Never\n', 'sleep 3; exit 0'));
    ok(c, plainPod('broken', '  restartPolicy: Never\n', 'sleep 4; exit 3'));
    c.advance(10);
    expect(one(saw(pod(c, 'done')), 'pod.completed')).toMatchObject({ exitCode: 0, at: at('00:00:03') });
    expect(one(saw(pod(c, 'broken')), 'pod.error')).toMatchObject({
      container: 'main',
      exitCode: 3,
      reason: 'Error',
      at: at('00:00:04'),
    });
  });

  test('terminating: the deletion deadline is now plus the grace period', () => {
    const c = createCluster();
    ok(c, plainPod('slow', '  terminationGracePeriodSeconds: 45\n', 'sleep 600'));
    c.advance(10);
    c.delete('pod', 'slow');
    expect(saw(pod(c, 'slow'))).toEqual([
      { code: 'pod.terminating', params: { until: at('00:00:55'), graceSeconds: 45 } },
    ]);
  });

  test('an unknown pod', () => {
    expect(saw(whyPod(createCluster(), 'default', 'nope'))).toEqual([
      { code: 'pod.notFound', params: { namespace: 'default', name: 'nope' } },
    ]);
  });
});

describe('whyJob', () => {
  test('podFailurePolicy FailJob, per-index failures and a success policy', () => {
    const c = createCluster();
    ok(
      c,
      bareJob(
        'pfp',
        '  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes: {operator: In, values: [42]}\n',
        'exit 42',
      ),
    );
    ok(
      c,
      bareJob(
        'pi',
        '  completionMode: Indexed\n  completions: 2\n  parallelism: 2\n  backoffLimitPerIndex: 0\n',
        'exit $JOB_COMPLETION_INDEX',
      ),
    );
    ok(
      c,
      bareJob(
        'sp',
        "  completionMode: Indexed\n  completions: 2\n  parallelism: 2\n  successPolicy:\n    rules:\n    - succeededIndexes: '0'\n",
        'sleep ${JOB_COMPLETION_INDEX}00',
      ),
    );
    ok(
      c,
      bareJob(
        'ix',
        '  completionMode: Indexed\n  completions: 2\n  parallelism: 2\n',
        'sleep ${JOB_COMPLETION_INDEX}00',
      ),
    );
    c.advance(6);
    expect(one(saw(whyJob(c, 'default', 'ix')), 'job.indexes')).toEqual({
      completedIndexes: '0',
      failedIndexes: '',
      backoffLimitPerIndex: '',
    });
    expect(one(saw(whyJob(c, 'default', 'sp')), 'job.succeeding')).toEqual({
      reason: 'SuccessPolicy',
      message: 'Matched rules at index 0',
      terminating: 1,
    });
    c.advance(60);
    const pfp = one(saw(whyJob(c, 'default', 'pfp')), 'job.failed.podFailurePolicy');
    expect(pfp.message).toMatch(
      /^Container main for pod default\/pfp-\w+ failed with exit code 42 matching FailJob rule at index 0$/,
    );
    expect(one(saw(whyJob(c, 'default', 'pi')), 'job.failed.indexes')).toMatchObject({
      reason: 'FailedIndexes',
      failedIndexes: '1',
    });
  });

  test('exit 1 with restartPolicy Never: back-off 10 s, 20 s, 40 s after the last failure', () => {
    const c = createCluster();
    ok(c, bareJob('fail', '', 'exit 1'));
    c.advance(5);
    let r = saw(whyJob(c, 'default', 'fail'));
    expect(one(r, 'job.progress')).toEqual({
      active: 0,
      ready: 0,
      succeeded: 0,
      failed: 1,
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
    });
    expect(one(r, 'job.backoff')).toEqual({ failures: 1, delaySeconds: 10, until: at('00:00:10') });
    c.advance(56); // 00:01:01: failures at 00:00, 00:10 and 00:30
    r = saw(whyJob(c, 'default', 'fail'));
    expect(one(r, 'job.backoff')).toEqual({ failures: 3, delaySeconds: 40, until: at('00:01:10') });
    // The controller creates the next pod exactly then.
    const before = podsOf(c, 'batch.kubernetes.io/job-name=fail').length;
    c.advance(8);
    expect(podsOf(c, 'batch.kubernetes.io/job-name=fail')).toHaveLength(before);
    c.advance(1);
    expect(podsOf(c, 'batch.kubernetes.io/job-name=fail')).toHaveLength(before + 1);
    expect(codes(whyJob(c, 'default', 'fail'))).not.toContain('job.backoff');
    // Each failed pod says why.
    const failedPod = podsOf(c, 'batch.kubernetes.io/job-name=fail').find((p) => p.status.phase === 'Failed');
    expect(one(saw(pod(c, failedPod.metadata.name)), 'pod.owner')).toEqual({ kind: 'Job', name: 'fail' });
  });

  test('BackoffLimitExceeded', () => {
    const c = createCluster();
    ok(c, bareJob('fail', '  backoffLimit: 1\n', 'exit 1'));
    c.advance(30);
    expect(saw(whyJob(c, 'default', 'fail'))).toEqual([
      { code: 'job.failed.backoffLimit', params: { failed: 2, backoffLimit: 1, at: at('00:00:11') } },
    ]);
  });

  test('activeDeadlineSeconds: the cut-off, failing while pods stop, then DeadlineExceeded', () => {
    const c = createCluster();
    ok(c, bareJob('slow', '  activeDeadlineSeconds: 20\n', 'sleep 600'));
    c.advance(5);
    expect(one(saw(whyJob(c, 'default', 'slow')), 'job.deadline')).toEqual({
      deadlineSeconds: 20,
      at: at('00:00:20'),
    });
    c.advance(20);
    expect(saw(whyJob(c, 'default', 'slow'))).toEqual([
      { code: 'job.failing', params: { reason: 'DeadlineExceeded', terminating: 1 } },
    ]);
    c.advance(60);
    expect(saw(whyJob(c, 'default', 'slow'))).toEqual([
      { code: 'job.failed.deadline', params: { deadlineSeconds: 20, at: at('00:00:51') } },
    ]);
  });

  test('complete, then deleted ttlSecondsAfterFinished later', () => {
    const c = createCluster();
    ok(c, bareJob('ok', '  ttlSecondsAfterFinished: 100\n', 'sleep 2'));
    c.advance(10);
    expect(saw(whyJob(c, 'default', 'ok'))).toEqual([
      { code: 'job.complete', params: { at: at('00:00:03'), succeeded: 1 } },
      { code: 'job.ttl', params: { ttlSeconds: 100, at: at('00:01:43') } },
    ]);
    c.advance(100);
    expect(saw(whyJob(c, 'default', 'ok'))).toEqual([
      { code: 'job.notFound', params: { namespace: 'default', name: 'ok' } },
    ]);
  });

  test('suspended', () => {
    const c = createCluster();
    ok(c, bareJob('later', '  suspend: true\n', 'sleep 2'));
    c.advance(3);
    expect(saw(whyJob(c, 'default', 'later'))).toEqual([{ code: 'job.suspended', params: { since: at('00:00:00') } }]);
  });

  test('a work queue (no completions) with parallelism', () => {
    const c = createCluster();
    ok(c, bareJob('queue', '  parallelism: 2\n', 'sleep 60'));
    c.advance(5);
    expect(one(saw(whyJob(c, 'default', 'queue')), 'job.progress.workQueue')).toEqual({
      active: 2,
      ready: 2,
      succeeded: 0,
      failed: 0,
      parallelism: 2,
      backoffLimit: 6,
    });
  });

  test('OnFailure: container restarts count toward backoffLimit', () => {
    const c = createCluster();
    ok(c, bareJob('retry', '', 'sleep 1; exit 1', 'OnFailure'));
    c.advance(15);
    const r = saw(whyJob(c, 'default', 'retry'));
    const restarts = podsOf(c, 'batch.kubernetes.io/job-name=retry')[0].status.containerStatuses[0].restartCount;
    expect(restarts).toBeGreaterThan(0);
    expect(one(r, 'job.restarts')).toEqual({ restarts, backoffLimit: 6 });
  });
});

describe('whyCronJob', () => {
  test('*/5 * * * *: the next schedule, then the Job and its pods know where they came from', () => {
    const c = createCluster();
    ok(c, cronJob('tick', '*/5 * * * *', '', 'sleep 2'));
    expect(saw(whyCronJob(c, 'default', 'tick'))).toEqual([
      { code: 'cronjob.next', params: { schedule: '*/5 * * * *', timeZone: 'UTC', at: at('00:05:00') } },
      { code: 'cronjob.history', params: { successful: 0, successfulLimit: 3, failed: 0, failedLimit: 1 } },
    ]);
    c.advance(301);
    const r = saw(whyCronJob(c, 'default', 'tick'));
    expect(one(r, 'cronjob.next').at).toBe(at('00:10:00'));
    expect(one(r, 'cronjob.lastSchedule')).toEqual({ at: at('00:05:00') });
    expect(one(r, 'cronjob.active').count).toBe(1);
    const jobName = (c.list('jobs') as any[])[0].metadata.name;
    expect(one(saw(whyJob(c, 'default', jobName)), 'job.owner')).toEqual({
      cronJob: 'tick',
      scheduled: at('00:05:00'),
    });
    const podName = podsOf(c, `batch.kubernetes.io/job-name=${jobName}`)[0].metadata.name;
    expect(one(saw(pod(c, podName)), 'pod.owner.cronJob')).toEqual({ job: jobName, cronJob: 'tick' });
    c.advance(605);
    const later = saw(whyCronJob(c, 'default', 'tick'));
    expect(one(later, 'cronjob.lastSuccess')).toEqual({ at: at('00:15:03') });
    expect(one(later, 'cronjob.history')).toEqual({ successful: 3, successfulLimit: 3, failed: 0, failedLimit: 1 });
  });

  test('concurrencyPolicy Forbid with a job that sleeps 600 s: the next run is skipped', () => {
    const c = createCluster();
    ok(c, cronJob('forbid', '*/5 * * * *', '  concurrencyPolicy: Forbid\n', 'sleep 600'));
    c.advance(11 * 60);
    const r = saw(whyCronJob(c, 'default', 'forbid'));
    expect(one(r, 'cronjob.skipped')).toEqual({ at: at('00:10:00') });
    expect(one(r, 'cronjob.active')).toEqual({ count: 1, jobs: (c.list('jobs') as any[])[0].metadata.name });
    expect(one(r, 'cronjob.next').at).toBe(at('00:15:00'));
  });

  test('suspended, then resumed past startingDeadlineSeconds: the missed runs do not start', () => {
    const c = createCluster();
    const manifest = (suspend: boolean) =>
      cronJob('late', '*/5 * * * *', `  startingDeadlineSeconds: 30\n  suspend: ${suspend}\n`, 'sleep 2');
    ok(c, manifest(true));
    c.advance(12 * 60);
    expect(codes(saw(whyCronJob(c, 'default', 'late')))).toEqual(['cronjob.suspended', 'cronjob.history']);
    ok(c, manifest(false));
    c.advance(1);
    const r = saw(whyCronJob(c, 'default', 'late'));
    expect(one(r, 'cronjob.missed')).toEqual({ at: at('00:10:00'), count: 2, deadlineSeconds: 30 });
    expect(one(r, 'cronjob.next').at).toBe(at('00:15:00'));
    expect(c.list('jobs')).toHaveLength(0);
  });

  test('more than 100 missed start times', () => {
    const c = createCluster();
    const manifest = (suspend: boolean) => cronJob('often', '* * * * *', `  suspend: ${suspend}\n`, 'sleep 2');
    ok(c, manifest(true));
    c.advance(2 * 3600);
    ok(c, manifest(false));
    c.advance(1);
    const r = saw(whyCronJob(c, 'default', 'often'));
    expect(one(r, 'cronjob.tooManyMissed')).toEqual({ at: at('02:00:00') });
    expect(one(r, 'cronjob.lastSchedule')).toEqual({ at: at('02:00:00') });
  });

  test('a schedule that never comes round, and an unknown CronJob', () => {
    const c = createCluster();
    ok(c, cronJob('never', '0 0 30 2 *', '', 'true'));
    expect(one(saw(whyCronJob(c, 'default', 'never')), 'cronjob.noNext')).toEqual({ schedule: '0 0 30 2 *' });
    expect(saw(whyCronJob(c, 'default', 'nope'))).toEqual([
      { code: 'cronjob.notFound', params: { namespace: 'default', name: 'nope' } },
    ]);
  });
});

/**
 * States the engine does not reach today (a container waiting for another reason than
 * ContainerCreating or CrashLoopBackOff; a Job failed for another reason, e.g. a pod failure
 * policy), read through the same public methods from a cluster that reports them.
 */
describe('fallbacks', () => {
  const fake = (objects: Record<string, object>): Cluster =>
    ({
      get: (kind: string, name: string) => objects[`${kind}/${name}`],
      list: () => [],
      events: () => [],
      now: () => new Date(at('00:01:00')),
    }) as unknown as Cluster;

  test('a container waiting for another reason', () => {
    const c = fake({
      'Pod/p': {
        metadata: { name: 'p', namespace: 'default', uid: 'u' },
        spec: { nodeName: 'worker-1', containers: [{ name: 'main', image: 'nope' }] },
        status: {
          phase: 'Pending',
          containerStatuses: [{ name: 'main', image: 'nope', state: { waiting: { reason: 'ImagePullBackOff' } } }],
        },
      },
    });
    expect(saw(whyPod(c, 'default', 'p'))).toEqual([
      { code: 'pod.waiting', params: { container: 'main', reason: 'ImagePullBackOff' } },
    ]);
  });

  test('a Job failed for another reason', () => {
    const c = fake({
      'Job/j': {
        metadata: { name: 'j', namespace: 'default', uid: 'u' },
        spec: { template: {} },
        status: {
          conditions: [
            { type: 'Failed', status: 'True', reason: 'ExternalReason', lastTransitionTime: at('00:00:30') },
          ],
        },
      },
    });
    expect(saw(whyJob(c, 'default', 'j'))).toEqual([
      { code: 'job.failed', params: { reason: 'ExternalReason', at: at('00:00:30') } },
    ]);
  });
});

describe('whyText', () => {
  test('times on the simulated clock, durations in words', () => {
    expect(formatSimTime('2025-01-01T00:00:40Z')).toBe('00:00:40');
    expect(formatSimTime('2025-01-02T00:00:40Z', '2025-01-01T23:59:00Z')).toBe('2025-01-02 00:00:40');
    expect(formatSimTime('2025-01-01T00:00:40Z', new Date('2025-01-01T23:59:00Z'))).toBe('00:00:40');
    expect(formatDuration('en', 40)).toBe('40 seconds');
    expect(formatDuration('en', 90)).toBe('1 minute 30 seconds');
    expect(formatDuration('zh', 300)).toBe('5 分钟');
    expect(formatDuration('zh', 90)).toBe('1 分 30 秒');
  });

  test('the back-off sentence a learner reads', () => {
    const r: Reason = { code: 'job.backoff', params: { failures: 3, delaySeconds: 40, until: at('00:01:10') } };
    expect(whyText('en', r)).toContain('waits 40 seconds');
    expect(whyText('en', r)).toContain('The next Pod comes at 00:01:10.');
    expect(whyText('zh', r)).toContain('下一个 Pod 会在 00:01:10 创建');
    expect(whyText('zh', r)).toContain('40 秒');
    const taint: Reason = {
      code: 'node.daemonset.taint',
      params: { daemonSet: 'agent', namespace: 'default', taint: 'node-role.kubernetes.io/control-plane:NoSchedule' },
    };
    expect(whyText('en', taint)).toBe(
      'DaemonSet `agent` does not run here: the node has the taint `node-role.kubernetes.io/control-plane:NoSchedule` and the Pod template has no toleration for it.',
    );
    expect(whyText('zh', taint)).toContain('`node-role.kubernetes.io/control-plane:NoSchedule`');
  });

  test('an unknown code still says something', () => {
    expect(whyText('en', { code: 'x.y', params: {} })).toContain('`x.y`');
    expect(whyText('zh', { code: 'x.y', params: {} })).toContain('`x.y`');
  });

  // Runs after the scenarios above (Vitest runs a file's tests in order).
  test('every code the scenarios produced has a sentence in both locales, with its params filled in', () => {
    expect([...seen.keys()].sort()).toEqual([...whyCodes].sort());
    for (const [code, reasons] of seen) {
      for (const r of reasons) {
        for (const locale of ['en', 'zh'] as const) {
          const text = whyText(locale, r);
          expect(text, `${locale} ${code}`).not.toMatch(/No explanation|暂无关于/);
          expect(text.length, `${locale} ${code}`).toBeGreaterThan(10);
          // No placeholder left: any `{` comes from a param's own value (the scheduler's message).
          const bare = Object.values(r.params).reduce<string>((t, v) => t.split(String(v)).join(''), text);
          expect(bare, `${locale} ${code}: ${text}`).not.toMatch(/[{}]|undefined|NaN/);
          for (const [name, v] of Object.entries(r.params)) {
            if (v === '' || name === 'namespace') continue;
            const shown =
              typeof v === 'number' && name.endsWith('Seconds')
                ? formatDuration(locale, v)
                : typeof v === 'string'
                  ? formatSimTime(v)
                  : String(v);
            expect(text, `${locale} ${code} shows ${name}`).toContain(shown);
          }
          if (locale === 'zh') expect(text, code).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
  });
});
