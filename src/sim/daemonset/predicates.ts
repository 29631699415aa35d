/**
 * NodeShouldRunDaemonPod (pkg/controller/daemon/daemon_controller.go): whether a node should run
 * the DaemonSet's pod, and whether a pod already there may keep running. The controller looks at
 * the node name, required node affinity (with nodeSelector) and taints only: it ignores
 * `spec.unschedulable`, readiness and resources, as upstream.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Taint } from 'kubernetes-types/core/v1';
import { getRequiredNodeAffinity } from '../scheduling/nodeaffinity';
import { findMatchingUntoleratedTaint } from '../scheduling/taints';
import { newPod } from './util';

export type DaemonPlacementReason =
  | { type: 'NodeNameMismatch'; nodeName: string }
  | { type: 'NodeAffinityMismatch' }
  | { type: 'UntoleratedTaint'; taint: Taint };

export interface ShouldRun {
  shouldRun: boolean;
  shouldContinueRunning: boolean;
  /** Why not, as data for the UI's "why?". */
  reason?: DaemonPlacementReason;
}

export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): ShouldRun {
  const name = node.metadata?.name ?? '';
  const pod = newPod(ds, name);
  const wanted = ds.spec?.template?.spec?.nodeName;
  if (wanted && wanted !== name)
    return { shouldRun: false, shouldContinueRunning: false, reason: { type: 'NodeNameMismatch', nodeName: wanted } };
  if (!getRequiredNodeAffinity(pod).match(node))
    return { shouldRun: false, shouldContinueRunning: false, reason: { type: 'NodeAffinityMismatch' } };
  const taints = node.spec?.taints ?? [];
  const tolerations = pod.spec?.tolerations ?? [];
  const blocking = findMatchingUntoleratedTaint(
    taints,
    tolerations,
    (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute',
  );
  if (blocking) {
    // A running daemon pod stays unless it does not tolerate a NoExecute taint.
    const evicting = findMatchingUntoleratedTaint(taints, tolerations, (t) => t.effect === 'NoExecute');
    return {
      shouldRun: false,
      shouldContinueRunning: !evicting,
      reason: { type: 'UntoleratedTaint', taint: evicting ?? blocking },
    };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}
