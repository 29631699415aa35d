/**
 * kubectl's resource arguments as resource.Builder reads them: `TYPE`, `TYPE NAME…`,
 * `TYPE1,TYPE2 NAME`, `TYPE/NAME…`, the `all` category, and the errors kubectl prints for them.
 */
import { KINDS, kindInfo, qualifiedResource, resolveKind, type KindInfo, type KindName } from '../kinds';
import { UsageError } from './args';

export class KubectlError extends Error {}

/** A resource type the user named, resolved. */
export interface ResourceRequest {
  kind: KindName;
  /** Names asked for; empty means "all of this type". */
  names: string[];
}

/** The `all` category (`kubectl get all`) among the kinds the sandbox serves, in discovery order. */
export const ALL_CATEGORY: KindName[] = ['Pod', 'DaemonSet', 'CronJob', 'Job'];

/** Resolves a type word or throws kubectl's `the server doesn't have a resource type "x"`. */
export function resolveType(word: string): KindInfo {
  const info = resolveKind(word);
  if (!info) throw new KubectlError(`the server doesn't have a resource type ${JSON.stringify(word)}`);
  return info;
}

/**
 * The builder's ResourceTypeOrNameArgs: either `TYPE[,TYPE…] [NAME…]` or only `TYPE/NAME` words
 * (mixing them is refused with kubectl's message). Several requests for the same kind are merged
 * in order.
 */
export function parseResourceArgs(args: string[], opts: { allowAll?: boolean } = {}): ResourceRequest[] {
  if (args.length === 0) return [];
  const slashForm = args.some((a) => a.includes('/'));
  const out: ResourceRequest[] = [];
  const add = (kind: KindName, name?: string) => {
    let r = out.find((x) => x.kind === kind);
    if (!r) out.push((r = { kind, names: [] }));
    if (name !== undefined) r.names.push(name);
  };
  if (slashForm) {
    for (const a of args) {
      const i = a.indexOf('/');
      if (i < 0)
        throw new UsageError(
          `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        );
      const type = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!name) throw new UsageError(`arguments in resource/name form must have a single resource and name`);
      add(resolveType(type).kind, name);
    }
    return out;
  }
  const [types, ...names] = args;
  for (const t of types.split(',').filter(Boolean)) {
    const kinds = t === 'all' && opts.allowAll !== false ? ALL_CATEGORY : [resolveType(t).kind];
    for (const k of kinds) {
      add(k);
      for (const n of names) add(k, n);
    }
  }
  return out;
}

/** `Error from server (NotFound): daemonsets.apps "x" not found` (without `Error from server`'s newline). */
export function notFound(kind: KindName, name: string): string {
  return `Error from server (NotFound): ${qualifiedResource(kindInfo(kind))} ${JSON.stringify(name)} not found`;
}

/** `daemonset.apps/x`: the lower-case kind (with its group) and name kubectl's name printer writes. */
export function objectRef(kind: KindName, name: string): string {
  const info = kindInfo(kind);
  return `${(info.group ? `${info.kind}.${info.group}` : info.kind).toLowerCase()}/${name}`;
}

/** Every name kubectl accepts for a type, for completion. */
export function typeWords(): string[] {
  const words = new Set<string>();
  for (const k of KINDS) {
    words.add(k.resource);
    words.add(k.singular);
    for (const s of k.shortNames) words.add(s);
  }
  return [...words].sort();
}
