/**
 * pkg/controller/daemon/update.go: the rolling update planner and the DaemonSet's history
 * (ControllerRevisions), plus kubectl's `rollout undo` for DaemonSets
 * (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go). Pure: each function returns
 * what to delete, create or write.
 */
import { clone } from '../clone';
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { nodeShouldRunDaemonPod } from './predicates';
import {
  computeHash,
  DefaultDaemonSetUniqueLabelKey,
  getTemplateGeneration,
  isPodAvailable,
  isPodUpdated,
  surgeCount,
  unavailableCount,
} from './util';

/**
 * findUpdatedPodsOnNode: the node's new (current hash) and old pod among those not being deleted;
 * ok is false when there are two of either, and the manage loop must prune first.
 */
export function findUpdatedPodsOnNode(
  ds: DaemonSet,
  podsOnNode: Pod[],
  hash: string,
): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  const generation = getTemplateGeneration(ds);
  for (const pod of podsOnNode) {
    if (pod.metadata?.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

export interface DesiredNodeCounts {
  maxSurge: number;
  maxUnavailable: number;
  desiredNumberScheduled: number;
  /** podsByNode plus an empty entry for every node that should run a pod and has none. */
  nodeToDaemonPods: Map<string, Pod[]>;
}

/**
 * updatedDesiredNodeCounts: desiredNumberScheduled (nodes where shouldRun), maxUnavailable and
 * maxSurge scaled against it (percentages round up, both), and the fallback of upstream: with
 * nodes to run on but both at 0, maxUnavailable is 1. Throws Go's error text for an invalid
 * value ("invalid value for MaxUnavailable: …").
 */
export function updatedDesiredNodeCounts(
  ds: DaemonSet,
  nodes: Node[],
  podsByNode: Map<string, Pod[]>,
): DesiredNodeCounts {
  const nodeToDaemonPods = new Map(podsByNode);
  let desiredNumberScheduled = 0;
  for (const node of nodes) {
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) continue;
    desiredNumberScheduled++;
    const name = node.metadata?.name ?? '';
    if (!nodeToDaemonPods.has(name)) nodeToDaemonPods.set(name, []);
  }
  let maxUnavailable: number;
  try {
    maxUnavailable = unavailableCount(ds, desiredNumberScheduled);
  } catch (e) {
    throw new Error(`invalid value for MaxUnavailable: ${(e as Error).message}`, { cause: e });
  }
  let maxSurge: number;
  try {
    maxSurge = surgeCount(ds, desiredNumberScheduled);
  } catch (e) {
    throw new Error(`invalid value for MaxSurge: ${(e as Error).message}`, { cause: e });
  }
  if (desiredNumberScheduled > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable, desiredNumberScheduled, nodeToDaemonPods };
}

export interface RollingUpdatePlan {
  /** Pods of an old revision to delete now (names). */
  oldPodsToDelete: string[];
  /** Nodes to create a new pod on next to an old one (the maxSurge > 0 path). */
  nodesToSurge: string[];
  /** Set when upstream's rollingUpdate returns an error instead (nothing is done). */
  error?: string;
}

/** Nodes in the given order first, then pods on nodes outside the list, by name: a stable stand-in for Go's map order. */
function orderedEntries(nodes: Node[], byNode: Map<string, Pod[]>): [string, Pod[]][] {
  const seen = new Set<string>();
  const out: [string, Pod[]][] = [];
  for (const n of nodes) {
    const name = n.metadata?.name ?? '';
    const pods = byNode.get(name);
    if (pods && !seen.has(name)) {
      seen.add(name);
      out.push([name, pods]);
    }
  }
  for (const name of [...byNode.keys()].sort()) if (!seen.has(name)) out.push([name, byNode.get(name)!]);
  return out;
}

/**
 * rollingUpdate: the old pods to delete, or the nodes to surge onto, within the update strategy.
 *
 * maxSurge == 0: an old pod that is not available is replaced at once (and counts as
 * unavailable); a node with no pod, or with both an old and a new one, counts as unavailable; a new
 * pod that is not available counts as unavailable; old available pods are deleted only while the
 * count stays within maxUnavailable. The manage loop then creates the replacements.
 *
 * maxSurge > 0: a node whose old pod is not available gets a new pod at once (or, if the node no
 * longer should run it, the old pod is deleted); old available pods get a new pod alongside, at
 * most maxSurge at a time; an old pod goes once the new pod on its node is available; old pods on
 * nodes that should no longer run one go only while more pods are available than desired.
 *
 * `podsByNode` comes from getPodsByNode (terminating terminal pods left out).
 */
export function rollingUpdate(
  ds: DaemonSet,
  nodes: Node[],
  podsByNode: Map<string, Pod[]>,
  hash: string,
  now: Date | number,
): RollingUpdatePlan {
  let counts: DesiredNodeCounts;
  try {
    counts = updatedDesiredNodeCounts(ds, nodes, podsByNode);
  } catch (e) {
    return {
      oldPodsToDelete: [],
      nodesToSurge: [],
      error: `couldn't get unavailable numbers: ${(e as Error).message}`,
    };
  }
  const { maxSurge, maxUnavailable, desiredNumberScheduled, nodeToDaemonPods } = counts;
  const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
  const available = (p: Pod) => isPodAvailable(p, minReadySeconds, now);
  const entries = orderedEntries(nodes, nodeToDaemonPods);

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowedReplacementPods: string[] = [];
    const candidatePodsToDelete: string[] = [];
    for (const [, pods] of entries) {
      const { newPod, oldPod, ok } = findUpdatedPodsOnNode(ds, pods, hash);
      if (!ok) {
        // The manage loop prunes the excess pods first; count the node as unavailable.
        numUnavailable++;
        continue;
      }
      if ((!oldPod && !newPod) || (oldPod && newPod)) {
        numUnavailable++;
      } else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod) {
        if (!available(oldPod)) {
          allowedReplacementPods.push(oldPod.metadata?.name ?? '');
          numUnavailable++;
        } else if (numUnavailable >= maxUnavailable) {
          continue;
        } else {
          candidatePodsToDelete.push(oldPod.metadata?.name ?? '');
        }
      }
    }
    const remaining = Math.min(Math.max(maxUnavailable - numUnavailable, 0), candidatePodsToDelete.length);
    return {
      oldPodsToDelete: [...allowedReplacementPods, ...candidatePodsToDelete.slice(0, remaining)],
      nodesToSurge: [],
    };
  }

  const oldPodsToDelete: string[] = [];
  const shouldNotRunPodsToDelete: string[] = [];
  const candidateNewNodes: string[] = [];
  const allowedNewNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  const nodeByName = new Map(nodes.map((n) => [n.metadata?.name ?? '', n]));
  for (const [nodeName, pods] of entries) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(ds, pods, hash);
    if (!ok) {
      numSurge++;
      continue;
    }
    // Availability counts every node, even those being sunset by scheduling constraints.
    if (oldPod) {
      if (available(oldPod)) numAvailable++;
    } else if (newPod && available(newPod)) numAvailable++;

    if (!oldPod) continue; // nothing to do: the manage loop handles this node
    if (!newPod) {
      const node = nodeByName.get(nodeName);
      if (!node)
        return {
          oldPodsToDelete: [],
          nodesToSurge: [],
          error: `couldn't get node for nodeName "${nodeName}": node "${nodeName}" not found`,
        };
      const { shouldRun } = nodeShouldRunDaemonPod(node, ds);
      if (!available(oldPod)) {
        if (!shouldRun) {
          oldPodsToDelete.push(oldPod.metadata?.name ?? '');
          continue;
        }
        allowedNewNodes.push(nodeName);
      } else {
        if (!shouldRun) {
          shouldNotRunPodsToDelete.push(oldPod.metadata?.name ?? '');
          continue;
        }
        if (numSurge >= maxSurge) continue;
        candidateNewNodes.push(nodeName);
      }
      continue;
    }
    // Already surged onto this node: wait for the new pod, then the old one goes.
    if (!available(newPod)) {
      numSurge++;
      continue;
    }
    oldPodsToDelete.push(oldPod.metadata?.name ?? '');
  }
  // maxSurge promises full availability: a pod on a node that should no longer run one goes only
  // when a pod elsewhere has become available in its place.
  const deletable = Math.min(numAvailable - desiredNumberScheduled, shouldNotRunPodsToDelete.length);
  if (deletable > 0) oldPodsToDelete.push(...shouldNotRunPodsToDelete.slice(0, deletable));
  const remainingSurge = Math.min(Math.max(maxSurge - numSurge, 0), candidateNewNodes.length);
  return { oldPodsToDelete, nodesToSurge: [...allowedNewNodes, ...candidateNewNodes.slice(0, remainingSurge)] };
}

// ---------------------------------------------------------------------------------------------
// History: ControllerRevisions

function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeysDeep((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/**
 * getPatch: the strategic merge patch that restores this template, `{spec: {template: {…,
 * $patch: replace}}}`. Upstream marshals a map, so keys come out sorted (`$patch` first); so here.
 */
export function getPatch(ds: DaemonSet): { spec: { template: Record<string, unknown> } } {
  const template = clone(ds.spec?.template ?? {}) as Record<string, unknown>;
  template.$patch = 'replace';
  return sortKeysDeep({ spec: { template } }) as { spec: { template: Record<string, unknown> } };
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeysDeep(a)) === JSON.stringify(sortKeysDeep(b));
}

/** Match: the history stores exactly this DaemonSet's template. */
export function match(ds: DaemonSet, history: ControllerRevision): boolean {
  return deepEqual(getPatch(ds), history.data);
}

/** The ControllerRef a DaemonSet sets on what it owns (metav1.NewControllerRef). */
export function controllerRef(ds: DaemonSet) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    name: ds.metadata?.name ?? '',
    uid: ds.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * snapshot's object: the ControllerRevision `<ds>-<hash>` with the template's labels plus
 * `controller-revision-hash`, the DaemonSet's annotations, its controller reference, the patch as
 * data and the revision number.
 */
export function newRevision(ds: DaemonSet, revision: number, collisionCount?: number): ControllerRevision {
  const hash = computeHash(ds.spec?.template, collisionCount ?? ds.status?.collisionCount);
  const metadata: ControllerRevision['metadata'] = {
    name: `${ds.metadata?.name ?? ''}-${hash}`,
    namespace: ds.metadata?.namespace,
    labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [DefaultDaemonSetUniqueLabelKey]: hash },
    ownerReferences: [controllerRef(ds)],
  };
  if (ds.metadata?.annotations) metadata.annotations = { ...ds.metadata.annotations };
  return { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata, data: getPatch(ds), revision };
}

/** maxRevision */
export function maxRevision(histories: ControllerRevision[]): number {
  let max = 0;
  for (const h of histories) if (h.revision > max) max = h.revision;
  return max;
}

export interface HistoryPlan {
  /** The current revision as it will be (existing, renumbered, or to create). */
  current: ControllerRevision;
  /** The other revisions, as upstream's `old`. */
  old: ControllerRevision[];
  /** Create this (the template has no revision yet). */
  create?: ControllerRevision;
  /** Write these back (a unique label added, or the current revision renumbered). */
  update: ControllerRevision[];
  /** Delete these duplicates of the current revision. */
  delete: string[];
  /** The hash new pods are labelled with. */
  hash: string;
}

/**
 * constructHistory: split the DaemonSet's (already claimed) revisions into the current one and
 * the old ones; label revisions missing `controller-revision-hash` with their name; keep only the
 * highest-numbered duplicate of the current one; the current revision gets `max(old) + 1`, and a
 * template without a revision gets a new one. (dedupCurHistories also relabels pods to the kept
 * revision's hash: the caller does that with `hash`.)
 */
export function constructHistory(ds: DaemonSet, histories: ControllerRevision[]): HistoryPlan {
  const update: ControllerRevision[] = [];
  const currentHistories: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (let h of histories) {
    if (!h.metadata?.labels?.[DefaultDaemonSetUniqueLabelKey]) {
      h = clone(h);
      h.metadata!.labels = { ...(h.metadata!.labels ?? {}), [DefaultDaemonSetUniqueLabelKey]: h.metadata!.name ?? '' };
      update.push(h);
    }
    (match(ds, h) ? currentHistories : old).push(h);
  }
  const currRevision = maxRevision(old) + 1;
  const del: string[] = [];
  let current: ControllerRevision;
  let create: ControllerRevision | undefined;
  if (currentHistories.length === 0) {
    current = create = newRevision(ds, currRevision);
  } else {
    current = currentHistories[0];
    let max = 0;
    for (const c of currentHistories)
      if (c.revision >= max) {
        current = c;
        max = c.revision;
      }
    for (const c of currentHistories) if (c !== current) del.push(c.metadata?.name ?? '');
    if (current.revision < currRevision) {
      const renumbered = clone(current);
      renumbered.revision = currRevision;
      const at = update.findIndex((u) => u.metadata?.name === renumbered.metadata?.name);
      if (at >= 0) update[at] = renumbered;
      else update.push(renumbered);
      current = renumbered;
    }
  }
  return {
    current,
    old,
    create,
    update,
    delete: del,
    hash: current.metadata?.labels?.[DefaultDaemonSetUniqueLabelKey] ?? '',
  };
}

/**
 * cleanupHistory: the old revisions to delete so that at most revisionHistoryLimit (default 10)
 * remain, oldest first, never one whose hash a live pod still carries. `podsByNode` should
 * include terminating terminal pods (getPodsByNode(pods, true)), as upstream.
 */
export function cleanupHistory(ds: DaemonSet, old: ControllerRevision[], podsByNode: Map<string, Pod[]>): string[] {
  const toKeep = ds.spec?.revisionHistoryLimit ?? 10;
  let toKill = old.length - toKeep;
  if (toKill <= 0) return [];
  const liveHashes = new Set<string>();
  for (const pods of podsByNode.values())
    for (const p of pods) {
      const h = p.metadata?.labels?.[DefaultDaemonSetUniqueLabelKey];
      if (h) liveHashes.add(h);
    }
  const out: string[] = [];
  for (const h of [...old].sort((a, b) => a.revision - b.revision)) {
    if (toKill <= 0) break;
    if (liveHashes.has(h.metadata?.labels?.[DefaultDaemonSetUniqueLabelKey] ?? '')) continue;
    out.push(h.metadata?.name ?? '');
    toKill--;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// kubectl rollout undo

/** findHistory: revision N, or for 0 the second highest revision (the previous one). */
export function findHistory(toRevision: number, allHistory: ControllerRevision[]): ControllerRevision | undefined {
  if (toRevision === 0 && allHistory.length <= 1) return undefined;
  if (toRevision === 0) {
    const sorted = [...allHistory].sort((a, b) => a.revision - b.revision);
    return sorted[sorted.length - 2];
  }
  return allHistory.find((h) => h.revision === toRevision);
}

/** The template a revision restores: its data's spec.template without `$patch`. */
export function revisionTemplate(history: ControllerRevision): PodTemplateSpec {
  const t = clone(((history.data as any)?.spec?.template ?? {}) as Record<string, unknown>);
  delete t.$patch;
  return t as PodTemplateSpec;
}

export type RollbackResult =
  /** The DaemonSet's new template and kubectl's word for it ("rolled back"). */
  | { message: string; template: PodTemplateSpec }
  /** Nothing to do: kubectl prints `skipped rollback (current template already matches revision N)`. */
  | { message: string; template?: undefined }
  /** kubectl's error text (printed after `error: `). */
  | { error: string };

/**
 * DaemonSetRollbacker.Rollback: roll the template back to revision `toRevision` (0: the previous
 * one) among the DaemonSet's revisions. The strategic merge patch with `$patch: replace` swaps the
 * whole template, so the result is the revision's template.
 */
export function rollback(ds: DaemonSet, histories: ControllerRevision[], toRevision: number): RollbackResult {
  if (toRevision < 0) return { error: `unable to find specified revision ${toRevision} in history` };
  if (toRevision === 0 && histories.length <= 1) return { error: 'no last revision to roll back to' };
  const toHistory = findHistory(toRevision, histories);
  if (!toHistory) return { error: `unable to find specified revision ${toRevision} in history` };
  if (match(ds, toHistory))
    return { message: `skipped rollback (current template already matches revision ${toRevision})` };
  return { message: 'rolled back', template: revisionTemplate(toHistory) };
}
