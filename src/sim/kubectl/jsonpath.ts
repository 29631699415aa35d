/**
 * A port of client-go's util/jsonpath (parser.go, node.go, jsonpath.go) as kubectl 1.34 runs it,
 * with the parts of Go's fmt, strconv and encoding/json that decide what it prints: `%v` and
 * `%#v` of unstructured values, `strconv.Quote`, and `json.Marshal` (sorted keys, HTML escaping).
 *
 * Values are the JSON-shaped objects kubectl evaluates (`unstructured.Unstructured` content):
 * plain objects are `map[string]interface{}`, arrays `[]interface{}`, integral numbers `int64`,
 * other numbers `float64`, `null` a nil interface. `undefined` stands for Go's zero
 * `reflect.Value` (what `FindResults(nil)` walks). Numbers written in a template are Go `int` or
 * `float64` and strings indexed by `*` or `..` yield `uint8` bytes; those are {@link GoNumber}s.
 *
 * One deliberate difference: Go iterates map keys in random order for `*` and `..`; this port
 * visits them sorted, so the output is reproducible.
 */

/** A number whose Go type is not the JSON default (`int64`/`float64` by integrality). */
export class GoNumber {
  constructor(
    readonly type: 'int' | 'float64' | 'uint8',
    readonly value: number,
  ) {}
}

/**
 * An error with client-go's message (the Go `error` text). `values` is what the failing eval
 * returned alongside the error, which an `exists` filter still looks at.
 */
export class JSONPathError extends Error {
  override name = 'JSONPathError';
  constructor(
    message: string,
    readonly values: Value[] = [],
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// node.go

export interface ParamsEntry {
  value: number;
  known: boolean;
  derived: boolean;
}

export type Node =
  | ListNode
  | { type: 'NodeText'; text: string }
  | { type: 'NodeField'; value: string }
  | { type: 'NodeIdentifier'; name: string }
  | { type: 'NodeArray'; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: 'NodeFilter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'NodeInt'; value: number }
  | { type: 'NodeFloat'; value: number }
  | { type: 'NodeWildcard' }
  | { type: 'NodeRecursive' }
  | { type: 'NodeUnion'; nodes: ListNode[] }
  | { type: 'NodeBool'; value: boolean };

export interface ListNode {
  type: 'NodeList';
  nodes: Node[];
}

const newList = (): ListNode => ({ type: 'NodeList', nodes: [] });
const newText = (text: string): Node => ({ type: 'NodeText', text });

/** Node.String() as node.go defines it (`NodeField: name`, `NodeArray: [{1 true false} …]`). */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'NodeList':
    case 'NodeWildcard':
    case 'NodeRecursive':
    case 'NodeUnion':
      return n.type;
    case 'NodeText':
      return `NodeText: ${n.text}`;
    case 'NodeField':
      return `NodeField: ${n.value}`;
    case 'NodeIdentifier':
      return `NodeIdentifier: ${n.name}`;
    case 'NodeArray':
      return `NodeArray: [${n.params.map((p) => `{${p.value} ${p.known} ${p.derived}}`).join(' ')}]`;
    case 'NodeFilter':
      return `NodeFilter: NodeList ${n.operator} NodeList`;
    case 'NodeInt':
      return `NodeInt: ${n.value}`;
    case 'NodeFloat':
      return `NodeFloat: ${n.value.toFixed(6)}`;
    case 'NodeBool':
      return `NodeBool: ${n.value}`;
  }
}

// ---------------------------------------------------------------------------------------------
// parser.go

const EOF = -1;
const dictKeyRex = /^'([^']*)'$/;
const sliceOperatorRex = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;
const filterRex = /^([^!<>=]+)([!<>=]+)([^\n]+?)$/;
const letterRex = /^\p{L}$/u;
const digitRex = /^\p{Nd}$/u;

const chr = (r: number) => (r === EOF ? '' : String.fromCodePoint(r));
const isSpace = (r: number) => r === 0x20 || r === 0x09;
const isEndOfLine = (r: number) => r === 0x0d || r === 0x0a;
const isDigitRune = (r: number) => r !== EOF && digitRex.test(chr(r));
const isAlphaNumeric = (r: number) => r === 0x5f || (r !== EOF && (letterRex.test(chr(r)) || digitRex.test(chr(r))));

function isTerminator(r: number): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true;
  return r === EOF || '.,[]$@{}'.includes(chr(r));
}

/** A parsed template: `root.nodes` holds text nodes and one list node per `{…}` action. */
export class Parser {
  root: ListNode = newList();
  private input = '';
  private pos = 0;
  private start = 0;
  private width = 0;

  constructor(readonly name: string) {}

  /** Parser.Parse; throws a {@link JSONPathError} with upstream's message. */
  parse(text: string): void {
    this.input = text;
    this.root = newList();
    this.pos = 0;
    this.parseText(this.root);
  }

  private consumeText(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push(newText(this.consumeText()));
        return this.parseLeftDelim(cur);
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push(newText(this.consumeText()));
  }

  private parseLeftDelim(cur: ListNode): void {
    this.pos += 1;
    this.consumeText();
    const node = newList();
    cur.nodes.push(node);
    return this.parseInsideAction(node);
  }

  private parseInsideAction(cur: ListNode): void {
    const rest = this.input.slice(this.pos);
    if (rest.startsWith('}')) return this.parseRightDelim();
    if (rest.startsWith('[?(')) return this.parseFilter(cur);
    if (rest.startsWith('..')) return this.parseRecursive(cur);
    const r = this.next();
    if (r === EOF || isEndOfLine(r)) throw new JSONPathError('unclosed action');
    if (r === 0x20 || r === 0x40 /* @ */ || r === 0x24 /* $ */) {
      this.consumeText();
    } else if (r === 0x5b /* [ */) {
      return this.parseArray(cur);
    } else if (r === 0x22 || r === 0x27) {
      return this.parseQuote(cur, r);
    } else if (r === 0x2e /* . */) {
      return this.parseField(cur);
    } else if (r === 0x2b || r === 0x2d || isDigitRune(r)) {
      this.backup();
      return this.parseNumber(cur);
    } else if (isAlphaNumeric(r)) {
      this.backup();
      return this.parseIdentifier(cur);
    } else {
      throw new JSONPathError(`unrecognized character in action: ${goRuneU(r)}`);
    }
    return this.parseInsideAction(cur);
  }

  private parseRightDelim(): void {
    this.pos += 1;
    this.consumeText();
    return this.parseText(this.root);
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'NodeBool', value: value === 'true' });
    else cur.nodes.push({ type: 'NodeIdentifier', name: value });
    return this.parseInsideAction(cur);
  }

  private parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.type === 'NodeRecursive') throw new JSONPathError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'NodeRecursive' });
    if (isAlphaNumeric(this.peek())) return this.parseField(cur);
    return this.parseInsideAction(cur);
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek();
    if (r === 0x2b || r === 0x2d) this.next();
    for (;;) {
      const c = this.next();
      if (c !== 0x2e && !isDigitRune(c)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    const i = goAtoi(value);
    if (i !== undefined) {
      cur.nodes.push({ type: 'NodeInt', value: i });
      return this.parseInsideAction(cur);
    }
    if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) {
      cur.nodes.push({ type: 'NodeFloat', value: Number(value) });
      return this.parseInsideAction(cur);
    }
    throw new JSONPathError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JSONPathError('unterminated array');
      if (r === 0x5d /* ] */) break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';

    const strs = text.split(',');
    if (strs.length > 1) {
      const union: ListNode[] = [];
      for (const s of strs) union.push(parseAction('union', `[${s.replace(/^ +| +$/g, '')}]`).root);
      cur.nodes.push({ type: 'NodeUnion', nodes: union });
      return this.parseInsideAction(cur);
    }

    const dict = dictKeyRex.exec(text);
    if (dict) {
      const parser = parseAction('arraydict', `.${dict[1]}`);
      cur.nodes.push(...parser.root.nodes);
      return this.parseInsideAction(cur);
    }

    const m = sliceOperatorRex.exec(text);
    if (!m) throw new JSONPathError(`invalid array index ${text}`);
    const value = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: ParamsEntry[] = [];
    for (let i = 0; i < 3; i++) {
      const p: ParamsEntry = { value: 0, known: false, derived: false };
      if (value[i] !== '') {
        if (i > 0) value[i] = value[i].slice(1);
        if (!(i > 0 && value[i] === '')) {
          const n = goAtoi(value[i]);
          if (n === undefined) throw new JSONPathError(`array index ${value[i]} is not a number`);
          p.known = true;
          p.value = n;
        }
      } else if (i === 1) {
        p.known = true;
        p.value = params[0].value + 1;
        p.derived = true;
      }
      params.push(p);
    }
    cur.nodes.push({ type: 'NodeArray', params: params as [ParamsEntry, ParamsEntry, ParamsEntry] });
    return this.parseInsideAction(cur);
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = 0;
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JSONPathError('unterminated filter');
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === 0x29 /* ) */) {
        if (begin === end) break;
      }
    }
    if (this.next() !== 0x5d) throw new JSONPathError('unclosed array expect ]');
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = filterRex.exec(text);
    if (!m) {
      const parser = parseAction('text', text);
      cur.nodes.push({ type: 'NodeFilter', left: parser.root, right: newList(), operator: 'exists' });
    } else {
      const left = parseAction('left', m[1]);
      const right = parseAction('right', m[3]);
      cur.nodes.push({ type: 'NodeFilter', left: left.root, right: right.root, operator: m[2] });
    }
    return this.parseInsideAction(cur);
  }

  private parseQuote(cur: ListNode, end: number): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JSONPathError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    let s: string;
    try {
      s = unquoteExtend(value);
    } catch (e) {
      throw new JSONPathError(`unquote string ${value} error ${(e as Error).message}`);
    }
    cur.nodes.push(newText(s));
    return this.parseInsideAction(cur);
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    while (this.advance());
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'NodeWildcard' });
    else cur.nodes.push({ type: 'NodeField', value: value.replaceAll('\\', '') });
    return this.parseInsideAction(cur);
  }

  private advance(): boolean {
    const r = this.next();
    if (r === 0x5c /* \ */) {
      this.next();
    } else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** jsonpath.Parse(name, text). */
export function parse(name: string, text: string): Parser {
  const p = new Parser(name);
  p.parse(text);
  return p;
}

/** parseAction: parses `{text}` and returns the action's list as root. */
function parseAction(name: string, text: string): Parser {
  const p = parse(name, `{${text}}`);
  p.root = p.root.nodes[0] as ListNode;
  return p;
}

/** strconv.Atoi: a decimal int64 with an optional sign; undefined when it is not one. */
function goAtoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const b = BigInt(s);
  if (b > 9223372036854775807n || b < -9223372036854775808n) return undefined;
  return Number(b);
}

const errSyntax = () => new JSONPathError('invalid syntax');

/** UnquoteExtend: strconv.Unquote that also accepts single-quoted strings. */
export function unquoteExtend(s: string): string {
  const n = s.length;
  if (n < 2) throw errSyntax();
  const quote = s[0];
  if (quote !== s[n - 1]) throw errSyntax();
  let rest = s.slice(1, -1);
  if (quote !== '"' && quote !== "'") throw errSyntax();
  if (!rest.includes('\\') && !rest.includes(quote)) return rest;
  let out = '';
  while (rest.length > 0) {
    const [c, tail] = unquoteChar(rest, quote);
    out += c;
    rest = tail;
  }
  return out;
}

/** strconv.UnquoteChar on a JS string: the decoded character and the rest. */
function unquoteChar(s: string, quote: string): [string, string] {
  const c = s[0];
  if (c === quote) throw errSyntax();
  if (c !== '\\') {
    const cp = s.codePointAt(0)!;
    const w = cp > 0xffff ? 2 : 1;
    return [s.slice(0, w), s.slice(w)];
  }
  if (s.length <= 1) throw errSyntax();
  const e = s[1];
  let rest = s.slice(2);
  const simple: Record<string, string> = {
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\\': '\\',
  };
  if (e in simple) return [simple[e], rest];
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    if (rest.length < n || !/^[0-9a-fA-F]+$/.test(rest.slice(0, n))) throw errSyntax();
    const v = parseInt(rest.slice(0, n), 16);
    rest = rest.slice(n);
    if (e === 'x') return [String.fromCharCode(v), rest];
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw errSyntax();
    return [String.fromCodePoint(v), rest];
  }
  if (e >= '0' && e <= '7') {
    if (rest.length < 2 || !/^[0-7]{2}/.test(rest)) throw errSyntax();
    const v = parseInt(e + rest.slice(0, 2), 8);
    if (v > 255) throw errSyntax();
    return [String.fromCharCode(v), rest.slice(2)];
  }
  if (e === "'" || e === '"') {
    if (e !== quote) throw errSyntax();
    return [e, rest];
  }
  throw errSyntax();
}

// ---------------------------------------------------------------------------------------------
// jsonpath.go

/** A value being walked: JSON data, a typed Go number, or `undefined` for the zero reflect.Value. */
export type Value = unknown;

const isMap = (v: Value): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNumber);

/** template.Indirect on an interface value: whether it holds nil. */
const isNil = (v: Value) => v === null;

/** The Go type name of a value, as `%v` of `reflect.Value.Type()` prints it. */
export function goTypeName(v: Value): string {
  if (v instanceof GoNumber) return v.type;
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  return 'interface {}';
}

/** Map keys in Go's order (bytewise, which is code point order). */
export function sortedKeys(o: object): string[] {
  return Object.keys(o)
    .filter((k) => (o as Record<string, unknown>)[k] !== undefined)
    .sort(compareGoStrings);
}

/** Go's string comparison: UTF-8 bytes, i.e. code points. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** The children `*` and `..` iterate: map values, slice elements, a string's bytes. */
function children(v: Value): Value[] {
  if (isMap(v)) return sortedKeys(v).map((k) => v[k]);
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...utf8(v)].map((b) => new GoNumber('uint8', b));
  return [];
}

/** client-go's JSONPath: parse once, then FindResults/Execute against data. */
export class JSONPath {
  private parser?: Parser;
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;
  private allowMissing = false;
  private outputJSON = false;

  constructor(readonly name: string) {}

  /** Whether a missing field or map key is an empty result instead of an error. */
  allowMissingKeys(allow: boolean): this {
    this.allowMissing = allow;
    return this;
  }

  /** EnableJSONOutput: print each result set as an indented JSON array (`-o jsonpath-as-json`). */
  enableJSONOutput(v: boolean): this {
    this.outputJSON = v;
    return this;
  }

  parse(text: string): void {
    this.parser = parse(this.name, text);
  }

  /** Execute: the printed results. */
  execute(data: Value): string {
    return this.findResults(data)
      .map((r) => this.printResults(r))
      .join('');
  }

  findResults(data: Value): Value[][] {
    if (!this.parser) throw new JSONPathError(`${this.name} is an incomplete jsonpath template`);
    this.beginRange = this.inRange = this.endRange = 0;
    this.lastEndNode = -1;
    return this.find(data, 0);
  }

  /**
   * FindResults over the root's nodes from `start` on. Upstream narrows `parser.Root.Nodes` to the
   * range body and finds the body's end by pointer; absolute indices do the same without
   * mutating the tree.
   */
  private find(data: Value, start: number): Value[][] {
    const nodes = this.parser!.root.nodes;
    const cur = [data];
    const full: Value[][] = [];
    for (let i = start; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          // value.Interface() of a nil interface is nil, and reflect.ValueOf(nil) the zero Value
          for (const v of results) full.push(...this.find(v === null ? undefined : v, i + 1));
        } else {
          this.find(undefined, i + 1);
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (k === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  /** PrintResults: maps, slices and structs as JSON, anything else with fmt.Fprint, space-separated. */
  printResults(results: Value[]): string {
    if (this.outputJSON) results = [results];
    let out = '';
    results.forEach((r, i) => {
      let text: string;
      if (this.outputJSON) text = `${goJSON(r, '    ')}\n`;
      else if (Array.isArray(r) || isMap(r)) text = goJSON(r);
      else text = evalToText(r);
      if (i !== results.length - 1) text += ' ';
      out += text;
    });
    return out;
  }

  private walk(value: Value[], node: Node): Value[] {
    switch (node.type) {
      case 'NodeList':
        return this.evalList(value, node);
      case 'NodeText':
        return [node.text];
      case 'NodeField':
        return this.evalField(value, node.value);
      case 'NodeArray':
        return this.evalArray(value, node.params);
      case 'NodeFilter':
        return this.evalFilter(value, node);
      case 'NodeInt':
        return value.map(() => new GoNumber('int', node.value));
      case 'NodeBool':
        return value.map(() => node.value);
      case 'NodeFloat':
        return value.map(() => new GoNumber('float64', node.value));
      case 'NodeWildcard':
        return this.evalWildcard(value);
      case 'NodeRecursive':
        return this.evalRecursive(value);
      case 'NodeUnion':
        return this.evalUnion(value, node.nodes);
      case 'NodeIdentifier':
        return this.evalIdentifier(value, node.name);
    }
  }

  private evalList(value: Value[], node: ListNode): Value[] {
    let cur = value;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalUnion(input: Value[], lists: ListNode[]): Value[] {
    const result: Value[] = [];
    for (const l of lists) {
      try {
        result.push(...this.evalList(input, l));
      } catch (e) {
        if (e instanceof JSONPathError) throw new JSONPathError(e.message, input);
        throw e;
      }
    }
    return result;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    switch (name) {
      case 'range':
        this.beginRange++;
        return input;
      case 'end':
        if (this.inRange > 0) {
          this.endRange++;
          return [];
        }
        throw new JSONPathError('not in range, nothing to end');
      default:
        throw new JSONPathError(`unrecognized identifier ${name}`, input);
    }
  }

  private evalArray(input: Value[], node: [ParamsEntry, ParamsEntry, ParamsEntry]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (isNil(value)) continue;
      if (value === undefined) throw new JSONPathError('reflect: call of reflect.Value.Type on zero Value', input);
      if (!Array.isArray(value)) throw new JSONPathError(`${goTypeName(value)} is not array or slice`, input);
      const params = node.map((p) => ({ ...p }));
      const len = value.length;
      if (!params[0].known) params[0].value = 0;
      if (params[0].value < 0) params[0].value += len;
      if (!params[1].known) params[1].value = len;
      if (params[1].value < 0 || (params[1].value === 0 && params[1].derived)) params[1].value += len;
      if (params[1].value !== params[0].value) {
        if (params[0].value >= len || params[0].value < 0)
          throw new JSONPathError(`array index out of bounds: index ${params[0].value}, length ${len}`, input);
        if (params[1].value > len || params[1].value < 0)
          throw new JSONPathError(`array index out of bounds: index ${params[1].value - 1}, length ${len}`, input);
        if (params[0].value > params[1].value)
          throw new JSONPathError(
            `starting index ${params[0].value} is greater than ending index ${params[1].value}`,
            input,
          );
      } else {
        return result;
      }
      const slice = value.slice(params[0].value, params[1].value);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new JSONPathError('step must be > 0', input);
        step = params[2].value;
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalField(input: Value[], name: string): Value[] {
    const results: Value[] = [];
    if (input.length === 0) return results;
    for (const value of input) {
      if (isNil(value)) continue;
      if (isMap(value) && Object.prototype.hasOwnProperty.call(value, name) && value[name] !== undefined)
        results.push(value[name]);
    }
    if (results.length === 0) {
      if (this.allowMissing) return results;
      throw new JSONPathError(`${name} is not found`);
    }
    return results;
  }

  private evalWildcard(input: Value[]): Value[] {
    return input.flatMap((v) => (isNil(v) ? [] : children(v)));
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (isNil(value)) continue;
      const kids = children(value);
      if (kids.length !== 0) {
        result.push(value);
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }

  private evalFilter(input: Value[], node: { left: ListNode; right: ListNode; operator: string }): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (!Array.isArray(value))
        throw new JSONPathError(
          `${value === undefined ? '<invalid reflect.Value>' : goFormatV(value)} is not array or slice and cannot be filtered`,
          input,
        );
      for (const item of value) {
        if (node.operator === 'exists') {
          // upstream ignores the error here and looks at what the left side returned with it
          let lefts: Value[];
          try {
            lefts = this.evalList([item], node.left);
          } catch (e) {
            if (!(e instanceof JSONPathError)) throw e;
            lefts = e.values;
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const withInput = <T>(f: () => T): T => {
          try {
            return f();
          } catch (e) {
            if (e instanceof JSONPathError) throw new JSONPathError(e.message, input);
            throw e;
          }
        };
        const lefts = withInput(() => this.evalList([item], node.left));
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JSONPathError('can only compare one element at a time', input);
        const rights = withInput(() => this.evalList([item], node.right));
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JSONPathError('can only compare one element at a time', input);
        let pass: boolean;
        try {
          pass = compare(node.operator, lefts[0], rights[0]);
        } catch (e) {
          if (e instanceof JSONPathError) throw new JSONPathError(e.message, results);
          throw e;
        }
        if (pass) results.push(item);
      }
    }
    return results;
  }
}

/** evalToText: fmt.Fprint of the value (`<nil>` for a nil interface, `<no value>` for none). */
function evalToText(v: Value): string {
  if (v === undefined) return '<no value>';
  return goFormatV(v);
}

// third_party/forked/golang/template/funcs.go: eq, lt and friends on basic kinds.
type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(v: Value): { kind: BasicKind; value: number | string | boolean } {
  if (v instanceof GoNumber)
    return { kind: v.type === 'uint8' ? 'uint' : v.type === 'int' ? 'int' : 'float', value: v.value };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (typeof v === 'number') return { kind: Number.isInteger(v) ? 'int' : 'float', value: v };
  throw new JSONPathError('invalid type for comparison');
}

function goEqual(a: Value, b: Value): boolean {
  const x = basicKind(a);
  const y = basicKind(b);
  if (x.kind !== y.kind) {
    if ((x.kind === 'int' && y.kind === 'uint') || (x.kind === 'uint' && y.kind === 'int'))
      return (x.value as number) >= 0 && (y.value as number) >= 0 && x.value === y.value;
    throw new JSONPathError('incompatible types for comparison');
  }
  return x.value === y.value;
}

function goLess(a: Value, b: Value): boolean {
  const x = basicKind(a);
  const y = basicKind(b);
  if (x.kind !== y.kind) {
    if (x.kind === 'int' && y.kind === 'uint') return (x.value as number) < 0 || x.value < y.value;
    if (x.kind === 'uint' && y.kind === 'int') return (y.value as number) >= 0 && x.value < y.value;
    throw new JSONPathError('incompatible types for comparison');
  }
  if (x.kind === 'bool') throw new JSONPathError('invalid type for comparison');
  if (x.kind === 'string') return compareGoStrings(x.value as string, y.value as string) < 0;
  return x.value < y.value;
}

function compare(op: string, l: Value, r: Value): boolean {
  switch (op) {
    case '<':
      return goLess(l, r);
    case '>':
      return !(goLess(l, r) || goEqual(l, r));
    case '==':
      return goEqual(l, r);
    case '!=':
      return !goEqual(l, r);
    case '<=':
      return goLess(l, r) || goEqual(l, r);
    case '>=':
      return !goLess(l, r);
    default:
      throw new JSONPathError(`unrecognized filter operator ${op}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Go formatting: strconv, fmt and encoding/json as kubectl's output shows them.

const encoder = new TextEncoder();

/** A string's UTF-8 bytes (lone surrogates become U+FFFD, as Go sees them). */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

const printableRex = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** unicode.IsPrint. */
export function goIsPrint(r: number): boolean {
  if (r === 0x20) return true;
  if (r < 0x20 || r === 0x7f || (r >= 0xd800 && r <= 0xdfff)) return false;
  return printableRex.test(String.fromCodePoint(r));
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** strconv.Quote: Go's double-quoted string with Go escapes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    let r = ch.codePointAt(0)!;
    if (r >= 0xd800 && r <= 0xdfff) r = 0xfffd;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (goIsPrint(r)) out += String.fromCodePoint(r);
    else if (r === 0x07) out += '\\a';
    else if (r === 0x08) out += '\\b';
    else if (r === 0x0c) out += '\\f';
    else if (r === 0x0a) out += '\\n';
    else if (r === 0x0d) out += '\\r';
    else if (r === 0x09) out += '\\t';
    else if (r === 0x0b) out += '\\v';
    else if (r < 0x20 || r === 0x7f) out += `\\x${hex(r, 2)}`;
    else if (r < 0x10000) out += `\\u${hex(r, 4)}`;
    else out += `\\U${hex(r, 8)}`;
  }
  return `${out}"`;
}

/** `%#U`: `U+002A '*'` (the character only when printable). */
export function goRuneU(r: number): string {
  const u = `U+${r.toString(16).toUpperCase().padStart(4, '0')}`;
  return goIsPrint(r) ? `${u} '${String.fromCodePoint(r)}'` : u;
}

/**
 * strconv.FormatFloat(f, 'g', -1, 64), which is also fmt's `%v`: the shortest digits that read
 * back, with an exponent (at least two digits) when it is below -4 or at least 6 (`1e+06`).
 */
export function goFormatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expStr] = f.toExponential().split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    return `${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let s: string;
  if (exp >= 0) {
    const intLen = exp + 1;
    s = digits.length <= intLen ? digits.padEnd(intLen, '0') : `${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
  } else {
    s = `0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  return neg ? `-${s}` : s;
}

/** A JSON number as a JS number whose integral values are Go int64s. */
function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  return goFormatFloat(n);
}

/** fmt's `%v` (fmt.Sprint) of a value: `map[a:b c:[x y]]`, `<nil>`. */
export function goFormatV(v: Value): string {
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof GoNumber) return v.type === 'float64' ? goFormatFloat(v.value) : String(v.value);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatNumber(v);
  if (Array.isArray(v)) return `[${v.map(goFormatV).join(' ')}]`;
  if (isMap(v))
    return `map[${sortedKeys(v)
      .map((k) => `${k}:${goFormatV(v[k])}`)
      .join(' ')}]`;
  return String(v);
}

/** fmt's `%#v` of unstructured content: `map[string]interface {}{"a":[]interface {}{1, "b"}}`. */
export function goSyntax(v: Value): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (v instanceof GoNumber) return v.type === 'uint8' ? `0x${hex(v.value, 0)}` : goFormatV(v);
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatNumber(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (isMap(v))
    return `map[string]interface {}{${sortedKeys(v)
      .map((k) => `${goQuote(k)}:${goSyntax(v[k])}`)
      .join(', ')}}`;
  return String(v);
}

/** encoding/json's string encoding with HTML escaping (`<` as `\u003c`). */
export function goJSONString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (r < 0x20 || ch === '<' || ch === '>' || ch === '&') out += `\\u00${hex(r, 2)}`;
    else if (r === 0x2028 || r === 0x2029) out += `\\u${hex(r, 4)}`;
    else if (r >= 0xd800 && r <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

/**
 * json.Marshal (compact, `indent` empty) or json.MarshalIndent(v, "", indent) of unstructured
 * content: map keys sorted, HTML characters escaped, `{}` and `[]` for empty containers.
 */
export function goJSON(v: Value, indent = ''): string {
  const enc = (x: Value, prefix: string): string => {
    if (x === null || x === undefined) return 'null';
    if (x instanceof GoNumber) return x.type === 'float64' ? JSON.stringify(x.value) : String(x.value);
    if (typeof x === 'string') return goJSONString(x);
    if (typeof x === 'boolean') return String(x);
    if (typeof x === 'number')
      return Number.isInteger(x) && Math.abs(x) < 2 ** 63 ? formatNumber(x) : JSON.stringify(x);
    const inner = prefix + indent;
    const nl = indent ? `\n${inner}` : '';
    const end = indent ? `\n${prefix}` : '';
    const sep = indent ? ': ' : ':';
    if (Array.isArray(x)) {
      if (x.length === 0) return '[]';
      return `[${nl}${x.map((e) => enc(e, inner)).join(`,${nl}`)}${end}]`;
    }
    if (isMap(x)) {
      const keys = sortedKeys(x);
      if (keys.length === 0) return '{}';
      return `{${nl}${keys.map((k) => `${goJSONString(k)}${sep}${enc(x[k], inner)}`).join(`,${nl}`)}${end}}`;
    }
    return 'null';
  };
  return enc(v, '');
}
