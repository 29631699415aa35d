/**
 * The helpers the engine's hot paths use instead of slower built-ins must give exactly the
 * built-ins' answers: sameJson is JSON.stringify equality, sortStrings is Array.prototype.sort,
 * rfc3339 (with its cache) is toISOString at second precision, parseTime is Date.parse. And the
 * compact Event store must read back, snapshot and restore exactly as core/v1 Events.
 */
import { describe, expect, it } from 'vitest';
import { sameJson } from '../../../src/sim/clone';
import { sortStrings } from '../../../src/sim/strings';
import { parseTime, rfc3339 } from '../../../src/sim/time';
import { Recorder } from '../../../src/sim/events/recorder';
import { Rng } from '../../../src/sim/rng';
import { createCluster } from '../../../src/sim';
import { lastApplied, sortedJson } from '../../../src/sim/sorted-json';

/** A small seeded generator of JSON-shaped values with repeated keys and shapes. */
function randomJson(rng: Rng, depth = 0): unknown {
  const r = rng.int(10);
  if (depth > 3 || r < 3) return [0, 1, 'a', 'b', true, false, null, undefined, 2.5][rng.int(9)];
  if (r < 6) return Array.from({ length: rng.int(4) }, () => randomJson(rng, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = rng.int(4); i > 0; i--) o[['a', 'b', 'c', 'active', 'x'][rng.int(5)]] = randomJson(rng, depth + 1);
  return o;
}

describe('sameJson', () => {
  it('agrees with JSON.stringify equality on generated values', () => {
    const rng = new Rng(7);
    let equal = 0;
    for (let i = 0; i < 5000; i++) {
      const a = randomJson(rng);
      // Half the time compare with a variant of itself, so that equal pairs are common.
      const b = rng.int(2) ? JSON.parse(JSON.stringify(a ?? null)) : randomJson(rng);
      const want = JSON.stringify(a) === JSON.stringify(b);
      if (want) equal++;
      expect([a, b, sameJson(a, b)]).toEqual([a, b, want]);
    }
    expect(equal).toBeGreaterThan(1000);
  });

  it('counts key order and ignores undefined values, as JSON.stringify does', () => {
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([undefined], [null])).toBe(true);
    expect(sameJson({}, [])).toBe(false);
  });
});

describe('sortStrings', () => {
  it('sorts in place as Array.prototype.sort does, short and long lists', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 500; i++) {
      const keys = Array.from({ length: rng.int(i % 50 === 0 ? 80 : 12) }, () => rng.string(1 + rng.int(3)));
      const want = [...keys].sort();
      const got = sortStrings(keys);
      expect(got).toBe(keys);
      expect(got).toEqual(want);
    }
  });
});

describe('rfc3339 and parseTime', () => {
  it('format at second precision whatever the order of the times asked for', () => {
    const rng = new Rng(11);
    const base = Date.parse('2025-01-01T00:00:00Z');
    const times = [base, base + 999, base + 1000, base - 1, -1500, 0, 253402300799000];
    for (let i = 0; i < 2000; i++) {
      const ms = rng.int(3) === 0 ? times[rng.int(times.length)] : base + rng.int(5000);
      const iso = new Date(ms - (((ms % 1000) + 1000) % 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
      expect([ms, rfc3339(ms)]).toEqual([ms, iso]);
    }
  });

  it('parseTime is Date.parse, including for what Date.parse rejects', () => {
    for (const s of ['2025-01-01T00:00:00Z', '2025-01-01T01:00:00+01:00', 'not a time', '', '2025-01-01T00:00:00Z'])
      expect(Object.is(parseTime(s), Date.parse(s))).toBe(true);
  });
});

/** A Recorder on a given clock, with uids `uid-0`, `uid-1`, … */
function testRecorder(now: () => number): Recorder {
  let n = 0;
  return new Recorder(now, () => `uid-${n++}`);
}

describe('the compact Event store', () => {
  it('aggregates repeats by object, type, reason, message and source; keeps the rest apart', () => {
    let now = Date.parse('2025-01-01T00:00:00Z');
    const rec = testRecorder(() => now);
    const pod = { kind: 'Pod', name: 'p', namespace: 'default', uid: 'u1', apiVersion: 'v1' };
    const kubelet = { component: 'kubelet', host: 'w-1' };
    rec.record(pod, 'Normal', 'Pulled', 'same', kubelet);
    now += 1500;
    rec.record({ ...pod }, 'Normal', 'Pulled', 'same', { ...kubelet });
    rec.record(pod, 'Warning', 'Pulled', 'same', kubelet);
    rec.record(pod, 'Normal', 'Pulled', 'same', { component: 'kubelet', host: 'w-2' });
    rec.record({ ...pod, fieldPath: 'spec.containers{c}' }, 'Normal', 'Pulled', 'same', kubelet);
    const events = rec.list() as any[];
    expect(events.map((e) => [e.type, e.source.host, e.involvedObject.fieldPath, e.count])).toEqual([
      ['Normal', 'w-1', undefined, 2],
      ['Warning', 'w-1', undefined, 1],
      ['Normal', 'w-2', undefined, 1],
      ['Normal', 'w-1', 'spec.containers{c}', 1],
    ]);
    expect(events[0].firstTimestamp).toBe('2025-01-01T00:00:00Z');
    expect(events[0].lastTimestamp).toBe('2025-01-01T00:00:01Z');
    // Names are `<object>.<UnixNano in hex>`, consecutive within a millisecond.
    const nanos = events.map((e) => BigInt(`0x${e.metadata.name.split('.')[1]}`));
    expect(nanos[0]).toBe(BigInt(Date.parse('2025-01-01T00:00:00Z')) * 1_000_000n);
    expect(nanos[2] - nanos[1]).toBe(1n);
  });

  it('aggregates the same way for an object with many Events as for one with few', () => {
    // The index keeps an object's first Events in a chain and past that by message: a repeat of
    // any of them, before and after the switch, bumps the one Event; new messages stay apart.
    const rec = testRecorder(() => Date.parse('2025-01-01T00:00:00Z'));
    const job = { kind: 'Job', name: 'j', namespace: 'default', uid: 'j1', apiVersion: 'batch/v1' };
    const source = { component: 'job-controller' };
    const messages = Array.from({ length: 30 }, (_, i) => `Created pod: j-${i % 20}`);
    for (const m of messages) rec.record(job, 'Normal', 'SuccessfulCreate', m, source);
    rec.record(job, 'Warning', 'SuccessfulCreate', 'Created pod: j-3', source);
    for (let i = 0; i < 5; i++) rec.record(job, 'Normal', 'SuccessfulCreate', 'Created pod: j-3', source);
    const events = rec.list() as any[];
    expect(events.map((e) => [e.type, e.message, e.count])).toEqual([
      ...Array.from({ length: 20 }, (_, i) => ['Normal', `Created pod: j-${i}`, i === 3 ? 7 : i < 10 ? 2 : 1]),
      ['Warning', 'Created pod: j-3', 1],
    ]);
  });

  it('snapshots and restores a busy cluster exactly, and goes on as the original does', () => {
    const make = () => {
      const c = createCluster({ seed: 5 });
      c.apply(
        `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  completions: 30\n  parallelism: 5\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: w\n          image: busybox\n          command: ["sh", "-c", "sleep 3"]\n`,
      );
      return c;
    };
    const a = make();
    a.advance(25);
    const snap = a.snapshot();
    const b = createCluster();
    b.restore(snap);
    expect(b.snapshot()).toEqual(snap);
    expect(b.events()).toEqual(a.events());
    // Both go on the same way: Events that repeat (counts) and new ones (names, uids) alike.
    a.advance(30);
    b.advance(30);
    expect(a.events().length).toBeGreaterThan(100);
    expect(b.events()).toEqual(a.events());
    expect(b.snapshot()).toEqual(a.snapshot());
    // An hour after its last occurrence an Event is gone, and the store forgets it too.
    const last = Math.max(...(a.events() as any[]).map((e) => Date.parse(e.lastTimestamp)));
    a.advance((last + 3600_000 - a.now().getTime()) / 1000);
    expect(a.events().length).toBeGreaterThan(0);
    a.advance(1);
    expect(a.events()).toEqual([]);
    expect((a.snapshot() as { events: unknown[] }).events.length).toBeLessThan(1000);
  });
});

describe('the store lookup', () => {
  it('finds objects by kind, namespace and name after creates, updates, deletes and a restore', () => {
    const c = createCluster();
    c.apply('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n');
    const pod = (ns: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ${ns}\nspec:\n  containers:\n    - name: c\n      image: nginx\n`;
    c.apply(pod('default'));
    c.apply(pod('team'));
    c.advance(5);
    expect((c.get('pod', 'p') as any).metadata.namespace).toBe('default');
    expect((c.get('pod', 'p', 'team') as any).metadata.namespace).toBe('team');
    expect((c.get('node', 'worker-1') as any).metadata.name).toBe('worker-1');
    c.delete('pod', 'p', { namespace: 'team', gracePeriodSeconds: 0 });
    expect(c.get('pod', 'p', 'team')).toBeUndefined();
    const d = createCluster();
    d.restore(c.snapshot());
    expect((d.get('pod', 'p') as any).status.phase).toBe('Running');
    expect(d.get('pod', 'p', 'team')).toBeUndefined();
  });
});

describe('Rng.containerID', () => {
  it('is containerd:// and the dashless uid the same draws would give', () => {
    for (const seed of [0, 1, 42, 2 ** 31 - 1, 123456789]) {
      const a = new Rng(seed);
      const b = new Rng(seed);
      for (let i = 0; i < 50; i++) {
        const id = a.containerID();
        expect(id).toBe(`containerd://${b.uid().replaceAll('-', '')}`);
        expect(id).toMatch(/^containerd:\/\/[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
      }
      // And the two sources stay in step afterwards.
      expect(a.next()).toBe(b.next());
    }
  });
});

describe('sortedJson', () => {
  /** The reference: JSON.stringify of a copy whose objects have their keys inserted in sorted order. */
  const sortedCopy = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortedCopy)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sortedCopy((v as Record<string, unknown>)[k])]),
          )
        : v;
  const tricky = [
    '',
    'plain',
    'a"b',
    'back\\slash',
    'tab\there',
    'nl\n',
    '\u0000\u001f',
    'ünï',
    '日本',
    '\ud800',
    '<&>',
    '~\u007f',
  ];

  it('is JSON.stringify with sorted keys, for generated values and awkward strings', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 2000; i++) {
      const v = randomJson(rng);
      expect(sortedJson(v)).toBe(JSON.stringify(sortedCopy(v)));
    }
    for (const s of tricky) {
      const v = { [s]: s, list: [s, { [s]: [s] }], zeta: 1, alpha: { b: s, a: null } };
      expect(sortedJson(v)).toBe(JSON.stringify(sortedCopy(v)));
      expect(lastApplied(v)).toBe(`${JSON.stringify(sortedCopy(v))}\n`);
    }
  });
});
