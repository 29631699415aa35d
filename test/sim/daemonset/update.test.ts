import { describe, expect, test } from 'vitest';
import type { ControllerRevision, DaemonSet, DaemonSetUpdateStrategy } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import {
  cleanupHistory,
  constructHistory,
  findHistory,
  getPatch,
  match,
  maxRevision,
  newRevision,
  rollback,
  rollingUpdate,
  updatedDesiredNodeCounts,
} from '../../../src/sim/daemonset/update';
import { computeHash } from '../../../src/sim/daemonset/util';
import {
  writable,
  addNodes,
  FakeCluster,
  markPodReady,
  newDaemonSet,
  newNode,
  newPod,
  newUpdateSurge,
  newUpdateUnavailable,
  simpleDaemonSetLabel,
} from './fixtures';

const T0 = Date.parse('2025-01-01T00:00:00Z');
const changeImage = (ds: DaemonSet, image: string) => {
  ds.spec!.template.spec!.containers[0].image = image;
};
const rollingWith = (ds: DaemonSet, maxUnavailable: number | string) => {
  ds.spec!.updateStrategy = newUpdateUnavailable(maxUnavailable);
};
/** expectSyncDaemonSets for a list of (creates, deletes) steps. */
const expectSteps = (c: FakeCluster, steps: [number, number][]) => {
  for (const [creates, deletes] of steps) expect(c.sync()).toEqual({ creates, deletes, events: 0 });
};

// upstream: pkg/controller/daemon/update_test.go, each test's sequence of expectSyncDaemonSets
describe('rolling update, maxSurge 0', () => {
  test('TestDaemonSetUpdatesPods', () => {
    const ds = newDaemonSet('foo');
    const c = new FakeCluster(ds, addNodes(0, 5));
    expectSteps(c, [[5, 0]]);
    c.markPodsReady();
    changeImage(ds, 'foo2/bar2');
    rollingWith(ds, 2);
    expectSteps(c, [
      [0, 2],
      [2, 0],
    ]);
    c.markPodsReady();
    expectSteps(c, [
      [0, 2],
      [2, 0],
    ]);
    c.markPodsReady();
    expectSteps(c, [
      [0, 1],
      [1, 0],
    ]);
    c.markPodsReady();
    expectSteps(c, [[0, 0]]);
  });

  test('TestDaemonSetUpdatesWhenNewPodIsNotReady', () => {
    const ds = newDaemonSet('foo');
    const c = new FakeCluster(ds, addNodes(0, 5));
    expectSteps(c, [[5, 0]]);
    c.markPodsReady();
    changeImage(ds, 'foo2/bar2');
    rollingWith(ds, 3);
    // The new pods are not ready: numUnavailable == maxUnavailable.
    expectSteps(c, [
      [0, 3],
      [3, 0],
      [0, 0],
    ]);
  });

  test('TestDaemonSetUpdatesSomeOldPodsNotReady', () => {
    const ds = newDaemonSet('foo');
    const c = new FakeCluster(ds, addNodes(0, 5));
    expectSteps(c, [[5, 0]]);
    c.markPodsReady();
    changeImage(ds, 'foo2/bar2');
    rollingWith(ds, 2);
    expectSteps(c, [
      [0, 2],
      [2, 0],
      [0, 0],
    ]);
    // Another update: the 2 unready pods are replaced, the 3 available ones stay untouched.
    changeImage(ds, 'foo2/bar3');
    expectSteps(c, [
      [0, 2],
      [2, 0],
      [0, 0],
    ]);
    const ready = c.pods.filter((p) => p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'));
    expect(ready).toHaveLength(3);
  });

  test('TestDaemonSetUpdatesAllOldPodsNotReady', () => {
    const ds = newDaemonSet('foo');
    const c = new FakeCluster(ds, addNodes(0, 5));
    expectSteps(c, [[5, 0]]);
    changeImage(ds, 'foo2/bar2');
    rollingWith(ds, 3);
    // All old pods are unavailable, so all go at once.
    expectSteps(c, [
      [0, 5],
      [5, 0],
      [0, 0],
    ]);
  });

  test('TestDaemonSetUpdatesNoTemplateChanged', () => {
    const ds = newDaemonSet('foo');
    const c = new FakeCluster(ds, addNodes(0, 5));
    expectSteps(c, [[5, 0]]);
    rollingWith(ds, 3);
    expectSteps(c, [[0, 0]]);
  });

  test('TestDaemonSetUpdatesAllOldNotReadyPodsAndNewNotReadyPods', () => {
    const ds = newDaemonSet('foo');
    const c = new FakeCluster(ds, addNodes(0, 100));
    expectSteps(c, [[100, 0]]);
    c.markPodsReady();
    const hash1 = c.hash();
    changeImage(ds, 'foo2/bar2');
    rollingWith(ds, 10);
    for (let i = 0; i < 10; i++) {
      expectSteps(c, [
        [0, 10],
        [10, 0],
      ]);
      c.markPodsReady();
    }
    expectSteps(c, [[0, 0]]);
    // 88 unavailable new pods, 2 unavailable old pods, 10 available old pods.
    const oldUnavailable = new Set<string>();
    c.pods.forEach((p, i) => {
      if (i >= 10) p.status!.conditions = [{ type: 'Ready', status: 'False' }];
      if (i < 12) {
        p.metadata!.labels!['controller-revision-hash'] = hash1;
        if (i >= 10) oldUnavailable.add(p.metadata!.name!);
      }
    });
    expectSteps(c, [
      [0, 2],
      [2, 0],
      [0, 0],
    ]);
    expect(c.pods.filter((p) => oldUnavailable.has(p.metadata!.name!))).toEqual([]);
  });

  test('old pods on nodes that should no longer run them go through manage, not the update', () => {
    const ds = newDaemonSet('foo');
    ds.spec!.template.spec!.nodeSelector = { role: 'a' };
    const nodes = [newNode('node-0', { role: 'a' }), newNode('node-1', { role: 'a' })];
    const c = new FakeCluster(ds, nodes);
    expectSteps(c, [[2, 0]]);
    c.markPodsReady();
    rollingWith(ds, 1);
    changeImage(ds, 'foo2/bar2');
    c.nodes[1] = newNode('node-1', { role: 'b' });
    // manage deletes node-1's pod; the update may then replace one more (node-1 no longer counts).
    expectSteps(c, [
      [0, 2],
      [1, 0],
      [0, 0],
    ]);
  });
});

describe('rolling update, maxSurge > 0', () => {
  test('TestDaemonSetUpdatesPodsWithMaxSurge', () => {
    const ds = newDaemonSet('foo');
    const c = new FakeCluster(ds, addNodes(0, 5));
    expectSteps(c, [[5, 0]]);
    c.markPodsReady();
    const maxSurge = 2;
    changeImage(ds, 'foo2/bar2');
    ds.spec!.updateStrategy = newUpdateSurge(maxSurge);
    expectSteps(c, [
      [maxSurge, 0],
      [0, 0],
    ]);
    c.markPodsReady();
    expectSteps(c, [
      [maxSurge, maxSurge],
      [0, 0],
    ]);
    c.markPodsReady();
    expectSteps(c, [
      [5 % maxSurge, maxSurge],
      [0, 0],
    ]);
    c.markPodsReady();
    expectSteps(c, [
      [0, 5 % maxSurge],
      [0, 0],
    ]);
  });

  test('TestDaemonSetUpdatesPodsNotMatchTainstWithMaxSurge', () => {
    const ds = newDaemonSet('foo');
    const maxSurge = 1;
    ds.spec!.updateStrategy = newUpdateSurge(maxSurge);
    ds.spec!.template.spec!.tolerations = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }];
    const nodes: Node[] = addNodes(0, 5);
    nodes[0].spec = { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] };
    const c = new FakeCluster(ds, nodes);
    expectSteps(c, [[5, 0]]);
    c.markPodsReady();
    // Roll out a template without the toleration: node-0's pod must go, but only once another
    // pod has become available in its place.
    delete ds.spec!.template.spec!.tolerations;
    expectSteps(c, [
      [maxSurge, 1],
      [0, 0],
    ]);
    c.markPodsReady();
    for (let i = 0; i < 3; i++) {
      expectSteps(c, [
        [maxSurge, maxSurge],
        [0, 0],
      ]);
      c.markPodsReady();
    }
    expectSteps(c, [
      [0, maxSurge],
      [0, 0],
    ]);
  });

  test('TestDaemonSetUpdatesAllOldPodsNotReadyMaxSurge', () => {
    const ds = newDaemonSet('foo');
    const c = new FakeCluster(ds, addNodes(0, 5));
    expectSteps(c, [[5, 0]]);
    const maxSurge = 3;
    changeImage(ds, 'foo2/bar2');
    ds.spec!.updateStrategy = newUpdateSurge(maxSurge);
    const at = (s: number) => (c.now = T0 + s * 1000);

    // All old pods are unavailable, so all are surged at once.
    at(100);
    expectSteps(c, [[5, 0]]);
    // Waiting for the pods to go ready, the old (unready) pods are deleted.
    at(200);
    expectSteps(c, [[0, 5]]);

    c.setPodReadiness(true, 5, () => true);
    ds.spec!.minReadySeconds = 15;
    changeImage(ds, 'foo3/bar3');
    at(300);
    expectSteps(c, [[3, 0]]);

    const hash = c.hash();
    const onNode = (p: Pod) =>
      p.spec!.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms[0]
        .matchFields![0].values![0];
    const currentNodes = new Set(
      c.pods.filter((p) => p.metadata!.labels!['controller-revision-hash'] === hash).map(onNode),
    );
    // Two updated pods become ready at 300; one old pod on a node without an updated pod becomes unready.
    c.setPodReadiness(true, 2, (p) => p.metadata!.labels!['controller-revision-hash'] === hash);
    c.setPodReadiness(
      false,
      1,
      (p) => p.metadata!.labels!['controller-revision-hash'] !== hash && !currentNodes.has(onNode(p)),
    );

    // The new pods are still short of minReadySeconds: only the unready old pod gets a replacement.
    at(310);
    expectSteps(c, [[1, 0]]);
    // The two are now available: their old pods go, and so does the unready one next to its new pod.
    at(320);
    expectSteps(c, [[1, 3]]);
    c.setPodReadiness(true, 3, (p) => p.metadata!.labels!['controller-revision-hash'] === hash);
    at(340);
    expectSteps(c, [[0, 2]]);
    // The rollout is complete.
    at(350);
    expectSteps(c, [[0, 0]]);
  });
});

// upstream: TestGetUnavailableNumbers
describe('TestGetUnavailableNumbers', () => {
  const ready = (name: string, node: string, terminating = false) => {
    const p = markPodReady(newPod(name, node, simpleDaemonSetLabel));
    if (terminating) writable(p.metadata!).deletionTimestamp = '2025-01-01T00:00:00Z';
    return p;
  };
  const dsWith = (strategy: DaemonSetUpdateStrategy) => {
    const ds = newDaemonSet('x');
    ds.spec!.updateStrategy = strategy;
    return ds;
  };
  test.each<[string, number, DaemonSet, Record<string, Pod[]>, number, number, number, number]>([
    ['No nodes', 0, dsWith(newUpdateUnavailable(0)), {}, 0, 0, 0, 0],
    [
      'Two nodes with ready pods',
      2,
      dsWith(newUpdateUnavailable(1)),
      { 'node-0': [ready('pod-0', 'node-0')], 'node-1': [ready('pod-1', 'node-1')] },
      0,
      1,
      2,
      0,
    ],
    [
      'Two nodes, one node without pods',
      2,
      dsWith(newUpdateUnavailable(0)),
      { 'node-0': [ready('pod-0', 'node-0')] },
      0,
      1,
      2,
      1,
    ],
    [
      'Two nodes, one node without pods, surge',
      2,
      dsWith(newUpdateSurge(0)),
      { 'node-0': [ready('pod-0', 'node-0')] },
      0,
      1,
      2,
      1,
    ],
    [
      'Two nodes with pods, MaxUnavailable in percents',
      2,
      dsWith(newUpdateUnavailable('50%')),
      { 'node-0': [ready('pod-0', 'node-0')], 'node-1': [ready('pod-1', 'node-1')] },
      0,
      1,
      2,
      0,
    ],
    [
      'Two nodes with pods, MaxUnavailable in percents, surge',
      2,
      dsWith(newUpdateSurge('50%')),
      { 'node-0': [ready('pod-0', 'node-0')], 'node-1': [ready('pod-1', 'node-1')] },
      1,
      0,
      2,
      0,
    ],
    [
      'Two nodes with pods, MaxUnavailable is 100%, surge',
      2,
      dsWith(newUpdateSurge('100%')),
      { 'node-0': [ready('pod-0', 'node-0')], 'node-1': [ready('pod-1', 'node-1')] },
      2,
      0,
      2,
      0,
    ],
    [
      'Two nodes with pods, MaxUnavailable in percents, pod terminating',
      3,
      dsWith(newUpdateUnavailable('50%')),
      { 'node-0': [ready('pod-0', 'node-0')], 'node-1': [ready('pod-1', 'node-1', true)] },
      0,
      2,
      3,
      1,
    ],
  ])('%s', (_name, nodeCount, ds, nodeToPods, maxSurge, maxUnavailable, desiredNumberScheduled, emptyNodes) => {
    const r = updatedDesiredNodeCounts(ds, addNodes(0, nodeCount), new Map(Object.entries(nodeToPods)));
    expect({
      maxSurge: r.maxSurge,
      maxUnavailable: r.maxUnavailable,
      desiredNumberScheduled: r.desiredNumberScheduled,
    }).toEqual({
      maxSurge,
      maxUnavailable,
      desiredNumberScheduled,
    });
    expect([...r.nodeToDaemonPods.values()].filter((p) => p.length === 0)).toHaveLength(emptyNodes);
  });

  test('invalid values are upstream errors', () => {
    const ds = dsWith(newUpdateUnavailable('1'));
    expect(() => updatedDesiredNodeCounts(ds, addNodes(0, 1), new Map())).toThrow(
      'invalid value for MaxUnavailable: invalid value for IntOrString: invalid type: string is not a percentage',
    );
    expect(rollingUpdate(ds, addNodes(0, 1), new Map(), 'h', T0)).toEqual({
      oldPodsToDelete: [],
      nodesToSurge: [],
      error:
        "couldn't get unavailable numbers: invalid value for MaxUnavailable: invalid value for IntOrString: invalid type: string is not a percentage",
    });
    const noMax = newDaemonSet('x');
    noMax.spec!.updateStrategy = { type: 'RollingUpdate', rollingUpdate: {} };
    expect(() => updatedDesiredNodeCounts(noMax, addNodes(0, 1), new Map())).toThrow(
      'invalid value for MaxUnavailable: nil value for IntOrString',
    );
  });
});

// upstream: update.go snapshot/getPatch/Match/maxRevision/cleanupHistory/constructHistory
describe('history', () => {
  const ds = () => {
    const d = newDaemonSet('foo');
    d.metadata!.annotations = { note: 'x' };
    return d;
  };
  test('newRevision: name, labels, annotations, owner, data and revision as snapshot writes them', () => {
    const d = ds();
    const hash = computeHash(d.spec!.template);
    expect(newRevision(d, 3)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: `foo-${hash}`,
        namespace: 'default',
        labels: { name: 'simple-daemon', type: 'production', 'controller-revision-hash': hash },
        annotations: { note: 'x' },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'DaemonSet',
            name: 'foo',
            uid: 'uid-foo',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      data: getPatch(d),
      revision: 3,
    });
    expect(Object.keys(getPatch(d).spec.template)).toEqual(['$patch', 'metadata', 'spec']);
    expect(getPatch(d).spec.template.$patch).toBe('replace');
    expect(newRevision(d, 1, 1).metadata!.name).toBe(`foo-${computeHash(d.spec!.template, 1)}`);
  });

  test('match and constructHistory', () => {
    const d = ds();
    const r1 = newRevision(d, 1);
    expect(match(d, r1)).toBe(true);
    const first = constructHistory(d, []);
    expect(first.create).toEqual(r1);
    expect(first.hash).toBe(r1.metadata!.labels!['controller-revision-hash']);

    changeImage(d, 'foo2/bar2');
    expect(match(d, r1)).toBe(false);
    const second = constructHistory(d, [r1]);
    expect(second.create?.revision).toBe(2);
    expect(second.old).toEqual([r1]);

    // Rolling back to the first template renumbers its revision to 3 instead of creating one.
    const r2 = second.create!;
    const back = ds();
    const third = constructHistory(back, [r1, r2]);
    expect(third.create).toBeUndefined();
    expect(third.current.revision).toBe(3);
    expect(third.current.metadata!.name).toBe(r1.metadata!.name);
    expect(third.update.map((u) => u.revision)).toEqual([3]);
    expect(maxRevision([r1, r2, third.current])).toBe(3);
  });

  test('constructHistory labels revisions without the hash label with their name, and dedups the current one', () => {
    const d = ds();
    const a = newRevision(d, 1);
    const b = { ...structuredClone(a), metadata: { ...structuredClone(a.metadata!), name: 'foo-dup' }, revision: 4 };
    delete b.metadata!.labels!['controller-revision-hash'];
    const plan = constructHistory(d, [a, b]);
    expect(plan.current.metadata!.name).toBe('foo-dup');
    expect(plan.hash).toBe('foo-dup');
    expect(plan.delete).toEqual([a.metadata!.name]);
    expect(plan.update.map((u) => u.metadata!.labels!['controller-revision-hash'])).toEqual(['foo-dup']);
  });

  test('cleanupHistory keeps revisionHistoryLimit old revisions and any a live pod uses, oldest deleted first', () => {
    const d = ds();
    d.spec!.revisionHistoryLimit = 2;
    const rev = (n: number): ControllerRevision => ({
      metadata: { name: `foo-r${n}`, labels: { 'controller-revision-hash': `h${n}` } },
      revision: n,
    });
    const old = [rev(4), rev(1), rev(3), rev(2), rev(5)];
    const live = newPod('p-', 'node-0', { 'controller-revision-hash': 'h1' });
    expect(cleanupHistory(d, old, new Map([['node-0', [live]]]))).toEqual(['foo-r2', 'foo-r3', 'foo-r4']);
    expect(cleanupHistory(d, old, new Map())).toEqual(['foo-r1', 'foo-r2', 'foo-r3']);
    d.spec!.revisionHistoryLimit = 10;
    expect(cleanupHistory(d, old, new Map())).toEqual([]);
  });
});

// upstream: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go DaemonSetRollbacker, findHistory
describe('kubectl rollout undo', () => {
  const revisions = () => {
    const d = newDaemonSet('foo');
    const r1 = newRevision(d, 1);
    changeImage(d, 'foo2/bar2');
    const r2 = newRevision(d, 2);
    changeImage(d, 'foo3/bar3');
    const r3 = newRevision(d, 3);
    return { d, all: [r3, r1, r2] };
  };
  test('to the previous revision', () => {
    const { d, all } = revisions();
    expect(findHistory(0, all)?.revision).toBe(2);
    const r = rollback(d, all, 0);
    expect(r).toMatchObject({ message: 'rolled back' });
    expect((r as any).template.spec.containers[0].image).toBe('foo2/bar2');
    expect((r as any).template).not.toHaveProperty('$patch');
  });
  test('to a given revision', () => {
    const { d, all } = revisions();
    expect((rollback(d, all, 1) as any).template.spec.containers[0].image).toBe('foo/bar');
  });
  test.each<[number, string]>([
    [-1, 'unable to find specified revision -1 in history'],
    [7, 'unable to find specified revision 7 in history'],
  ])('revision %i', (n, error) => {
    const { d, all } = revisions();
    expect(rollback(d, all, n)).toEqual({ error });
  });
  test('already there, and nothing to go back to', () => {
    const { d, all } = revisions();
    expect(rollback(d, all, 3)).toEqual({ message: 'skipped rollback (current template already matches revision 3)' });
    expect(rollback(d, all.slice(0, 1), 0)).toEqual({ error: 'no last revision to roll back to' });
  });
});
