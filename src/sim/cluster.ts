/**
 * The simulated cluster behind the public contract (DESIGN.md, "The engine's public face"): an API
 * server (parse → strict decode → admission → storage), the default scheduler, one kubelet per
 * node, the node lifecycle controller with taint-based eviction, pod GC and the garbage collector,
 * all driven by one simulated clock whose timers are data, so a snapshot is plain JSON.
 */
import { rfc3339 as iso } from './time';
import { clone } from './clone';
import type { Container, Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { SimClock, type ClockState, type Timer } from './clock';
import { Rng } from './rng';
import { Store, type StoreState, type WatchEvent } from './store/store';
import { Recorder, type EventRecord, type InvolvedObject } from './events/recorder';
import { kindInfo, qualifiedResource, resolveKind, type KindName } from './kinds';
import { parseYamlDocuments } from './apiserver/yaml';
import { admit } from './apiserver/admission';
import { invalidMessage } from './apiserver/status-error';
import { checkTypeMeta, decodeStrict, kubectlDecodeErrorLine } from './apiserver/schema/decode';
import { memoByString } from './memo';
import { lastApplied, sortedJson } from './sorted-json';
import { fieldErrorMessage } from './apiserver/field';
import { parseSelector } from './labels/selector';
import {
  addToNodeInfo,
  emptyNodeInfo,
  ErrReasonConflict,
  fitErrorMessage,
  podSchedulingState,
  rejectNodeFor,
  type NodeFilterResult,
  isTerminal,
  preFilterNodeNames,
  type NodeInfo,
  nonZeroRequests,
  podRequests,
  scoreValuesFor,
  selectHostIndex,
  type ResourceList,
} from './scheduling/filters';
import { getMatchingTolerations } from './scheduling/taints';
import { planContainer, pullSeconds, imageInfo } from './workloads/shell';
import { DaemonSetController, type DaemonSetState } from './daemonset/controller';
import { JobController, type JobState } from './job/controller';
import { CronJobController, type CronJobState } from './cronjob/controller';
import { completions, runKubectl, type KubectlOptions, type KubectlResult } from './kubectl';
import type { KubectlHost } from './kubectl/host';

export type NodeHealth = 'Ready' | 'NotReady' | 'Unreachable';

export interface ApplyResult {
  ok: boolean;
  objects: { kind: string; name: string; namespace?: string; action: 'created' | 'configured' | 'unchanged' }[];
  errors: { message: string; field?: string; type?: string; line?: number; column?: number }[];
}

export interface ControllerView {
  kind: 'DaemonSet' | 'Job' | 'CronJob';
  namespace: string;
  name: string;
  /**
   * The state of its XState machine: a DaemonSet's (daemonset/machine.ts) idle, queued,
   * rollingUpdate, backoff, deleting; a Job's (job/machine.ts) queued, active, backoff,
   * suspended, finishing, complete, failed; a CronJob's (cronjob/machine.ts) queued, waiting,
   * suspended, invalid, deleting.
   */
  state: string;
  syncs: number;
  /**
   * The last sync that did something: the pods (or, for a CronJob, the Jobs) it created and
   * deleted; for a CronJob also what it decided about which scheduled time, and when it looks again.
   */
  lastDecision?: {
    at: string;
    create: string[];
    delete: string[];
    summary?: string;
    scheduledTime?: string;
    next?: string;
  };
}

export interface ClusterOptions {
  nodes?: string | object[];
  seed?: number;
  startTime?: string;
}

export interface Cluster {
  apply(yaml: string): ApplyResult;
  delete(
    kind: string,
    name: string,
    opts?: { namespace?: string; cascade?: 'background' | 'foreground' | 'orphan'; gracePeriodSeconds?: number },
  ): void;
  advance(seconds: number): void;
  runUntil(done: (c: Cluster) => boolean, maxSeconds: number): boolean;
  now(): Date;
  list(kind: string, opts?: { namespace?: string; labelSelector?: string }): object[];
  get(kind: string, name: string, namespace?: string): object | undefined;
  events(): object[];
  /** `kubectl …` as typed in a terminal (the word `kubectl` is optional); see kubectl/index.ts. */
  kubectl(line: string, opts?: KubectlOptions): KubectlResult;
  /**
   * A number that changes whenever an object or an Event changes (not with time alone), so a
   * view can skip re-reading a cluster that did not change.
   */
  revision(): number;
  /** Tab completion for a partial kubectl line: the words that can come next. */
  complete(line: string, namespace?: string): string[];
  /** The controllers' reconcile loops for the inspector: each DaemonSet's machine state and last decision. */
  controllers(): ControllerView[];
  setNodeHealth(name: string, health: NodeHealth): void;
  nextEventTime(): Date | undefined;
  snapshot(): unknown;
  restore(s: unknown): void;
  /** Container logs as `kubectl logs` shows them (current, or the previous instance). */
  logs(pod: string, opts?: { namespace?: string; container?: string; previous?: boolean }): string | undefined;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** kube-controller-manager --node-monitor-grace-period default (50 s since Kubernetes 1.32). */
export const NODE_MONITOR_GRACE_SECONDS = 50;
/** PodGC's quarantine before deleting pods bound to a node that no longer exists. */
export const POD_GC_ORPHAN_SECONDS = 40;
/** Kubelet container restart back-off: 10 s doubling to 5 min, forgotten after 10 min of running. */
export const RESTART_BACKOFF_INITIAL = 10;
export const RESTART_BACKOFF_MAX = 300;
export const RESTART_BACKOFF_RESET = 600;

interface ContainerRuntime {
  startedAt?: number;
  restartCount: number;
  backoff: number;
  logs: string[];
  /** When each line of `logs` is written (ms); a line is visible once the clock reaches it. */
  logAt?: number[];
  previousLogs?: string[];
  handlesSigterm: boolean;
  exitCode?: number;
  finishedAt?: number;
}

/** Where to find a pod: the node lists keep this, not the pod, so status writes leave them alone. */
interface PodName {
  namespace: string;
  name: string;
}

interface KubeletState {
  images: Record<string, string[]>;
  containers: Record<string, Record<string, ContainerRuntime>>;
  podIPs: Record<string, number>;
  /** Each node's pod CIDR index: 10.244.<index>.0/24. */
  nodeIndex: Record<string, number>;
}

interface ClusterState {
  clock: ClockState;
  store: StoreState;
  rng: [number, number, number, number];
  events: EventRecord[];
  kubelet: KubeletState;
  health: Record<string, NodeHealth>;
  schedulingAttempts: Record<string, number>;
  daemonsets: DaemonSetState;
  jobs: JobState;
  cronjobs: CronJobState;
}

function defaultNodes(): object[] {
  const names = ['control-plane', 'worker-1', 'worker-2', 'worker-3'];
  return names.map((name) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: name === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '' } : {},
    },
    spec:
      name === 'control-plane'
        ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }
        : {},
  }));
}

export function createCluster(options: ClusterOptions = {}): Cluster {
  return new SimCluster(options);
}

class SimCluster implements Cluster {
  private clock: SimClock;
  private rng: Rng;
  private store = new Store();
  private recorder: Recorder;
  private kubelet: Omit<KubeletState, 'containers'> = { images: {}, podIPs: {}, nodeIndex: {} };
  /** The kubelets' containers by pod uid (KubeletState.containers, as a Map while running). */
  private containers = new Map<string, Record<string, ContainerRuntime>>();
  private health: Record<string, NodeHealth> = {};
  private schedulingAttempts = new Map<string, number>();
  private handlers: Record<string, (args: any) => void>;
  private daemonsets: DaemonSetController;
  private jobs: JobController;
  private cronjobs: CronJobController;
  /** The scheduler cache: bound pods per node (stored objects, read-only), kept by the watch. */
  private podsOnNode = new Map<string, Map<string, PodName>>();
  /** The scheduler cache's NodeInfo per node: requests, non-zero requests and host ports of its non-terminal pods. */
  private nodeInfos = new Map<string, NodeInfo>();
  private scratch = { feasible: [] as Node[], feasibleInfos: [] as NodeInfo[], rejected: [] as NodeFilterResult[] };
  /** The NodeInfos in the order of the store's shared Node list, while that list stays the same. */
  private infosInOrder: { nodes: readonly Node[]; infos: NodeInfo[] } | undefined;
  /** Parsed resource requests per pod uid (a pod's requests do not change). */
  private requests = new Map<string, ResourceList>();
  /** Pods the scheduler could not place, by uid, retried when the cluster changes. */
  private unschedulable = new Map<string, Pod>();
  private nonZero = new Map<string, { cpu: number; memory: number }>();
  private nonZeroOf = (p: Pod) => {
    const uid = p.metadata?.uid ?? '';
    let r = this.nonZero.get(uid);
    if (!r) this.nonZero.set(uid, (r = nonZeroRequests(p)));
    return r;
  };
  /** The seeded random source as a function, for the scheduler's tie-break. */
  private rand = () => this.rng.next();
  private requestsOf = (p: Pod): ResourceList => {
    const uid = p.metadata?.uid ?? '';
    let r = this.requests.get(uid);
    if (!r) this.requests.set(uid, (r = podRequests(p)));
    return r;
  };

  constructor(options: ClusterOptions) {
    const start = Date.parse(options.startTime ?? '2025-01-01T00:00:00Z');
    if (Number.isNaN(start))
      throw new Error(`createCluster: startTime ${JSON.stringify(options.startTime)} is not an ISO 8601 time`);
    this.clock = new SimClock(start);
    this.rng = new Rng(options.seed ?? 1);
    this.recorder = new Recorder(
      () => this.clock.now,
      () => this.rng.uid(),
    );
    this.daemonsets = new DaemonSetController({
      ...this.controllerHost('daemonset-controller'),
      createRevision: (rev) => {
        if (this.store.peek('ControllerRevision', rev.metadata?.namespace, rev.metadata?.name ?? ''))
          return { error: `controllerrevisions.apps "${rev.metadata?.name}" already exists` };
        const r = this.createObject('ControllerRevision', rev);
        return r.object ? {} : { error: invalidMessage('ControllerRevision', rev.metadata?.name ?? '', r.errors) };
      },
      deleteRevision: (namespace, name) => {
        if (this.store.peek('ControllerRevision', namespace, name))
          this.store.remove('ControllerRevision', namespace, name);
      },
    });
    this.jobs = new JobController({
      ...this.controllerHost('job-controller'),
      deleteJob: (job) => {
        const live = this.store.peek('Job', job.metadata?.namespace, job.metadata?.name ?? '');
        if (live) this.deleteObject('Job', live, 'foreground');
      },
    });
    this.cronjobs = new CronJobController({
      ...this.controllerHost('cronjob-controller'),
      createJob: (job) => {
        if (this.store.peek('Job', job.metadata?.namespace, job.metadata?.name ?? '')) {
          return { error: `jobs.batch "${job.metadata?.name}" already exists`, reason: 'AlreadyExists' as const };
        }
        // The controller builds the request afresh (getJobFromTemplate2) and does not touch it again.
        const r = this.createObject('Job', job, true);
        return r.object
          ? { name: r.object.metadata.name }
          : { error: invalidMessage('Job', job.metadata?.name ?? '', r.errors) };
      },
      deleteJob: (job) => {
        const live = this.store.peek('Job', job.metadata?.namespace, job.metadata?.name ?? '');
        if (live) this.deleteObject('Job', live, 'background');
      },
    });
    this.handlers = {
      'cronjob.sync': (a) => this.cronjobs.sync(a.namespace, a.name),
      'job.sync': (a) => this.jobs.sync(a.namespace, a.name),
      'daemonset.sync': (a) => this.daemonsets.sync(a.namespace, a.name),
      'scheduler.schedule': (a) => this.schedulePod(a.namespace, a.name, a.uid),
      'kubelet.sync': (a) => this.kubeletSync(a.namespace, a.name, a.uid),
      'kubelet.pulled': (a) => this.kubeletPulled(a),
      'kubelet.exit': (a) => this.kubeletExit(a),
      'kubelet.restart': (a) => this.kubeletStartContainer(a.namespace, a.name, a.uid, a.container),
      'kubelet.ready': (a) => this.kubeletReady(a.namespace, a.name, a.uid),
      'kubelet.killed': (a) => this.kubeletKilled(a.namespace, a.name, a.uid),
      'nodelifecycle.unreachable': (a) => this.nodeUnreachable(a.node),
      'taint.evict': (a) => this.evictPod(a.namespace, a.name, a.uid, a.taint),
      'podgc.orphaned': (a) => this.podGCOrphaned(a.node),
    };
    this.store.watch((e) => this.onWatch(e));
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      this.createObject('Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    }
    const nodes =
      options.nodes === undefined
        ? defaultNodes()
        : typeof options.nodes === 'string'
          ? parseYamlDocuments(options.nodes)
              .map((d) => d.value as object)
              .filter(Boolean)
          : options.nodes;
    for (const n of nodes) {
      const r = this.createObject('Node', clone(n));
      if (r.errors.length)
        throw new Error(`createCluster: invalid node: ${r.errors.map(fieldErrorMessage).join('; ')}`);
    }
  }

  /** What every controller gets: the clock, reads, pod creation through admission, graceful deletion, status writes, events. */
  private controllerHost(component: string) {
    return {
      now: () => this.clock.now,
      schedule: (at: number, type: string, args: Record<string, unknown>) => void this.clock.schedule(at, type, args),
      pending: (type: string, match: (args: Record<string, unknown>) => boolean) =>
        this.clock.hasType(type, (t) => match(t.args)),
      peekAll: (kind: KindName, namespace?: string) => this.store.peekAll(kind, namespace),
      peek: (kind: KindName, namespace: string | undefined, name: string) => this.store.peek(kind, namespace, name),
      peekOwnedBy: (kind: KindName, uid: string) => this.store.peekOwnedBy(kind, uid),
      peekUncontrolled: (kind: KindName) => this.store.peekUncontrolled(kind),
      // Controllers build each pod afresh for the request and do not touch it again.
      createPod: (pod: Pod) => {
        const r = this.createObject('Pod', pod, true);
        return r.object
          ? { name: r.object.metadata.name as string }
          : { error: invalidMessage('Pod', pod.metadata?.generateName ?? '', r.errors) };
      },
      deletePod: (pod: Pod) =>
        this.deletePod(this.store.peek('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '') ?? pod),
      writeStatus: (kind: KindName, obj: any) => this.write(kind, obj),
      record: (obj: any, type: 'Normal' | 'Warning', reason: string, message: string) =>
        this.recorder.record(this.ref(obj), type, reason, message, { component }),
    };
  }

  // ---- public contract -------------------------------------------------------------------

  now(): Date {
    return new Date(this.clock.now);
  }

  nextEventTime(): Date | undefined {
    const t = this.clock.peek();
    return t ? new Date(t.at) : undefined;
  }

  advance(seconds: number): void {
    const target = this.clock.now + Math.round(seconds * 1000);
    for (let t = this.clock.peek(); t && t.at <= target; t = this.clock.peek()) this.runTimer(this.clock.pop()!);
    this.clock.now = Math.max(this.clock.now, target);
  }

  runUntil(done: (c: Cluster) => boolean, maxSeconds: number): boolean {
    const limit = this.clock.now + Math.round(maxSeconds * 1000);
    if (done(this)) return true;
    for (let t = this.clock.peek(); t && t.at <= limit; t = this.clock.peek()) {
      this.runTimer(this.clock.pop()!);
      if (done(this)) return true;
    }
    this.clock.now = Math.max(this.clock.now, limit);
    return done(this);
  }

  list(kind: string, opts: { namespace?: string; labelSelector?: string } = {}): object[] {
    const k = this.kind(kind);
    if (k === 'Event')
      return this.recorder.list().filter((e) => !opts.namespace || e.metadata.namespace === opts.namespace);
    const selector = opts.labelSelector ? parseSelector(opts.labelSelector) : undefined;
    return this.store.list(k, opts.namespace).filter((o) => !selector || selector.matches(o.metadata?.labels));
  }

  get(kind: string, name: string, namespace?: string): object | undefined {
    const k = this.kind(kind);
    if (k === 'Event') return this.recorder.list().find((e) => e.metadata.name === name);
    return this.store.get(k, namespace ?? 'default', name);
  }

  events(): object[] {
    return this.recorder.list();
  }

  kubectl(line: string, opts: KubectlOptions = {}): KubectlResult {
    return runKubectl(this.kubectlHost, line, opts);
  }

  controllers(): ControllerView[] {
    const split = (key: string) => {
      const at = key.indexOf('/');
      return { namespace: key.slice(0, at), name: key.slice(at + 1) };
    };
    const views: ControllerView[] = [];
    for (const [key, m] of Object.entries(this.daemonsets.machineStates())) {
      const d = m.context.lastDecision;
      views.push({
        kind: 'DaemonSet',
        ...split(key),
        state: m.value,
        syncs: m.context.syncs,
        ...(d ? { lastDecision: { at: iso(d.at), create: d.create, delete: d.delete } } : {}),
      });
    }
    for (const [key, m] of Object.entries(this.jobs.machineStates())) {
      const d = m.context.lastDecision;
      views.push({
        kind: 'Job',
        ...split(key),
        state: m.value,
        syncs: m.context.syncs,
        ...(d ? { lastDecision: { at: iso(d.at), create: d.create, delete: d.delete } } : {}),
      });
    }
    const decisions = this.cronjobs.state.lastDecision;
    for (const [key, m] of Object.entries(this.cronjobs.machineStates())) {
      const d = decisions[key];
      views.push({
        kind: 'CronJob',
        ...split(key),
        state: m.value,
        syncs: m.syncs,
        ...(d
          ? {
              lastDecision: {
                at: iso(d.at),
                create: [...(d.created ?? [])],
                delete: [...(d.deleted ?? [])],
                summary: d.decision,
                ...(d.scheduledTime ? { scheduledTime: d.scheduledTime } : {}),
                ...(d.next ? { next: d.next } : {}),
              },
            }
          : {}),
      });
    }
    const order = { CronJob: 0, DaemonSet: 1, Job: 2 };
    return views.sort((a, b) =>
      a.kind !== b.kind
        ? order[a.kind] - order[b.kind]
        : a.namespace + '/' + a.name < b.namespace + '/' + b.name
          ? -1
          : 1,
    );
  }

  revision(): number {
    return this.store.resourceVersion * 1_000_003 + this.recorder.changes;
  }

  complete(line: string, namespace = 'default'): string[] {
    return completions(this.kubectlHost, line, namespace);
  }

  /** The API as kubectl, a client, sees it. */
  private kubectlHost: KubectlHost = {
    now: () => this.clock.now,
    list: (kind, namespace) => this.store.peekAll(kind, namespace),
    get: (kind, namespace, name) => this.store.peek(kind, namespace, name),
    events: () => this.recorder.list() as EventRecord[],
    applyManifests: (text, source, mode) => this.applyManifests(text, source, mode),
    create: (kind, obj) => this.createObject(kind, obj),
    update: (kind, obj) => {
      const live = this.store.peek(kind, obj.metadata?.namespace, obj.metadata?.name ?? '');
      const { object, errors } = admit(kind, obj, {
        now: new Date(this.clock.now),
        uid: live?.metadata?.uid ?? obj.metadata?.uid,
        operation: 'update',
        old: live,
      });
      if (errors.length) return { errors };
      if (kind === 'Node') object.status = clone(live.status);
      if (!sameObject(object, live)) this.store.replace(kind, object);
      return { object, errors: [] };
    },
    delete: (kind, obj, o) => this.deleteObject(kind, obj, o.cascade, o.gracePeriodSeconds),
    evict: (pod, grace) => {
      const live = this.store.peek('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '') ?? pod;
      const marked = live.metadata?.deletionTimestamp
        ? live
        : this.markDisruption(live, 'EvictionByEvictionAPI', 'Eviction API: evicting');
      this.deletePod(marked, grace);
    },
    logs: (pod, container, previous) => this.containerLogs(pod, container, previous),
    watch: (fn) => this.store.watch(fn),
  };

  logs(pod: string, opts: { namespace?: string; container?: string; previous?: boolean } = {}): string | undefined {
    const p = this.store.peek('Pod', opts.namespace ?? 'default', pod);
    if (!p) return undefined;
    return this.containerLogs(p, opts.container ?? p.spec.containers[0].name, !!opts.previous);
  }

  /** What `kubectl logs` shows of a container: the lines written so far, or the previous instance's. */
  private containerLogs(pod: any, container: string, previous: boolean): string | undefined {
    const c = this.containers.get(pod.metadata.uid)?.[container];
    if (!c) return '';
    const lines = previous ? c.previousLogs : this.writtenLogs(c);
    return lines === undefined ? undefined : lines.map((l) => `${l}\n`).join('');
  }

  /** The lines a container has written so far: up to now, or up to when it stopped. */
  private writtenLogs(rt: ContainerRuntime): string[] {
    if (!rt.logAt) return rt.logs;
    const until = Math.min(this.clock.now, rt.finishedAt ?? Infinity);
    return rt.logs.filter((_, i) => rt.logAt![i] <= until);
  }

  snapshot(): unknown {
    const s: ClusterState = {
      clock: this.clock.save(),
      store: this.store.save(),
      rng: this.rng.save(),
      events: this.recorder.save(),
      kubelet: {
        images: clone(this.kubelet.images),
        containers: clone(Object.fromEntries(this.containers)),
        podIPs: { ...this.kubelet.podIPs },
        nodeIndex: { ...this.kubelet.nodeIndex },
      },
      health: { ...this.health },
      schedulingAttempts: Object.fromEntries(this.schedulingAttempts),
      daemonsets: clone(this.daemonsets.state),
      jobs: clone(this.jobs.state),
      cronjobs: clone(this.cronjobs.state),
    };
    return s;
  }

  restore(snapshot: unknown): void {
    const s = snapshot as ClusterState;
    this.clock.load(s.clock);
    this.store.load(s.store);
    this.rng.load(s.rng);
    this.recorder.load(s.events);
    const { containers, ...kubelet } = clone(s.kubelet);
    this.kubelet = kubelet;
    this.containers = new Map(Object.entries(containers));
    this.health = { ...s.health };
    this.schedulingAttempts = new Map(Object.entries(s.schedulingAttempts));
    this.daemonsets.state = clone(s.daemonsets);
    this.jobs.state = clone(s.jobs);
    this.cronjobs.state = clone(s.cronjobs);
    // Derived caches are rebuilt from the restored store.
    this.podsOnNode = new Map();
    this.requests = new Map();
    this.nonZero = new Map();
    this.unschedulable = new Map();
    this.nodeInfos = new Map();
    this.infosInOrder = undefined;
    for (const p of this.store.peekAll('Pod')) {
      if (p.spec.nodeName) {
        this.placeOnNode(p);
        this.countOnNode(p, 1);
      } else if (this.schedulingAttempts.get(p.metadata.uid)) this.unschedulable.set(p.metadata.uid, p);
    }
  }

  setNodeHealth(name: string, health: NodeHealth): void {
    const node = this.store.get('Node', undefined, name);
    if (!node) throw new Error(`setNodeHealth: no node ${name}`);
    const was = this.health[name] ?? 'Ready';
    if (was === health) return;
    this.health[name] = health;
    this.clock.cancelKey(`node/${name}`, (t) => t.type === 'nodelifecycle.unreachable');
    if (health === 'Ready') {
      this.setNodeCondition(name, 'True', 'KubeletReady', 'kubelet is posting ready status');
      this.setConditionTaints(name, undefined);
    } else if (health === 'NotReady') {
      this.setNodeCondition(
        name,
        'False',
        'KubeletNotReady',
        'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
      );
      this.setConditionTaints(name, 'node.kubernetes.io/not-ready');
    } else {
      // The kubelet stops posting; the node lifecycle controller notices after the grace period.
      this.clock.schedule(this.clock.now + NODE_MONITOR_GRACE_SECONDS * 1000, 'nodelifecycle.unreachable', {
        node: name,
      });
    }
  }

  apply(yaml: string): ApplyResult {
    return this.applyManifests(yaml, 'STDIN', 'apply');
  }

  /** `kubectl apply -f` (create or update) or `kubectl create -f` (create only) of documents read from `source`. */
  private applyManifests(yaml: string, source: string, mode: 'apply' | 'create'): ApplyResult {
    const result: ApplyResult = { ok: true, objects: [], errors: [] };
    const docs = parseYamlDocuments(yaml);
    for (const doc of docs) {
      if (doc.errors.length) {
        for (const e of doc.errors) {
          result.errors.push({
            message: `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${e.line}: ${e.message}`,
            line: e.line,
            column: e.column,
          });
        }
        continue;
      }
      const obj = doc.value;
      if (obj === null || obj === undefined) continue;
      const tm = checkTypeMeta(obj, source);
      if (!tm.ok) {
        const p = doc.position(tm.reason === 'noMatch' ? 'apiVersion' : '');
        result.errors.push({ message: tm.message, field: tm.reason === 'noMatch' ? 'apiVersion' : undefined, ...p });
        continue;
      }
      const kind = tm.kind;
      const issues = decodeStrict(kind, obj);
      if (issues.length) {
        const message = kubectlDecodeErrorLine(kind, issues, source);
        for (const i of issues)
          result.errors.push({
            message,
            field: i.path,
            type: i.kind === 'unknownField' ? 'FieldValueUnknown' : 'FieldValueTypeInvalid',
            ...doc.position(i.path),
          });
        continue;
      }
      const manifest = obj as any;
      const info = kindInfo(kind);
      const name = manifest.metadata?.name ?? '';
      const namespace = info.namespaced ? (manifest.metadata?.namespace ?? 'default') : undefined;
      if (namespace && !this.store.peek('Namespace', undefined, namespace) && kind !== 'Namespace') {
        result.errors.push({
          message: `Error from server (NotFound): error when creating ${JSON.stringify(source)}: namespaces "${namespace}" not found`,
          field: 'metadata.namespace',
          ...doc.position('metadata.namespace'),
        });
        continue;
      }
      const live = name ? this.store.peek(kind, namespace, name) : undefined;
      if (live && mode === 'create') {
        result.errors.push({
          message: `Error from server (AlreadyExists): error when creating ${JSON.stringify(source)}: ${qualifiedResource(info)} ${JSON.stringify(name)} already exists`,
          field: 'metadata.name',
          ...doc.position('metadata.name'),
        });
        continue;
      }
      const r = live ? this.applyUpdate(kind, manifest, live) : this.applyCreate(kind, manifest, mode === 'apply');
      if (r.errors.length) {
        for (const e of r.errors) {
          result.errors.push({
            message: invalidMessage(kind, name, [e]),
            field: e.field,
            type: e.type,
            ...doc.position(e.field),
          });
        }
        continue;
      }
      result.objects.push({ kind, name, ...(namespace ? { namespace } : {}), action: r.action });
    }
    result.ok = result.errors.length === 0;
    return result;
  }

  delete(
    kind: string,
    name: string,
    opts: { namespace?: string; cascade?: 'background' | 'foreground' | 'orphan'; gracePeriodSeconds?: number } = {},
  ): void {
    const k = this.kind(kind);
    const ns = kindInfo(k).namespaced ? (opts.namespace ?? 'default') : undefined;
    const obj = this.store.peek(k, ns, name);
    if (!obj) throw new Error(`${kindInfo(k).resource} "${name}" not found`);
    this.deleteObject(k, obj, opts.cascade ?? 'background', opts.gracePeriodSeconds);
  }

  // ---- API server --------------------------------------------------------------------------

  private kind(kind: string): KindName {
    const info = resolveKind(kind);
    if (!info) throw new Error(`the server doesn't have a resource type "${kind}"`);
    return info.kind;
  }

  private createObject(
    kind: KindName,
    obj: any,
    owned = false,
  ): { object?: any; errors: ReturnType<typeof admit>['errors'] } {
    const named = !!obj.metadata?.name;
    const { object, errors } = admit(
      kind,
      obj,
      {
        now: new Date(this.clock.now),
        uid: this.rng.uid(),
        operation: 'create',
      },
      owned,
    );
    if (errors.length) return { errors };
    if (object.metadata?.generateName && !named)
      object.metadata.name = `${object.metadata.generateName}${this.rng.string(5)}`;
    if (kind === 'Node') this.fillNodeStatus(object);
    // admit returned a new object, which storage can keep.
    return { object: this.store.addOwned(kind, object), errors: [] };
  }

  /** Creates from a parsed manifest, which is this call's own (a tree, nothing shared): admission works on it in place. */
  private applyCreate(kind: KindName, manifest: any, recordLastApplied = true) {
    const annotation = recordLastApplied ? lastApplied(manifest) : undefined;
    const obj = manifest;
    obj.metadata ??= {};
    if (annotation !== undefined)
      obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: annotation };
    const r = this.createObject(kind, obj, true);
    return { errors: r.errors, action: 'created' as const };
  }

  private applyUpdate(kind: KindName, manifest: any, live: any) {
    const previous = parseLastApplied(live.metadata?.annotations?.[LAST_APPLIED]);
    const merged = threeWayMerge(previous, manifest, clone(live));
    merged.metadata.annotations = { ...(merged.metadata.annotations ?? {}), [LAST_APPLIED]: lastApplied(manifest) };
    const { object, errors } = admit(kind, merged, {
      now: new Date(this.clock.now),
      uid: live.metadata.uid,
      operation: 'update',
      old: live,
    });
    if (errors.length) return { errors, action: 'configured' as const };
    if (kind === 'Node') object.status = clone(live.status);
    if (sameObject(object, live)) return { errors: [], action: 'unchanged' as const };
    this.store.replace(kind, object);
    return { errors: [], action: 'configured' as const };
  }

  /** Writes an object the system itself changed (status, bindings, taints): no admission, as a subresource update. */
  private write(kind: KindName, obj: any): void {
    this.store.replaceOwned(kind, obj);
  }

  private deleteObject(
    kind: KindName,
    obj: any,
    cascade: 'background' | 'foreground' | 'orphan',
    grace?: number,
  ): void {
    const ns = obj.metadata.namespace;
    const name = obj.metadata.name;
    const dependents = this.dependentsOf(obj.metadata.uid);
    if (cascade === 'orphan') this.orphan(dependents, obj.metadata.uid);
    if (cascade === 'foreground' && dependents.length > 0) {
      const copy = clone(obj);
      copy.metadata.deletionTimestamp ??= iso(this.clock.now);
      copy.metadata.deletionGracePeriodSeconds = 0;
      copy.metadata.finalizers = [...new Set([...(copy.metadata.finalizers ?? []), 'foregroundDeletion'])];
      this.write(kind, copy);
      for (const [dk, d] of dependents) this.deleteObject(dk, d, 'background');
      return;
    }
    if (kind === 'Pod') {
      this.deletePod(obj, grace);
    } else {
      this.store.remove(kind, ns, name);
    }
    if (cascade !== 'orphan')
      for (const [dk, d] of dependents)
        if (this.store.peek(dk, d.metadata.namespace, d.metadata.name)) this.deleteObject(dk, d, 'background');
  }

  /** The orphan cascade: the dependents lose their ownerReference to `uid`. */
  private orphan(dependents: [KindName, any][], uid: string): void {
    for (const [dk, d] of dependents) {
      const copy = clone(d);
      copy.metadata.ownerReferences = (copy.metadata.ownerReferences ?? []).filter((r: any) => r.uid !== uid);
      if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences;
      this.write(dk, copy);
    }
  }

  private dependentsOf(uid: string): [KindName, any][] {
    const out: [KindName, any][] = [];
    for (const k of DEPENDENT_KINDS) {
      const owned = this.store.peekOwnedBy(k, uid);
      if (owned.length > 1) owned.sort(byObjectName);
      for (const o of owned) out.push([k, o]);
    }
    return out;
  }

  /** Graceful pod deletion: deletionTimestamp now + grace; the kubelet stops the containers, then the object goes. */
  private deletePod(pod: any, grace?: number): void {
    const g = grace ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    const running = pod.spec.nodeName && !isTerminal(pod) && this.health[pod.spec.nodeName] !== 'Unreachable';
    if (!pod.spec.nodeName || isTerminal(pod) || g === 0) {
      this.removePod(pod);
      return;
    }
    if (pod.metadata.deletionTimestamp) return;
    const copy = { ...pod, metadata: { ...pod.metadata } };
    copy.metadata.deletionTimestamp = iso(this.clock.now + g * 1000);
    copy.metadata.deletionGracePeriodSeconds = g;
    this.write('Pod', copy);
    if (!running) return; // an unreachable node's pod stays Terminating until the node comes back
    const source = this.kubeletSource(pod.spec.nodeName);
    let stopAfter = 0;
    for (const c of pod.spec.containers as Container[]) {
      const rt = this.containers.get(pod.metadata.uid)?.[c.name];
      if (rt?.startedAt !== undefined && rt.finishedAt === undefined) {
        this.recorder.record(
          this.ref(pod, `spec.containers{${c.name}}`),
          'Normal',
          'Killing',
          `Stopping container ${c.name}`,
          source,
        );
        if (!rt.handlesSigterm) stopAfter = g;
      }
    }
    this.clock.cancelKey(pod.metadata.uid, isKubeletTimer);
    this.clock.schedule(this.clock.now + stopAfter * 1000, 'kubelet.killed', {
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
    });
  }

  private removePod(pod: any): void {
    this.clock.cancelKey(pod.metadata.uid);
    this.store.remove('Pod', pod.metadata.namespace, pod.metadata.name);
    this.containers.delete(pod.metadata.uid);
    this.schedulingAttempts.delete(pod.metadata.uid);
    this.unschedulable.delete(pod.metadata.uid);
  }

  /** Each node's kubelet as an Event source (one object per node, shared by its Events, never changed). */
  private kubeletSources = new Map<string, { component: string; host: string }>();
  private kubeletSource(node: string): { component: string; host: string } {
    let s = this.kubeletSources.get(node);
    if (!s) this.kubeletSources.set(node, (s = { component: 'kubelet', host: node }));
    return s;
  }

  private ref(obj: any, fieldPath?: string): InvolvedObject {
    const meta = obj.metadata;
    // Keys in this order: kind, name, namespace (when set), uid, apiVersion, fieldPath (when set).
    const ref: InvolvedObject = meta.namespace
      ? { kind: obj.kind, name: meta.name, namespace: meta.namespace, uid: meta.uid, apiVersion: obj.apiVersion }
      : { kind: obj.kind, name: meta.name, uid: meta.uid, apiVersion: obj.apiVersion };
    if (fieldPath) ref.fieldPath = fieldPath;
    return ref;
  }

  private runTimer(t: Timer): void {
    this.clock.now = Math.max(this.clock.now, t.at);
    this.handlers[t.type]?.(t.args);
  }

  private onWatch(e: WatchEvent): void {
    if (e.kind === 'Pod') {
      const pod = e.object;
      const uid = pod.metadata.uid;
      // The node's list of pods changes when a pod is bound or goes, not on its status writes.
      const oldNode = e.old?.spec?.nodeName;
      const newNode = e.type === 'DELETED' ? undefined : pod.spec.nodeName;
      if (oldNode !== newNode) {
        if (oldNode) this.podsOnNode.get(oldNode)?.delete(uid);
        if (newNode) this.placeOnNode(pod);
      }
      // A pod's share of its node depends on its spec and on whether it is terminal; a status
      // write that keeps the spec (the same object) and the terminal state leaves it as it was.
      const same = e.type === 'MODIFIED' && e.old.spec === pod.spec && isTerminal(e.old) === isTerminal(pod);
      if (!same) {
        if (e.old) this.countOnNode(e.old, -1);
        if (e.type !== 'DELETED') this.countOnNode(pod, 1);
      }
      if (e.type === 'DELETED') {
        this.requests.delete(uid);
        this.nonZero.delete(uid);
      }
      if (
        e.type === 'ADDED' &&
        !pod.spec.nodeName &&
        (pod.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler'
      ) {
        const args = { namespace: pod.metadata.namespace, name: pod.metadata.name, uid };
        this.clock.schedule(this.clock.now, 'scheduler.schedule', args);
      }
      const bound = pod.spec.nodeName && (e.type === 'ADDED' || !e.old?.spec?.nodeName);
      if (e.type !== 'DELETED' && bound) {
        const args = { namespace: pod.metadata.namespace, name: pod.metadata.name, uid };
        this.clock.schedule(this.clock.now, 'kubelet.sync', args);
      }
      if (e.type === 'DELETED' || (e.type === 'MODIFIED' && isTerminal(pod) && !isTerminal(e.old)))
        this.requeueUnschedulable();
    }
    if (e.kind === 'Pod') {
      this.daemonsets.onPod(e.object);
      this.jobs.onPod(e.object);
    }
    if (e.kind === 'Job') this.cronjobs.onJob(e.object);
    if (e.kind === 'Job' && e.type === 'DELETED') this.jobs.forget(e.object.metadata.uid);
    if (e.kind === 'CronJob' && e.type === 'DELETED')
      this.cronjobs.forget(e.object.metadata.namespace, e.object.metadata.name);
    if (e.kind === 'DaemonSet' && e.type === 'DELETED')
      this.daemonsets.forget(e.object.metadata.namespace, e.object.metadata.name);
    if (e.kind === 'CronJob' && e.type !== 'DELETED') {
      const o = e.object;
      if (e.type === 'ADDED' || e.old?.metadata?.generation !== o.metadata.generation)
        this.cronjobs.enqueue(o.metadata.namespace, o.metadata.name);
    }
    if (e.kind === 'Job' && e.type !== 'DELETED') {
      const o = e.object;
      const changed =
        e.type === 'ADDED' ||
        e.old?.metadata?.generation !== o.metadata.generation ||
        e.old?.spec?.suspend !== o.spec.suspend ||
        e.old?.metadata?.deletionTimestamp !== o.metadata.deletionTimestamp;
      if (changed) this.jobs.enqueue(o.metadata.namespace, o.metadata.name);
    }
    if (e.kind === 'Node') this.daemonsets.enqueue();
    if (e.kind === 'DaemonSet' && e.type !== 'DELETED') {
      const changed =
        e.type === 'ADDED' ||
        e.old?.metadata?.generation !== e.object.metadata.generation ||
        e.old?.metadata?.deletionTimestamp !== e.object.metadata.deletionTimestamp;
      if (changed) this.daemonsets.enqueue(e.object.metadata.namespace, e.object.metadata.name);
    }
    if (e.kind === 'Node' && e.type !== 'DELETED') this.requeueUnschedulable();
    if (e.kind === 'Node' && e.type !== 'DELETED') {
      const name = e.object.metadata.name;
      if (!!e.old?.spec?.unschedulable !== !!e.object.spec?.unschedulable) this.syncUnschedulableTaint(name);
      const noExecute = (n: any) =>
        JSON.stringify(
          (n?.spec?.taints ?? []).filter((t: Taint) => t.effect === 'NoExecute').map((t: Taint) => [t.key, t.value]),
        );
      if (noExecute(e.old) !== noExecute(e.object)) this.noExecuteTaintPass(name);
    }
    if (e.kind === 'Node' && e.type === 'DELETED') {
      this.clock.schedule(this.clock.now + POD_GC_ORPHAN_SECONDS * 1000, 'podgc.orphaned', {
        node: e.object.metadata.name,
      });
    }
    if (e.type === 'DELETED' && e.kind !== 'Namespace' && (e.object.metadata.ownerReferences ?? []).length > 0)
      this.finishForegroundOwners();
  }

  /** Adds a bound pod to its node's list. */
  private placeOnNode(pod: any): void {
    let m = this.podsOnNode.get(pod.spec.nodeName);
    if (!m) this.podsOnNode.set(pod.spec.nodeName, (m = new Map()));
    m.set(pod.metadata.uid, { namespace: pod.metadata.namespace, name: pod.metadata.name });
  }

  /** Owners in foreground deletion go once their blocking dependents are gone. */
  private finishForegroundOwners(): void {
    for (const k of ['Job', 'DaemonSet', 'CronJob'] as KindName[]) {
      for (const o of this.store.peekAll(k)) {
        if (o.metadata.finalizers?.includes('foregroundDeletion') && this.dependentsOf(o.metadata.uid).length === 0) {
          this.store.remove(k, o.metadata.namespace, o.metadata.name);
        }
      }
    }
  }

  // ---- scheduler -----------------------------------------------------------------------------

  /** Adds or removes a bound, non-terminal pod's share of its node's NodeInfo. */
  private countOnNode(pod: any, sign: 1 | -1): void {
    const node = pod.spec?.nodeName;
    if (!node || isTerminal(pod)) return;
    let info = this.nodeInfos.get(node);
    if (!info) this.nodeInfos.set(node, (info = emptyNodeInfo()));
    addToNodeInfo(info, pod, sign, this.requestsOf, this.nonZeroOf);
  }

  /** Every node's NodeInfo (made for those without one), in the order of `nodes`, the store's shared list. */
  private infosFor(nodes: readonly Node[]): NodeInfo[] {
    if (this.infosInOrder?.nodes !== nodes) {
      const infos = nodes.map((n) => {
        const name = n.metadata!.name!;
        let info = this.nodeInfos.get(name);
        if (!info) this.nodeInfos.set(name, (info = emptyNodeInfo()));
        return info;
      });
      this.infosInOrder = { nodes, infos };
    }
    return this.infosInOrder.infos;
  }

  private requeueUnschedulable(): void {
    if (this.unschedulable.size === 0) return;
    for (const [uid, attempts] of this.schedulingAttempts) {
      const p: any = this.unschedulable.get(uid);
      if (!p || p.spec.nodeName || p.metadata.deletionTimestamp) continue;
      const args = { namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid };
      this.clock.cancelKey(p.metadata.uid, isSchedulingTimer);
      // podInitialBackoffDuration 1 s doubling to podMaxBackoffDuration 10 s.
      this.clock.schedule(this.clock.now + Math.min(10, 2 ** (attempts - 1)) * 1000, 'scheduler.schedule', args);
    }
  }

  private schedulePod(namespace: string, name: string, uid: string): void {
    const pod = this.store.peek('Pod', namespace, name);
    if (!pod || pod.metadata.uid !== uid || pod.spec.nodeName || pod.metadata.deletionTimestamp) return;
    const allNodes: readonly Node[] = this.store.peekAllShared('Node');
    // NodeAffinity's PreFilter narrows the nodes to those named by matchFields (daemon pods).
    const names = preFilterNodeNames(pod);
    const nodes = names ? allNodes.filter((n) => names.has(n.metadata!.name!)) : allNodes;
    const infos = names ? undefined : this.infosFor(allNodes);
    const ps = podSchedulingState(pod, this.requestsOf);
    // Scratch lists, reused: nothing keeps them past this call (and nothing in it schedules again).
    const { feasible, feasibleInfos, rejected } = this.scratch;
    feasible.length = 0;
    feasibleInfos.length = 0;
    rejected.length = 0;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const info = infos ? infos[i] : (this.nodeInfos.get(n.metadata!.name!) ?? EMPTY_NODE_INFO);
      const r = rejectNodeFor(ps, n, info);
      if (r) rejected.push(r);
      else {
        feasible.push(n);
        feasibleInfos.push(info);
      }
    }
    const source = SCHEDULER_SOURCE;
    if (feasible.length === 0) {
      const message = fitErrorMessage(
        allNodes.length,
        rejected,
        names === undefined
          ? undefined
          : names.size === 0
            ? { message: ErrReasonConflict }
            : { absentReason: "node(s) didn't satisfy plugin(s) [NodeAffinity]" },
      );
      const attempts = (this.schedulingAttempts.get(uid) ?? 0) + 1;
      this.schedulingAttempts.set(uid, attempts);
      this.unschedulable.set(uid, pod);
      const copy = statusCopy(pod);
      setCondition(copy, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }, this.clock.now);
      this.write('Pod', copy);
      this.recorder.record(this.ref(pod), 'Warning', 'FailedScheduling', message, source);
      // Unschedulable pods are retried on cluster changes, and at the latest after 5 minutes.
      this.clock.schedule(this.clock.now + 300_000, 'scheduler.schedule', { namespace, name, uid });
      return;
    }
    const scores = scoreValuesFor(pod, feasible, feasibleInfos, this.nonZeroOf);
    const host = feasible[selectHostIndex(scores, this.rand)].metadata!.name!;
    this.schedulingAttempts.delete(uid);
    this.unschedulable.delete(uid);
    this.clock.cancelKey(uid, isSchedulingTimer);
    const copy = statusCopy(pod);
    copy.spec = { ...pod.spec, nodeName: host };
    setCondition(copy, { type: 'PodScheduled', status: 'True' }, this.clock.now);
    this.write('Pod', copy);
    this.recorder.record(
      this.ref(pod),
      'Normal',
      'Scheduled',
      `Successfully assigned ${namespace}/${name} to ${host}`,
      source,
    );
  }

  // ---- kubelet -------------------------------------------------------------------------------

  private kubeletSync(namespace: string, name: string, uid: string): void {
    const pod = this.store.peek('Pod', namespace, name);
    if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp) return;
    const node = pod.spec.nodeName;
    if (this.health[node] === 'Unreachable') return;
    if (this.containers.has(uid)) return; // already started
    const nodeObj = this.store.peek('Node', undefined, node);
    const nodeIndex = this.kubelet.nodeIndex[node] ?? 0;
    const ipSeq = (this.kubelet.podIPs[node] ?? 1) + 1;
    this.kubelet.podIPs[node] = ipSeq;
    const hostIP = nodeIP(nodeObj);
    const podIP = pod.spec.hostNetwork ? hostIP : `10.244.${nodeIndex}.${ipSeq}`;
    this.containers.set(uid, {});
    const copy = { ...pod, metadata: { ...pod.metadata } };
    copy.status = {
      ...pod.status,
      conditions: pod.status?.conditions ? pod.status.conditions.slice() : undefined,
      phase: 'Pending',
      hostIP,
      hostIPs: [{ ip: hostIP }],
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: iso(this.clock.now),
      qosClass: pod.status?.qosClass ?? 'BestEffort',
      containerStatuses: (pod.spec.containers as Container[]).map((c) => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: 'ContainerCreating' } },
      })),
    };
    const now = this.clock.now;
    const unready = `containers with unready status: [${containerNames(pod.spec.containers)}]`;
    setCondition(copy, { type: 'PodReadyToStartContainers', status: 'True' }, now);
    setCondition(copy, { type: 'Initialized', status: 'True' }, now);
    setCondition(copy, { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: unready }, now);
    setCondition(
      copy,
      { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: unready },
      now,
    );
    this.write('Pod', copy);
    const source = this.kubeletSource(node);
    const images = this.kubelet.images[node] ?? [];
    for (const c of pod.spec.containers as Container[]) {
      const ref = this.ref(pod, `spec.containers{${c.name}}`);
      const image = c.image ?? '';
      const policy = c.imagePullPolicy ?? 'IfNotPresent';
      const present = images.includes(image);
      if (policy === 'Always' || (policy === 'IfNotPresent' && !present)) {
        this.recorder.record(ref, 'Normal', 'Pulling', `Pulling image "${image}"`, source);
        const secs = present ? 0.4 : pullSeconds(image);
        this.clock.schedule(this.clock.now + secs * 1000, 'kubelet.pulled', {
          namespace,
          name,
          uid,
          container: c.name,
          image,
          secs,
        });
      } else {
        this.recorder.record(ref, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, source);
        this.kubeletStartContainer(namespace, name, uid, c.name);
      }
    }
  }

  private kubeletPulled(a: {
    namespace: string;
    name: string;
    uid: string;
    container: string;
    image: string;
    secs: number;
  }): void {
    const pod = this.store.peek('Pod', a.namespace, a.name);
    if (!pod || pod.metadata.uid !== a.uid) return;
    const node = pod.spec.nodeName;
    const list = (this.kubelet.images[node] ??= []);
    if (!list.includes(a.image)) list.push(a.image);
    const secs = a.secs.toFixed(3).replace(/\.?0+$/, '');
    this.recorder.record(
      this.ref(pod, `spec.containers{${a.container}}`),
      'Normal',
      'Pulled',
      `Successfully pulled image "${a.image}" in ${secs}s (${secs}s including waiting). Image size: ${imageInfo(a.image).size} bytes.`,
      this.kubeletSource(node),
    );
    this.kubeletStartContainer(a.namespace, a.name, a.uid, a.container);
  }

  private kubeletStartContainer(namespace: string, name: string, uid: string, container: string): void {
    const pod = this.store.peek('Pod', namespace, name);
    if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp) return;
    const c = byName(pod.spec.containers as Container[], container)!;
    const rt = (this.containers.get(uid)![container] ??= {
      restartCount: 0,
      backoff: 0,
      logs: [],
      handlesSigterm: true,
    });
    const source = this.kubeletSource(pod.spec.nodeName);
    const ref = this.ref(pod, `spec.containers{${container}}`);
    this.recorder.record(ref, 'Normal', 'Created', `Created container: ${container}`, source);
    this.recorder.record(ref, 'Normal', 'Started', `Started container ${container}`, source);
    const env: Record<string, string> = { HOSTNAME: pod.spec.hostname ?? name };
    const index = pod.metadata.annotations?.['batch.kubernetes.io/job-completion-index'];
    if (index !== undefined) env.JOB_COMPLETION_INDEX = index;
    const plan = planContainer(c, env, this.clock.now, this.rand);
    if (rt.startedAt !== undefined) {
      rt.previousLogs = this.writtenLogs(rt);
      rt.restartCount++;
    }
    const now = this.clock.now;
    rt.logs = new Array(plan.logs.length);
    rt.logAt = new Array(plan.logs.length);
    for (let i = 0; i < plan.logs.length; i++) {
      rt.logs[i] = plan.logs[i].text;
      rt.logAt[i] = now + Math.round(plan.logs[i].at * 1000);
    }
    rt.startedAt = this.clock.now;
    rt.finishedAt = undefined;
    rt.exitCode = plan.exitCode;
    rt.handlesSigterm = plan.handlesSigterm;
    const copy = statusCopy(pod);
    const cs: any = byName(copy.status.containerStatuses, container);
    const last = cs.state.terminated ? { terminated: cs.state.terminated } : cs.lastState;
    cs.state = { running: { startedAt: iso(this.clock.now) } };
    if (last && Object.keys(last).length) cs.lastState = last;
    cs.started = true;
    cs.restartCount = rt.restartCount;
    cs.imageID = imageID(c.image ?? '');
    cs.containerID = this.rng.containerID();
    copy.status.phase = 'Running';
    const probe = c.readinessProbe;
    const readyAfter = probe ? (probe.initialDelaySeconds ?? 0) : 0;
    // Without a delay the kubelet reports the container ready in the same status update.
    if (readyAfter === 0) this.markReady(copy);
    this.write('Pod', copy);
    if (readyAfter > 0)
      this.clock.schedule(this.clock.now + readyAfter * 1000, 'kubelet.ready', { namespace, name, uid });
    if (Number.isFinite(plan.duration))
      this.clock.schedule(this.clock.now + plan.duration * 1000, 'kubelet.exit', { namespace, name, uid, container });
  }

  private kubeletReady(namespace: string, name: string, uid: string): void {
    const pod = this.store.peek('Pod', namespace, name);
    if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp) return;
    const copy = statusCopy(pod);
    this.markReady(copy);
    this.write('Pod', copy);
  }

  /** Running containers become ready; the pod is Ready once all of them are. */
  private markReady(pod: any): void {
    let allReady = true;
    for (const cs of pod.status.containerStatuses ?? []) {
      cs.ready = !!cs.state.running;
      allReady &&= cs.ready;
    }
    if (allReady) {
      setCondition(pod, { type: 'ContainersReady', status: 'True' }, this.clock.now);
      setCondition(pod, { type: 'Ready', status: 'True' }, this.clock.now);
    }
  }

  private kubeletExit(a: { namespace: string; name: string; uid: string; container: string }): void {
    const pod = this.store.peek('Pod', a.namespace, a.name);
    if (!pod || pod.metadata.uid !== a.uid) return;
    const rt = this.containers.get(a.uid)![a.container];
    rt.finishedAt = this.clock.now;
    const code = rt.exitCode ?? 0;
    const copy = statusCopy(pod);
    const cs: any = byName(copy.status.containerStatuses, a.container);
    cs.state = {
      terminated: {
        exitCode: code,
        reason: code === 0 ? 'Completed' : 'Error',
        startedAt: iso(rt.startedAt!),
        finishedAt: iso(this.clock.now),
        containerID: cs.containerID,
      },
    };
    cs.ready = false;
    cs.started = false;
    const policy = pod.spec.restartPolicy ?? 'Always';
    const restart = policy === 'Always' || (policy === 'OnFailure' && code !== 0);
    const now = this.clock.now;
    const unready = `containers with unready status: [${a.container}]`;
    setCondition(
      copy,
      { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: unready },
      now,
    );
    setCondition(copy, { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: unready }, now);
    if (!restart) {
      const statuses = copy.status.containerStatuses as any[];
      if (statuses.every(hasTerminated)) {
        const ok = statuses.every(exitedZero);
        copy.status.phase = ok ? 'Succeeded' : 'Failed';
        setCondition(copy, { type: 'Ready', status: 'False', reason: 'PodCompleted' }, now);
        setCondition(copy, { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' }, now);
        setCondition(copy, { type: 'PodReadyToStartContainers', status: 'False' }, now);
      }
      this.write('Pod', copy);
      return;
    }
    // Restart with the kubelet's back-off: the first restart at once, then 10 s doubling to 5 min;
    // a container that ran for 10 minutes starts over.
    if (this.clock.now - rt.startedAt! >= RESTART_BACKOFF_RESET * 1000) rt.backoff = 0;
    const delay = rt.backoff;
    rt.backoff = rt.backoff === 0 ? RESTART_BACKOFF_INITIAL : Math.min(rt.backoff * 2, RESTART_BACKOFF_MAX);
    cs.lastState = { terminated: cs.state.terminated };
    if (delay > 0) {
      cs.state = {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off ${formatBackoff(delay)} restarting failed container=${a.container} pod=${a.name}_${a.namespace}(${a.uid})`,
        },
      };
      this.recorder.record(
        this.ref(pod, `spec.containers{${a.container}}`),
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${a.container} in pod ${a.name}_${a.namespace}(${a.uid})`,
        this.kubeletSource(pod.spec.nodeName),
      );
    }
    this.write('Pod', copy);
    this.clock.schedule(this.clock.now + delay * 1000, 'kubelet.restart', {
      namespace: a.namespace,
      name: a.name,
      uid: a.uid,
      container: a.container,
    });
  }

  /**
   * The containers of a deleted pod have stopped: the kubelet reports the pod terminal (since
   * 1.27 a deleted pod reaches Failed, or Succeeded when every container exited 0, before it is
   * removed), then the object goes. A container that ignored SIGTERM was killed when the grace
   * period ran out (exit code 137); one that handles it exits 0.
   */
  private kubeletKilled(namespace: string, name: string, uid: string): void {
    const pod = this.store.peek('Pod', namespace, name);
    if (!pod || pod.metadata.uid !== uid) return;
    if (!isTerminal(pod) && pod.status?.containerStatuses) {
      const copy = statusCopy(pod);
      const runtimes = this.containers.get(uid) ?? {};
      for (const cs of copy.status.containerStatuses as any[]) {
        if (!cs.state?.running) continue;
        const rt = runtimes[cs.name];
        const code = rt?.handlesSigterm ? 0 : 137;
        cs.state = {
          terminated: {
            exitCode: code,
            reason: code === 0 ? 'Completed' : 'Error',
            startedAt: cs.state.running.startedAt,
            finishedAt: iso(this.clock.now),
            containerID: cs.containerID,
          },
        };
        cs.ready = false;
        cs.started = false;
        if (rt) {
          rt.finishedAt = this.clock.now;
          rt.exitCode = code;
        }
      }
      const statuses = copy.status.containerStatuses as any[];
      const ok = statuses.every((cs) => cs.state?.terminated?.exitCode === 0);
      copy.status.phase = ok ? 'Succeeded' : 'Failed';
      for (const t of ['Ready', 'ContainersReady'])
        setCondition(copy, { type: t, status: 'False', reason: 'PodCompleted' }, this.clock.now);
      setCondition(copy, { type: 'PodReadyToStartContainers', status: 'False' }, this.clock.now);
      this.write('Pod', copy);
    }
    const live = this.store.peek('Pod', namespace, name);
    if (live && live.metadata.uid === uid) this.removePod(live);
  }

  /** Sets the DisruptionTarget condition a component writes before it deletes a pod (PodDisruptionConditions, GA). */
  private markDisruption(pod: any, reason: string, message: string): any {
    const copy = statusCopy(pod);
    setCondition(copy, { type: 'DisruptionTarget', status: 'True', reason, message }, this.clock.now);
    this.write('Pod', copy);
    return copy;
  }

  // ---- nodes ---------------------------------------------------------------------------------

  private fillNodeStatus(node: any): void {
    const name = node.metadata.name;
    const index = Object.keys(this.kubelet.nodeIndex).length;
    this.kubelet.nodeIndex[name] ??= index;
    node.metadata.labels = {
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': name,
      'kubernetes.io/os': 'linux',
      ...(node.metadata.labels ?? {}),
    };
    const status = (node.status ??= {});
    const res = { cpu: '4', 'ephemeral-storage': '100Gi', memory: '16Gi', pods: '110' };
    status.capacity ??= { ...res };
    status.allocatable ??= { ...status.capacity };
    const now = iso(this.clock.now);
    const defaults = [
      {
        type: 'MemoryPressure',
        status: 'False',
        reason: 'KubeletHasSufficientMemory',
        message: 'kubelet has sufficient memory available',
      },
      {
        type: 'DiskPressure',
        status: 'False',
        reason: 'KubeletHasNoDiskPressure',
        message: 'kubelet has no disk pressure',
      },
      {
        type: 'PIDPressure',
        status: 'False',
        reason: 'KubeletHasSufficientPID',
        message: 'kubelet has sufficient PID available',
      },
      { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ];
    const given: any[] = status.conditions ?? [];
    status.conditions = defaults.map((d) => ({
      lastHeartbeatTime: now,
      lastTransitionTime: now,
      ...d,
      ...(given.find((g) => g.type === d.type) ?? {}),
    }));
    for (const g of given) if (!defaults.some((d) => d.type === g.type)) status.conditions.push(g);
    status.addresses ??= [
      { type: 'InternalIP', address: `192.168.49.${2 + index}` },
      { type: 'Hostname', address: name },
    ];
    status.nodeInfo ??= {
      architecture: 'amd64',
      bootID: this.rng.uid(),
      containerRuntimeVersion: 'containerd://2.1.4',
      kernelVersion: '6.8.0-45-generic',
      kubeProxyVersion: '',
      kubeletVersion: 'v1.34.1',
      machineID: this.rng.uid().replace(/-/g, ''),
      operatingSystem: 'linux',
      osImage: 'Ubuntu 24.04.1 LTS',
      systemUUID: this.rng.uid(),
    };
    status.daemonEndpoints ??= { kubeletEndpoint: { Port: 10250 } };
    const ready = status.conditions.find((c: any) => c.type === 'Ready');
    if (ready.status !== 'True') this.health[name] = ready.status === 'False' ? 'NotReady' : 'Unreachable';
  }

  private setNodeCondition(name: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string): void {
    const node = this.store.get('Node', undefined, name)!;
    const now = iso(this.clock.now);
    node.status.conditions = (node.status.conditions ?? []).map((c: any) => {
      if (status === 'Unknown')
        return {
          ...c,
          status: 'Unknown',
          reason: 'NodeStatusUnknown',
          message: 'Kubelet stopped posting node status.',
          lastTransitionTime: now,
        };
      if (c.type !== 'Ready')
        return status === 'True' && c.status === 'Unknown'
          ? { ...c, status: 'False', lastTransitionTime: now, lastHeartbeatTime: now }
          : c;
      return {
        ...c,
        status,
        reason,
        message,
        lastHeartbeatTime: now,
        lastTransitionTime: c.status === status ? c.lastTransitionTime : now,
      };
    });
    this.write('Node', node);
  }

  /**
   * The taints that follow the Ready condition: `<key>:NoSchedule` (TaintNodesByCondition) and
   * `<key>:NoExecute` with timeAdded (node lifecycle controller); then taint-based eviction of the
   * pods that do not tolerate it, after their tolerationSeconds.
   */
  private setConditionTaints(
    name: string,
    key: 'node.kubernetes.io/not-ready' | 'node.kubernetes.io/unreachable' | undefined,
  ): void {
    const node = this.store.get('Node', undefined, name)!;
    const conditionKeys = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];
    const kept = (node.spec.taints ?? []).filter((t: Taint) => !conditionKeys.includes(t.key));
    const added: Taint[] = key
      ? [
          { key, effect: 'NoSchedule' },
          { key, effect: 'NoExecute', timeAdded: iso(this.clock.now) },
        ]
      : [];
    node.spec.taints = [...kept, ...added];
    if (node.spec.taints.length === 0) delete node.spec.taints;
    this.write('Node', node);
  }

  /**
   * The taint eviction controller's processPodOnNode for every pod on a node whose NoExecute
   * taints changed: a pod that does not tolerate one of them is evicted now; one that tolerates
   * them all for a while is evicted after the shortest tolerationSeconds; the others stay.
   */
  private noExecuteTaintPass(name: string): void {
    const node = this.store.peek('Node', undefined, name);
    const taints: Taint[] = (node?.spec?.taints ?? []).filter((t: Taint) => t.effect === 'NoExecute');
    for (const [uid, at] of [...(this.podsOnNode.get(name) ?? [])]) {
      const pod = this.store.peek('Pod', at.namespace, at.name);
      if (!pod || pod.metadata.uid !== uid) continue;
      const scheduled = this.clock.findKey(uid, (t) => t.type === 'taint.evict');
      const cancel = () => this.clock.cancelKey(uid, (t) => t.type === 'taint.evict');
      if (pod.metadata.deletionTimestamp || isTerminal(pod)) continue;
      const args = { namespace: pod.metadata.namespace, name: pod.metadata.name, uid, taint: '' };
      const m = getMatchingTolerations(taints, pod.spec.tolerations ?? []);
      if (!m.ok) {
        cancel();
        this.evictPod(args.namespace, args.name, args.uid, '');
        continue;
      }
      const secs = m.matched.map((t) => t.tolerationSeconds).filter((s): s is number => typeof s === 'number');
      if (taints.length === 0 || secs.length === 0) {
        cancel(); // no NoExecute taint left, or tolerated forever
        continue;
      }
      // processPodOnNode keeps an eviction already scheduled for the pod as it is.
      if (scheduled) continue;
      this.clock.schedule(this.clock.now + Math.max(0, Math.min(...secs)) * 1000, 'taint.evict', args);
    }
  }

  /** The node lifecycle controller's TaintNodesByCondition for spec.unschedulable (a cordon). */
  private syncUnschedulableTaint(name: string): void {
    const node = this.store.get('Node', undefined, name);
    if (!node) return;
    const key = 'node.kubernetes.io/unschedulable';
    const has = (node.spec.taints ?? []).some((t: Taint) => t.key === key && t.effect === 'NoSchedule');
    if (!!node.spec.unschedulable === has) return;
    if (node.spec.unschedulable)
      node.spec.taints = [...(node.spec.taints ?? []), { key, effect: 'NoSchedule', timeAdded: iso(this.clock.now) }];
    else node.spec.taints = node.spec.taints.filter((t: Taint) => !(t.key === key && t.effect === 'NoSchedule'));
    if (node.spec.taints.length === 0) delete node.spec.taints;
    this.write('Node', node);
  }

  private nodeUnreachable(name: string): void {
    if (this.health[name] !== 'Unreachable' || !this.store.peek('Node', undefined, name)) return;
    this.setNodeCondition(name, 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.');
    this.setConditionTaints(name, 'node.kubernetes.io/unreachable');
  }

  private evictPod(namespace: string, name: string, uid: string, _taint: string): void {
    const pod = this.store.peek('Pod', namespace, name);
    if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp) return;
    this.recorder.record(
      this.ref(pod),
      'Normal',
      'TaintManagerEviction',
      `Marking for deletion Pod ${namespace}/${name}`,
      { component: 'taint-eviction-controller' },
    );
    this.deletePod(
      this.markDisruption(pod, 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint'),
    );
  }

  private podGCOrphaned(node: string): void {
    if (this.store.peek('Node', undefined, node)) return;
    for (const pod of this.store.peekAll('Pod')) {
      if (pod.spec.nodeName !== node) continue;
      this.recorder.record(
        this.ref(pod),
        'Normal',
        'PodGCOrphaned',
        `Deleting pod ${pod.metadata.namespace}/${pod.metadata.name} as its node ${node} no longer exists`,
        { component: 'pod-garbage-collector' },
      );
      // markFailedAndDeletePodWithCondition: a non-terminal pod is marked Failed first.
      const copy = statusCopy(pod);
      if (!isTerminal(copy)) copy.status = { ...(copy.status ?? {}), phase: 'Failed' };
      setCondition(
        copy,
        {
          type: 'DisruptionTarget',
          status: 'True',
          reason: 'DeletionByPodGC',
          message: 'PodGC: node no longer exists',
        },
        this.clock.now,
      );
      this.write('Pod', copy);
      this.removePod(copy);
    }
  }
}

/**
 * A stored pod copied for a status write: new metadata (the store stamps the resourceVersion
 * there) and a deep copy of the status; the spec is shared with the stored version, which
 * nothing writes to.
 */
// Predicates of the hot paths, made once (an arrow function in place is made on every call).
const isKubeletTimer = (t: Timer) => t.type.startsWith('kubelet.');
const isSchedulingTimer = (t: Timer) => t.type === 'scheduler.schedule';
const hasTerminated = (s: any) => !!s.state.terminated;
const exitedZero = (s: any) => s.state.terminated.exitCode === 0;
const byObjectName = (a: any, b: any) =>
  a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
/** The kinds whose objects can have owners, in the order garbage collection visits them. */
const DEPENDENT_KINDS: KindName[] = ['Pod', 'Job', 'ControllerRevision'];

/** The scheduler as an Event source (shared by its Events, never changed). */
const SCHEDULER_SOURCE = { component: 'default-scheduler' };

/** The image digest the sim reports for every image. */
const ZERO_DIGEST = '0'.repeat(64);

/** The item of a list of containers or container statuses with this name (a loop: no closure on the hot path). */
function byName<T extends { name?: string }>(list: T[], name: string): T | undefined {
  for (let i = 0; i < list.length; i++) if (list[i].name === name) return list[i];
  return undefined;
}

/** The imageID a container status reports for an image (one string per image, shared). */
const imageID = memoByString((image: string) => `docker.io/library/${image}@sha256:${ZERO_DIGEST}`, 1000);

/** The NodeInfo of a node the scheduler cache has no pods for (shared, read-only). */
const EMPTY_NODE_INFO: NodeInfo = emptyNodeInfo();

function statusCopy(pod: any): any {
  // Shares what the kubelet never changes in place: conditions are replaced whole (setCondition),
  // container statuses get their fields reassigned, so only the lists and those items are copied.
  const status = { ...pod.status };
  if (status.conditions) status.conditions = status.conditions.slice();
  if (status.containerStatuses) status.containerStatuses = copyItems(status.containerStatuses);
  if (status.initContainerStatuses) status.initContainerStatuses = copyItems(status.initContainerStatuses);
  if (status.ephemeralContainerStatuses)
    status.ephemeralContainerStatuses = copyItems(status.ephemeralContainerStatuses);
  return { ...pod, metadata: { ...pod.metadata }, status };
}

/** A list of objects with each item copied one level deep. */
function copyItems(list: any[]): any[] {
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = { ...list[i] };
  return out;
}

/** The containers' names, space-separated, as the kubelet lists unready ones. */
function containerNames(containers: Container[]): string {
  let out = '';
  for (let i = 0; i < containers.length; i++) out += i ? ` ${containers[i].name}` : containers[i].name;
  return out;
}

function nodeIP(node: any): string {
  return node?.status?.addresses?.find((a: any) => a.type === 'InternalIP')?.address ?? '';
}

function setCondition(
  obj: any,
  c: { type: string; status: string; reason?: string; message?: string },
  now: number,
): void {
  obj.status ??= {};
  const list: any[] = (obj.status.conditions ??= []);
  let at = -1;
  for (let i = 0; i < list.length; i++)
    if (list[i].type === c.type) {
      at = i;
      break;
    }
  const prev = at >= 0 ? list[at] : undefined;
  // The same condition again: the stored one already says it (and keeps its transition time).
  if (
    prev &&
    prev.status === c.status &&
    prev.reason === (c.reason || undefined) &&
    prev.message === (c.message || undefined) &&
    prev.lastProbeTime === null
  )
    return;
  const next: any = {
    type: c.type,
    status: c.status,
    lastProbeTime: null,
    lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : iso(now),
  };
  if (c.reason) next.reason = c.reason;
  if (c.message) next.message = c.message;
  if (at >= 0) list[at] = next;
  else list.push(next);
}

function formatBackoff(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m}m${s}s` : `${m}m0s`;
}

function parseLastApplied(text: string | undefined): any {
  try {
    return JSON.parse(text ?? '{}');
  } catch {
    return {};
  }
}

/**
 * kubectl apply's three-way merge, simplified: maps merge key by key, lists and scalars are
 * replaced by the manifest's, and keys that the previous apply set but the manifest no longer has
 * are removed. Fields that others set (defaults, status, labels added by `kubectl label`) stay.
 */
export function threeWayMerge(previous: any, manifest: any, live: any): any {
  if (!isPlain(manifest) || !isPlain(live)) return clone(manifest);
  const out = { ...live };
  for (const k of Object.keys(manifest))
    out[k] =
      isPlain(manifest[k]) && isPlain(live[k])
        ? threeWayMerge(isPlain(previous) ? previous[k] : undefined, manifest[k], live[k])
        : clone(manifest[k]);
  if (isPlain(previous)) for (const k of Object.keys(previous)) if (!(k in manifest)) delete out[k];
  return out;
}

function isPlain(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function sameObject(a: any, b: any): boolean {
  const strip = (o: any) => {
    const c = clone(o);
    delete c.metadata.resourceVersion;
    delete c.metadata.managedFields;
    return sortedJson(c);
  };
  return strip(a) === strip(b);
}
