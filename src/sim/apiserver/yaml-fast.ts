/**
 * A fast path for the YAML that manifests are nearly always written in: block mappings and
 * sequences, plain and quoted one-line scalars, one-line flow sequences and mappings of scalars,
 * comments and `---` separators. It gives exactly what the `yaml` package gives for such text (the
 * same values under the YAML 1.2 core schema, the same node positions) at a fraction of the cost,
 * and gives up — `undefined`, so the caller parses with `yaml` — at the first thing outside that
 * subset: anchors, tags, block scalars, multi-line scalars, escapes, floats, duplicate keys, tabs,
 * syntax errors. test/sim/apiserver/yaml-fast.test.ts compares the two on every manifest the
 * project has and on generated ones.
 */

/** Where a node starts (offset in the text), with its children for the position lookup. */
export interface PosNode {
  at: number;
  keys?: Map<string, { keyAt: number; node: PosNode }>;
  items?: PosNode[];
}

export interface FastDocument {
  value: unknown;
  range: [number, number];
  root: PosNode;
}

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

interface Line {
  indent: number;
  /** Offset of the first non-space character. */
  at: number;
  text: string;
}

/** A character that may start (`first`) or continue a block mapping key the fast path reads. */
const keyChar = (c: number, first: boolean) =>
  (c >= 97 && c <= 122) ||
  (c >= 65 && c <= 90) ||
  (c >= 48 && c <= 57) ||
  c === 95 ||
  (!first && (c === 46 || c === 47 || c === 45));
const SPACE = /\s/;
const isSpace = (ch: string) => ch === ' ' || SPACE.test(ch);

/**
 * Where the colon of a `key:` or `key: value` line is, or -1 when the line is not one: the
 * regex /^([A-Za-z0-9_][A-Za-z0-9_./-]*):(?:\s+(.*))?$/ without its match arrays (the text has
 * no line separators, which `.` would not match: fastParseDocuments leaves those to `yaml`).
 */
function keyColon(text: string): number {
  const n = text.length;
  if (n < 2 || !keyChar(text.charCodeAt(0), true)) return -1;
  let i = 1;
  while (i < n && keyChar(text.charCodeAt(i), false)) i++;
  if (i >= n || text.charCodeAt(i) !== 58) return -1;
  if (i + 1 < n && !isSpace(text[i + 1])) return -1;
  return i;
}
/** Plain scalars taken as strings (in block and flow context): a safe first character, no `: `, ` #` or flow indicators. */
const SAFE_PLAIN = /^[A-Za-z_/$(][A-Za-z0-9 _./$():=+@%;-]*$|^-[A-Za-z][A-Za-z0-9_./=-]*$/;
const INT = /^(0|-?[1-9][0-9]{0,14})$/;
/** A number with a unit suffix (`100m`, `64Mi`, `10s`): a string, as the core schema has no such number. */
const QUANTITY = /^[0-9]+(\.[0-9]+)?[A-Za-z]+$/;

/** A plain scalar's value under the core schema, or give up where the answer is not plain. */
function plain(s: string): unknown {
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  // Numbers, quantities and the other number-like forms all start with a digit, a sign or a dot.
  const c = s.charCodeAt(0);
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 47 || c === 36 || c === 40)) {
    if (INT.test(s)) return Number(s);
    if (QUANTITY.test(s) && !/^0[xXoO]/.test(s)) return s;
    if (/^[-+.]?[0-9]/.test(s) || /^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(s)) giveUp();
  }
  if (s.endsWith(':') || s.endsWith(' ') || s.includes(': ') || s.includes(' #')) giveUp();
  if (!SAFE_PLAIN.test(s)) giveUp();
  return s;
}

/** A quoted scalar at text[i] (its quote), without escapes: [value, index after the closing quote]. */
function quoted(text: string, i: number): [string, number] {
  const q = text[i];
  const end = text.indexOf(q, i + 1);
  if (end < 0) giveUp();
  const body = text.slice(i + 1, end);
  if (q === '"' && body.includes('\\')) giveUp();
  if (q === "'" && text[end + 1] === "'") giveUp(); // '' escapes a quote
  return [body, end + 1];
}

/** What may follow a value on its line: spaces, then nothing or a comment. */
function rest(text: string, i: number): void {
  const tail = text.slice(i);
  if (tail.trim() !== '' && !/^\s+#/.test(tail)) giveUp();
}

/** Strips a trailing ` # comment` from a plain value. */
function uncomment(s: string): string {
  if (!s.includes('#')) return s.trimEnd();
  const hash = s.search(/\s#/);
  return (hash >= 0 ? s.slice(0, hash) : s).trimEnd();
}

/** One flow scalar (quoted or plain) in `text` from i: [value, next index, start]. */
function flowScalar(text: string, i: number): [unknown, number, number] {
  while (text[i] === ' ') i++;
  const start = i;
  if (text[i] === '"' || text[i] === "'") {
    const [v, next] = quoted(text, i);
    return [v, next, start];
  }
  let j = i;
  while (j < text.length && !',]}'.includes(text[j])) j++;
  const raw = text.slice(i, j).trimEnd();
  if (raw === '' || raw.includes(':') || raw.includes('#')) giveUp();
  return [plain(raw), i + raw.length, start];
}

/** The node of a value whose position nobody will ask for (a parse without positions). */
const NO_POS: PosNode = { at: -1 };

const skip = (text: string, j: number) => {
  while (text[j] === ' ') j++;
  return j;
};

/** A flow value (collection or scalar) at text[i]: its value, node and the index after it. */
function flow(
  text: string,
  i: number,
  base: number,
  depth: number,
  positions: boolean,
): { value: unknown; node: PosNode; next: number } {
  if (depth > 20) giveUp();
  const c = text[i];
  if (c === '[') {
    const items: unknown[] = [];
    const nodes: PosNode[] = [];
    let j = skip(text, i + 1);
    if (text[j] === ']')
      return { value: items, node: positions ? { at: base + i, items: nodes } : NO_POS, next: j + 1 };
    for (;;) {
      j = skip(text, j);
      const item = flow(text, j, base, depth + 1, positions);
      items.push(item.value);
      if (positions) nodes.push(item.node);
      j = skip(text, item.next);
      if (text[j] === ',') {
        j++;
        if (text[skip(text, j)] === ']') giveUp(); // a trailing comma: leave it to yaml
        continue;
      }
      if (text[j] === ']')
        return { value: items, node: positions ? { at: base + i, items: nodes } : NO_POS, next: j + 1 };
      giveUp();
    }
  }
  if (c === '{') {
    const value: Record<string, unknown> = {};
    const keys = positions ? new Map<string, { keyAt: number; node: PosNode }>() : undefined;
    let j = skip(text, i + 1);
    if (text[j] === '}') return { value, node: keys ? { at: base + i, keys } : NO_POS, next: j + 1 };
    for (;;) {
      j = skip(text, j);
      const m = /^([A-Za-z0-9_][A-Za-z0-9_./-]*): /.exec(text.slice(j, j + 260));
      if (!m || Object.prototype.hasOwnProperty.call(value, m[1]) || m[1] === '__proto__') giveUp();
      const keyAt = j;
      j = skip(text, j + m![0].length);
      const item = flow(text, j, base, depth + 1, positions);
      value[m![1]] = item.value;
      keys?.set(m![1], { keyAt: base + keyAt, node: item.node });
      j = skip(text, item.next);
      if (text[j] === ',') {
        j++;
        if (text[skip(text, j)] === '}') giveUp();
        continue;
      }
      if (text[j] === '}') return { value, node: keys ? { at: base + i, keys } : NO_POS, next: j + 1 };
      giveUp();
    }
  }
  const [v, next, start] = flowScalar(text, i);
  return { value: v, node: positions ? { at: base + start } : NO_POS, next };
}

/** A one-line value at text[i] (offset base for positions): a flow collection or a scalar. */
function inline(text: string, i: number, base: number, positions: boolean): { value: unknown; node: PosNode } {
  const c = text[i];
  if (c === '[' || c === '{') {
    const r = flow(text, i, base, 0, positions);
    rest(text, r.next);
    return { value: r.value, node: r.node };
  }
  if (c === '"' || c === "'") {
    const [v, next] = quoted(text, i);
    rest(text, next);
    return { value: v, node: positions ? { at: base + i } : NO_POS };
  }
  if ('&*!|>%@`?]}#,'.includes(c)) giveUp();
  if (c === '-' && (text[i + 1] === ' ' || text[i + 1] === undefined)) giveUp();
  return { value: plain(uncomment(text.slice(i))), node: positions ? { at: base + i } : NO_POS };
}

class Block {
  i = 0;
  /** `positions`: whether to build the PosNode tree (only needed to place an error). */
  constructor(
    private lines: Line[],
    private positions = true,
  ) {}

  private peek(): Line | undefined {
    return this.lines[this.i];
  }

  /** The block node whose first line is the next one, at exactly `indent`. */
  node(indent: number): { value: unknown; node: PosNode } {
    const line = this.peek()!;
    return line.text === '-' || line.text.startsWith('- ') ? this.sequence(indent) : this.mapping(indent);
  }

  private mapping(indent: number): { value: unknown; node: PosNode } {
    const value: Record<string, unknown> = {};
    const keys = this.positions ? new Map<string, { keyAt: number; node: PosNode }>() : undefined;
    const first = this.peek()!;
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      if (line.text === '-' || line.text.startsWith('- ')) break;
      const text = line.text;
      const colon = keyColon(text);
      if (colon < 0) giveUp();
      const key = text.slice(0, colon);
      if (Object.prototype.hasOwnProperty.call(value, key) || key === '<<' || key === '__proto__') giveUp();
      this.i++;
      let a = colon + 1;
      while (a < text.length && isSpace(text[a])) a++;
      const after = text.slice(a);
      let child: { value: unknown; node: PosNode };
      if (after === '' || after.startsWith('#')) {
        const next = this.peek();
        if (next && next.indent > indent) child = this.node(next.indent);
        else if (next && next.indent === indent && (next.text === '-' || next.text.startsWith('- ')))
          child = this.sequence(indent);
        else child = { value: null, node: { at: -1 } };
      } else {
        child = inline(text, a, line.at, this.positions);
        const next = this.peek();
        if (next && next.indent > indent) giveUp(); // a multi-line scalar, or a nested block after a value
      }
      value[key] = child.value;
      keys?.set(key, { keyAt: line.at, node: child.node });
    }
    const next = this.peek();
    if (next && next.indent > indent) giveUp();
    return { value, node: keys ? { at: first.at, keys } : NO_POS };
  }

  private sequence(indent: number): { value: unknown; node: PosNode } {
    const items: unknown[] = [];
    const nodes: PosNode[] = [];
    const first = this.peek()!;
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      if (!(line.text === '-' || line.text.startsWith('- '))) break;
      let k = 1;
      while (line.text[k] === ' ') k++;
      const content = line.text.slice(k);
      if (content === '' || content.startsWith('#')) {
        this.i++;
        const next = this.peek();
        if (next && next.indent > indent) {
          const child = this.node(next.indent);
          items.push(child.value);
          if (this.positions) nodes.push(child.node);
        } else {
          items.push(null);
          if (this.positions) nodes.push({ at: -1 });
        }
        continue;
      }
      if (keyColon(content) >= 0 || content.startsWith('- ') || content === '-') {
        // A compact mapping (or sequence) starting on the dash's line: read it as a line of its own.
        this.lines[this.i] = { indent: indent + k, at: line.at + k, text: content };
        const child = this.node(indent + k);
        items.push(child.value);
        if (this.positions) nodes.push(child.node);
        continue;
      }
      this.i++;
      const child = inline(line.text, k, line.at, this.positions);
      items.push(child.value);
      if (this.positions) nodes.push(child.node);
      const next = this.peek();
      if (next && next.indent > indent) giveUp();
    }
    return { value: items, node: this.positions ? { at: first.at, items: nodes } : NO_POS };
  }
}

/** The content lines of text[from, to): no blank, comment or `---` lines (a second pass over text the first accepted). */
function contentLines(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let lineStart = from;
  while (lineStart < to) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0 || end > to) end = to;
    const raw = text.slice(lineStart, end);
    if (!(raw === '---' || raw.startsWith('--- #'))) {
      const trimmed = raw.trimStart();
      if (trimmed !== '' && !trimmed.startsWith('#')) {
        const indent = raw.length - trimmed.length;
        lines.push({ indent, at: lineStart + indent, text: trimmed.trimEnd() });
      }
    }
    lineStart = end + 1;
  }
  return lines;
}

/** The documents of `text` with their values and node positions, or undefined to use `yaml`. */
export function fastParseDocuments(text: string): FastDocument[] | undefined {
  if (
    text.includes('\t') ||
    text.includes('\r') ||
    text.includes('\u2028') ||
    text.includes('\u2029') ||
    text.charCodeAt(0) === 0xfeff
  )
    return undefined;
  try {
    const docs: FastDocument[] = [];
    let lines: Line[] = [];
    let start = 0;
    const finish = (end: number) => {
      if (lines.length === 0) giveUp(); // an empty document: let `yaml` say what it is
      if (lines[0].indent !== 0) giveUp();
      // Positions are only wanted to place an error: parse without them, and again (from the
      // document's text) if they are asked for, so that nothing of the lines is kept meanwhile.
      const block = new Block(lines, false);
      const { value } = block.node(0);
      if (block.i !== lines.length) giveUp();
      docs.push(new Document(text, value, [start, end]));
      lines = [];
    };
    let offset = 0;
    const raws = text.split('\n');
    for (let r = 0; r < raws.length; r++) {
      const raw = raws[r];
      const lineStart = offset;
      offset += raw.length + 1;
      const c0 = raw.charCodeAt(0);
      if (c0 === 45 /* - */ && (raw === '---' || raw.startsWith('--- #'))) {
        if (lineStart === 0) {
          start = offset;
          continue;
        }
        finish(lineStart);
        start = lineStart;
        continue;
      }
      if (
        (c0 === 45 || c0 === 46 || c0 === 37) &&
        (raw.startsWith('---') || raw.startsWith('...') || raw.startsWith('%'))
      )
        giveUp();
      const trimmed = raw.trimStart();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const indent = raw.length - trimmed.length;
      lines.push({ indent, at: lineStart + indent, text: trimmed.trimEnd() });
    }
    finish(text.length);
    return docs;
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}

/** A parsed document; its node positions are built from its text on first use. */
class Document implements FastDocument {
  private pos: PosNode | undefined;
  constructor(
    private text: string,
    readonly value: unknown,
    readonly range: [number, number],
  ) {}

  get root(): PosNode {
    return (this.pos ??= new Block(contentLines(this.text, this.range[0], this.range[1])).node(0).node);
  }
}
