import { describe, expect, test } from 'vitest';
import { createCluster, type Cluster } from '../../../src/sim';

const pod = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec}`;

const nginx = pod(
  'web',
  `  containers:
    - name: web
      image: nginx:1.27`,
);

const reasons = (c: Cluster, name: string) =>
  (c.events() as any[]).filter((e) => e.involvedObject.name === name).map((e) => e.reason);
const get = (c: Cluster, kind: string, name: string) => c.get(kind, name) as any;

describe('createCluster', () => {
  test('the default cluster: a tainted control plane and three workers', () => {
    const c = createCluster();
    const nodes = c.list('nodes') as any[];
    expect(nodes.map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    expect(nodes[0].spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(nodes[1].status.allocatable).toEqual({
      cpu: '4',
      'ephemeral-storage': '100Gi',
      memory: '16Gi',
      pods: '110',
    });
    expect(nodes[1].status.conditions.find((x: any) => x.type === 'Ready').status).toBe('True');
    expect(c.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  test('nodes: [] is a cluster without nodes; given status is kept', () => {
    expect(createCluster({ nodes: [] }).list('no')).toEqual([]);
    const c = createCluster({
      nodes: [
        {
          apiVersion: 'v1',
          kind: 'Node',
          metadata: { name: 'big' },
          status: { capacity: { cpu: '64', memory: '256Gi', pods: '250' } },
        },
      ],
    });
    expect((c.get('node', 'big') as any).status.capacity.cpu).toBe('64');
  });
});

describe('a pod from apply to Running', () => {
  test('scheduled on a worker, image pulled, started, ready', () => {
    const c = createCluster();
    expect(c.apply(nginx)).toEqual({
      ok: true,
      objects: [{ kind: 'Pod', name: 'web', namespace: 'default', action: 'created' }],
      errors: [],
    });
    c.advance(10);
    const p = get(c, 'pod', 'web');
    expect(p.spec.nodeName).toMatch(/^worker-\d$/);
    expect(p.status.phase).toBe('Running');
    expect(p.status.conditions.find((x: any) => x.type === 'Ready').status).toBe('True');
    expect(reasons(c, 'web')).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    const scheduled = (c.events() as any[]).find((e) => e.reason === 'Scheduled');
    expect(scheduled.message).toBe(`Successfully assigned default/web to ${p.spec.nodeName}`);
    expect(scheduled.source.component).toBe('default-scheduler');
    expect((c.events() as any[]).find((e) => e.reason === 'Pulled').message).toMatch(
      /^Successfully pulled image "nginx:1.27" in [\d.]+s \([\d.]+s including waiting\)\. Image size: \d+ bytes\.$/,
    );
  });

  test('restartPolicy Never and a failing command: Failed with Error and the exit code', () => {
    const c = createCluster();
    c.apply(
      pod(
        'once',
        `  restartPolicy: Never
  containers:
    - name: main
      image: busybox:1.36
      command: ["sh", "-c", "echo starting; sleep 5; exit 3"]`,
      ),
    );
    c.advance(3);
    expect(get(c, 'pod', 'once').status.phase).toBe('Running');
    c.advance(10);
    const p = get(c, 'pod', 'once');
    expect(p.status.phase).toBe('Failed');
    expect(p.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(c.logs('once')).toBe('starting\n');
  });

  test('restartPolicy OnFailure: restarts in place with the kubelet back-off (at once, then 10 s, 20 s, 40 s)', () => {
    const c = createCluster();
    c.apply(
      pod(
        'crash',
        `  restartPolicy: OnFailure
  containers:
    - name: main
      image: busybox:1.36
      command: ["sh", "-c", "exit 1"]`,
      ),
    );
    const restarts: number[] = [];
    let last = 0;
    const start = c.now().getTime();
    c.runUntil((cl) => {
      const n = (cl.get('pod', 'crash') as any)?.status?.containerStatuses?.[0]?.restartCount ?? 0;
      if (n > last) {
        last = n;
        restarts.push(Math.round((cl.now().getTime() - start) / 1000));
      }
      return n >= 4;
    }, 600);
    const gaps = restarts.slice(1).map((t, i) => t - restarts[i]);
    expect(gaps).toEqual([10, 20, 40]);
    c.advance(1); // it crashed again at once and now waits 80 s
    const cs = get(c, 'pod', 'crash').status.containerStatuses[0];
    expect(cs.state.waiting.reason).toBe('CrashLoopBackOff');
    expect(cs.state.waiting.message).toMatch(/^back-off 1m20s restarting failed container=main pod=crash_default\(/);
    expect(cs.restartCount).toBe(4);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(reasons(c, 'crash')).toContain('BackOff');
  });
});

describe('scheduling failures', () => {
  test('FailedScheduling with kube-scheduler wording', () => {
    const c = createCluster();
    c.apply(
      pod(
        'picky',
        `  nodeSelector:
    disktype: ssd
  containers:
    - name: main
      image: nginx`,
      ),
    );
    c.advance(1);
    const p = get(c, 'pod', 'picky');
    expect(p.spec.nodeName).toBeUndefined();
    const msg =
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.";
    expect(p.status.conditions[0]).toMatchObject({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message: msg,
    });
    const ev = (c.events() as any[]).find((e) => e.reason === 'FailedScheduling');
    expect(ev).toMatchObject({ type: 'Warning', message: msg });
  });

  test('a pod waiting for a node is scheduled once a matching node joins', () => {
    const c = createCluster();
    c.apply(
      pod(
        'picky',
        `  nodeSelector:
    disktype: ssd
  containers:
    - name: main
      image: nginx`,
      ),
    );
    c.advance(1);
    c.apply(`apiVersion: v1
kind: Node
metadata:
  name: fast-1
  labels:
    disktype: ssd`);
    c.advance(5);
    expect(get(c, 'pod', 'picky').spec.nodeName).toBe('fast-1');
  });
});

describe('apply', () => {
  test('created, unchanged, configured', () => {
    const c = createCluster();
    expect(c.apply(nginx).objects[0].action).toBe('created');
    expect(c.apply(nginx).objects[0].action).toBe('unchanged');
    const ns = `apiVersion: v1
kind: Namespace
metadata:
  name: team-a`;
    expect(c.apply(ns).objects[0].action).toBe('created');
    expect(c.apply(ns.replace('name: team-a', 'name: team-a\n  labels:\n    owner: me')).objects[0].action).toBe(
      'configured',
    );
  });

  test('an invalid document changes nothing, later documents still apply, errors carry positions', () => {
    const c = createCluster();
    const yaml = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      restartPolicy: Always
      containers:
        - name: pi
          image: perl
---
${nginx}`;
    const r = c.apply(yaml);
    expect(r.ok).toBe(false);
    expect(r.objects).toEqual([{ kind: 'Pod', name: 'web', namespace: 'default', action: 'created' }]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ field: 'spec.template.spec.restartPolicy', line: 8, column: 7 });
    expect(r.errors[0].message).toMatch(/^The Job "pi" is invalid: spec\.template\.spec\.restartPolicy: /);
    expect(c.get('job', 'pi')).toBeUndefined();
  });

  test('strict decoding: tolerations on the DaemonSet itself', () => {
    const c = createCluster();
    const r = c.apply(`apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  tolerations:
    - operator: Exists
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
        - name: agent
          image: fluentd`);
    expect(r.errors[0]).toMatchObject({
      message:
        'Error from server (BadRequest): error when creating "STDIN": DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.tolerations"',
      field: 'spec.tolerations',
      line: 6,
    });
  });

  test('a selector that does not match the template labels', () => {
    const c = createCluster();
    const r = c.apply(`apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: y}
    spec:
      containers:
        - name: agent
          image: fluentd`);
    expect(r.errors.map((e) => e.message)).toContain(
      'The DaemonSet "agent" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`',
    );
  });

  test('YAML syntax errors carry their line', () => {
    const r = createCluster().apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: indent\n');
    expect(r.ok).toBe(false);
    expect(r.errors[0].line).toBeGreaterThan(0);
    expect(r.errors[0].message).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: /);
  });

  test('old API versions from dated articles', () => {
    const r = createCluster().apply('apiVersion: apps/v1beta2\nkind: DaemonSet\nmetadata:\n  name: old\n');
    expect(r.errors[0].message).toContain('no matches for kind "DaemonSet" in version "apps/v1beta2"');
  });
});

describe('deletion', () => {
  test('a shell that ignores SIGTERM keeps the pod Terminating for the grace period; nginx stops at once', () => {
    const c = createCluster();
    c.apply(
      pod(
        'sleeper',
        `  containers:
    - name: main
      image: busybox
      command: ["sh", "-c", "sleep 3600"]`,
      ),
    );
    c.apply(nginx);
    c.advance(20);
    c.delete('pod', 'sleeper');
    c.delete('pod', 'web');
    c.advance(1);
    expect(get(c, 'pod', 'web')).toBeUndefined();
    expect(get(c, 'pod', 'sleeper').metadata.deletionTimestamp).toBeDefined();
    c.advance(28);
    expect(get(c, 'pod', 'sleeper')).toBeDefined();
    c.advance(2);
    expect(get(c, 'pod', 'sleeper')).toBeUndefined();
    expect(reasons(c, 'sleeper')).toContain('Killing');
  });
});

describe('node lifecycle', () => {
  test('Unreachable: Unknown after the grace period, taints, eviction after 300 s', () => {
    const c = createCluster();
    c.apply(
      pod(
        'w',
        `  nodeSelector:
    kubernetes.io/hostname: worker-1
  containers:
    - name: main
      image: nginx`,
      ),
    );
    c.advance(10);
    c.setNodeHealth('worker-1', 'Unreachable');
    c.advance(49);
    expect(get(c, 'node', 'worker-1').status.conditions.find((x: any) => x.type === 'Ready').status).toBe('True');
    c.advance(1);
    const node = get(c, 'node', 'worker-1');
    expect(node.status.conditions.find((x: any) => x.type === 'Ready')).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    expect(node.spec.taints.map((t: any) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    c.advance(299);
    expect(get(c, 'pod', 'w').metadata.deletionTimestamp).toBeUndefined();
    c.advance(1);
    expect(get(c, 'pod', 'w').metadata.deletionTimestamp).toBeDefined();
    expect(reasons(c, 'w')).toContain('TaintManagerEviction');
    c.setNodeHealth('worker-1', 'Ready');
    expect(get(c, 'node', 'worker-1').spec.taints).toBeUndefined();
  });

  test('NotReady: Ready=False with the not-ready taints at once', () => {
    const c = createCluster();
    c.setNodeHealth('worker-2', 'NotReady');
    const node = get(c, 'node', 'worker-2');
    expect(node.status.conditions.find((x: any) => x.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'KubeletNotReady',
    });
    expect(node.spec.taints.map((t: any) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoSchedule',
      'node.kubernetes.io/not-ready:NoExecute',
    ]);
  });

  test('pods of a deleted node are garbage-collected', () => {
    const c = createCluster();
    c.apply(
      pod(
        'w',
        `  nodeName: worker-3
  containers:
    - name: main
      image: nginx`,
      ),
    );
    c.advance(5);
    c.delete('node', 'worker-3');
    c.advance(41);
    expect(get(c, 'pod', 'w')).toBeUndefined();
  });
});

describe('time and determinism', () => {
  const run = (seed: number) => {
    const c = createCluster({ seed });
    c.apply(nginx);
    c.apply(
      pod(
        'r',
        `  restartPolicy: Never
  containers:
    - name: main
      image: busybox
      command: ["sh", "-c", "sleep 2; exit $((RANDOM % 2))"]`,
      ),
    );
    c.advance(120);
    return { events: c.events(), pods: c.list('pods') };
  };

  test('the same seed and inputs give the same history, bit for bit', () => {
    expect(JSON.stringify(run(7))).toBe(JSON.stringify(run(7)));
  });

  test('snapshot and restore round-trip exactly and continue identically', () => {
    const a = createCluster();
    a.apply(nginx);
    a.advance(3);
    const snap = JSON.parse(JSON.stringify(a.snapshot()));
    const b = createCluster();
    b.restore(snap);
    a.advance(100);
    b.advance(100);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
  });

  test('nextEventTime and quiet periods', () => {
    const c = createCluster();
    expect(c.nextEventTime()).toBeUndefined();
    c.apply(nginx);
    expect(c.nextEventTime()?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    c.advance(86400 * 30);
    expect(c.now().toISOString()).toBe('2025-01-31T00:00:00.000Z');
    expect(get(c, 'pod', 'web').status.phase).toBe('Running');
  });
});
