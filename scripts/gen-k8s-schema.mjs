#!/usr/bin/env node
/**
 * Generates the Kubernetes type schema that the simulated API server decodes with, that
 * `kubectl explain` prints and that the editor validates against.
 *
 * Source: the declaration files of the `kubernetes-types` package (1.30), read with the
 * TypeScript compiler API, plus the committed overlay `src/sim/apiserver/schema/overlay-1.34.json`
 * (fields added or promoted since 1.30, Go integer widths and Go type names that the .d.ts files
 * do not carry).
 *
 * Output (git-ignored, regenerated on demand):
 *   src/generated/k8s-schema.json          definitions without prose: what decode.ts needs
 *   src/generated/k8s-schema-docs.json     descriptions per definition and property: explain, hover docs
 *   src/generated/json-schema/<kind>.json  one JSON Schema per kind for monaco-yaml
 *
 * Run: node scripts/gen-k8s-schema.mjs
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const typesDir = join(root, 'node_modules', 'kubernetes-types');
const outDir = join(root, 'src', 'generated');
const overlay = JSON.parse(readFileSync(join(root, 'src/sim/apiserver/schema/overlay-1.34.json'), 'utf8'));

/** kubernetes-types module → OpenAPI definition-name prefix and Go package name. */
const modules = {
  'core/v1': { prefix: 'io.k8s.api.core.v1', goPkg: 'v1' },
  'apps/v1': { prefix: 'io.k8s.api.apps.v1', goPkg: 'v1' },
  'batch/v1': { prefix: 'io.k8s.api.batch.v1', goPkg: 'v1' },
  'meta/v1': { prefix: 'io.k8s.apimachinery.pkg.apis.meta.v1', goPkg: 'v1' },
  runtime: { prefix: 'io.k8s.apimachinery.pkg.runtime', goPkg: 'runtime' },
  'api/resource': { prefix: 'io.k8s.apimachinery.pkg.api.resource', goPkg: 'resource' },
};

/** The kinds the simulator serves (the same set as src/sim/kinds.ts). */
const roots = [
  { kind: 'Pod', module: 'core/v1', group: '', version: 'v1' },
  { kind: 'Node', module: 'core/v1', group: '', version: 'v1' },
  { kind: 'Namespace', module: 'core/v1', group: '', version: 'v1' },
  { kind: 'Event', module: 'core/v1', group: '', version: 'v1' },
  { kind: 'DaemonSet', module: 'apps/v1', group: 'apps', version: 'v1' },
  { kind: 'ControllerRevision', module: 'apps/v1', group: 'apps', version: 'v1' },
  { kind: 'Job', module: 'batch/v1', group: 'batch', version: 'v1' },
  { kind: 'CronJob', module: 'batch/v1', group: 'batch', version: 'v1' },
];

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
/** Scalars with a schema of their own, as in the upstream OpenAPI document. */
const scalarDefs = {
  [INT_OR_STRING]: {
    type: 'string',
    format: 'int-or-string',
    go: 'intstr.IntOrString',
    description:
      'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
  },
};

// ---------------------------------------------------------------------------------------------
// 1. Read the declaration files.

/** @type {Map<string, {module: string, name: string, doc: string, members: any[]} | {module: string, name: string, doc: string, alias: ts.TypeNode}>} */
const decls = new Map();
/** module → local name → module it is imported from */
const imports = new Map();

function docOf(node, sf) {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? [];
  const jsdoc = ranges.filter((r) => sf.text.slice(r.pos, r.pos + 3) === '/**').pop();
  if (!jsdoc) return '';
  const raw = sf.text.slice(jsdoc.pos + 3, jsdoc.end - 2);
  const lines = raw.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
  return lines.join('\n').trim();
}

function resolveModule(from, spec) {
  // spec like "../meta/v1" or "../runtime" relative to "<group>/v1"
  const parts = from.split('/');
  parts.pop();
  for (const seg of spec.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

for (const mod of Object.keys(modules)) {
  const file = join(typesDir, `${mod}.d.ts`);
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const imp = new Map();
  imports.set(mod, imp);
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const target = resolveModule(mod, st.moduleSpecifier.text);
      for (const el of st.importClause?.namedBindings?.elements ?? []) imp.set(el.name.text, target);
    } else if (ts.isInterfaceDeclaration(st)) {
      const members = st.members.filter(ts.isPropertySignature).map((m) => ({
        name: m.name.getText(sf).replace(/^"|"$/g, ''),
        optional: !!m.questionToken,
        type: m.type,
        doc: docOf(m, sf),
      }));
      decls.set(`${mod}#${st.name.text}`, { module: mod, name: st.name.text, doc: docOf(st, sf), members, sf });
    } else if (ts.isTypeAliasDeclaration(st)) {
      decls.set(`${mod}#${st.name.text}`, { module: mod, name: st.name.text, doc: docOf(st, sf), alias: st.type, sf });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Walk from the root kinds, converting TypeScript types to schema nodes.

/** @type {Record<string, any>} definitions with descriptions */
const definitions = {};
const queue = [];

function defName(mod, name) {
  return `${modules[mod].prefix}.${name}`;
}

function lookup(mod, name) {
  const local = decls.get(`${mod}#${name}`);
  if (local) return local;
  const from = imports.get(mod)?.get(name);
  if (from) return decls.get(`${from}#${name}`);
  return undefined;
}

function ensureDef(decl) {
  const full = defName(decl.module, decl.name);
  if (!(full in definitions)) {
    definitions[full] = null; // reserve
    queue.push(decl);
  }
  return full;
}

function convertAlias(decl) {
  const full = defName(decl.module, decl.name);
  if (!(full in definitions)) {
    const format = { Quantity: 'quantity', Time: 'date-time', MicroTime: 'date-time' }[decl.name];
    definitions[full] = {
      type: 'string',
      ...(format ? { format } : {}),
      go: `${modules[decl.module].goPkg}.${decl.name}`,
      description: decl.doc,
    };
  }
  return { $ref: full };
}

function convertType(node, mod) {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { type: 'integer' };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'boolean' };
    case ts.SyntaxKind.LiteralType:
      if (ts.isStringLiteral(node.literal)) return { type: 'string', enum: [node.literal.text] };
      break;
    case ts.SyntaxKind.UnionType: {
      const kinds = node.types.map((t) => t.kind).sort();
      if (
        kinds.length === 2 &&
        kinds.includes(ts.SyntaxKind.NumberKeyword) &&
        kinds.includes(ts.SyntaxKind.StringKeyword)
      ) {
        definitions[INT_OR_STRING] ??= scalarDefs[INT_OR_STRING];
        return { $ref: INT_OR_STRING };
      }
      break;
    }
    case ts.SyntaxKind.ArrayType:
      return { type: 'array', items: convertType(node.elementType, mod) };
    case ts.SyntaxKind.TypeLiteral: {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (index) return { type: 'object', additionalProperties: convertType(index.type, mod) };
      if (node.members.length === 0) return { type: 'object' };
      break;
    }
    case ts.SyntaxKind.TypeReference: {
      const name = node.typeName.getText();
      if (name === 'Array') return { type: 'array', items: convertType(node.typeArguments[0], mod) };
      const decl = lookup(mod, name);
      if (!decl) throw new Error(`unresolved type ${name} in ${mod}`);
      if (decl.alias) return convertAlias(decl);
      return { $ref: ensureDef(decl) };
    }
  }
  throw new Error(`unsupported type node ${ts.SyntaxKind[node.kind]} in ${mod}`);
}

/** Objects whose content Kubernetes keeps as opaque JSON. */
const opaque = new Set([
  'io.k8s.apimachinery.pkg.runtime.RawExtension',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
]);

for (const r of roots) ensureDef(lookup(r.module, r.kind));
while (queue.length) {
  const decl = queue.shift();
  const full = defName(decl.module, decl.name);
  const def = {
    type: 'object',
    go: `${modules[decl.module].goPkg}.${decl.name}`,
    description: decl.doc,
    properties: {},
    required: [],
  };
  if (opaque.has(full)) def['x-kubernetes-preserve-unknown-fields'] = true;
  for (const m of decl.members) {
    const prop = convertType(m.type, decl.module);
    prop.description = m.doc;
    def.properties[m.name] = prop;
    if (!m.optional) def.required.push(m.name);
  }
  definitions[full] = def;
}

// ---------------------------------------------------------------------------------------------
// 3. Apply the 1.34 overlay.

for (const [name, def] of Object.entries(overlay.definitions ?? {})) {
  definitions[name] = structuredClone(def);
}
for (const [key, prop] of Object.entries(overlay.properties ?? {})) {
  const [defn, field] = splitKey(key);
  if (!definitions[defn]) throw new Error(`overlay: unknown definition ${defn}`);
  definitions[defn].properties[field] = { ...(definitions[defn].properties[field] ?? {}), ...structuredClone(prop) };
}
for (const [key, list] of Object.entries(overlay.required ?? {})) {
  if (!definitions[key]) throw new Error(`overlay: unknown definition ${key}`);
  definitions[key].required = list;
}
for (const [key, format] of Object.entries(overlay.integerFormats ?? {})) {
  const prop = propAt(key);
  const target = prop.type === 'array' ? prop.items : prop;
  if (target.type !== 'integer') throw new Error(`overlay: ${key} is not an integer`);
  target.format = format;
}
for (const [key, go] of Object.entries(overlay.goTypes ?? {})) {
  propAt(key).go = go;
}
for (const [key, values] of Object.entries(overlay.enums ?? {})) {
  propAt(key).enum = values;
}

function splitKey(key) {
  const i = key.lastIndexOf('.');
  return [key.slice(0, i), key.slice(i + 1)];
}
function propAt(key) {
  const [defn, field] = splitKey(key);
  const prop = definitions[defn]?.properties?.[field];
  if (!prop) throw new Error(`overlay: unknown property ${key}`);
  return prop;
}

// Every integer without an explicit width is an int32, as almost all Kubernetes counts are;
// the int64 ones are listed in the overlay.
for (const def of Object.values(definitions)) {
  for (const prop of Object.values(def.properties ?? {})) {
    const t =
      prop.type === 'array'
        ? prop.items
        : prop.type === 'object' && prop.additionalProperties
          ? prop.additionalProperties
          : prop;
    if (t.type === 'integer' && !t.format) t.format = 'int32';
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Write the runtime schema (no prose), the docs, and the editor's JSON Schemas.

const sortedNames = Object.keys(definitions).sort();
const kinds = Object.fromEntries(
  roots.map((r) => [
    r.kind,
    {
      definition: defName(r.module, r.kind),
      group: r.group,
      version: r.version,
      apiVersion: r.group ? `${r.group}/${r.version}` : r.version,
    },
  ]),
);

function stripDocs(node) {
  if (Array.isArray(node)) return node.map(stripDocs);
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'description') continue;
      if (k === 'required' && Array.isArray(v) && v.length === 0) continue;
      out[k] = stripDocs(v);
    }
    return out;
  }
  return node;
}

const runtime = { version: '1.34', kinds, definitions: {} };
const docs = { version: '1.34', definitions: {} };
for (const name of sortedNames) {
  const def = definitions[name];
  runtime.definitions[name] = stripDocs(def);
  const d = { '': def.description ?? '' };
  for (const [p, prop] of Object.entries(def.properties ?? {})) d[p] = prop.description ?? '';
  docs.definitions[name] = d;
}

/** Write-then-rename, so that a reader running at the same time (parallel test workers) never sees half a file. */
function writeAtomic(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

mkdirSync(join(outDir, 'json-schema'), { recursive: true });
writeAtomic(join(outDir, 'k8s-schema.json'), JSON.stringify(runtime));
writeAtomic(join(outDir, 'k8s-schema-docs.json'), JSON.stringify(docs));

/** JSON Schema (draft-07) for monaco-yaml: one self-contained file per kind. */
function editorSchema(kind) {
  const info = kinds[kind];
  const used = new Set();
  const walk = (name) => {
    if (used.has(name)) return;
    used.add(name);
    const visit = (p) => {
      if (p.$ref) walk(p.$ref);
      if (p.items) visit(p.items);
      if (p.additionalProperties && typeof p.additionalProperties === 'object') visit(p.additionalProperties);
    };
    for (const p of Object.values(definitions[name].properties ?? {})) visit(p);
  };
  walk(info.definition);

  const toJson = (p) => {
    const out = {};
    const doc = p.description;
    if (p.$ref) {
      if (!doc) return { $ref: `#/definitions/${p.$ref}` };
      return { allOf: [{ $ref: `#/definitions/${p.$ref}` }], description: doc, markdownDescription: doc };
    }
    if (p.type === 'integer') out.type = 'integer';
    else if (p.type === 'array') {
      out.type = 'array';
      out.items = toJson(p.items);
    } else if (p.type === 'object') {
      out.type = 'object';
      if (p.additionalProperties) out.additionalProperties = toJson(p.additionalProperties);
    } else out.type = p.type;
    if (p.enum) out.enum = p.enum;
    if (doc) {
      out.description = doc;
      out.markdownDescription = doc;
    }
    return out;
  };

  const defs = {};
  for (const name of [...used].sort()) {
    const def = definitions[name];
    let out;
    if (name === INT_OR_STRING) out = { anyOf: [{ type: 'integer' }, { type: 'string' }] };
    else if (def.format === 'quantity')
      out = {
        anyOf: [{ type: 'string', pattern: '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' }, { type: 'number' }],
      };
    else if (def.type === 'string')
      out = { type: 'string', ...(def.format === 'date-time' ? { format: 'date-time' } : {}) };
    else if (def['x-kubernetes-preserve-unknown-fields']) out = { type: 'object' };
    else {
      out = { type: 'object', properties: {}, additionalProperties: false };
      for (const [p, prop] of Object.entries(def.properties)) out.properties[p] = toJson(prop);
      if (def.required?.length) out.required = def.required;
    }
    if (def.description) {
      out.description = def.description;
      out.markdownDescription = def.description;
    }
    defs[name] = out;
  }
  const top = structuredClone(defs[info.definition]);
  top.properties.apiVersion = { ...top.properties.apiVersion, type: 'string', enum: [info.apiVersion] };
  top.properties.kind = { ...top.properties.kind, type: 'string', enum: [kind] };
  top.required = [...new Set([...(top.required ?? []), 'apiVersion', 'kind'])];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `reconcile://k8s/${kind}.json`,
    title: `${kind} (${info.apiVersion})`,
    ...top,
    definitions: defs,
  };
}

for (const kind of Object.keys(kinds)) {
  writeAtomic(join(outDir, 'json-schema', `${kind}.json`), JSON.stringify(editorSchema(kind)));
}

if (process.argv.includes('--verbose')) {
  console.log(`k8s schema: ${sortedNames.length} definitions, ${Object.keys(kinds).length} kinds → ${outDir}`);
}
