/**
 * Strict decoding, as the API server does for a create with kubectl's default `--validate=strict`
 * (server-side field validation `Strict`).
 *
 * Upstream: the JSON serializer (apimachinery/pkg/runtime/serializer/json) decodes the body with
 * sigs.k8s.io/json `UnmarshalStrict` into the typed Go struct. Wrong JSON types are fatal
 * (`json: cannot unmarshal …`, only the first one is reported); unknown fields are collected as
 * strict errors and joined by ", " after `strict decoding error: ` (runtime.NewStrictDecodingError).
 * The create handler (apiserver/pkg/endpoints/handlers/create.go, transformDecodeError) wraps either
 * as `<Kind> in version "<v>" cannot be handled as a <Kind>: <error>` in a 400 BadRequest.
 *
 * kubectl sends the manifest as JSON converted from YAML through a Go map, so object keys arrive
 * sorted; errors come out in that order. Duplicate keys never reach the server that way (the YAML
 * conversion keeps the last value), so `duplicateField` issues only arise for raw JSON bodies.
 */
import type { KindName } from '../../kinds';
import { sortStrings } from '../../strings';
import { kindInfo, KINDS } from '../../kinds';
import {
  definition,
  goTypeOf,
  INT_OR_STRING,
  kindDefinitionName,
  QUANTITY,
  shortName,
  type Definition,
  type PropSchema,
} from './schema';

export interface DecodeIssue {
  kind: 'unknownField' | 'typeMismatch' | 'duplicateField';
  /** Dotted, with [i]: `spec.template.spec.containers[1].imagePullPolcy`. */
  path: string;
  /** What the API server says: `unknown field "spec.foo"`, `json: cannot unmarshal …`. */
  message: string;
  /**
   * True for errors returned by a type's own UnmarshalJSON (Quantity, Time, IntOrString): they stop
   * the decoder at once and win over an earlier type error, as in encoding/json.
   */
  abort?: boolean;
}

/**
 * Where the decoder is, as a chain of steps from the root; the path and encoding/json's
 * errorContext are only spelled out when there is an error to report.
 */
interface Ctx {
  up?: Ctx;
  /** A field name (pushed on encoding/json's FieldStack), an array index or a map key. */
  step: 'root' | 'field' | 'index' | 'key';
  name: string;
  /** Name of the innermost Go struct whose field is being decoded: errorContext.Struct. */
  struct: string;
}

const ROOT: Ctx = { step: 'root', name: '', struct: '' };

/** Path with indices, for strict errors and markers: `spec.containers[1].imagePullPolcy`. */
function pathOf(ctx: Ctx): string {
  if (ctx.step === 'root' || !ctx.up) return '';
  const up = pathOf(ctx.up);
  if (ctx.step === 'field') return up ? `${up}.${ctx.name}` : ctx.name;
  return `${up}[${ctx.name}]`;
}

/** JSON field names without indices: encoding/json's errorContext.FieldStack. */
function fieldStackOf(ctx: Ctx): string[] {
  const out: string[] = [];
  for (let c: Ctx | undefined = ctx; c; c = c.up) if (c.step === 'field') out.push(c.name);
  return out.reverse();
}

function jsonKind(v: unknown): 'string' | 'number' | 'bool' | 'array' | 'object' | 'null' {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** A number as Go's encoding/json writes a float64 (what kubectl sends for it). */
function goNumber(n: number | bigint): string {
  if (typeof n === 'bigint') return n.toString();
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

function typeError(ctx: Ctx, value: string, goType: string, abort = false): DecodeIssue {
  const fieldStack = fieldStackOf(ctx);
  const where = ctx.struct || fieldStack.length ? `Go struct field ${ctx.struct}.${fieldStack.join('.')}` : 'Go value';
  return {
    kind: 'typeMismatch',
    path: pathOf(ctx),
    message: `json: cannot unmarshal ${value} into ${where} of type ${goType}`,
    ...(abort ? { abort } : {}),
  };
}

const INT_RANGE: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER * 1024, Number.MAX_SAFE_INTEGER * 1024],
};

/** encoding/json's literalStore for an integer target: `number 1.5` when it does not fit. */
function checkInteger(
  value: unknown,
  ctx: Ctx,
  goType: string,
  format: string,
  abort = false,
): DecodeIssue | undefined {
  const k = jsonKind(value);
  if (k === 'null') return undefined;
  if (k !== 'number') return typeError(ctx, k, goType, abort);
  const n = value as number;
  const [min, max] = INT_RANGE[format] ?? INT_RANGE.int32;
  if (!Number.isInteger(n) || n < min || n > max) return typeError(ctx, `number ${goNumber(n)}`, goType, abort);
  return undefined;
}

// --- resource.Quantity ----------------------------------------------------------------------

const splitREString = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const quantityFormatError = `quantities must match the regular expression '${splitREString}'`;
const quantitySuffixError = "unable to parse quantity's suffix";
const validSuffixes = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** resource.ParseQuantity's verdict: undefined when valid, else its error text. */
export function parseQuantityError(str: string): string | undefined {
  const s = str.trim();
  if (s.length === 0) return quantityFormatError;
  if (s === '0') return undefined;
  const m = /^[+-]?([0-9]*)(?:\.([0-9]*))?(.*)$/.exec(s);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return quantityFormatError;
  const suffix = m[3];
  // parseQuantityString: suffix letters, an optional sign, then digits only.
  if (!/^[eEinumkKMGTP]*[-+]?[0-9]*$/.test(suffix)) return quantityFormatError;
  if (validSuffixes.has(suffix)) return undefined;
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[-+]?[0-9]+$/.test(suffix.slice(1)))
    return undefined;
  return quantitySuffixError;
}

function checkQuantity(value: unknown): string | undefined {
  const k = jsonKind(value);
  if (k === 'null') return undefined;
  if (k === 'string') return parseQuantityError(value as string);
  if (k === 'number') return parseQuantityError(goNumber(value as number));
  // A bool, array or object reaches UnmarshalJSON as its raw JSON text, which never parses.
  return quantityFormatError;
}

// --- metav1.Time ----------------------------------------------------------------------------

const RFC3339 = '2006-01-02T15:04:05Z07:00';

/** time.Parse(time.RFC3339, s)'s error text, or undefined. Covers the elements of that layout. */
export function parseRFC3339Error(s: string): string | undefined {
  const q = JSON.stringify;
  const cannot = (rest: string, elem: string) =>
    `parsing time ${q(s)} as ${q(RFC3339)}: cannot parse ${q(rest)} as ${q(elem)}`;
  let i = 0;
  const digits = (n: number, elem: string): number | string => {
    const part = s.slice(i, i + n);
    if (part.length < n || !/^[0-9]+$/.test(part)) return cannot(s.slice(i), elem);
    i += n;
    return Number(part);
  };
  const lit = (c: string): string | undefined => {
    if (s[i] !== c) return cannot(s.slice(i), c);
    i += 1;
    return undefined;
  };
  const steps: [string, number, number][] = [
    ['2006', 4, 0],
    ['01', 2, 12],
    ['02', 2, 31],
    ['15', 2, 23],
    ['04', 2, 59],
    ['05', 2, 59],
  ];
  const seps = ['-', '-', 'T', ':', ':', ''];
  const names: Record<string, string> = { '01': 'month', '02': 'day', '15': 'hour', '04': 'minute', '05': 'second' };
  for (let k = 0; k < steps.length; k++) {
    const [elem, n, max] = steps[k];
    const v = digits(n, elem);
    if (typeof v === 'string') return v;
    if (max && (v > max || ((elem === '01' || elem === '02') && v < 1)))
      return `parsing time ${q(s)}: ${names[elem]} out of range`;
    if (seps[k]) {
      const e = lit(seps[k]);
      if (e) return e;
    }
  }
  if (s[i] === '.' || s[i] === ',') {
    let j = i + 1;
    while (j < s.length && /[0-9]/.test(s[j])) j++;
    if (j === i + 1) return cannot(s.slice(i), 'Z07:00');
    i = j;
  }
  if (s[i] === 'Z') i += 1;
  else if ((s[i] === '+' || s[i] === '-') && /^[0-9]{2}:[0-9]{2}/.test(s.slice(i + 1))) i += 6;
  else return cannot(s.slice(i), 'Z07:00');
  if (i < s.length) return `parsing time ${q(s)}: extra text: ${q(s.slice(i))}`;
  return undefined;
}

// --- the walk -------------------------------------------------------------------------------

function sortedKeys(o: object): string[] {
  // Go sorts map keys by their bytes; for the ASCII names of manifests this is code-unit order.
  return sortStrings(Object.keys(o));
}

function decodeDefinition(value: unknown, name: string, ctx: Ctx, out: DecodeIssue[], p: PropSchema): void {
  const def: Definition = definition(name);
  const k = jsonKind(value);
  if (name === INT_OR_STRING) {
    // intstr.IntOrString.UnmarshalJSON: a quoted value is the string, anything else an int32.
    if (k === 'null' || k === 'string') return;
    const e = checkInteger(value, ctx, 'int32', 'int32', true);
    if (e) out.push(e);
    return;
  }
  if (name === QUANTITY) {
    const msg = checkQuantity(value);
    if (msg) out.push({ kind: 'typeMismatch', path: pathOf(ctx), message: msg, abort: true });
    return;
  }
  if (def.format === 'date-time') {
    // metav1.Time / MicroTime.UnmarshalJSON: a JSON string, then time.Parse(RFC3339).
    if (k === 'null') return;
    if (k !== 'string') {
      out.push(typeError(ctx, k, 'string', true));
      return;
    }
    const msg = parseRFC3339Error(value as string);
    if (msg) out.push({ kind: 'typeMismatch', path: pathOf(ctx), message: msg, abort: true });
    return;
  }
  if (def.type === 'string') {
    if (k !== 'null' && k !== 'string') out.push(typeError(ctx, k, goTypeOf(p)));
    return;
  }
  if (def['x-kubernetes-preserve-unknown-fields']) return; // RawExtension, FieldsV1: any JSON
  if (k === 'null') return;
  if (k !== 'object') {
    out.push(typeError(ctx, k, goTypeOf(p)));
    return;
  }
  const obj = value as Record<string, unknown>;
  const props = def.properties ?? {};
  const struct = quick ? '' : shortName(name);
  const keys = quick ? Object.keys(obj) : sortedKeys(obj);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const prop = Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
    const at: Ctx = quick ? ctx : { up: ctx, step: 'field', name: key, struct };
    if (!prop) {
      if (quick) {
        out.push(QUICK_ISSUE);
        return;
      }
      const path = pathOf(at);
      out.push({ kind: 'unknownField', path, message: `unknown field ${JSON.stringify(path)}` });
      continue;
    }
    decodeProp(obj[key], prop, at, out);
  }
}

function decodeProp(value: unknown, p: PropSchema, ctx: Ctx, out: DecodeIssue[]): void {
  const k = jsonKind(value);
  if (p.$ref) {
    decodeDefinition(value, p.$ref, ctx, out, p);
    return;
  }
  if (k === 'null') return; // null leaves any Go value at its zero value
  switch (p.type) {
    case 'string':
      if (k !== 'string') out.push(typeError(ctx, k, goTypeOf(p)));
      return;
    case 'boolean':
      if (k !== 'bool') out.push(typeError(ctx, k, goTypeOf(p)));
      return;
    case 'integer': {
      const e = checkInteger(value, ctx, p.go ?? p.format ?? 'int32', p.format ?? 'int32');
      if (e) out.push(e);
      return;
    }
    case 'number':
      if (k !== 'number') out.push(typeError(ctx, k, goTypeOf(p)));
      return;
    case 'array':
      if (k !== 'array') {
        out.push(typeError(ctx, k, goTypeOf(p)));
        return;
      }
      for (let i = 0; i < (value as unknown[]).length; i++)
        decodeProp(
          (value as unknown[])[i],
          p.items ?? {},
          quick ? ctx : { up: ctx, step: 'index', name: String(i), struct: ctx.struct },
          out,
        );
      return;
    case 'object': {
      if (k !== 'object') {
        out.push(typeError(ctx, k, goTypeOf(p)));
        return;
      }
      if (!p.additionalProperties) return;
      const obj = value as Record<string, unknown>;
      // Map values keep the map field's error context (encoding/json does not push map keys).
      for (const key of quick ? Object.keys(obj) : sortedKeys(obj))
        decodeProp(
          obj[key],
          p.additionalProperties,
          quick ? ctx : { up: ctx, step: 'key', name: key, struct: ctx.struct },
          out,
        );
      return;
    }
  }
}

/**
 * Decodes `obj` as the API server decodes a create body of `kind` with field validation Strict.
 * Returns every issue in the order the server meets them (keys sorted at each level); an empty
 * list means the server accepts the body's shape. `apiVersion`/`kind` themselves are checked by
 * {@link checkTypeMeta}, as kubectl does before it sends anything.
 */
export function decodeStrict(kind: KindName, obj: unknown): DecodeIssue[] {
  const name = kindDefinitionName(kind);
  const out: DecodeIssue[] = [];
  // Nearly every body decodes cleanly: first find out whether this one does, without sorting
  // keys or tracking paths; only a body with issues is walked again to spell them out in order.
  quick = true;
  try {
    decodeDefinition(obj, name, ROOT, out, { $ref: name });
  } finally {
    quick = false;
  }
  if (out.length === 0) return out;
  out.length = 0;
  decodeDefinition(obj, name, ROOT, out, { $ref: name });
  return out;
}

/**
 * Whether the walk only asks if the body decodes (see decodeStrict): keys in any order, no paths
 * (every issue is reported at the root), and the walk may stop at the first issue.
 */
let quick = false;
/** What the quick walk reports for an unknown field (it does not spell the path out). */
const QUICK_ISSUE: DecodeIssue = { kind: 'unknownField', path: '', message: '' };

/** The decode error encoding/json returns, if any: the first aborting error, else the first type error. */
function fatalIssue(issues: DecodeIssue[]): DecodeIssue | undefined {
  return issues.find((i) => i.abort) ?? issues.find((i) => i.kind === 'typeMismatch');
}

/**
 * The API server's message for a failed strict decode of a create:
 * `DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.foo"`.
 * kubectl prints it as `Error from server (BadRequest): error when creating "<file>": <this>`
 * (see {@link kubectlDecodeErrorLine}). Returns '' when `issues` is empty.
 */
export function decodeErrorMessage(kind: KindName, issues: DecodeIssue[]): string {
  if (issues.length === 0) return '';
  const info = kindInfo(kind);
  const fatal = fatalIssue(issues);
  const err = fatal
    ? fatal.message
    : `strict decoding error: ${issues
        .filter((i) => i.kind !== 'typeMismatch')
        .map((i) => i.message)
        .join(', ')}`;
  return `${kind} in version ${JSON.stringify(info.version)} cannot be handled as a ${kind}: ${err}`;
}

/** The whole stderr line of `kubectl apply -f <file>` (or create) for a failed strict decode. */
export function kubectlDecodeErrorLine(kind: KindName, issues: DecodeIssue[], file: string): string {
  return `Error from server (BadRequest): error when creating ${JSON.stringify(file)}: ${decodeErrorMessage(kind, issues)}`;
}

// --- apiVersion / kind, checked by kubectl before sending -------------------------------------

export type TypeMetaResult =
  | { ok: true; kind: KindName }
  | {
      ok: false;
      /** validation: kubectl's schema check (default --validate=strict); decode: --validate=false; noMatch: RESTMapper. */
      reason: 'validation' | 'decode' | 'noMatch';
      /** kubectl's whole stderr output for this document, `error: …` included. */
      message: string;
    };

/** Go's json.Marshal of a value decoded from YAML: compact, map keys sorted, HTML characters escaped. */
export function goJSON(v: unknown): string {
  const enc = (x: unknown): string => {
    if (x === null || x === undefined) return 'null';
    if (typeof x === 'number' || typeof x === 'bigint') return goNumber(x);
    if (typeof x === 'boolean') return String(x);
    if (typeof x === 'string')
      return JSON.stringify(x)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
    if (Array.isArray(x)) return `[${x.map(enc).join(',')}]`;
    const o = x as Record<string, unknown>;
    return `{${sortedKeys(o)
      .map((k) => `${enc(k)}:${enc(o[k])}`)
      .join(',')}}`;
  };
  return enc(v);
}

/** schema.ParseGroupVersion: '' | 'v1' | 'group/version'. */
function parseGroupVersion(apiVersion: string): { group: string; version: string } | string {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '' };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: parts[0] };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  return `unexpected GroupVersion string: ${apiVersion}`;
}

/**
 * What kubectl says about a document's `apiVersion`/`kind` before sending it: with the default
 * `--validate=strict`, kubectl/pkg/validation's getObjectKind errors
 * (`error validating data: [apiVersion not set, kind not set]`); with `--validate=false`, the
 * unstructured decoder's `Object 'Kind' is missing in '<json>'`; then the RESTMapper's
 * `no matches for kind "DaemonSet" in version "apps/v1beta2"` for an API version this cluster
 * does not serve (cli-runtime resource/mapper.go).
 */
export function checkTypeMeta(obj: unknown, source: string, opts: { validate?: boolean } = {}): TypeMetaResult {
  const validate = opts.validate ?? true;
  const fields =
    obj !== null && typeof obj === 'object' && !Array.isArray(obj) ? (obj as Record<string, unknown>) : undefined;
  if (validate) {
    const errs: string[] = [];
    if (!fields) errs.push('invalid object to validate');
    else {
      const av = fields.apiVersion;
      if (av === null || av === undefined) errs.push('apiVersion not set');
      else if (typeof av !== 'string') errs.push("apiVersion isn't string type");
      else {
        const gv = parseGroupVersion(av);
        if (typeof gv === 'string') errs.push(gv);
      }
      const k = fields.kind;
      if (k === null || k === undefined) errs.push('kind not set');
      else if (typeof k !== 'string') errs.push("kind isn't string type");
    }
    if (errs.length) {
      const agg = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
      return {
        ok: false,
        reason: 'validation',
        message: `error: error validating ${JSON.stringify(source)}: error validating data: ${agg}; if you choose to ignore these errors, turn validation off with --validate=false`,
      };
    }
  }
  const kind = fields?.kind;
  if (!fields || typeof kind !== 'string' || kind === '') {
    return {
      ok: false,
      reason: 'decode',
      message: `error: unable to decode ${JSON.stringify(source)}: Object 'Kind' is missing in '${goJSON(obj)}'`,
    };
  }
  const apiVersion = typeof fields.apiVersion === 'string' ? fields.apiVersion : '';
  const gv = parseGroupVersion(apiVersion);
  const served = KINDS.find(
    (k) => k.kind === kind && typeof gv !== 'string' && k.group === gv.group && k.version === gv.version,
  );
  if (served) return { ok: true, kind: served.kind };
  const meta = (fields.metadata ?? {}) as Record<string, unknown>;
  const name = typeof meta.name === 'string' ? meta.name : '';
  const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
  return {
    ok: false,
    reason: 'noMatch',
    message: `error: resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(ns)} from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}\nensure CRDs are installed first`,
  };
}
