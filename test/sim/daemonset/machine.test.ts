/**
 * The DaemonSet's reconcile-loop machine, through the public contract: what the controller
 * inspector shows while pods are created, replaced in a rolling update and deleted.
 */
import { describe, expect, test } from 'vitest';
import { createCluster } from '../../../src/sim';
import { step } from '../../../src/sim/daemonset/machine';

const ds = (image: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
        - name: agent
          image: ${image}
`;

describe('daemonSetMachine', () => {
  test('transitions: queued by a watch event, then where the sync left things', () => {
    let s = step(undefined, { type: 'watch.changed' });
    expect(s.value).toBe('queued');
    s = step(s, { type: 'sync.done', outcome: 'rollingUpdate', decision: { at: 1, create: ['a'], delete: [] } });
    expect(s).toEqual({
      value: 'rollingUpdate',
      context: { syncs: 1, lastDecision: { at: 1, create: ['a'], delete: [] } },
    });
    s = step(s, { type: 'watch.changed' });
    s = step(s, { type: 'sync.done', outcome: 'backoff', decision: { at: 2, create: [], delete: ['b'] } });
    expect(s.value).toBe('backoff');
    s = step(s, { type: 'watch.changed' });
    s = step(s, { type: 'sync.done', outcome: 'steady', decision: { at: 3, create: [], delete: [] } });
    expect(s.value).toBe('idle');
    expect(s.context.syncs).toBe(3);
    expect(step(s, { type: 'watch.deleting' }).value).toBe('deleting');
  });

  test('the inspector sees creation, a rolling update, then rest', () => {
    const c = createCluster();
    c.apply(ds('prom/node-exporter:v1.8.1'));
    c.advance(0.001);
    const first = c.controllers();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ kind: 'DaemonSet', namespace: 'default', name: 'agent', state: 'rollingUpdate' });
    c.advance(60);
    expect(c.controllers()[0].state).toBe('idle');
    // A deleted pod: the next sync's decision creates its replacement.
    const pod = (c.list('Pod') as { metadata: { name: string } }[])[0].metadata.name;
    c.kubectl(`delete pod ${pod} --grace-period=0 --force`);
    c.advance(0.001);
    const after = c.controllers()[0];
    expect(after.lastDecision?.create).toHaveLength(1);
    expect(after.lastDecision?.delete).toEqual([]);
    c.advance(60);
    c.apply(ds('prom/node-exporter:v1.8.2'));
    c.advance(1);
    const rolling = c.controllers()[0];
    expect(rolling.state).toBe('rollingUpdate');
    c.advance(300);
    expect(c.controllers()[0].state).toBe('idle');
    // The machine is part of the snapshot.
    const snap = c.snapshot();
    const syncs = c.controllers()[0].syncs;
    c.kubectl('delete ds agent');
    c.advance(60);
    expect(c.controllers()).toEqual([]);
    c.restore(snap);
    expect(c.controllers()[0]).toMatchObject({ state: 'idle', syncs });
  });
});
