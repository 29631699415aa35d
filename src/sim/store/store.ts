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

/**
 * Where one object lives: created when the object is added, kept while it is replaced, dropped
 * when it is removed. The indexes hold slots, so a write finds its place without building a key.
 */
interface Slot {
  kind: KindName;
  /** objectKey of the object, for snapshots. */
  key: string;
  obj: any;
  /** The owner-index buckets the slot is in. */
  owners: string[];
  /** Its index in the kind's sorted list, while that list is kept. */
  pos: number;
}

/** A kind's slots by namespace ('' for cluster-scoped kinds) and name. */
interface KindIndex {
  namespaced: boolean;
  byNs: Map<string, Map<string, Slot>>;
}

export class Store {
  /** Every slot, in the order the objects were first added (a snapshot keeps that order). */
  private slots = new Set<Slot>();
  private byKind = new Map<KindName, Set<Slot>>();
  /** Slots by the uid of each of their objects' owners, for controllers that list their dependents. */
  private byOwner = new Map<string, Set<Slot>>();
  /** Slots by kind, namespace ('' for cluster-scoped kinds) and name. */
  private lookup = new Map<KindName, KindIndex>();

  private index(slot: Slot): void {
    const refs = slot.obj?.metadata?.ownerReferences;
    const uids: string[] = [];
    let controlled = false;
    if (refs)
      for (let i = 0; i < refs.length; i++) {
        uids.push(refs[i].uid);
        if (refs[i].controller) controlled = true;
      }
    if (!controlled) uids.push(UNCONTROLLED);
    for (let i = 0; i < uids.length; i++) {
      let set = this.byOwner.get(uids[i]);
      if (!set) this.byOwner.set(uids[i], (set = new Set()));
      set.add(slot);
    }
    slot.owners = uids;
  }

  private unindex(slot: Slot): void {
    for (let i = 0; i < slot.owners.length; i++) {
      const uid = slot.owners[i];
      const set = this.byOwner.get(uid);
      if (!set) continue;
      set.delete(slot);
      if (set.size === 0) this.byOwner.delete(uid);
    }
    slot.owners = [];
  }

  /** Stored objects of a kind that name `uid` among their owners, read-only, in no particular order. */
  peekOwnedBy(kind: KindName, uid: string): any[] {
    const out: any[] = [];
    const set = this.byOwner.get(uid);
    if (set) for (const slot of set) if (slot.kind === kind) out.push(slot.obj);
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
    const watchers = this.watchers;
    for (let i = 0; i < watchers.length; i++) watchers[i](e);
  }

  get(kind: KindName, namespace: string | undefined, name: string): any | undefined {
    const o = this.peek(kind, namespace, name);
    return o === undefined ? undefined : clone(o);
  }

  private slot(kind: KindName, namespace: string | undefined, name: string): Slot | undefined {
    const k = this.lookup.get(kind);
    if (!k) return undefined;
    return k.byNs.get(k.namespaced ? (namespace ?? 'default') : '')?.get(name);
  }

  /** The stored object itself, read-only by convention, for hot paths that only read. */
  peek(kind: KindName, namespace: string | undefined, name: string): any | undefined {
    return this.slot(kind, namespace, name)?.obj;
  }

  /** Each kind's objects in (namespace, name) order, kept until an object of the kind is added or removed. */
  private sorted = new Map<KindName, any[]>();

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
      const slots = [...(this.byKind.get(kind) ?? [])];
      slots.sort((sa, sb) => {
        const a = sa.obj.metadata;
        const b = sb.obj.metadata;
        return (a.namespace ?? '') === (b.namespace ?? '')
          ? a.name < b.name
            ? -1
            : a.name > b.name
              ? 1
              : 0
          : (a.namespace ?? '') < (b.namespace ?? '')
            ? -1
            : 1;
      });
      all = new Array(slots.length);
      for (let i = 0; i < slots.length; i++) {
        slots[i].pos = i;
        all[i] = slots[i].obj;
      }
      this.sorted.set(kind, all);
    }
    return all;
  }

  list(kind: KindName, namespace?: string): any[] {
    const all = namespace === undefined ? this.sortedList(kind) : this.peekAll(kind, namespace);
    const out = new Array(all.length);
    for (let i = 0; i < all.length; i++) out[i] = clone(all[i]);
    return out;
  }

  /** Stores a new object (the caller has admitted it), announces it, and returns the stored object (read-only). */
  add(kind: KindName, obj: any): any {
    return this.addOwned(kind, clone(obj));
  }

  /** Like add, for a fresh object the caller hands over and will not touch again (no copy). */
  addOwned(kind: KindName, obj: any): any {
    const stored = obj;
    stored.metadata.resourceVersion = String(++this.resourceVersion);
    const meta = stored.metadata;
    const slot: Slot = { kind, key: objectKey(kind, meta.namespace, meta.name), obj: stored, owners: [], pos: -1 };
    this.place(slot);
    this.sorted.delete(kind);
    this.emit({ type: 'ADDED', kind, object: stored });
    return stored;
  }

  /** Puts a new slot in every index. */
  private place(slot: Slot): void {
    const kind = slot.kind;
    const meta = slot.obj.metadata;
    let k = this.lookup.get(kind);
    if (!k) this.lookup.set(kind, (k = { namespaced: kindInfo(kind).namespaced, byNs: new Map() }));
    const ns = k.namespaced ? (meta.namespace ?? 'default') : '';
    let byName = k.byNs.get(ns);
    if (!byName) k.byNs.set(ns, (byName = new Map()));
    const previous = byName.get(meta.name);
    if (previous) this.drop(previous);
    byName.set(meta.name, slot);
    this.slots.add(slot);
    let set = this.byKind.get(kind);
    if (!set) this.byKind.set(kind, (set = new Set()));
    set.add(slot);
    this.index(slot);
  }

  /** Takes a slot out of every index. */
  private drop(slot: Slot): void {
    const meta = slot.obj.metadata;
    const ns = kindInfo(slot.kind).namespaced ? (meta.namespace ?? 'default') : '';
    this.lookup.get(slot.kind)?.byNs.get(ns)?.delete(meta.name);
    this.slots.delete(slot);
    this.byKind.get(slot.kind)?.delete(slot);
    this.unindex(slot);
  }

  /** Replaces an existing object with a copy of `obj`, announces the change, and returns the stored object (read-only). */
  replace(kind: KindName, obj: any): any {
    return this.replaceOwned(kind, clone(obj));
  }

  /** Like replace, for a fresh object the caller hands over and will not touch again (no copies). */
  replaceOwned(kind: KindName, obj: any): any {
    const slot = this.slot(kind, obj.metadata.namespace, obj.metadata.name);
    if (!slot) throw new Error(`${kind} ${obj.metadata.name} not found`);
    const old = slot.obj;
    const stored = obj;
    stored.metadata.resourceVersion = String(++this.resourceVersion);
    slot.obj = stored;
    // Status writes keep the owner references (the same list): the owner index stays as it is.
    if (old.metadata?.ownerReferences !== stored.metadata.ownerReferences) {
      this.unindex(slot);
      this.index(slot);
    }
    const all = this.sorted.get(kind);
    if (all) {
      if (all[slot.pos] === old) all[slot.pos] = stored;
      else this.sorted.delete(kind);
    }
    this.emit({ type: 'MODIFIED', kind, object: stored, old });
    return stored;
  }

  remove(kind: KindName, namespace: string | undefined, name: string): any | undefined {
    const slot = this.slot(kind, namespace, name);
    if (!slot) return undefined;
    const old = slot.obj;
    this.drop(slot);
    this.sorted.delete(kind);
    this.resourceVersion++;
    this.emit({ type: 'DELETED', kind, object: old, old });
    return old;
  }

  save(): StoreState {
    const objects: [string, any][] = [];
    for (const slot of this.slots) objects.push([slot.key, clone(slot.obj)]);
    return { resourceVersion: this.resourceVersion, objects };
  }

  load(s: StoreState): void {
    this.resourceVersion = s.resourceVersion;
    this.slots = new Set();
    this.byKind = new Map();
    this.byOwner = new Map();
    this.sorted = new Map();
    this.lookup = new Map();
    for (const [key, obj] of s.objects)
      this.place({ kind: key.split('/')[0] as KindName, key, obj: clone(obj), owners: [], pos: -1 });
  }
}
