import { describe, expect, test } from 'vitest';
import type { DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import {
  calculateStatus,
  rolloutStatus,
  statusObject,
  statusRequeueAfterMs,
  statusUnchanged,
} from '../../../src/sim/daemonset/status';
import { computeHash, getPodsByNode } from '../../../src/sim/daemonset/util';
import {
  addNodes,
  addPods,
  markPodReady,
  newDaemonSet,
  newNode,
  simpleDaemonSetLabel,
  simpleNodeLabel,
  writable,
} from './fixtures';

const T0 = Date.parse('2025-01-01T00:01:00Z');

// upstream: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status_test.go TestDaemonSetStatusViewerStatus
describe('TestDaemonSetStatusViewerStatus', () => {
  const ds = (generation: number, status: DaemonSetStatus): DaemonSet => ({
    metadata: { namespace: 'bar', name: 'foo', uid: '8764ae47-9092-11e4-8393-42010af018ff', generation },
    spec: { selector: {}, template: {}, updateStrategy: { type: 'RollingUpdate' } },
    status,
  });
  test.each<[string, number, Partial<DaemonSetStatus>, string, boolean]>([
    [
      'test1',
      0,
      { observedGeneration: 1, updatedNumberScheduled: 0, desiredNumberScheduled: 1, numberAvailable: 0 },
      'Waiting for daemon set "foo" rollout to finish: 0 out of 1 new pods have been updated...\n',
      false,
    ],
    [
      'test2',
      1,
      { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 1 },
      'Waiting for daemon set "foo" rollout to finish: 1 of 2 updated pods are available...\n',
      false,
    ],
    [
      'test3',
      1,
      { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 },
      'daemon set "foo" successfully rolled out\n',
      true,
    ],
    [
      'test4',
      2,
      { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 },
      'Waiting for daemon set spec update to be observed...\n',
      false,
    ],
  ])('%s', (_name, generation, status, message, done) => {
    expect(rolloutStatus(ds(generation, status as DaemonSetStatus))).toEqual({ message, done });
  });

  // upstream: TestDaemonSetStatusViewerStatusWithWrongUpdateStrategyType
  test('OnDelete has no rollout status', () => {
    const d = ds(1, {} as DaemonSetStatus);
    d.spec!.updateStrategy = { type: 'OnDelete' };
    expect(rolloutStatus(d)).toEqual({
      error: 'rollout status is only available for RollingUpdate strategy type',
      done: true,
    });
  });
});

// upstream: updateDaemonSetStatus (daemon_controller.go); cases after TestNumberReadyStatus,
// TestObservedGeneration and the misscheduled counting
describe('calculateStatus', () => {
  const withPods = (ds: DaemonSet, pods: Pod[]) => getPodsByNode(pods);

  test('TestNumberReadyStatus: ready counts the oldest pod on each node', () => {
    const ds = newDaemonSet('foo');
    ds.spec!.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 as never } };
    const nodes = addNodes(0, 2, simpleNodeLabel);
    const pods = [...addPods('node-0', simpleDaemonSetLabel, ds, 1), ...addPods('node-1', simpleDaemonSetLabel, ds, 1)];
    const hash = computeHash(ds.spec!.template);
    expect(calculateStatus(ds, nodes, withPods(ds, pods), hash, T0)).toEqual({
      desiredNumberScheduled: 2,
      currentNumberScheduled: 2,
      numberMisscheduled: 0,
      numberReady: 0,
      numberAvailable: 0,
      updatedNumberScheduled: 2,
      numberUnavailable: 2,
      observedGeneration: 1,
    });
    pods.forEach((p) => markPodReady(p));
    expect(calculateStatus(ds, nodes, withPods(ds, pods), hash, T0)).toMatchObject({
      numberReady: 2,
      numberAvailable: 2,
      numberUnavailable: 0,
    });
  });

  test('TestObservedGeneration: the generation observed, or the old value when the sync was cut short', () => {
    const ds = newDaemonSet('foo');
    writable(ds.metadata!).generation = 3;
    writable(ds).status = { observedGeneration: 2 };
    expect(calculateStatus(ds, [], new Map(), 'h', T0).observedGeneration).toBe(3);
    expect(calculateStatus(ds, [], new Map(), 'h', T0, false).observedGeneration).toBe(2);
  });

  test('misscheduled: a pod on a node that should not run one; unknown nodes are not counted', () => {
    const ds = newDaemonSet('foo');
    ds.spec!.template.spec!.nodeSelector = { color: 'blue' };
    const nodes = [newNode('node-0', { color: 'blue' }), newNode('node-1', { color: 'red' })];
    const pods = [
      ...addPods('node-0', simpleDaemonSetLabel, ds, 1),
      ...addPods('node-1', simpleDaemonSetLabel, ds, 1),
      ...addPods('node-9', simpleDaemonSetLabel, ds, 1),
    ];
    expect(calculateStatus(ds, nodes, withPods(ds, pods), 'other-hash', T0)).toEqual({
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      numberMisscheduled: 1,
      numberReady: 0,
      numberAvailable: 0,
      updatedNumberScheduled: 0,
      numberUnavailable: 1,
      observedGeneration: 1,
    });
  });

  test('a NoSchedule-tainted node with a running pod is misscheduled, not desired', () => {
    const ds = newDaemonSet('foo');
    const node = { ...newNode('node-0'), spec: { taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }] } };
    const pods = addPods('node-0', simpleDaemonSetLabel, ds, 1);
    expect(calculateStatus(ds, [node], withPods(ds, pods), 'h', T0)).toMatchObject({
      desiredNumberScheduled: 0,
      currentNumberScheduled: 0,
      numberMisscheduled: 1,
    });
  });

  test('the oldest pod decides; a terminating pod still counts as scheduled; minReadySeconds delays available', () => {
    const ds = newDaemonSet('foo');
    ds.spec!.minReadySeconds = 30;
    const hash = computeHash(ds.spec!.template);
    const [older, newer] = addPods('node-0', simpleDaemonSetLabel, ds, 2);
    writable(older.metadata!).creationTimestamp = '2024-12-31T23:00:00Z';
    writable(older.metadata!).deletionTimestamp = '2025-01-01T00:00:30Z';
    older.metadata!.labels!['controller-revision-hash'] = 'old';
    markPodReady(older, Date.parse('2025-01-01T00:00:40Z'));
    markPodReady(newer, Date.parse('2025-01-01T00:00:00Z'));
    const c = calculateStatus(ds, addNodes(0, 1), getPodsByNode([older, newer]), hash, T0);
    expect(c).toMatchObject({
      currentNumberScheduled: 1,
      numberReady: 1,
      numberAvailable: 0,
      updatedNumberScheduled: 0,
    });
    expect(statusRequeueAfterMs(ds, c)).toBe(30_000);
  });
});

describe('status object (storeDaemonSetStatus)', () => {
  test('the four required counters always; the others only when non-zero; unchanged when nothing moved', () => {
    const ds = newDaemonSet('foo');
    const counts = calculateStatus(ds, addNodes(0, 1), new Map(), 'h', T0);
    const status = statusObject(ds, counts);
    expect(status).toEqual({
      currentNumberScheduled: 0,
      desiredNumberScheduled: 1,
      numberMisscheduled: 0,
      numberReady: 0,
      numberUnavailable: 1,
      observedGeneration: 1,
    });
    expect(statusUnchanged(ds, counts)).toBe(false);
    expect(statusUnchanged({ ...ds, status }, counts)).toBe(true);
    expect(statusUnchanged({ ...ds, metadata: { ...ds.metadata, generation: 2 }, status }, counts)).toBe(false);
  });
});
