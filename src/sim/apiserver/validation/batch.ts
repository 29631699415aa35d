/**
 * Job and CronJob validation as pkg/apis/batch/validation/validation.go (1.34) does it, with the
 * options the job registry strategy passes (RequirePrefixedLabels, AllowMutableSchedulingDirectives,
 * AllowElasticIndexedJobs — GA).
 */
import type { CronJob, CronJobSpec, Job, JobSpec, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import type { PodFailurePolicyRule } from 'kubernetes-types/batch/v1';
import type { BadValue, FieldError } from '../field';
import {
  child,
  duplicate,
  goQuote,
  goValue,
  index,
  invalid,
  notSupported,
  omitValue,
  required,
  tooLong,
  tooMany,
} from '../field';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  regexError,
  validateLabelSelector,
} from '../../labels/validation';
import { parseSchedule, validateTimeZone } from '../../cronjob/schedule';
import { goBool, goInt32Slice, goLabelSelector, goStringMap } from './go-value';
import {
  invalidRendered,
  nameIsDNSSubdomain,
  validateHasLabel,
  validateImmutableField,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './meta';
import { validatePodTemplateSpec } from './core';
import { labelSelectorAsSelector } from './selector';
import { jsonEqualValues } from './equality';

const maxParallelismForIndexedJob = 100000;
const maxFailedIndexesForIndexedJob = 100000;
const completionsSoftLimit = 100000;
const parallelismLimitForHighCompletions = 10000;
const maxFailedIndexesLimitForHighCompletions = 10000;
const maxPodFailurePolicyRules = 20;
const maxPodFailurePolicyOnExitCodesValues = 255;
const maxPodFailurePolicyOnPodConditionsPatterns = 20;

const maxManagedByLength = 63;
const maxJobSuccessPolicySucceededIndexesLimit = 64 * 1024;
const maxSuccessPolicyRule = 20;

const supportedPodFailurePolicyActions = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const supportedOnExitCodesOperators = ['In', 'NotIn'];
const supportedOnPodConditionsStatus = ['False', 'True', 'Unknown'];

export interface JobValidationOptions {
  /** The template must carry the `batch.kubernetes.io/` labels too (true on create). */
  requirePrefixedLabels: boolean;
  /** Node affinity, node selector, tolerations, labels, annotations and scheduling gates may change. */
  allowMutableSchedulingDirectives?: boolean;
}

interface SuccessPolicyRule {
  succeededIndexes?: string | null;
  succeededCount?: number | null;
}
type JobSpecX = JobSpec & {
  podReplacementPolicy?: string;
  successPolicy?: { rules?: SuccessPolicyRule[] | null } | null;
  managedBy?: string;
};

const httpPathFmt = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const httpPathRegexp = new RegExp(`^${httpPathFmt}$`);

/** apimachinery's IsDomainPrefixedPath: `host/path`, the host a DNS subdomain, the path an HTTP path. */
function isDomainPrefixedPath(path: string, value: string): FieldError[] {
  if (value.length === 0) return [required(path, '')];
  const slash = value.indexOf('/');
  const host = slash < 0 ? value : value.slice(0, slash);
  const rest = slash < 0 ? '' : value.slice(slash + 1);
  if (slash < 0 || host.length === 0 || rest.length === 0)
    return [invalid(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs = isDNS1123Subdomain(host).map((m) => invalid(path, host, m));
  if (!httpPathRegexp.test(rest)) errs.push(invalid(path, rest, regexError('Invalid path', httpPathFmt)));
  return errs;
}

/** parseIndexInterval: `x` or `x-y`, both below completions, x < y; the error text upstream gives. */
function parseIndexInterval(interval: string, completions: number): [number, number] | string {
  const limits = interval.split('-');
  if (limits.length > 2)
    return `the fragment ${goQuote(interval)} violates the requirement that an index interval can have at most two parts separated by '-'`;
  const atoi = (t: string) => (/^[+-]?\d+$/.test(t) ? Number(t) : NaN);
  const x = atoi(limits[0]);
  if (Number.isNaN(x)) return `cannot convert string to integer for index: ${goQuote(limits[0])}`;
  if (x >= completions) return `too large index: ${goQuote(limits[0])}`;
  if (limits.length > 1) {
    const y = atoi(limits[1]);
    if (Number.isNaN(y)) return `cannot convert string to integer for index: ${goQuote(limits[1])}`;
    if (y >= completions) return `too large index: ${goQuote(limits[1])}`;
    if (x >= y) return `non-increasing order, previous: ${x}, current: ${y}`;
    return [x, y];
  }
  return [x, x];
}

/** validateIndexesFormat: comma-separated increasing intervals; returns how many indexes they hold. */
export function validateIndexesFormat(indexes: string, completions: number): number | { error: string } {
  if (indexes.length === 0) return 0;
  let last: number | undefined;
  let total = 0;
  for (const interval of indexes.split(',')) {
    const r = parseIndexInterval(interval, completions);
    if (typeof r === 'string') return { error: r };
    const [x, y] = r;
    if (last !== undefined && last >= x) return { error: `non-increasing order, previous: ${last}, current: ${x}` };
    total += y - x + 1;
    last = y;
  }
  return total;
}

/** Where Go prints a non-nil pointer inside a struct: its address, not reproducible (as go-value.ts). */
const fakeAddress = '0xc000000000';
const goPtr = (type: string, v: unknown) => (v == null ? `(*${type})(nil)` : `(*${type})(${fakeAddress})`);

/** `%#v` of a batch.SuccessPolicy (a dereferenced *SuccessPolicy). */
function goSuccessPolicy(sp: { rules?: SuccessPolicyRule[] | null }): string {
  const rules = sp.rules;
  if (rules == null) return 'batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule(nil)}';
  const items = rules.map(
    (r) =>
      `batch.SuccessPolicyRule{SucceededIndexes:${goPtr('string', r.succeededIndexes)}, SucceededCount:${goPtr('int32', r.succeededCount)}}`,
  );
  return `batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{${items.join(', ')}}}`;
}

/** `%#v` of a batch.PodFailurePolicy (a dereferenced *PodFailurePolicy). */
function goPodFailurePolicy(pfp: { rules?: PodFailurePolicyRule[] | null }): string {
  const rules = pfp.rules;
  if (rules == null) return 'batch.PodFailurePolicy{Rules:[]batch.PodFailurePolicyRule(nil)}';
  const patterns = (ps: PodFailurePolicyRule['onPodConditions']) =>
    ps == null
      ? '[]batch.PodFailurePolicyOnPodConditionsPattern(nil)'
      : `[]batch.PodFailurePolicyOnPodConditionsPattern{${ps
          .map(
            (p) =>
              `batch.PodFailurePolicyOnPodConditionsPattern{Type:${goQuote(p.type ?? '')}, Status:${goQuote(p.status ?? '')}}`,
          )
          .join(', ')}}`;
  const items = rules.map(
    (r) =>
      `batch.PodFailurePolicyRule{Action:${goQuote(r.action ?? '')}, OnExitCodes:${goPtr('batch.PodFailurePolicyOnExitCodesRequirement', r.onExitCodes)}, OnPodConditions:${patterns(r.onPodConditions)}}`,
  );
  return `batch.PodFailurePolicy{Rules:[]batch.PodFailurePolicyRule{${items.join(', ')}}}`;
}

/**
 * ValidateImmutableField passes the new value, a pointer for optional fields: field.Error prints a
 * nil one as the string "null" (`Invalid value: "null"`), a set one dereferenced.
 */
function immutable(
  newVal: unknown,
  oldVal: unknown,
  path: string,
  render: (v: any) => BadValue = goValue,
): FieldError[] {
  return validateImmutableField(newVal, oldVal, path, (v) => (v == null ? { go: goQuote('null') } : render(v)));
}

/** validateSuccessPolicy (JobSuccessPolicy, GA in 1.33): 1–20 rules, each with a count or indexes. */
function validateSuccessPolicy(spec: JobSpecX, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const rulesPath = child(path, 'rules');
  const rules = spec.successPolicy?.rules ?? [];
  if (rules.length === 0)
    errs.push(required(rulesPath, 'at least one rules must be specified when the successPolicy is specified'));
  if (rules.length > maxSuccessPolicyRule) errs.push(tooMany(rulesPath, rules.length, maxSuccessPolicyRule));
  const completions = spec.completions ?? 0;
  rules.forEach((rule, i) => {
    const rp = index(rulesPath, i);
    if (rule.succeededCount == null && rule.succeededIndexes == null)
      errs.push(required(rp, 'at least one of succeededCount or succeededIndexes must be specified'));
    let totalIndexes = 0;
    if (rule.succeededIndexes != null) {
      const ip = child(rp, 'succeededIndexes');
      if (rule.succeededIndexes.length > maxJobSuccessPolicySucceededIndexesLimit)
        errs.push(tooLong(ip, rule.succeededIndexes, maxJobSuccessPolicySucceededIndexesLimit));
      const r = validateIndexesFormat(rule.succeededIndexes, completions);
      if (typeof r === 'number') totalIndexes = r;
      else errs.push(invalid(ip, rule.succeededIndexes, `error parsing succeededIndexes: ${r.error}`));
    }
    if (rule.succeededCount != null) {
      const cp = child(rp, 'succeededCount');
      errs.push(...validateNonnegativeField(rule.succeededCount, cp));
      if (rule.succeededCount > completions)
        errs.push(
          invalid(
            cp,
            rule.succeededCount,
            `must be less than or equal to ${completions} (the number of specified completions)`,
          ),
        );
      if (rule.succeededIndexes != null && rule.succeededCount > totalIndexes)
        errs.push(
          invalid(
            cp,
            rule.succeededCount,
            `must be less than or equal to ${totalIndexes} (the number of indexes in the specified succeededIndexes field)`,
          ),
        );
    }
  });
  return errs;
}

/** validateGeneratedSelector: the generated labels are on the template and the selector selects them. */
function validateGeneratedSelector(job: Job, requirePrefixed: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const spec = job.spec;
  if (spec?.manualSelector === true || !spec?.selector) return errs;
  const uid = job.metadata?.uid ?? '';
  const name = job.metadata?.name ?? '';
  if (!uid) errs.push(required('metadata.uid', ''));
  const tm = spec.template?.metadata;
  errs.push(...validateHasLabel(tm, 'spec.template.metadata', 'controller-uid', uid));
  errs.push(...validateHasLabel(tm, 'spec.template.metadata', 'job-name', name));
  const expected: Record<string, string> = {};
  if (requirePrefixed) {
    errs.push(...validateHasLabel(tm, 'spec.template.metadata', 'batch.kubernetes.io/controller-uid', uid));
    errs.push(...validateHasLabel(tm, 'spec.template.metadata', 'batch.kubernetes.io/job-name', name));
    expected['batch.kubernetes.io/controller-uid'] = uid;
    expected['batch.kubernetes.io/job-name'] = name;
  }
  expected['controller-uid'] = uid;
  expected['job-name'] = name;
  const matcher = labelSelectorAsSelector(spec.selector);
  if (matcher && !matcher(expected))
    errs.push(invalidRendered('spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated'));
  return errs;
}

function validatePodFailurePolicyRule(
  spec: JobSpec,
  rule: PodFailurePolicyRule,
  path: string,
  containerNames: Set<string>,
): FieldError[] {
  const errs: FieldError[] = [];
  const actionPath = child(path, 'action');
  const action = rule.action ?? '';
  if (action === '')
    errs.push(required(actionPath, `valid values: [${supportedPodFailurePolicyActions.map(goQuote).join(' ')}]`));
  else if (action === 'FailIndex') {
    if (spec.backoffLimitPerIndex == null)
      errs.push(invalid(actionPath, action, 'requires the backoffLimitPerIndex to be set'));
  } else if (!supportedPodFailurePolicyActions.includes(action))
    errs.push(notSupported(actionPath, action, supportedPodFailurePolicyActions));
  const oe = rule.onExitCodes;
  if (oe) {
    const p = child(path, 'onExitCodes');
    const op = oe.operator ?? '';
    if (op === '')
      errs.push(
        required(child(p, 'operator'), `valid values: [${supportedOnExitCodesOperators.map(goQuote).join(' ')}]`),
      );
    else if (!supportedOnExitCodesOperators.includes(op))
      errs.push(notSupported(child(p, 'operator'), op, supportedOnExitCodesOperators));
    if (oe.containerName != null && !containerNames.has(oe.containerName))
      errs.push(
        invalid(
          child(p, 'containerName'),
          oe.containerName,
          'must be one of the container or initContainer names in the pod template',
        ),
      );
    const valuesPath = child(p, 'values');
    const values = oe.values ?? [];
    if (values.length === 0)
      errs.push(invalidRendered(valuesPath, goInt32Slice(oe.values), 'at least one value is required'));
    else if (values.length > maxPodFailurePolicyOnExitCodesValues)
      errs.push(tooMany(valuesPath, values.length, maxPodFailurePolicyOnExitCodesValues));
    let ordered = true;
    const seen = new Set<number>();
    values.forEach((v, j) => {
      const vp = index(valuesPath, j);
      if (op === 'In' && v === 0) errs.push(invalid(vp, v, 'must not be 0 for the In operator'));
      if (seen.has(v)) errs.push(duplicate(vp, v));
      else seen.add(v);
      if (j > 0 && values[j - 1] > v) ordered = false;
    });
    if (!ordered) errs.push(invalidRendered(valuesPath, goInt32Slice(values), 'must be ordered'));
  }
  const conds = rule.onPodConditions ?? [];
  if (conds.length > 0) {
    const p = child(path, 'onPodConditions');
    if (conds.length > maxPodFailurePolicyOnPodConditionsPatterns)
      errs.push(tooMany(p, conds.length, maxPodFailurePolicyOnPodConditionsPatterns));
    conds.forEach((c, j) => {
      const pp = index(p, j);
      for (const m of isQualifiedName(c.type ?? '')) errs.push(invalid(child(pp, 'type'), c.type ?? '', m));
      const st = c.status ?? '';
      if (st === '')
        errs.push(
          required(child(pp, 'status'), `valid values: [${supportedOnPodConditionsStatus.map(goQuote).join(' ')}]`),
        );
      else if (!supportedOnPodConditionsStatus.includes(st))
        errs.push(notSupported(child(pp, 'status'), st, supportedOnPodConditionsStatus));
    });
  }
  if (oe && conds.length > 0)
    errs.push({
      type: 'FieldValueInvalid',
      field: path,
      badValue: omitValue,
      detail: 'specifying both OnExitCodes and OnPodConditions is not supported',
    });
  if (!oe && conds.length === 0)
    errs.push({
      type: 'FieldValueInvalid',
      field: path,
      badValue: omitValue,
      detail: 'specifying one of OnExitCodes and OnPodConditions is required',
    });
  return errs;
}

/** validateJobSpec: the checks shared by a Job and a CronJob's jobTemplate. */
function validateJobSpecCommon(spec: JobSpecX, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.parallelism != null) errs.push(...validateNonnegativeField(spec.parallelism, child(path, 'parallelism')));
  if (spec.completions != null) errs.push(...validateNonnegativeField(spec.completions, child(path, 'completions')));
  if (spec.activeDeadlineSeconds != null)
    errs.push(...validateNonnegativeField(spec.activeDeadlineSeconds, child(path, 'activeDeadlineSeconds')));
  if (spec.backoffLimit != null) errs.push(...validateNonnegativeField(spec.backoffLimit, child(path, 'backoffLimit')));
  if (spec.ttlSecondsAfterFinished != null)
    errs.push(...validateNonnegativeField(spec.ttlSecondsAfterFinished, child(path, 'ttlSecondsAfterFinished')));
  if (spec.backoffLimitPerIndex != null)
    errs.push(...validateNonnegativeField(spec.backoffLimitPerIndex, child(path, 'backoffLimitPerIndex')));
  if (spec.maxFailedIndexes != null) {
    errs.push(...validateNonnegativeField(spec.maxFailedIndexes, child(path, 'maxFailedIndexes')));
    if (spec.backoffLimitPerIndex == null)
      errs.push(required(child(path, 'backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  if (spec.managedBy != null) {
    const p = child(path, 'managedBy');
    errs.push(...isDomainPrefixedPath(p, spec.managedBy));
    if (spec.managedBy.length > maxManagedByLength) errs.push(tooLong(p, spec.managedBy, maxManagedByLength));
  }
  const mode = spec.completionMode;
  if (mode != null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed')
      errs.push(notSupported(child(path, 'completionMode'), mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (spec.completions == null) errs.push(required(child(path, 'completions'), 'when completion mode is Indexed'));
      if (spec.parallelism != null && spec.parallelism > maxParallelismForIndexedJob)
        errs.push(
          invalid(
            child(path, 'parallelism'),
            spec.parallelism,
            `must be less than or equal to ${maxParallelismForIndexedJob} when completion mode is Indexed`,
          ),
        );
      if (spec.completions != null && spec.maxFailedIndexes != null && spec.maxFailedIndexes > spec.completions)
        errs.push(
          invalid(child(path, 'maxFailedIndexes'), spec.maxFailedIndexes, 'must be less than or equal to completions'),
        );
      if (spec.maxFailedIndexes != null && spec.maxFailedIndexes > maxFailedIndexesForIndexedJob)
        errs.push(
          invalid(
            child(path, 'maxFailedIndexes'),
            spec.maxFailedIndexes,
            `must be less than or equal to ${maxFailedIndexesForIndexedJob}`,
          ),
        );
      if (spec.completions != null && spec.completions > completionsSoftLimit && spec.backoffLimitPerIndex != null) {
        if (spec.maxFailedIndexes == null)
          errs.push(
            required(
              child(path, 'maxFailedIndexes'),
              `must be specified when completions is above ${completionsSoftLimit}`,
            ),
          );
        if (spec.parallelism != null && spec.parallelism > parallelismLimitForHighCompletions)
          errs.push(
            invalid(
              child(path, 'parallelism'),
              spec.parallelism,
              `must be less than or equal to ${parallelismLimitForHighCompletions} when completions are above ${completionsSoftLimit} and used with backoff limit per index`,
            ),
          );
        if (spec.maxFailedIndexes != null && spec.maxFailedIndexes > maxFailedIndexesLimitForHighCompletions)
          errs.push(
            invalid(
              child(path, 'maxFailedIndexes'),
              spec.maxFailedIndexes,
              `must be less than or equal to ${maxFailedIndexesLimitForHighCompletions} when completions are above ${completionsSoftLimit} and used with backoff limit per index`,
            ),
          );
      }
    }
  }
  if (mode == null || mode === 'NonIndexed') {
    if (spec.backoffLimitPerIndex != null)
      errs.push(
        invalid(child(path, 'backoffLimitPerIndex'), spec.backoffLimitPerIndex, 'requires indexed completion mode'),
      );
    if (spec.maxFailedIndexes != null)
      errs.push(invalid(child(path, 'maxFailedIndexes'), spec.maxFailedIndexes, 'requires indexed completion mode'));
  }
  const pfp = spec.podFailurePolicy;
  if (pfp) {
    const rulesPath = child(child(path, 'podFailurePolicy'), 'rules');
    const rules = pfp.rules ?? [];
    if (rules.length > maxPodFailurePolicyRules) errs.push(tooMany(rulesPath, rules.length, maxPodFailurePolicyRules));
    const names = new Set<string>([
      ...(spec.template?.spec?.containers ?? []).map((c) => c.name),
      ...(spec.template?.spec?.initContainers ?? []).map((c) => c.name),
    ]);
    rules.forEach((r, i) => errs.push(...validatePodFailurePolicyRule(spec, r, index(rulesPath, i), names)));
  }
  if (spec.successPolicy != null) {
    const p = child(path, 'successPolicy');
    if ((mode ?? 'NonIndexed') !== 'Indexed')
      errs.push(invalidRendered(p, { go: goSuccessPolicy(spec.successPolicy) }, 'requires indexed completion mode'));
    else errs.push(...validateSuccessPolicy(spec, p));
  }
  if (spec.podReplacementPolicy != null) {
    const p = child(path, 'podReplacementPolicy');
    if (pfp) {
      if (spec.podReplacementPolicy !== 'Failed') errs.push(notSupported(p, spec.podReplacementPolicy, ['Failed']));
    } else if (!['Failed', 'TerminatingOrFailed'].includes(spec.podReplacementPolicy))
      errs.push(notSupported(p, spec.podReplacementPolicy, ['Failed', 'TerminatingOrFailed']));
  }
  errs.push(...validatePodTemplateSpec(spec.template, child(path, 'template')));
  const rp = spec.template?.spec?.restartPolicy ?? '';
  const rpPath = `${path}.template.spec.restartPolicy`;
  if (rp === 'Always' || rp === '') errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpPath, rp, ['OnFailure', 'Never']));
  else if (pfp && rp !== 'Never')
    errs.push(invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

/** ValidateJobSpec: the common checks plus a required selector that matches the template labels. */
export function validateJobSpec(spec: JobSpec | undefined, path: string): FieldError[] {
  const s = (spec ?? {}) as JobSpecX;
  const errs = validateJobSpecCommon(s, path);
  if (!s.selector) errs.push(required(child(path, 'selector'), ''));
  else errs.push(...validateLabelSelector(s.selector, child(path, 'selector')));
  const matcher = labelSelectorAsSelector(s.selector);
  const labels = s.template?.metadata?.labels;
  if (matcher && !matcher(labels))
    errs.push(
      invalidRendered(
        `${path}.template.metadata.labels`,
        { go: goStringMap(labels) },
        '`selector` does not match template `labels`',
      ),
    );
  return errs;
}

/** ValidateJob. */
export function validateJob(job: Job, opts: JobValidationOptions = { requirePrefixedLabels: true }): FieldError[] {
  const errs = validateObjectMeta(job.metadata, true, nameIsDNSSubdomain, 'metadata');
  errs.push(...validateGeneratedSelector(job, opts.requirePrefixedLabels));
  errs.push(...validateJobSpec(job.spec, 'spec'));
  const spec = job.spec;
  if (spec?.completionMode === 'Indexed' && spec.completions != null && spec.completions > 0) {
    const host = `${job.metadata?.name ?? ''}-${spec.completions - 1}`;
    if (isDNS1123Label(host).length > 0)
      errs.push(
        invalid(
          'metadata.name',
          job.metadata?.name ?? '',
          `will not able to create pod with invalid DNS label: ${host}`,
        ),
      );
  }
  return errs;
}

/** validatePodTemplateUpdate: the template is immutable, except scheduling directives of a suspended, never-started Job. */
function validateJobTemplateUpdate(spec: JobSpec, old: JobSpec, opts: JobValidationOptions): FieldError[] {
  const t = spec.template ?? {};
  let o: any = old.template ?? {};
  if (opts.allowMutableSchedulingDirectives) {
    o = JSON.parse(JSON.stringify(o));
    o.spec ??= {};
    const na = t.spec?.affinity?.nodeAffinity;
    if (!t.spec?.affinity && o.spec.affinity) {
      delete o.spec.affinity.nodeAffinity;
      if (Object.keys(o.spec.affinity).length === 0) delete o.spec.affinity;
    } else if (t.spec?.affinity && !o.spec.affinity) o.spec.affinity = na ? { nodeAffinity: na } : {};
    else if (t.spec?.affinity && o.spec.affinity) {
      if (na) o.spec.affinity.nodeAffinity = na;
      else delete o.spec.affinity.nodeAffinity;
    }
    o.spec.nodeSelector = t.spec?.nodeSelector;
    o.spec.tolerations = t.spec?.tolerations;
    o.spec.schedulingGates = t.spec?.schedulingGates;
    o.metadata = { ...(o.metadata ?? {}), annotations: t.metadata?.annotations, labels: t.metadata?.labels };
  }
  if (jsonEqualValues(t, o)) return [];
  return [invalidRendered('spec.template', { go: 'core.PodTemplateSpec{…}' }, 'field is immutable')];
}

/** validateCompletions: immutable, except for Indexed Jobs changed in tandem with parallelism. */
function validateCompletions(spec: JobSpec, old: JobSpec, path: string): FieldError[] {
  if (spec.completionMode !== 'Indexed') return immutable(spec.completions, old.completions, path);
  if (jsonEqualValues(spec.completions, old.completions) || spec.completions == null) return [];
  if (spec.completions !== spec.parallelism)
    return [invalid(path, spec.completions, 'can only be modified in tandem with spec.parallelism')];
  return [];
}

/** The job strategy's ValidateUpdate: ValidateJob + ValidateJobUpdate with options from the old Job. */
export function validateJobUpdate(job: Job, old: Job): FieldError[] {
  const oldLabels = old.spec?.template?.metadata?.labels ?? {};
  const opts: JobValidationOptions = {
    requirePrefixedLabels:
      'batch.kubernetes.io/job-name' in oldLabels && 'batch.kubernetes.io/controller-uid' in oldLabels,
    allowMutableSchedulingDirectives: old.spec?.suspend === true && !old.status?.startTime,
  };
  const errs = validateJob(job, opts);
  errs.push(...validateObjectMetaUpdate(job.metadata, old.metadata, 'metadata'));
  const s = (job.spec ?? {}) as JobSpecX;
  const o = (old.spec ?? {}) as JobSpecX;
  errs.push(...validateJobSpec(s, 'spec'));
  errs.push(...validateCompletions(s, o, 'spec.completions'));
  errs.push(...immutable(s.selector, o.selector, 'spec.selector', goLabelSelector));
  errs.push(...validateJobTemplateUpdate(s, o, opts));
  errs.push(...immutable(s.completionMode, o.completionMode, 'spec.completionMode'));
  errs.push(
    ...immutable(s.podFailurePolicy, o.podFailurePolicy, 'spec.podFailurePolicy', (v) => ({
      go: goPodFailurePolicy(v),
    })),
  );
  errs.push(...immutable(s.backoffLimitPerIndex, o.backoffLimitPerIndex, 'spec.backoffLimitPerIndex'));
  errs.push(...immutable(s.managedBy, o.managedBy, 'spec.managedBy'));
  errs.push(...immutable(s.successPolicy, o.successPolicy, 'spec.successPolicy', (v) => ({ go: goSuccessPolicy(v) })));
  return errs;
}

// ---------------------------------------------------------------- CronJob

/** ValidateJobTemplateSpec: a jobTemplate gets its selector generated, so it may not set one. */
export function validateJobTemplateSpec(t: JobTemplateSpec | undefined, path: string): FieldError[] {
  const spec = (t?.spec ?? {}) as JobSpecX;
  const errs = validateJobSpecCommon(spec, child(path, 'spec'));
  if (spec.selector)
    errs.push(
      invalidRendered(`${path}.spec.selector`, goLabelSelector(spec.selector), '`selector` will be auto-generated'),
    );
  if (spec.manualSelector === true)
    errs.push({
      type: 'FieldValueNotSupported',
      field: `${path}.spec.manualSelector`,
      badValue: goBool(true),
      detail: 'supported values: "nil", "false"',
    });
  return errs;
}

function validateScheduleFormat(
  schedule: string,
  allowTZ: boolean,
  timeZone: string | undefined | null,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const parsed = parseSchedule(schedule);
  if (!parsed.ok) errs.push(invalid(path, schedule, parsed.error));
  if (allowTZ && schedule.includes('TZ') && timeZone != null)
    errs.push(invalid(path, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  else if (!allowTZ && schedule.includes('TZ'))
    errs.push(invalid(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return errs;
}

/** validateTimeZone: non-empty, not Local, a name the IANA database knows. */
export function validateTimeZoneField(tz: string | undefined | null, path: string): FieldError[] {
  if (tz === undefined || tz === null) return [];
  if (tz === '') return [invalid(path, tz, 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/'))
    if (part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part))
      return [invalid(path, tz, `unknown time zone ${tz}`)];
  const errs: FieldError[] = [];
  if (tz.toLowerCase() === 'local')
    errs.push(
      invalid(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'),
    );
  // time.LoadLocation("Local") succeeds in Go, so only the explicit-zone message applies to it.
  if (tz !== 'Local' && !validateTimeZone(tz)) errs.push(invalid(path, tz, `unknown time zone ${tz}`));
  return errs;
}

const supportedConcurrencyPolicies = ['Allow', 'Forbid', 'Replace'];

function validateCronJobSpec(spec: CronJobSpec | undefined, old: CronJobSpec | undefined, path: string): FieldError[] {
  const s = spec ?? ({} as CronJobSpec);
  const errs: FieldError[] = [];
  if (!s.schedule) errs.push(required(child(path, 'schedule'), ''));
  else
    errs.push(
      ...validateScheduleFormat(
        s.schedule,
        old ? (old.schedule ?? '').includes('TZ') : false,
        s.timeZone,
        child(path, 'schedule'),
      ),
    );
  if (s.startingDeadlineSeconds != null)
    errs.push(...validateNonnegativeField(s.startingDeadlineSeconds, child(path, 'startingDeadlineSeconds')));
  if (!old || (old.timeZone ?? null) !== (s.timeZone ?? null))
    errs.push(...validateTimeZoneField(s.timeZone, child(path, 'timeZone')));
  const cp = s.concurrencyPolicy ?? '';
  if (cp === '') errs.push(required(child(path, 'concurrencyPolicy'), ''));
  else if (!supportedConcurrencyPolicies.includes(cp))
    errs.push(notSupported(child(path, 'concurrencyPolicy'), cp, supportedConcurrencyPolicies));
  errs.push(...validateJobTemplateSpec(s.jobTemplate, child(path, 'jobTemplate')));
  if (s.successfulJobsHistoryLimit != null)
    errs.push(...validateNonnegativeField(s.successfulJobsHistoryLimit, child(path, 'successfulJobsHistoryLimit')));
  if (s.failedJobsHistoryLimit != null)
    errs.push(...validateNonnegativeField(s.failedJobsHistoryLimit, child(path, 'failedJobsHistoryLimit')));
  return errs;
}

/** ValidateCronJobCreate: also caps the name at 52 characters (63 minus the 11-character Job suffix). */
export function validateCronJob(cj: CronJob): FieldError[] {
  const errs = validateObjectMeta(cj.metadata, true, nameIsDNSSubdomain, 'metadata');
  errs.push(...validateCronJobSpec(cj.spec, undefined, 'spec'));
  const name = cj.metadata?.name ?? '';
  if (name.length > 52) errs.push(invalid('metadata.name', name, 'must be no more than 52 characters'));
  return errs;
}

/** ValidateCronJobUpdate (the 52-character limit is not applied on update). */
export function validateCronJobUpdate(cj: CronJob, old: CronJob): FieldError[] {
  const errs = validateObjectMetaUpdate(cj.metadata, old.metadata, 'metadata');
  errs.push(...validateCronJobSpec(cj.spec, old.spec, 'spec'));
  return errs;
}
