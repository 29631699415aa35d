/**
 * core/v1 Events as client-go's recorder writes them, with the EventCorrelator's aggregation of
 * repeats: the same source, object, type, reason and message bump `count` and `lastTimestamp` of
 * the existing Event instead of creating a new one.
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

/** What the EventCorrelator aggregates on: the same source, object, type, reason and message. */
function eventKey(
  obj: InvolvedObject,
  type: string,
  reason: string,
  message: string,
  source: { component: string; host?: string },
): string {
  return `${source.component}\u0000${source.host ?? ''}\u0000${obj.kind}\u0000${obj.namespace ?? ''}\u0000${obj.name}\u0000${obj.uid ?? ''}\u0000${obj.fieldPath ?? ''}\u0000${type}\u0000${reason}\u0000${message}`;
}

export class Recorder {
  private events: EventRecord[] = [];
  /** Each Event's lastTimestamp in epoch ms, beside `events`, so expiry needs no date parsing. */
  private lastMs: number[] = [];
  private index = new Map<string, number>();
  private sinceExpiry = 0;
  /** Bumped on every record, so a view can tell that the Events changed. */
  changes = 0;
  private lastNano = 0n;

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
    const key = eventKey(obj, type, reason, message, source);
    this.changes++;
    if (++this.sinceExpiry >= 1000) this.expire();
    // lastTimestamp has second precision; expiry compares against that, here as after a restore.
    const now = this.now() - (((this.now() % 1000) + 1000) % 1000);
    const ts = rfc3339(now);
    const at = this.index.get(key);
    if (at !== undefined) {
      const e = this.events[at];
      e.count++;
      e.lastTimestamp = ts;
      this.lastMs[at] = now;
      return;
    }
    const e: EventRecord = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${obj.name}.${this.nameSuffix()}`,
        // Events about cluster-scoped objects (nodes) live in the default namespace.
        namespace: obj.namespace || 'default',
        uid: this.uid(),
        creationTimestamp: ts,
      },
      involvedObject: obj,
      reason,
      message,
      type,
      source,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
    };
    this.index.set(key, this.events.length);
    this.events.push(e);
    this.lastMs.push(now);
  }

  /**
   * client-go's recorder names an Event `<object>.<UnixNano in hex>`, so names sort by time; two
   * Events in the same simulated millisecond get consecutive nanoseconds.
   */
  private nameSuffix(): string {
    const ns = BigInt(this.now()) * 1_000_000n;
    this.lastNano = ns > this.lastNano ? ns : this.lastNano + 1n;
    return this.lastNano.toString(16);
  }

  /** The live Events (reading never changes state, so snapshots do not depend on who looked). */
  list(): EventRecord[] {
    const cutoff = this.now() - EVENT_TTL_MS;
    return clone(this.events.filter((_, i) => this.lastMs[i] >= cutoff));
  }

  /** Drops Events older than the TTL from storage (every thousand records). */
  private expire(): void {
    this.sinceExpiry = 0;
    const cutoff = this.now() - EVENT_TTL_MS;
    if (!this.lastMs.some((ms) => ms < cutoff)) return;
    this.events = this.events.filter((_, i) => this.lastMs[i] >= cutoff);
    this.reindex();
  }

  save(): EventRecord[] {
    return clone(this.events);
  }

  load(events: EventRecord[]): void {
    this.events = clone(events);
    this.reindex();
  }

  private reindex(): void {
    this.index = new Map();
    this.lastMs = this.events.map((e) => Date.parse(e.lastTimestamp));
    this.lastNano = 0n;
    for (const e of this.events) {
      const hex = e.metadata.name.slice(e.metadata.name.lastIndexOf('.') + 1);
      if (/^[0-9a-f]+$/.test(hex) && BigInt(`0x${hex}`) > this.lastNano) this.lastNano = BigInt(`0x${hex}`);
    }
    this.events.forEach((e, i) => this.index.set(eventKey(e.involvedObject, e.type, e.reason, e.message, e.source), i));
  }
}
