/**
 * Fixtures after pkg/controller/daemon/daemon_controller_test.go (newDaemonSet, newNode, newPod,
 * addPods, markPodsReady, updateStrategies) and a tiny sync harness that plays the part of
 * upstream's fake pod control: it runs manage and rollingUpdate as syncDaemonSet does and applies
 * their plans at once, so the multi-step tables of update_test.go can be ported.
 */
import type { DaemonSet, DaemonSetUpdateStrategy } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { labelSelectorAsSelector } from '../../../src/sim/labels/selector';
import { manage, type FailedPodsBackoff } from '../../../src/sim/daemonset/manage';
import { rollingUpdate } from '../../../src/sim/daemonset/update';
import {
  computeHash,
  createPodTemplate,
  getPodsByNode,
  getTemplateGeneration,
  replaceDaemonSetPodNodeNameNodeAffinity,
} from '../../../src/sim/daemonset/util';

export const simpleDaemonSetLabel = { name: 'simple-daemon', type: 'production' };
export const simpleDaemonSetLabel2 = { name: 'simple-daemon', type: 'test' };
export const simpleNodeLabel = { color: 'blue', speed: 'fast' };

export function newDaemonSet(name: string, uid = `uid-${name}`): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { uid, name, namespace: 'default', generation: 1 },
    spec: {
      revisionHistoryLimit: 2,
      updateStrategy: { type: 'OnDelete' },
      selector: { matchLabels: { ...simpleDaemonSetLabel } },
      template: {
        metadata: { labels: { ...simpleDaemonSetLabel } },
        spec: {
          containers: [
            {
              name: 'c',
              image: 'foo/bar',
              terminationMessagePath: '/dev/termination-log',
              imagePullPolicy: 'IfNotPresent',
            },
          ],
          dnsPolicy: 'Default',
        },
      },
    },
  };
}

export const newRollingUpdateStrategy = (maxUnavailable: number | string = 1): DaemonSetUpdateStrategy => ({
  type: 'RollingUpdate',
  rollingUpdate: { maxUnavailable: maxUnavailable as never },
});
export const newOnDeleteStrategy = (): DaemonSetUpdateStrategy => ({ type: 'OnDelete' });
export const updateStrategies = () => [newOnDeleteStrategy(), newRollingUpdateStrategy()];
/** newUpdateSurge: maxUnavailable 0 and the given maxSurge. */
export const newUpdateSurge = (value: number | string): DaemonSetUpdateStrategy => ({
  type: 'RollingUpdate',
  rollingUpdate: { maxUnavailable: 0 as never, maxSurge: value as never },
});
/** newUpdateUnavailable: maxUnavailable only (maxSurge unset). */
export const newUpdateUnavailable = (value: number | string): DaemonSetUpdateStrategy => ({
  type: 'RollingUpdate',
  rollingUpdate: { maxUnavailable: value as never },
});

export function newNode(name: string, labels?: Record<string, string>): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, ...(labels ? { labels: { ...labels } } : {}) },
    status: { conditions: [{ type: 'Ready', status: 'True' }], allocatable: { pods: '100' } },
  };
}

export const addNodes = (start: number, count: number, labels?: Record<string, string>): Node[] =>
  Array.from({ length: count }, (_, i) => newNode(`node-${start + i}`, labels));

let podCounter = 0;
/** newPod: a pod on nodeName with the labels plus the DaemonSet's hash, owned by the DaemonSet. */
export function newPod(prefix: string, nodeName: string, labels: Record<string, string>, ds?: DaemonSet): Pod {
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${prefix}${(podCounter++).toString(36).padStart(5, 'x')}`,
      generateName: prefix,
      namespace: 'default',
      labels: { ...labels },
      creationTimestamp: '2025-01-01T00:00:00Z',
    },
    spec: structuredClone(ds?.spec?.template?.spec ?? { containers: [{ name: 'c', image: 'foo/bar' }] }),
  };
  if (nodeName) pod.spec!.nodeName = nodeName;
  if (ds) {
    pod.metadata!.labels!['controller-revision-hash'] = computeHash(ds.spec?.template, ds.status?.collisionCount);
    pod.metadata!.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata!.name!, uid: ds.metadata!.uid!, controller: true },
    ];
  }
  return pod;
}

export const addPods = (nodeName: string, labels: Record<string, string>, ds: DaemonSet, n: number): Pod[] =>
  Array.from({ length: n }, () => newPod(`${nodeName}-`, nodeName, labels, ds));

export const addFailedPods = (nodeName: string, labels: Record<string, string>, ds: DaemonSet, n: number): Pod[] =>
  addPods(nodeName, labels, ds, n).map((p) => ({ ...p, status: { phase: 'Failed' } }));

/** kubernetes-types marks server-set fields read-only; tests set them as a server would. */
export const writable = (o: object) => o as Record<string, any>;

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** podutil.UpdatePodCondition for Ready, with the transition time at `now`. */
export function setReady(pod: Pod, ready: boolean, now: number): void {
  const w = writable(pod);
  w.status ??= {};
  const conditions: { type: string; status: string; lastTransitionTime?: string }[] = (w.status.conditions ??= []);
  const status = ready ? 'True' : 'False';
  const c = conditions.find((x) => x.type === 'Ready');
  if (c) {
    if (c.status !== status) c.lastTransitionTime = iso(now);
    c.status = status;
  } else conditions.push({ type: 'Ready', status, lastTransitionTime: iso(now) });
}

export const markPodReady = (pod: Pod, now = Date.parse('2025-01-01T00:00:00Z')) => {
  setReady(pod, true, now);
  return pod;
};

/** The part of a cluster the controller sees, and the effect of its plans, as in upstream's fake pod control. */
export class FakeCluster {
  pods: Pod[] = [];
  backoff: FailedPodsBackoff = {};
  now = Date.parse('2025-01-01T00:00:00Z');
  private created = 0;

  constructor(
    public ds: DaemonSet,
    public nodes: Node[],
  ) {}

  /** getDaemonPods: pods owned by the DaemonSet that its selector still matches (ClaimPods). */
  claimed(): Pod[] {
    const selector = labelSelectorAsSelector(this.ds.spec?.selector);
    return this.pods.filter(
      (p) =>
        p.metadata?.ownerReferences?.some((r) => r.controller && r.uid === this.ds.metadata?.uid) &&
        selector.matches(p.metadata?.labels ?? {}),
    );
  }

  hash(): string {
    return computeHash(this.ds.spec?.template, this.ds.status?.collisionCount);
  }

  private create(node: string, hash: string): void {
    const t = createPodTemplate(this.ds.spec?.template, getTemplateGeneration(this.ds), hash);
    t.spec!.affinity = replaceDaemonSetPodNodeNameNodeAffinity(t.spec!.affinity, node);
    this.pods.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...t.metadata,
        name: `${this.ds.metadata?.name}-${(this.created++).toString().padStart(3, '0')}`,
        namespace: 'default',
        creationTimestamp: iso(this.now),
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'DaemonSet',
            name: this.ds.metadata!.name!,
            uid: this.ds.metadata!.uid!,
            controller: true,
          },
        ],
      },
      spec: t.spec,
    });
  }

  private remove(names: string[]): void {
    const gone = new Set(names);
    this.pods = this.pods.filter((p) => !gone.has(p.metadata?.name ?? ''));
  }

  /** syncDaemonSet: manage, then the rolling update; returns what was created and deleted. */
  sync(): { creates: number; deletes: number; events: number } {
    const hash = this.hash();
    const plan = manage(this.ds, this.nodes, getPodsByNode(this.claimed()), hash, this.now, this.backoff);
    this.backoff = plan.backoff;
    const creates = plan.nodesNeedingDaemonPods.slice(0, plan.syncNodes.createDiff);
    for (const node of creates) this.create(node, hash);
    const deletes = plan.podsToDelete.slice(0, plan.syncNodes.deleteDiff);
    this.remove(deletes);
    let created = creates.length;
    let deleted = deletes.length;
    if (this.ds.spec?.updateStrategy?.type === 'RollingUpdate') {
      const ru = rollingUpdate(this.ds, this.nodes, getPodsByNode(this.claimed()), hash, this.now);
      if (ru.error) throw new Error(ru.error);
      for (const node of ru.nodesToSurge) this.create(node, hash);
      this.remove(ru.oldPodsToDelete);
      created += ru.nodesToSurge.length;
      deleted += ru.oldPodsToDelete.length;
    }
    return { creates: created, deletes: deleted, events: plan.events.length };
  }

  markPodsReady(): void {
    for (const p of this.pods) setReady(p, true, this.now);
  }

  /** setPodReadiness: flip up to `count` pods matching fn (not deleted, not already in that state). */
  setPodReadiness(ready: boolean, count: number, fn: (p: Pod) => boolean): void {
    for (const p of this.pods) {
      if (count <= 0) break;
      if (p.metadata?.deletionTimestamp) continue;
      const isReady = p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
      if (isReady === ready || !fn(p)) continue;
      setReady(p, ready, this.now);
      count--;
    }
    if (count > 0) throw new Error(`could not mark ${count} pods ready=${ready}`);
  }
}
