/**
 * The simulated clock: epoch milliseconds and an ordered queue of timers that are plain data
 * (`{ at, seq, type, args }`), dispatched by name, so a snapshot of the queue is JSON and time can
 * jump over quiet periods at no cost. Ties run in the order they were scheduled.
 */
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

export class SimClock {
  now: number;
  private seq = 0;
  private heap: Timer[] = [];

  constructor(now: number) {
    this.now = now;
  }

  schedule(at: number, type: string, args: Record<string, unknown> = {}): Timer {
    const timer: Timer = { at: Math.max(at, this.now), seq: this.seq++, type, args };
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
    return timer;
  }

  /** Removes the timers for which `match` is true (e.g. a pod's pending restart when it is deleted). */
  cancel(match: (t: Timer) => boolean): void {
    const kept = this.heap.filter((t) => !match(t));
    if (kept.length !== this.heap.length) {
      this.heap = [];
      for (const t of kept.sort((a, b) => (before(a, b) ? -1 : 1))) this.heap.push(t);
    }
  }

  has(match: (t: Timer) => boolean): boolean {
    return this.heap.some(match);
  }

  /** The first pending timer for which `match` is true, if any (heap order, not time order). */
  find(match: (t: Timer) => boolean): Timer | undefined {
    return this.heap.find(match);
  }

  peek(): Timer | undefined {
    return this.heap[0];
  }

  pop(): Timer | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }

  get size(): number {
    return this.heap.length;
  }

  save(): ClockState {
    return {
      now: this.now,
      seq: this.seq,
      timers: structuredClone([...this.heap].sort((a, b) => (before(a, b) ? -1 : 1))),
    };
  }

  load(s: ClockState): void {
    this.now = s.now;
    this.seq = s.seq;
    this.heap = structuredClone(s.timers);
  }
}
