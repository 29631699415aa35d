/**
 * core/v1 Events as client-go's recorder writes them, with the EventCorrelator's aggregation of
 * repeats: the same source, object, type, reason and message bump `count` and `lastTimestamp` of
 * the existing Event instead of creating a new one.
 *
 * Events are kept compactly (times as numbers, the name's UnixNano as milliseconds and a sequence)
 * and turned into core/v1 objects only when read: a busy cluster keeps tens of thousands of them
 * for the hour of --event-ttl, and their size was most of the engine's heap.
 */
import { rfc3339 } from '../time';
import { clone } from '../clone';
export interface InvolvedObject {
  kind: string;
  name: string;
  namespace?: string;
  uid?: string;
  apiVersion?: string;
  fieldPath?: string;
}

export interface EventRecord {
  apiVersion: 'v1';
  kind: 'Event';
  metadata: { name: string; namespace: string; uid: string; resourceVersion?: string; creationTimestamp: string };
  involvedObject: InvolvedObject;
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  source: { component: string; host?: string };
  reportingComponent: string;
  reportingInstance: string;
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
}

/** kube-apiserver --event-ttl: Events are deleted an hour after their last occurrence. */
export const EVENT_TTL_MS = 3600_000;

const NANOS_PER_MS = 1_000_000;

/** One stored Event. Its name is `<object>.<UnixNano in hex>`, the nanoseconds being `ms * 1e6 + seq`. */
class Entry {
  constructor(
    readonly obj: InvolvedObject,
    readonly type: 'Normal' | 'Warning',
    readonly reason: string,
    readonly message: string,
    readonly source: { component: string; host?: string },
    readonly uid: string,
    readonly nameMs: number,
    readonly nameSeq: number,
    readonly firstMs: number,
    public lastMs: number,
    public count: number,
    /** The name and timestamps as loaded from a snapshot, where they need not follow the pattern. */
    readonly loaded?: { name: string; creationTimestamp: string; firstTimestamp: string },
  ) {}

  /**
   * The next (older) stored Event in the index's chain: about the same object while the object's
   * bucket is a chain, about the same object with the same message once it is a message map.
   */
  older: Entry | undefined = undefined;

  /** Whether the EventCorrelator would aggregate an Event with these fields into this one. */
  matches(
    obj: InvolvedObject,
    type: string,
    reason: string,
    message: string,
    source: { component: string; host?: string },
  ): boolean {
    const o = this.obj;
    return (
      this.reason === reason &&
      this.message === message &&
      this.type === type &&
      o.name === obj.name &&
      o.kind === obj.kind &&
      (o.namespace ?? '') === (obj.namespace ?? '') &&
      (o.uid ?? '') === (obj.uid ?? '') &&
      (o.fieldPath ?? '') === (obj.fieldPath ?? '') &&
      this.source.component === source.component &&
      (this.source.host ?? '') === (source.host ?? '')
    );
  }

  toRecord(): EventRecord {
    const l = this.loaded;
    const first = l ? l.firstTimestamp : rfc3339(this.firstMs);
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: l ? l.name : `${this.obj.name}.${nanoHex(this.nameMs, this.nameSeq)}`,
        // Events about cluster-scoped objects (nodes) live in the default namespace.
        namespace: this.obj.namespace || 'default',
        uid: this.uid,
        creationTimestamp: l ? l.creationTimestamp : first,
      },
      involvedObject: clone(this.obj),
      reason: this.reason,
      message: this.message,
      type: this.type,
      source: clone(this.source),
      reportingComponent: this.source.component,
      reportingInstance: this.source.host ?? '',
      firstTimestamp: first,
      lastTimestamp: rfc3339(this.lastMs),
      count: this.count,
    };
  }
}

/** `ms * 1e6 + seq` in hex, exactly (the product is beyond a double's integers). */
function nanoHex(ms: number, seq: number): string {
  return (BigInt(ms) * BigInt(NANOS_PER_MS) + BigInt(seq)).toString(16);
}

/** The object an Event is about, as the index's key. */
function objectKey(obj: InvolvedObject): string {
  return obj.uid || `${obj.kind}/${obj.namespace ?? ''}/${obj.name}`;
}

/**
 * The stored Events about one object, for the correlator's lookup of a repeat: the newest, chained
 * to the older ones, while there are few; by message (each message's Events chained) past that,
 * as for a Job's thousands of SuccessfulCreate.
 */
type Bucket = Chain | Map<string, Entry>;
class Chain {
  constructor(
    public newest: Entry,
    public size: number,
  ) {}
}

/** How many Events about one object a chain holds before its bucket becomes a message map. */
const CHAIN_MAX = 8;

export class Recorder {
  private entries: Entry[] = [];
  /** Entries by the object they are about. */
  private index = new Map<string, Bucket>();
  private sinceExpiry = 0;
  /** Bumped on every record, so a view can tell that the Events changed. */
  changes = 0;
  /** The last name's UnixNano as (ms, seq): names are strictly increasing. */
  private lastNameMs = 0;
  private lastNameSeq = 0;

  constructor(
    private now: () => number,
    private uid: () => string,
  ) {}

  record(
    obj: InvolvedObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: { component: string; host?: string },
  ): void {
    this.changes++;
    if (++this.sinceExpiry >= 1000) this.expire();
    const clockMs = this.now();
    // lastTimestamp has second precision; expiry compares against that, here as after a restore.
    const now = clockMs - (((clockMs % 1000) + 1000) % 1000);
    const key = objectKey(obj);
    const bucket = this.index.get(key);
    for (let e = bucket instanceof Chain ? bucket.newest : bucket?.get(message); e; e = e.older) {
      if (e.matches(obj, type, reason, message, source)) {
        e.count++;
        e.lastMs = now;
        return;
      }
    }
    // client-go names an Event `<object>.<UnixNano in hex>`, so names sort by time; two Events in
    // the same simulated millisecond get consecutive nanoseconds.
    if (clockMs > this.lastNameMs) {
      this.lastNameMs = clockMs;
      this.lastNameSeq = 0;
    } else if (++this.lastNameSeq >= NANOS_PER_MS) {
      this.lastNameMs++;
      this.lastNameSeq = 0;
    }
    const e = new Entry(obj, type, reason, message, source, this.uid(), this.lastNameMs, this.lastNameSeq, now, now, 1);
    this.entries.push(e);
    this.addToIndex(e, key, bucket);
  }

  /** The live Events (reading never changes state, so snapshots do not depend on who looked). */
  list(): EventRecord[] {
    const cutoff = this.now() - EVENT_TTL_MS;
    const out: EventRecord[] = [];
    for (const e of this.entries) if (e.lastMs >= cutoff) out.push(e.toRecord());
    return out;
  }

  /** Drops Events older than the TTL from storage (every thousand records). */
  private expire(): void {
    this.sinceExpiry = 0;
    const cutoff = this.now() - EVENT_TTL_MS;
    // Entries are in creation order and an Event's lastMs is never before its firstMs, so while the
    // oldest one was first seen within the TTL nothing can have expired.
    if (this.entries.length === 0 || this.entries[0].firstMs >= cutoff) return;
    if (!this.entries.some((e) => e.lastMs < cutoff)) return;
    this.entries = this.entries.filter((e) => e.lastMs >= cutoff);
    this.index = new Map();
    for (const e of this.entries) this.addToIndex(e);
  }

  /** Adds the newest Entry to its object's bucket (`bucket`: the bucket under `key`, when the caller has it). */
  private addToIndex(e: Entry, key = objectKey(e.obj), bucket = this.index.get(key)): void {
    if (bucket === undefined) {
      e.older = undefined;
      this.index.set(key, new Chain(e, 1));
    } else if (!(bucket instanceof Chain)) {
      e.older = bucket.get(e.message);
      bucket.set(e.message, e);
    } else if (bucket.size < CHAIN_MAX) {
      e.older = bucket.newest;
      bucket.newest = e;
      bucket.size++;
    } else {
      // Too many for a chain: by message from now on, oldest first so that each chain ends newest.
      const chain: Entry[] = [];
      for (let x: Entry | undefined = bucket.newest; x; x = x.older) chain.push(x);
      chain.reverse().push(e);
      const byMessage = new Map<string, Entry>();
      for (const x of chain) {
        x.older = byMessage.get(x.message);
        byMessage.set(x.message, x);
      }
      this.index.set(key, byMessage);
    }
  }

  save(): EventRecord[] {
    return this.entries.map((e) => e.toRecord());
  }

  load(events: EventRecord[]): void {
    this.entries = [];
    this.index = new Map();
    this.lastNameMs = 0;
    this.lastNameSeq = 0;
    for (const r of events) {
      const name = r.metadata.name;
      const hex = name.slice(name.lastIndexOf('.') + 1);
      let nameMs = 0;
      let nameSeq = 0;
      if (/^[0-9a-f]+$/.test(hex)) {
        const ns = BigInt(`0x${hex}`);
        nameMs = Number(ns / BigInt(NANOS_PER_MS));
        nameSeq = Number(ns % BigInt(NANOS_PER_MS));
        if (nameMs > this.lastNameMs || (nameMs === this.lastNameMs && nameSeq > this.lastNameSeq)) {
          this.lastNameMs = nameMs;
          this.lastNameSeq = nameSeq;
        }
      }
      const firstMs = Date.parse(r.firstTimestamp);
      const lastMs = Date.parse(r.lastTimestamp);
      const e = new Entry(
        clone(r.involvedObject),
        r.type,
        r.reason,
        r.message,
        clone(r.source),
        r.metadata.uid,
        nameMs,
        nameSeq,
        firstMs,
        lastMs,
        r.count,
        { name, creationTimestamp: r.metadata.creationTimestamp, firstTimestamp: r.firstTimestamp },
      );
      this.entries.push(e);
      this.addToIndex(e);
    }
  }
}
