/**
 * The DaemonSet's status counters as updateDaemonSetStatus computes them
 * (pkg/controller/daemon/daemon_controller.go), and `kubectl rollout status ds/<name>`
 * (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go, DaemonSetStatusViewer).
 */
import type { DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { comparePodsByCreationTimestampAndPhase } from './manage';
import { nodeShouldRunDaemonPod } from './predicates';
import { getTemplateGeneration, isPodAvailable, isPodReady, isPodUpdated } from './util';

export interface DaemonSetStatusCounts {
  desiredNumberScheduled: number;
  currentNumberScheduled: number;
  numberMisscheduled: number;
  numberReady: number;
  numberAvailable: number;
  updatedNumberScheduled: number;
  numberUnavailable: number;
  observedGeneration: number;
}

/**
 * updateDaemonSetStatus's counters. For each node: if it should run the pod it is desired, and
 * if it has any pod (terminating ones included) it is current; the oldest pod (scheduled first,
 * then by creation) decides ready, available and updated. A node that should not run the pod but
 * has one is misscheduled. numberUnavailable = desired − available. `podsByNode` comes from
 * getPodsByNode (terminating terminal pods left out); pods on unknown nodes are not counted.
 *
 * observedGeneration is the DaemonSet's generation when the controller processed it
 * (`updateObservedGen`), else the status's previous value (a sync cut short by expectations).
 */
export function calculateStatus(
  ds: DaemonSet,
  nodes: Node[],
  podsByNode: Map<string, Pod[]>,
  hash: string,
  now: Date | number,
  updateObservedGen = true,
): DaemonSetStatusCounts {
  const s: DaemonSetStatusCounts = {
    desiredNumberScheduled: 0,
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    numberReady: 0,
    numberAvailable: 0,
    updatedNumberScheduled: 0,
    numberUnavailable: 0,
    observedGeneration: updateObservedGen ? (ds.metadata?.generation ?? 0) : (ds.status?.observedGeneration ?? 0),
  };
  const generation = getTemplateGeneration(ds);
  for (const node of nodes) {
    const { shouldRun } = nodeShouldRunDaemonPod(node, ds);
    const pods = podsByNode.get(node.metadata?.name ?? '') ?? [];
    const scheduled = pods.length > 0;
    if (shouldRun) {
      s.desiredNumberScheduled++;
      if (!scheduled) continue;
      s.currentNumberScheduled++;
      const pod = [...pods].sort(comparePodsByCreationTimestampAndPhase)[0];
      if (isPodReady(pod)) {
        s.numberReady++;
        if (isPodAvailable(pod, ds.spec?.minReadySeconds ?? 0, now)) s.numberAvailable++;
      }
      if (isPodUpdated(pod, hash, generation)) s.updatedNumberScheduled++;
    } else if (scheduled) s.numberMisscheduled++;
  }
  s.numberUnavailable = s.desiredNumberScheduled - s.numberAvailable;
  return s;
}

/**
 * storeDaemonSetStatus's early return: nothing to write when every counter is unchanged and the
 * observed generation is already at least the DaemonSet's generation.
 */
export function statusUnchanged(ds: DaemonSet, c: DaemonSetStatusCounts): boolean {
  const st = ds.status;
  return (
    (st?.desiredNumberScheduled ?? 0) === c.desiredNumberScheduled &&
    (st?.currentNumberScheduled ?? 0) === c.currentNumberScheduled &&
    (st?.numberMisscheduled ?? 0) === c.numberMisscheduled &&
    (st?.numberReady ?? 0) === c.numberReady &&
    (st?.updatedNumberScheduled ?? 0) === c.updatedNumberScheduled &&
    (st?.numberAvailable ?? 0) === c.numberAvailable &&
    (st?.numberUnavailable ?? 0) === c.numberUnavailable &&
    (st?.observedGeneration ?? 0) >= (ds.metadata?.generation ?? 0)
  );
}

/**
 * The status object as the API returns it: the four required counters always, the optional ones
 * only when non-zero (Go's omitempty), other fields (collisionCount, conditions) kept.
 */
export function statusObject(ds: DaemonSet, c: DaemonSetStatusCounts): DaemonSetStatus {
  const out: DaemonSetStatus = {
    ...(ds.status ?? {}),
    currentNumberScheduled: c.currentNumberScheduled,
    desiredNumberScheduled: c.desiredNumberScheduled,
    numberMisscheduled: c.numberMisscheduled,
    numberReady: c.numberReady,
  };
  const optional = {
    numberAvailable: c.numberAvailable,
    numberUnavailable: c.numberUnavailable,
    observedGeneration: c.observedGeneration,
    updatedNumberScheduled: c.updatedNumberScheduled,
  };
  for (const [k, v] of Object.entries(optional) as [keyof typeof optional, number][]) {
    if (v) out[k] = v;
    else delete out[k];
  }
  return out;
}

/**
 * minReadySeconds re-sync: when some ready pods are not yet available, upstream looks again
 * after minReadySeconds (ms), as a guard against clock skew.
 */
export function statusRequeueAfterMs(ds: DaemonSet, c: DaemonSetStatusCounts): number | undefined {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  return minReady > 0 && c.numberReady !== c.numberAvailable ? minReady * 1000 : undefined;
}

export type RolloutStatus =
  | { message: string; done: boolean }
  /** kubectl prints `error: <error>` and exits 1. */
  | { error: string; done: true };

/**
 * DaemonSetStatusViewer.Status: the line `kubectl rollout status ds/<name>` prints, and whether
 * the rollout is done. Only RollingUpdate DaemonSets have a rollout status.
 */
export function rolloutStatus(ds: DaemonSet): RolloutStatus {
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate')
    return { error: 'rollout status is only available for RollingUpdate strategy type', done: true };
  const name = JSON.stringify(ds.metadata?.name ?? '');
  const st = ds.status;
  const updated = st?.updatedNumberScheduled ?? 0;
  const desired = st?.desiredNumberScheduled ?? 0;
  const available = st?.numberAvailable ?? 0;
  if ((ds.metadata?.generation ?? 0) <= (st?.observedGeneration ?? 0)) {
    if (updated < desired)
      return {
        message: `Waiting for daemon set ${name} rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`,
        done: false,
      };
    if (available < desired)
      return {
        message: `Waiting for daemon set ${name} rollout to finish: ${available} of ${desired} updated pods are available...\n`,
        done: false,
      };
    return { message: `daemon set ${name} successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
}
