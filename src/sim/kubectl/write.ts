/**
 * The commands that write objects: `apply -f`, `create -f`, `create job --from=cronjob/x`,
 * `create namespace`, and `delete` (names, `-f`, `-l`, `--all`, `--cascade`, `--grace-period`,
 * `--now`, `--force`), printing kubectl's success lines (`daemonset.apps/x created`,
 * `pod "x" deleted`) and its errors.
 */
import { clone } from '../clone';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { kindInfo, qualifiedResource, resolveKind, type KindName } from '../kinds';
import { invalidMessage } from '../apiserver/status-error';
import { parseYamlDocuments } from '../apiserver/yaml';
import { UsageError, type FlagSpec } from './args';
import type { Cascade } from './host';
import type { Command, CommandContext } from './index';
import { fail } from './index';
import { readFile, selectObjects } from './get';
import { KubectlError, notFound, objectRef, parseResourceArgs } from './resources';

const fileFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings', default: [] },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
  { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' },
];

const mustFile = (cmd: string) =>
  `error: must specify one of -f and -k\n\n` + `See 'kubectl ${cmd} -h' for help and examples\n`;

function applyFiles(ctx: CommandContext, mode: 'apply' | 'create'): void {
  const files = ctx.args.flags.filename as string[];
  if (files.length === 0) {
    ctx.err.push(mustFile(mode));
    ctx.exitCode = 1;
    return;
  }
  if (ctx.args.flags['dry-run'] !== 'none')
    throw new UsageError(
      '--dry-run is not available in this sandbox: apply for real and use the time controls to undo',
    );
  for (const file of files) {
    const text = readFile(ctx, file);
    const source = file === '-' ? 'STDIN' : file;
    const withNamespace = ctx.args.changed.has('namespace') ? defaultNamespace(text, ctx.namespace) : text;
    const r = ctx.host.applyManifests(withNamespace, source, mode);
    for (const o of r.objects) {
      const ref = objectRef(resolveKind(o.kind)!.kind, o.name);
      ctx.out.push(ctx.args.flags.output === 'name' ? `${ref}\n` : `${ref} ${o.action}\n`);
    }
    // Several field errors of one document make one kubectl message; print each message once.
    const seen = new Set<string>();
    for (const e of r.errors) {
      if (seen.has(e.message)) continue;
      seen.add(e.message);
      fail(ctx, e.message);
    }
  }
}

/** `-n NS` on apply/create puts documents without a namespace into NS (kubectl's default namespace). */
function defaultNamespace(text: string, ns: string): string {
  const docs = parseYamlDocuments(text);
  if (docs.some((d) => d.errors.length)) return text;
  return docs
    .map((d) => d.value as any)
    .filter((v) => v && typeof v === 'object')
    .map((v) => {
      const info = resolveKind(v.kind ?? '');
      if (info?.namespaced) v.metadata = { ...(v.metadata ?? {}), namespace: v.metadata?.namespace ?? ns };
      return JSON.stringify(v);
    })
    .join('\n---\n');
}

export const applyCommand: Command = {
  flags: [
    ...fileFlags,
    { name: 'force', type: 'bool', default: false },
    { name: 'prune', type: 'bool', default: false },
  ],
  run: (ctx) => applyFiles(ctx, 'apply'),
};

/** kubectl create job's createJobFromCronJob: the CronJob's jobTemplate, owned by the CronJob. */
export function jobFromCronJob(cj: CronJob, name: string): Job {
  const template = cj.spec?.jobTemplate ?? {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) },
      ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
      namespace: cj.metadata?.namespace,
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: cj.metadata?.name ?? '',
          uid: cj.metadata?.uid ?? '',
          controller: true,
        },
      ],
    },
    spec: clone(template.spec ?? { template: {} }),
  } as Job;
}

const createJob: Command = {
  flags: [
    { name: 'from', type: 'string', default: '' },
    { name: 'image', type: 'string', default: '' },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' },
  ],
  run(ctx) {
    const [name, ...command] = ctx.args.positionals;
    if (!name) throw new UsageError('NAME is required');
    const from = ctx.args.flags.from as string;
    const image = ctx.args.flags.image as string;
    if (!from && !image) throw new UsageError('either --image or --from must be specified');
    if (from && image) throw new UsageError('--image and --from are mutually exclusive');
    let job: Job;
    if (from) {
      const i = from.indexOf('/');
      const info = i > 0 ? resolveKind(from.slice(0, i)) : undefined;
      if (i < 0 || !from.slice(i + 1)) throw new UsageError(`from must be of the form <resource>/<name>`);
      if (!info) throw new UsageError(`the server doesn't have a resource type ${JSON.stringify(from.slice(0, i))}`);
      if (info.kind !== 'CronJob') throw new UsageError(`unknown object type *v1.${info.kind}`);
      const cj = ctx.host.get('CronJob', ctx.namespace, from.slice(i + 1));
      if (!cj) return fail(ctx, notFound('CronJob', from.slice(i + 1)));
      job = jobFromCronJob(cj, name);
    } else {
      job = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name, namespace: ctx.namespace },
        spec: {
          template: {
            spec: {
              containers: [{ name, image, ...(command.length ? { command } : {}) }],
              restartPolicy: 'Never',
            },
          },
        },
      };
    }
    job.metadata!.namespace = ctx.namespace;
    create(ctx, 'Job', job);
  },
};

const createNamespace: Command = {
  flags: [{ name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' }],
  run(ctx) {
    const [name] = ctx.args.positionals;
    if (!name) throw new UsageError('exactly one NAME is required, got 0');
    create(ctx, 'Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  },
};

function create(ctx: CommandContext, kind: KindName, obj: any): void {
  const info = kindInfo(kind);
  if (ctx.host.get(kind, info.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name)) {
    return fail(
      ctx,
      `Error from server (AlreadyExists): ${qualifiedResource(info)} ${JSON.stringify(obj.metadata.name)} already exists`,
    );
  }
  const r = ctx.host.create(kind, obj);
  if (r.errors.length) return fail(ctx, invalidMessage(kind, obj.metadata.name, r.errors));
  ctx.out.push(`${objectRef(kind, r.object.metadata.name)} created\n`);
}

export const createCommand: Command = {
  flags: [
    ...fileFlags,
    { name: 'edit', type: 'bool', default: false },
    { name: 'save-config', type: 'bool', default: false },
  ],
  sub: { job: createJob, namespace: createNamespace, ns: createNamespace },
  run(ctx) {
    if (ctx.args.positionals.length) {
      throw new UsageError(
        `"kubectl create ${ctx.args.positionals[0]}" is not available in this sandbox: write the manifest in the editor and apply it`,
      );
    }
    applyFiles(ctx, 'create');
  },
};

const deleteFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings', default: [] },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'field-selector', type: 'string', default: '' },
  { name: 'all', type: 'bool', default: false },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'now', type: 'bool', default: false },
  { name: 'force', type: 'bool', default: false },
  { name: 'ignore-not-found', type: 'bool', default: false },
  { name: 'wait', type: 'bool', default: true },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'timeout', type: 'string', default: '0s' },
];

/** --cascade's values, the deprecated booleans included (true = background, false = orphan). */
function cascadeOf(value: string): Cascade {
  switch (value) {
    case 'background':
    case 'true':
      return 'background';
    case 'foreground':
      return 'foreground';
    case 'orphan':
    case 'false':
      return 'orphan';
    default:
      throw new UsageError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
  }
}

export const deleteCommand: Command = {
  flags: deleteFlags,
  run(ctx) {
    const f = ctx.args.flags;
    const cascade = cascadeOf(f.cascade as string);
    let grace = f['grace-period'] as number;
    if (f.now) {
      if (grace !== -1) throw new UsageError('--now and --grace-period cannot be specified together');
      grace = 1;
    }
    if (f.force && grace === -1) grace = 0;
    if (grace === 0 && !f.force) grace = 1; // kubectl: --grace-period=0 without --force means 1
    if (f.force && grace === 0)
      ctx.err.push(
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      );
    const files = f.filename as string[];
    const selector = f.selector as string;
    const all = f.all as boolean;
    const targets: { kind: KindName; obj: any }[] = [];
    if (files.length) {
      for (const file of files) {
        for (const doc of parseYamlDocuments(readFile(ctx, file))) {
          const v = doc.value as any;
          const info = v?.kind ? resolveKind(v.kind) : undefined;
          if (!info || !v.metadata?.name) continue;
          const ns = info.namespaced ? (v.metadata.namespace ?? ctx.namespace) : undefined;
          const obj = ctx.host.get(info.kind, ns, v.metadata.name);
          if (obj) targets.push({ kind: info.kind, obj });
          else if (!f['ignore-not-found'])
            fail(
              ctx,
              `Error from server (NotFound): error when deleting ${JSON.stringify(file === '-' ? 'STDIN' : file)}: ${notFound(info.kind, v.metadata.name).replace(/^Error from server \(NotFound\): /, '')}`,
            );
        }
      }
    } else {
      if (ctx.args.positionals.length === 0) {
        ctx.err.push(
          "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
        );
        ctx.exitCode = 1;
        return;
      }
      const requests = parseResourceArgs(ctx.args.positionals);
      const named = requests.some((r) => r.names.length);
      if (named && (selector || all)) throw new KubectlError('name cannot be provided when a selector is specified');
      if (!named && !selector && !all && !f['field-selector'])
        throw new KubectlError('resource(s) were provided, but no name was specified');
      for (const r of requests) {
        const info = kindInfo(r.kind);
        if (r.names.length) {
          for (const name of r.names) {
            const obj = ctx.host.get(r.kind, info.namespaced ? ctx.namespace : undefined, name);
            if (obj) targets.push({ kind: r.kind, obj });
            else if (!f['ignore-not-found']) fail(ctx, notFound(r.kind, name));
          }
        } else {
          for (const obj of selectObjects(ctx, r.kind, {
            allNamespaces: f['all-namespaces'] as boolean,
            selector,
            fieldSelector: f['field-selector'] as string,
          }))
            targets.push({ kind: r.kind, obj });
        }
      }
      if (!named && targets.length === 0 && ctx.exitCode === 0) {
        ctx.out.push('No resources found\n');
        return;
      }
    }
    for (const { kind, obj } of targets) {
      const live = ctx.host.get(kind, obj.metadata.namespace, obj.metadata.name);
      if (!live) continue; // a cascade already removed it
      ctx.host.delete(kind, live, { cascade, ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}) });
      const ref = objectRef(kind, obj.metadata.name);
      if (f.output === 'name') ctx.out.push(`${ref}\n`);
      else {
        const [kindString] = ref.split('/');
        ctx.out.push(
          `${kindString} ${JSON.stringify(obj.metadata.name)} ${grace === 0 ? 'force deleted' : 'deleted'}\n`,
        );
      }
    }
  },
};
