/**
 * What a pod looks like on its way out, through the public contract: the kubelet reports a
 * deleted pod terminal before it goes (Failed, exit code 137, when the container ignored SIGTERM
 * and was killed at the end of the grace period), and the components that delete pods for
 * disruptions write the DisruptionTarget condition first (tainteviction, eviction API, pod GC),
 * which a Job's podFailurePolicy can match.
 */
import { describe, expect, test } from 'vitest';
import { createCluster } from '../../../src/sim';

const pod = (name: string, command: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: 5
${extra}  containers:
    - name: main
      image: busybox
      command: ["sh", "-c", "${command}"]
`;

describe('a deleted pod is reported terminal before it is removed', () => {
  test('a container that ignores SIGTERM is killed after the grace period: Error (exit 137), then gone', () => {
    const c = createCluster();
    c.apply(pod('sleeper', 'sleep 3600'));
    c.advance(10);
    const watch = c.kubectl('get pod sleeper --watch-only');
    c.kubectl('delete pod sleeper --wait=false');
    c.advance(4.9);
    expect((c.get('pod', 'sleeper') as any).status.phase).toBe('Running');
    c.advance(0.2);
    expect(c.get('pod', 'sleeper')).toBeUndefined();
    // kubectl's watch: Terminating while the grace period runs, then the kubelet's terminal
    // status (printPod shows a terminal phase, not Terminating), then the deletion.
    expect(watch.follow!.read().split('\n').filter(Boolean)).toEqual([
      'sleeper   1/1   Terminating   0     10s',
      'sleeper   0/1   Error   0     15s',
      'sleeper   0/1   Error   0     15s',
    ]);
    watch.follow!.stop();
  });

  test('the last status the watch sees is Failed with exit code 137', () => {
    const c = createCluster();
    c.apply(`apiVersion: batch/v1
kind: Job
metadata:
  name: count
spec:
  backoffLimit: 3
  podFailurePolicy:
    rules:
      - action: Count
        onExitCodes:
          operator: In
          values: [137]
  template:
    spec:
      restartPolicy: Never
      terminationGracePeriodSeconds: 2
      containers:
        - name: main
          image: busybox
          command: ["sh", "-c", "sleep 3600"]
`);
    c.advance(10);
    const name = (c.list('pods') as any[])[0].metadata.name;
    c.kubectl(`delete pod ${name} --wait=false`);
    c.advance(5);
    // The Job counted the deleted pod as failed: the kubelet reported it terminal with 137.
    const job = c.get('job', 'count') as any;
    expect(job.status.failed).toBe(1);
  });
});

describe('DisruptionTarget', () => {
  test('taint eviction marks the pod before deleting it, and a podFailurePolicy Ignore rule does not count it', () => {
    const c = createCluster();
    c.apply(`apiVersion: batch/v1
kind: Job
metadata:
  name: patient
spec:
  backoffLimit: 0
  podFailurePolicy:
    rules:
      - action: Ignore
        onPodConditions:
          - type: DisruptionTarget
  template:
    spec:
      restartPolicy: Never
      terminationGracePeriodSeconds: 1
      nodeSelector:
        kubernetes.io/hostname: worker-1
      containers:
        - name: main
          image: busybox
          command: ["sh", "-c", "sleep 60"]
`);
    c.advance(10);
    const first = (c.list('pods') as any[])[0].metadata.name;
    c.kubectl('taint node worker-1 maintenance=true:NoExecute');
    c.advance(0.001);
    const marked = c.get('pod', first) as any;
    expect(marked.metadata.deletionTimestamp).toBeDefined();
    expect(marked.status.conditions.find((x: any) => x.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    });
    c.advance(5);
    c.kubectl('taint node worker-1 maintenance-');
    c.advance(30);
    const job = c.get('job', 'patient') as any;
    // backoffLimit 0, yet the Job did not fail: the disruption was ignored and a new pod runs.
    expect((job.status.conditions ?? []).some((x: any) => x.type === 'Failed')).toBe(false);
    expect(job.status.failed ?? 0).toBe(0);
    expect(job.status.active).toBe(1);
  });

  test('kubectl drain evicts through the eviction API', () => {
    const c = createCluster();
    c.apply(pod('drained', 'sleep 3600', '  nodeName: worker-2\n'));
    c.advance(10);
    c.kubectl('drain worker-2 --force --ignore-daemonsets --timeout=1s');
    const p = c.get('pod', 'drained') as any;
    expect(p.status.conditions.find((x: any) => x.type === 'DisruptionTarget')).toMatchObject({
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
    });
  });

  test('pod GC marks the pods of a deleted node Failed with DeletionByPodGC', () => {
    const c = createCluster();
    c.apply(pod('orphan', 'sleep 3600', '  nodeName: worker-3\n'));
    c.advance(10);
    c.setNodeHealth('worker-3', 'Unreachable');
    c.delete('node', 'worker-3');
    const snap = c.snapshot();
    c.advance(39);
    expect(c.get('pod', 'orphan')).toBeDefined();
    c.advance(2);
    expect(c.get('pod', 'orphan')).toBeUndefined();
    const gc = c.events().find((e: any) => e.reason === 'PodGCOrphaned') as any;
    expect(gc.message).toBe('Deleting pod default/orphan as its node worker-3 no longer exists');
    c.restore(snap);
    expect(c.get('pod', 'orphan')).toBeDefined();
  });
});
