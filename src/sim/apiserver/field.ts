/**
 * Field errors as k8s.io/apimachinery/pkg/util/validation/field builds them: a path, a type, the
 * bad value and a detail. `message()` renders exactly what `(*field.Error).Error()` prints, so that
 * kubectl's wording can be assembled from these (see status-error.ts).
 */
export type ErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

const typeText: Record<ErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** A bad value already rendered as Go's `%v`/`%q`/`%#v` would, or the marker for "omit". */
export type BadValue = { go: string } | typeof omitValue;
export const omitValue = Symbol('omitValue');

export interface FieldError {
  type: ErrorType;
  /** Dotted path with indices, e.g. `spec.template.spec.containers[0].image`. */
  field: string;
  badValue?: BadValue;
  detail: string;
}

/** Go's `%q` for a string (close enough for the ASCII/UTF-8 values manifests hold). */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (_, h: string) => `\\u${h}`);
}

/**
 * Renders a JS value as field.Error does: numbers and booleans with `%v`, strings with `%q`,
 * nil as `"null"`, string maps as `map[string]string{"a":"b"}` (Go's `%#v`, keys sorted),
 * string slices as `[]string{"a", "b"}`.
 */
export function goValue(value: unknown): BadValue {
  // field.Error prints a nil value as the string "null", quoted like any string.
  if (value === null || value === undefined) return { go: '"null"' };
  if (typeof value === 'string') return { go: goQuote(value) };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return { go: String(value) };
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return { go: `[]string{${value.map(goQuote).join(', ')}}` };
  }
  if (typeof value === 'object' && Object.values(value as object).every((v) => typeof v === 'string')) {
    const entries = Object.entries(value as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { go: `map[string]string{${entries.map(([k, v]) => `${goQuote(k)}:${goQuote(v)}`).join(', ')}}` };
  }
  return { go: JSON.stringify(value) };
}

function make(type: ErrorType, field: string, value: unknown, detail: string, omit = false): FieldError {
  return { type, field, badValue: omit ? omitValue : goValue(value), detail };
}

export const required = (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, detail });
export const invalid = (field: string, value: unknown, detail = ''): FieldError =>
  make('FieldValueInvalid', field, value, detail);
export const forbidden = (field: string, detail = ''): FieldError => ({ type: 'FieldValueForbidden', field, detail });
export const duplicate = (field: string, value: unknown): FieldError => make('FieldValueDuplicate', field, value, '');
export const notFound = (field: string, value: unknown): FieldError => make('FieldValueNotFound', field, value, '');
export const tooLong = (field: string, _value: unknown, max: number): FieldError => ({
  type: 'FieldValueTooLong',
  field,
  detail: max >= 0 ? `may not be more than ${max} bytes` : 'value is too long',
});
export const tooMany = (field: string, actual: number, max: number): FieldError => ({
  type: 'FieldValueTooMany',
  field,
  badValue: { go: String(actual) },
  detail: `must have at most ${max} items`,
});
/** field.NotSupported: `Unsupported value: "x": supported values: "a", "b"`. */
export const notSupported = (field: string, value: unknown, valid: string[]): FieldError =>
  make(
    'FieldValueNotSupported',
    field,
    value,
    valid.length ? `supported values: ${valid.map(goQuote).join(', ')}` : '',
  );

/** `(*field.Error).ErrorBody()`. */
export function errorBody(e: FieldError): string {
  let s = typeText[e.type];
  const bodyless =
    e.type === 'FieldValueRequired' ||
    e.type === 'FieldValueForbidden' ||
    e.type === 'FieldValueTooLong' ||
    e.type === 'InternalError';
  if (!bodyless && e.badValue !== undefined && e.badValue !== omitValue) s += `: ${e.badValue.go}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** `(*field.Error).Error()`: `spec.selector: Required value`. */
export function fieldErrorMessage(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** Joins path segments as field.Path.String() does: `spec.containers[0].name`. */
export function child(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}
export function index(path: string, i: number | string): string {
  return typeof i === 'number' ? `${path}[${i}]` : `${path}[${i}]`;
}
