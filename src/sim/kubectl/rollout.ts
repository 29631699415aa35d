/**
 * `kubectl rollout status|history|undo|restart` for DaemonSets (kubectl/pkg/cmd/rollout with
 * polymorphichelpers' DaemonSet status viewer, history viewer, rollbacker and restarter). The
 * decisions come from daemonset/status.ts and daemonset/update.ts; this module prints them.
 */
import { clone } from '../clone';
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import { kindInfo, type KindName } from '../kinds';
import { invalidMessage } from '../apiserver/status-error';
import { rolloutStatus } from '../daemonset/status';
import { revisionTemplate, rollback } from '../daemonset/update';
import { podTemplateText } from './describe';
import { formatRFC3339 } from '../cronjob/utils';
import { UsageError, type FlagSpec } from './args';
import type { Command, CommandContext } from './index';
import { fail } from './index';
import { tabwrite } from './printers';
import { notFound, objectRef, parseResourceArgs } from './resources';

const groupKind = (kind: KindName) => {
  const info = kindInfo(kind);
  return info.group ? `${info.kind}.${info.group}` : info.kind;
};

/** The one object a rollout subcommand names (`ds/x` or `ds x`). */
function target(ctx: CommandContext): { kind: KindName; obj: any } | undefined {
  if (ctx.args.positionals.length === 0) throw new UsageError('Required resource not specified.');
  const requests = parseResourceArgs(ctx.args.positionals);
  const r = requests[0];
  if (!r.names.length) throw new UsageError('Required resource not specified.');
  const info = kindInfo(r.kind);
  const obj = ctx.host.get(r.kind, info.namespaced ? ctx.namespace : undefined, r.names[0]);
  if (!obj) {
    fail(ctx, notFound(r.kind, r.names[0]));
    return undefined;
  }
  return { kind: r.kind, obj };
}

/** The DaemonSet's ControllerRevisions (those it controls), by revision. */
function histories(ctx: CommandContext, ds: DaemonSet): ControllerRevision[] {
  return ctx.host
    .list('ControllerRevision', ds.metadata?.namespace)
    .filter((h: ControllerRevision) =>
      (h.metadata?.ownerReferences ?? []).some((o) => o.controller && o.uid === ds.metadata?.uid),
    )
    .sort((a: ControllerRevision, b: ControllerRevision) => a.revision - b.revision);
}

const status: Command = {
  flags: [
    { name: 'watch', short: 'w', type: 'bool', default: true },
    { name: 'revision', type: 'int', default: 0 },
    { name: 'timeout', type: 'string', default: '0s' },
  ],
  run(ctx) {
    const t = target(ctx);
    if (!t) return;
    if (t.kind !== 'DaemonSet') return fail(ctx, `no status viewer has been implemented for ${groupKind(t.kind)}`);
    const first = rolloutStatus(t.obj);
    if ('error' in first) return fail(ctx, first.error);
    ctx.out.push(first.message);
    if (first.done || !ctx.args.flags.watch) return;
    // Like kubectl's watch loop: print each new status line until the rollout is done.
    let last = first.message;
    let buffer = '';
    let finished = false;
    const unwatch = ctx.host.watch((e) => {
      if (finished || e.kind !== 'DaemonSet' || e.object.metadata?.uid !== t.obj.metadata.uid) return;
      if (e.type === 'DELETED') {
        buffer += `error: daemonset.apps ${JSON.stringify(t.obj.metadata.name)} deleted\n`;
        finished = true;
        unwatch();
        return;
      }
      const s = rolloutStatus(e.object);
      if ('error' in s) return;
      if (s.message !== last) buffer += s.message;
      last = s.message;
      if (s.done) {
        finished = true;
        unwatch();
      }
    });
    ctx.follow = {
      read: () => {
        const out = buffer;
        buffer = '';
        return out;
      },
      stop: () => {
        finished = true;
        unwatch();
      },
      done: () => finished,
    };
  },
};

const history: Command = {
  flags: [
    { name: 'revision', type: 'int', default: 0 },
    { name: 'output', short: 'o', type: 'string', default: '' },
  ],
  run(ctx) {
    const t = target(ctx);
    if (!t) return;
    if (t.kind !== 'DaemonSet')
      return fail(ctx, `no history viewer has been implemented for ${JSON.stringify(groupKind(t.kind))}`);
    const all = histories(ctx, t.obj);
    const revision = ctx.args.flags.revision as number;
    if (revision > 0) {
      const h = all.find((x) => x.revision === revision);
      if (!h) return fail(ctx, `unable to find the specified revision`);
      ctx.out.push(`${objectRef('DaemonSet', t.obj.metadata.name)} with revision #${revision}\n`);
      ctx.out.push(`${podTemplateText(revisionTemplate(h))}\n`);
      return;
    }
    if (all.length === 0) {
      ctx.out.push(`No rollout history found.\n`);
      return;
    }
    const rows = [['REVISION', 'CHANGE-CAUSE']];
    for (const h of all)
      rows.push([String(h.revision), h.metadata?.annotations?.['kubernetes.io/change-cause'] || '<none>']);
    // The name printer with an empty operation leaves its separating space (seen in kubectl 1.34.5's output).
    ctx.out.push(`${objectRef('DaemonSet', t.obj.metadata.name)} \n${tabwrite(rows, 0, 2)}\n`);
  },
};

const undo: Command = {
  flags: [
    { name: 'to-revision', type: 'int', default: 0 },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' },
  ],
  run(ctx) {
    const t = target(ctx);
    if (!t) return;
    if (t.kind !== 'DaemonSet')
      return fail(ctx, `no rollbacker has been implemented for ${JSON.stringify(groupKind(t.kind))}`);
    const r = rollback(t.obj, histories(ctx, t.obj), ctx.args.flags['to-revision'] as number);
    if ('error' in r) return fail(ctx, r.error);
    const ref = objectRef('DaemonSet', t.obj.metadata.name);
    if (!r.template) {
      ctx.out.push(`${ref} ${r.message}\n`);
      return;
    }
    const copy = clone(t.obj);
    copy.spec.template = r.template;
    const u = ctx.host.update('DaemonSet', copy);
    if (u.errors.length) return fail(ctx, invalidMessage('DaemonSet', copy.metadata.name, u.errors));
    ctx.out.push(`${ref} ${r.message}\n`);
  },
};

const restart: Command = {
  flags: [{ name: 'selector', short: 'l', type: 'string', default: '' }],
  run(ctx) {
    const t = target(ctx);
    if (!t) return;
    if (t.kind !== 'DaemonSet')
      return fail(ctx, `${kindInfo(t.kind).resource}/${t.obj.metadata.name} restarting is not supported`);
    const copy = clone(t.obj);
    copy.spec.template.metadata ??= {};
    copy.spec.template.metadata.annotations = {
      ...(copy.spec.template.metadata.annotations ?? {}),
      'kubectl.kubernetes.io/restartedAt': formatRFC3339(ctx.host.now()),
    };
    const u = ctx.host.update('DaemonSet', copy);
    if (u.errors.length) return fail(ctx, invalidMessage('DaemonSet', copy.metadata.name, u.errors));
    ctx.out.push(`${objectRef('DaemonSet', t.obj.metadata.name)} restarted\n`);
  },
};

const noFlags: FlagSpec[] = [];

export const rolloutCommand: Command = {
  flags: noFlags,
  sub: { status, history, undo, restart },
};
