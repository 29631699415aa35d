/**
 * What happens to an object between `kubectl apply` and storage, in the order the API server does
 * it: decoding applies defaults (SetObjectDefaults_*), mutating admission plugins run
 * (ServiceAccount, Priority, DefaultTolerationSeconds for Pods), the registry strategy's
 * PrepareForCreate/PrepareForUpdate clears status, sets generation and, for Jobs, generates the
 * selector; then ValidateX / ValidateXUpdate. The stored object is then read back, which applies
 * defaults once more (that is why a Job without labels shows its template's generated labels).
 */
import { rfc3339 } from '../time';
import { clone } from '../clone';
import type { KindName } from '../kinds';
import { kindInfo } from '../kinds';
import type { FieldError } from './field';
import { fieldErrorMessage } from './field';
import { setObjectDefaults } from './defaults';
import { validateObject, validateObjectUpdate } from './validation/index';
import { podQOSClass } from './validation/quantity';
import { jsonEqualValues } from './validation/equality';

export interface AdmitContext {
  now: Date;
  uid: string;
  operation: 'create' | 'update';
  old?: any;
}

/** The taints DefaultTolerationSeconds tolerates for 300s unless the Pod already tolerates them. */
export const DEFAULT_TOLERATION_SECONDS = 300;
const notReadyTaint = 'node.kubernetes.io/not-ready';
const unreachableTaint = 'node.kubernetes.io/unreachable';

/** System priority classes every cluster has (pkg/apis/scheduling SystemPriorityClasses). */
const systemPriorityClasses: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/** Characters names.SimpleNameGenerator draws from (utilrand.String). */
const alphanums = 'bcdfghjklmnpqrstvwxz2456789';

/** A generateName suffix of 5 characters, derived from the uid so it is deterministic. */
export function generatedNameSuffix(uid: string): string {
  let h = 2166136261;
  let out = '';
  for (let i = 0; i < 5; i++) {
    // FNV-1a over the characters of `${uid}#${i}`.
    for (let j = 0; j < uid.length; j++) h = Math.imul(h ^ uid.charCodeAt(j), 16777619) >>> 0;
    h = Math.imul(h ^ 35, 16777619) >>> 0; // '#'
    const digit = String(i);
    for (let j = 0; j < digit.length; j++) h = Math.imul(h ^ digit.charCodeAt(j), 16777619) >>> 0;
    out += alphanums[h % alphanums.length];
  }
  return out;
}

/**
 * DefaultTolerationSeconds admission plugin: adds `not-ready` and `unreachable` NoExecute
 * tolerations for 300s unless a toleration for that taint (an Exists/Equal on the key with effect
 * NoExecute or any effect) is already there.
 */
export function addDefaultTolerationSeconds(pod: any): void {
  pod.spec ??= {};
  const tolerations: any[] = pod.spec.tolerations ?? [];
  const add: any[] = [];
  if (!tolerates(tolerations, notReadyTaint))
    add.push({
      key: notReadyTaint,
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
    });
  if (!tolerates(tolerations, unreachableTaint))
    add.push({
      key: unreachableTaint,
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
    });
  if (add.length) pod.spec.tolerations = [...tolerations, ...add];
}

/** Whether a toleration covers the NoExecute taint `key` (an Exists without a key, or the key with effect NoExecute or none). */
function tolerates(tolerations: any[], key: string): boolean {
  for (const t of tolerations)
    if ((t.operator === 'Exists' && !t.key) || (t.key === key && (!t.effect || t.effect === 'NoExecute'))) return true;
  return false;
}

/** The ServiceAccount and Priority admission plugins' visible effect on a Pod. */
function admitPodPlugins(pod: any): FieldError[] {
  const spec = pod.spec;
  if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || 'default';
  spec.serviceAccount = spec.serviceAccountName;
  const className: string | undefined = spec.priorityClassName;
  if (!className || className in systemPriorityClasses) {
    const p = className ? systemPriorityClasses[className] : 0;
    if (spec.priority === undefined || spec.priority === null) spec.priority = p;
    spec.preemptionPolicy ??= 'PreemptLowerPriority';
  }
  return [];
}

function isSpecKind(kind: KindName): boolean {
  return kind === 'Pod' || kind === 'DaemonSet' || kind === 'Job' || kind === 'CronJob';
}

/** Whether an update changes `spec`, which is what bumps `metadata.generation` (PrepareForUpdate). */
export function specChanged(kind: KindName, oldObj: any, newObj: any): boolean {
  if (!isSpecKind(kind)) return false;
  return !jsonEqualValues(oldObj?.spec, newObj?.spec);
}

/** Job's generateSelector: controller-uid / job-name labels on the template and the selector. */
export function generateJobSelector(job: any): void {
  const name: string = job.metadata?.name ?? '';
  const uid: string = job.metadata?.uid ?? '';
  job.spec ??= {};
  job.spec.template ??= {};
  job.spec.template.metadata ??= {};
  const labels = (job.spec.template.metadata.labels ??= {});
  for (const k of ['job-name', 'batch.kubernetes.io/job-name']) if (!(k in labels)) labels[k] = name;
  for (const k of ['controller-uid', 'batch.kubernetes.io/controller-uid']) if (!(k in labels)) labels[k] = uid;
  job.spec.selector ??= {};
  job.spec.selector.matchLabels ??= {};
  if (!('batch.kubernetes.io/controller-uid' in job.spec.selector.matchLabels))
    job.spec.selector.matchLabels['batch.kubernetes.io/controller-uid'] = uid;
}

/** apps.DeprecatedTemplateGeneration (pkg/apis/apps/v1 conversion keeps TemplateGeneration here). */
const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

function prepareForCreate(kind: KindName, obj: any, ctx: AdmitContext): void {
  obj.metadata ??= {};
  const meta = obj.metadata;
  if (kindInfo(kind).namespaced && !meta.namespace) meta.namespace = 'default';
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${generatedNameSuffix(ctx.uid)}`;
  meta.uid = ctx.uid;
  meta.creationTimestamp = rfc3339(ctx.now.getTime());
  if (meta.deletionTimestamp !== undefined) delete meta.deletionTimestamp;
  switch (kind) {
    case 'Job':
      if (obj.spec?.manualSelector !== true) generateJobSelector(obj);
      obj.status = {};
      meta.generation = 1;
      break;
    case 'DaemonSet':
      obj.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
      meta.generation = 1;
      // daemonSetStrategy.PrepareForCreate: TemplateGeneration = 1, which apps/v1 carries as an annotation.
      meta.annotations = { ...(meta.annotations ?? {}), [TEMPLATE_GENERATION]: '1' };
      break;
    case 'CronJob':
      obj.status = {};
      meta.generation = 1;
      break;
    case 'Pod':
      obj.status = { phase: 'Pending', qosClass: podQOSClass(obj.spec ?? {}) };
      meta.generation = 1;
      break;
    case 'Namespace':
      obj.spec = { ...(obj.spec ?? {}), finalizers: ['kubernetes'] };
      obj.status = { phase: 'Active' };
      break;
    default:
      break;
  }
}

function prepareForUpdate(kind: KindName, obj: any, old: any): void {
  obj.metadata ??= {};
  const meta = obj.metadata;
  const oldMeta = old?.metadata ?? {};
  for (const k of ['uid', 'creationTimestamp', 'generation', 'resourceVersion', 'deletionTimestamp'])
    if (meta[k] === undefined && oldMeta[k] !== undefined) meta[k] = oldMeta[k];
  if (meta.namespace === undefined && oldMeta.namespace !== undefined) meta.namespace = oldMeta.namespace;
  if (kind !== 'Node' && kind !== 'Event' && kind !== 'ControllerRevision') {
    if (old && 'status' in old) obj.status = clone(old.status);
  }
  if (isSpecKind(kind) && specChanged(kind, old, obj)) meta.generation = (oldMeta.generation ?? 1) + 1;
  if (kind === 'DaemonSet') {
    // daemonSetStrategy.PrepareForUpdate: a changed template bumps TemplateGeneration; otherwise
    // the object keeps the one it carries (kubectl apply keeps the live annotation).
    const was = oldMeta.annotations?.[TEMPLATE_GENERATION];
    const carried = meta.annotations?.[TEMPLATE_GENERATION] ?? was;
    const next = !jsonEqualValues(old?.spec?.template, obj.spec?.template) ? String(Number(was ?? 0) + 1) : carried;
    if (next !== undefined) meta.annotations = { ...(meta.annotations ?? {}), [TEMPLATE_GENERATION]: next };
  }
}

/** Update validation runs some checks twice (as upstream does); kubectl shows each line once. */
function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = fieldErrorMessage(e);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Runs, in the order the real API server does: the strategy's PrepareForCreate/PrepareForUpdate
 * (e.g. Job selector + controller-uid/job-name labels), defaulting (SetObjectDefaults_*), the
 * DefaultTolerationSeconds admission plugin for Pods, and validation (ValidateX / ValidateXUpdate).
 * Returns the object as it would be stored (a new object, and the input is not mutated, unless `owned`) or the errors.
 */
export function admit(
  kind: KindName,
  obj: any,
  ctx: AdmitContext,
  /** The caller hands `obj` over (a controller's fresh request): it is admitted in place, not copied. */
  owned = false,
): { object: any; errors: FieldError[] } {
  const o = (owned ? obj : clone(obj)) ?? {};
  const old = ctx.operation === 'update' ? clone(ctx.old) : undefined;
  setObjectDefaults(kind, o);
  const errors: FieldError[] = [];
  if (kind === 'Pod') {
    o.spec ??= {};
    // ServiceAccount and Priority act on create; DefaultTolerationSeconds on create and update.
    if (ctx.operation === 'create') errors.push(...admitPodPlugins(o));
    addDefaultTolerationSeconds(o);
  }
  if (ctx.operation === 'create') prepareForCreate(kind, o, ctx);
  else prepareForUpdate(kind, o, old);
  errors.push(...(ctx.operation === 'create' ? validateObject(kind, o) : validateObjectUpdate(kind, o, old)));
  if (errors.length) return { object: o, errors: dedupe(errors) };
  // Read back from storage: decoding applies the defaults again.
  setObjectDefaults(kind, o);
  return { object: o, errors: [] };
}
