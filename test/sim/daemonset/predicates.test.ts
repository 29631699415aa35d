import { describe, expect, test } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Container, PodSpec, Taint } from 'kubernetes-types/core/v1';
import { nodeShouldRunDaemonPod } from '../../../src/sim/daemonset/predicates';
import { newNode, simpleDaemonSetLabel, simpleDaemonSetLabel2, updateStrategies } from './fixtures';

const resourceContainerSpec = (memory: string, cpu: string): Container['resources'] => ({
  requests: { memory, cpu },
});
const resourcePodSpec = (nodeName: string, memory: string, cpu: string): PodSpec => ({
  ...(nodeName ? { nodeName } : {}),
  containers: [{ name: 'c', image: 'foo/bar', resources: resourceContainerSpec(memory, cpu) }],
});
const dsWith = (spec: PodSpec): DaemonSet => ({
  spec: {
    selector: { matchLabels: simpleDaemonSetLabel },
    template: { metadata: { labels: simpleDaemonSetLabel }, spec },
  },
});
const affinityIn = (value: string): PodSpec => ({
  containers: [],
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'type', operator: 'In', values: [value] }] }],
      },
    },
  },
});

// upstream: pkg/controller/daemon/daemon_controller_test.go TestNodeShouldRunDaemonPod (the whole
// table; podsOnNode rows keep their other pods out of the decision, as upstream ignores them)
describe('TestNodeShouldRunDaemonPod', () => {
  const hostPortSpec: PodSpec = {
    containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 666, hostPort: 666 }] }],
  };
  const cases: [string, DaemonSet, boolean, boolean, boolean][] = [
    ['ShouldRunDaemonPod', dsWith(resourcePodSpec('', '50M', '0.5')), false, true, true],
    ['InsufficientResourceError', dsWith(resourcePodSpec('', '200M', '0.5')), false, true, true],
    ['ErrPodNotMatchHostName', dsWith(resourcePodSpec('other-node', '50M', '0.5')), false, false, false],
    ['ErrPodNotFitsHostPorts', dsWith(hostPortSpec), false, true, true],
    [
      'InsufficientResourceError (with a pod on the node)',
      dsWith(resourcePodSpec('', '100M', '0.5')),
      false,
      true,
      true,
    ],
    ['ShouldRunDaemonPod (with a pod on the node)', dsWith(resourcePodSpec('', '50M', '0.5')), false, true, true],
    ['ErrNodeSelectorNotMatch', dsWith({ containers: [], nodeSelector: simpleDaemonSetLabel2 }), false, false, false],
    [
      'ShouldRunDaemonPod (nodeSelector)',
      dsWith({ containers: [], nodeSelector: simpleDaemonSetLabel }),
      false,
      true,
      true,
    ],
    ['ErrPodAffinityNotMatch', dsWith(affinityIn('test')), false, false, false],
    ['ShouldRunDaemonPod (affinity)', dsWith(affinityIn('production')), false, true, true],
    ['ShouldRunDaemonPodOnUnschedulableNode', dsWith(resourcePodSpec('', '50M', '0.5')), true, true, true],
  ];
  const rows = cases.flatMap(([name, ds, unschedulable, shouldRun, shouldContinueRunning]) =>
    updateStrategies().map(
      (s) =>
        [
          `${name} [${s.type}]`,
          { ...ds, spec: { ...ds.spec!, updateStrategy: s } },
          unschedulable,
          shouldRun,
          shouldContinueRunning,
        ] as const,
    ),
  );
  test.each(rows)('%s', (_name, ds, unschedulable, shouldRun, shouldContinueRunning) => {
    const node = newNode('test-node', simpleDaemonSetLabel);
    node.status!.allocatable = { memory: '100M', cpu: '1' };
    node.spec = { unschedulable };
    const r = nodeShouldRunDaemonPod(node, ds);
    expect([r.shouldRun, r.shouldContinueRunning]).toEqual([shouldRun, shouldContinueRunning]);
  });

  test('the reasons say why, as data', () => {
    const node = newNode('test-node', simpleDaemonSetLabel);
    expect(nodeShouldRunDaemonPod(node, dsWith(resourcePodSpec('other-node', '1', '1'))).reason).toEqual({
      type: 'NodeNameMismatch',
      nodeName: 'other-node',
    });
    expect(nodeShouldRunDaemonPod(node, dsWith(affinityIn('test'))).reason).toEqual({ type: 'NodeAffinityMismatch' });
    expect(nodeShouldRunDaemonPod(node, dsWith({ containers: [] })).reason).toBeUndefined();
  });
});

// upstream: TestTaintedNodeDaemonDoesNotLaunchIntolerantPod, TestNoScheduleTaintedDoesntEvicitRunningIntolerantPod,
// TestNoExecuteTaintedDoesEvicitRunningIntolerantPod, TestTaintedNodeDaemonLaunchesToleratePod,
// TestNotReadyNodeDaemonLaunchesPod, TestUnreachableNodeDaemonLaunchesPod, TestTaintPressureNodeDaemonLaunchesPod
describe('taints', () => {
  const noSchedule: Taint = { key: 'dedicated', value: 'user1', effect: 'NoSchedule' };
  const noExecute: Taint = { key: 'dedicated', value: 'user1', effect: 'NoExecute' };
  const tolerateNoSchedule = [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }];
  const tainted = (...taints: Taint[]) => ({ ...newNode('tainted'), spec: { taints } });
  const base = (tolerations?: PodSpec['tolerations'], hostNetwork?: boolean) =>
    dsWith({
      containers: [{ name: 'c', image: 'x' }],
      ...(tolerations ? { tolerations } : {}),
      ...(hostNetwork ? { hostNetwork } : {}),
    });
  test.each<[string, Taint[], DaemonSet, boolean, boolean, Taint | undefined]>([
    ['untolerated NoSchedule: no new pod, the running one stays', [noSchedule], base(), false, true, noSchedule],
    ['untolerated NoExecute: no new pod, the running one is evicted', [noExecute], base(), false, false, noExecute],
    [
      'NoSchedule then NoExecute: the NoExecute taint is the reason',
      [noSchedule, noExecute],
      base(tolerateNoSchedule.slice(0, 0)),
      false,
      false,
      noExecute,
    ],
    ['tolerated NoSchedule', [noSchedule], base(tolerateNoSchedule), true, true, undefined],
    ['PreferNoSchedule is ignored', [{ key: 'spot', effect: 'PreferNoSchedule' }], base(), true, true, undefined],
    [
      'not-ready NoExecute is tolerated',
      [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }],
      base(),
      true,
      true,
      undefined,
    ],
    [
      'unreachable NoExecute is tolerated',
      [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }],
      base(),
      true,
      true,
      undefined,
    ],
    [
      'disk, memory and PID pressure are tolerated',
      [
        { key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/pid-pressure', effect: 'NoSchedule' },
      ],
      base(),
      true,
      true,
      undefined,
    ],
    [
      'a cordoned node (unschedulable taint) is tolerated',
      [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
      base(),
      true,
      true,
      undefined,
    ],
    [
      'network-unavailable without hostNetwork',
      [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }],
      base(),
      false,
      true,
      { key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' },
    ],
    [
      'network-unavailable with hostNetwork',
      [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }],
      base(undefined, true),
      true,
      true,
      undefined,
    ],
    [
      'the control-plane taint needs a toleration',
      [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
      base(),
      false,
      true,
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ],
  ])('%s', (_d, taints, ds, shouldRun, shouldContinueRunning, taint) => {
    const r = nodeShouldRunDaemonPod(tainted(...taints), ds);
    expect([r.shouldRun, r.shouldContinueRunning]).toEqual([shouldRun, shouldContinueRunning]);
    expect(r.reason).toEqual(taint ? { type: 'UntoleratedTaint', taint } : undefined);
  });
});
