/**
 * `kubectl describe TYPE [NAME_PREFIX]` (kubectl/pkg/cmd/describe): exact names first, else every
 * object whose name starts with the prefix, each described by describe.ts and separated by a
 * blank line as kubectl separates them.
 */
import { kindInfo, type KindName } from '../kinds';
import type { Command, CommandContext } from './index';
import { fail } from './index';
import { selectObjects } from './get';
import { describeObject } from './describe';
import { notFound, parseResourceArgs } from './resources';

function related(ctx: CommandContext, kind: KindName, obj: any) {
  const owned = (k: KindName) =>
    ctx.host
      .list(k, obj.metadata?.namespace)
      .filter((o: any) => (o.metadata?.ownerReferences ?? []).some((r: any) => r.uid === obj.metadata?.uid));
  const events = ctx.host.events();
  if (kind === 'Node')
    return { pods: ctx.host.list('Pod').filter((p: any) => p.spec?.nodeName === obj.metadata.name), events };
  if (kind === 'DaemonSet' || kind === 'Job') return { pods: owned('Pod'), events };
  if (kind === 'CronJob') return { jobs: owned('Job'), events };
  return { events };
}

export const describeCommand: Command = {
  flags: [
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'show-events', type: 'bool', default: true },
    { name: 'filename', short: 'f', type: 'strings', default: [] },
    { name: 'chunk-size', type: 'int', default: 500 },
  ],
  run(ctx) {
    if (ctx.args.positionals.length === 0)
      return fail(
        ctx,
        'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
      );
    // describe.go: a name prefix matches only in the plain `TYPE NAME` form.
    const prefixMatch = ctx.args.positionals.length === 2 && !ctx.args.positionals.some((a) => a.includes('/'));
    const f = ctx.args.flags;
    const now = ctx.host.now();
    const texts: string[] = [];
    let prefixUsed = false;
    for (const r of parseResourceArgs(ctx.args.positionals)) {
      const info = kindInfo(r.kind);
      const all = selectObjects(ctx, r.kind, {
        allNamespaces: !!f['all-namespaces'],
        selector: f.selector as string,
        fieldSelector: '',
      });
      let objects: any[] = all;
      if (r.names.length) {
        objects = [];
        for (const name of r.names) {
          const exact = ctx.host.get(r.kind, info.namespaced ? ctx.namespace : undefined, name);
          const matches = exact ? [exact] : prefixMatch ? all.filter((o) => o.metadata?.name?.startsWith(name)) : [];
          if (!exact && matches.length) prefixUsed = true;
          if (matches.length === 0) fail(ctx, notFound(r.kind, name));
          objects.push(...matches);
        }
      } else if (objects.length === 0) {
        ctx.err.push(`No resources found in ${ctx.namespace} namespace.\n`);
        continue;
      }
      for (const o of objects) {
        const rel = related(ctx, r.kind, o);
        // --show-events=false leaves the Events section out altogether.
        if (!f['show-events']) (rel as { events?: unknown }).events = null;
        texts.push(describeObject(r.kind, o, rel, now));
      }
    }
    // describe.go: found objects are separated by "\n\n"; DescribeMatchingResources (a prefix
    // match) prints each as "%s\n" instead.
    ctx.out.push(prefixUsed ? texts.map((t) => `${t}\n`).join('') : texts.join('\n\n'));
  },
};
