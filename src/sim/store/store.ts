/**
 * The API server's storage: objects by kind, namespace and name, with resourceVersion, and a
 * watch stream (ADDED / MODIFIED / DELETED with the old object) that the scheduler, kubelets and
 * controllers subscribe to. Callers always get copies, so nothing outside can mutate stored state.
 */
import { clone } from '../clone';
import type { KindName } from '../kinds';
import { kindInfo } from '../kinds';

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent {
  type: WatchType;
  kind: KindName;
  object: any;
  old?: any;
}
export type Watcher = (e: WatchEvent) => void;

export interface StoreState {
  resourceVersion: number;
  objects: [string, any][];
}

export function objectKey(kind: KindName, namespace: string | undefined, name: string): string {
  return kindInfo(kind).namespaced ? `${kind}/${namespace ?? 'default'}/${name}` : `${kind}//${name}`;
}

export class Store {
  private objects = new Map<string, any>();
  private byKind = new Map<KindName, Set<string>>();
  /** Keys of objects by the uid of each of their owners, for controllers that list their dependents. */
  private byOwner = new Map<string, Set<string>>();

  private index(key: string, obj: any, on: boolean): void {
    for (const r of obj?.metadata?.ownerReferences ?? []) {
      let set = this.byOwner.get(r.uid);
      if (on) {
        if (!set) this.byOwner.set(r.uid, (set = new Set()));
        set.add(key);
      } else if (set) {
        set.delete(key);
        if (set.size === 0) this.byOwner.delete(r.uid);
      }
    }
  }

  /** Stored objects of a kind that name `uid` among their owners, read-only, in no particular order. */
  peekOwnedBy(kind: KindName, uid: string): any[] {
    const out: any[] = [];
    const prefix = `${kind}/`;
    for (const key of this.byOwner.get(uid) ?? []) if (key.startsWith(prefix)) out.push(this.objects.get(key));
    return out;
  }
  private watchers: Watcher[] = [];
  resourceVersion = 0;

  watch(w: Watcher): () => void {
    this.watchers.push(w);
    return () => {
      this.watchers = this.watchers.filter((x) => x !== w);
    };
  }

  private emit(e: WatchEvent): void {
    for (const w of this.watchers) w(e);
  }

  get(kind: KindName, namespace: string | undefined, name: string): any | undefined {
    const o = this.objects.get(objectKey(kind, namespace, name));
    return o === undefined ? undefined : clone(o);
  }

  /** The stored object itself, read-only by convention, for hot paths that only read. */
  peek(kind: KindName, namespace: string | undefined, name: string): any | undefined {
    return this.objects.get(objectKey(kind, namespace, name));
  }

  /** Stored objects of a kind, read-only by convention, in name order. */
  peekAll(kind: KindName, namespace?: string): any[] {
    const keys = [...(this.byKind.get(kind) ?? [])];
    const out: any[] = [];
    for (const k of keys) {
      const o = this.objects.get(k);
      if (namespace === undefined || !kindInfo(kind).namespaced || o.metadata.namespace === namespace) out.push(o);
    }
    return out.sort((a, b) =>
      (a.metadata.namespace ?? '') === (b.metadata.namespace ?? '')
        ? a.metadata.name < b.metadata.name
          ? -1
          : a.metadata.name > b.metadata.name
            ? 1
            : 0
        : (a.metadata.namespace ?? '') < (b.metadata.namespace ?? '')
          ? -1
          : 1,
    );
  }

  list(kind: KindName, namespace?: string): any[] {
    return this.peekAll(kind, namespace).map((o) => clone(o));
  }

  /** Stores a new object (the caller has admitted it) and announces it. */
  add(kind: KindName, obj: any): any {
    const stored = clone(obj);
    stored.metadata.resourceVersion = String(++this.resourceVersion);
    const key = objectKey(kind, stored.metadata.namespace, stored.metadata.name);
    this.objects.set(key, stored);
    let set = this.byKind.get(kind);
    if (!set) this.byKind.set(kind, (set = new Set()));
    set.add(key);
    this.index(key, stored, true);
    this.emit({ type: 'ADDED', kind, object: stored });
    return clone(stored);
  }

  /** Replaces an existing object and announces the change. */
  replace(kind: KindName, obj: any): any {
    return clone(this.replaceOwned(kind, clone(obj)));
  }

  /** Like replace, for a fresh object the caller hands over and will not touch again (no copies). */
  replaceOwned(kind: KindName, obj: any): any {
    const key = objectKey(kind, obj.metadata.namespace, obj.metadata.name);
    const old = this.objects.get(key);
    if (!old) throw new Error(`${kind} ${obj.metadata.name} not found`);
    const stored = obj;
    stored.metadata.resourceVersion = String(++this.resourceVersion);
    this.index(key, old, false);
    this.index(key, stored, true);
    this.objects.set(key, stored);
    this.emit({ type: 'MODIFIED', kind, object: stored, old });
    return stored;
  }

  remove(kind: KindName, namespace: string | undefined, name: string): any | undefined {
    const key = objectKey(kind, namespace, name);
    const old = this.objects.get(key);
    if (!old) return undefined;
    this.objects.delete(key);
    this.byKind.get(kind)?.delete(key);
    this.index(key, old, false);
    this.resourceVersion++;
    this.emit({ type: 'DELETED', kind, object: old, old });
    return old;
  }

  save(): StoreState {
    return { resourceVersion: this.resourceVersion, objects: clone([...this.objects.entries()]) };
  }

  load(s: StoreState): void {
    this.resourceVersion = s.resourceVersion;
    this.objects = new Map(clone(s.objects));
    this.byKind = new Map();
    this.byOwner = new Map();
    for (const [key, obj] of this.objects) this.index(key, obj, true);
    for (const key of this.objects.keys()) {
      const kind = key.split('/')[0] as KindName;
      let set = this.byKind.get(kind);
      if (!set) this.byKind.set(kind, (set = new Set()));
      set.add(key);
    }
  }
}
