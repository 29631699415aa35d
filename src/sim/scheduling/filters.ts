/**
 * kube-scheduler's default Filter and Score plugins, as pure functions over plain objects
 * (pkg/scheduler/framework/plugins/*), and the FitError text that ends up in a FailedScheduling
 * event and in the pod's PodScheduled condition (pkg/scheduler/framework/types.go FitError.Error,
 * plus the DefaultPreemption PostFilter message). Terminal pods on a node are ignored, as the
 * scheduler's cache drops them.
 */
import type { Container, ContainerPort, Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../apiserver/validation/quantity';
import { getRequiredNodeAffinity, preferredSchedulingTermsScore } from './nodeaffinity';
import { doNotScheduleTaintsFilter, findMatchingUntoleratedTaint, tolerationsTolerateTaint } from './taints';

export type PluginName =
  'NodeUnschedulable' | 'NodeName' | 'TaintToleration' | 'NodeAffinity' | 'NodePorts' | 'NodeResourcesFit';

export interface NodeFilterResult {
  node: string;
  /** The first plugin that rejected the node; absent when it fits. */
  plugin?: PluginName;
  /** Upstream reason strings; empty when the node fits. */
  reasons: string[];
  /** Whether preemption could help (Unschedulable) or not (UnschedulableAndUnresolvable). */
  resolvable?: boolean;
  /** The taint behind a TaintToleration rejection, for "why?". */
  taint?: Taint;
}

export const ErrReasonUnschedulable = 'node(s) were unschedulable';
export const ErrReasonNodeName = "node(s) didn't match the requested node name";
export const ErrReasonNodeAffinity = "node(s) didn't match Pod's node affinity/selector";
export const ErrReasonNodePorts = "node(s) didn't have free ports for the requested pod ports";
export const ErrNoNodesAvailable = 'no nodes available to schedule pods';
export const PreemptionNotHelpful = 'Preemption is not helpful for scheduling';
export const NoPreemptionVictims = 'No preemption victims found for incoming pod';

export function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Milli-units for cpu, bytes (rounded up) for everything else, as Quantity.MilliValue/Value. */
export function quantityValue(resource: string, q: string | number | undefined): number {
  if (q === undefined || q === null) return 0;
  const parsed = parseQuantity(q);
  if (!parsed) return 0;
  const scale = resource === 'cpu' ? 1000n : 1n;
  const n = parsed.num * scale;
  const v = n / parsed.den + (n % parsed.den > 0n ? 1n : 0n);
  return Number(v);
}

export type ResourceList = Record<string, number>;

function containerRequests(c: Container): ResourceList {
  const out: ResourceList = {};
  const requests = c.resources?.requests;
  if (requests) for (const k in requests) out[k] = quantityValue(k, requests[k]);
  return out;
}

/** Adds each of `r` into `sum`. */
function addInto(sum: ResourceList, r: ResourceList): void {
  for (const k in r) sum[k] = (sum[k] ?? 0) + r[k];
}

/** The pod's effective requests: max(sum of containers (+ restartable init containers), each init container) + overhead. */
export function podRequests(pod: Pod): ResourceList {
  const sum: ResourceList = {};
  const spec = pod.spec;
  const containers = spec?.containers ?? [];
  for (let i = 0; i < containers.length; i++)
    if (containers[i].resources?.requests) addInto(sum, containerRequests(containers[i]));
  const inits = spec?.initContainers;
  if (inits) {
    for (const c of inits) if (c.restartPolicy === 'Always') addInto(sum, containerRequests(c));
    for (const c of inits) {
      if (c.restartPolicy === 'Always') continue;
      const r = containerRequests(c);
      for (const k in r) sum[k] = Math.max(sum[k] ?? 0, r[k]);
    }
  }
  const overhead = spec?.overhead;
  if (overhead) for (const k in overhead) sum[k] = (sum[k] ?? 0) + quantityValue(k, overhead[k]);
  return sum;
}

/** Requests with the scheduler's non-zero defaults (100m CPU, 200Mi memory) for containers that set none, for scoring. */
export function nonZeroRequests(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  const containers = pod.spec?.containers ?? [];
  for (let i = 0; i < containers.length; i++) {
    const requests = containers[i].resources?.requests;
    cpu += requests?.cpu !== undefined ? quantityValue('cpu', requests.cpu) : 100;
    memory += requests?.memory !== undefined ? quantityValue('memory', requests.memory) : 200 * 1024 * 1024;
  }
  return { cpu, memory };
}

const allocatableCache = new WeakMap<object, ResourceList>();

/** The node's allocatable resources, parsed once per stored allocatable map. */
function allocatable(node: Node): ResourceList {
  const src = node.status?.allocatable;
  if (!src) return {};
  let out = allocatableCache.get(src);
  if (!out) {
    out = {};
    for (const [k, v] of Object.entries(src)) out[k] = quantityValue(k, v);
    allocatableCache.set(src, out);
  }
  return out;
}

const NO_PORTS: ContainerPort[] = [];

/** The host ports a pod's containers ask for (read-only; shared and empty when there are none). */
function hostPorts(pod: Pod): ContainerPort[] {
  let out: ContainerPort[] | undefined;
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? []) if ((p.hostPort ?? 0) > 0) (out ??= []).push(p);
  return out ?? NO_PORTS;
}

function anyPortConflict(wanted: ContainerPort[], used: ContainerPort[]): boolean {
  for (let i = 0; i < wanted.length; i++)
    for (let j = 0; j < used.length; j++) if (portsConflict(wanted[i], used[j])) return true;
  return false;
}

function portsConflict(a: ContainerPort, b: ContainerPort): boolean {
  if ((a.protocol ?? 'TCP') !== (b.protocol ?? 'TCP') || a.hostPort !== b.hostPort) return false;
  const ipA = a.hostIP || '0.0.0.0';
  const ipB = b.hostIP || '0.0.0.0';
  return ipA === '0.0.0.0' || ipB === '0.0.0.0' || ipA === ipB;
}

/**
 * What the scheduler cache knows of a node's pods (framework.NodeInfo): the count, the summed
 * requests, the summed non-zero requests for scoring, and the host ports in use, over the pods
 * bound to it that are not terminal.
 */
export interface NodeInfo {
  pods: number;
  requested: ResourceList;
  nonZero: { cpu: number; memory: number };
  ports: ContainerPort[];
  /** The host ports by pod uid, that `ports` is made of. */
  portsByPod: Map<string, ContainerPort[]>;
}

export function emptyNodeInfo(): NodeInfo {
  return { pods: 0, requested: {}, nonZero: { cpu: 0, memory: 0 }, ports: [], portsByPod: new Map() };
}

/** Adds (sign 1) or removes (sign -1) a pod's share of a NodeInfo. */
export function addToNodeInfo(
  info: NodeInfo,
  pod: Pod,
  sign: 1 | -1,
  requestsOf: (p: Pod) => ResourceList = podRequests,
  nonZeroOf: (p: Pod) => { cpu: number; memory: number } = nonZeroRequests,
): void {
  info.pods += sign;
  const r = requestsOf(pod);
  for (const k in r) info.requested[k] = (info.requested[k] ?? 0) + sign * r[k];
  const nz = nonZeroOf(pod);
  info.nonZero.cpu += sign * nz.cpu;
  info.nonZero.memory += sign * nz.memory;
  const ports = hostPorts(pod);
  if (ports.length === 0) return;
  const uid = pod.metadata?.uid ?? `\u0000${info.portsByPod.size}`;
  if (sign === 1) info.portsByPod.set(uid, ports);
  else info.portsByPod.delete(uid);
  info.ports = [...info.portsByPod.values()].flat();
}

/** The NodeInfo of a list of pods, leaving out terminal pods and `except` (the pod being scheduled). */
export function nodeInfoOf(
  pods: Pod[],
  except?: string,
  requestsOf: (p: Pod) => ResourceList = podRequests,
  nonZeroOf: (p: Pod) => { cpu: number; memory: number } = nonZeroRequests,
): NodeInfo {
  const info = emptyNodeInfo();
  for (const p of pods)
    if (!isTerminal(p) && (except === undefined || p.metadata?.uid !== except))
      addToNodeInfo(info, p, 1, requestsOf, nonZeroOf);
  return info;
}

/**
 * NodeAffinity's PreFilter: the nodes a pod may go to when every required term names nodes with
 * `matchFields metadata.name In` (as DaemonSet pods do); undefined when any node may do. An empty
 * set means the terms conflict.
 */
export function preFilterNodeNames(pod: Pod): Set<string> | undefined {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const values = new Set(r.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => values.has(n))) : values;
    }
    if (!termNames) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

/** node_affinity.go errReasonConflict: the PreFilter message when the terms name no node in common. */
export const ErrReasonConflict = 'pod affinity terms conflict';

/** What the filters need of the pod being scheduled (the PreFilter state). */
interface PodFilterState {
  tolerations: NonNullable<Pod['spec']>['tolerations'] & object;
  hostPorts: ContainerPort[];
  /** The resources NodeResourcesFit checks, in its order: cpu, memory, ephemeral-storage, then extended ones sorted. */
  resources: string[];
}
const BASIC_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];
function filterState(pod: Pod, want: ResourceList): PodFilterState {
  const extended = Object.keys(want).filter(
    (k) => k !== 'cpu' && k !== 'memory' && k !== 'ephemeral-storage' && k !== 'pods',
  );
  return {
    tolerations: pod.spec?.tolerations ?? [],
    hostPorts: hostPorts(pod),
    resources: extended.length ? [...BASIC_RESOURCES, ...extended.sort()] : BASIC_RESOURCES,
  };
}

/**
 * Runs the default filter plugins in upstream order against one node; the first failing plugin
 * decides, as the framework's RunFilterPlugins does.
 */
export function filterNode(
  pod: Pod,
  node: Node,
  podsOnNode: Pod[] | NodeInfo,
  requestsOf: (p: Pod) => ResourceList = podRequests,
): NodeFilterResult {
  const info = Array.isArray(podsOnNode) ? nodeInfoOf(podsOnNode, pod.metadata?.uid, requestsOf) : podsOnNode;
  return (
    rejectNodeFor(podSchedulingState(pod, requestsOf), node, info) ?? { node: node.metadata?.name ?? '', reasons: [] }
  );
}

/** What the filters need of the pod being scheduled, worked out once per scheduling attempt. */
export interface PodSchedulingState {
  pod: Pod;
  want: ResourceList;
  st: PodFilterState;
  /** The pod's required node affinity, or undefined when it has neither a nodeSelector nor required terms. */
  affinity?: ReturnType<typeof getRequiredNodeAffinity>;
}

export function podSchedulingState(pod: Pod, requestsOf: (p: Pod) => ResourceList = podRequests): PodSchedulingState {
  const want = requestsOf(pod);
  const affinity = getRequiredNodeAffinity(pod);
  return {
    pod,
    want,
    st: filterState(pod, want),
    affinity: affinity.labelSelector || affinity.nodeSelector ? affinity : undefined,
  };
}

/** The filter plugins in upstream order for one node, given the pod's state and the node's NodeInfo. */
export function rejectNodeFor(ps: PodSchedulingState, node: Node, info: NodeInfo): NodeFilterResult | null {
  const pod = ps.pod;
  const name = node.metadata?.name ?? '';
  const want = ps.want;
  const st = ps.st;
  const tolerations = st.tolerations;
  const nodeSpec = node.spec;

  // NodeUnschedulable
  if (
    nodeSpec?.unschedulable &&
    !tolerationsTolerateTaint(tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })
  ) {
    return fail(name, 'NodeUnschedulable', [ErrReasonUnschedulable], false);
  }
  // NodeName
  if (pod.spec?.nodeName && pod.spec.nodeName !== name) return fail(name, 'NodeName', [ErrReasonNodeName], false);
  // TaintToleration
  const taints = nodeSpec?.taints;
  const taint = taints?.length
    ? findMatchingUntoleratedTaint(taints, tolerations, doNotScheduleTaintsFilter)
    : undefined;
  if (taint)
    return fail(
      name,
      'TaintToleration',
      [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`],
      false,
      taint,
    );
  // NodeAffinity
  if (ps.affinity && !ps.affinity.match(node)) return fail(name, 'NodeAffinity', [ErrReasonNodeAffinity], false);

  // NodePorts
  // (No closures here: one capturing `info` would cost a context allocation on every call.)
  if (st.hostPorts.length > 0 && anyPortConflict(st.hostPorts, info.ports))
    return fail(name, 'NodePorts', [ErrReasonNodePorts], true);
  // NodeResourcesFit
  const alloc = allocatable(node);
  let reasons: string[] | undefined;
  if (info.pods + 1 > (alloc.pods ?? 110)) (reasons ??= []).push('Too many pods');
  const used = info.requested;
  const resources = st.resources;
  for (let i = 0; i < resources.length; i++) {
    const resource = resources[i];
    const w = want[resource] ?? 0;
    if (w === 0) continue;
    if (w > (alloc[resource] ?? 0) - (used[resource] ?? 0)) (reasons ??= []).push(`Insufficient ${resource}`);
  }
  if (reasons) return fail(name, 'NodeResourcesFit', reasons, true);
  return null;
}

function fail(
  node: string,
  plugin: PluginName,
  reasons: string[],
  resolvable: boolean,
  taint?: Taint,
): NodeFilterResult {
  return taint ? { node, plugin, reasons, resolvable, taint } : { node, plugin, reasons, resolvable };
}

function histogram(counts: Map<string, number>): string {
  return [...counts.entries()]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ');
}

/**
 * FitError.Error() followed by the DefaultPreemption PostFilter message, exactly as the
 * FailedScheduling event prints it. Every pod in the sandbox has priority 0, so preemption never
 * finds victims: nodes rejected by a resolvable plugin count as "No preemption victims found".
 */
export function fitErrorMessage(
  numAllNodes: number,
  results: NodeFilterResult[],
  preFilter?: { message: string } | { absentReason: string },
): string {
  if (numAllNodes === 0) return ErrNoNodesAvailable;
  const reasons = new Map<string, number>();
  let msg = `0/${numAllNodes} nodes are available:`;
  if (preFilter && 'message' in preFilter) msg += ` ${preFilter.message}.`;
  else {
    for (const r of results) for (const reason of r.reasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    // Nodes the PreFilter left out carry its status (NodeToStatus.AbsentNodesStatus).
    const absent = numAllNodes - results.length;
    if (preFilter && absent > 0)
      reasons.set(preFilter.absentReason, (reasons.get(preFilter.absentReason) ?? 0) + absent);
    if (reasons.size) msg += ` ${histogram(reasons)}.`;
  }
  const preemption = new Map<string, number>();
  for (const r of results.filter((r) => r.reasons.length > 0)) {
    const why = r.resolvable ? NoPreemptionVictims : PreemptionNotHelpful;
    preemption.set(why, (preemption.get(why) ?? 0) + 1);
  }
  // Nodes without an explicit status were rejected as unresolvable: preemption cannot help there.
  const explicit = preFilter && 'message' in preFilter ? 0 : results.length;
  if (numAllNodes > explicit)
    preemption.set(PreemptionNotHelpful, (preemption.get(PreemptionNotHelpful) ?? 0) + numAllNodes - explicit);
  msg += ` preemption: 0/${numAllNodes} nodes are available: ${histogram(preemption)}.`;
  return msg;
}

export const MaxNodeScore = 100;

/** framework DefaultNormalizeScore. */
function normalize(scores: number[], reverse: boolean): number[] {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  if (max === 0) return scores.map(() => (reverse ? MaxNodeScore : 0));
  return scores.map((s) => {
    const v = Math.floor((MaxNodeScore * s) / max);
    return reverse ? MaxNodeScore - v : v;
  });
}

/**
 * The default score plugins that matter here, with their default weights: TaintToleration (3),
 * NodeAffinity (2), NodeResourcesFit LeastAllocated (1), NodeResourcesBalancedAllocation (1).
 */
export function scoreNodes(
  pod: Pod,
  feasible: Node[],
  podsByNode: Map<string, Pod[] | NodeInfo>,
  nonZeroOf: (p: Pod) => { cpu: number; memory: number } = nonZeroRequests,
): { node: string; score: number }[] {
  return scoreValues(pod, feasible, podsByNode, nonZeroOf).map((score, i) => ({
    node: feasible[i].metadata?.name ?? '',
    score,
  }));
}

/** scoreNodes' totals alone, in the order of `feasible`. */
export function scoreValues(
  pod: Pod,
  feasible: Node[],
  podsByNode: Map<string, Pod[] | NodeInfo>,
  nonZeroOf: (p: Pod) => { cpu: number; memory: number } = nonZeroRequests,
): number[] {
  const used = feasible.map((node) => {
    const on = podsByNode.get(node.metadata?.name ?? '') ?? [];
    return Array.isArray(on) ? nodeInfoOf(on, pod.metadata?.uid, podRequests, nonZeroOf) : on;
  });
  return scoreValuesFor(pod, feasible, used, nonZeroOf);
}

/** scoreValues with each feasible node's NodeInfo at hand (`infos[i]` is `feasible[i]`'s). */
export function scoreValuesFor(
  pod: Pod,
  feasible: readonly Node[],
  infos: readonly NodeInfo[],
  nonZeroOf: (p: Pod) => { cpu: number; memory: number } = nonZeroRequests,
): number[] {
  const n = feasible.length;
  // TaintToleration counts intolerable PreferNoSchedule taints; with none anywhere every node
  // normalizes to the full score, so the counting is skipped.
  let taintScores: number[] | undefined;
  if (feasible.some((node) => node.spec?.taints?.some((t) => t.effect === 'PreferNoSchedule'))) {
    const tolerations = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    const taintCounts = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const taints = feasible[i].spec?.taints;
      let count = 0;
      if (taints)
        for (const t of taints)
          if (t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, t)) count++;
      taintCounts[i] = count;
    }
    taintScores = normalize(taintCounts, true);
  }
  // NodeAffinity scores preferred terms; without any, every node scores 0.
  const preferred = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  let affinityScores: number[] | undefined;
  if (preferred?.length) {
    const affinityRaw = new Array<number>(n);
    for (let i = 0; i < n; i++) affinityRaw[i] = preferredSchedulingTermsScore(preferred, feasible[i]);
    affinityScores = normalize(affinityRaw, false);
  }
  const mine = nonZeroOf(pod);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const node = feasible[i];
    const alloc = allocatable(node);
    const used = infos[i].nonZero;
    const cpu = mine.cpu + used.cpu;
    const memory = mine.memory + used.memory;
    const leastAllocated = Math.floor((least(cpu, alloc.cpu ?? 0) + least(memory, alloc.memory ?? 0)) / 2);
    const fc = Math.min(1, alloc.cpu ? cpu / alloc.cpu : 1);
    const fm = Math.min(1, alloc.memory ? memory / alloc.memory : 1);
    const mean = (fc + fm) / 2;
    const std = Math.sqrt(((fc - mean) ** 2 + (fm - mean) ** 2) / 2);
    const balanced = Math.floor((1 - std) * MaxNodeScore);
    out[i] =
      3 * (taintScores ? taintScores[i] : MaxNodeScore) +
      2 * (affinityScores ? affinityScores[i] : 0) +
      leastAllocated +
      balanced;
  }
  return out;
}

/** NodeResourcesFit LeastAllocated for one resource. */
function least(req: number, cap: number): number {
  return cap === 0 || req > cap ? 0 : Math.floor(((cap - req) * MaxNodeScore) / cap);
}

/** schedule_one.go selectHost over plain scores: the index of the chosen node, uniformly among the highest (reservoir sampling with the seeded rand). */
export function selectHostIndex(scores: number[], rand: () => number): number {
  if (scores.length === 0) return -1;
  let selected = 0;
  let count = 1;
  for (let i = 1; i < scores.length; i++) {
    if (scores[i] > scores[selected]) {
      selected = i;
      count = 1;
    } else if (scores[i] === scores[selected]) {
      count++;
      if (Math.floor(rand() * count) === 0) selected = i;
    }
  }
  return selected;
}

/** selectHost by node name, over scoreNodes' results. */
export function selectHost(scores: { node: string; score: number }[], rand: () => number): string | undefined {
  return scores[
    selectHostIndex(
      scores.map((s) => s.score),
      rand,
    )
  ]?.node;
}
