/**
 * The DaemonSet controller's reconcile loop (pkg/controller/daemon): `manage` computes, per node,
 * the pods to create and delete (podsShouldBeOnNode), `rollingUpdate` replaces pods of an old
 * template within maxUnavailable (the maxSurge = 0 path), and `updateDaemonSetStatus` writes the
 * counters kubectl shows. Decisions are pure functions returning plans; `sync` carries them out.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { labelSelectorAsSelector } from '../labels/selector';
import { nodeShouldRunDaemonPod, type ShouldRun } from './predicates';
import { addOrUpdateDaemonPodTolerations, computeHash, replaceDaemonSetPodNodeNameNodeAffinity } from './util';

export interface DaemonSetHost {
  now(): number;
  schedule(at: number, type: string, args: Record<string, unknown>): void;
  pending(type: string, match: (args: Record<string, unknown>) => boolean): boolean;
  peekAll(kind: 'Node' | 'Pod' | 'DaemonSet'): any[];
  createPod(pod: Pod): { name?: string; error?: string };
  deletePod(pod: Pod): void;
  writeStatus(kind: 'DaemonSet' | 'Pod', obj: any): void;
  record(obj: any, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

export interface DaemonSetState {
  /** Failed-pod back-off per `<ds uid>/<node>`: seconds and when it ends. */
  backoff: Record<string, { seconds: number; until: number }>;
  /** The last decision per DaemonSet, for the controller inspector. */
  lastDecision: Record<string, { create: string[]; delete: string[]; at: number }>;
}

/** failedPodsBackoff in NewDaemonSetsController: 1 s doubling to 15 min. */
const BACKOFF_INITIAL = 1;
const BACKOFF_MAX = 900;

const isRunningLike = (p: Pod) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded';

export function isPodReady(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** podutil.IsPodAvailable */
export function isPodAvailable(p: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(p)) return false;
  if (minReadySeconds === 0) return true;
  const ready = (p.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const since = ready?.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : now;
  return since + minReadySeconds * 1000 <= now;
}

function byCreation(a: Pod, b: Pod): number {
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
}

/** util.IsPodUpdated: the pod carries the current template hash (or generation). */
export function isPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata?.labels ?? {};
  return (
    labels['controller-revision-hash'] === hash ||
    (generation !== undefined &&
      labels['pod-template-generation'] === String(generation) &&
      !labels['controller-revision-hash'])
  );
}

export interface ManagePlan {
  nodesNeedingDaemonPods: string[];
  podsToDelete: Pod[];
  /** Failed pods whose node is still backing off: retry then. */
  retryAt?: number;
}

/** podsShouldBeOnNode for every node, plus the pods on nodes that no longer exist. */
export function manage(
  ds: DaemonSet,
  nodes: Node[],
  podsByNode: Map<string, Pod[]>,
  state: DaemonSetState,
  now: number,
): ManagePlan {
  const plan: ManagePlan = { nodesNeedingDaemonPods: [], podsToDelete: [] };
  const uid = ds.metadata?.uid ?? '';
  const nodeNames = new Set(nodes.map((n) => n.metadata?.name ?? ''));
  for (const node of nodes) {
    const name = node.metadata?.name ?? '';
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
    const pods = podsByNode.get(name) ?? [];
    if (shouldRun && pods.length === 0) {
      plan.nodesNeedingDaemonPods.push(name);
    } else if (shouldContinueRunning) {
      const running: Pod[] = [];
      for (const p of pods) {
        if (p.metadata?.deletionTimestamp) continue;
        if (p.status?.phase === 'Failed') {
          const key = `${uid}/${name}`;
          const b = state.backoff[key];
          if (b && b.until > now) {
            plan.retryAt = Math.min(plan.retryAt ?? Infinity, b.until);
            continue;
          }
          const seconds = b ? Math.min(b.seconds * 2, BACKOFF_MAX) : BACKOFF_INITIAL;
          state.backoff[key] = { seconds, until: now + seconds * 1000 };
          plan.podsToDelete.push(p);
        } else if (p.status?.phase === 'Succeeded') {
          plan.podsToDelete.push(p);
        } else running.push(p);
      }
      // More than one running daemon pod on a node: keep the oldest.
      if (running.length > 1) plan.podsToDelete.push(...[...running].sort(byCreation).slice(1));
    } else if (!shouldContinueRunning) {
      plan.podsToDelete.push(...pods.filter((p) => !p.metadata?.deletionTimestamp));
    }
  }
  for (const [node, pods] of podsByNode)
    if (!nodeNames.has(node)) plan.podsToDelete.push(...pods.filter((p) => !p.metadata?.deletionTimestamp));
  return plan;
}

/** intstr.GetScaledValueFromIntOrPercent */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number(v) || 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** The rolling update with maxSurge 0 (update.go): delete old pods, unavailable first, within maxUnavailable. */
export function rollingUpdate(
  ds: DaemonSet,
  nodes: Node[],
  podsByNode: Map<string, Pod[]>,
  hash: string,
  now: number,
): Pod[] {
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return [];
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const desired = nodes.filter((n) => nodeShouldRunDaemonPod(n, ds).shouldRun);
  let maxUnavailable = scaledValue(
    ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable as number | string | undefined,
    desired.length,
    true,
    1,
  );
  const maxSurge = scaledValue(
    ds.spec?.updateStrategy?.rollingUpdate?.maxSurge as number | string | undefined,
    desired.length,
    true,
    0,
  );
  if (maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  let unavailable = 0;
  const oldAvailable: Pod[] = [];
  const oldUnavailable: Pod[] = [];
  for (const n of desired) {
    const pods = (podsByNode.get(n.metadata?.name ?? '') ?? []).filter(
      (p) => !p.metadata?.deletionTimestamp && isRunningLike(p),
    );
    if (pods.length === 0) {
      unavailable++;
      continue;
    }
    const pod = [...pods].sort(byCreation)[0];
    const available = isPodAvailable(pod, minReady, now);
    if (!available) unavailable++;
    if (!isPodUpdated(pod, hash, ds.metadata?.generation)) (available ? oldAvailable : oldUnavailable).push(pod);
  }
  // Old pods that are not available can go at once; available ones only within the budget.
  const budget = Math.max(0, maxUnavailable - unavailable);
  return [...oldUnavailable, ...oldAvailable.slice(0, budget)];
}

export interface DaemonSetStatusCounts {
  desiredNumberScheduled: number;
  currentNumberScheduled: number;
  numberMisscheduled: number;
  numberReady: number;
  numberAvailable: number;
  updatedNumberScheduled: number;
  numberUnavailable: number;
}

/** updateDaemonSetStatus's counters. */
export function calculateStatus(
  ds: DaemonSet,
  nodes: Node[],
  podsByNode: Map<string, Pod[]>,
  hash: string,
  now: number,
): DaemonSetStatusCounts {
  const s = {
    desiredNumberScheduled: 0,
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    numberReady: 0,
    numberAvailable: 0,
    updatedNumberScheduled: 0,
    numberUnavailable: 0,
  };
  for (const n of nodes) {
    const pods = (podsByNode.get(n.metadata?.name ?? '') ?? []).filter(
      (p) => !(p.metadata?.deletionTimestamp && !isRunningLike(p)),
    );
    const { shouldRun } = nodeShouldRunDaemonPod(n, ds);
    if (shouldRun) {
      s.desiredNumberScheduled++;
      if (pods.length > 0) {
        s.currentNumberScheduled++;
        const pod = [...pods].sort(byCreation)[0];
        if (isPodReady(pod)) {
          s.numberReady++;
          if (isPodAvailable(pod, ds.spec?.minReadySeconds ?? 0, now)) s.numberAvailable++;
        }
        if (isPodUpdated(pod, hash, ds.metadata?.generation)) s.updatedNumberScheduled++;
      }
    } else if (pods.length > 0) s.numberMisscheduled++;
  }
  s.numberUnavailable = s.desiredNumberScheduled - s.numberAvailable;
  return s;
}

/** The DaemonSet's pods by node: owned by it (controller ref) or orphans its selector adopts. */
function claimPods(ds: DaemonSet, pods: Pod[]): { owned: Pod[]; adopt: Pod[] } {
  const uid = ds.metadata?.uid;
  let selector;
  try {
    selector = labelSelectorAsSelector(ds.spec?.selector);
  } catch {
    return { owned: [], adopt: [] };
  }
  const owned: Pod[] = [];
  const adopt: Pod[] = [];
  for (const p of pods) {
    if (p.metadata?.namespace !== ds.metadata?.namespace) continue;
    const ref = (p.metadata?.ownerReferences ?? []).find((r) => r.controller);
    if (ref) {
      if (ref.uid === uid) owned.push(p);
    } else if (!p.metadata?.deletionTimestamp && selector.matches(p.metadata?.labels)) adopt.push(p);
  }
  return { owned, adopt };
}

export class DaemonSetController {
  constructor(
    private host: DaemonSetHost,
    public state: DaemonSetState = { backoff: {}, lastDecision: {} },
  ) {}

  /** Queues a sync of every DaemonSet (node changes) or of one. */
  enqueue(namespace?: string, name?: string): void {
    for (const ds of this.host.peekAll('DaemonSet')) {
      if (name && (ds.metadata.name !== name || ds.metadata.namespace !== namespace)) continue;
      const args = { namespace: ds.metadata.namespace, name: ds.metadata.name };
      if (!this.host.pending('daemonset.sync', (a) => a.namespace === args.namespace && a.name === args.name))
        this.host.schedule(this.host.now(), 'daemonset.sync', args);
    }
  }

  /** Which DaemonSets a pod change concerns. */
  onPod(pod: Pod): void {
    const ref = (pod.metadata?.ownerReferences ?? []).find((r) => r.controller && r.kind === 'DaemonSet');
    if (ref) this.enqueue(pod.metadata?.namespace, ref.name);
    else if (!pod.metadata?.ownerReferences?.length) this.enqueue();
  }

  sync(namespace: string, name: string): void {
    const ds: DaemonSet | undefined = this.host
      .peekAll('DaemonSet')
      .find((d) => d.metadata.name === name && d.metadata.namespace === namespace);
    if (!ds) return;
    const now = this.host.now();
    const nodes: Node[] = this.host.peekAll('Node');
    const { owned, adopt } = claimPods(ds, this.host.peekAll('Pod'));
    for (const p of adopt) {
      const copy = structuredClone(p);
      copy.metadata!.ownerReferences = [...(copy.metadata!.ownerReferences ?? []), ownerRef(ds)];
      this.host.writeStatus('Pod', copy);
      owned.push(copy);
    }
    const podsByNode = new Map<string, Pod[]>();
    for (const p of owned) {
      const node = p.spec?.nodeName ?? nodeFromAffinity(p);
      if (!node) continue;
      podsByNode.set(node, [...(podsByNode.get(node) ?? []), p]);
    }
    const hash = computeHash(ds.spec?.template);
    const deleting = !!ds.metadata?.deletionTimestamp;
    const created: string[] = [];
    const deleted: string[] = [];
    if (!deleting) {
      const plan = manage(ds, nodes, podsByNode, this.state, now);
      for (const node of plan.nodesNeedingDaemonPods) {
        const r = this.host.createPod(this.podFor(ds, node, hash));
        if (r.name) {
          created.push(r.name);
          this.host.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${r.name}`);
        } else this.host.record(ds, 'Warning', 'FailedCreate', `Error creating: ${r.error}`);
      }
      const toDelete = [...plan.podsToDelete];
      for (const p of rollingUpdate(ds, nodes, podsByNode, hash, now)) if (!toDelete.includes(p)) toDelete.push(p);
      for (const p of toDelete) {
        this.host.deletePod(p);
        deleted.push(p.metadata?.name ?? '');
        this.host.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata?.name}`);
      }
      if (plan.retryAt !== undefined) this.host.schedule(plan.retryAt, 'daemonset.sync', { namespace, name });
      this.state.lastDecision[`${namespace}/${name}`] = {
        create: plan.nodesNeedingDaemonPods,
        delete: deleted,
        at: now,
      };
    }
    const counts = calculateStatus(ds, nodes, podsByNode, hash, now);
    // DaemonSetStatus: the first four are always written; the rest are omitempty in Go.
    const status: Record<string, number> = {
      currentNumberScheduled: counts.currentNumberScheduled,
      desiredNumberScheduled: counts.desiredNumberScheduled,
      numberMisscheduled: counts.numberMisscheduled,
      numberReady: counts.numberReady,
    };
    for (const k of ['numberAvailable', 'numberUnavailable', 'updatedNumberScheduled'] as const)
      if (counts[k]) status[k] = counts[k];
    status.observedGeneration = ds.metadata?.generation ?? 1;
    const copy: any = structuredClone(ds);
    copy.status = status;
    if (JSON.stringify(copy.status) !== JSON.stringify(ds.status)) this.host.writeStatus('DaemonSet', copy);
    // Availability with minReadySeconds changes with time alone: look again when it may have.
    const minReady = ds.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && counts.numberReady > counts.numberAvailable)
      this.host.schedule(now + minReady * 1000, 'daemonset.sync', { namespace, name });
  }

  /** The pod the controller creates for a node: template, owner, hash label and node pinning. */
  podFor(ds: DaemonSet, node: string, hash: string): Pod {
    const t = structuredClone(ds.spec?.template ?? {});
    const spec = t.spec ?? { containers: [] };
    addOrUpdateDaemonPodTolerations(spec);
    spec.affinity = replaceDaemonSetPodNodeNameNodeAffinity(spec.affinity, node);
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...(t.metadata ?? {}),
        generateName: `${ds.metadata?.name}-`,
        namespace: ds.metadata?.namespace,
        labels: {
          ...(t.metadata?.labels ?? {}),
          'controller-revision-hash': hash,
          'pod-template-generation': String(ds.metadata?.generation ?? 1),
        },
        ownerReferences: [ownerRef(ds)],
      },
      spec,
    };
  }

  explain(ds: DaemonSet, node: Node): ShouldRun {
    return nodeShouldRunDaemonPod(node, ds);
  }
}

function ownerRef(ds: DaemonSet) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    name: ds.metadata?.name ?? '',
    uid: ds.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

function nodeFromAffinity(p: Pod): string | undefined {
  const terms = p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return terms[0]?.matchFields?.find((f) => f.key === 'metadata.name')?.values?.[0];
}
