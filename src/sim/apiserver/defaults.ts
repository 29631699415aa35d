/**
 * Defaulting as the API server applies it when it decodes a manifest: the hand-written
 * `SetDefaults_*` functions of pkg/apis/core/v1, apps/v1 and batch/v1 and the generated
 * `SetObjectDefaults_*` walks (zz_generated.defaults.go) that call them for every nested struct,
 * plus the declarative `+default=` markers (ports' protocol, gRPC probe service).
 *
 * Every function mutates the object it is given; callers that must not mutate pass a copy
 * (see admission.ts). The shapes are the v1 wire shapes, as `kubectl get -o yaml` shows them.
 */
import type {
  Container,
  PodSpec,
  Pod,
  Probe,
  Volume,
  PodTemplateSpec,
  Namespace,
  Node,
} from 'kubernetes-types/core/v1';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Job, CronJob, JobSpec } from 'kubernetes-types/batch/v1';
import type { KindName } from '../kinds';
import { canonicalQuantity } from './validation/quantity';

const MAX_INT32 = 2147483647;

/**
 * The tag `parsers.ParseImageName` finds in an image reference: the part after the last `:` that
 * follows the last `/`, before any `@digest`; `latest` when neither tag nor digest is given.
 * A digest without a tag yields the empty tag.
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const hasDigest = at >= 0;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > lastSlash ? name.slice(colon + 1) : '';
  if (!tag && !hasDigest) return 'latest';
  return tag;
}

/** SetDefaults_Container: pull policy from the tag, termination message path and policy. */
export function setDefaultsContainer(c: Container): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
}

/** SetDefaults_Probe plus the defaults of its handler (HTTPGetAction, GRPCAction.service). */
export function setDefaultsProbe(p: Probe): void {
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  if (p.httpGet) setDefaultsHTTPGet(p.httpGet);
  if (p.grpc && p.grpc.service === undefined) p.grpc.service = '';
}

function setDefaultsHTTPGet(h: { path?: string; scheme?: string }): void {
  if (!h.path) h.path = '/';
  if (!h.scheme) h.scheme = 'HTTP';
}

/** SetDefaults_Volume and the defaults of each volume source the generated walk visits. */
export function setDefaultsVolume(v: Volume): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  if (v.hostPath && v.hostPath.type === undefined) v.hostPath.type = '';
  if (v.secret && v.secret.defaultMode === undefined) v.secret.defaultMode = 0o644;
  if (v.configMap && v.configMap.defaultMode === undefined) v.configMap.defaultMode = 0o644;
  if (v.downwardAPI) {
    if (v.downwardAPI.defaultMode === undefined) v.downwardAPI.defaultMode = 0o644;
    for (const item of v.downwardAPI.items ?? [])
      if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
  }
  if (v.projected) {
    if (v.projected.defaultMode === undefined) v.projected.defaultMode = 0o644;
    for (const s of v.projected.sources ?? []) {
      if (s.serviceAccountToken && s.serviceAccountToken.expirationSeconds === undefined)
        s.serviceAccountToken.expirationSeconds = 3600;
      for (const item of s.downwardAPI?.items ?? [])
        if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
    }
  }
}

/** SetDefaults_ResourceList: quantities rounded up to milli units, stored in canonical form. */
export function setDefaultsResourceList(list: Record<string, unknown> | undefined): void {
  if (!list) return;
  for (const [k, v] of Object.entries(list))
    if (typeof v === 'string' || typeof v === 'number') list[k] = canonicalQuantity(v, true);
}

/** What the generated walk does for one container of any list. */
function defaultContainerTree(c: Container): void {
  setDefaultsContainer(c);
  setDefaultsResourceList(c.resources?.limits);
  setDefaultsResourceList(c.resources?.requests);
  for (const p of c.ports ?? []) if (!p.protocol) p.protocol = 'TCP';
  for (const e of c.env ?? []) {
    const fr = e.valueFrom?.fieldRef;
    if (fr && !fr.apiVersion) fr.apiVersion = 'v1';
  }
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) setDefaultsProbe(probe);
  for (const h of [c.lifecycle?.postStart, c.lifecycle?.preStop]) if (h?.httpGet) setDefaultsHTTPGet(h.httpGet);
}

/** SetDefaults_PodSpec and everything the generated walk reaches below a PodSpec. */
export function setDefaultsPodSpec(spec: PodSpec): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (!spec.securityContext) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null)
    spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  setDefaultsResourceList(spec.overhead);
  for (const v of spec.volumes ?? []) setDefaultsVolume(v);
  for (const c of spec.initContainers ?? []) defaultContainerTree(c);
  for (const c of spec.containers ?? []) defaultContainerTree(c);
  for (const c of spec.ephemeralContainers ?? []) defaultContainerTree(c as Container);
}

/** Requests default to limits for each resource that has a limit but no request (Pods only). */
function defaultRequestsFromLimits(c: Container): void {
  const limits = c.resources?.limits;
  if (!limits || !c.resources) return;
  if (!c.resources.requests) c.resources.requests = {};
  for (const [k, v] of Object.entries(limits)) if (!(k in c.resources.requests)) c.resources.requests[k] = v;
}

/** SetObjectDefaults_Pod: SetDefaults_Pod (requests from limits, service links, host ports) + the spec. */
export function setDefaultsPod(pod: Pod): void {
  pod.spec ??= { containers: [] };
  const spec = pod.spec;
  for (const c of spec.containers ?? []) defaultRequestsFromLimits(c);
  for (const c of spec.initContainers ?? []) defaultRequestsFromLimits(c);
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])])
      for (const p of c.ports ?? []) if (!p.hostPort) p.hostPort = p.containerPort;
  }
  setDefaultsPodSpec(spec);
}

function setDefaultsPodTemplate(t: PodTemplateSpec | undefined): void {
  if (t?.spec) setDefaultsPodSpec(t.spec);
}

/**
 * SetObjectDefaults_DaemonSet: SetDefaults_DaemonSet (RollingUpdate with maxUnavailable 1 and
 * maxSurge 0, revisionHistoryLimit 10) and the pod spec of the template. The template and its spec
 * are structs, not pointers, in apps/v1, so a DaemonSet without them still gets the pod spec
 * defaults (restartPolicy Always, dnsPolicy ClusterFirst, …) before validation.
 */
export function setDefaultsDaemonSet(ds: DaemonSet): void {
  ds.spec ??= {} as DaemonSet['spec'] & object;
  const spec = ds.spec!;
  spec.template ??= {};
  spec.template.spec ??= { containers: [] };
  spec.updateStrategy ??= {};
  const us = spec.updateStrategy;
  if (!us.type) us.type = 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    us.rollingUpdate ??= {};
    if (us.rollingUpdate.maxUnavailable === undefined || us.rollingUpdate.maxUnavailable === null)
      us.rollingUpdate.maxUnavailable = 1;
    if (us.rollingUpdate.maxSurge === undefined || us.rollingUpdate.maxSurge === null) us.rollingUpdate.maxSurge = 0;
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  setDefaultsPodTemplate(spec.template);
}

/**
 * SetDefaults_Job's JobSpec part (pkg/apis/batch/v1/defaults.go, 1.34: completions and parallelism,
 * backoffLimit 6 or MaxInt32 with backoffLimitPerIndex, NonIndexed, not suspended, podReplacementPolicy
 * by podFailurePolicy, manualSelector false) and the walk below the pod template.
 */
function setDefaultsJobSpec(spec: JobSpec): void {
  const nil = (v: unknown) => v === undefined || v === null;
  if (nil(spec.completions) && nil(spec.parallelism)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (nil(spec.parallelism)) spec.parallelism = 1;
  if (nil(spec.backoffLimit)) spec.backoffLimit = nil(spec.backoffLimitPerIndex) ? 6 : MAX_INT32;
  if (nil(spec.completionMode)) spec.completionMode = 'NonIndexed';
  if (nil(spec.suspend)) spec.suspend = false;
  const s = spec as JobSpec & { podReplacementPolicy?: string };
  if (nil(s.podReplacementPolicy)) s.podReplacementPolicy = spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  if (nil(spec.manualSelector)) spec.manualSelector = false;
  setDefaultsPodFailurePolicy(spec);
  setDefaultsPodTemplate(spec.template);
}

/**
 * SetDefaults_PodFailurePolicyOnPodConditionsPattern (status True), which the generated walk calls
 * for every pattern it reaches: a Job's and, since kubernetes#131525 (1.34), a CronJob's jobTemplate.
 */
function setDefaultsPodFailurePolicy(spec: JobSpec): void {
  for (const rule of spec.podFailurePolicy?.rules ?? [])
    for (const pattern of rule.onPodConditions ?? []) if (!pattern.status) pattern.status = 'True';
}

/**
 * SetObjectDefaults_Job: SetDefaults_Job (labels from the template when the Job has none) + template.
 * The template and its spec are structs in batch/v1, so a Job without them still gets the pod spec
 * defaults (restartPolicy Always, …) and fails only on what upstream reports.
 */
export function setDefaultsJob(job: Job): void {
  job.spec ??= { template: {} };
  job.spec.template ??= {};
  job.spec.template.spec ??= { containers: [] };
  const labels = job.spec.template?.metadata?.labels;
  if (labels && Object.keys(job.metadata?.labels ?? {}).length === 0) {
    job.metadata ??= {};
    job.metadata.labels = { ...labels };
  }
  setDefaultsJobSpec(job.spec);
}

/**
 * SetObjectDefaults_CronJob: SetDefaults_CronJob (Allow, not suspended, history 3/1), the
 * onPodConditions patterns' status and the walk below the job template's pod spec. SetDefaults_Job
 * takes a Job, so the jobTemplate's JobSpec keeps its other unset fields (completions, parallelism,
 * backoffLimit, completionMode, suspend, podReplacementPolicy, manualSelector); the Job the
 * controller creates is defaulted.
 */
export function setDefaultsCronJob(cj: CronJob): void {
  cj.spec ??= { schedule: '', jobTemplate: {} };
  const spec = cj.spec;
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
  if (spec.suspend === undefined || spec.suspend === null) spec.suspend = false;
  if (spec.successfulJobsHistoryLimit === undefined || spec.successfulJobsHistoryLimit === null)
    spec.successfulJobsHistoryLimit = 3;
  if (spec.failedJobsHistoryLimit === undefined || spec.failedJobsHistoryLimit === null)
    spec.failedJobsHistoryLimit = 1;
  spec.jobTemplate ??= {};
  spec.jobTemplate.spec ??= { template: {} };
  spec.jobTemplate.spec.template ??= {};
  spec.jobTemplate.spec.template.spec ??= { containers: [] };
  setDefaultsPodFailurePolicy(spec.jobTemplate.spec);
  setDefaultsPodTemplate(spec.jobTemplate.spec.template);
}

/** SetDefaults_Namespace: the `kubernetes.io/metadata.name` label; status phase Active. */
export function setDefaultsNamespace(ns: Namespace): void {
  const name = ns.metadata?.name;
  if (name) {
    ns.metadata!.labels = { ...(ns.metadata!.labels ?? {}), 'kubernetes.io/metadata.name': name };
  }
  ns.status ??= {};
  if (!ns.status.phase) ns.status.phase = 'Active';
}

/** SetDefaults_NodeStatus: allocatable defaults to capacity. */
export function setDefaultsNode(node: Node): void {
  const st = node.status;
  if (st && !st.allocatable && st.capacity) st.allocatable = { ...st.capacity };
}

/** SetObjectDefaults_<Kind>: mutates `obj`. Kinds without defaults are left as they are. */
export function setObjectDefaults(kind: KindName, obj: any): void {
  switch (kind) {
    case 'Pod':
      return setDefaultsPod(obj);
    case 'DaemonSet':
      return setDefaultsDaemonSet(obj);
    case 'Job':
      return setDefaultsJob(obj);
    case 'CronJob':
      return setDefaultsCronJob(obj);
    case 'Namespace':
      return setDefaultsNamespace(obj);
    case 'Node':
      return setDefaultsNode(obj);
    default:
      return;
  }
}
