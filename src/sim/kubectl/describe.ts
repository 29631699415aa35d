/**
 * `kubectl describe`, ported from staging/src/k8s.io/kubectl/pkg/describe/describe.go: describePod,
 * describeNode, describeDaemonSet, describeJob, describeCronJob, describeNamespace and the
 * genericDescriber, with the helpers they share (DescribeEvents, describeContainers,
 * describeVolumes, DescribePodTemplate, printLabelsMultiline, printAnnotationsMultiline, the
 * taint and toleration printers, describeNodeResource's two tables).
 *
 * The output is built as upstream builds it: a PrefixWriter (two spaces per level) writes
 * tab-separated text into one text/tabwriter (minwidth 0, padding 2, ' '), and DescribeEvents
 * flushes the tabwriter before its table, so the Events table is aligned on its own while
 * `Events:  <none>` lines up with what precedes it. Terminal escapes are neutralised as
 * printers.WriteEscaped does.
 *
 * The caller gathers what upstream fetches from the API server: the events (all of them; each
 * describer filters them as searchEvents' field selector does), a node's pods, a controller's
 * pods. `events` null or undefined means --show-events=false (no Events section at all).
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type {
  Container,
  ContainerPort,
  ContainerState,
  ContainerStatus,
  EnvVar,
  Event,
  Namespace,
  Node,
  Pod,
  PodTemplateSpec,
  Probe,
  ResourceRequirements,
  Taint,
  Toleration,
  TopologySpreadConstraint,
  Volume,
} from 'kubernetes-types/core/v1';
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';
import {
  compareQuantity,
  formatQuantity,
  parseQuantity,
  podQOSClass,
  quantityFormat,
  type QuantityFormat,
} from '../apiserver/validation/quantity';
import { goQuote } from '../apiserver/field';
import { rfc1123z } from '../cronjob/utils';
import { labelSelectorAsSelector } from '../labels/selector';
import { humanDuration, toMillis, translateTimestampSince, type Timestamp } from './duration';
import { findNodeRoles, formatLabels, formatLabelSelector, printBoolPtr, tabwrite } from './printers';

export type Now = Date | number;

/** What a describer needs besides the object, gathered by the caller (describe.go's Describe methods list them). */
export interface Related {
  /** Node: the pods bound to it; DaemonSet / Job: its pods. */
  pods?: readonly Pod[];
  /** All events; each describer keeps those about its object. null/undefined: --show-events=false. */
  events?: readonly Event[] | null;
  /** CronJob: its Jobs (upstream's describer reads status.active instead; accepted for the caller's convenience). */
  jobs?: readonly Job[];
  /** Node: its kube-node-lease Lease; undefined: the kubelet's lease as the simulator implies it; null: not found. */
  lease?: Lease | null;
}

// ---- PrefixWriter and the tabwriter ----------------------------------------------------------

const LEVEL_0 = 0;
const LEVEL_1 = 1;
const LEVEL_2 = 2;
const LEVEL_3 = 3;

/** printers.WriteEscaped's terminalEscaper: ESC becomes `^[`, CR becomes `\r`. */
const escapeTerminal = (s: string): string => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

/**
 * describe.go's prefixWriter over tabbedString's tabwriter: `write` indents by two spaces per
 * level; `flush` ends the tabwriter's column blocks, as DescribeEvents' w.Flush() does.
 */
class PrefixWriter {
  private segments: string[] = [];
  private buf = '';

  write(level: number, text: string): void {
    this.buf += escapeTerminal('  '.repeat(level) + text);
  }

  /** WriteLine: fmt.Sprintln of one value, no indentation. */
  writeLine(text = ''): void {
    this.buf += escapeTerminal(`${text}\n`);
  }

  flush(): void {
    if (this.buf !== '') this.segments.push(this.buf);
    this.buf = '';
  }

  toString(): string {
    this.flush();
    return this.segments.map(tabbed).join('');
  }

  /** What was written, tabs and all, as a plain buffer would hold it. */
  raw(): string {
    this.flush();
    return this.segments.join('');
  }
}

/** One tabwriter flush: tab-separated cells aligned with minwidth 0, padding 2. */
function tabbed(text: string): string {
  const ended = text.endsWith('\n');
  const body = ended ? text.slice(0, -1) : text;
  const out = tabwrite(
    body.split('\n').map((line) => line.split('\t')),
    0,
    2,
  );
  return ended ? out : out.slice(0, -1);
}

function tabbedString(f: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  f(w);
  return w.toString();
}

// ---- small formatting helpers -------------------------------------------------------------

/** Go's zero time.Time, as `Format(time.RFC1123Z)` prints an unset timestamp. */
const ZERO_TIME = -62135596800000;

/** `t.Time.Format(time.RFC1123Z)` (UTC). */
const formatTime = (ts: Timestamp): string => rfc1123z(toMillis(ts) ?? ZERO_TIME);

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortedKeys = (m: Record<string, unknown> | undefined | null): string[] => Object.keys(m ?? {}).sort(byString);

/** UTF-8 length, as Go's len(string). */
function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** s[:max] in bytes (cut at a character boundary). */
function byteSlice(s: string, max: number): string {
  let n = 0;
  let out = '';
  for (const ch of s) {
    n += byteLength(ch);
    if (n > max) break;
    out += ch;
  }
  return out;
}

const stringOrNone = (s: string | undefined): string => (s ? s : '<none>');
const printBool = (v: boolean | undefined): string => (v ? 'True' : 'False');
/** Go's `%v` of a bool. */
const goBool = (v: boolean | undefined): string => (v ? 'true' : 'false');
/** Go's `%v` of an int-or-string. */
const intOrString = (v: number | string | undefined): string => (v === undefined || v === null ? '' : String(v));

/** metav1.GetControllerOf. */
function controllerOf(meta: ObjectMeta | undefined): OwnerReference | undefined {
  return (meta?.ownerReferences ?? []).find((r) => r.controller === true);
}

function printController(meta: ObjectMeta | undefined): string {
  const ref = controllerOf(meta);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

// ---- resource.Quantity --------------------------------------------------------------------

/** A resource.Quantity: an exact value num/den and the format it prints in (kept by Add from the receiver). */
interface Qty {
  num: bigint;
  den: bigint;
  format: QuantityFormat;
}

type QtyList = Map<string, Qty>;

const ZERO_QTY: Qty = { num: 0n, den: 1n, format: 'DecimalSI' };

function toQty(v: string | number | undefined | null): Qty | undefined {
  if (v === undefined || v === null) return undefined;
  const q = parseQuantity(v);
  return q ? { num: q.num, den: q.den, format: quantityFormat(v) } : undefined;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
};

function addQty(a: Qty, b: Qty): Qty {
  const num = a.num * b.den + b.num * a.den;
  const den = a.den * b.den;
  const g = gcd(num, den);
  return { num: num / g, den: den / g, format: a.format };
}

const cmpQty = (a: Qty, b: Qty): number => compareQuantity(a, b);

/** ceil(value * 10^-scale), as Quantity.ScaledValue rounds. */
function scaled(q: Qty, milli: boolean): number {
  const n = q.num * (milli ? 1000n : 1n);
  let v = n / q.den;
  if (n % q.den !== 0n && n > 0n) v += 1n;
  return Number(v);
}
const milliValue = (q: Qty | undefined): number => (q ? scaled(q, true) : 0);
const value = (q: Qty | undefined): number => (q ? scaled(q, false) : 0);

/** Quantity.String(): the canonical form in the quantity's format (`1Gi`, `1536Mi`, `100m`, `1k`). */
const qtyString = (q: Qty | undefined): string => (q ? formatQuantity(q, q.format) : '0');

/** `quantity.String()` of a stored quantity text. */
const quantityText = (v: string | number | undefined): string => {
  const q = toQty(v);
  return q ? qtyString(q) : String(v ?? '');
};

function toList(rl: Record<string, string | number> | undefined | null): QtyList {
  const out: QtyList = new Map();
  for (const [k, v] of Object.entries(rl ?? {})) out.set(k, toQty(v) ?? ZERO_QTY);
  return out;
}

/** component-helpers addResourceList. */
function addList(list: QtyList, add: QtyList): void {
  for (const [k, v] of add) {
    const cur = list.get(k);
    list.set(k, cur ? addQty(cur, v) : v);
  }
}

/** component-helpers maxResourceList. */
function maxList(list: QtyList, other: QtyList): void {
  for (const [k, v] of other) {
    const cur = list.get(k);
    if (!cur || cmpQty(v, cur) > 0) list.set(k, v);
  }
}

const podLevelResources = ['cpu', 'memory'];

/** spec.resources, the pod-level requests and limits (PodLevelResources, beta in 1.34; newer than kubernetes-types). */
const podLevelOf = (pod: Pod): ResourceRequirements | undefined =>
  (pod.spec as { resources?: ResourceRequirements } | undefined)?.resources;

/**
 * resourcehelper.PodRequests / PodLimits: the containers' sum, sidecars (restartable init
 * containers) added, each init container's need (with the sidecars started before it) as a
 * floor; pod-level resources replace cpu and memory; overhead is added (to limits only where set).
 */
function podResources(pod: Pod, pick: 'requests' | 'limits'): QtyList {
  const total: QtyList = new Map();
  for (const c of pod.spec?.containers ?? []) addList(total, toList(c.resources?.[pick]));
  const restartable: QtyList = new Map();
  const initMax: QtyList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    let own = toList(c.resources?.[pick]);
    if (c.restartPolicy === 'Always') {
      addList(total, own);
      addList(restartable, own);
      own = restartable;
    } else {
      const tmp: QtyList = new Map();
      addList(tmp, own);
      addList(tmp, restartable);
      own = tmp;
    }
    maxList(initMax, own);
  }
  maxList(total, initMax);
  const podLevel = podLevelOf(pod)?.[pick] ?? {};
  if (Object.keys(podLevel).some((k) => podLevelResources.includes(k))) {
    for (const [k, v] of Object.entries(podLevel))
      if (podLevelResources.includes(k)) total.set(k, toQty(v) ?? ZERO_QTY);
  }
  for (const [k, v] of toList(pod.spec?.overhead)) {
    const cur = total.get(k);
    if (pick === 'requests') total.set(k, cur ? addQty(cur, v) : v);
    else if (cur) total.set(k, addQty(cur, v));
  }
  return total;
}

/** Go's int64(float64(a) / float64(b) * 100); a division by zero gives amd64's int64(NaN/Inf). */
function percent(a: number, b: number): string {
  const x = (a / b) * 100;
  return Number.isFinite(x) ? String(Math.trunc(x)) : '-9223372036854775808';
}

// ---- events ---------------------------------------------------------------------------------

/** The reference searchEvents turns into a field selector (involvedObject.name/namespace/kind/uid). */
interface EventRef {
  name: string;
  namespace: string;
  kind?: string;
  uid?: string;
}

/**
 * searchEvents: the events whose involvedObject has the reference's name and namespace, and its
 * kind and uid where the reference has one. For a cluster-scoped object the simulator records
 * the involved object's namespace as `default`; that counts as the empty namespace.
 */
function searchEvents(events: readonly Event[], ref: EventRef, clusterScoped = false): Event[] {
  return events.filter((e) => {
    const o = e.involvedObject ?? {};
    const ns = o.namespace ?? '';
    if ((o.name ?? '') !== ref.name) return false;
    if (ns !== ref.namespace && !(clusterScoped && ns === 'default')) return false;
    if (ref.kind && o.kind !== ref.kind) return false;
    if (ref.uid && o.uid !== ref.uid) return false;
    return true;
  });
}

const objectRef = (kind: string, meta: ObjectMeta | undefined): EventRef => ({
  name: meta?.name ?? '',
  namespace: meta?.namespace ?? '',
  kind,
  uid: meta?.uid || undefined,
});

/**
 * DescribeEvents: `Events:  <none>`, or (after a tabwriter flush) a Type/Reason/Age/From/Message
 * table sorted by lastTimestamp (SortableEvents), with `3m (x5 over 10m)` for repeated events.
 */
function describeEvents(events: readonly Event[], w: PrefixWriter, now: Now): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const last = (e: Event) => toMillis(e.lastTimestamp) ?? ZERO_TIME;
  const sorted = [...events].sort((a, b) => last(a) - last(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    let first = translateTimestampSince(e.eventTime, now);
    if (toMillis(e.eventTime) === undefined) first = translateTimestampSince(e.firstTimestamp, now);
    let interval: string;
    if (e.series) {
      interval = `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    } else if ((e.count ?? 0) > 1) {
      interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    } else {
      interval = first;
    }
    const source = e.source?.component || e.reportingComponent || '';
    // kubectl 1.34 prints the message alone, without the involved object's fieldPath.
    const message = (e.message ?? '').trim();
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`);
  }
}

// ---- labels, annotations, taints, tolerations -----------------------------------------------

/** printLabelsMultilineWithIndent: the first `key=value` after the title, the rest under it. */
function printLabelsMultilineWithIndent(
  w: PrefixWriter,
  initialIndent: string,
  title: string,
  innerIndent: string,
  labels: Record<string, string> | undefined | null,
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

const printLabelsMultiline = (w: PrefixWriter, title: string, labels: Record<string, string> | undefined | null) =>
  printLabelsMultilineWithIndent(w, '', title, '\t', labels);

/** corev1.LastAppliedConfigAnnotation: describe never shows it. */
const skipAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const maxAnnotationLen = 140;

/** printAnnotationsMultiline: `key: value`, long or multi-line values on their own lines, cut at 140 bytes. */
function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined | null,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => !skipAnnotations.has(k));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const v = annotations![key].replace(/\n$/, '');
    if (byteLength(v) + byteLength(key) + 2 > maxAnnotationLen || v.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of v.split('\n')) {
        const short = byteLength(s) > maxAnnotationLen - 2 ? `${byteSlice(s, maxAnnotationLen - 2)}...` : s;
        w.write(LEVEL_0, `${indent}  ${short}\n`);
      }
    } else {
      w.write(LEVEL_0, `${key}: ${v}\n`);
    }
  });
}

/** Taint.ToString: `key=value:Effect`, `key:Effect` without a value. */
const taintString = (t: Taint): string => (t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`);

/** printTaintsMultilineWithIndent: sorted by `effect,key`. */
function printNodeTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const key = (t: Taint) => `${t.effect ?? ''},${t.key ?? ''}`;
  [...taints]
    .sort((a, b) => byString(key(a), key(b)))
    .forEach((t, i) => {
      if (i !== 0) {
        w.write(LEVEL_0, '');
        w.write(LEVEL_0, '\t');
      }
      w.write(LEVEL_0, `${taintString(t)}\n`);
    });
}

/** printTolerationsMultilineWithIndent: sorted by key; `op=Exists` for value-less Exists, `for Ns` with tolerationSeconds. */
function printPodTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  [...tolerations]
    .sort((a, b) => byString(a.key ?? '', b.key ?? ''))
    .forEach((t, i) => {
      if (i !== 0) {
        w.write(LEVEL_0, '');
        w.write(LEVEL_0, '\t');
      }
      w.write(LEVEL_0, t.key ?? '');
      if (t.value) w.write(LEVEL_0, `=${t.value}`);
      if (t.effect) w.write(LEVEL_0, `:${t.effect}`);
      if (t.operator === 'Exists' && !t.value) {
        w.write(LEVEL_0, t.key || t.effect ? ' op=Exists' : 'op=Exists');
      }
      if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) {
        w.write(LEVEL_0, ` for ${t.tolerationSeconds}s`);
      }
      w.write(LEVEL_0, '\n');
    });
}

/** describeTopologySpreadConstraints: `key:WhenUnsatisfiable when max skew N is exceeded[ for selector S]`, sorted by key. */
function describeTopologySpreadConstraints(
  tscs: readonly TopologySpreadConstraint[] | undefined,
  w: PrefixWriter,
  space: string,
): void {
  if (!tscs || tscs.length === 0) return;
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  [...tscs]
    .sort((a, b) => byString(a.topologyKey, b.topologyKey))
    .forEach((tsc, i) => {
      if (i !== 0) {
        w.write(LEVEL_0, space);
        w.write(LEVEL_0, '\t');
      }
      w.write(LEVEL_0, `${tsc.topologyKey}:`);
      w.write(LEVEL_0, tsc.whenUnsatisfiable);
      w.write(LEVEL_0, ` when max skew ${tsc.maxSkew} is exceeded`);
      if (tsc.labelSelector) w.write(LEVEL_0, ` for selector ${formatLabelSelector(tsc.labelSelector)}`);
      w.write(LEVEL_0, '\n');
    });
}

// ---- containers -----------------------------------------------------------------------------

/** describeResources: Limits then Requests, resource names sorted. */
function describeResources(resources: ResourceRequirements | undefined | null, w: PrefixWriter, level: number): void {
  if (!resources) return;
  const limits = resources.limits ?? {};
  if (Object.keys(limits).length > 0) w.write(level, 'Limits:\n');
  for (const name of sortedKeys(limits)) w.write(level + 1, `${name}:\t${quantityText(limits[name])}\n`);
  const requests = resources.requests ?? {};
  if (Object.keys(requests).length > 0) w.write(level, 'Requests:\n');
  for (const name of sortedKeys(requests)) w.write(level + 1, `${name}:\t${quantityText(requests[name])}\n`);
}

const portName = (p: ContainerPort, port: number | undefined) => {
  const s = `${port ?? 0}/${p.protocol ?? ''}`;
  return p.name ? `${s} (${p.name})` : s;
};

/** describeContainerPorts / describeContainerHostPorts. */
const describeContainerPorts = (ports: readonly ContainerPort[] | undefined) =>
  (ports ?? []).map((p) => portName(p, p.containerPort)).join(', ');
const describeContainerHostPorts = (ports: readonly ContainerPort[] | undefined) =>
  (ports ?? []).map((p) => portName(p, p.hostPort)).join(', ');

function describeContainerBasicInfo(
  container: Container,
  status: ContainerStatus | undefined,
  space: string,
  w: PrefixWriter,
): void {
  const nameIndent = space ? ' ' : '';
  w.write(LEVEL_1, `${nameIndent}${container.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${container.image ?? ''}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
  const ports = describeContainerPorts(container.ports);
  if (ports.includes(',')) w.write(LEVEL_2, `Ports:\t${ports}\n`);
  else w.write(LEVEL_2, `Port:\t${stringOrNone(ports)}\n`);
  const hostPorts = describeContainerHostPorts(container.ports);
  if (hostPorts.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
  else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hostPorts)}\n`);
  const seccomp = container.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
}

function describeContainerCommand(container: Container, w: PrefixWriter): void {
  if ((container.command ?? []).length > 0) {
    w.write(LEVEL_2, 'Command:\n');
    for (const c of container.command!) for (const s of c.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
  if ((container.args ?? []).length > 0) {
    w.write(LEVEL_2, 'Args:\n');
    for (const a of container.args!) for (const s of a.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
}

/** describeStatus: Running with Started, Waiting with Reason, Terminated with Reason/Message/Exit Code/Signal/Started/Finished. */
function describeStatus(stateName: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${formatTime(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${formatTime(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${formatTime(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

/** describeContainerState: State, Last State (when the last termination is known), Ready, Restart Count. */
function describeContainerState(status: ContainerStatus, w: PrefixWriter): void {
  describeStatus('State', status.state, w);
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

/** net.JoinHostPort. */
const joinHostPort = (host: string, port: string) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(probe: Probe): string {
  const attrs =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s ` +
    `#success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const g = probe.httpGet;
    const scheme = (g.scheme ?? '').toLowerCase();
    const port = intOrString(g.port);
    const host = port ? joinHostPort(g.host ?? '', port) : (g.host ?? '');
    let path = g.path ?? '';
    if (path && !path.startsWith('/') && host) path = `/${path}`;
    const url = `${scheme ? `${scheme}:` : ''}${scheme || host ? `//${host}` : ''}${path}`;
    return `http-get ${url} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${intOrString(probe.tcpSocket.port)} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeContainerProbe(container: Container, w: PrefixWriter): void {
  if (container.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`);
  if (container.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`);
  if (container.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(container.startupProbe)}\n`);
}

type EnvResolver = ((e: EnvVar) => string) | undefined;

/** fieldpath.FormatMap: `key="value"` lines, keys sorted. */
const formatMap = (m: Record<string, string> | undefined) =>
  sortedKeys(m)
    .map((k) => `${k}=${goQuote(m![k])}`)
    .join('\n');

/**
 * EnvValueRetriever: a fieldRef's value as kubectl's fieldpath.ExtractFieldPathAsString finds it
 * (metadata only: name, namespace, uid, labels, annotations); other paths resolve to nothing.
 */
function envValueRetriever(pod: Pod): EnvResolver {
  return (e) => {
    const ref = e.valueFrom?.fieldRef;
    if (!ref || (ref.apiVersion ?? 'v1') !== 'v1') return '';
    const meta = pod.metadata;
    const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(ref.fieldPath);
    if (sub) return (sub[1] === 'metadata.labels' ? meta?.labels : meta?.annotations)?.[sub[2]] ?? '';
    switch (ref.fieldPath) {
      case 'metadata.annotations':
        return formatMap(meta?.annotations);
      case 'metadata.labels':
        return formatMap(meta?.labels);
      case 'metadata.name':
        return meta?.name ?? '';
      case 'metadata.namespace':
        return meta?.namespace ?? '';
      case 'metadata.uid':
        return meta?.uid ?? '';
    }
    return '';
  };
}

/** resourcehelper.ExtractContainerResourceValue: the value in units of the divisor, rounded up. */
function containerResourceValue(resource: string, divisor: string | number | undefined, c: Container): string {
  let div = toQty(divisor);
  if (!div || div.num === 0n) div = toQty('1')!;
  const [kind, name] = resource.split(/\.(.*)/s);
  if (kind !== 'limits' && kind !== 'requests') return '';
  const list = kind === 'limits' ? c.resources?.limits : c.resources?.requests;
  const q = toQty(list?.[name]) ?? ZERO_QTY;
  if (name === 'cpu') return String(Math.ceil(milliValue(q) / milliValue(div)));
  if (name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-'))
    return String(Math.ceil(value(q) / value(div)));
  return '';
}

function describeContainerEnvVars(container: Container, resolve: EnvResolver, w: PrefixWriter): void {
  const env = container.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      (e.value ?? '').split('\n').forEach((s, i) => {
        if (i === 0) w.write(LEVEL_3, `${e.name}:\t${s}\n`);
        else w.write(LEVEL_3, `\t${s}\n`);
      });
      continue;
    }
    const from = e.valueFrom;
    if (from.fieldRef) {
      const v = resolve ? resolve(e) : '';
      w.write(LEVEL_3, `${e.name}:\t${v} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource;
      let v = containerResourceValue(resource, from.resourceFieldRef.divisor, container);
      if (v === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) v = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${v} (${resource})\n`);
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${goBool(r.optional)}\n`,
      );
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${goBool(r.optional)}\n`,
      );
    }
  }
}

function describeContainerEnvFrom(container: Container, w: PrefixWriter): void {
  const envFrom = container.envFrom ?? [];
  w.write(LEVEL_2, `Environment Variables from:${envFrom.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of envFrom) {
    let from = '';
    let name = '';
    let optional = false;
    if (e.configMapRef) {
      from = 'ConfigMap';
      name = e.configMapRef.name ?? '';
      optional = e.configMapRef.optional === true;
    } else if (e.secretRef) {
      from = 'Secret';
      name = e.secretRef.name ?? '';
      optional = e.secretRef.optional === true;
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${goBool(optional)}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${goBool(optional)}\n`);
  }
}

/** describeContainerVolumes: mounts sorted by path, `(ro)`/`(rw)` and `path="sub"`; devices when present. */
function describeContainerVolumes(container: Container, w: PrefixWriter): void {
  const mounts = container.volumeMounts ?? [];
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of [...mounts].sort((a, b) => byString(a.mountPath, b.mountPath))) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${goQuote(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = container.volumeDevices ?? [];
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of [...devices].sort((a, b) => byString(a.devicePath, b.devicePath))) {
      w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
    }
  }
}

/** describeContainers: the label (` <none>` when empty), then each container with its status when there is one. */
function describeContainers(
  label: string,
  containers: readonly Container[] | undefined,
  statuses: readonly ContainerStatus[] | undefined,
  resolve: EnvResolver,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map<string, ContainerStatus>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  const list = containers ?? [];
  w.write(LEVEL_0, `${space}${label}:${list.length === 0 ? ' <none>' : ''}\n`);
  for (const c of list) {
    const status = byName.get(c.name);
    describeContainerBasicInfo(c, status, space, w);
    describeContainerCommand(c, w);
    if (status) describeContainerState(status, w);
    describeResources(c.resources ?? {}, w, LEVEL_2);
    describeContainerProbe(c, w);
    if ((c.envFrom ?? []).length > 0) describeContainerEnvFrom(c, w);
    describeContainerEnvVars(c, resolve, w);
    describeContainerVolumes(c, w);
  }
}

// ---- volumes --------------------------------------------------------------------------------

/** spec.volumes[].image (ImageVolume, 1.31+; newer than kubernetes-types). */
const imageSource = (v: Volume) => (v as { image?: { reference?: string; pullPolicy?: string } }).image;

/** describeVolumes, with the sources a tutorial cluster uses; any other source prints upstream's `<unknown>`. */
function describeVolumes(volumes: readonly Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    if (v.hostPath) {
      w.write(
        LEVEL_2,
        'Type:\tHostPath (bare host directory volume)\n' +
          `    Path:\t${v.hostPath.path}\n` +
          `    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`,
      );
    } else if (v.emptyDir) {
      const limit = toQty(v.emptyDir.sizeLimit);
      const sizeLimit = limit && limit.num > 0n ? qtyString(limit) : '<unset>';
      w.write(
        LEVEL_2,
        "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n" +
          `    Medium:\t${v.emptyDir.medium ?? ''}\n` +
          `    SizeLimit:\t${sizeLimit}\n`,
      );
    } else if (v.gitRepo) {
      w.write(
        LEVEL_2,
        'Type:\tGitRepo (a volume that is pulled from git when the pod is created)\n' +
          `    Repository:\t${v.gitRepo.repository}\n` +
          `    Revision:\t${v.gitRepo.revision ?? ''}\n`,
      );
    } else if (v.secret) {
      w.write(
        LEVEL_2,
        'Type:\tSecret (a volume populated by a Secret)\n' +
          `    SecretName:\t${v.secret.secretName ?? ''}\n` +
          `    Optional:\t${goBool(v.secret.optional)}\n`,
      );
    } else if (v.configMap) {
      w.write(
        LEVEL_2,
        'Type:\tConfigMap (a volume populated by a ConfigMap)\n' +
          `    Name:\t${v.configMap.name ?? ''}\n` +
          `    Optional:\t${goBool(v.configMap.optional)}\n`,
      );
    } else if (v.nfs) {
      w.write(
        LEVEL_2,
        'Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n' +
          `    Server:\t${v.nfs.server}\n` +
          `    Path:\t${v.nfs.path}\n` +
          `    ReadOnly:\t${goBool(v.nfs.readOnly)}\n`,
      );
    } else if (v.persistentVolumeClaim) {
      w.write(
        LEVEL_2,
        'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n' +
          `    ClaimName:\t${v.persistentVolumeClaim.claimName}\n` +
          `    ReadOnly:\t${goBool(v.persistentVolumeClaim.readOnly)}\n`,
      );
    } else if (v.downwardAPI) {
      w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const item of v.downwardAPI.items ?? []) {
        if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
        if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
      }
    } else if (v.projected) {
      w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of v.projected.sources ?? []) {
        if (s.secret) {
          w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n    Optional:\t${goBool(s.secret.optional)}\n`);
        } else if (s.downwardAPI) {
          w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
        } else if (s.configMap) {
          w.write(
            LEVEL_2,
            `ConfigMapName:\t${s.configMap.name ?? ''}\n    Optional:\t${goBool(s.configMap.optional)}\n`,
          );
        } else if (s.serviceAccountToken) {
          // defaulted to 3600 by the API server
          w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`);
        }
      }
    } else if (v.csi) {
      w.write(
        LEVEL_2,
        'Type:\tCSI (a Container Storage Interface (CSI) volume source)\n' +
          `    Driver:\t${v.csi.driver}\n` +
          `    FSType:\t${v.csi.fsType ?? ''}\n` +
          `    ReadOnly:\t${goBool(v.csi.readOnly)}\n`,
      );
      // printCSIPersistentVolumeAttributesMultilineIndent, indentation quirks included
      const attrs = v.csi.volumeAttributes ?? {};
      w.write(LEVEL_2, 'VolumeAttributes:\t');
      const keys = sortedKeys(attrs);
      if (keys.length === 0) w.writeLine('<none>');
      keys.forEach((k, i) => {
        if (i !== 0) {
          w.write(LEVEL_2, '');
          w.write(LEVEL_2, '\t');
        }
        const line = `${k}=${attrs[k]}`;
        w.write(
          LEVEL_2,
          byteLength(line) > maxAnnotationLen ? `${byteSlice(line, maxAnnotationLen)}...\n` : `${line}\n`,
        );
      });
    } else if (imageSource(v)) {
      const image = imageSource(v)!;
      w.write(
        LEVEL_2,
        'Type:\tImage (a container image or OCI artifact)\n' +
          `    Reference:\t${image.reference ?? ''}\n` +
          `    PullPolicy:\t${image.pullPolicy ?? ''}\n`,
      );
    } else {
      w.write(LEVEL_1, '<unknown>\n');
    }
  }
}

// ---- Pod ------------------------------------------------------------------------------------

/** qos.GetPodQOS: the status' class, computed from the spec when the status has none. */
const podQOS = (pod: Pod): string => pod.status?.qosClass || podQOSClass(pod.spec ?? { containers: [] });

/**
 * describePod: `kubectl describe pod`. Events are those whose involvedObject has the pod's name,
 * namespace and uid (PodDescriber drops the kind from the reference).
 */
export function describePod(pod: Pod, events: readonly Event[] | null | undefined, now: Now): string {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const meta = pod.metadata ?? {};
  let podEvents: Event[] | undefined;
  if (events) {
    const mirrorUID = meta.annotations?.['kubernetes.io/config.mirror'];
    podEvents = searchEvents(events, { ...objectRef('', meta), uid: mirrorUID ?? (meta.uid || undefined) });
  }
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    if (!spec.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n');
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatTime(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    const ips = status.podIPs ?? [];
    if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
    else {
      w.write(LEVEL_0, 'IPs:\n');
      for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip ?? ''}\n`);
    }
    const controlledBy = printController(meta);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    const podLevel = podLevelOf(pod);
    if (podLevel) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(podLevel, w, LEVEL_1);
    }
    const resolve = envValueRetriever(pod);
    if ((spec.initContainers ?? []).length > 0) {
      describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, resolve, w, '');
    }
    describeContainers('Containers', spec.containers, status.containerStatuses, resolve, w, '');
    if ((spec.ephemeralContainers ?? []).length > 0) {
      describeContainers(
        'Ephemeral Containers',
        spec.ephemeralContainers as Container[],
        status.ephemeralContainerStatuses,
        resolve,
        w,
        '',
      );
    }
    if ((spec.readinessGates ?? []).length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates!) {
        const c = (status.conditions ?? []).find((c) => c.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printPodTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    if (podEvents) describeEvents(podEvents, w, now);
  });
}

/**
 * DescribePodTemplate: the template of a DaemonSet, Job or CronJob, indented under `Pod Template:`.
 * Their templates are struct values upstream (never nil), so a missing one describes as empty.
 */
function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  template ??= {};
  const spec = template.spec ?? { containers: [] };
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  }
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  }
  describeContainers('Containers', spec.containers, undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printPodTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}

// ---- Node -----------------------------------------------------------------------------------

/** The kubelet renews its node Lease every 10s (a quarter of the 40s lease duration). */
const LEASE_RENEW_INTERVAL_MS = 10_000;

/**
 * The kube-node-lease Lease the simulator's kubelet would hold: the node's name as holder, no
 * acquire time (the kubelet's lease controller never sets one), renewed on the 10s tick while
 * the kubelet posts status; once the node is Unknown, last renewed at its last heartbeat.
 */
export function kubeletLease(node: Node, now: Now): Lease {
  const name = node.metadata?.name ?? '';
  const t = toMillis(now)!;
  const ready = [...(node.status?.conditions ?? [])].reverse().find((c) => c.type === 'Ready');
  let renew: number | undefined;
  if (ready?.status === 'Unknown') renew = toMillis(ready.lastHeartbeatTime);
  else {
    const created = toMillis(node.metadata?.creationTimestamp) ?? t;
    renew = t - (Math.max(0, t - created) % LEASE_RENEW_INTERVAL_MS);
  }
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name, namespace: 'kube-node-lease' },
    spec: {
      holderIdentity: name,
      leaseDurationSeconds: 40,
      ...(renew !== undefined ? { renewTime: new Date(renew).toISOString().replace('Z', '000Z') } : {}),
    },
  };
}

function describeNodeLease(lease: Lease | null, nodeName: string, w: PrefixWriter): void {
  if (!lease) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io ${goQuote(nodeName)} not found\n`);
    return;
  }
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? formatTime(lease.spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? formatTime(lease.spec.renewTime) : '<unset>'}\n`);
}

/** Namespace then name: the order the API server lists pods in (etcd key order). */
const byNamespaceName = (a: Pod, b: Pod) =>
  byString(a.metadata?.namespace ?? '', b.metadata?.namespace ?? '') ||
  byString(a.metadata?.name ?? '', b.metadata?.name ?? '');

/** describeNodeResource: the Non-terminated Pods table and the Allocated resources totals. */
function describeNodeResource(pods: readonly Pod[], node: Node, w: PrefixWriter, now: Now): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = toList(
    Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity,
  );
  const allocCPU = milliValue(allocatable.get('cpu'));
  const allocMem = value(allocatable.get('memory'));
  for (const pod of pods) {
    const req = podResources(pod, 'requests');
    const lim = podResources(pod, 'limits');
    const [cpuReq, cpuLim, memReq, memLim] = [req.get('cpu'), lim.get('cpu'), req.get('memory'), lim.get('memory')];
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t` +
        `${qtyString(cpuReq)} (${percent(milliValue(cpuReq), allocCPU)}%)\t` +
        `${qtyString(cpuLim)} (${percent(milliValue(cpuLim), allocCPU)}%)\t` +
        `${qtyString(memReq)} (${percent(value(memReq), allocMem)}%)\t` +
        `${qtyString(memLim)} (${percent(value(memLim), allocMem)}%)\t` +
        `${translateTimestampSince(pod.metadata?.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const reqs: QtyList = new Map();
  const limits: QtyList = new Map();
  for (const pod of pods) {
    addList(reqs, podResources(pod, 'requests'));
    addList(limits, podResources(pod, 'limits'));
  }
  const row = (name: string, byValue: (q: Qty | undefined) => number) => {
    const alloc = byValue(allocatable.get(name));
    const r = reqs.get(name);
    const l = limits.get(name);
    const pr = alloc !== 0 ? percent(byValue(r), alloc) : '0';
    const pl = alloc !== 0 ? percent(byValue(l), alloc) : '0';
    w.write(LEVEL_1, `${name}\t${qtyString(r)} (${pr}%)\t${qtyString(l)} (${pl}%)\n`);
  };
  row('cpu', milliValue);
  row('memory', value);
  row('ephemeral-storage', value);
  const names = [...allocatable.keys()].sort(byString);
  const standard = ['cpu', 'memory', 'ephemeral-storage'];
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) row(name, value);
  for (const name of names.filter((n) => !standard.includes(n) && !n.startsWith('hugepages-') && n !== 'pods')) {
    w.write(LEVEL_1, `${name}\t${qtyString(reqs.get(name))}\t${qtyString(limits.get(name))}\n`);
  }
}

/**
 * describeNode: `kubectl describe node`. `podsOnNode` are the pods bound to the node; the
 * Succeeded and Failed ones are left out, as NodeDescriber's field selector leaves them out.
 * Events are the node's by uid and by name (the kubelet uses the name as the uid).
 */
export function describeNode(
  node: Node,
  podsOnNode: readonly Pod[],
  events: readonly Event[] | null | undefined,
  now: Now,
  lease?: Lease | null,
): string {
  const meta = node.metadata ?? {};
  const name = meta.name ?? '';
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  const nonTerminated = podsOnNode
    .filter((p) => (p.spec?.nodeName ?? '') === name)
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort(byNamespaceName);
  let nodeEvents: Event[] | undefined;
  if (events) {
    const ref = objectRef('Node', { ...meta, namespace: '' });
    nodeEvents = [...searchEvents(events, ref, true), ...searchEvents(events, { ...ref, uid: name }, true)];
  }
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    const roles = findNodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(meta.creationTimestamp)}\n`);
    printNodeTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${goBool(spec.unschedulable)}\n`);
    describeNodeLease(lease === undefined ? kubeletLease(node, now) : lease, name, w);
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${formatTime(c.lastHeartbeatTime)} \t${formatTime(c.lastTransitionTime)} \t` +
            `${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printResourceList = (list: Record<string, string | number>) => {
      for (const r of sortedKeys(list)) w.write(LEVEL_0, `  ${r}:\t${quantityText(list[r])}\n`);
    };
    if (Object.keys(status.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResourceList(status.capacity!);
    }
    if (Object.keys(status.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResourceList(status.allocatable!);
    }
    const info = status.nodeInfo;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    // Deprecated and empty on a 1.34 kubelet, but describe still prints the line.
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs!.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResource(nonTerminated, node, w, now);
    if (nodeEvents) describeEvents(nodeEvents, w, now);
  });
}

// ---- DaemonSet, Job, CronJob ----------------------------------------------------------------

/** getPodStatusForController: phases of the pods the selector matches and the object controls. */
function podStatusForController(
  pods: readonly Pod[],
  namespace: string,
  matches: (labels: Record<string, string> | undefined) => boolean,
  uid: string | undefined,
): { running: number; waiting: number; succeeded: number; failed: number } {
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of pods) {
    if ((pod.metadata?.namespace ?? '') !== namespace || !matches(pod.metadata?.labels)) continue;
    const ref = controllerOf(pod.metadata);
    if (!ref || ref.uid !== uid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

/** describeDaemonSet: `kubectl describe daemonset`, with `Pods Status` counted from `pods`. */
export function describeDaemonSet(
  ds: DaemonSet,
  pods: readonly Pod[],
  events: readonly Event[] | null | undefined,
  now: Now,
): string {
  const meta = ds.metadata ?? {};
  const selector = labelSelectorAsSelector(ds.spec?.selector);
  const s = ds.status;
  const c = podStatusForController(pods, meta.namespace ?? '', (l) => selector.matches(l), meta.uid);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selector.toString()}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}\n`);
    w.write(
      LEVEL_0,
      `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`,
    );
    describePodTemplate(ds.spec?.template, w);
    if (events) describeEvents(searchEvents(events, objectRef('DaemonSet', meta)), w, now);
  });
}

/** capIndexesListOrNone: the completed-indexes list cut after the first comma past 50 characters. */
function capIndexesListOrNone(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  if (ix >= indexes.length) return indexes;
  return `${indexes.slice(0, ix + 1)}...`;
}

/** `Selector:` of a Job and a CronJob's job template: the selector, or why it does not parse. */
function selectorLine(selector: Parameters<typeof labelSelectorAsSelector>[0]): string {
  try {
    return `Selector:\t${labelSelectorAsSelector(selector).toString()}\n`;
  } catch (e) {
    return `Selector:\tFailed to get selector: ${(e as Error).message}\n`;
  }
}

/**
 * describeJob: `kubectl describe job`. Upstream reads the pod counts from the Job's status, not
 * from its pods, so `_pods` only keeps the describers' calling convention.
 */
export function describeJob(
  job: Job,
  _pods: readonly Pod[],
  events: readonly Event[] | null | undefined,
  now: Now,
): string {
  const meta = job.metadata ?? {};
  const spec = job.spec ?? { template: {} };
  const status = job.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, selectorLine(spec.selector));
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    const controlledBy = printController(meta);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (spec.parallelism !== undefined && spec.parallelism !== null)
      w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    if (spec.completions !== undefined && spec.completions !== null)
      w.write(LEVEL_0, `Completions:\t${spec.completions}\n`);
    else w.write(LEVEL_0, 'Completions:\t<unset>\n');
    if (spec.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec.suspend !== undefined && spec.suspend !== null) w.write(LEVEL_0, `Suspend:\t${goBool(spec.suspend)}\n`);
    if (spec.backoffLimit !== undefined && spec.backoffLimit !== null)
      w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (spec.ttlSecondsAfterFinished !== undefined && spec.ttlSecondsAfterFinished !== null)
      w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    const start = toMillis(status.startTime);
    const completion = toMillis(status.completionTime);
    if (start !== undefined) w.write(LEVEL_0, `Start Time:\t${formatTime(start)}\n`);
    if (completion !== undefined) w.write(LEVEL_0, `Completed At:\t${formatTime(completion)}\n`);
    if (start !== undefined && completion !== undefined)
      w.write(LEVEL_0, `Duration:\t${humanDuration(completion - start)}\n`);
    if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null)
      w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    const [active, succeeded, failed] = [status.active ?? 0, status.succeeded ?? 0, status.failed ?? 0];
    if (status.ready === undefined || status.ready === null) {
      w.write(LEVEL_0, `Pods Statuses:\t${active} Active / ${succeeded} Succeeded / ${failed} Failed\n`);
    } else {
      w.write(
        LEVEL_0,
        `Pods Statuses:\t${active} Active (${status.ready} Ready) / ${succeeded} Succeeded / ${failed} Failed\n`,
      );
    }
    if (spec.completionMode === 'Indexed') {
      w.write(LEVEL_0, `Completed Indexes:\t${capIndexesListOrNone(status.completedIndexes, 50)}\n`);
    }
    describePodTemplate(spec.template, w);
    if (events) describeEvents(searchEvents(events, objectRef('Job', meta)), w, now);
  });
}

/** describeJobTemplate: the job template's selector, parallelism, completions and pod template. */
function describeJobTemplate(template: JobTemplateSpec | undefined, w: PrefixWriter): void {
  const spec = template?.spec;
  if (spec?.selector) w.write(LEVEL_0, selectorLine(spec.selector));
  else w.write(LEVEL_0, 'Selector:\t<unset>\n');
  if (spec?.parallelism !== undefined && spec?.parallelism !== null)
    w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
  else w.write(LEVEL_0, 'Parallelism:\t<unset>\n');
  if (spec?.completions !== undefined && spec?.completions !== null)
    w.write(LEVEL_0, `Completions:\t${spec.completions}\n`);
  else w.write(LEVEL_0, 'Completions:\t<unset>\n');
  if (spec?.activeDeadlineSeconds !== undefined && spec?.activeDeadlineSeconds !== null)
    w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(spec?.template, w);
}

/** describeCronJob: `kubectl describe cronjob`; Active Jobs come from status.active. */
export function describeCronJob(cj: CronJob, events: readonly Event[] | null | undefined, now: Now): string {
  const meta = cj.metadata ?? {};
  const spec = cj.spec;
  const unset = (v: number | undefined | null, suffix = '') =>
    v !== undefined && v !== null ? `${v}${suffix}` : '<unset>';
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec?.suspend)}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${unset(spec?.successfulJobsHistoryLimit)}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${unset(spec?.failedJobsHistoryLimit)}\n`);
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${unset(spec?.startingDeadlineSeconds, 's')}\n`);
    describeJobTemplate(spec?.jobTemplate, w);
    const last = cj.status?.lastScheduleTime;
    w.write(LEVEL_0, `Last Schedule Time:\t${last ? formatTime(last) : '<unset>'}\n`);
    // printActiveJobs
    w.write(LEVEL_0, 'Active Jobs:\t');
    const active = cj.status?.active ?? [];
    if (active.length === 0) w.writeLine('<none>');
    else {
      active.forEach((j, i) => {
        if (i !== 0) w.write(LEVEL_0, ', ');
        w.write(LEVEL_0, j.name ?? '');
      });
      w.writeLine('');
    }
    if (events) describeEvents(searchEvents(events, objectRef('CronJob', meta)), w, now);
  });
}

// ---- Namespace and the generic describer ------------------------------------------------------

/**
 * describeNamespace: name, labels, annotations, phase, conditions, and the quota and limit-range
 * sections (the simulated API server serves neither kind, so both lists are empty).
 */
export function describeNamespace(ns: Namespace): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type}\t${c.status}\t${formatTime(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No resource quota.\n');
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No LimitRange resource.\n');
  });
}

/** fatih/camelcase Split: runs of lower, upper, digit and other characters; `PDFLoader` → `PDF`, `Loader`. */
function camelcaseSplit(src: string): string[] {
  const classOf = (ch: string) => (/\p{Ll}/u.test(ch) ? 1 : /\p{Lu}/u.test(ch) ? 2 : /\p{Nd}/u.test(ch) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const ch of src) {
    const c = classOf(ch);
    if (c === last) runs[runs.length - 1].push(ch);
    else runs.push([ch]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (/\p{Lu}/u.test(runs[i][0]) && /\p{Ll}/u.test(runs[i + 1][0])) {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor: `apiVersion` → `API Version`, `ownerReferences` → `Owner References`; fields with other characters than letters and `-` stay. */
function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const acronyms = ['API', 'URL', 'UID', 'GUID'];
  const parts = camelcaseSplit(field);
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i < parts.length - 1) {
      const next = parts[i + 1];
      const allUpper = [...part].every((r) => !/\p{L}/u.test(r) || /\p{Lu}/u.test(r));
      if (part.length >= 2 && allUpper && next.length > 0 && /^[A-Z]/.test(next)) {
        merged.push(part + next);
        i++;
        continue;
      }
    }
    merged.push(part);
  }
  return merged
    .filter((p) => p !== '_')
    .map((p) => {
      if (acronyms.includes(p.toUpperCase())) return p.toUpperCase();
      if (p.toLowerCase() === p) return p.charAt(0).toUpperCase() + p.slice(1);
      return p;
    })
    .join(' ');
}

/** Go's `%v` of a float64: shortest digits, exponent form below 1e-4 and from 1e6 on (strconv 'g' with precision -1). */
function goFloat(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  const [mant, expStr] = n.toExponential().split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  return String(n);
}

/** Go's `%v` of a value decoded from JSON into interface{} (int64 for whole numbers, as unstructured decodes them). */
function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'boolean') return goBool(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${sortedKeys(o)
      .map((k) => `${k}:${goV(o[k])}`)
      .join(' ')}]`;
  }
  return String(v);
}

/** printUnstructuredContent: every field, sorted, nested maps and lists indented, `skip` paths left out. */
function printUnstructuredContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  skipPrefix: string,
  skip: string[],
): void {
  for (const field of sortedKeys(content)) {
    const v = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (skip.includes(skipExpr)) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, v as Record<string, unknown>, skipExpr, skip);
    } else if (Array.isArray(v)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of v) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
          printUnstructuredContent(w, level + 1, child as Record<string, unknown>, skipExpr, skip);
        } else {
          w.write(level + 1, `${goV(child)}\n`);
        }
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goV(v)}\n`);
    }
  }
}

/** genericDescriber: what `kubectl describe` prints for a kind without its own describer (ControllerRevision, Event). */
export function describeGeneric(obj: object, events: readonly Event[] | null | undefined, now: Now): string {
  const o = obj as { kind?: string; metadata?: ObjectMeta } & Record<string, unknown>;
  const meta = o.metadata ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    printUnstructuredContent(w, LEVEL_0, o, '', [
      '.metadata.managedFields',
      '.metadata.name',
      '.metadata.namespace',
      '.metadata.labels',
      '.metadata.annotations',
    ]);
    if (events) describeEvents(searchEvents(events, objectRef(o.kind ?? '', meta)), w, now);
  });
}

// ---- dispatcher -----------------------------------------------------------------------------

/**
 * DescriberFor, by kind: the describer kubectl picks for `kubectl describe <kind> <name>`, fed
 * with what the caller gathered. Kinds without a describer of their own go to the generic one.
 */
export function describeObject(kind: string, obj: object, related: Related, now: Now): string {
  const events = related.events;
  switch (kind) {
    case 'Pod':
      return describePod(obj as Pod, events, now);
    case 'Node':
      return describeNode(obj as Node, related.pods ?? [], events, now, related.lease);
    case 'DaemonSet':
      return describeDaemonSet(obj as DaemonSet, related.pods ?? [], events, now);
    case 'Job':
      return describeJob(obj as Job, related.pods ?? [], events, now);
    case 'CronJob':
      return describeCronJob(obj as CronJob, events, now);
    case 'Namespace':
      return describeNamespace(obj as Namespace);
    case 'ControllerRevision':
    case 'Event':
      return describeGeneric(obj, events, now);
    default:
      throw new Error(`no description has been implemented for ${kind}`);
  }
}

/**
 * The pod template as `kubectl rollout history --revision=N` prints it: DescribePodTemplate
 * written to a plain buffer through a PrefixWriter, so the tabs stay as tabs (no tabwriter).
 */
export function podTemplateText(template: PodTemplateSpec | undefined): string {
  const w = new PrefixWriter();
  describePodTemplate(template, w);
  return w.raw();
}
