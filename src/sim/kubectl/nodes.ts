/**
 * Commands that change metadata and nodes: `label`, `annotate` (kubectl/pkg/cmd/label, annotate),
 * `taint` (cmd/taint), `cordon`, `uncordon` and `drain` (cmd/drain with kubectl/pkg/drain's pod
 * filters), with kubectl's success words and errors.
 */
import { clone } from '../clone';
import type { Pod } from 'kubernetes-types/core/v1';
import { kindInfo, type KindName } from '../kinds';
import { invalidMessage } from '../apiserver/status-error';
import { isValidLabelValue } from '../labels/validation';
import { parseSelector } from '../labels/selector';
import { parseTaints, reorganizeTaints, taintsAlreadyExisting } from '../scheduling/taints';
import { UsageError } from './args';
import type { Command, CommandContext } from './index';
import { fail } from './index';
import { selectObjects } from './get';
import { KubectlError, notFound, objectRef, parseResourceArgs } from './resources';

/** cmdutil.GetResourcesAndPairs: words with `=` (or `:` for taints) or a trailing `-` are pairs. */
function splitPairs(args: string[], taint: boolean): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let seenPair = false;
  for (const a of args) {
    const isPair = a.includes('=') || (taint && a.includes(':')) || a.endsWith('-');
    if (isPair) {
      pairs.push(a);
      seenPair = true;
    } else {
      if (seenPair)
        throw new UsageError(`all resources must be specified before ${taint ? 'taint' : 'label'} changes: ${a}`);
      resources.push(a);
    }
  }
  return { resources, pairs };
}

/** The objects a label/annotate/taint/cordon command names: `TYPE NAME…`, `TYPE/NAME`, `-l`, `--all`. */
function targets(ctx: CommandContext, resources: string[], defaultKind?: KindName): { kind: KindName; obj: any }[] {
  const f = ctx.args.flags;
  const selector = (f.selector as string) ?? '';
  const all = !!f.all;
  const args = defaultKind && resources.length && !resources[0].includes('/') ? ['nodes', ...resources] : resources;
  const requests = parseResourceArgs(args);
  const out: { kind: KindName; obj: any }[] = [];
  for (const r of requests) {
    const info = kindInfo(r.kind);
    if (r.names.length) {
      if (selector || all) throw new KubectlError('name cannot be provided when a selector is specified');
      for (const name of r.names) {
        const obj = ctx.host.get(r.kind, info.namespaced ? ctx.namespace : undefined, name);
        if (obj) out.push({ kind: r.kind, obj });
        else fail(ctx, notFound(r.kind, name));
      }
    } else if (selector || all) {
      for (const obj of selectObjects(ctx, r.kind, {
        allNamespaces: !!f['all-namespaces'],
        selector,
        fieldSelector: '',
      }))
        out.push({ kind: r.kind, obj });
    } else {
      throw new KubectlError('resource(s) were provided, but no name was specified');
    }
  }
  return out;
}

/** A user's update of `copy`; prints `<ref> <word>` or the API server's refusal. */
function update(ctx: CommandContext, kind: KindName, copy: any, word: string): void {
  const r = ctx.host.update(kind, copy);
  if (r.errors.length) return fail(ctx, invalidMessage(kind, copy.metadata.name, r.errors));
  ctx.out.push(`${objectRef(kind, copy.metadata.name)} ${word}\n`);
}

function parseMetaPairs(
  pairs: string[],
  what: 'label' | 'annotation',
): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const i = spec.indexOf('=');
      const parts = what === 'label' ? spec.split('=') : [spec.slice(0, i), spec.slice(i + 1)];
      if (parts.length !== 2 || !parts[0]) throw new KubectlError(`invalid ${what} spec: ${spec}`);
      if (what === 'label') {
        const errs = isValidLabelValue(parts[1]);
        if (errs.length) throw new KubectlError(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
      }
      set[parts[0]] = parts[1];
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new KubectlError(`unknown ${what} spec: ${spec}`);
  }
  for (const r of remove)
    if (r in set)
      throw new KubectlError(
        `can not both modify and remove ${what === 'label' ? 'a label' : 'an annotation'} in the same command`,
      );
  return { set, remove };
}

function metaCommand(what: 'label' | 'annotation'): Command {
  const field = what === 'label' ? 'labels' : 'annotations';
  return {
    flags: [
      { name: 'overwrite', type: 'bool', default: false },
      { name: 'selector', short: 'l', type: 'string', default: '' },
      { name: 'all', type: 'bool', default: false },
      { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
      { name: 'list', type: 'bool', default: false },
      { name: 'output', short: 'o', type: 'string', default: '' },
      { name: 'filename', short: 'f', type: 'strings', default: [] },
      { name: 'resource-version', type: 'string', default: '' },
    ],
    run(ctx) {
      const { resources, pairs } = splitPairs(ctx.args.positionals, false);
      if (resources.length === 0)
        throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
      if (pairs.length === 0 && !ctx.args.flags.list) throw new UsageError(`at least one ${what} update is required`);
      const { set, remove } = parseMetaPairs(pairs, what);
      for (const { kind, obj } of targets(ctx, resources)) {
        const current: Record<string, string> = obj.metadata?.[field] ?? {};
        if (ctx.args.flags.list) {
          for (const [k, v] of Object.entries(current)) ctx.out.push(`${k}=${v}\n`);
          continue;
        }
        if (!ctx.args.flags.overwrite) {
          const clashes = Object.entries(set).filter(([k, v]) => k in current && current[k] !== v);
          if (clashes.length) {
            if (what === 'label') {
              const [k] = clashes[0];
              fail(ctx, `'${k}' already has a value (${current[k]}), and --overwrite is false`);
            } else {
              fail(
                ctx,
                `--overwrite is false but found the following declared annotation(s): ${clashes.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ')}`,
              );
            }
            continue;
          }
        }
        const copy = clone(obj);
        const next: Record<string, string> = { ...current, ...set };
        for (const r of remove) delete next[r];
        copy.metadata[field] = next;
        if (Object.keys(next).length === 0) delete copy.metadata[field];
        const changed = JSON.stringify(current) !== JSON.stringify(next);
        const removedOnly = Object.keys(next).length < Object.keys(current).length && !ctx.args.flags.overwrite;
        const word =
          what === 'label' ? (!changed ? 'not labeled' : removedOnly ? 'unlabeled' : 'labeled') : 'annotated';
        update(ctx, kind, copy, word);
      }
    },
  };
}

export const labelCommand = metaCommand('label');
export const annotateCommand = metaCommand('annotation');

export const taintCommand: Command = {
  flags: [
    { name: 'overwrite', type: 'bool', default: false },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'all', type: 'bool', default: false },
    { name: 'output', short: 'o', type: 'string', default: '' },
  ],
  run(ctx) {
    const { resources, pairs } = splitPairs(ctx.args.positionals, true);
    if (resources.length === 0)
      throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (pairs.length === 0) throw new UsageError('at least one taint update is required');
    const type = resources[0].includes('/') ? resources[0].split('/')[0] : resources[0];
    const info = parseResourceArgs([type])[0];
    if (info.kind !== 'Node') throw new UsageError(`invalid resource type ${type}, only node types are supported`);
    let parsed;
    try {
      parsed = parseTaints(pairs);
    } catch (e) {
      throw new KubectlError((e as Error).message);
    }
    const overwrite = !!ctx.args.flags.overwrite;
    for (const { obj } of targets(ctx, resources)) {
      if (!overwrite) {
        const exists = taintsAlreadyExisting(obj.spec?.taints, parsed.add);
        if (exists) {
          fail(
            ctx,
            `node ${obj.metadata.name} already has ${exists} taint(s) with same effect(s) and --overwrite is false`,
          );
          continue;
        }
      }
      const r = reorganizeTaints(obj.spec?.taints, overwrite, parsed.add, parsed.remove);
      if (r.errors.length) {
        fail(ctx, r.errors.length === 1 ? r.errors[0] : `[${r.errors.join(', ')}]`);
        continue;
      }
      const copy = clone(obj);
      copy.spec ??= {};
      copy.spec.taints = r.taints;
      if (r.taints.length === 0) delete copy.spec.taints;
      update(ctx, 'Node', copy, r.operation);
    }
  },
};

export function cordonCommand(which: 'cordon' | 'uncordon'): Command {
  return {
    flags: [
      { name: 'selector', short: 'l', type: 'string', default: '' },
      { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' },
    ],
    run(ctx) {
      if (ctx.args.positionals.length === 0 && !ctx.args.flags.selector)
        throw new UsageError('USAGE: ' + which + ' NODE [flags]');
      setUnschedulable(ctx, ctx.args.positionals, which === 'cordon');
    },
  };
}

/** RunCordonOrUncordon: `node/x cordoned`, or `node/x already cordoned` when nothing changes. */
function setUnschedulable(ctx: CommandContext, names: string[], desired: boolean): any[] {
  const word = desired ? 'cordoned' : 'uncordoned';
  const nodes = targets(ctx, names.length ? names : [], 'Node');
  if (!names.length && ctx.args.flags.selector) {
    const sel = parseSelector(ctx.args.flags.selector as string);
    nodes.push(
      ...ctx.host
        .list('Node')
        .filter((n) => sel.matches(n.metadata?.labels))
        .map((obj) => ({ kind: 'Node' as KindName, obj })),
    );
  }
  for (const { obj } of nodes) {
    if (!!obj.spec?.unschedulable === desired) {
      ctx.out.push(`${objectRef('Node', obj.metadata.name)} already ${word}\n`);
      continue;
    }
    const copy = clone(obj);
    copy.spec ??= {};
    if (desired) copy.spec.unschedulable = true;
    else delete copy.spec.unschedulable;
    update(ctx, 'Node', copy, word);
  }
  return nodes.map((n) => n.obj);
}

/** kubectl/pkg/drain filters: why a pod on a draining node is skipped, refused or deleted. */
type Verdict = { delete: boolean; reason?: 'daemonset' | 'unmanaged' | 'localStorage'; fatal?: boolean };

function drainVerdict(pod: Pod, o: { ignoreDaemonSets: boolean; force: boolean; deleteEmptyDir: boolean }): Verdict {
  if (pod.metadata?.deletionTimestamp) return { delete: false };
  const phase = pod.status?.phase;
  const finished = phase === 'Succeeded' || phase === 'Failed';
  const controller = (pod.metadata?.ownerReferences ?? []).find((r) => r.controller);
  if (controller?.kind === 'DaemonSet') {
    if (finished) return { delete: true };
    return o.ignoreDaemonSets
      ? { delete: false, reason: 'daemonset' }
      : { delete: false, reason: 'daemonset', fatal: true };
  }
  if (finished) return { delete: true };
  if (!controller && !o.force) return { delete: false, reason: 'unmanaged', fatal: true };
  if ((pod.spec?.volumes ?? []).some((v) => v.emptyDir) && !o.deleteEmptyDir)
    return { delete: false, reason: 'localStorage', fatal: true };
  return { delete: true };
}

const fatalText = {
  daemonset: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)',
  unmanaged: 'Pods declare no controller (use --force to override)',
  localStorage: 'Pods with local storage (use --delete-emptydir-data to override)',
};
const warningText = {
  daemonset: 'ignoring DaemonSet-managed Pods',
  unmanaged: 'deleting Pods that declare no controller',
  localStorage: 'deleting Pods with local storage',
};

export const drainCommand: Command = {
  flags: [
    { name: 'ignore-daemonsets', type: 'bool', default: false },
    { name: 'delete-emptydir-data', type: 'bool', default: false },
    { name: 'force', type: 'bool', default: false },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'string', default: '0s' },
    { name: 'disable-eviction', type: 'bool', default: false },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'pod-selector', type: 'string', default: '' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' },
  ],
  run(ctx) {
    const f = ctx.args.flags;
    if (ctx.args.positionals.length === 0 && !f.selector) throw new UsageError('USAGE: drain NODE [flags]');
    const nodes = setUnschedulable(ctx, ctx.args.positionals, true);
    const o = {
      ignoreDaemonSets: !!f['ignore-daemonsets'],
      force: !!f.force,
      deleteEmptyDir: !!f['delete-emptydir-data'],
    };
    const podSelector = f['pod-selector'] ? parseSelector(f['pod-selector'] as string) : undefined;
    const grace = f['grace-period'] as number;
    const drained: string[] = [];
    for (const node of nodes) {
      const pods = ctx.host
        .list('Pod')
        .filter(
          (p: Pod) =>
            p.spec?.nodeName === node.metadata.name && (!podSelector || podSelector.matches(p.metadata?.labels)),
        );
      const fatal = new Map<string, string[]>();
      const warnings = new Map<string, string[]>();
      const toDelete: Pod[] = [];
      for (const p of pods) {
        const v = drainVerdict(p, o);
        const id = `${p.metadata?.namespace}/${p.metadata?.name}`;
        if (v.reason) {
          const m = v.fatal ? fatal : warnings;
          m.set(v.reason, [...(m.get(v.reason) ?? []), id]);
        }
        if (v.delete || (v.reason && !v.fatal && v.reason !== 'daemonset')) toDelete.push(p);
      }
      if (fatal.size) {
        const errs = [...fatal].map(
          ([r, ids]) => `cannot delete ${fatalText[r as keyof typeof fatalText]}: ${ids.join(', ')}`,
        );
        const err = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
        ctx.err.push(
          `error: unable to drain node ${JSON.stringify(node.metadata.name)} due to error: ${err}, continuing command...\n`,
        );
        const remaining = nodes.map((n) => n.metadata.name).filter((n) => !drained.includes(n));
        ctx.err.push(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
        fail(ctx, err);
        return;
      }
      if (warnings.size)
        ctx.err.push(
          `Warning: ${[...warnings].map(([r, ids]) => `${warningText[r as keyof typeof warningText]}: ${ids.join(', ')}`).join('; ')}\n`,
        );
      for (const p of toDelete) {
        const live = ctx.host.get('Pod', p.metadata?.namespace, p.metadata?.name ?? '');
        if (!live) continue;
        ctx.out.push(`evicting pod ${p.metadata?.namespace}/${p.metadata?.name}\n`);
        ctx.host.evict(live, grace >= 0 ? grace : undefined);
      }
      for (const p of toDelete) ctx.out.push(`${objectRef('Pod', p.metadata?.name ?? '')} evicted\n`);
      drained.push(node.metadata.name);
      ctx.out.push(`${objectRef('Node', node.metadata.name)} drained\n`);
    }
  },
};
