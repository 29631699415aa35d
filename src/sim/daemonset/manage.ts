/**
 * The DaemonSet controller's `manage` (pkg/controller/daemon/daemon_controller.go): per node,
 * podsShouldBeOnNode decides which nodes need a daemon pod and which pods must go (failed pods
 * with back-off, succeeded pods, excess pods, pods on nodes that should no longer run one);
 * syncNodes then creates in slow-start batches. Everything here returns a plan; nothing is done.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { nodeShouldRunDaemonPod } from './predicates';
import { allowsSurge, DefaultDaemonSetUniqueLabelKey, isPodAvailable, isPodReady } from './util';

/** BurstReplicas: at most this many creates and deletes per sync. */
export const BurstReplicas = 250;
/** controller.SlowStartInitialBatchSize */
export const SlowStartInitialBatchSize = 1;
/** failedPodsBackoff as kube-controller-manager builds it: flowcontrol.NewBackOff(1s, 15m). */
export const FailedPodsBackoffInitialMs = 1_000;
export const FailedPodsBackoffMaxMs = 15 * 60_000;
/** BackoffGCInterval: how often the back-off entries are garbage-collected. */
export const BackoffGCIntervalMs = 60_000;

/** Reasons of the events podsShouldBeOnNode records. */
export const FailedDaemonPodReason = 'FailedDaemonPod';
export const SucceededDaemonPodReason = 'SucceededDaemonPod';

/** One flowcontrol.Backoff entry: the current delay and when it was last bumped (epoch ms). */
export interface BackoffEntry {
  backoffMs: number;
  lastUpdate: number;
}
/** flowcontrol.Backoff's per-item table, keyed by failedPodsBackoffKey. Plain data, for snapshots. */
export type FailedPodsBackoff = Record<string, BackoffEntry>;

export interface DaemonSetEventRecord {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

const ms = (t: Date | number): number => (typeof t === 'number' ? t : t.getTime());

/** failedPodsBackoffKey: `<ds uid>/<status.observedGeneration>/<node>`, so a new generation starts afresh. */
export function failedPodsBackoffKey(ds: DaemonSet, nodeName: string): string {
  return `${ds.metadata?.uid ?? ''}/${ds.status?.observedGeneration ?? 0}/${nodeName}`;
}

/** Backoff.hasExpired: an entry untouched for more than twice the maximum is forgotten. */
function hasExpired(now: number, lastUpdate: number): boolean {
  return now - lastUpdate > FailedPodsBackoffMaxMs * 2;
}

/** Backoff.IsInBackOffSinceUpdate */
export function isInBackOffSinceUpdate(backoff: FailedPodsBackoff, id: string, now: Date | number): boolean {
  const e = backoff[id];
  if (!e) return false;
  const t = ms(now);
  if (hasExpired(t, e.lastUpdate)) return false;
  return t - e.lastUpdate < e.backoffMs;
}

/** Backoff.Next (no jitter, as NewBackOff): start at 1 s, else double up to 15 min. Returns a new table. */
export function nextBackoff(backoff: FailedPodsBackoff, id: string, now: Date | number): FailedPodsBackoff {
  const t = ms(now);
  const e = backoff[id];
  const backoffMs =
    !e || hasExpired(t, e.lastUpdate) ? FailedPodsBackoffInitialMs : Math.min(e.backoffMs * 2, FailedPodsBackoffMaxMs);
  return { ...backoff, [id]: { backoffMs, lastUpdate: t } };
}

/** Backoff.GC: drop the entries that have expired. Returns a new table. */
export function gcBackoff(backoff: FailedPodsBackoff, now: Date | number): FailedPodsBackoff {
  const t = ms(now);
  return Object.fromEntries(Object.entries(backoff).filter(([, e]) => !hasExpired(t, e.lastUpdate)));
}

/**
 * podByCreationTimestampAndPhase: scheduled pods first, then the oldest, then by name.
 * (Timestamps are RFC 3339 at second precision, so string order is time order.)
 */
export function comparePodsByCreationTimestampAndPhase(a: Pod, b: Pod): number {
  const sa = !!a.spec?.nodeName;
  const sb = !!b.spec?.nodeName;
  if (sa !== sb) return sa ? -1 : 1;
  const ta = Date.parse(a.metadata?.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata?.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

export interface NodePlan {
  /** The node's name when it needs a daemon pod (upstream returns a list of 0 or 1). */
  nodesNeedingDaemonPods: string[];
  /** Names of pods to delete. */
  podsToDelete: string[];
  /** The back-off table after this decision. */
  backoff: FailedPodsBackoff;
  /** A failed pod is waiting out its back-off: sync again after this many ms (enqueueDaemonSetAfter). */
  requeueAfterMs?: number;
  /** Events upstream records on the DaemonSet while deciding. */
  events: DaemonSetEventRecord[];
}

/**
 * podsShouldBeOnNode: what to create and delete on one node.
 * - shouldRun and no pod: create one;
 * - shouldContinueRunning: skip terminating pods; delete failed pods (unless the node's failed-pod
 *   back-off is running: then requeue after it) and succeeded ones; without surge keep only the
 *   oldest running pod; with surge keep the oldest new and oldest old pod, and drop the old one
 *   once it is not ready or the new one is available;
 * - otherwise (the pod may not continue) delete every pod not already terminating.
 */
export function podsShouldBeOnNode(
  node: Node,
  shouldRun: boolean,
  shouldContinueRunning: boolean,
  ds: DaemonSet,
  nodePods: Pod[] | undefined,
  hash: string,
  now: Date | number,
  failedPodsBackoff: FailedPodsBackoff,
): NodePlan {
  const nodeName = node.metadata?.name ?? '';
  const plan: NodePlan = { nodesNeedingDaemonPods: [], podsToDelete: [], backoff: failedPodsBackoff, events: [] };
  const exists = nodePods !== undefined;
  const daemonPods = nodePods ?? [];
  if (shouldRun && !exists) {
    plan.nodesNeedingDaemonPods.push(nodeName);
    return plan;
  }
  if (shouldContinueRunning) {
    const running: Pod[] = [];
    for (const pod of daemonPods) {
      if (pod.metadata?.deletionTimestamp) continue;
      const ref = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
      if (pod.status?.phase === 'Failed') {
        // The DaemonSet controller often fights a kubelet that rejects its pods: back off.
        const key = failedPodsBackoffKey(ds, nodeName);
        if (isInBackOffSinceUpdate(plan.backoff, key, now)) {
          plan.requeueAfterMs = plan.backoff[key].backoffMs;
          continue;
        }
        plan.backoff = nextBackoff(plan.backoff, key, now);
        plan.events.push({
          type: 'Warning',
          reason: FailedDaemonPodReason,
          message: `Found failed daemon pod ${ref} on node ${nodeName}, will try to kill it`,
        });
        plan.podsToDelete.push(pod.metadata?.name ?? '');
      } else if (pod.status?.phase === 'Succeeded') {
        plan.events.push({
          type: 'Normal',
          reason: SucceededDaemonPodReason,
          message: `Found succeeded daemon pod ${ref} on node ${nodeName}, will try to delete it`,
        });
        plan.podsToDelete.push(pod.metadata?.name ?? '');
      } else running.push(pod);
    }
    running.sort(comparePodsByCreationTimestampAndPhase);
    if (!allowsSurge(ds)) {
      // Without surge, more than one running pod: keep the oldest.
      for (const p of running.slice(1)) plan.podsToDelete.push(p.metadata?.name ?? '');
      return plan;
    }
    if (running.length <= 1) {
      // Surging needs at least one pod that is not being deleted on the node.
      if (running.length === 0 && shouldRun) plan.nodesNeedingDaemonPods.push(nodeName);
      return plan;
    }
    // With surge, two pods may run only while the oldest old one is ready and the oldest new one
    // is not yet available; every other pod goes.
    let oldestNew: Pod | undefined;
    let oldestOld: Pod | undefined;
    for (const pod of running) {
      if (pod.metadata?.labels?.[DefaultDaemonSetUniqueLabelKey] === hash) {
        if (!oldestNew) {
          oldestNew = pod;
          continue;
        }
      } else if (!oldestOld) {
        oldestOld = pod;
        continue;
      }
      plan.podsToDelete.push(pod.metadata?.name ?? '');
    }
    if (oldestNew && oldestOld) {
      if (!isPodReady(oldestOld)) plan.podsToDelete.push(oldestOld.metadata?.name ?? '');
      else if (isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, now))
        plan.podsToDelete.push(oldestOld.metadata?.name ?? '');
    }
    return plan;
  }
  if (exists)
    for (const pod of daemonPods)
      if (!pod.metadata?.deletionTimestamp) plan.podsToDelete.push(pod.metadata?.name ?? '');
  return plan;
}

/**
 * getUnscheduledPodsWithoutNode: pods pinned (by node affinity) to a node that does not exist and
 * never scheduled. The pod GC only removes bound pods, so the DaemonSet controller deletes these.
 */
export function getUnscheduledPodsWithoutNode(nodes: Node[], podsByNode: Map<string, Pod[]>): string[] {
  const running = new Set(nodes.map((n) => n.metadata?.name ?? ''));
  const out: string[] = [];
  for (const [node, pods] of podsByNode) {
    if (running.has(node)) continue;
    for (const p of pods) if (!p.spec?.nodeName) out.push(p.metadata?.name ?? '');
  }
  return out;
}

/**
 * syncNodes's slow start: creates go in batches of 1, 2, 4, … (SlowStartInitialBatchSize
 * doubling), the last one cut to what is left; a failing batch stops the rest for this sync.
 */
export function slowStartBatches(createCount: number): number[] {
  const batches: number[] = [];
  let batchSize = Math.min(createCount, SlowStartInitialBatchSize);
  for (let pos = 0; createCount > pos;) {
    batches.push(batchSize);
    const next = Math.min(2 * batchSize, createCount - (pos + batchSize));
    pos += batchSize;
    batchSize = next;
  }
  return batches;
}

export interface ManagePlan {
  nodesNeedingDaemonPods: string[];
  podsToDelete: string[];
  /** What syncNodes would do this sync: creates and deletes are capped at BurstReplicas. */
  syncNodes: { createDiff: number; deleteDiff: number; createBatches: number[] };
  backoff: FailedPodsBackoff;
  requeueAfterMs?: number;
  events: DaemonSetEventRecord[];
}

/**
 * manage: podsShouldBeOnNode for every node (in the given order), plus the unscheduled pods
 * pinned to nodes that no longer exist, and the syncNodes batches that would carry it out.
 * `podsByNode` comes from getPodsByNode (terminating terminal pods left out).
 */
export function manage(
  ds: DaemonSet,
  nodes: Node[],
  podsByNode: Map<string, Pod[]>,
  hash: string,
  now: Date | number,
  backoff: FailedPodsBackoff,
): ManagePlan {
  const plan: ManagePlan = {
    nodesNeedingDaemonPods: [],
    podsToDelete: [],
    syncNodes: { createDiff: 0, deleteDiff: 0, createBatches: [] },
    backoff,
    events: [],
  };
  for (const node of nodes) {
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
    const r = podsShouldBeOnNode(
      node,
      shouldRun,
      shouldContinueRunning,
      ds,
      podsByNode.get(node.metadata?.name ?? ''),
      hash,
      now,
      plan.backoff,
    );
    plan.nodesNeedingDaemonPods.push(...r.nodesNeedingDaemonPods);
    plan.podsToDelete.push(...r.podsToDelete);
    plan.backoff = r.backoff;
    plan.events.push(...r.events);
    if (r.requeueAfterMs !== undefined)
      plan.requeueAfterMs = Math.min(plan.requeueAfterMs ?? Infinity, r.requeueAfterMs);
  }
  plan.podsToDelete.push(...getUnscheduledPodsWithoutNode(nodes, podsByNode));
  const createDiff = Math.min(plan.nodesNeedingDaemonPods.length, BurstReplicas);
  plan.syncNodes = {
    createDiff,
    deleteDiff: Math.min(plan.podsToDelete.length, BurstReplicas),
    createBatches: slowStartBatches(createDiff),
  };
  return plan;
}
