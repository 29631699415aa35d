/**
 * pkg/controller/daemon/util (daemonset_util.go) and the helpers around it: the pod a DaemonSet
 * would run on a node, the tolerations every daemon pod gets, the node-affinity rewrite that pins
 * it to its node, the template hash in the `controller-revision-hash` label, and podutil's
 * readiness/availability checks the controller counts with.
 */
import { clone } from '../clone';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Affinity, Pod, PodSpec, PodTemplateSpec, Toleration } from 'kubernetes-types/core/v1';

/** apps.DefaultDaemonSetUniqueLabelKey (= apps.ControllerRevisionHashLabelKey). */
export const DefaultDaemonSetUniqueLabelKey = 'controller-revision-hash';
/** extensions.DaemonSetTemplateGenerationKey: the label kept for backward compatibility. */
export const DaemonSetTemplateGenerationKey = 'pod-template-generation';
/** apps.DeprecatedTemplateGeneration: the annotation the API server keeps the template generation in. */
export const DeprecatedTemplateGeneration = 'deprecated.daemonset.template.generation';
/** metav1.ObjectNameField */
export const ObjectNameField = 'metadata.name';

/**
 * GetTemplateGeneration: the template generation from the deprecated annotation. Upstream returns
 * an error for an unparsable annotation and every caller then uses nil; so do we (undefined).
 */
export function getTemplateGeneration(ds: DaemonSet): number | undefined {
  const annotation = ds.metadata?.annotations?.[DeprecatedTemplateGeneration];
  if (annotation === undefined) return undefined;
  // strconv.ParseInt(annotation, 10, 64): optional sign, decimal digits only.
  if (!/^[+-]?\d+$/.test(annotation)) return undefined;
  const n = Number(annotation);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Toleration.MatchToleration: same key, operator, value and effect. */
function matchToleration(a: Toleration, b: Toleration): boolean {
  return (
    (a.key ?? '') === (b.key ?? '') &&
    (a.effect ?? '') === (b.effect ?? '') &&
    (a.operator ?? '') === (b.operator ?? '') &&
    (a.value ?? '') === (b.value ?? '')
  );
}

function sameToleration(a: Toleration, b: Toleration): boolean {
  return matchToleration(a, b) && (a.tolerationSeconds ?? null) === (b.tolerationSeconds ?? null);
}

/**
 * v1helper.AddOrUpdateTolerationInPodSpec: every toleration matching the new one is replaced by it
 * (so a matching toleration's tolerationSeconds is dropped); otherwise it is appended. Returns
 * false when an identical toleration is already there (nothing changes).
 */
export function addOrUpdateTolerationInPodSpec(spec: PodSpec, toleration: Toleration): boolean {
  const next: Toleration[] = [];
  let updated = false;
  for (const t of spec.tolerations ?? []) {
    if (matchToleration(toleration, t)) {
      if (sameToleration(toleration, t)) return false;
      next.push({ ...toleration });
      updated = true;
      continue;
    }
    next.push(t);
  }
  if (!updated) next.push({ ...toleration });
  spec.tolerations = next;
  return true;
}

/** The tolerations AddOrUpdateDaemonPodTolerations adds, in upstream order (v1.TaintNode* keys). */
export const daemonPodTolerations: readonly Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];
export const networkUnavailableToleration: Toleration = {
  key: 'node.kubernetes.io/network-unavailable',
  operator: 'Exists',
  effect: 'NoSchedule',
};

/**
 * AddOrUpdateDaemonPodTolerations: daemon pods survive not-ready and unreachable nodes forever (no
 * tolerationSeconds, so taint-based eviction never removes them) and tolerate the node-condition
 * and cordon taints; host-network pods also tolerate network-unavailable. Mutates `spec`, as
 * upstream. `hostNetwork` defaults to `spec.hostNetwork`, which is what upstream reads.
 */
export function addOrUpdateDaemonPodTolerations(spec: PodSpec, hostNetwork: boolean = !!spec.hostNetwork): void {
  for (const t of daemonPodTolerations) addOrUpdateTolerationInPodSpec(spec, t);
  if (hostNetwork) addOrUpdateTolerationInPodSpec(spec, networkUnavailableToleration);
}

/**
 * CreatePodTemplate: a copy of the template with the daemon tolerations, the
 * `pod-template-generation` label (when the DaemonSet has a template generation) and the
 * `controller-revision-hash` label (when the hash is not empty).
 */
export function createPodTemplate(
  template: PodTemplateSpec | undefined,
  generation: number | undefined,
  hash: string,
): PodTemplateSpec {
  const t: PodTemplateSpec = clone(template ?? {});
  t.spec ??= { containers: [] };
  addOrUpdateDaemonPodTolerations(t.spec);
  t.metadata ??= {};
  t.metadata.labels = { ...(t.metadata.labels ?? {}) };
  if (generation !== undefined) t.metadata.labels[DaemonSetTemplateGenerationKey] = String(generation);
  if (hash.length > 0) t.metadata.labels[DefaultDaemonSetUniqueLabelKey] = hash;
  return t;
}

/**
 * ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes the single term
 * `matchFields: metadata.name In [node]`, replacing every existing required term; preferred terms
 * stay. Upstream mutates its argument; this returns a new object and leaves the argument alone.
 */
export function replaceDaemonSetPodNodeNameNodeAffinity(affinity: Affinity | undefined, nodeName: string): Affinity {
  const term = () => ({ matchFields: [{ key: ObjectNameField, operator: 'In', values: [nodeName] }] });
  if (!affinity)
    return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term()] } } };
  const out: Affinity = clone(affinity);
  if (!out.nodeAffinity) {
    out.nodeAffinity = { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term()] } };
    return out;
  }
  if (!out.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution) {
    out.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [term()] };
    return out;
  }
  out.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms = [term()];
  return out;
}

/**
 * GetTargetNodeName: `spec.nodeName`, or for a pod not yet bound the node of its
 * `metadata.name In [node]` match field. The errors are upstream's messages.
 */
export function getTargetNodeName(pod: Pod): { nodeName: string } | { error: string } {
  const ns = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  if (pod.spec?.nodeName) return { nodeName: pod.spec.nodeName };
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required)
    return {
      error: `no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod ${ns}/${name}`,
    };
  const terms = required.nodeSelectorTerms ?? [];
  if (terms.length < 1)
    return { error: `no nodeSelectorTerms in requiredDuringSchedulingIgnoredDuringExecution of pod ${ns}/${name}` };
  for (const term of terms)
    for (const exp of term.matchFields ?? [])
      if (exp.key === ObjectNameField && exp.operator === 'In') {
        if ((exp.values ?? []).length !== 1)
          return { error: `the matchFields value of '${ObjectNameField}' is not unique for pod ${ns}/${name}` };
        return { nodeName: exp.values![0] };
      }
  return { error: `no node name found for pod ${ns}/${name}` };
}

/**
 * NewPod (daemon_controller.go): the pod the DaemonSet would run on `nodeName`, used only to
 * evaluate the placement predicates: the template with the node name set and the daemon
 * tolerations added.
 */
export function newPod(ds: DaemonSet, nodeName: string): Pod {
  const template = clone(ds.spec?.template ?? {});
  const spec: PodSpec = { ...(template.spec ?? { containers: [] }), nodeName };
  addOrUpdateDaemonPodTolerations(spec);
  return { metadata: { ...(template.metadata ?? {}), namespace: ds.metadata?.namespace }, spec };
}

/**
 * IsPodUpdated: the pod carries the current hash or, for backward compatibility, the current
 * template generation.
 */
export function isPodUpdated(pod: Pod, hash: string, dsTemplateGeneration: number | undefined): boolean {
  const labels = pod.metadata?.labels ?? {};
  const templateMatches =
    dsTemplateGeneration !== undefined && labels[DaemonSetTemplateGenerationKey] === String(dsTemplateGeneration);
  const hashMatches = hash.length > 0 && labels[DefaultDaemonSetUniqueLabelKey] === hash;
  return hashMatches || templateMatches;
}

/** podutil.IsPodTerminal */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';
}

/** podutil.GetPodReadyCondition: the first condition of type Ready. */
export function getPodReadyCondition(pod: Pod) {
  return (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
}

/** podutil.IsPodReady */
export function isPodReady(pod: Pod): boolean {
  return getPodReadyCondition(pod)?.status === 'True';
}

const toMillis = (t: Date | number): number => (typeof t === 'number' ? t : t.getTime());

/**
 * podutil.IsPodAvailable: ready, and ready for more than minReadySeconds (strictly: the Ready
 * transition plus minReadySeconds is before now). A pod with no Ready transition time is never
 * available when minReadySeconds > 0.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: Date | number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const ltt = getPodReadyCondition(pod)?.lastTransitionTime;
  if (!ltt) return false;
  const since = Date.parse(ltt);
  if (Number.isNaN(since)) return false;
  return since + minReadySeconds * 1000 < toMillis(now);
}

/**
 * SplitByAvailablePods (daemonset_util.go until it lost its last caller): the pods that are
 * available and those that are not, order kept.
 */
export function splitByAvailablePods(
  minReadySeconds: number,
  pods: Pod[],
  now: Date | number,
): { available: Pod[]; unavailable: Pod[] } {
  const available: Pod[] = [];
  const unavailable: Pod[] = [];
  for (const p of pods) (isPodAvailable(p, minReadySeconds, now) ? available : unavailable).push(p);
  return { available, unavailable };
}

/**
 * getNodesToDaemonPods's grouping: the DaemonSet's (already claimed) pods by target node. Pods
 * that are both terminal and being deleted are left out unless `includeDeletedTerminal` (history
 * cleanup counts them); pods without a target node are skipped, as upstream.
 */
export function getPodsByNode(pods: Pod[], includeDeletedTerminal = false): Map<string, Pod[]> {
  const byNode = new Map<string, Pod[]>();
  for (const pod of pods) {
    if (!includeDeletedTerminal && isPodTerminal(pod) && pod.metadata?.deletionTimestamp) continue;
    const target = getTargetNodeName(pod);
    if ('error' in target) continue;
    const list = byNode.get(target.nodeName);
    if (list) list.push(pod);
    else byNode.set(target.nodeName, [pod]);
  }
  return byNode;
}

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is, "N%" of total rounded up or down.
 * Throws Go's error text for a nil value or a string that is not a percentage.
 */
export function getScaledValueFromIntOrPercent(
  intOrPercent: number | string | undefined | null,
  total: number,
  roundUp: boolean,
): number {
  if (intOrPercent === undefined || intOrPercent === null) throw new Error('nil value for IntOrString');
  if (typeof intOrPercent === 'number') return intOrPercent;
  if (!intOrPercent.endsWith('%'))
    throw new Error('invalid value for IntOrString: invalid type: string is not a percentage');
  const digits = intOrPercent.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits))
    throw new Error(
      `invalid value for IntOrString: invalid value ${JSON.stringify(intOrPercent)}: strconv.Atoi: parsing ${JSON.stringify(digits)}: invalid syntax`,
    );
  const value = Number(digits);
  return roundUp ? Math.ceil((value * total) / 100) : Math.floor((value * total) / 100);
}

const isRollingUpdate = (ds: DaemonSet) => ds.spec?.updateStrategy?.type === 'RollingUpdate';

/** SurgeCount: 0 unless RollingUpdate with a maxSurge; percentages round up. */
export function surgeCount(ds: DaemonSet, numberToSchedule: number): number {
  if (!isRollingUpdate(ds)) return 0;
  const r = ds.spec?.updateStrategy?.rollingUpdate;
  if (!r || r.maxSurge === undefined || r.maxSurge === null) return 0;
  return getScaledValueFromIntOrPercent(r.maxSurge, numberToSchedule, true);
}

/** UnavailableCount: 0 unless RollingUpdate; percentages round up; a nil maxUnavailable is an error. */
export function unavailableCount(ds: DaemonSet, numberToSchedule: number): number {
  if (!isRollingUpdate(ds)) return 0;
  const r = ds.spec?.updateStrategy?.rollingUpdate;
  if (!r) return 0;
  return getScaledValueFromIntOrPercent(r.maxUnavailable, numberToSchedule, true);
}

/** AllowsSurge: more than one pod per node may run during an update. */
export function allowsSurge(ds: DaemonSet): boolean {
  try {
    return surgeCount(ds, 1) > 0;
  } catch {
    return false;
  }
}

const safeAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** apimachinery rand.SafeEncodeString: each byte mapped onto an alphabet without vowels or look-alikes. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += safeAlphabet[s.charCodeAt(i) % safeAlphabet.length];
  return out;
}

/** FNV-1a, 32 bit, over bytes. */
function fnv32a(bytes: Uint8Array, h = 0x811c9dc5): number {
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/**
 * controller.ComputeHash: FNV-32a of the pod template, then (when a collision count is given,
 * even 0) its value as 8 little-endian bytes, written as the decimal of the sum and encoded with
 * SafeEncodeString, e.g. `6b8d7bcc6d`. Upstream hashes Go's spew dump of the struct; we hash
 * canonical JSON, so the value differs from a real cluster's while keeping its alphabet, its
 * length (up to 10 characters) and its behaviour: it changes exactly when the template or the
 * collision count changes.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(JSON.stringify(sortKeys(template ?? {}))));
  if (collisionCount !== undefined && collisionCount !== null) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(bytes, h);
  }
  return safeEncodeString(String(h));
}

/** The name upstream uses for the hash of a DaemonSet's template: the ControllerRevision hash. */
export const controllerRevisionHash = computeHash;
