/**
 * The kinds the simulated API server serves, with the names kubectl accepts for each
 * (`kubectl api-resources`). One table so that the API server, the store, kubectl and the UI
 * agree on what `ds`, `daemonsets.apps` and `DaemonSet` mean.
 */
import { memoByString } from './memo';
export type KindName = 'Namespace' | 'Node' | 'Pod' | 'DaemonSet' | 'Job' | 'CronJob' | 'ControllerRevision' | 'Event';

export interface KindInfo {
  kind: KindName;
  /** API group; '' is the core group. */
  group: '' | 'apps' | 'batch';
  version: 'v1';
  /** `apiVersion` as written in manifests. */
  apiVersion: string;
  /** Lower-case plural resource name, as in URLs and `kubectl get`. */
  resource: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
}

const table: KindInfo[] = [
  {
    kind: 'Namespace',
    group: '',
    version: 'v1',
    apiVersion: 'v1',
    resource: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    namespaced: false,
  },
  {
    kind: 'Node',
    group: '',
    version: 'v1',
    apiVersion: 'v1',
    resource: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    namespaced: false,
  },
  {
    kind: 'Pod',
    group: '',
    version: 'v1',
    apiVersion: 'v1',
    resource: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    namespaced: true,
  },
  {
    kind: 'Event',
    group: '',
    version: 'v1',
    apiVersion: 'v1',
    resource: 'events',
    singular: 'event',
    shortNames: ['ev'],
    namespaced: true,
  },
  {
    kind: 'DaemonSet',
    group: 'apps',
    version: 'v1',
    apiVersion: 'apps/v1',
    resource: 'daemonsets',
    singular: 'daemonset',
    shortNames: ['ds'],
    namespaced: true,
  },
  {
    kind: 'ControllerRevision',
    group: 'apps',
    version: 'v1',
    apiVersion: 'apps/v1',
    resource: 'controllerrevisions',
    singular: 'controllerrevision',
    shortNames: [],
    namespaced: true,
  },
  {
    kind: 'Job',
    group: 'batch',
    version: 'v1',
    apiVersion: 'batch/v1',
    resource: 'jobs',
    singular: 'job',
    shortNames: [],
    namespaced: true,
  },
  {
    kind: 'CronJob',
    group: 'batch',
    version: 'v1',
    apiVersion: 'batch/v1',
    resource: 'cronjobs',
    singular: 'cronjob',
    shortNames: ['cj'],
    namespaced: true,
  },
];

export const KINDS: readonly KindInfo[] = table;

let byKind: Map<string, KindInfo> | undefined;

export function kindInfo(kind: KindName): KindInfo {
  byKind ??= new Map(table.map((k) => [k.kind, k]));
  const info = byKind.get(kind);
  if (!info) throw new Error(`unknown kind ${kind}`);
  return info;
}

/**
 * Resolves what a user typed (`ds`, `daemonsets`, `daemonset.apps`, `DaemonSet`, `daemonsets.v1.apps`)
 * to a kind, as kubectl's RESTMapper does. Returns undefined for names the server does not serve.
 */
/** resolveKind, remembered per spelling (the same few names are resolved on every read). */
export const resolveKind: (name: string) => KindInfo | undefined = memoByString(
  (name) => resolveKindUncached(name),
  1000,
);

function resolveKindUncached(name: string): KindInfo | undefined {
  const n = name.trim();
  if (!n) return undefined;
  const exact = table.find((k) => k.kind === n);
  if (exact) return exact;
  const lower = n.toLowerCase();
  const [base, ...rest] = lower.split('.');
  const group = rest.length ? rest[rest.length - 1] : undefined;
  const version = rest.length === 2 ? rest[0] : undefined;
  return table.find(
    (k) =>
      (k.resource === base || k.singular === base || k.kind.toLowerCase() === base || k.shortNames.includes(base)) &&
      (group === undefined || (k.group === '' ? group === 'core' || group === '' : k.group === group)) &&
      (version === undefined || version === k.version),
  );
}

/** `daemonsets.apps`, `pods`: the qualified resource name kubectl prints in NotFound errors. */
export function qualifiedResource(info: KindInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}
