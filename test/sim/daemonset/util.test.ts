import { describe, expect, test } from 'vitest';
import type { Affinity, Pod, PodSpec } from 'kubernetes-types/core/v1';
import {
  addOrUpdateDaemonPodTolerations,
  computeHash,
  createPodTemplate,
  getPodsByNode,
  getScaledValueFromIntOrPercent,
  getTargetNodeName,
  getTemplateGeneration,
  isPodAvailable,
  isPodUpdated,
  newPod,
  replaceDaemonSetPodNodeNameNodeAffinity,
  safeEncodeString,
  splitByAvailablePods,
} from '../../../src/sim/daemonset/util';
import { newDaemonSet } from './fixtures';

const pod = (labels?: Record<string, string>): Pod => ({
  metadata: { name: 'pod1', namespace: 'default', ...(labels ? { labels } : {}) },
  spec: { nodeName: 'node1', containers: [{ name: 'c', image: 'foo/bar' }] },
});

// upstream: pkg/controller/daemon/util/daemonset_util_test.go TestIsPodUpdated
describe('TestIsPodUpdated', () => {
  const templateGeneration = 12345;
  const hash = '55555';
  const labels = { 'pod-template-generation': String(templateGeneration), 'controller-revision-hash': hash };
  const labelsNoHash = { 'pod-template-generation': String(templateGeneration) };
  test.each<[string, number | undefined, Pod, string, boolean]>([
    ['templateGeneration and hash both match', templateGeneration, pod(labels), hash, true],
    ["templateGeneration matches, hash doesn't", templateGeneration, pod(labels), hash + '123', true],
    ['templateGeneration matches, no hash label, has hash', templateGeneration, pod(labelsNoHash), hash, true],
    ['templateGeneration matches, no hash label, no hash', templateGeneration, pod(labelsNoHash), '', true],
    ['templateGeneration matches, has hash label, no hash', templateGeneration, pod(labels), '', true],
    ["templateGeneration doesn't match, hash does", templateGeneration + 1, pod(labels), hash, true],
    ["templateGeneration and hash don't match", templateGeneration + 1, pod(labels), hash + '123', false],
    ['empty labels, no hash', templateGeneration, pod({}), '', false],
    ['empty labels', templateGeneration, pod({}), hash, false],
    ['no labels', templateGeneration, pod(), hash, false],
    ['no template generation, hash matches', undefined, pod(labels), hash, true],
    ['no template generation, no hash', undefined, pod(labels), '', false],
  ])('%s', (_d, generation, p, h, updated) => {
    expect(isPodUpdated(p, h, generation)).toBe(updated);
  });
});

// upstream: TestCreatePodTemplate
describe('TestCreatePodTemplate', () => {
  test.each<[number, string, boolean]>([
    [1, '', false],
    [2, '3242341807', true],
  ])('generation %i, hash %j', (generation, hash, expectUniqueLabel) => {
    const t = createPodTemplate({}, generation, hash);
    expect(t.metadata!.labels!['pod-template-generation']).toBe(String(generation));
    if (expectUniqueLabel) expect(t.metadata!.labels!['controller-revision-hash']).toBe(hash);
    else expect(t.metadata!.labels).not.toHaveProperty('controller-revision-hash');
    expect(t.spec!.tolerations!.map((x) => x.key)).toEqual([
      'node.kubernetes.io/not-ready',
      'node.kubernetes.io/unreachable',
      'node.kubernetes.io/disk-pressure',
      'node.kubernetes.io/memory-pressure',
      'node.kubernetes.io/pid-pressure',
      'node.kubernetes.io/unschedulable',
    ]);
  });
  test('no template generation: no generation label; the template passed in is not changed', () => {
    const template = { metadata: { labels: { a: 'b' } }, spec: { containers: [] } };
    const t = createPodTemplate(template, undefined, 'abc');
    expect(t.metadata!.labels).toEqual({ a: 'b', 'controller-revision-hash': 'abc' });
    expect(template).toEqual({ metadata: { labels: { a: 'b' } }, spec: { containers: [] } });
  });
});

// upstream: AddOrUpdateDaemonPodTolerations (daemonset_util.go) with v1helper.AddOrUpdateTolerationInPodSpec
describe('AddOrUpdateDaemonPodTolerations', () => {
  const all = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  test.each<[string, PodSpec, unknown[]]>([
    ['an empty spec gets the six, in order, without tolerationSeconds', { containers: [] }, all],
    [
      'hostNetwork adds network-unavailable last',
      { containers: [], hostNetwork: true },
      [...all, { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' }],
    ],
    [
      'a matching toleration is replaced in place (its tolerationSeconds goes); others stay first',
      {
        containers: [],
        tolerations: [
          { key: 'x', operator: 'Exists' },
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        ],
      },
      [{ key: 'x', operator: 'Exists' }, all[1], all[0], ...all.slice(2)],
    ],
    [
      'a toleration with another operator is not a match and stays',
      {
        containers: [],
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Equal', effect: 'NoExecute' }],
      },
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Equal', effect: 'NoExecute' }, ...all],
    ],
  ])('%s', (_d, spec, want) => {
    addOrUpdateDaemonPodTolerations(spec);
    expect(spec.tolerations).toEqual(want);
  });
  test('idempotent', () => {
    const spec: PodSpec = { containers: [] };
    addOrUpdateDaemonPodTolerations(spec);
    addOrUpdateDaemonPodTolerations(spec);
    expect(spec.tolerations).toEqual(all);
  });
});

// upstream: TestReplaceDaemonSetPodNodeNameNodeAffinity
describe('TestReplaceDaemonSetPodNodeNameNodeAffinity', () => {
  const pinned = (host: string): Affinity => ({
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [host] }] }],
      },
    },
  });
  const required = (...nodeSelectorTerms: object[]): Affinity => ({
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } as never },
  });
  const preferred = [
    {
      weight: 0,
      preference: { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['host_1'] }] },
    },
  ];
  test.each<[string, Affinity | undefined, Affinity]>([
    ['nil affinity', undefined, pinned('host_1')],
    [
      'a hostname expression is replaced',
      required({ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['host_1'] }] }),
      pinned('host_1'),
    ],
    [
      'preferred terms stay',
      { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } },
      {
        nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred, ...pinned('host_1').nodeAffinity },
      },
    ],
    [
      'two names become one',
      required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host_1', 'host_2'] }] }),
      pinned('host_1'),
    ],
    [
      'every term is replaced',
      required(
        { matchExpressions: [{ key: 'hostname', operator: 'In', values: ['host_1'] }] },
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host_2'] }] },
      ),
      pinned('host_1'),
    ],
    [
      'NotIn is replaced',
      required({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['host_2'] }] }),
      pinned('host_1'),
    ],
    [
      'an unknown field key is replaced',
      required({ matchFields: [{ key: 'metadata.foo', operator: 'In', values: ['bar'] }] }),
      pinned('host_1'),
    ],
    ['an empty affinity', {}, pinned('host_1')],
  ])('%s', (_d, affinity, want) => {
    const before = structuredClone(affinity);
    expect(replaceDaemonSetPodNodeNameNodeAffinity(affinity, 'host_1')).toEqual(want);
    expect(affinity).toEqual(before);
  });
});

// upstream: TestGetTargetNodeName
describe('TestGetTargetNodeName', () => {
  const withTerms = (name: string, values: string[]): Pod => ({
    metadata: { name, namespace: 'default' },
    spec: {
      containers: [],
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values }] }],
          },
        },
      },
    },
  });
  test.each<[string, Pod, { nodeName: string } | { error: string }]>([
    [
      'spec.nodeName',
      { metadata: { name: 'pod1', namespace: 'default' }, spec: { nodeName: 'node-1', containers: [] } },
      { nodeName: 'node-1' },
    ],
    ['node affinity', withTerms('pod2', ['node-1']), { nodeName: 'node-1' }],
    [
      'two values',
      withTerms('pod3', ['node-1', 'node-2']),
      { error: "the matchFields value of 'metadata.name' is not unique for pod default/pod3" },
    ],
    [
      'nothing',
      { metadata: { name: 'pod4', namespace: 'default' }, spec: { containers: [] } },
      { error: 'no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod default/pod4' },
    ],
  ])('%s', (_d, p, want) => {
    expect(getTargetNodeName(p)).toEqual(want);
  });
});

describe('newPod (daemon_controller.go NewPod)', () => {
  test('the template with the node name, the namespace and the daemon tolerations', () => {
    const ds = newDaemonSet('foo');
    const p = newPod(ds, 'node-1');
    expect(p.metadata).toEqual({ labels: { name: 'simple-daemon', type: 'production' }, namespace: 'default' });
    expect(p.spec!.nodeName).toBe('node-1');
    expect(p.spec!.tolerations).toHaveLength(6);
    expect(ds.spec!.template.spec!.tolerations).toBeUndefined();
  });
});

describe('getTemplateGeneration', () => {
  const withAnnotation = (v?: string) => {
    const ds = newDaemonSet('foo');
    if (v !== undefined) ds.metadata!.annotations = { 'deprecated.daemonset.template.generation': v };
    return ds;
  };
  test.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ['3', 3],
    ['x', undefined],
    ['', undefined],
  ])('annotation %j → %j', (v, want) => {
    expect(getTemplateGeneration(withAnnotation(v))).toBe(want);
  });
});

// upstream: podutil.IsPodAvailable (pkg/api/v1/pod/util.go) and its TestIsPodAvailable rows
describe('isPodAvailable', () => {
  const now = Date.parse('2025-01-01T00:01:00Z');
  const ready = (status: string, ltt?: string): Pod => ({
    metadata: { name: 'p' },
    status: { conditions: [{ type: 'Ready', status, ...(ltt ? { lastTransitionTime: ltt } : {}) }] },
  });
  test.each<[string, Pod, number, boolean]>([
    ['not ready', ready('False', '2025-01-01T00:00:00Z'), 0, false],
    ['ready, minReadySeconds 0', ready('True', '2025-01-01T00:01:00Z'), 0, true],
    ['ready for 60s, minReadySeconds 1', ready('True', '2025-01-01T00:00:00Z'), 1, true],
    ['ready for exactly minReadySeconds: not yet (Before is strict)', ready('True', '2025-01-01T00:00:00Z'), 60, false],
    ['ready for 59s, minReadySeconds 60', ready('True', '2025-01-01T00:00:01Z'), 60, false],
    ['ready without a transition time, minReadySeconds 10', ready('True'), 10, false],
    ['no conditions', { metadata: { name: 'p' } }, 0, false],
  ])('%s', (_d, p, minReady, want) => {
    expect(isPodAvailable(p, minReady, now)).toBe(want);
    expect(isPodAvailable(p, minReady, new Date(now))).toBe(want);
  });
  test('splitByAvailablePods keeps order', () => {
    const a = ready('True', '2025-01-01T00:00:00Z');
    const b = ready('False', '2025-01-01T00:00:00Z');
    const c = ready('True', '2025-01-01T00:00:30Z');
    expect(splitByAvailablePods(40, [a, b, c], now)).toEqual({ available: [a], unavailable: [b, c] });
  });
});

describe('getPodsByNode (getNodesToDaemonPods)', () => {
  const p = (name: string, node: string, phase?: string, deleting = false): Pod => ({
    metadata: { name, namespace: 'default', ...(deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}) },
    spec: { nodeName: node, containers: [] },
    ...(phase ? { status: { phase } } : {}),
  });
  const pods = [p('a', 'n1'), p('b', 'n1', 'Failed', true), p('c', 'n2', 'Running', true), p('d', 'n2', 'Succeeded')];
  test('terminal pods being deleted are left out unless asked for', () => {
    const names = (m: Map<string, Pod[]>) =>
      Object.fromEntries([...m].map(([k, v]) => [k, v.map((x) => x.metadata!.name)]));
    expect(names(getPodsByNode(pods))).toEqual({ n1: ['a'], n2: ['c', 'd'] });
    expect(names(getPodsByNode(pods, true))).toEqual({ n1: ['a', 'b'], n2: ['c', 'd'] });
  });
});

// upstream: apimachinery intstr TestGetScaledValueFromIntOrPercent (rows used by the DaemonSet controller)
describe('getScaledValueFromIntOrPercent', () => {
  test.each<[number | string, number, boolean, number]>([
    [1, 10, true, 1],
    ['10%', 10, true, 1],
    ['10%', 10, false, 1],
    ['33%', 10, true, 4],
    ['33%', 10, false, 3],
    ['50%', 3, true, 2],
    ['50%', 3, false, 1],
    ['0%', 5, true, 0],
    ['100%', 2, true, 2],
  ])('%j of %i (roundUp %s) = %i', (v, total, roundUp, want) => {
    expect(getScaledValueFromIntOrPercent(v, total, roundUp)).toBe(want);
  });
  test.each<[string | undefined, string]>([
    [undefined, 'nil value for IntOrString'],
    ['10', 'invalid value for IntOrString: invalid type: string is not a percentage'],
    ['x%', 'invalid value for IntOrString: invalid value "x%": strconv.Atoi: parsing "x": invalid syntax'],
  ])('%j is an error', (v, message) => {
    expect(() => getScaledValueFromIntOrPercent(v, 10, true)).toThrow(message);
  });
});

describe('computeHash (controller.ComputeHash format)', () => {
  const template = newDaemonSet('foo').spec!.template;
  test('decimal of a uint32 encoded with SafeEncodeString: 1–10 characters from the digit images', () => {
    const h = computeHash(template);
    expect(h).toMatch(/^[456789bcdf]{1,10}$/);
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
  test('stable for equal templates whatever the key order; changes with the template and the collision count', () => {
    const reordered = JSON.parse(JSON.stringify({ spec: template.spec, metadata: template.metadata }));
    expect(computeHash(reordered)).toBe(computeHash(template));
    const changed = structuredClone(template);
    changed.spec!.containers[0].image = 'foo2/bar2';
    expect(computeHash(changed)).not.toBe(computeHash(template));
    expect(computeHash(template, 0)).not.toBe(computeHash(template));
    expect(computeHash(template, 1)).not.toBe(computeHash(template, 0));
  });
});
