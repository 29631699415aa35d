/**
 * DaemonSet and ControllerRevision validation as pkg/apis/apps/validation/validation.go and the
 * daemonset registry strategy (selector immutability on apps/v1) do it.
 */
import type { ControllerRevision, DaemonSet, DaemonSetSpec, RollingUpdateDaemonSet } from 'kubernetes-types/apps/v1';
import type { FieldError } from '../field';
import { child, forbidden, goQuote, notSupported, required } from '../field';
import { validateLabelSelector } from '../../labels/validation';
import { goDaemonSetUpdateStrategy, goIntOrString, goLabelSelector, goStringMap } from './go-value';
import {
  invalidRendered,
  nameIsDNSSubdomain,
  validateImmutableField,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './meta';
import { validatePodTemplateSpec } from './core';
import { labelSelectorAsSelector } from './selector';

type IntOrString = number | string;

/** validation.IsValidPercent's message (RegexError with its two examples). */
export const percentErrorMsg =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

function isValidPercent(s: string): string[] {
  return /^[0-9]+%$/.test(s) ? [] : [percentErrorMsg];
}

/** ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalidRendered(path, goIntOrString(v), m));
  return validateNonnegativeField(v ?? 0, path);
}

function getPercentValue(v: IntOrString | undefined): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length) return undefined;
  return Number(v.slice(0, -1));
}

/** getIntOrPercentValue: the percentage, the int, or a string parsed as an int (0 if not one). */
function getIntOrPercentValue(v: IntOrString | undefined): number {
  const p = getPercentValue(v);
  if (p !== undefined) return p;
  if (typeof v === 'string') return /^[+-]?[0-9]+$/.test(v) ? Number(v) : 0;
  return v ?? 0;
}

function isNotMoreThan100Percent(v: IntOrString | undefined, path: string): FieldError[] {
  const p = getPercentValue(v);
  if (p === undefined || p <= 100) return [];
  return [invalidRendered(path, goIntOrString(v), 'must not be greater than 100%')];
}

/** ValidateRollingUpdateDaemonSet: int or percent, ≤ 100%, exactly one of maxSurge/maxUnavailable non-zero. */
export function validateRollingUpdateDaemonSet(ru: RollingUpdateDaemonSet, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mu = ru.maxUnavailable as IntOrString | undefined;
  const ms = ru.maxSurge as IntOrString | undefined;
  errs.push(...validatePositiveIntOrPercent(mu, child(path, 'maxUnavailable')));
  errs.push(...validatePositiveIntOrPercent(ms, child(path, 'maxSurge')));
  errs.push(...isNotMoreThan100Percent(mu, child(path, 'maxUnavailable')));
  errs.push(...isNotMoreThan100Percent(ms, child(path, 'maxSurge')));
  const hasUnavailable = getIntOrPercentValue(mu) !== 0;
  const hasSurge = getIntOrPercentValue(ms) !== 0;
  if (hasUnavailable && hasSurge)
    errs.push(
      invalidRendered(child(path, 'maxSurge'), goIntOrString(ms), 'may not be set when maxUnavailable is non-zero'),
    );
  else if (!hasUnavailable && !hasSurge)
    errs.push(required(child(path, 'maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
  return errs;
}

/** ValidateDaemonSetUpdateStrategy. */
export function validateDaemonSetUpdateStrategy(s: DaemonSetSpec['updateStrategy'], path: string): FieldError[] {
  const st = s ?? {};
  switch (st.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate':
      if (!st.rollingUpdate) return [required(child(path, 'rollingUpdate'), '')];
      return validateRollingUpdateDaemonSet(st.rollingUpdate, child(path, 'rollingUpdate'));
    default:
      return [
        {
          type: 'FieldValueNotSupported',
          field: path,
          badValue: goDaemonSetUpdateStrategy(st),
          detail: notSupported(path, '', ['RollingUpdate', 'OnDelete']).detail,
        },
      ];
  }
}

/** ValidateDaemonSetSpec. */
export function validateDaemonSetSpec(spec: DaemonSetSpec | undefined, path: string): FieldError[] {
  const s = spec ?? ({} as DaemonSetSpec);
  const errs: FieldError[] = [];
  if (s.selector) errs.push(...validateLabelSelector(s.selector, child(path, 'selector')));
  const matcher = labelSelectorAsSelector(s.selector);
  const tLabels = s.template?.metadata?.labels;
  if (matcher && !matcher(tLabels))
    errs.push(
      invalidRendered(
        child(child(child(path, 'template'), 'metadata'), 'labels'),
        { go: goStringMap(tLabels) },
        '`selector` does not match template `labels`',
      ),
    );
  if (s.selector && Object.keys(s.selector.matchLabels ?? {}).length + (s.selector.matchExpressions ?? []).length === 0)
    errs.push(
      invalidRendered(child(path, 'selector'), goLabelSelector(s.selector), 'empty selector is invalid for daemonset'),
    );
  errs.push(...validatePodTemplateSpec(s.template, child(path, 'template')));
  const rp = s.template?.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported(`${path}.template.spec.restartPolicy`, rp, ['Always']));
  if (s.template?.spec?.activeDeadlineSeconds != null)
    errs.push(
      forbidden(`${path}.template.spec.activeDeadlineSeconds`, 'activeDeadlineSeconds in DaemonSet is not Supported'),
    );
  errs.push(...validateNonnegativeField(s.minReadySeconds ?? 0, child(path, 'minReadySeconds')));
  errs.push(...validateDaemonSetUpdateStrategy(s.updateStrategy, child(path, 'updateStrategy')));
  if (s.revisionHistoryLimit != null)
    errs.push(...validateNonnegativeField(s.revisionHistoryLimit, child(path, 'revisionHistoryLimit')));
  return errs;
}

/** ValidateDaemonSet. */
export function validateDaemonSet(ds: DaemonSet): FieldError[] {
  const errs = validateObjectMeta(ds.metadata, true, nameIsDNSSubdomain, 'metadata');
  errs.push(...validateDaemonSetSpec(ds.spec, 'spec'));
  return errs;
}

/**
 * The daemonset strategy's ValidateUpdate: ValidateDaemonSet, ValidateDaemonSetUpdate (meta
 * update + spec again) and, for apps/v1, an immutable `spec.selector`.
 */
export function validateDaemonSetUpdate(ds: DaemonSet, old: DaemonSet): FieldError[] {
  const errs = validateDaemonSet(ds);
  errs.push(...validateObjectMetaUpdate(ds.metadata, old.metadata, 'metadata'));
  errs.push(...validateDaemonSetSpec(ds.spec, 'spec'));
  errs.push(...validateImmutableField(ds.spec?.selector, old.spec?.selector, 'spec.selector', goLabelSelector));
  return errs;
}

/** The JSON kind Go's encoding/json names when it cannot unmarshal a value into a map. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  return 'string';
}

/** Go's json.Marshal of a decoded JSON value: compact, map keys sorted. */
function goJSON(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(goJSON).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${goJSON(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** `%#v` of the runtime.RawExtension holding `data` as the API server received it (JSON bytes). */
function goRawExtension(data: unknown): { go: string } {
  if (data === undefined || data === null)
    return { go: 'runtime.RawExtension{Raw:[]uint8(nil), Object:runtime.Object(nil)}' };
  const bytes = [...new TextEncoder().encode(goJSON(data))].map((b) => `0x${b.toString(16)}`);
  return { go: `runtime.RawExtension{Raw:[]uint8{${bytes.join(', ')}}, Object:runtime.Object(nil)}` };
}

/** validateControllerRevision: metadata (namespaced, DNS subdomain name) and a non-negative revision. */
function validateControllerRevisionCommon(rev: ControllerRevision): FieldError[] {
  const errs = validateObjectMeta(rev.metadata, true, nameIsDNSSubdomain, 'metadata');
  errs.push(...validateNonnegativeField(rev.revision ?? 0, 'revision'));
  return errs;
}

/**
 * ValidateControllerRevisionCreate: the common checks, then `data` must be there (a missing or
 * `null` data decodes to an empty RawExtension) and must unmarshal into a JSON object
 * (kubernetes/kubernetes#125549, Kubernetes 1.31).
 */
export function validateControllerRevision(rev: ControllerRevision): FieldError[] {
  const errs = validateControllerRevisionCommon(rev);
  const data = rev.data as unknown;
  if (data === undefined || data === null) errs.push(required('data', 'data is mandatory'));
  else if (typeof data !== 'object' || Array.isArray(data))
    errs.push({
      type: 'FieldValueInvalid',
      field: 'data',
      badValue: { go: goQuote('<value omitted>') },
      detail: `error parsing data: json: cannot unmarshal ${jsonKind(data)} into Go value of type map[string]interface {}`,
    });
  return errs;
}

/** ValidateControllerRevisionUpdate: metadata update, the common checks, and an immutable `data`. */
export function validateControllerRevisionUpdate(rev: ControllerRevision, old: ControllerRevision): FieldError[] {
  const errs = validateObjectMetaUpdate(rev.metadata, old.metadata, 'metadata');
  errs.push(...validateControllerRevisionCommon(rev));
  errs.push(...validateImmutableField(rev.data, old.data, 'data', goRawExtension));
  return errs;
}
