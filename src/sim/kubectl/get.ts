/**
 * `kubectl get` (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go): tables from the server-side
 * printers with kubectl's decorations, `-o wide|name|yaml|json|jsonpath=…|custom-columns=…`,
 * `-l`, `--field-selector`, `-A`, `--show-labels`, `-L`, `--sort-by`, `--no-headers`, and `-w`,
 * which keeps printing a row for every change the simulated clock brings.
 */
import type { KindName } from '../kinds';
import { kindInfo } from '../kinds';
import { parseFieldSelector, parseSelector, unsupportedFieldLabel } from '../labels/selector';
import type { FlagSpec } from './args';
import { UsageError } from './args';
import type { Command, CommandContext } from './index';
import { fail } from './index';
import { formatTable, groupKindPrefix, noResourcesFound, printTable, tabwrite } from './printers';
import { KubectlError, notFound, parseResourceArgs, type ResourceRequest } from './resources';
import {
  printCustomColumns,
  printJSON,
  printJSONPath,
  printName,
  printYAML,
  relaxedJSONPathExpression,
  sortObjects,
} from './output';

export const getFlags: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'field-selector', type: 'string', default: '' },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'watch', short: 'w', type: 'bool', default: false },
  { name: 'watch-only', type: 'bool', default: false },
  { name: 'show-labels', type: 'bool', default: false },
  { name: 'show-kind', type: 'bool', default: false },
  { name: 'label-columns', short: 'L', type: 'strings', default: [] },
  { name: 'sort-by', type: 'string', default: '' },
  { name: 'no-headers', type: 'bool', default: false },
  { name: 'ignore-not-found', type: 'bool', default: false },
  { name: 'filename', short: 'f', type: 'strings', default: [] },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'output-watch-events', type: 'bool', default: false },
];

const requiredResource = (cmd: string) =>
  `You must specify the type of resource to ${cmd}. Use "kubectl api-resources" for a complete list of supported resources.\n\n` +
  `error: Required resource not specified.\n` +
  `Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n` +
  `See 'kubectl ${cmd} -h' for help and examples\n`;

/** Objects of a kind as the API would list them for this request: namespace, selectors, names. */
export function selectObjects(
  ctx: CommandContext,
  kind: KindName,
  opts: { allNamespaces: boolean; selector: string; fieldSelector: string },
): any[] {
  const info = kindInfo(kind);
  const ns = info.namespaced && !opts.allNamespaces ? ctx.namespace : undefined;
  let objects: any[] =
    kind === 'Event'
      ? ctx.host
          .events()
          .filter((e) => ns === undefined || e.metadata.namespace === ns)
          .sort((a, b) =>
            a.metadata.namespace === b.metadata.namespace
              ? a.metadata.name.localeCompare(b.metadata.name)
              : a.metadata.namespace.localeCompare(b.metadata.namespace),
          )
      : ctx.host.list(kind, ns);
  if (opts.selector) {
    let sel;
    try {
      sel = parseSelector(opts.selector);
    } catch (e) {
      throw new GetError(
        `Error from server (BadRequest): Unable to find "${apiPath(kind)}" that match label selector "${opts.selector}", field selector "${opts.fieldSelector}": ${(e as Error).message}`,
      );
    }
    objects = objects.filter((o) => sel.matches(o.metadata?.labels));
  }
  if (opts.fieldSelector) {
    let fs;
    try {
      fs = parseFieldSelector(opts.fieldSelector);
    } catch (e) {
      throw new GetError(
        `Error from server (BadRequest): Unable to find "${apiPath(kind)}" that match label selector "${opts.selector}", field selector "${opts.fieldSelector}": ${(e as Error).message}`,
      );
    }
    const bad = unsupportedFieldLabel(kind, fs);
    if (bad)
      throw new GetError(
        `Error from server (BadRequest): Unable to find "${apiPath(kind)}" that match label selector "${opts.selector}", field selector "${opts.fieldSelector}": ${bad}`,
      );
    objects = objects.filter((o) => fs.matches(o));
  }
  return objects;
}

class GetError extends Error {}

function apiPath(kind: KindName): string {
  const info = kindInfo(kind);
  return `${info.group}/${info.version}, Resource=${info.resource}`;
}

/** The object with apiVersion and kind set, as the API returns it in a list. */
function withTypeMeta(kind: KindName, o: any): any {
  if (o.apiVersion && o.kind) return o;
  const info = kindInfo(kind);
  return { apiVersion: info.apiVersion, kind: info.kind, ...o };
}

interface Found {
  kind: KindName;
  objects: any[];
}

function run(ctx: CommandContext): void {
  const f = ctx.args.flags;
  const output = f.output as string;
  const allNamespaces = f['all-namespaces'] as boolean;
  const selector = f.selector as string;
  const fieldSelector = f['field-selector'] as string;
  const files = f.filename as string[];
  let requests: ResourceRequest[];
  if (files.length) {
    requests = requestsFromFiles(ctx, files);
  } else {
    if (ctx.args.positionals.length === 0) {
      ctx.err.push(requiredResource('get'));
      ctx.exitCode = 1;
      return;
    }
    requests = parseResourceArgs(ctx.args.positionals);
  }
  const named = requests.some((r) => r.names.length > 0);
  if (named && selector) throw new KubectlError('name cannot be provided when a selector is specified');
  const found: Found[] = [];
  for (const r of requests) {
    try {
      if (r.names.length === 0) {
        found.push({ kind: r.kind, objects: selectObjects(ctx, r.kind, { allNamespaces, selector, fieldSelector }) });
        continue;
      }
      const info = kindInfo(r.kind);
      const objects: any[] = [];
      for (const name of r.names) {
        const o =
          r.kind === 'Event'
            ? ctx.host.events().find((e) => e.metadata.name === name && e.metadata.namespace === ctx.namespace)
            : ctx.host.get(r.kind, info.namespaced ? ctx.namespace : undefined, name);
        if (o) objects.push(o);
        else if (!f['ignore-not-found']) fail(ctx, notFound(r.kind, name));
      }
      found.push({ kind: r.kind, objects });
    } catch (e) {
      if (e instanceof GetError) {
        ctx.err.push(`${e.message}\n`);
        ctx.exitCode = 1;
        return;
      }
      throw e;
    }
  }
  const sortBy = f['sort-by'] as string;
  const tablePrinter = output === '' || output === 'wide';
  const singleNamed0 = requests.length === 1 && requests[0].names.length === 1 && !files.length;
  if (sortBy && !singleNamed0) {
    // With several tables (kinds, or named objects), kubectl sorts the Table objects themselves,
    // which have no such field.
    if (tablePrinter && (found.length > 1 || named))
      throw new KubectlError(
        `couldn't find any field with path ${JSON.stringify(relaxedJSONPathExpression(sortBy))} in the list of objects`,
      );
    try {
      for (const x of found)
        x.objects = sortObjects(x.objects, sortBy, { printer: tablePrinter ? 'table' : 'generic' });
    } catch (e) {
      if (!tablePrinter) throw e;
      // get.go drops the sorting table printer's error and prints nothing (but the notice below).
      for (const x of found) x.objects = [];
    }
  }
  const all = found.flatMap((x) => x.objects.map((o) => withTypeMeta(x.kind, o)));
  const singleNamed = singleNamed0;
  const now = ctx.host.now();
  const watch = (f.watch as boolean) || (f['watch-only'] as boolean);

  if (!watch || !f['watch-only']) {
    if (output === 'json' || output === 'yaml') {
      // One named object prints as itself; anything else (an empty result too) as a List.
      const value = singleNamed && all.length === 1 ? all[0] : list(all);
      if (!(singleNamed && all.length === 0)) ctx.out.push(output === 'json' ? printJSON(value) : printYAML(value));
    } else if (output === 'name') {
      for (const x of found) if (x.objects.length) ctx.out.push(printName(groupKindPrefix(x.kind), x.objects));
    } else if (output.startsWith('jsonpath=') || output.startsWith('jsonpath-as-json=')) {
      const template = output.slice(output.indexOf('=') + 1);
      const value = singleNamed && all.length === 1 ? all[0] : list(all);
      if (!(singleNamed && all.length === 0))
        ctx.out.push(printJSONPath(template, value, { asJSON: output.startsWith('jsonpath-as-json=') }));
    } else if (output.startsWith('custom-columns=')) {
      // The header prints even when nothing matched, as kubectl's custom-columns printer does.
      ctx.out.push(
        printCustomColumns(output.slice('custom-columns='.length), all, { noHeaders: f['no-headers'] as boolean }),
      );
    } else if (output === '' || output === 'wide') {
      const withKind = f['show-kind'] || found.length > 1;
      const blocks: string[] = [];
      for (const x of found) {
        if (!x.objects.length) continue;
        blocks.push(
          formatTable(
            printTable(x.kind, x.objects, now),
            {
              wide: output === 'wide',
              noHeaders: f['no-headers'] as boolean,
              showLabels: f['show-labels'] as boolean,
              namespaceColumn: allNamespaces && kindInfo(x.kind).namespaced,
              columnLabels: f['label-columns'] as string[],
              ...(withKind ? { withKind: groupKindPrefix(x.kind) } : {}),
            },
            x.objects,
          ),
        );
      }
      ctx.out.push(blocks.join('\n'));
    } else if (
      /^(go-template|template|go-template-file|templatefile|jsonpath-file|custom-columns-file)(=|$)/.test(output)
    ) {
      throw new KubectlError(
        `-o ${output.split('=')[0]} is not available in this sandbox: use -o jsonpath=… or -o custom-columns=…`,
      );
    } else {
      throw new KubectlError(
        `unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
      );
    }
    // Only the human-readable printer says that nothing matched.
    if (all.length === 0 && !named && ctx.exitCode === 0 && (output === '' || output === 'wide')) {
      const namespaced = found.some((x) => kindInfo(x.kind).namespaced);
      ctx.err.push(`${noResourcesFound({ namespace: ctx.namespace, allNamespaces, namespaced })}\n`);
    }
  }
  if (watch) startWatch(ctx, requests, { allNamespaces, selector, fieldSelector, output });
}

function list(items: any[]): any {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

function requestsFromFiles(ctx: CommandContext, files: string[]): ResourceRequest[] {
  const out: ResourceRequest[] = [];
  for (const file of files) {
    const text = readFile(ctx, file);
    for (const doc of text.split(/^---\s*$/m)) {
      const kind = /^kind:\s*(\S+)/m.exec(doc)?.[1];
      const name = /^metadata:\s*\n(?:\s+.*\n)*?\s+name:\s*(\S+)/m.exec(doc)?.[1];
      if (!kind || !name) continue;
      const info = parseResourceArgs([kind])[0];
      let r = out.find((x) => x.kind === info.kind);
      if (!r) out.push((r = { kind: info.kind, names: [] }));
      r.names.push(name.replace(/^["']|["']$/g, ''));
    }
  }
  return out;
}

/** `-f NAME`: a file the sandbox provides, or `-` for stdin; kubectl's error for a missing path. */
export function readFile(ctx: CommandContext, file: string): string {
  if (file === '-') return ctx.opts.stdin ?? '';
  const text = ctx.opts.files?.[file];
  if (text === undefined) throw new KubectlError(`the path ${JSON.stringify(file)} does not exist`);
  return text;
}

/**
 * `get -w`: one row per watch event on matching objects, each aligned on its own as kubectl's
 * watch printer flushes after every object (the header comes from the first listing).
 */
function startWatch(
  ctx: CommandContext,
  requests: ResourceRequest[],
  o: { allNamespaces: boolean; selector: string; fieldSelector: string; output: string },
): void {
  if (requests.length !== 1)
    throw new UsageError(
      'watch is only supported on individual resources and resource collections, but 2 resources were found.'.replace(
        '2',
        String(requests.length),
      ),
    );
  const { kind, names } = requests[0];
  const info = kindInfo(kind);
  const sel = o.selector ? parseSelector(o.selector) : undefined;
  const fs = o.fieldSelector ? parseFieldSelector(o.fieldSelector) : undefined;
  let buffer: string[] = [];
  let stopped = false;
  const matches = (obj: any) =>
    (!info.namespaced || o.allNamespaces || obj.metadata?.namespace === ctx.namespace) &&
    (names.length === 0 || names.includes(obj.metadata?.name)) &&
    (!sel || sel.matches(obj.metadata?.labels)) &&
    (!fs || fs.matches(obj));
  const print = (obj: any) => {
    const now = ctx.host.now();
    if (o.output === 'name') buffer.push(printName(groupKindPrefix(kind), [obj]));
    else if (o.output === 'json') buffer.push(printJSON(withTypeMeta(kind, obj)));
    else if (o.output === 'yaml') buffer.push(`---\n${printYAML(withTypeMeta(kind, obj))}`);
    else if (o.output.startsWith('jsonpath=') || o.output.startsWith('jsonpath-as-json='))
      buffer.push(
        printJSONPath(o.output.slice(o.output.indexOf('=') + 1), withTypeMeta(kind, obj), {
          asJSON: o.output.startsWith('jsonpath-as-json='),
        }),
      );
    else if (o.output.startsWith('custom-columns='))
      buffer.push(printCustomColumns(o.output.slice('custom-columns='.length), [obj], { noHeaders: true }));
    else {
      const table = printTable(kind, [obj], now);
      const wide = o.output === 'wide';
      const cells = table.rows[0].filter((_, i) => wide || table.columns[i]?.priority === 0);
      if (o.allNamespaces && info.namespaced) cells.unshift(obj.metadata?.namespace ?? '');
      buffer.push(tabwrite([cells]));
    }
  };
  let unwatch: () => void = () => {};
  if (kind === 'Event') {
    let seen = new Map(ctx.host.events().map((e) => [e.metadata.uid, e.count]));
    const poll = () => {
      for (const e of ctx.host.events()) {
        if (seen.get(e.metadata.uid) !== e.count && matches(e)) print(e);
      }
      seen = new Map(ctx.host.events().map((e) => [e.metadata.uid, e.count]));
    };
    unwatch = ctx.host.watch(() => poll());
  } else {
    unwatch = ctx.host.watch((e) => {
      if (stopped || e.kind !== kind) return;
      if (matches(e.object)) print(e.object);
    });
  }
  ctx.follow = {
    read: () => {
      const text = buffer.join('');
      buffer = [];
      return text;
    },
    stop: () => {
      stopped = true;
      unwatch();
    },
    done: () => stopped,
  };
}

export const getCommand: Command = { flags: getFlags, run };
