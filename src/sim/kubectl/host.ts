/**
 * What kubectl needs from the simulated cluster: the API server's reads and writes as a client
 * sees them. The cluster implements it; kubectl never reaches into the engine's internals.
 */
import type { KindName } from '../kinds';
import type { FieldError } from '../apiserver/field';
import type { EventRecord } from '../events/recorder';
import type { WatchEvent } from '../store/store';

export type Cascade = 'background' | 'foreground' | 'orphan';

export interface ManifestResult {
  ok: boolean;
  objects: { kind: string; name: string; namespace?: string; action: 'created' | 'configured' | 'unchanged' }[];
  errors: { message: string; field?: string; type?: string; line?: number; column?: number }[];
}

export interface KubectlHost {
  /** The simulated clock, in ms since the epoch. */
  now(): number;
  /** Stored objects of a kind (all namespaces when `namespace` is undefined), in name order; read-only. */
  list(kind: KindName, namespace?: string): any[];
  /** One stored object, read-only. */
  get(kind: KindName, namespace: string | undefined, name: string): any | undefined;
  events(): EventRecord[];
  /** `kubectl apply -f` / `kubectl create -f` of a multi-document text read from `source`. */
  applyManifests(text: string, source: string, mode: 'apply' | 'create'): ManifestResult;
  /** A user's create (POST) through admission. */
  create(kind: KindName, obj: any): { object?: any; errors: FieldError[] };
  /** A user's update (PUT) of a changed copy of a stored object, through admission. */
  update(kind: KindName, obj: any): { object?: any; errors: FieldError[] };
  delete(kind: KindName, obj: any, opts: { cascade: Cascade; gracePeriodSeconds?: number }): void;
  /** The Eviction subresource: a graceful delete on behalf of `kubectl drain`. */
  evict(pod: any, gracePeriodSeconds?: number): void;
  logs(pod: any, container: string, previous: boolean): string | undefined;
  /** Subscribes to the store's watch stream; returns the function that unsubscribes. */
  watch(fn: (e: WatchEvent) => void): () => void;
}
