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

/** The owner-index bucket of objects without a controller ownerReference. */
const UNCONTROLLED = '\u0000uncontrolled';

export class Store {
  private objects = new Map<string, any>();
  private byKind = new Map<KindName, Set<string>>();
  /** Keys of objects by the uid of each of their owners, for controllers that list their dependents. */
  private byOwner = new Map<string, Set<string>>();

  private index(key: string, obj: any, on: boolean): void {
    const refs = obj?.metadata?.ownerReferences ?? [];
    const uids: string[] = refs.map((r: any) => r.uid);
    if (!refs.some((r: any) => r.controller)) uids.push(UNCONTROLLED);
    for (const uid of uids) {
      let set = this.byOwner.get(uid);
      if (on) {
        if (!set) this.byOwner.set(uid, (set = new Set()));
        set.add(key);
      } else if (set) {
        set.delete(key);
        if (set.size === 0) this.byOwner.delete(uid);
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
  /** Stored objects of a kind that no controller owns (candidates for adoption), read-only, in no particular order. */
  peekUncontrolled(kind: KindName): any[] {
    return this.peekOwnedBy(kind, UNCONTROLLED);
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
    const o = this.peek(kind, namespace, name);
    return o === undefined ? undefined : clone(o);
  }

  /**
   * The stored objects again, by kind, namespace ('' for cluster-scoped kinds) and name, so that
   * a lookup hashes strings it already has instead of building a key.
   */
  private lookup = new Map<KindName, Map<string, Map<string, any>>>();

  private setLookup(kind: KindName, obj: any | undefined, namespace: string | undefined, name: string): void {
    const ns = kindInfo(kind).namespaced ? (namespace ?? 'default') : '';
    let byNs = this.lookup.get(kind);
    if (!byNs) this.lookup.set(kind, (byNs = new Map()));
    let byName = byNs.get(ns);
    if (!byName) byNs.set(ns, (byName = new Map()));
    if (obj === undefined) byName.delete(name);
    else byName.set(name, obj);
  }

  /** The stored object itself, read-only by convention, for hot paths that only read. */
  peek(kind: KindName, namespace: string | undefined, name: string): any | undefined {
    const byNs = this.lookup.get(kind);
    if (!byNs) return undefined;
    return byNs.get(kindInfo(kind).namespaced ? (namespace ?? 'default') : '')?.get(name);
  }

  /** Each kind's objects in (namespace, name) order, kept until an object of the kind is added or removed. */
  private sorted = new Map<KindName, any[]>();
  /** Where each key sits in `sorted`, so a replaced object takes its predecessor's place. */
  private position = new Map<KindName, Map<string, number>>();

  /** Stored objects of a kind, read-only by convention, in name order. */
  peekAll(kind: KindName, namespace?: string): any[] {
    const all = this.sortedList(kind);
    if (namespace === undefined || !kindInfo(kind).namespaced) return [...all];
    return all.filter((o) => o.metadata.namespace === namespace);
  }

  /** peekAll of every namespace without the copy of the list: neither the list nor its objects may be changed. */
  peekAllShared(kind: KindName): readonly any[] {
    return this.sortedList(kind);
  }

  private sortedList(kind: KindName): any[] {
    let all = this.sorted.get(kind);
    if (!all) {
      all = [];
      for (const k of this.byKind.get(kind) ?? []) all.push(this.objects.get(k));
      all.sort((a, b) =>
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
      this.sorted.set(kind, all);
      const at = new Map<string, number>();
      all.forEach((o, i) => at.set(objectKey(kind, o.metadata.namespace, o.metadata.name), i));
      this.position.set(kind, at);
    }
    return all;
  }

  list(kind: KindName, namespace?: string): any[] {
    return this.peekAll(kind, namespace).map((o) => clone(o));
  }

  /** Stores a new object (the caller has admitted it), announces it, and returns the stored object (read-only). */
  add(kind: KindName, obj: any): any {
    return this.addOwned(kind, clone(obj));
  }

  /** Like add, for a fresh object the caller hands over and will not touch again (no copy). */
  addOwned(kind: KindName, obj: any): any {
    const stored = obj;
    stored.metadata.resourceVersion = String(++this.resourceVersion);
    const key = objectKey(kind, stored.metadata.namespace, stored.metadata.name);
    this.objects.set(key, stored);
    this.setLookup(kind, stored, stored.metadata.namespace, stored.metadata.name);
    let set = this.byKind.get(kind);
    if (!set) this.byKind.set(kind, (set = new Set()));
    set.add(key);
    this.index(key, stored, true);
    this.sorted.delete(kind);
    this.emit({ type: 'ADDED', kind, object: stored });
    return stored;
  }

  /** Replaces an existing object with a copy of `obj`, announces the change, and returns the stored object (read-only). */
  replace(kind: KindName, obj: any): any {
    return this.replaceOwned(kind, clone(obj));
  }

  /** Like replace, for a fresh object the caller hands over and will not touch again (no copies). */
  replaceOwned(kind: KindName, obj: any): any {
    const key = objectKey(kind, obj.metadata.namespace, obj.metadata.name);
    const old = this.objects.get(key);
    if (!old) throw new Error(`${kind} ${obj.metadata.name} not found`);
    const stored = obj;
    stored.metadata.resourceVersion = String(++this.resourceVersion);
    // Status writes keep the owner references (the same list): the owner index stays as it is.
    if (old.metadata?.ownerReferences !== stored.metadata.ownerReferences) {
      this.index(key, old, false);
      this.index(key, stored, true);
    }
    this.objects.set(key, stored);
    this.setLookup(kind, stored, obj.metadata.namespace, obj.metadata.name);
    const all = this.sorted.get(kind);
    if (all) {
      const at = this.position.get(kind)?.get(key);
      if (at !== undefined) all[at] = stored;
      else this.sorted.delete(kind);
    }
    this.emit({ type: 'MODIFIED', kind, object: stored, old });
    return stored;
  }

  remove(kind: KindName, namespace: string | undefined, name: string): any | undefined {
    const key = objectKey(kind, namespace, name);
    const old = this.objects.get(key);
    if (!old) return undefined;
    this.objects.delete(key);
    this.setLookup(kind, undefined, namespace, name);
    this.byKind.get(kind)?.delete(key);
    this.index(key, old, false);
    this.sorted.delete(kind);
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
    this.sorted = new Map();
    this.lookup = new Map();
    for (const [key, obj] of this.objects) this.index(key, obj, true);
    for (const [key, obj] of this.objects) {
      const kind = key.split('/')[0] as KindName;
      this.setLookup(kind, obj, obj.metadata?.namespace, obj.metadata?.name);
      let set = this.byKind.get(kind);
      if (!set) this.byKind.set(kind, (set = new Set()));
      set.add(key);
    }
  }
}
