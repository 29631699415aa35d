/**
 * Multi-document YAML with source positions: each document's value, its syntax errors, and a
 * lookup from a field path (`spec.template.spec.containers[0].name`) to the 1-based line and column
 * of that node, falling back to the closest ancestor that exists (e.g. the map lacking a required key).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { fastParseDocuments, type PosNode } from './yaml-fast';
import { clone } from '../clone';

export interface ParsedDocument {
  /** The document's value: a tree of fresh plain objects (no node shared), the reader's to change. */
  value: unknown;
  /** Offset range of the document in the text. */
  range: [number, number];
  errors: { message: string; line: number; column: number }[];
  position(path: string): { line: number; column: number };
}

/** `a.b[0].c` or `metadata.labels[app]` → ['a', 'b', 0, 'c']. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return out;
}

/** 1-based line and column of an offset, from the offsets where lines start. */
function lineAndColumn(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

export function parseYamlDocuments(text: string): ParsedDocument[] {
  const fast = fastParseDocuments(text);
  if (fast) {
    // Where lines start, worked out when an error first needs placing.
    let starts: number[] | undefined;
    const lineStarts = () => {
      if (!starts) {
        starts = [0];
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      }
      return starts;
    };
    return fast.map((doc) => ({
      value: doc.value,
      range: doc.range,
      errors: [],
      position(path: string) {
        let node: PosNode | undefined = doc.root;
        let best = doc.root.at;
        for (const seg of splitPath(path)) {
          if (node?.keys && typeof seg === 'string') {
            const entry = node.keys.get(seg);
            if (!entry) break;
            best = entry.keyAt;
            node = entry.node;
          } else if (node?.items && typeof seg === 'number') {
            const item: PosNode | undefined = node.items[seg];
            if (!item || item.at < 0) break;
            best = item.at;
            node = item;
          } else break;
        }
        return lineAndColumn(lineStarts(), best);
      },
    }));
  }
  return parseWithYaml(text);
}

/** The general path: the `yaml` package, for everything the fast path leaves to it. */
export function parseWithYaml(text: string): ParsedDocument[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false }) as
    Document.Parsed[] | { errors: unknown[] };
  const list = Array.isArray(docs) ? docs : [];
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return list.map((doc) => {
    const start = doc.range?.[0] ?? 0;
    const contents = doc.contents as Node | null;
    return {
      // A copy, so that aliases do not share nodes: each document's value is a tree its reader may change.
      value: doc.errors.length ? undefined : clone(doc.toJS({ maxAliasCount: 100 })),
      range: [start, doc.range?.[2] ?? text.length],
      errors: doc.errors.map((e) => ({ message: e.message.split('\n')[0], ...pos(e.pos[0]) })),
      position(path: string) {
        let node: Node | null = contents;
        let best = contents?.range ? contents.range[0] : start;
        for (const seg of splitPath(path)) {
          if (node && isMap(node) && typeof seg === 'string') {
            const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
            if (!pair) break;
            const key = pair.key as Node;
            if (key.range) best = key.range[0];
            node = (pair.value as Node) ?? null;
          } else if (node && isSeq(node) && typeof seg === 'number') {
            const item = node.items[seg] as Node | undefined;
            if (!item) break;
            if (item.range) best = item.range[0];
            node = item;
          } else break;
        }
        return pos(best);
      },
    };
  });
}
