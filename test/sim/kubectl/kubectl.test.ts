/**
 * kubectl through the public contract: what the golden transcripts cannot show (output that keeps
 * coming as the clock moves, completion, stdin, robustness).
 */
import { describe, expect, test } from 'vitest';
import { createCluster } from '../../../src/sim';

const ds = `apiVersion: apps/v1
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
          image: prom/node-exporter:v1.8.2
`;

const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: talk
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: talk
          image: busybox:1.36
          command: ["sh", "-c", "echo one; sleep 10; echo two; sleep 10; echo three"]
`;

describe('kubectl(line)', () => {
  test('takes the line with or without the word kubectl', () => {
    const c = createCluster();
    expect(c.kubectl('get nodes').stdout).toBe(c.kubectl('kubectl get nodes').stdout);
    expect(c.kubectl('get nodes').stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
  });

  test('apply -f - reads stdin and -n puts objects without a namespace there', () => {
    const c = createCluster();
    expect(c.kubectl('apply -f - -n kube-system', { stdin: ds })).toEqual({
      stdout: 'daemonset.apps/agent created\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.get('DaemonSet', 'agent', 'kube-system')).toBeDefined();
    expect(c.kubectl('apply -f - -n kube-system', { stdin: ds }).stdout).toBe('daemonset.apps/agent unchanged\n');
  });

  test('get -w prints a row for each change as the clock moves, until stopped', () => {
    const c = createCluster();
    const r = c.kubectl('get pods -w');
    expect(r.stderr).toBe('No resources found in default namespace.\n');
    expect(r.follow).toBeDefined();
    c.apply(ds);
    c.advance(30);
    const rows = r.follow!.read().trimEnd().split('\n');
    // Each pod appears Pending, then ContainerCreating, then Running, as kubectl -w shows it.
    expect(rows.some((l) => /^agent-\w{5}\s+0\/1\s+Pending\s+0\s+0s$/.test(l))).toBe(true);
    expect(rows.some((l) => /^agent-\w{5}\s+0\/1\s+ContainerCreating\s+0\s+\d+s$/.test(l))).toBe(true);
    expect(rows.some((l) => /^agent-\w{5}\s+1\/1\s+Running\s+0\s+\d+s$/.test(l))).toBe(true);
    expect(r.follow!.read()).toBe('');
    r.follow!.stop();
    c.kubectl('delete ds agent');
    c.advance(60);
    expect(r.follow!.read()).toBe('');
    expect(r.follow!.done()).toBe(true);
  });

  test('logs -f follows the container until it ends', () => {
    const c = createCluster();
    c.apply(job);
    c.advance(5);
    const r = c.kubectl('logs -f job/talk');
    expect(r.stdout).toBe('one\n');
    c.advance(12);
    expect(r.follow!.read()).toBe('two\n');
    c.advance(12);
    expect(r.follow!.read()).toBe('three\n');
    expect(r.follow!.done()).toBe(true);
  });

  test('rollout status waits for the rollout and ends by itself', () => {
    const c = createCluster();
    c.apply(ds);
    const r = c.kubectl('rollout status ds/agent');
    expect(r.stdout).toMatch(/^Waiting for daemon set/);
    expect(r.follow!.done()).toBe(false);
    c.advance(60);
    expect(r.follow!.read()).toMatch(/daemon set "agent" successfully rolled out\n$/);
    expect(r.follow!.done()).toBe(true);
  });

  test.each([
    '',
    'kubectl',
    '   ',
    'get pods -o',
    'get pods -o jsonpath={.items[',
    'get pods --sort-by=.metadata.nope',
    'describe',
    'label',
    'taint nodes',
    'rollout undo',
    'logs -c',
    'delete ds',
    "get pods -l 'a in (b'",
    'get pods --field-selector=a',
    'create job x --from=cronjob',
    'explain',
    'drain',
    '-n',
    '--namespace=default',
    'get ds,po,no,cj,jobs,ev,ns,controllerrevisions',
  ])('never throws on %j', (line) => {
    const c = createCluster();
    c.apply(ds);
    c.advance(10);
    const r = c.kubectl(line);
    expect(typeof r.stdout).toBe('string');
    expect(typeof r.stderr).toBe('string');
    expect(r.stderr).not.toMatch(/the sandbox failed/);
  });
});

describe('completions', () => {
  const c = createCluster();
  c.apply(ds);
  c.advance(10);
  test.each<[string, string[]]>([
    [
      '',
      [
        'annotate',
        'api-resources',
        'apply',
        'cluster-info',
        'cordon',
        'create',
        'delete',
        'describe',
        'drain',
        'explain',
        'get',
        'help',
        'label',
        'logs',
        'rollout',
        'scale',
        'taint',
        'uncordon',
        'version',
      ],
    ],
    ['g', ['get']],
    ['rollout ', ['history', 'restart', 'status', 'undo']],
    ['rollout status ', ['daemonset', 'ds']],
    ['get d', ['daemonset', 'daemonsets', 'ds']],
    ['get ds ', ['agent']],
    ['cordon worker-', ['worker-1', 'worker-2', 'worker-3']],
    ['get --sh', ['--show-labels']],
  ])('%j', (line, want) => {
    expect(c.complete(line)).toEqual(want);
  });
});

describe('get --watch with -o jsonpath and custom-columns', () => {
  test('each watch event prints through the chosen printer', () => {
    const c = createCluster();
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: sleeper
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: 5
  containers:
    - name: main
      image: busybox
      command: ["sh", "-c", "sleep 3600"]
`);
    c.advance(10);
    const jp = c.kubectl(
      `get pod sleeper --watch-only -o jsonpath='{.status.phase} {.metadata.deletionTimestamp}{"\\n"}'`,
    );
    const cc = c.kubectl('get pod sleeper -w -o custom-columns=NAME:.metadata.name,PHASE:.status.phase');
    expect(cc.stdout).toBe('NAME      PHASE\nsleeper   Running\n');
    c.kubectl('delete pod sleeper --wait=false');
    c.advance(6);
    expect(jp.follow!.read()).toBe(
      'Running 2025-01-01T00:00:15Z\nFailed 2025-01-01T00:00:15Z\nFailed 2025-01-01T00:00:15Z\n',
    );
    expect(cc.follow!.read()).toBe('sleeper   Running\nsleeper   Failed\nsleeper   Failed\n');
  });
});
