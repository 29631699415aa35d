/**
 * Read-only commands beside get and describe: `logs` (cmd/logs with polymorphichelpers'
 * logsForObject), `explain`, `api-resources`, `version`, `cluster-info`, and `scale`, which the
 * API refuses for DaemonSets and Jobs as a real cluster does (they have no scale subresource).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { KINDS, kindInfo } from '../kinds';
import { explainCommand as explainText } from '../apiserver/schema/explain';
import { UsageError } from './args';
import type { Command, CommandContext } from './index';
import { fail } from './index';
import { apiResourcesText, clusterInfoText, versionText } from './help';
import { notFound, parseResourceArgs } from './resources';

const isReady = (p: Pod) => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
const readySince = (p: Pod) =>
  (p.status?.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime ?? '';
const maxRestarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));

/**
 * podutils.ByLogging, the order GetFirstPod picks the pod whose logs `kubectl logs job/x` shows:
 * scheduled first; Running (and the phases absent from its table) before Unknown before Pending;
 * ready first, ready longer first; more restarts first; older first.
 */
export function byLogging(a: Pod, b: Pod): number {
  const an = a.spec?.nodeName ?? '';
  const bn = b.spec?.nodeName ?? '';
  if (an !== bn && (!an || !bn)) return an ? -1 : 1;
  const rank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const ar = rank[a.status?.phase ?? ''] ?? 0;
  const br = rank[b.status?.phase ?? ''] ?? 0;
  if (ar !== br) return ar - br;
  if (isReady(a) !== isReady(b)) return isReady(a) ? -1 : 1;
  if (isReady(a) && isReady(b) && readySince(a) !== readySince(b)) return readySince(a) < readySince(b) ? -1 : 1;
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  const at = a.metadata?.creationTimestamp ?? '';
  const bt = b.metadata?.creationTimestamp ?? '';
  return at === bt ? 0 : at < bt ? -1 : 1;
}

/** The pods a Job or DaemonSet controls, in ByLogging order (ties keep the API's name order). */
function podsOf(ctx: CommandContext, owner: any): Pod[] {
  return ctx.host
    .list('Pod', owner.metadata.namespace)
    .filter((p: Pod) => (p.metadata?.ownerReferences ?? []).some((r) => r.controller && r.uid === owner.metadata.uid))
    .sort(byLogging);
}

/** Why a container has no logs to show (Error from server (BadRequest): …), or undefined. */
function waitingError(pod: Pod, container: string, previous: boolean): string | undefined {
  const st = [...(pod.status?.containerStatuses ?? [])].find((c) => c.name === container);
  const name = pod.metadata?.name ?? '';
  if (previous) {
    if (!st?.lastState?.terminated)
      return `Error from server (BadRequest): previous terminated container ${JSON.stringify(container)} in pod ${JSON.stringify(name)} not found`;
    return undefined;
  }
  if (!st || (st.state?.waiting && !st.lastState?.terminated)) {
    const reason = st?.state?.waiting?.reason ?? 'ContainerCreating';
    return `Error from server (BadRequest): container ${JSON.stringify(container)} in pod ${JSON.stringify(name)} is waiting to start: ${reason}`;
  }
  return undefined;
}

export const logsCommand: Command = {
  flags: [
    { name: 'container', short: 'c', type: 'string', default: '' },
    { name: 'previous', short: 'p', type: 'bool', default: false },
    { name: 'follow', short: 'f', type: 'bool', default: false },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'timestamps', type: 'bool', default: false },
    { name: 'all-containers', type: 'bool', default: false },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'since', type: 'string', default: '0s' },
    { name: 'prefix', type: 'bool', default: false },
  ],
  run(ctx) {
    const f = ctx.args.flags;
    const [first, second] = ctx.args.positionals;
    if (!first)
      throw new UsageError(
        "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command",
      );
    let pod: Pod | undefined;
    if (first.includes('/')) {
      const r = parseResourceArgs([first])[0];
      const obj = ctx.host.get(r.kind, kindInfo(r.kind).namespaced ? ctx.namespace : undefined, r.names[0]);
      if (!obj) return fail(ctx, notFound(r.kind, r.names[0]));
      if (r.kind === 'Pod') pod = obj;
      else if (r.kind === 'Job' || r.kind === 'DaemonSet') {
        const pods = podsOf(ctx, obj);
        if (!pods.length) return fail(ctx, `timed out waiting for the condition`);
        if (pods.length > 1) ctx.err.push(`Found ${pods.length} pods, using pod/${pods[0].metadata?.name}\n`);
        pod = pods[0];
      } else return fail(ctx, `cannot get the logs from ${r.kind === 'CronJob' ? '*v1.CronJob' : `*v1.${r.kind}`}`);
    } else {
      pod = ctx.host.get('Pod', ctx.namespace, first);
      if (!pod) return fail(ctx, notFound('Pod', first));
    }
    const containers = pod!.spec?.containers ?? [];
    let container = (f.container as string) || second;
    if (!container) {
      container = pod!.metadata?.annotations?.['kubectl.kubernetes.io/default-container'] ?? containers[0]?.name;
      if (containers.length > 1 && !f['all-containers'])
        ctx.err.push(
          `Defaulted container ${JSON.stringify(container)} out of: ${containers.map((c) => c.name).join(', ')}\n`,
        );
    }
    const names = f['all-containers'] ? containers.map((c) => c.name) : [container];
    for (const name of names) {
      if (!containers.some((c) => c.name === name))
        return fail(
          ctx,
          `Error from server (BadRequest): container ${name} is not valid for pod ${pod!.metadata?.name}`,
        );
      const why = waitingError(pod!, name, !!f.previous);
      if (why) return fail(ctx, why);
      let text = ctx.host.logs(pod!, name, !!f.previous) ?? '';
      const tail = f.tail as number;
      if (tail >= 0)
        text = text
          .split('\n')
          .filter(Boolean)
          .slice(-tail)
          .map((l) => `${l}\n`)
          .join('');
      ctx.out.push(
        f.prefix ? text.replace(/^/gm, `[pod/${pod!.metadata?.name}/${name}] `).replace(/\[[^\]]*\] $/, '') : text,
      );
    }
    if (f.follow && !f.previous) {
      const p = pod!;
      let shown = names.map((n) => (ctx.host.logs(p, n, false) ?? '').length);
      let stopped = false;
      ctx.follow = {
        read: () => {
          if (stopped) return '';
          const live = ctx.host.get('Pod', p.metadata?.namespace, p.metadata?.name ?? '');
          if (!live || live.metadata.uid !== p.metadata?.uid) {
            stopped = true;
            return '';
          }
          let out = '';
          names.forEach((n, i) => {
            const text = ctx.host.logs(live, n, false) ?? '';
            out += text.slice(shown[i]);
          });
          shown = names.map((n) => (ctx.host.logs(live, n, false) ?? '').length);
          const st = live.status?.containerStatuses ?? [];
          if (st.length && st.every((s: any) => s.state?.terminated) && live.spec.restartPolicy !== 'Always')
            stopped = true;
          return out;
        },
        stop: () => {
          stopped = true;
        },
        done: () => stopped,
      };
    }
  },
};

export const explainCommand: Command = {
  flags: [
    { name: 'recursive', type: 'bool', default: false },
    { name: 'api-version', type: 'string', default: '' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext' },
  ],
  run(ctx) {
    const [path] = ctx.args.positionals;
    if (!path) {
      ctx.err.push(
        'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl explain -h\' for help and examples\n',
      );
      ctx.exitCode = 1;
      return;
    }
    const r = explainText(path, { recursive: !!ctx.args.flags.recursive });
    ctx.out.push(r.stdout);
    ctx.err.push(r.stderr);
    if (r.exitCode) ctx.exitCode = r.exitCode;
  },
};

export const apiResourcesCommand: Command = {
  flags: [
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'namespaced', type: 'bool', default: true },
    { name: 'no-headers', type: 'bool', default: false },
    { name: 'api-group', type: 'string', default: '' },
    { name: 'sort-by', type: 'string', default: '' },
    { name: 'verbs', type: 'strings', default: [] },
    { name: 'cached', type: 'bool', default: false },
    { name: 'categories', type: 'strings', default: [] },
  ],
  run(ctx) {
    const f = ctx.args.flags;
    const output = f.output as string;
    if (output && output !== 'wide' && output !== 'name') throw new UsageError(`--output ${output} is not available`);
    let kinds = [...KINDS];
    if (ctx.args.changed.has('namespaced')) kinds = kinds.filter((k) => k.namespaced === f.namespaced);
    if (ctx.args.changed.has('api-group')) kinds = kinds.filter((k) => k.group === f['api-group']);
    ctx.out.push(
      apiResourcesText(kinds, {
        wide: output === 'wide',
        noHeaders: !!f['no-headers'],
        ...(output === 'name' ? { output: 'name' as const } : {}),
      }),
    );
  },
};

export const versionCommand: Command = {
  flags: [
    { name: 'client', type: 'bool', default: false },
    { name: 'output', short: 'o', type: 'string', default: '' },
  ],
  run(ctx) {
    const output = ctx.args.flags.output as string;
    if (output && output !== 'json' && output !== 'yaml') throw new UsageError(`--output must be 'yaml' or 'json'`);
    ctx.out.push(
      versionText({ client: !!ctx.args.flags.client, ...(output ? { output: output as 'json' | 'yaml' } : {}) }),
    );
  },
};

export const clusterInfoCommand: Command = {
  flags: [],
  run(ctx) {
    if (ctx.args.positionals[0] === 'dump')
      throw new UsageError(
        '"kubectl cluster-info dump" is not available in this sandbox: use kubectl get and describe',
      );
    ctx.out.push(clusterInfoText('127.0.0.1:6443'));
  },
};

export const scaleCommand: Command = {
  flags: [
    { name: 'replicas', type: 'int', default: -1 },
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'all', type: 'bool', default: false },
    { name: 'filename', short: 'f', type: 'strings', default: [] },
    { name: 'timeout', type: 'string', default: '0s' },
    { name: 'resource-version', type: 'string', default: '' },
  ],
  run(ctx) {
    if (!ctx.args.changed.has('replicas'))
      throw new UsageError('--replicas=COUNT is required, and COUNT must be greater than or equal to 0');
    const requests = parseResourceArgs(ctx.args.positionals);
    if (!requests.length) throw new UsageError('Required resource not specified.');
    for (const r of requests) {
      for (const name of r.names) {
        const obj = ctx.host.get(r.kind, kindInfo(r.kind).namespaced ? ctx.namespace : undefined, name);
        if (!obj) {
          fail(ctx, notFound(r.kind, name));
          continue;
        }
        // DaemonSets, Jobs, CronJobs and Pods have no /scale subresource: the API answers 404.
        fail(ctx, 'Error from server (NotFound): the server could not find the requested resource');
      }
    }
  },
};
