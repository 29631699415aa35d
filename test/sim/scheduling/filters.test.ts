import { describe, expect, test } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import {
  addToNodeInfo,
  emptyNodeInfo,
  filterNode,
  fitErrorMessage,
  nodeInfoOf,
  podRequests,
  preFilterNodeNames,
  scoreNodes,
  selectHost,
} from '../../../src/sim/scheduling/filters';

const node = (
  name: string,
  extra: Partial<Node['spec']> = {},
  labels: Record<string, string> = {},
  alloc = { cpu: '4', memory: '16Gi', pods: '110' },
): Node => ({
  metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
  spec: { ...extra },
  status: { allocatable: alloc, capacity: alloc },
});
const pod = (spec: Partial<Pod['spec']> = {}, name = 'p'): Pod => ({
  metadata: { name, namespace: 'default', uid: `uid-${name}` },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});
const cp = node(
  'control-plane',
  { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
  { 'node-role.kubernetes.io/control-plane': '' },
);

// upstream: plugins/tainttoleration/taint_toleration_test.go TestTaintTolerationFilter
describe('TaintToleration', () => {
  test.each<[string, Pod, Node, string[]]>([
    [
      'a pod with no tolerations on a tainted node',
      pod(),
      node('n', { taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }] }),
      ['node(s) had untolerated taint {dedicated: user1}'],
    ],
    [
      'a pod tolerating the taint',
      pod({ tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }] }),
      node('n', { taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }] }),
      [],
    ],
    [
      'a toleration with a different value',
      pod({ tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }] }),
      node('n', { taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }] }),
      ['node(s) had untolerated taint {dedicated: user1}'],
    ],
    [
      'a toleration with Exists and no value',
      pod({ tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }] }),
      node('n', { taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }] }),
      [],
    ],
    [
      'a toleration for a different effect',
      pod({ tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }] }),
      node('n', { taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }] }),
      ['node(s) had untolerated taint {foo: bar}'],
    ],
    [
      'PreferNoSchedule taints never filter',
      pod(),
      node('n', { taints: [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }] }),
      [],
    ],
    [
      'the control-plane taint has an empty value',
      pod(),
      cp,
      ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
    ],
  ])('%s', (_d, p, n, reasons) => {
    expect(filterNode(p, n, []).reasons).toEqual(reasons);
  });
});

// upstream: plugins/nodeunschedulable/node_unschedulable_test.go TestNodeUnschedulable
describe('NodeUnschedulable', () => {
  test('an unschedulable node rejects a pod', () => {
    expect(filterNode(pod(), node('n', { unschedulable: true }), [])).toMatchObject({
      plugin: 'NodeUnschedulable',
      reasons: ['node(s) were unschedulable'],
    });
  });
  test('unless the pod tolerates node.kubernetes.io/unschedulable', () => {
    const p = pod({
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }],
    });
    expect(filterNode(p, node('n', { unschedulable: true }), []).reasons).toEqual([]);
  });
});

// upstream: plugins/nodename/node_name_test.go TestNodeName
test('NodeName', () => {
  expect(filterNode(pod({ nodeName: 'b' }), node('a'), []).reasons).toEqual([
    "node(s) didn't match the requested node name",
  ]);
  expect(filterNode(pod({ nodeName: 'a' }), node('a'), []).reasons).toEqual([]);
});

test('NodeAffinity', () => {
  expect(filterNode(pod({ nodeSelector: { disktype: 'ssd' } }), node('a'), []).reasons).toEqual([
    "node(s) didn't match Pod's node affinity/selector",
  ]);
  expect(
    filterNode(pod({ nodeSelector: { disktype: 'ssd' } }), node('a', {}, { disktype: 'ssd' }), []).reasons,
  ).toEqual([]);
});

// upstream: plugins/nodeports/node_ports_test.go TestNodePorts
describe('NodePorts', () => {
  const withPort = (hostPort: number, protocol = 'TCP', hostIP?: string, name = 'p') =>
    pod(
      {
        containers: [
          { name: 'c', image: 'x', ports: [{ containerPort: 80, hostPort, protocol, ...(hostIP ? { hostIP } : {}) }] },
        ],
      },
      name,
    );
  test.each<[string, Pod, Pod[], boolean]>([
    ['nothing running', withPort(8080), [], true],
    ['same port and protocol', withPort(8080), [withPort(8080, 'TCP', undefined, 'q')], false],
    ['same port, other protocol', withPort(8080, 'UDP'), [withPort(8080, 'TCP', undefined, 'q')], true],
    [
      'same port, different host IPs',
      withPort(8080, 'TCP', '127.0.0.1'),
      [withPort(8080, 'TCP', '127.0.0.2', 'q')],
      true,
    ],
    [
      '0.0.0.0 conflicts with any IP',
      withPort(8080, 'TCP', '127.0.0.1'),
      [withPort(8080, 'TCP', '0.0.0.0', 'q')],
      false,
    ],
  ])('%s', (_d, p, existing, fits) => {
    expect(filterNode(p, node('n'), existing).reasons).toEqual(
      fits ? [] : ["node(s) didn't have free ports for the requested pod ports"],
    );
  });
  test('terminal pods free their ports', () => {
    const done = { ...withPort(8080, 'TCP', undefined, 'q'), status: { phase: 'Succeeded' } };
    expect(filterNode(withPort(8080), node('n'), [done]).reasons).toEqual([]);
  });
});

// upstream: plugins/noderesources/fit_test.go TestEnoughRequests (reasons)
describe('NodeResourcesFit', () => {
  const req = (cpu: string, memory: string, name = 'p') =>
    pod({ containers: [{ name: 'c', image: 'x', resources: { requests: { cpu, memory } } }] }, name);
  const small = node('n', {}, {}, { cpu: '1', memory: '1Gi', pods: '2' });
  test.each<[string, Pod, Pod[], string[]]>([
    ['fits', req('500m', '512Mi'), [], []],
    ['too much cpu', req('1500m', '512Mi'), [], ['Insufficient cpu']],
    [
      'too much memory with what runs already',
      req('100m', '600Mi'),
      [req('100m', '500Mi', 'q')],
      ['Insufficient memory'],
    ],
    ['both', req('2', '2Gi'), [], ['Insufficient cpu', 'Insufficient memory']],
    ['too many pods', req('1m', '1Mi'), [req('1m', '1Mi', 'a'), req('1m', '1Mi', 'b')], ['Too many pods']],
  ])('%s', (_d, p, existing, reasons) => {
    expect(filterNode(p, small, existing).reasons).toEqual(reasons);
  });
  test('init containers count as the max, not the sum', () => {
    const p = pod({
      initContainers: [{ name: 'i', image: 'x', resources: { requests: { cpu: '2' } } }],
      containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '500m' } } }],
    });
    expect(podRequests(p).cpu).toBe(2000);
  });
});

// upstream: framework/types_test.go TestFitError_Error, and the FailedScheduling messages kube-scheduler prints
describe('fitErrorMessage', () => {
  test('the default cluster and a pod that fits only workers with a selector', () => {
    const p = pod({ nodeSelector: { disktype: 'ssd' } });
    const results = [cp, node('worker-1'), node('worker-2'), node('worker-3')].map((n) => filterNode(p, n, []));
    expect(fitErrorMessage(4, results)).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
  });
  test('resources: preemption finds no victims among equal-priority pods', () => {
    const results = [
      { node: 'a', plugin: 'NodeResourcesFit' as const, reasons: ['Insufficient cpu'], resolvable: true },
      {
        node: 'b',
        plugin: 'TaintToleration' as const,
        reasons: ['node(s) had untolerated taint {x: y}'],
        resolvable: false,
      },
    ];
    expect(fitErrorMessage(2, results)).toBe(
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {x: y}. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    );
  });
  test('no nodes at all', () => {
    expect(fitErrorMessage(0, [])).toBe('no nodes available to schedule pods');
  });
  test('counts sort as strings, as Go sorts them', () => {
    const r = (reason: string) => ({ node: 'x', reasons: [reason], resolvable: false });
    const results = [...Array(10)].map(() => r('b')).concat([r('a'), r('a')]);
    expect(fitErrorMessage(12, results)).toBe(
      '0/12 nodes are available: 10 b, 2 a. preemption: 0/12 nodes are available: 12 Preemption is not helpful for scheduling.',
    );
  });
});

describe('scoring and selection', () => {
  test('PreferNoSchedule lowers a node', () => {
    const nodes = [node('a', { taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] }), node('b')];
    const scores = scoreNodes(pod(), nodes, new Map());
    expect(scores[1].score).toBeGreaterThan(scores[0].score);
    expect(selectHost(scores, () => 0)).toBe('b');
  });
  test('a less loaded node scores higher', () => {
    const busy = pod(
      { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '3', memory: '8Gi' } } }] },
      'busy',
    );
    const scores = scoreNodes(pod(), [node('a'), node('b')], new Map([['a', [busy]]]));
    expect(selectHost(scores, () => 0.99)).toBe('b');
  });
  test('ties are broken by the seeded random source', () => {
    const scores = [
      { node: 'a', score: 5 },
      { node: 'b', score: 5 },
      { node: 'c', score: 5 },
    ];
    expect(selectHost(scores, () => 0)).toBe('c');
    expect(selectHost(scores, () => 0.99)).toBe('a');
  });
});

// upstream: plugins/nodeaffinity/node_affinity_test.go TestNodeAffinity (wantPreFilterResult,
// wantPreFilterStatus) — the PreFilter narrows the nodes to those named by matchFields.
describe('NodeAffinity PreFilter', () => {
  const terms = (...ts: { key: string; operator: string; values: string[] }[][]) =>
    pod({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: ts.map((f) => ({ matchFields: f })) },
        },
      },
    });
  const name = (op: string, ...values: string[]) => ({ key: 'metadata.name', operator: op, values });
  test.each<[string, Pod, string[] | undefined]>([
    ['no affinity: all nodes', pod(), undefined],
    ['one term naming a node (a daemon pod)', terms([name('In', 'node1')]), ['node1']],
    ['ANDed requirements intersect', terms([name('In', 'node1', 'node2'), name('In', 'node2', 'node3')]), ['node2']],
    ['ORed terms unite', terms([name('In', 'node1')], [name('In', 'node2')]), ['node1', 'node2']],
    [
      'a term without a name requirement allows all nodes',
      terms([name('In', 'node1')], [name('NotIn', 'node2')]),
      undefined,
    ],
    ['conflicting requirements: no node', terms([name('In', 'node1'), name('In', 'node2')]), []],
  ])('%s', (_, p, want) => {
    const got = preFilterNodeNames(p);
    expect(got === undefined ? undefined : [...got].sort()).toEqual(want);
  });

  // schedule_one.go findNodesThatFitPod: nodes the PreFilter left out get the absent status
  // "node(s) didn't satisfy plugin(s) [NodeAffinity]", counted in FitError.Error() and, as
  // unresolvable, in the preemption message.
  test('a daemon pod that does not fit its node', () => {
    const big = terms([name('In', 'worker-1')]);
    big.spec!.containers[0].resources = { requests: { cpu: '64' } };
    const r = filterNode(big, node('worker-1'), []);
    expect(fitErrorMessage(4, [r], { absentReason: "node(s) didn't satisfy plugin(s) [NodeAffinity]" })).toBe(
      "0/4 nodes are available: 1 Insufficient cpu, 3 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.",
    );
  });

  test('conflicting terms fail in PreFilter', () => {
    expect(fitErrorMessage(3, [], { message: 'pod affinity terms conflict' })).toBe(
      '0/3 nodes are available: pod affinity terms conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });
});

describe('NodeInfo kept incrementally', () => {
  test('adding and removing pods returns to empty, and matches the NodeInfo of the list', () => {
    const a = pod(
      {
        containers: [
          {
            name: 'c',
            image: 'x',
            resources: { requests: { cpu: '250m', memory: '64Mi' } },
            ports: [{ containerPort: 80, hostPort: 8080 }],
          },
        ],
      },
      'a',
    );
    const b = pod({ containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '100m' } } }] }, 'b');
    const info = emptyNodeInfo();
    addToNodeInfo(info, a, 1);
    addToNodeInfo(info, b, 1);
    const fromList = nodeInfoOf([a, b]);
    expect(info.pods).toBe(2);
    expect(info.requested).toEqual(fromList.requested);
    expect(info.requested.cpu).toBe(350);
    expect(info.ports).toEqual([{ containerPort: 80, hostPort: 8080 }]);
    expect(info.nonZero).toEqual(fromList.nonZero);
    addToNodeInfo(info, a, -1);
    expect(info.ports).toEqual([]);
    expect(info.requested.cpu).toBe(100);
    addToNodeInfo(info, b, -1);
    expect(info.pods).toBe(0);
    expect(info.nonZero).toEqual({ cpu: 0, memory: 0 });
  });
});
