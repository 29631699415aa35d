import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, PodSpec } from 'kubernetes-types/core/v1';
import { checkGoals, createCluster, type Cluster } from '../../../src/sim';
import { nodeShouldRunDaemonPod } from '../../../src/sim/daemonset/predicates';
import {
  addOrUpdateDaemonPodTolerations,
  replaceDaemonSetPodNodeNameNodeAffinity,
} from '../../../src/sim/daemonset/util';

const scenario = parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../content/scenarios/daemonset-basics.yaml'), 'utf8'),
);

const pods = (c: Cluster) => c.list('pods', { labelSelector: 'app=node-exporter' }) as any[];
const nodesWithPods = (c: Cluster) =>
  pods(c)
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.spec.nodeName)
    .sort();
const ds = (c: Cluster) => c.get('ds', 'node-exporter') as any;

// upstream: pkg/controller/daemon/daemon_controller_test.go TestNodeShouldRunDaemonPod (selected rows)
describe('nodeShouldRunDaemonPod', () => {
  const dsWith = (spec: Partial<PodSpec>): DaemonSet => ({
    metadata: { name: 'ds', namespace: 'default' },
    spec: {
      selector: { matchLabels: { a: 'b' } },
      template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'x' }], ...spec } },
    },
  });
  const node = (spec: Node['spec'] = {}, labels: Record<string, string> = {}, status: Node['status'] = {}): Node => ({
    metadata: { name: 'n', labels },
    spec,
    status,
  });
  test.each<[string, Node, DaemonSet, boolean, boolean]>([
    ['a plain node', node(), dsWith({}), true, true],
    [
      'resources are ignored',
      node({}, {}, { allocatable: { cpu: '0', memory: '0', pods: '0' } }),
      dsWith({ containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '8' } } }] }),
      true,
      true,
    ],
    ['an unschedulable (cordoned) node still runs it', node({ unschedulable: true }), dsWith({}), true, true],
    ['a nodeName for another node', node(), dsWith({ nodeName: 'other' }), false, false],
    ['a nodeSelector that does not match', node(), dsWith({ nodeSelector: { disk: 'ssd' } }), false, false],
    ['a nodeSelector that matches', node({}, { disk: 'ssd' }), dsWith({ nodeSelector: { disk: 'ssd' } }), true, true],
    [
      'required node affinity that does not match',
      node(),
      dsWith({
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }],
            },
          },
        },
      }),
      false,
      false,
    ],
    [
      'an untolerated NoSchedule taint: no new pod, the old one stays',
      node({ taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
      dsWith({}),
      false,
      true,
    ],
    [
      'an untolerated NoExecute taint: evicted',
      node({ taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] }),
      dsWith({}),
      false,
      false,
    ],
    [
      'PreferNoSchedule is ignored',
      node({ taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] }),
      dsWith({}),
      true,
      true,
    ],
    [
      'the control-plane taint is not tolerated by default',
      node({ taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
      dsWith({}),
      false,
      true,
    ],
    [
      'unless the template tolerates it',
      node({ taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
      dsWith({
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
      }),
      true,
      true,
    ],
    [
      'not-ready NoExecute is tolerated automatically',
      node({ taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] }),
      dsWith({}),
      true,
      true,
    ],
    [
      'unschedulable NoSchedule is tolerated automatically',
      node({ taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }),
      dsWith({}),
      true,
      true,
    ],
    [
      'network-unavailable only with hostNetwork',
      node({ taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] }),
      dsWith({}),
      false,
      true,
    ],
    [
      'network-unavailable with hostNetwork',
      node({ taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] }),
      dsWith({ hostNetwork: true }),
      true,
      true,
    ],
  ])('%s', (_d, n, d, shouldRun, shouldContinueRunning) => {
    expect(nodeShouldRunDaemonPod(n, d)).toMatchObject({ shouldRun, shouldContinueRunning });
  });
});

// upstream: pkg/controller/daemon/util/daemonset_util_test.go
describe('daemon pod tolerations and node pinning', () => {
  test('AddOrUpdateDaemonPodTolerations adds the node-condition tolerations, replacing a matching one (its tolerationSeconds goes)', () => {
    const spec: PodSpec = {
      containers: [],
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 },
      ],
    };
    addOrUpdateDaemonPodTolerations(spec);
    expect(
      spec.tolerations!.map((t) => `${t.key}:${t.effect}${t.tolerationSeconds ? `:${t.tolerationSeconds}` : ''}`),
    ).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
  });

  // upstream: TestReplaceDaemonSetPodNodeNameNodeAffinity
  test('ReplaceDaemonSetPodNodeNameNodeAffinity replaces the required terms and keeps the rest', () => {
    const pinned = {
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host_1'] }] }],
    };
    expect(replaceDaemonSetPodNodeNameNodeAffinity(undefined, 'host_1')).toEqual({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: pinned },
    });
    const preferred = [
      { weight: 1, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
    ];
    const out = replaceDaemonSetPodNodeNameNodeAffinity(
      {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }],
          },
          preferredDuringSchedulingIgnoredDuringExecution: preferred,
        },
      },
      'host_1',
    );
    expect(out).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: pinned,
        preferredDuringSchedulingIgnoredDuringExecution: preferred,
      },
    });
  });
});

describe('the DaemonSet controller on the default cluster', () => {
  const start = () => {
    const c = createCluster();
    expect(c.apply(scenario.manifests).errors).toEqual([]);
    c.advance(30);
    return c;
  };

  test('one pod per worker, none on the tainted control plane; status as kubectl shows it', () => {
    const c = start();
    expect(nodesWithPods(c)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(ds(c).status).toEqual({
      currentNumberScheduled: 3,
      desiredNumberScheduled: 3,
      numberMisscheduled: 0,
      numberReady: 3,
      numberAvailable: 3,
      updatedNumberScheduled: 3,
      observedGeneration: 1,
    });
    const p = pods(c)[0];
    expect(p.metadata.name).toMatch(/^node-exporter-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        name: 'node-exporter',
        uid: ds(c).metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(p.metadata.labels['controller-revision-hash']).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: [p.spec.nodeName] }] },
    ]);
    const created = (c.events() as any[]).filter((e) => e.reason === 'SuccessfulCreate');
    expect(created.map((e) => e.message)).toEqual(
      pods(c)
        .map((x) => `Created pod: ${x.metadata.name}`)
        .sort((a, b) => created.findIndex((e) => e.message === a) - created.findIndex((e) => e.message === b)),
    );
    expect(checkGoals(c, scenario.goals).map((g) => g.met)).toEqual([true, false, false]);
  });

  test('the lesson solution: a toleration in the template adds the control-plane pod, and every goal is met', () => {
    const c = start();
    const r = c.apply(scenario.solution.manifests);
    expect(r.objects).toEqual([
      { kind: 'DaemonSet', name: 'node-exporter', namespace: 'default', action: 'configured' },
    ]);
    c.advance(scenario.solution.advanceSeconds);
    expect(nodesWithPods(c)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    expect(checkGoals(c, scenario.goals).every((g) => g.met)).toBe(true);
  });

  test('nodes join and leave; a deleted pod comes back', () => {
    const c = start();
    c.apply('apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-4\n');
    c.advance(10);
    expect(nodesWithPods(c)).toContain('worker-4');
    c.delete('node', 'worker-2');
    c.advance(60);
    expect(nodesWithPods(c)).toEqual(['worker-1', 'worker-3', 'worker-4']);
    const victim = pods(c).find((p) => p.spec.nodeName === 'worker-1');
    c.delete('pod', victim.metadata.name);
    c.advance(10);
    const again = pods(c).filter((p) => p.spec.nodeName === 'worker-1');
    expect(again).toHaveLength(1);
    expect(again[0].metadata.name).not.toBe(victim.metadata.name);
  });

  test('a NoSchedule taint added later leaves the pod; a NoExecute one evicts it', () => {
    const c = start();
    const taint = (node: string, effect: string) => {
      const n = c.get('node', node) as any;
      n.spec.taints = [{ key: 'dedicated', value: 'gpu', effect }];
      delete n.metadata.resourceVersion;
      c.apply(
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'Node',
          metadata: { name: node, labels: n.metadata.labels },
          spec: n.spec,
        }),
      );
    };
    taint('worker-1', 'NoSchedule');
    c.advance(10);
    expect(nodesWithPods(c)).toContain('worker-1');
    expect(ds(c).status.desiredNumberScheduled).toBe(2);
    expect(ds(c).status.numberMisscheduled).toBe(1);
    taint('worker-2', 'NoExecute');
    c.advance(10);
    expect(nodesWithPods(c)).not.toContain('worker-2');
  });

  test('deleting the DaemonSet deletes its pods; with cascade orphan they stay and a new DaemonSet adopts them', () => {
    const c = start();
    c.delete('ds', 'node-exporter', { cascade: 'orphan' });
    c.advance(5);
    expect(nodesWithPods(c)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(pods(c).every((p) => !p.metadata.ownerReferences)).toBe(true);
    c.apply(scenario.manifests);
    c.advance(5);
    const uid = ds(c).metadata.uid;
    expect(pods(c).every((p) => p.metadata.ownerReferences?.[0]?.uid === uid)).toBe(true);
    expect(nodesWithPods(c)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    c.delete('ds', 'node-exporter');
    c.advance(40);
    expect(pods(c)).toEqual([]);
  });

  test('a rolling update (maxUnavailable 1) replaces one pod at a time', () => {
    const c = start();
    const before = new Set(pods(c).map((p) => p.metadata.name));
    c.apply(scenario.manifests.replace('node-exporter:v1.8.2', 'node-exporter:v1.9.0'));
    let worstUnavailable = 0;
    const done = c.runUntil((cl) => {
      const d = cl.get('ds', 'node-exporter') as any;
      const status = d.status;
      const running = (cl.list('pods', { labelSelector: 'app=node-exporter' }) as any[]).filter(
        (p) =>
          !p.metadata.deletionTimestamp &&
          p.status.conditions?.some((x: any) => x.type === 'Ready' && x.status === 'True'),
      );
      worstUnavailable = Math.max(worstUnavailable, 3 - running.length);
      return (
        status.observedGeneration === d.metadata.generation &&
        status.updatedNumberScheduled === 3 &&
        status.numberAvailable === 3
      );
    }, 600);
    expect(done).toBe(true);
    expect(worstUnavailable).toBeLessThanOrEqual(1);
    expect(pods(c).some((p) => before.has(p.metadata.name))).toBe(false);
    expect(pods(c).every((p) => p.spec.containers[0].image.endsWith('v1.9.0'))).toBe(true);
  });
});

describe('a daemon pod that does not fit its node', () => {
  test('stays Pending with the scheduler message of a NodeAffinity PreFilter', () => {
    const c = createCluster();
    const r = c.apply(`apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: hungry
spec:
  selector:
    matchLabels: {app: hungry}
  template:
    metadata:
      labels: {app: hungry}
    spec:
      containers:
        - name: c
          image: busybox
          resources:
            requests: {cpu: "64"}
`);
    expect(r.ok).toBe(true);
    c.advance(5);
    const pending = (c.list('pods', { labelSelector: 'app=hungry' }) as any[]).map((p) => p.status.phase);
    expect(pending).toEqual(['Pending', 'Pending', 'Pending']);
    const failed = (c.events() as any[]).filter((e) => e.reason === 'FailedScheduling');
    expect(failed.length).toBe(3);
    // The control plane is not a target (its taint is not tolerated), the workers each get one
    // pod that asks for more CPU than the node has.
    expect(failed[0].message).toBe(
      "0/4 nodes are available: 1 Insufficient cpu, 3 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.",
    );
  });
});

// upstream: pkg/registry/apps/daemonset/strategy.go PrepareForCreate / PrepareForUpdate (TemplateGeneration,
// kept by apps/v1 in the deprecated.daemonset.template.generation annotation) and
// pkg/controller/daemon/util CreatePodTemplate (the pod-template-generation label).
describe('template generation', () => {
  const manifest = (image: string, note = 'a') => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  labels: {note: ${note}}
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
        - name: agent
          image: ${image}
`;
  const generation = (c: Cluster) =>
    (c.get('ds', 'agent') as any).metadata.annotations['deprecated.daemonset.template.generation'];

  test('starts at 1, moves with the template only, and labels the pods it makes', () => {
    const c = createCluster();
    c.apply(manifest('busybox:1.36'));
    expect(generation(c)).toBe('1');
    c.advance(30);
    const labels = (c.list('pods') as any[]).map((p) => p.metadata.labels['pod-template-generation']);
    expect(labels).toEqual(['1', '1', '1']);
    c.apply(manifest('busybox:1.36', 'b')); // metadata only
    expect(generation(c)).toBe('1');
    c.apply(manifest('busybox:1.37'));
    expect(generation(c)).toBe('2');
    c.advance(120);
    const after = (c.list('pods') as any[]).map((p) => p.metadata.labels['pod-template-generation']);
    expect(after).toEqual(['2', '2', '2']);
  });
});
