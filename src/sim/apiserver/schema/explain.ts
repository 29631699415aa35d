/**
 * `kubectl explain` as kubectl 1.34 prints it by default (explain v2, `--output=plaintext`): the
 * template staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl run over the
 * OpenAPI v3 schema, re-told here over our generated schema. Descriptions are word-wrapped as
 * github.com/mitchellh/go-wordwrap does (kubectl's `wrap`), and indented as the template's
 * `indent` does (every line, including the empty one after a trailing newline).
 *
 * Loads the description file, so only kubectl and the editor should import this module.
 */
import docsRaw from '../../../generated/k8s-schema-docs.json';
import { resolveKind, type KindInfo } from '../../kinds';
import {
  definition,
  INT_OR_STRING,
  kindDefinitionName,
  QUANTITY,
  schema,
  shortName,
  type Definition,
  type PropSchema,
} from './schema';

interface DocsFile {
  definitions: Record<string, Record<string, string>>;
}
const docs = docsRaw as unknown as DocsFile;

export interface ExplainResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A node of the walk: a definition (by name) or an anonymous property schema with its own description. */
type Node = { def: string } | { prop: PropSchema; description: string };

/** go-wordwrap WrapString (v1.0.1): wraps at whitespace to `lim` runes, keeps newlines, never splits words. */
export function wordWrap(s: string, lim: number): string {
  let buf = '';
  let current = 0;
  let wordBuf = '';
  let spaceBuf = '';
  let wordLen = 0;
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === '\n') {
      // The line ends here, so only what is written matters (Go also updates `current`, reset below).
      if (wordLen === 0) {
        if (current + spaceLen <= lim) buf += spaceBuf;
        spaceBuf = '';
        spaceLen = 0;
      } else {
        buf += spaceBuf + wordBuf;
        spaceBuf = '';
        spaceLen = 0;
        wordBuf = '';
        wordLen = 0;
      }
      buf += ch;
      current = 0;
    } else if (/\s/u.test(ch) && ch !== '\u00a0') {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        buf += spaceBuf + wordBuf;
        spaceBuf = '';
        spaceLen = 0;
        wordBuf = '';
        wordLen = 0;
      }
      spaceBuf += ch;
      spaceLen++;
    } else {
      wordBuf += ch;
      wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        buf += '\n';
        current = 0;
        spaceBuf = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) buf += spaceBuf;
  } else buf += spaceBuf + wordBuf;
  return buf;
}

/** The template's `indent`: pad the first line and every line after a newline. */
function indent(n: number, s: string): string {
  const pad = ' '.repeat(n);
  return pad + s.split('\n').join(`\n${pad}`);
}

function defDoc(name: string): string {
  return docs.definitions[name]?.[''] ?? '';
}
function propDoc(defName: string, prop: string): string {
  return docs.definitions[defName]?.[prop] ?? '';
}

/** The template's `typeGuess`. */
function typeGuess(p: PropSchema): string {
  if (p.items) return `[]${typeGuess(p.items)}`;
  if (p.additionalProperties) return `map[string]${typeGuess(p.additionalProperties)}`;
  if (p.$ref) {
    // In the OpenAPI v3 document IntOrString and Quantity have no `type`, only
    // `oneOf` (OpenAPIV3OneOfTypes), so the template prints their names.
    if (p.$ref === INT_OR_STRING || p.$ref === QUANTITY) return shortName(p.$ref);
    const ref = definition(p.$ref);
    if (!ref.type || ref.type === 'object') return shortName(p.$ref);
    return ref.type;
  }
  if (!p.type || p.type === 'object') return 'Object';
  return p.type;
}

/** The template's "description": the node's own description, then those of what it refers to. */
function description(node: Node): string {
  if ('def' in node) {
    const d = defDoc(node.def);
    return d ? `${d}\n` : '';
  }
  let out = node.description ? `${node.description}\n` : '';
  const p = node.prop;
  if (p.$ref) out += description({ def: p.$ref });
  if (p.items) out += description({ prop: p.items, description: '' });
  if (p.additionalProperties) out += description({ prop: p.additionalProperties, description: '' });
  return out;
}

/** The object definition whose fields a node lists, following refs, array items and map values. */
function fieldsOf(node: Node): string | undefined {
  if ('def' in node) {
    const def = definition(node.def);
    return def.properties && Object.keys(def.properties).length ? node.def : undefined;
  }
  const p = node.prop;
  if (p.$ref) return fieldsOf({ def: p.$ref });
  if (p.items) return fieldsOf({ prop: p.items, description: '' });
  if (p.additionalProperties) return fieldsOf({ prop: p.additionalProperties, description: '' });
  return undefined;
}

function goSorted(keys: string[]): string[] {
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function enumShort(p: PropSchema, indentAmount: number): string {
  if (!p.enum?.length) return '';
  const shown = p.enum.slice(0, 4).map((e) => (e === '' ? '""' : e));
  return `\n${' '.repeat(indentAmount)}enum: ${shown.join(', ')}${p.enum.length > 4 ? ', ....' : ''}`;
}

function enumLong(p: PropSchema): string {
  if (!p.enum?.length) return '';
  return `ENUM:${p.enum.map((e) => `\n    ${e === '' ? '""' : e}`).join('')}`;
}

/** The template's "fieldList" + "fieldDetail" for the fields of `defName`. */
function fieldList(defName: string, level: number, recursive: boolean, history: Set<string>): string {
  if (history.has(defName)) return '';
  const seen = new Set(history).add(defName);
  const def: Definition = definition(defName);
  const required = new Set(def.required ?? []);
  const indentAmount = level * 2;
  let out = '';
  for (const name of goSorted(Object.keys(def.properties ?? {}))) {
    const p = def.properties![name];
    out += `${indent(indentAmount, name)}\t<${typeGuess(p)}>`;
    if (required.has(name)) out += ' -required-';
    out += enumShort(p, indentAmount);
    out += '\n';
    if (!recursive) {
      const doc = propDoc(defName, name) || '<no description>';
      out += `${indent(indentAmount + 2, wordWrap(doc, 78 - indentAmount))}\n\n`;
    } else {
      const nested = fieldsOf({ prop: p, description: '' });
      if (nested) out += fieldList(nested, level + 1, recursive, seen);
    }
  }
  return out;
}

function header(info: KindInfo): string {
  let s = '';
  if (info.group) s += `GROUP:      ${info.group}\n`;
  s += `KIND:       ${info.kind}\nVERSION:    ${info.version}\n\n`;
  return s;
}

/**
 * `kubectl explain <path> [--recursive]`: `ds.spec.template.spec.tolerations`, `pods.spec.containers`,
 * `cronjob.spec`, `job.spec.backoffLimit`. Resource names resolve as kubectl resolves them
 * (`ds`, `daemonsets`, `daemonset.apps`, `DaemonSet`).
 */
export function explainCommand(path: string, opts: { recursive?: boolean } = {}): ExplainResult {
  const [resource, ...fieldPath] = splitPath(path);
  const info = resource ? resolveKind(resource) : undefined;
  if (!info) {
    return {
      stdout: '',
      stderr: `error: the server doesn't have a resource type ${JSON.stringify(resource ?? '')}\n`,
      exitCode: 1,
    };
  }
  const recursive = !!opts.recursive;
  let node: Node = { def: kindDefinitionName(info.kind) };
  let out = header(info);
  for (let i = 0; i < fieldPath.length; i++) {
    const owner = fieldsOf(node);
    const field = fieldPath[i];
    const p = owner ? definition(owner).properties?.[field] : undefined;
    if (!owner || !p) {
      // The template reports the last element of the path, whichever one was missing.
      return {
        stdout: '',
        stderr: `error: field ${JSON.stringify(fieldPath[fieldPath.length - 1])} does not exist\n`,
        exitCode: 1,
      };
    }
    if (i === fieldPath.length - 1) {
      const enumText = enumLong(p);
      out += `FIELD: ${field} <${typeGuess(p)}>\n${enumText}\n\n`;
    }
    node = { prop: p, description: propDoc(owner, field) };
  }
  const desc = description(node) || '<empty>';
  out += `DESCRIPTION:\n${indent(4, wordWrap(desc, 76))}\n`;
  const fieldsDef = fieldsOf(node);
  if (fieldsDef) {
    const list = fieldList(fieldsDef, 1, recursive, new Set());
    if (list) out += `FIELDS:\n${list}`;
  }
  out += '\n';
  return { stdout: out, stderr: '', exitCode: 0 };
}

/** What `kubectl explain` prints on success; on failure, its error line (without the newline). */
export function explain(path: string, opts: { recursive?: boolean } = {}): string {
  const r = explainCommand(path, opts);
  return r.exitCode === 0 ? r.stdout : r.stderr.replace(/\n$/, '');
}

/** kubectl splits `resource.field.field`; a bracketed path (`spec.containers[0]`) is not accepted. */
function splitPath(path: string): string[] {
  return path
    .trim()
    .split('.')
    .filter((s) => s !== '');
}

/** All kinds that `explain` knows, for completion. */
export function explainableKinds(): string[] {
  return Object.keys(schema.kinds);
}
