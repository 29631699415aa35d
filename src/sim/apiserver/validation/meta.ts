/**
 * ObjectMeta validation (k8s.io/apimachinery/pkg/api/validation/objectmeta.go) and the small
 * shared helpers of pkg/apis/core/validation: ValidateNonnegativeField, ValidateImmutableField,
 * ValidateHasLabel, name functions (NameIsDNSSubdomain, NameIsDNSLabel).
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { BadValue, FieldError } from '../field';
import { child, forbidden, goValue, invalid, required, tooLong } from '../field';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, validateLabels } from '../../labels/validation';
import { jsonEqualValues } from './equality';

/** apimachineryvalidation.IsNegativeErrorMsg. */
export const isNegativeErrorMsg = 'must be greater than or equal to 0';
/** apimachineryvalidation.FieldImmutableErrorMsg. */
export const fieldImmutableErrorMsg = 'field is immutable';
/** TotalAnnotationSizeLimitB: 256 KiB for all annotation keys and values together. */
export const totalAnnotationSizeLimitB = 256 * 1024;

/** A ValidateNameFunc: the name (or generateName prefix) → messages. */
export type NameFn = (name: string, prefix: boolean) => string[];

/** Masks a trailing dash so a generateName prefix like `pi-` passes (maskTrailingDash). */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

export const nameIsDNSSubdomain: NameFn = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
export const nameIsDNSLabel: NameFn = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);

/** A field.Error with a bad value already rendered (Go `%#v` of a struct). */
export function invalidRendered(field: string, badValue: BadValue, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, badValue, detail };
}

export function validateNonnegativeField(value: number, path: string): FieldError[] {
  return value < 0 ? [invalid(path, value, isNegativeErrorMsg)] : [];
}

/** ValidateImmutableField; `render` gives the Go rendering of the new value when it is a struct. */
export function validateImmutableField(
  newVal: unknown,
  oldVal: unknown,
  path: string,
  render: (v: any) => BadValue = goValue,
): FieldError[] {
  if (jsonEqualValues(newVal, oldVal)) return [];
  return [{ type: 'FieldValueInvalid', field: path, badValue: render(newVal), detail: fieldImmutableErrorMsg }];
}

/** ValidateHasLabel: the label must be there with the expected value. */
export function validateHasLabel(
  meta: ObjectMeta | undefined,
  path: string,
  key: string,
  expected: string,
): FieldError[] {
  const labels = meta?.labels ?? {};
  const p = `${child(path, 'labels')}[${key}]`;
  if (!(key in labels)) return [required(p, `must be '${expected}'`)];
  if (labels[key] !== expected) return [invalid(p, labels, `must be '${expected}'`)];
  return [];
}

/** ValidateAnnotations: keys are qualified names (case-insensitive); total size ≤ 256 KiB. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const keys = Object.keys(annotations ?? {}).sort();
  for (const k of keys) for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
  let size = 0;
  for (const k of keys) size += k.length + String(annotations![k]).length;
  if (size > totalAnnotationSizeLimitB) errs.push(tooLong(path, '', totalAnnotationSizeLimitB));
  return errs;
}

/** ValidateObjectMeta (apimachinery) for a create. */
export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  requiresNamespace: boolean,
  nameFn: NameFn,
  path = 'metadata',
): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName)
    for (const msg of nameFn(m.generateName, true))
      errs.push(invalid(child(path, 'generateName'), m.generateName, msg));
  if (!m.name) errs.push(required(child(path, 'name'), 'name or generateName is required'));
  else for (const msg of nameFn(m.name, false)) errs.push(invalid(child(path, 'name'), m.name, msg));
  if (requiresNamespace) {
    if (!m.namespace) errs.push(required(child(path, 'namespace'), ''));
    else
      for (const msg of nameIsDNSLabel(m.namespace, false))
        errs.push(invalid(child(path, 'namespace'), m.namespace, msg));
  } else if (m.namespace) {
    errs.push(forbidden(child(path, 'namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegativeField(m.generation ?? 0, child(path, 'generation')));
  errs.push(...validateLabels(m.labels ?? {}, child(path, 'labels')));
  errs.push(...validateAnnotations(m.annotations, child(path, 'annotations')));
  return errs;
}

/** ValidateObjectMetaUpdate: identity fields are immutable, generation never goes down. */
export function validateObjectMetaUpdate(
  meta: ObjectMeta | undefined,
  old: ObjectMeta | undefined,
  path = 'metadata',
): FieldError[] {
  const m = meta ?? {};
  const o = old ?? {};
  const errs: FieldError[] = [];
  if ((m.generation ?? 0) < (o.generation ?? 0))
    errs.push(invalid(child(path, 'generation'), m.generation ?? 0, 'must not be decremented'));
  errs.push(...validateImmutableField(m.name ?? '', o.name ?? '', child(path, 'name')));
  errs.push(...validateImmutableField(m.namespace ?? '', o.namespace ?? '', child(path, 'namespace')));
  errs.push(...validateImmutableField(m.uid ?? '', o.uid ?? '', child(path, 'uid')));
  errs.push(
    ...validateImmutableField(
      m.creationTimestamp ?? null,
      o.creationTimestamp ?? null,
      child(path, 'creationTimestamp'),
    ),
  );
  errs.push(...validateLabels(m.labels ?? {}, child(path, 'labels')));
  errs.push(...validateAnnotations(m.annotations, child(path, 'annotations')));
  return errs;
}
