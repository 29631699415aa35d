/**
 * NodeShouldRunDaemonPod and predicates (pkg/controller/daemon/daemon_controller.go): whether a
 * node should run the DaemonSet's pod, and whether a pod already there may keep running. The
 * controller looks at the node name, required node affinity (with nodeSelector) and taints only:
 * it ignores `spec.unschedulable`, readiness, host ports and resources, which the scheduler and
 * the kubelet judge later.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { getRequiredNodeAffinity } from '../scheduling/nodeaffinity';
import { findMatchingUntoleratedTaint } from '../scheduling/taints';
import { newPod } from './util';

/** Why a node does not (or no longer) run the daemon pod, as data for the UI's "why?". */
export type DaemonPlacementReason =
  /** `spec.template.spec.nodeName` names another node. */
  | { type: 'NodeNameMismatch'; nodeName: string }
  /** `nodeSelector` or required node affinity does not match the node's labels/fields. */
  | { type: 'NodeAffinityMismatch' }
  /** A NoSchedule or NoExecute taint the pod does not tolerate (with the daemon tolerations added). */
  | { type: 'UntoleratedTaint'; taint: Taint };

export interface ShouldRun {
  /** A daemon pod should be created on the node if none is there. */
  shouldRun: boolean;
  /** A daemon pod already on the node may stay. */
  shouldContinueRunning: boolean;
  reason?: DaemonPlacementReason;
}

const noScheduleOrNoExecute = (t: Taint) => t.effect === 'NoExecute' || t.effect === 'NoSchedule';
const noExecute = (t: Taint) => t.effect === 'NoExecute';

/**
 * predicates: fitsNodeName (the would-be pod's nodeName is this node), fitsNodeAffinity
 * (nodeSelector AND required node affinity; parse errors count as a mismatch, as upstream ignores
 * them), fitsTaints (no untolerated NoSchedule/NoExecute taint).
 */
export function predicates(
  pod: Pod,
  node: Node,
  taints: Taint[] | undefined,
): { fitsNodeName: boolean; fitsNodeAffinity: boolean; fitsTaints: boolean; untoleratedTaint?: Taint } {
  const name = node.metadata?.name ?? '';
  const fitsNodeName = !pod.spec?.nodeName || pod.spec.nodeName === name;
  let fitsNodeAffinity: boolean;
  try {
    fitsNodeAffinity = getRequiredNodeAffinity(pod).match(node);
  } catch {
    fitsNodeAffinity = false;
  }
  const untoleratedTaint = findMatchingUntoleratedTaint(taints, pod.spec?.tolerations, noScheduleOrNoExecute);
  return { fitsNodeName, fitsNodeAffinity, fitsTaints: !untoleratedTaint, untoleratedTaint };
}

/**
 * NodeShouldRunDaemonPod: (shouldRun, shouldContinueRunning).
 * - a template nodeName for another node, or a node-affinity mismatch: (false, false);
 * - an untolerated NoSchedule taint: (false, true): no new pod, but a running one stays;
 * - an untolerated NoExecute taint: (false, false): the pod goes;
 * - otherwise (true, true). PreferNoSchedule taints never matter.
 */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): ShouldRun {
  const name = node.metadata?.name ?? '';
  const pod = newPod(ds, name);
  const wanted = ds.spec?.template?.spec?.nodeName;
  if (wanted && wanted !== name)
    return { shouldRun: false, shouldContinueRunning: false, reason: { type: 'NodeNameMismatch', nodeName: wanted } };
  const taints = node.spec?.taints ?? [];
  const fit = predicates(pod, node, taints);
  if (!fit.fitsNodeName)
    return {
      shouldRun: false,
      shouldContinueRunning: false,
      reason: { type: 'NodeNameMismatch', nodeName: pod.spec?.nodeName ?? '' },
    };
  if (!fit.fitsNodeAffinity)
    return { shouldRun: false, shouldContinueRunning: false, reason: { type: 'NodeAffinityMismatch' } };
  if (!fit.fitsTaints) {
    // Scheduled daemon pods continue running if they tolerate every NoExecute taint.
    const evicting = findMatchingUntoleratedTaint(taints, pod.spec?.tolerations, noExecute);
    return {
      shouldRun: false,
      shouldContinueRunning: !evicting,
      reason: { type: 'UntoleratedTaint', taint: evicting ?? fit.untoleratedTaint! },
    };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}
