/**
 * `kubectl get`'s non-table output formats as kubectl 1.34 prints them: `-o json`, `-o yaml`,
 * `-o name`, `-o jsonpath=…`, `-o custom-columns=…`, and `--sort-by`.
 *
 * kubectl get reads objects as `unstructured.Unstructured` (get.go builds its request with
 * `.Unstructured()`), so what the printers see are maps, not Go structs: `-o json`
 * (cli-runtime printers/json.go: `json.MarshalIndent(obj, "", "    ")`) prints keys in Go's
 * sorted map order, not in struct field order, and escapes `<`, `>` and `&` as encoding/json
 * does. `-o yaml` (printers/yaml.go: sigs.k8s.io/yaml, i.e. json.Marshal → yaml.v2 Unmarshal →
 * yaml.v2 Marshal) sorts keys with yaml.v2's natural order and quotes exactly the strings that
 * would read back as another type; {@link printYAML} is a port of yaml.v2's encoder and
 * emitter (encode.go, emitterc.go, resolve.go, sorter.go) for JSON-shaped values, including its
 * 80-column folding of long strings.
 *
 * Several objects print as one `List` (get.go printGeneric): `{apiVersion: v1, items: […],
 * kind: List, metadata: {resourceVersion: ""}}`, which is also what `-o jsonpath` walks; one
 * object fetched by name prints as itself.
 */
import { compareQuantity, parseQuantity } from '../apiserver/validation/quantity';
import {
  JSONPath,
  JSONPathError,
  goFormatFloat,
  goFormatV,
  goJSON,
  goQuote,
  goSyntax,
  goTypeName,
  utf8,
  type Value,
} from './jsonpath';
import { tabwrite } from './printers';

/** A printer failure after part of the output was written (kubectl flushes it before the error). */
export class PrintError extends Error {
  override name = 'PrintError';
  constructor(
    message: string,
    readonly output = '',
  ) {
    super(message);
  }
}

/** The List that get.go's printGeneric wraps several objects (or none) in. */
export function listOf(items: readonly object[]): object {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } };
}

// ---------------------------------------------------------------------------------------------
// -o json, -o name

/** `-o json`: JSONPrinter's json.MarshalIndent with 4 spaces, plus a newline. */
export function printJSON(value: unknown): string {
  return `${goJSON(value, '    ')}\n`;
}

/**
 * `-o name`: NamePrinter's `kind.group/name` lines; `kindPrefix` is the lower-cased GroupKind
 * (`pod`, `daemonset.apps`), a missing name prints as `<unknown>`.
 */
export function printName(kindPrefix: string, objects: readonly object[]): string {
  return objects
    .map((o) => `${kindPrefix}/${(o as { metadata?: { name?: string } }).metadata?.name || '<unknown>'}\n`)
    .join('');
}

// ---------------------------------------------------------------------------------------------
// -o jsonpath

export interface JSONPathOptions {
  /** `--allow-missing-template-keys` (default true): a missing key prints nothing instead of failing. */
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json`: each result set as an indented JSON array. */
  asJSON?: boolean;
}

/**
 * `-o jsonpath=TEMPLATE` on `value` (one object, or a {@link listOf} List). Throws kubectl's
 * error text (JSONPathPrintFlags.ToPrinter and JSONPathPrinter.PrintObj), which kubectl prints
 * after `error: `.
 */
export function printJSONPath(template: string, value: unknown, opts: JSONPathOptions = {}): string {
  if (template.length === 0) throw new Error('template format specified but no template given');
  const j = new JSONPath('out');
  try {
    j.parse(template);
  } catch (e) {
    throw new Error(`error parsing jsonpath ${template}, ${(e as Error).message}`, { cause: e });
  }
  j.allowMissingKeys(opts.allowMissingKeys ?? true);
  if (opts.asJSON) j.enableJSONOutput(true);
  try {
    return j.execute(value);
  } catch (e) {
    if (!(e instanceof JSONPathError)) throw e;
    throw new Error(
      `error executing jsonpath ${goQuote(template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${template}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSyntax(value)}\n\n\n`,
      { cause: e },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// -o custom-columns

/** RelaxedJSONPathExpression: `metadata.name`, `.metadata.name`, `{metadata.name}` → `{.metadata.name}`. */
export function relaxedJSONPathExpression(pathExpression: string): string {
  if (pathExpression.length === 0) return pathExpression;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(pathExpression);
  if (!m)
    throw new Error(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  return `{.${m[1] ?? m[2]}}`;
}

export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

/** NewCustomColumnsPrinterFromSpec's parsing of `NAME:.metadata.name,NODE:.spec.nodeName`. */
export function parseCustomColumnsSpec(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), fieldSpec: relaxedJSONPathExpression(part.slice(i + 1)) };
  });
}

/** printers.EscapeTerminal. */
const escapeTerminal = (s: string) => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

/** Text with tabs and newlines through kubectl's tabwriter. */
function tabwriteText(text: string): string {
  if (text === '') return '';
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return tabwrite(lines.map((l) => l.split('\t')));
}

/**
 * `-o custom-columns=SPEC` (CustomColumnsPrinter): a header line unless `noHeaders`, then one
 * line per object with each column's values comma-joined (`fmt.Sprint` of each), `<none>` for
 * none, aligned by kubectl's tabwriter. The header prints even without objects, as kubectl does.
 */
export function printCustomColumns(
  spec: string,
  objects: readonly object[],
  opts: { noHeaders?: boolean } = {},
): string {
  const columns = parseCustomColumnsSpec(spec);
  let text = '';
  if (!opts.noHeaders) text += `${columns.map((c) => c.header).join('\t')}\n`;
  const fail = (e: unknown): never => {
    if (e instanceof JSONPathError) throw new PrintError(e.message, tabwriteText(text));
    throw e;
  };
  const parsers = columns.map((c, ix) => {
    const p = new JSONPath(`column${ix}`).allowMissingKeys(true);
    try {
      p.parse(c.fieldSpec);
    } catch (e) {
      fail(e);
    }
    return p;
  });
  for (const obj of objects) {
    const cells = parsers.map((p) => {
      let values: Value[][] = [];
      try {
        values = p.findResults(obj);
      } catch (e) {
        fail(e);
      }
      const strs: string[] = [];
      if (values.length === 0 || values[0].length === 0) strs.push('<none>');
      for (const group of values) for (const v of group) strs.push(escapeTerminal(goFormatV(v)));
      return strs.join(',');
    });
    text += `${cells.join('\t')}\n`;
  }
  return tabwriteText(text);
}

// ---------------------------------------------------------------------------------------------
// --sort-by

export interface SortOptions {
  /**
   * Which of kubectl's two sorters runs: `table` (the default output, whose rows
   * SortingPrinter's TableSorter sorts) or `generic` (json, yaml, name, jsonpath, custom-columns:
   * SortObjects). They differ in the text of their errors, and the TableSorter only runs on a
   * table of more than one row. get.go ignores the table printer's error: a table whose sort
   * fails is not printed at all (then `No resources found in … namespace.` if nothing else was),
   * so a caller printing a table should treat a thrown error other than an unsortable type
   * (klog.Exitf) as "print nothing".
   */
  printer?: 'table' | 'generic';
}

/**
 * `--sort-by=FIELD` as sorter.go sorts: the field (`{.x}` or `.x`) is looked up in every object,
 * which must have it at least once; objects without it sort first; strings that are both
 * quantities compare as quantities, other strings in natural order, numbers numerically, and
 * anything else is unsortable. The sort is Go's sort.Sort (pdqsort, not stable), reproduced
 * exactly so that ties come out in kubectl's order.
 */
export function sortObjects<T>(objects: readonly T[], sortBy: string, opts: SortOptions = {}): T[] {
  const table = (opts.printer ?? 'table') === 'table';
  const objs = [...objects];
  // SortingPrinter.PrintObj sorts a Table only when it has more than one row.
  if (objs.length === 0 || (table && objs.length === 1)) return objs;
  let field: string;
  try {
    field = relaxedJSONPathExpression(sortBy);
  } catch (e) {
    if (!table) throw e;
    field = sortBy;
  }
  const parser = () => {
    const p = new JSONPath('sorting').allowMissingKeys(true);
    p.parse(field);
    return p;
  };
  try {
    parser();
  } catch (e) {
    throw new Error(table ? `sorting error: ${(e as Error).message}` : (e as Error).message, { cause: e });
  }
  let foundOnce = false;
  const values = objs.map((o) => {
    try {
      const v = parser().findResults(o);
      if (v.length > 0 && v[0].length > 0) foundOnce = true;
      return v;
    } catch (e) {
      const msg = (e as Error).message;
      if (table)
        throw new Error(
          `Failed to get values for [][]reflect.Value(nil) using ${field} (&errors.errorString{s:${goQuote(msg)}})`,
          { cause: e },
        );
      if (!foundOnce) throw e;
      throw new Error(
        `Failed to get i values for &unstructured.Unstructured{Object:${goSyntax(o)}} using ${field} (&errors.errorString{s:${goQuote(msg)}})`,
        { cause: e },
      );
    }
  });
  if (!foundOnce) throw new Error(`couldn't find any field with path ${goQuote(field)} in the list of objects`);
  const objType = table ? '[][][]reflect.Value' : '*unstructured.Unstructured';
  const less = (i: number, j: number): boolean => {
    const iv = values[i];
    const jv = values[j];
    if (iv.length === 0 || iv[0].length === 0) return true;
    if (jv.length === 0 || jv[0].length === 0) return false;
    const err = isLess(iv[0][0], jv[0][0]);
    if (typeof err === 'string')
      throw new Error(`Field ${field} in ${objType} is an unsortable type: interface, err: ${err}`);
    return err;
  };
  const swap = (i: number, j: number) => {
    [objs[i], objs[j]] = [objs[j], objs[i]];
    [values[i], values[j]] = [values[j], values[i]];
  };
  goSort(objs.length, less, swap);
  return objs;
}

/** sorter.go isLess for two unstructured values (both `interface{}`); a string is the error. */
function isLess(i: Value, j: Value): boolean | string {
  if (i === null && j === null) return false;
  if (i === null) return true;
  if (j === null) return false;
  if (typeof i === 'string') {
    if (typeof j !== 'string') return 'unsortable interface: interface';
    const qi = parseQuantity(i);
    const qj = qi && parseQuantity(j);
    if (qi && qj) return compareQuantity(qi, qj) < 0;
    return naturalLess(i, j);
  }
  if (typeof i === 'number') {
    if (typeof j !== 'number' || Number.isInteger(i) !== Number.isInteger(j)) return 'unsortable interface: interface';
    return i < j;
  }
  return `unsortable type: ${goTypeName(i)}`;
}

/** github.com/fvbommel/sortorder NaturalLess: digit runs compare as numbers, the rest bytewise. */
export function naturalLess(str1: string, str2: string): boolean {
  const a = utf8(str1);
  const b = utf8(str2);
  const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
  let i1 = 0;
  let i2 = 0;
  while (i1 < a.length && i2 < b.length) {
    const c1 = a[i1];
    const c2 = b[i2];
    if (!isDigit(c1) || !isDigit(c2)) {
      if (c1 !== c2) return c1 < c2;
      i1++;
      i2++;
      continue;
    }
    while (i1 < a.length && a[i1] === 0x30) i1++;
    while (i2 < b.length && b[i2] === 0x30) i2++;
    const nz1 = i1;
    const nz2 = i2;
    while (i1 < a.length && isDigit(a[i1])) i1++;
    while (i2 < b.length && isDigit(b[i2])) i2++;
    const len1 = i1 - nz1;
    const len2 = i2 - nz2;
    if (len1 !== len2) return len1 < len2;
    for (let k = 0; k < len1; k++) if (a[nz1 + k] !== b[nz2 + k]) return a[nz1 + k] < b[nz2 + k];
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return a.length < b.length;
}

// ---------------------------------------------------------------------------------------------
// Go's sort.Sort (src/sort/zsortinterface.go, pdqsort), so that unstable ties match kubectl.

type Less = (i: number, j: number) => boolean;
type Swap = (i: number, j: number) => void;

const bitsLen = (n: number) => (n === 0 ? 0 : Math.floor(Math.log2(n)) + 1);

/** sort.Sort over indices 0..n-1. */
export function goSort(n: number, less: Less, swap: Swap): void {
  if (n <= 1) return;
  pdqsort(less, swap, 0, n, bitsLen(n));
}

function insertionSort(less: Less, swap: Swap, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && less(j, j - 1); j--) swap(j, j - 1);
}

function siftDown(less: Less, swap: Swap, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) break;
    if (child + 1 < hi && less(first + child, first + child + 1)) child++;
    if (!less(first + root, first + child)) return;
    swap(first + root, first + child);
    root = child;
  }
}

function heapSort(less: Less, swap: Swap, a: number, b: number): void {
  const first = a;
  const hi = b - a;
  for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) siftDown(less, swap, i, hi, first);
  for (let i = hi - 1; i >= 0; i--) {
    swap(first, first + i);
    siftDown(less, swap, 0, i, first);
  }
}

const UNKNOWN_HINT = 0;
const INCREASING_HINT = 1;
const DECREASING_HINT = 2;

function pdqsort(less: Less, swap: Swap, a: number, b: number, limit: number): void {
  const maxInsertion = 12;
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= maxInsertion) {
      insertionSort(less, swap, a, b);
      return;
    }
    if (limit === 0) {
      heapSort(less, swap, a, b);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(swap, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(less, a, b);
    if (hint === DECREASING_HINT) {
      reverseRange(swap, a, b);
      pivot = b - 1 - (pivot - a);
      hint = INCREASING_HINT;
    }
    if (wasBalanced && wasPartitioned && hint === INCREASING_HINT) {
      if (partialInsertionSort(less, swap, a, b)) return;
    }
    if (a > 0 && !less(a - 1, pivot)) {
      a = partitionEqual(less, swap, a, b, pivot);
      continue;
    }
    const [mid, alreadyPartitioned] = partition(less, swap, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const balanceThreshold = Math.floor(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(less, swap, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(less, swap, mid + 1, b, limit);
      b = mid;
    }
  }
}

function partition(less: Less, swap: Swap, a: number, b: number, pivot: number): [number, boolean] {
  swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && less(i, a)) i++;
  while (i <= j && !less(j, a)) j--;
  if (i > j) {
    swap(j, a);
    return [j, true];
  }
  swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && less(i, a)) i++;
    while (i <= j && !less(j, a)) j--;
    if (i > j) break;
    swap(i, j);
    i++;
    j--;
  }
  swap(j, a);
  return [j, false];
}

function partitionEqual(less: Less, swap: Swap, a: number, b: number, pivot: number): number {
  swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !less(a, i)) i++;
    while (i <= j && less(a, j)) j--;
    if (i > j) break;
    swap(i, j);
    i++;
    j--;
  }
  return i;
}

function partialInsertionSort(less: Less, swap: Swap, a: number, b: number): boolean {
  const maxSteps = 5;
  const shortestShifting = 50;
  let i = a + 1;
  for (let step = 0; step < maxSteps; step++) {
    while (i < b && !less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < shortestShifting) return false;
    swap(i, i - 1);
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!less(j, j - 1)) break;
        swap(j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!less(j, j - 1)) break;
        swap(j, j - 1);
      }
    }
  }
  return false;
}

const MASK64 = (1n << 64n) - 1n;

function breakPatterns(swap: Swap, a: number, b: number): void {
  const length = b - a;
  if (length >= 8) {
    let random = BigInt(length);
    const next = () => {
      random ^= (random << 13n) & MASK64;
      random ^= random >> 7n;
      random ^= (random << 17n) & MASK64;
      return random;
    };
    const modulus = 2 ** bitsLen(length);
    const mid = a + Math.floor(length / 4) * 2;
    for (let idx = mid - 1; idx <= mid + 1; idx++) {
      let other = Number(next() & BigInt(modulus - 1));
      if (other >= length) other -= length;
      swap(idx, a + other);
    }
  }
}

function choosePivot(less: Less, a: number, b: number): [number, number] {
  const shortestNinther = 50;
  const maxSwaps = 4 * 3;
  const l = b - a;
  const swaps = { n: 0 };
  let i = a + Math.floor(l / 4) * 1;
  let j = a + Math.floor(l / 4) * 2;
  let k = a + Math.floor(l / 4) * 3;
  if (l >= 8) {
    if (l >= shortestNinther) {
      i = median(less, i - 1, i, i + 1, swaps);
      j = median(less, j - 1, j, j + 1, swaps);
      k = median(less, k - 1, k, k + 1, swaps);
    }
    j = median(less, i, j, k, swaps);
  }
  if (swaps.n === 0) return [j, INCREASING_HINT];
  if (swaps.n === maxSwaps) return [j, DECREASING_HINT];
  return [j, UNKNOWN_HINT];
}

function order2(less: Less, a: number, b: number, swaps: { n: number }): [number, number] {
  if (less(b, a)) {
    swaps.n++;
    return [b, a];
  }
  return [a, b];
}

function median(less: Less, a: number, b: number, c: number, swaps: { n: number }): number {
  [a, b] = order2(less, a, b, swaps);
  b = order2(less, b, c, swaps)[0];
  return order2(less, a, b, swaps)[1];
}

function reverseRange(swap: Swap, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) swap(i, j);
}

// ---------------------------------------------------------------------------------------------
// -o yaml: sigs.k8s.io/yaml over gopkg.in/yaml.v2 (v2.4.0, as forked in sigs.k8s.io/yaml/goyaml.v2)

/** `-o yaml`: YAMLPrinter's yaml.Marshal of the object (or List). */
export function printYAML(value: unknown): string {
  const events: YamlEvent[] = [{ t: 'STREAM_START' }, { t: 'DOCUMENT_START' }];
  marshalYAML(value, events);
  events.push({ t: 'DOCUMENT_END' }, { t: 'STREAM_END' });
  return new Emitter(events).run();
}

type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

type YamlEvent =
  | { t: 'STREAM_START' | 'STREAM_END' | 'DOCUMENT_START' | 'DOCUMENT_END' }
  | { t: 'MAPPING_START' | 'MAPPING_END' | 'SEQUENCE_START' | 'SEQUENCE_END' }
  | { t: 'SCALAR'; value: Uint8Array; style: ScalarStyle };

const scalar = (s: string, style: ScalarStyle): YamlEvent => ({ t: 'SCALAR', value: utf8(s), style });

/**
 * encoder.marshal for what JSONToYAML hands yaml.v2: the JSON value as yaml.v2 decoded it
 * (integers as int, other numbers as float64, maps with string keys).
 */
function marshalYAML(v: unknown, out: YamlEvent[]): void {
  if (v === null || v === undefined) {
    out.push(scalar('null', 'plain'));
  } else if (typeof v === 'boolean') {
    out.push(scalar(v ? 'true' : 'false', 'plain'));
  } else if (typeof v === 'number') {
    const s = Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? BigInt(v).toString() : yamlFloat(v);
    out.push(scalar(s, 'plain'));
  } else if (typeof v === 'string') {
    out.push(stringv(v));
  } else if (Array.isArray(v)) {
    out.push({ t: 'SEQUENCE_START' });
    for (const e of v) marshalYAML(e, out);
    out.push({ t: 'SEQUENCE_END' });
  } else if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined);
    goSort(
      keys.length,
      (i, j) => keyLess(keys[i], keys[j]),
      (i, j) => ([keys[i], keys[j]] = [keys[j], keys[i]]),
    );
    out.push({ t: 'MAPPING_START' });
    for (const k of keys) {
      out.push(stringv(k));
      marshalYAML(o[k], out);
    }
    out.push({ t: 'MAPPING_END' });
  } else {
    out.push(stringv(String(v)));
  }
}

/** encoder.floatv: strconv.FormatFloat(f, 'g', -1, 64) with YAML's names for the specials. */
function yamlFloat(f: number): string {
  const s = goFormatFloat(f);
  return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
}

/** encoder.stringv: plain unless the text would read back as another type; literal when multi-line. */
function stringv(s: string): YamlEvent {
  const canUsePlain = resolveTag(s) === 'str' && !isBase60Float(s);
  const style: ScalarStyle = s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double';
  return scalar(s, style);
}

const letter = /^\p{L}$/u;
const digit = /^\p{Nd}$/u;

/** yaml.v2 keyList.Less for string keys: letters after non-letters, digit runs numerically. */
export function keyLess(a: string, b: string): boolean {
  const ar = [...a].map((c) => c.codePointAt(0)!);
  const br = [...b].map((c) => c.codePointAt(0)!);
  const isLetter = (r: number) => letter.test(String.fromCodePoint(r));
  const isDigit = (r: number) => digit.test(String.fromCodePoint(r));
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === 0x30 || br[i] === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 0x30) {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai] - 0x30);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi] - 0x30);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

// resolve.go

const resolveMap: Record<string, string> = {};
for (const [tag, words] of [
  ['bool', 'y Y yes Yes YES true True TRUE on On ON n N no No NO false False FALSE off Off OFF'],
  ['null', '~ null Null NULL'],
  ['float', '.nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF'],
  ['merge', '<<'],
] as const)
  for (const w of words.split(' ')) resolveMap[w] = tag;
resolveMap[''] = 'null';

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** The tag yaml.v2's resolve gives an unquoted scalar: str, bool, null, int, float, timestamp, merge. */
export function resolveTag(s: string): string {
  let hint = 'N';
  if (s !== '') {
    const c = s.charCodeAt(0);
    hint =
      c === 0x2b || c === 0x2d
        ? 'S'
        : c >= 0x30 && c <= 0x39
          ? 'D'
          : 'yYnNtTfFoO~'.includes(s[0]) && c < 0x80
            ? 'M'
            : s[0] === '.'
              ? '.'
              : '';
  }
  if (hint === '') return 'str';
  if (Object.prototype.hasOwnProperty.call(resolveMap, s)) return resolveMap[s];
  if (hint === '.') return goParseFloatOK(s) ? 'float' : 'str';
  if (hint === 'D' || hint === 'S') {
    if (parseTimestamp(s)) return 'timestamp';
    const plain = s.replaceAll('_', '');
    if (goParseInt(plain, true) === 'ok') return 'int';
    const u = goParseInt(plain, false);
    if (u === 'ok') return 'int';
    if (yamlStyleFloat.test(plain) && goParseFloatOK(plain)) return 'float';
    if (plain.startsWith('0b') && /^[01]+$/.test(plain.slice(2))) return 'int';
    if (plain.startsWith('-0b') && goParseInt(`-${plain.slice(3)}`, true, 2) === 'ok') return 'int';
    if (u === 'range' && goParseInt(plain, false, 0, true) === 'ok') return 'int';
  }
  return 'str';
}

/** strconv.ParseInt/ParseUint(s, base, 64): ok, a syntax error, or out of range. `big` drops the range check (big.Int.SetString). */
function goParseInt(s: string, signed: boolean, base = 0, big = false): 'ok' | 'syntax' | 'range' {
  let t = s;
  let neg = false;
  if ((signed || big) && (t[0] === '+' || t[0] === '-')) {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  let b = base;
  if (b === 0) {
    b = 10;
    if (t[0] === '0') {
      const p = (t[1] ?? '').toLowerCase();
      if (p === 'x' || p === 'o' || p === 'b') {
        b = p === 'x' ? 16 : p === 'o' ? 8 : 2;
        t = t.slice(2);
      } else if (t.length > 1) {
        b = 8;
        t = t.slice(1);
      }
    }
  }
  const digits = b === 16 ? /^[0-9a-fA-F]+$/ : b === 8 ? /^[0-7]+$/ : b === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(t)) return 'syntax';
  if (big) return 'ok';
  let v = 0n;
  for (const ch of t) v = v * BigInt(b) + BigInt(parseInt(ch, 16));
  if (neg) v = -v;
  if (signed) return v <= 9223372036854775807n && v >= -9223372036854775808n ? 'ok' : 'range';
  return v <= 18446744073709551615n ? 'ok' : 'range';
}

/** strconv.ParseFloat(s, 64) succeeds for a decimal literal that does not overflow. */
function goParseFloatOK(s: string): boolean {
  return /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s) && Number.isFinite(Number(s));
}

/** isBase60Float: `1:30` and the like, which yaml.v2 quotes for YAML 1.1 parsers. */
function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s[0];
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}

/**
 * resolve.go parseTimestamp: time.Parse with "2006-1-2T15:4:5.999999999Z07:00" (and a lower-case
 * t), "2006-1-2 15:4:5.999999999" and "2006-1-2".
 */
function parseTimestamp(s: string): boolean {
  let i = 0;
  while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
  if (i !== 4 || i === s.length || s[i] !== '-') return false;
  return (
    parseLayout(s, 'T', true) || parseLayout(s, 't', true) || parseLayout(s, ' ', false) || parseLayout(s, '', false)
  );
}

function parseLayout(s: string, sep: string, zone: boolean): boolean {
  const isD = (k: number) => s[k] >= '0' && s[k] <= '9';
  let p = 4;
  const getnum = (): number | undefined => {
    if (!isD(p)) return undefined;
    if (!isD(p + 1)) return Number(s[p++]);
    const n = Number(s.slice(p, p + 2));
    p += 2;
    return n;
  };
  const expect = (c: string) => (s[p] === c ? (p++, true) : false);
  const year = Number(s.slice(0, 4));
  if (!expect('-')) return false;
  const month = getnum();
  if (month === undefined || !expect('-')) return false;
  const day = getnum();
  if (day === undefined) return false;
  if (month < 1 || month > 12) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysIn = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day < 1 || day > daysIn) return false;
  if (sep === '') return p === s.length;
  if (sep === ' ') {
    if (p < s.length && s[p] !== ' ') return false;
    while (s[p] === ' ') p++;
  } else if (!expect(sep)) return false;
  const hour = getnum();
  if (hour === undefined || hour >= 24 || !expect(':')) return false;
  const min = getnum();
  if (min === undefined || min >= 60 || !expect(':')) return false;
  const sec = getnum();
  if (sec === undefined || sec >= 60) return false;
  if ((s[p] === '.' || s[p] === ',') && isD(p + 1)) {
    p++;
    while (isD(p)) p++;
  }
  if (zone) {
    if (s[p] === 'Z') p++;
    else {
      const z = s.slice(p, p + 6);
      if (z.length < 6 || z[3] !== ':' || (z[0] !== '+' && z[0] !== '-')) return false;
      if (!/^[0-9]{2}$/.test(z.slice(1, 3)) || !/^[0-9]{2}$/.test(z.slice(4, 6))) return false;
      if (Number(z.slice(1, 3)) > 24 || Number(z.slice(4, 6)) > 60) return false;
      p += 6;
    }
  }
  return p === s.length;
}

// emitterc.go and yamlprivateh.go, over UTF-8 bytes as yaml.v2 works.

const at = (b: Uint8Array, i: number) => (i < b.length ? b[i] : 0);
const isSpaceB = (b: Uint8Array, i: number) => at(b, i) === 0x20;
const isBlankB = (b: Uint8Array, i: number) => at(b, i) === 0x20 || at(b, i) === 0x09;
const isBreakB = (b: Uint8Array, i: number) =>
  at(b, i) === 0x0d ||
  at(b, i) === 0x0a ||
  (at(b, i) === 0xc2 && at(b, i + 1) === 0x85) ||
  (at(b, i) === 0xe2 && at(b, i + 1) === 0x80 && (at(b, i + 2) === 0xa8 || at(b, i + 2) === 0xa9));
const isBlankzB = (b: Uint8Array, i: number) => isBlankB(b, i) || isBreakB(b, i) || at(b, i) === 0;
const isBomB = (b: Uint8Array) => at(b, 0) === 0xef && at(b, 1) === 0xbb && at(b, 2) === 0xbf;
const isPrintableB = (b: Uint8Array, i: number) => {
  const c = at(b, i);
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c === 0xc2 && at(b, i + 1) >= 0xa0) ||
    (c > 0xc2 && c < 0xed) ||
    (c === 0xed && at(b, i + 1) < 0xa0) ||
    c === 0xee ||
    (c === 0xef &&
      !(at(b, i + 1) === 0xbb && at(b, i + 2) === 0xbf) &&
      !(at(b, i + 1) === 0xbf && (at(b, i + 2) === 0xbe || at(b, i + 2) === 0xbf)))
  );
};
const width = (c: number) =>
  (c & 0x80) === 0 ? 1 : (c & 0xe0) === 0xc0 ? 2 : (c & 0xf0) === 0xe0 ? 3 : (c & 0xf8) === 0xf0 ? 4 : 0;

type State =
  | 'STREAM_START'
  | 'FIRST_DOCUMENT_START'
  | 'DOCUMENT_START'
  | 'DOCUMENT_CONTENT'
  | 'DOCUMENT_END'
  | 'FLOW_SEQUENCE_FIRST_ITEM'
  | 'FLOW_SEQUENCE_ITEM'
  | 'FLOW_MAPPING_FIRST_KEY'
  | 'FLOW_MAPPING_KEY'
  | 'FLOW_MAPPING_SIMPLE_VALUE'
  | 'FLOW_MAPPING_VALUE'
  | 'BLOCK_SEQUENCE_FIRST_ITEM'
  | 'BLOCK_SEQUENCE_ITEM'
  | 'BLOCK_MAPPING_FIRST_KEY'
  | 'BLOCK_MAPPING_KEY'
  | 'BLOCK_MAPPING_SIMPLE_VALUE'
  | 'BLOCK_MAPPING_VALUE'
  | 'END';

interface ScalarData {
  value: Uint8Array;
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
  style: ScalarStyle;
}

/** yaml_emitter_t with yaml.v2's defaults: indent 2, width 80, unicode output, LF breaks. */
class Emitter {
  private out: number[] = [];
  private head = 0;
  private state: State = 'STREAM_START';
  private states: State[] = [];
  private indent = -1;
  private indents: number[] = [];
  private flowLevel = 0;
  private column = 0;
  private whitespace = true;
  private indention = true;
  private mappingContext = false;
  private simpleKeyContext = false;
  private scalarData: ScalarData = {
    value: new Uint8Array(),
    multiline: false,
    flowPlainAllowed: false,
    blockPlainAllowed: false,
    singleQuotedAllowed: false,
    blockAllowed: false,
    style: 'plain',
  };
  private readonly bestIndent = 2;
  private readonly bestWidth = 80;

  constructor(private readonly events: YamlEvent[]) {}

  run(): string {
    for (this.head = 0; this.head < this.events.length; this.head++) {
      const ev = this.events[this.head];
      if (ev.t === 'SCALAR') this.analyzeScalar(ev.value);
      this.stateMachine(ev);
    }
    return new TextDecoder().decode(new Uint8Array(this.out));
  }

  private fail(msg: string): never {
    throw new Error(`yaml: ${msg}`);
  }

  // output primitives
  private put(c: number): void {
    this.out.push(c);
    this.column++;
  }

  private putBreak(): void {
    this.out.push(0x0a);
    this.column = 0;
  }

  private write(s: Uint8Array, i: number): number {
    const w = width(s[i]) || 1;
    for (let k = 0; k < w; k++) this.out.push(s[i + k]);
    this.column++;
    return i + w;
  }

  private writeBreak(s: Uint8Array, i: number): number {
    if (s[i] === 0x0a) {
      this.putBreak();
      return i + 1;
    }
    const j = this.write(s, i);
    this.column = 0;
    return j;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean) {
    if (needWhitespace && !this.whitespace) this.put(0x20);
    for (const ch of indicator) this.put(ch.charCodeAt(0));
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(0x20);
    this.whitespace = true;
    this.indention = true;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? this.bestIndent : 0;
    else if (!indentless) this.indent += this.bestIndent;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  private popState(): void {
    this.state = this.states.pop()!;
  }

  // state machine
  private stateMachine(ev: YamlEvent): void {
    switch (this.state) {
      case 'STREAM_START':
        if (ev.t !== 'STREAM_START') this.fail('expected STREAM-START');
        this.indent = -1;
        this.column = 0;
        this.whitespace = true;
        this.indention = true;
        this.state = 'FIRST_DOCUMENT_START';
        return;
      case 'FIRST_DOCUMENT_START':
      case 'DOCUMENT_START':
        if (ev.t === 'DOCUMENT_START') {
          // implicit for the first document: no `---`
          if (this.state !== 'FIRST_DOCUMENT_START') {
            this.writeIndent();
            this.writeIndicator('---', true, false, false);
          }
          this.state = 'DOCUMENT_CONTENT';
          return;
        }
        if (ev.t === 'STREAM_END') {
          this.state = 'END';
          return;
        }
        return this.fail('expected DOCUMENT-START or STREAM-END');
      case 'DOCUMENT_CONTENT':
        this.states.push('DOCUMENT_END');
        return this.emitNode(ev, false, false);
      case 'DOCUMENT_END':
        if (ev.t !== 'DOCUMENT_END') this.fail('expected DOCUMENT-END');
        this.writeIndent();
        this.state = 'DOCUMENT_START';
        return;
      case 'FLOW_SEQUENCE_FIRST_ITEM':
      case 'FLOW_SEQUENCE_ITEM':
        return this.emitFlowSequenceItem(ev, this.state === 'FLOW_SEQUENCE_FIRST_ITEM');
      case 'FLOW_MAPPING_FIRST_KEY':
      case 'FLOW_MAPPING_KEY':
        return this.emitFlowMappingKey(ev, this.state === 'FLOW_MAPPING_FIRST_KEY');
      case 'FLOW_MAPPING_SIMPLE_VALUE':
      case 'FLOW_MAPPING_VALUE':
        return this.emitFlowMappingValue(ev, this.state === 'FLOW_MAPPING_SIMPLE_VALUE');
      case 'BLOCK_SEQUENCE_FIRST_ITEM':
      case 'BLOCK_SEQUENCE_ITEM':
        return this.emitBlockSequenceItem(ev, this.state === 'BLOCK_SEQUENCE_FIRST_ITEM');
      case 'BLOCK_MAPPING_FIRST_KEY':
      case 'BLOCK_MAPPING_KEY':
        return this.emitBlockMappingKey(ev, this.state === 'BLOCK_MAPPING_FIRST_KEY');
      case 'BLOCK_MAPPING_SIMPLE_VALUE':
      case 'BLOCK_MAPPING_VALUE':
        return this.emitBlockMappingValue(ev, this.state === 'BLOCK_MAPPING_SIMPLE_VALUE');
      case 'END':
        return this.fail('expected nothing after STREAM-END');
    }
  }

  private emitFlowSequenceItem(ev: YamlEvent, first: boolean): void {
    if (first) {
      this.writeIndicator('[', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
    }
    if (ev.t === 'SEQUENCE_END') {
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator(']', false, false, false);
      this.popState();
      return;
    }
    if (!first) this.writeIndicator(',', false, false, false);
    if (this.column > this.bestWidth) this.writeIndent();
    this.states.push('FLOW_SEQUENCE_ITEM');
    this.emitNode(ev, false, false);
  }

  private emitFlowMappingKey(ev: YamlEvent, first: boolean): void {
    if (first) {
      this.writeIndicator('{', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
    }
    if (ev.t === 'MAPPING_END') {
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator('}', false, false, false);
      this.popState();
      return;
    }
    if (!first) this.writeIndicator(',', false, false, false);
    if (this.column > this.bestWidth) this.writeIndent();
    if (this.checkSimpleKey()) {
      this.states.push('FLOW_MAPPING_SIMPLE_VALUE');
      return this.emitNode(ev, true, true);
    }
    this.writeIndicator('?', true, false, false);
    this.states.push('FLOW_MAPPING_VALUE');
    this.emitNode(ev, true, false);
  }

  private emitFlowMappingValue(ev: YamlEvent, simple: boolean): void {
    if (simple) {
      this.writeIndicator(':', false, false, false);
    } else {
      if (this.column > this.bestWidth) this.writeIndent();
      this.writeIndicator(':', true, false, false);
    }
    this.states.push('FLOW_MAPPING_KEY');
    this.emitNode(ev, true, false);
  }

  private emitBlockSequenceItem(ev: YamlEvent, first: boolean): void {
    if (first) this.increaseIndent(false, this.mappingContext && !this.indention);
    if (ev.t === 'SEQUENCE_END') {
      this.popIndent();
      this.popState();
      return;
    }
    this.writeIndent();
    this.writeIndicator('-', true, false, true);
    this.states.push('BLOCK_SEQUENCE_ITEM');
    this.emitNode(ev, false, false);
  }

  private emitBlockMappingKey(ev: YamlEvent, first: boolean): void {
    if (first) this.increaseIndent(false, false);
    if (ev.t === 'MAPPING_END') {
      this.popIndent();
      this.popState();
      return;
    }
    this.writeIndent();
    if (this.checkSimpleKey()) {
      this.states.push('BLOCK_MAPPING_SIMPLE_VALUE');
      return this.emitNode(ev, true, true);
    }
    this.writeIndicator('?', true, false, true);
    this.states.push('BLOCK_MAPPING_VALUE');
    this.emitNode(ev, true, false);
  }

  private emitBlockMappingValue(ev: YamlEvent, simple: boolean): void {
    if (simple) {
      this.writeIndicator(':', false, false, false);
    } else {
      this.writeIndent();
      this.writeIndicator(':', true, false, true);
    }
    this.states.push('BLOCK_MAPPING_KEY');
    this.emitNode(ev, true, false);
  }

  /** yaml_emitter_emit_node; of its contexts only mapping and simple-key change what is printed here. */
  private emitNode(ev: YamlEvent, mapping: boolean, simpleKey: boolean): void {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    switch (ev.t) {
      case 'SCALAR':
        this.selectScalarStyle(ev.style);
        this.increaseIndent(true, false);
        this.processScalar();
        this.popIndent();
        this.popState();
        return;
      case 'SEQUENCE_START':
        this.state =
          this.flowLevel > 0 || this.nextIs('SEQUENCE_END') ? 'FLOW_SEQUENCE_FIRST_ITEM' : 'BLOCK_SEQUENCE_FIRST_ITEM';
        return;
      case 'MAPPING_START':
        this.state =
          this.flowLevel > 0 || this.nextIs('MAPPING_END') ? 'FLOW_MAPPING_FIRST_KEY' : 'BLOCK_MAPPING_FIRST_KEY';
        return;
      default:
        this.fail(`expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS, but got ${ev.t}`);
    }
  }

  /** yaml_emitter_check_empty_sequence/mapping: the current event is immediately closed. */
  private nextIs(t: YamlEvent['t']): boolean {
    return this.events[this.head + 1]?.t === t;
  }

  private checkSimpleKey(): boolean {
    const ev = this.events[this.head];
    switch (ev.t) {
      case 'SCALAR':
        if (this.scalarData.multiline) return false;
        return this.scalarData.value.length <= 128;
      case 'SEQUENCE_START':
        return this.nextIs('SEQUENCE_END');
      case 'MAPPING_START':
        return this.nextIs('MAPPING_END');
      default:
        return false;
    }
  }

  private selectScalarStyle(requested: ScalarStyle): void {
    const d = this.scalarData;
    let style = requested;
    if (this.simpleKeyContext && d.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !d.flowPlainAllowed) || (this.flowLevel === 0 && !d.blockPlainAllowed))
        style = 'single';
      if (d.value.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = 'single';
    }
    if (style === 'single' && !d.singleQuotedAllowed) style = 'double';
    if ((style === 'literal' || style === 'folded') && (!d.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext))
      style = 'double';
    d.style = style;
  }

  private processScalar(): void {
    const v = this.scalarData.value;
    switch (this.scalarData.style) {
      case 'plain':
        return this.writePlain(v, !this.simpleKeyContext);
      case 'single':
        return this.writeSingleQuoted(v, !this.simpleKeyContext);
      case 'double':
        return this.writeDoubleQuoted(v, !this.simpleKeyContext);
      case 'literal':
        return this.writeLiteral(v);
      case 'folded':
        return this.fail('folded scalars are not emitted by yaml.v2 Marshal');
    }
  }

  private analyzeScalar(value: Uint8Array): void {
    const d = this.scalarData;
    d.value = value;
    if (value.length === 0) {
      d.multiline = false;
      d.flowPlainAllowed = false;
      d.blockPlainAllowed = true;
      d.singleQuotedAllowed = true;
      d.blockAllowed = false;
      return;
    }
    let blockIndicators = false;
    let flowIndicators = false;
    let lineBreaks = false;
    let specialCharacters = false;
    let leadingSpace = false;
    let leadingBreak = false;
    let trailingSpace = false;
    let trailingBreak = false;
    let breakSpace = false;
    let spaceBreak = false;
    let previousSpace = false;
    let previousBreak = false;
    if (
      value.length >= 3 &&
      ((value[0] === 0x2d && value[1] === 0x2d && value[2] === 0x2d) ||
        (value[0] === 0x2e && value[1] === 0x2e && value[2] === 0x2e))
    ) {
      blockIndicators = true;
      flowIndicators = true;
    }
    let precededByWhitespace = true;
    for (let i = 0; i < value.length;) {
      const w = width(value[i]) || 1;
      const followedByWhitespace = i + w >= value.length || isBlankB(value, i + w);
      const c = String.fromCharCode(value[i]);
      if (i === 0) {
        if ('#,[]{}&*!|>\'"%@`'.includes(c) && value[i] < 0x80) {
          flowIndicators = true;
          blockIndicators = true;
        } else if (c === '?' || c === ':') {
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
        } else if (c === '-' && followedByWhitespace) {
          flowIndicators = true;
          blockIndicators = true;
        }
      } else if (value[i] < 0x80) {
        if (',?[]{}'.includes(c)) {
          flowIndicators = true;
        } else if (c === ':') {
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
        } else if (c === '#' && precededByWhitespace) {
          flowIndicators = true;
          blockIndicators = true;
        }
      }
      if (!isPrintableB(value, i)) specialCharacters = true;
      if (isSpaceB(value, i)) {
        if (i === 0) leadingSpace = true;
        if (i + w === value.length) trailingSpace = true;
        if (previousBreak) breakSpace = true;
        previousSpace = true;
        previousBreak = false;
      } else if (isBreakB(value, i)) {
        lineBreaks = true;
        if (i === 0) leadingBreak = true;
        if (i + w === value.length) trailingBreak = true;
        if (previousSpace) spaceBreak = true;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlankzB(value, i);
      i += w;
    }
    d.multiline = lineBreaks;
    d.flowPlainAllowed = true;
    d.blockPlainAllowed = true;
    d.singleQuotedAllowed = true;
    d.blockAllowed = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      d.flowPlainAllowed = false;
      d.blockPlainAllowed = false;
    }
    if (trailingSpace) d.blockAllowed = false;
    if (breakSpace) {
      d.flowPlainAllowed = false;
      d.blockPlainAllowed = false;
      d.singleQuotedAllowed = false;
    }
    if (spaceBreak || specialCharacters) {
      d.flowPlainAllowed = false;
      d.blockPlainAllowed = false;
      d.singleQuotedAllowed = false;
      d.blockAllowed = false;
    }
    if (lineBreaks) {
      d.flowPlainAllowed = false;
      d.blockPlainAllowed = false;
    }
    if (flowIndicators) d.flowPlainAllowed = false;
    if (blockIndicators) d.blockPlainAllowed = false;
  }

  private writePlain(value: Uint8Array, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(0x20);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < value.length;) {
      if (isSpaceB(value, i)) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && !isSpaceB(value, i + 1)) {
          this.writeIndent();
          i += width(value[i]);
        } else {
          i = this.write(value, i);
        }
        spaces = true;
      } else if (isBreakB(value, i)) {
        if (!breaks && value[i] === 0x0a) this.putBreak();
        i = this.writeBreak(value, i);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        i = this.write(value, i);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(value: Uint8Array, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < value.length;) {
      if (isSpaceB(value, i)) {
        if (
          allowBreaks &&
          !spaces &&
          this.column > this.bestWidth &&
          i > 0 &&
          i < value.length - 1 &&
          !isSpaceB(value, i + 1)
        ) {
          this.writeIndent();
          i += width(value[i]);
        } else {
          i = this.write(value, i);
        }
        spaces = true;
      } else if (isBreakB(value, i)) {
        if (!breaks && value[i] === 0x0a) this.putBreak();
        i = this.writeBreak(value, i);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (value[i] === 0x27) this.put(0x27);
        i = this.write(value, i);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(value: Uint8Array, allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    for (let i = 0; i < value.length;) {
      if (!isPrintableB(value, i) || isBomB(value) || isBreakB(value, i) || value[i] === 0x22 || value[i] === 0x5c) {
        let octet = value[i];
        let w = 1;
        let v = octet & 0x7f;
        if ((octet & 0xe0) === 0xc0) [w, v] = [2, octet & 0x1f];
        else if ((octet & 0xf0) === 0xe0) [w, v] = [3, octet & 0x0f];
        else if ((octet & 0xf8) === 0xf0) [w, v] = [4, octet & 0x07];
        for (let k = 1; k < w; k++) {
          octet = at(value, i + k);
          v = (v << 6) + (octet & 0x3f);
        }
        i += w;
        this.put(0x5c);
        const named: Record<number, string> = {
          0x00: '0',
          0x07: 'a',
          0x08: 'b',
          0x09: 't',
          0x0a: 'n',
          0x0b: 'v',
          0x0c: 'f',
          0x0d: 'r',
          0x1b: 'e',
          0x22: '"',
          0x5c: '\\',
          0x85: 'N',
          0xa0: '_',
          0x2028: 'L',
          0x2029: 'P',
        };
        if (v in named) {
          this.put(named[v].charCodeAt(0));
        } else {
          const [letter, digits] = v <= 0xff ? ['x', 2] : v <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(letter.charCodeAt(0));
          for (const ch of v.toString(16).toUpperCase().padStart(digits, '0')) this.put(ch.charCodeAt(0));
        }
        spaces = false;
      } else if (isSpaceB(value, i)) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i > 0 && i < value.length - 1) {
          this.writeIndent();
          if (isSpaceB(value, i + 1)) this.put(0x5c);
          i += width(value[i]);
        } else {
          i = this.write(value, i);
        }
        spaces = true;
      } else {
        i = this.write(value, i);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeBlockScalarHints(value: Uint8Array): void {
    if (isSpaceB(value, 0) || isBreakB(value, 0))
      this.writeIndicator(String.fromCharCode(0x30 + this.bestIndent), false, false, false);
    let chomp = '';
    if (value.length === 0) chomp = '-';
    else {
      let i = value.length - 1;
      while ((value[i] & 0xc0) === 0x80) i--;
      if (!isBreakB(value, i)) chomp = '-';
      else if (i === 0) chomp = '+';
      else {
        i--;
        while ((value[i] & 0xc0) === 0x80) i--;
        if (isBreakB(value, i)) chomp = '+';
      }
    }
    if (chomp) this.writeIndicator(chomp, false, false, false);
  }

  private writeLiteral(value: Uint8Array): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(value);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (let i = 0; i < value.length;) {
      if (isBreakB(value, i)) {
        i = this.writeBreak(value, i);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        i = this.write(value, i);
        this.indention = false;
        breaks = false;
      }
    }
  }
}
