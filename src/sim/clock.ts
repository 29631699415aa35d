/**
 * The simulated clock: epoch milliseconds and an ordered queue of timers that are plain data
 * (`{ at, seq, type, args }`), dispatched by name, so a snapshot of the queue is JSON and time can
 * jump over quiet periods at no cost. Ties run in the order they were scheduled.
 *
 * Timers are indexed by a key (the pod uid, the node, or the controller's object) so that
 * cancelling or looking up the timers of one object costs the timers it has, not the whole queue;
 * a cancelled timer stays in the queue, marked, and is dropped when it reaches the front.
 */
import { clone } from './clone';

export interface Timer {
  at: number;
  seq: number;
  type: string;
  args: Record<string, unknown>;
}

export interface ClockState {
  now: number;
  seq: number;
  timers: Timer[];
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** The index key of a timer: its pod, else its node, else the object a controller syncs. */
export function timerKey(type: string, args: Record<string, unknown>): string {
  if (typeof args.uid === 'string') return args.uid;
  if (typeof args.node === 'string') return `node/${args.node}`;
  return `${type}/${String(args.namespace ?? '')}/${String(args.name ?? '')}`;
}

/** The timers due at one time, in scheduling order; `head` is the first not yet taken. */
interface Bucket {
  items: (Timer | undefined)[];
  head: number;
}

export class SimClock {
  now: number;
  private seq = 0;
  /**
   * The queue: a bucket of timers per due time (appended in scheduling order, which is `seq`
   * order), and a min-heap of the times that have one. Many timers fall due at the same moment
   * (a thousand pods created at once), so the heap holds far fewer entries than the queue.
   */
  private buckets = new Map<number, Bucket>();
  private times: number[] = [];
  /** Pending timers by key, in scheduling order (a key has few: a list beats a Set). */
  private byKey = new Map<string, Timer[]>();
  /**
   * Pending timers by type, for the types hasType has been asked about (built on the first
   * question from the queue, kept from then on); the others are not indexed by type at all.
   */
  private byType = new Map<string, Set<Timer>>();
  /** Cancelled timers still in the queue (a strong set: they are in the queue anyway, and weak ones cost the GC). */
  private dead = new Set<Timer>();
  private live = 0;

  constructor(now: number) {
    this.now = now;
  }

  schedule(at: number, type: string, args: Record<string, unknown> = {}): Timer {
    const timer: Timer = { at: Math.max(at, this.now), seq: this.seq++, type, args };
    this.index(timer);
    this.live++;
    this.enqueue(timer);
    return timer;
  }

  private enqueue(timer: Timer): void {
    const bucket = this.buckets.get(timer.at);
    if (bucket) {
      bucket.items.push(timer);
      return;
    }
    this.buckets.set(timer.at, { items: [timer], head: 0 });
    // Sift the new time up the heap.
    const h = this.times;
    const at = timer.at;
    h.push(at);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p] <= at) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = at;
  }

  /** Every queued timer (cancelled ones included), in no particular order. */
  private *queued(): Generator<Timer> {
    for (const b of this.buckets.values())
      for (let i = b.head; i < b.items.length; i++) {
        const t = b.items[i];
        if (t) yield t;
      }
  }

  private index(t: Timer): void {
    const key = timerKey(t.type, t.args);
    const list = this.byKey.get(key);
    if (list) list.push(t);
    else this.byKey.set(key, [t]);
    this.byType.get(t.type)?.add(t);
  }

  private unindex(t: Timer): void {
    const key = timerKey(t.type, t.args);
    const list = this.byKey.get(key);
    if (list) {
      const at = list.indexOf(t);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.byKey.delete(key);
    }
    this.byType.get(t.type)?.delete(t);
  }

  private kill(t: Timer): void {
    this.dead.add(t);
    this.unindex(t);
    this.live--;
  }

  /** Removes the timers indexed under `key` (see timerKey) for which `match` is true. */
  cancelKey(key: string, match: (t: Timer) => boolean = () => true): void {
    const list = this.byKey.get(key);
    if (!list) return;
    let doomed: Timer[] | undefined;
    for (let i = 0; i < list.length; i++) if (match(list[i])) (doomed ??= []).push(list[i]);
    if (doomed) for (let i = 0; i < doomed.length; i++) this.kill(doomed[i]);
  }

  /** Whether a pending timer of `type` matches (costs the timers of that type; the first question of a type, the queue). */
  hasType(type: string, match: (t: Timer) => boolean = () => true): boolean {
    let set = this.byType.get(type);
    if (!set) {
      set = new Set();
      for (const t of this.queued()) if (t.type === type && !this.dead.has(t)) set.add(t);
      this.byType.set(type, set);
    }
    for (const t of set) if (match(t)) return true;
    return false;
  }

  /** The first pending timer under `key` for which `match` is true, if any (in scheduling order). */
  findKey(key: string, match: (t: Timer) => boolean = () => true): Timer | undefined {
    const list = this.byKey.get(key);
    if (list) for (let i = 0; i < list.length; i++) if (match(list[i])) return list[i];
    return undefined;
  }

  /** The bucket of the earliest due time with a pending timer at its head (dropping cancelled and spent ones). */
  private first(): Bucket | undefined {
    const h = this.times;
    while (h.length > 0) {
      const bucket = this.buckets.get(h[0])!;
      const items = bucket.items;
      while (bucket.head < items.length && this.dead.size > 0 && this.dead.has(items[bucket.head]!)) {
        this.dead.delete(items[bucket.head]!);
        items[bucket.head++] = undefined;
      }
      if (bucket.head < items.length) return bucket;
      this.buckets.delete(h[0]);
      this.popTime();
    }
    return undefined;
  }

  peek(): Timer | undefined {
    const bucket = this.first();
    return bucket && bucket.items[bucket.head];
  }

  pop(): Timer | undefined {
    const bucket = this.first();
    if (bucket === undefined) return undefined;
    const top = bucket.items[bucket.head]!;
    bucket.items[bucket.head++] = undefined;
    this.unindex(top);
    this.live--;
    return top;
  }

  private popTime(): void {
    const h = this.times;
    const last = h.pop()!;
    const n = h.length;
    if (n === 0) return;
    // Sift `last` down from the root.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && h[r] < h[l] ? r : l;
      if (h[m] >= last) break;
      h[i] = h[m];
      i = m;
    }
    h[i] = last;
  }

  /** The number of pending (not cancelled) timers. */
  get size(): number {
    return this.live;
  }

  save(): ClockState {
    const timers: Timer[] = [];
    for (const t of this.queued()) if (!this.dead.has(t)) timers.push(t);
    return {
      now: this.now,
      seq: this.seq,
      timers: clone(timers.sort((a, b) => (before(a, b) ? -1 : 1))),
    };
  }

  load(s: ClockState): void {
    this.now = s.now;
    this.seq = s.seq;
    this.buckets = new Map();
    this.times = [];
    this.byKey = new Map();
    this.byType = new Map();
    this.dead = new Set();
    const timers = clone(s.timers).sort((a, b) => (before(a, b) ? -1 : 1));
    this.live = timers.length;
    for (const t of timers) {
      this.index(t);
      this.enqueue(t);
    }
  }
}
