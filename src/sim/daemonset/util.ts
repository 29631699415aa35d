/**
 * pkg/controller/daemon/util (daemonset_util.go): the pod a DaemonSet would run on a node, the
 * tolerations every daemon pod gets, the node-affinity rewrite that pins it to its node, and the
 * template hash in the `controller-revision-hash` label.
 */
import type { Affinity, Pod, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import type { DaemonSet } from 'kubernetes-types/apps/v1';

function sameToleration(a: Toleration, b: Toleration): boolean {
  return (
    (a.key ?? '') === (b.key ?? '') &&
    (a.operator ?? '') === (b.operator ?? '') &&
    (a.value ?? '') === (b.value ?? '') &&
    (a.effect ?? '') === (b.effect ?? '')
  );
}

/** v1helper.AddOrUpdateTolerationInPodSpec */
function addOrUpdateToleration(spec: PodSpec, t: Toleration): void {
  const list = spec.tolerations ?? [];
  const at = list.findIndex((old) => sameToleration(old, t));
  if (at >= 0) list[at] = t;
  else list.push(t);
  spec.tolerations = list;
}

/**
 * AddOrUpdateDaemonPodTolerations: daemon pods survive not-ready and unreachable nodes forever and
 * tolerate the node-condition taints, so node agents keep running on sick or cordoned nodes.
 */
export function addOrUpdateDaemonPodTolerations(spec: PodSpec): void {
  addOrUpdateToleration(spec, { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' });
  addOrUpdateToleration(spec, { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' });
  addOrUpdateToleration(spec, { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' });
  addOrUpdateToleration(spec, { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' });
  addOrUpdateToleration(spec, { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' });
  addOrUpdateToleration(spec, { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' });
  if (spec.hostNetwork)
    addOrUpdateToleration(spec, {
      key: 'node.kubernetes.io/network-unavailable',
      operator: 'Exists',
      effect: 'NoSchedule',
    });
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes `metadata.name In [node]`. */
export function replaceDaemonSetPodNodeNameNodeAffinity(affinity: Affinity | undefined, nodeName: string): Affinity {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] };
  const out: Affinity = structuredClone(affinity ?? {});
  out.nodeAffinity ??= {};
  if (!out.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution) {
    out.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [term] };
  } else {
    out.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms = [term];
  }
  return out;
}

/** NewPod: the template's pod with the node name set and the daemon tolerations added (for predicates). */
export function newPod(ds: DaemonSet, nodeName: string): Pod {
  const template = structuredClone(ds.spec?.template ?? {});
  const spec: PodSpec = { ...(template.spec ?? { containers: [] }), nodeName };
  addOrUpdateDaemonPodTolerations(spec);
  return { metadata: { ...(template.metadata ?? {}), namespace: ds.metadata?.namespace }, spec };
}

const safeAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** apimachinery rand.SafeEncodeString */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += safeAlphabet[s.charCodeAt(i) % safeAlphabet.length];
  return out;
}

/** FNV-1a, 32 bit. */
function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  const bytes = new TextEncoder().encode(text);
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
 * controller.ComputeHash: FNV-32a of the template (and collision count), encoded with
 * SafeEncodeString of its decimal digits, as upstream. Upstream hashes Go's spew dump of the
 * struct; we hash canonical JSON, so the value differs from a real cluster's while keeping its
 * shape and its behaviour (it changes exactly when the template changes).
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  const text = JSON.stringify(sortKeys(template)) + (collisionCount ? `#${collisionCount}` : '');
  return safeEncodeString(String(fnv32a(text)));
}
