import { describe, expect, test } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import {
  failedPodsBackoffKey,
  gcBackoff,
  isInBackOffSinceUpdate,
  manage,
  nextBackoff,
  podsShouldBeOnNode,
  slowStartBatches,
} from '../../../src/sim/daemonset/manage';
import { getPodsByNode } from '../../../src/sim/daemonset/util';
import {
  writable,
  addFailedPods,
  addNodes,
  addPods,
  FakeCluster,
  newDaemonSet,
  newNode,
  newPod,
  newUpdateSurge,
  simpleDaemonSetLabel,
  simpleDaemonSetLabel2,
  updateStrategies,
} from './fixtures';

const T0 = Date.parse('2025-01-01T00:00:00Z');

// upstream: pkg/controller/daemon/daemon_controller_test.go TestDaemonKillFailedPods
describe('TestDaemonKillFailedPods', () => {
  const rows: [number, number, number, number, number, string][] = [
    [0, 1, 0, 0, 0, 'normal (do nothing)'],
    [0, 0, 1, 0, 0, 'no pods (create 1)'],
    [1, 0, 0, 1, 1, '1 failed pod (kill 1), 0 normal pod (create 0; will create in the next sync)'],
    [1, 3, 0, 3, 1, '1 failed pod (kill 1), 3 normal pods (kill 2)'],
    // Not an upstream row any more: the failed-pod back-off is per node, so the second failed pod
    // on the same node waits for the next sync.
    [2, 1, 0, 1, 1, '2 failed pods on one node: the second waits out the back-off'],
  ];
  test.each(rows.flatMap((row) => updateStrategies().map((s) => [...row, s] as const)))(
    '%i failed, %i normal → %i creates, %i deletes, %i events (%s, %o)',
    (failed, normal, creates, deletes, events, _d, strategy) => {
      const ds = newDaemonSet('foo');
      ds.spec!.updateStrategy = strategy;
      const c = new FakeCluster(ds, addNodes(0, 1));
      c.pods = [
        ...addFailedPods('node-0', simpleDaemonSetLabel, ds, failed),
        ...addPods('node-0', simpleDaemonSetLabel, ds, normal),
      ];
      expect(c.sync()).toEqual({ creates, deletes, events });
    },
  );

  test('the FailedDaemonPod event text', () => {
    const ds = newDaemonSet('foo');
    const [failed] = addFailedPods('node-0', simpleDaemonSetLabel, ds, 1);
    const plan = manage(ds, addNodes(0, 1), getPodsByNode([failed]), 'h', T0, {});
    expect(plan.events).toEqual([
      {
        type: 'Warning',
        reason: 'FailedDaemonPod',
        message: `Found failed daemon pod default/${failed.metadata!.name} on node node-0, will try to kill it`,
      },
    ]);
    expect(plan.podsToDelete).toEqual([failed.metadata!.name]);
  });

  test('a succeeded pod is deleted with a SucceededDaemonPod event, without back-off', () => {
    const ds = newDaemonSet('foo');
    const [done] = addPods('node-0', simpleDaemonSetLabel, ds, 1).map((p) => ({
      ...p,
      status: { phase: 'Succeeded' },
    }));
    const plan = manage(ds, addNodes(0, 1), getPodsByNode([done]), 'h', T0, {});
    expect(plan.events).toEqual([
      {
        type: 'Normal',
        reason: 'SucceededDaemonPod',
        message: `Found succeeded daemon pod default/${done.metadata!.name} on node node-0, will try to delete it`,
      },
    ]);
    expect(plan.podsToDelete).toEqual([done.metadata!.name]);
    expect(plan.backoff).toEqual({});
  });
});

// upstream: TestDaemonKillFailedPodsBackoff (with kube-controller-manager's 1s..15m back-off)
describe('TestDaemonKillFailedPodsBackoff', () => {
  test.each(updateStrategies())('%o', (strategy) => {
    const ds = newDaemonSet('foo');
    ds.spec!.updateStrategy = strategy;
    const c = new FakeCluster(ds, addNodes(0, 1));
    const failed = () => addFailedPods('node-0', simpleDaemonSetLabel, ds, 1)[0];
    c.pods = [failed()];
    const key = failedPodsBackoffKey(ds, 'node-0');
    expect(key).toBe('uid-foo/0/node-0');

    // The first sync deletes the pod and starts the back-off.
    expect(c.sync()).toEqual({ creates: 0, deletes: 1, events: 1 });
    expect(c.backoff[key]).toEqual({ backoffMs: 1000, lastUpdate: T0 });

    // The kubelet rejects the new pod too; an immediate sync is held back, and asks to come back.
    c.pods = [failed()];
    const held = manage(ds, c.nodes, getPodsByNode(c.claimed()), c.hash(), c.now, c.backoff);
    expect(held.podsToDelete).toEqual([]);
    expect(held.requeueAfterMs).toBe(1000);
    expect(held.backoff[key].backoffMs).toBe(1000);

    expect(isInBackOffSinceUpdate(c.backoff, key, T0 + 999)).toBe(true);
    expect(isInBackOffSinceUpdate(c.backoff, key, T0 + 1000)).toBe(false);
    c.now = T0 + 1000;
    expect(c.sync()).toEqual({ creates: 0, deletes: 1, events: 1 });
    expect(c.backoff[key]).toEqual({ backoffMs: 2000, lastUpdate: T0 + 1000 });
  });

  test('doubling up to 15 minutes; forgotten after twice that', () => {
    let b = {};
    let t = T0;
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      b = nextBackoff(b, 'k', t);
      delays.push((b as any).k.backoffMs / 1000);
      t += (b as any).k.backoffMs;
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    const last = (b as any).k.lastUpdate;
    expect(gcBackoff(b, last + 30 * 60_000)).toEqual(b);
    expect(gcBackoff(b, last + 30 * 60_000 + 1)).toEqual({});
    expect(nextBackoff(b, 'k', last + 30 * 60_000 + 1).k.backoffMs).toBe(1000);
  });
});

// upstream: TestDealsWithExistingPods
describe('TestDealsWithExistingPods', () => {
  test.each(updateStrategies())('%o', (strategy) => {
    const ds = newDaemonSet('foo');
    ds.spec!.updateStrategy = strategy;
    const c = new FakeCluster(ds, addNodes(0, 5));
    c.pods = [
      ...addPods('node-1', simpleDaemonSetLabel, ds, 1),
      ...addPods('node-2', simpleDaemonSetLabel, ds, 2),
      ...addPods('node-3', simpleDaemonSetLabel, ds, 5),
      ...addPods('node-4', simpleDaemonSetLabel2, ds, 2),
    ];
    expect(c.sync()).toEqual({ creates: 2, deletes: 5, events: 0 });
  });
});

describe('duplicate pods on a node (podByCreationTimestampAndPhase)', () => {
  const at = (p: Pod, ts: string, name: string, scheduled = true): Pod => {
    writable(p.metadata!).creationTimestamp = ts;
    p.metadata!.name = name;
    if (!scheduled) delete p.spec!.nodeName;
    return p;
  };
  test('without surge the oldest running pod stays; a scheduled pod beats an unscheduled older one', () => {
    const ds = newDaemonSet('foo');
    const [a, b, c] = addPods('node-0', simpleDaemonSetLabel, ds, 3);
    at(a, '2025-01-01T00:00:10Z', 'a');
    at(b, '2025-01-01T00:00:05Z', 'b');
    at(c, '2025-01-01T00:00:01Z', 'c', false);
    c.spec!.affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-0'] }] }],
        },
      },
    };
    const plan = manage(ds, addNodes(0, 1), getPodsByNode([a, b, c]), 'h', T0, {});
    expect(plan.podsToDelete).toEqual(['a', 'c']);
  });
  test('equal creation times: by name', () => {
    const ds = newDaemonSet('foo');
    const [a, b] = addPods('node-0', simpleDaemonSetLabel, ds, 2);
    at(a, '2025-01-01T00:00:00Z', 'y');
    at(b, '2025-01-01T00:00:00Z', 'x');
    expect(manage(ds, addNodes(0, 1), getPodsByNode([a, b]), 'h', T0, {}).podsToDelete).toEqual(['y']);
  });
  test('with surge, an old ready and a new unavailable pod both stay; the old one goes when the new one is available', () => {
    const ds = newDaemonSet('foo');
    ds.spec!.updateStrategy = newUpdateSurge(1);
    const [old] = addPods('node-0', simpleDaemonSetLabel, ds, 1);
    old.metadata!.labels!['controller-revision-hash'] = 'old';
    writable(old).status = { conditions: [{ type: 'Ready', status: 'True' }] };
    const [cur] = addPods('node-0', simpleDaemonSetLabel, ds, 1);
    cur.metadata!.labels!['controller-revision-hash'] = 'new';
    const node = newNode('node-0');
    expect(podsShouldBeOnNode(node, true, true, ds, [old, cur], 'new', T0, {}).podsToDelete).toEqual([]);
    writable(cur).status = { conditions: [{ type: 'Ready', status: 'True' }] };
    expect(podsShouldBeOnNode(node, true, true, ds, [old, cur], 'new', T0, {}).podsToDelete).toEqual([
      old.metadata!.name,
    ]);
    // Neither ready: only the one of the current revision is kept.
    writable(old).status = {};
    writable(cur).status = {};
    expect(podsShouldBeOnNode(node, true, true, ds, [old, cur], 'new', T0, {}).podsToDelete).toEqual([
      old.metadata!.name,
    ]);
  });
  test('with surge and every pod terminating, a new pod is needed', () => {
    const ds = newDaemonSet('foo');
    ds.spec!.updateStrategy = newUpdateSurge(1);
    const [p] = addPods('node-0', simpleDaemonSetLabel, ds, 1);
    writable(p.metadata!).deletionTimestamp = '2025-01-01T00:00:00Z';
    expect(podsShouldBeOnNode(newNode('node-0'), true, true, ds, [p], 'h', T0, {}).nodesNeedingDaemonPods).toEqual([
      'node-0',
    ]);
  });
});

// upstream: TestDaemonSetRespectsTermination, TestNoExecuteTaintedDoesEvicitRunningIntolerantPod,
// TestNoScheduleTaintedDoesntEvicitRunningIntolerantPod
describe('terminating pods and taints', () => {
  test.each(updateStrategies())('a terminating pod is neither replaced nor deleted again (%o)', (strategy) => {
    const ds = newDaemonSet('foo');
    ds.spec!.updateStrategy = strategy;
    const c = new FakeCluster(ds, addNodes(0, 1));
    c.pods = addPods('node-0', simpleDaemonSetLabel, ds, 1);
    writable(c.pods[0].metadata!).deletionTimestamp = '2025-01-01T00:00:00Z';
    expect(c.sync()).toEqual({ creates: 0, deletes: 0, events: 0 });
  });
  test.each([
    ['NoSchedule', 0],
    ['NoExecute', 1],
  ] as const)('a running intolerant pod on a %s-tainted node: %i deletes', (effect, deletes) => {
    for (const strategy of updateStrategies()) {
      const ds = newDaemonSet('intolerant');
      ds.spec!.updateStrategy = strategy;
      const node = { ...newNode('tainted'), spec: { taints: [{ key: 'dedicated', value: 'user1', effect }] } };
      const c = new FakeCluster(ds, [node]);
      c.pods = addPods('tainted', simpleDaemonSetLabel, ds, 1);
      expect(c.sync()).toEqual({ creates: 0, deletes, events: 0 });
    }
  });
});

// upstream: TestDeleteUnscheduledPodForNotExistingNode
describe('TestDeleteUnscheduledPodForNotExistingNode', () => {
  test.each(updateStrategies())('%o', (strategy) => {
    const ds = newDaemonSet('foo');
    ds.spec!.updateStrategy = strategy;
    const c = new FakeCluster(ds, addNodes(0, 1));
    const bound = newPod('node-0-', 'node-0', simpleDaemonSetLabel, ds);
    const unscheduled = newPod('node-1-', '', simpleDaemonSetLabel, ds);
    unscheduled.spec!.affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }],
        },
      },
    };
    // A pod bound to a node that is gone is the pod GC's business, not the DaemonSet controller's.
    const boundToGoneNode = newPod('node-2-', 'node-2', simpleDaemonSetLabel, ds);
    c.pods = [bound, unscheduled, boundToGoneNode];
    const plan = manage(ds, c.nodes, getPodsByNode(c.claimed()), c.hash(), T0, {});
    expect(plan.podsToDelete).toEqual([unscheduled.metadata!.name]);
    expect(c.sync()).toEqual({ creates: 0, deletes: 1, events: 0 });
  });
});

// upstream: controller.SlowStartInitialBatchSize, syncNodes's batch loop
describe('syncNodes slow start', () => {
  test.each<[number, number[]]>([
    [0, []],
    [1, [1]],
    [2, [1, 1]],
    [3, [1, 2]],
    [10, [1, 2, 4, 3]],
    [15, [1, 2, 4, 8]],
    [16, [1, 2, 4, 8, 1]],
  ])('%i creates → batches %j', (n, batches) => {
    expect(slowStartBatches(n)).toEqual(batches);
  });
  test('BurstReplicas caps a sync at 250 creates', () => {
    const ds = newDaemonSet('foo');
    const plan = manage(ds, addNodes(0, 300), new Map(), 'h', T0, {});
    expect(plan.nodesNeedingDaemonPods).toHaveLength(300);
    expect(plan.syncNodes).toEqual({ createDiff: 250, deleteDiff: 0, createBatches: [1, 2, 4, 8, 16, 32, 64, 123] });
  });
});
