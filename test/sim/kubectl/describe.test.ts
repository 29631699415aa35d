import { describe, expect, test } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { Container, ContainerStatus, Event, Node, Pod, Probe, Toleration } from 'kubernetes-types/core/v1';
import {
  describeCronJob,
  describeDaemonSet,
  describeJob,
  describeNode,
  describeObject,
  describePod,
  describeProbe,
  kubeletLease,
} from '../../../src/sim/kubectl/describe';
import { createCluster } from '../../../src/sim';

const NOW = Date.parse('2025-01-01T01:00:00Z');
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const ago = (ms: number) => new Date(NOW - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const T0 = '2025-01-01T00:00:00Z';

/** The output's lines, for asserting exact lines without depending on the rest. */
const linesOf = (out: string) => out.split('\n');

let eventSeq = 0;
/** A core/v1 Event as client-go's recorder writes it (count 1 unless given). */
function event(
  involved: Event['involvedObject'],
  reason: string,
  message: string,
  opts: { first?: string; last?: string; count?: number; type?: string; component?: string } = {},
): Event {
  const first = opts.first ?? T0;
  return {
    metadata: { name: `${involved.name}.${(eventSeq++).toString(16)}`, namespace: involved.namespace ?? 'default' },
    involvedObject: involved,
    reason,
    message,
    type: opts.type ?? 'Normal',
    source: { component: opts.component ?? 'kubelet' },
    firstTimestamp: first,
    lastTimestamp: opts.last ?? first,
    count: opts.count ?? 1,
  };
}

/** The tolerations the DaemonSet controller adds to every daemon pod (util.AddOrUpdateDaemonPodTolerations). */
const daemonTolerations: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

const agentContainer: Container = {
  name: 'agent',
  image: 'fluent/fluent-bit:3.1',
  ports: [{ name: 'metrics', containerPort: 2020, protocol: 'TCP' }],
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
  livenessProbe: {
    httpGet: { path: '/', port: 2020, scheme: 'HTTP' },
    initialDelaySeconds: 10,
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  },
  volumeMounts: [
    { name: 'varlog', mountPath: '/var/log', readOnly: true },
    { name: 'config', mountPath: '/fluent-bit/etc/' },
  ],
};

const dsUID = 'ds-uid-1';
const daemonSet: DaemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: {
    name: 'log-agent',
    namespace: 'kube-system',
    uid: dsUID,
    creationTimestamp: T0,
    labels: { app: 'log-agent' },
    annotations: {
      'deprecated.daemonset.template.generation': '1',
      'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1","kind":"DaemonSet"}\n',
    },
  },
  spec: {
    selector: { matchLabels: { app: 'log-agent' } },
    template: {
      metadata: { labels: { app: 'log-agent' } },
      spec: {
        containers: [agentContainer],
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
        volumes: [
          { name: 'varlog', hostPath: { path: '/var/log', type: 'Directory' } },
          { name: 'config', configMap: { name: 'log-agent-config' } },
        ],
      },
    },
  },
  status: {
    currentNumberScheduled: 3,
    desiredNumberScheduled: 3,
    numberMisscheduled: 0,
    numberReady: 2,
    updatedNumberScheduled: 3,
    numberAvailable: 2,
  },
};

/** A daemon pod of log-agent on `node`, as the controller creates it and the kubelet reports it. */
function agentPod(name: string, node: string, phase: string, uid = `pod-${name}`): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'kube-system',
      uid,
      creationTimestamp: T0,
      labels: { app: 'log-agent', 'controller-revision-hash': '5d8c9f7b6d', 'pod-template-generation': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'log-agent', uid: dsUID, controller: true }],
    },
    spec: {
      nodeName: node,
      serviceAccountName: 'default',
      priority: 0,
      containers: [agentContainer],
      tolerations: daemonTolerations,
      volumes: daemonSet.spec!.template.spec!.volumes,
    },
    status: { phase },
  };
}

const runningAgent: Pod = {
  ...agentPod('log-agent-x7k2p', 'worker-1', 'Running'),
  status: {
    phase: 'Running',
    hostIP: '192.168.49.3',
    podIP: '10.244.1.5',
    podIPs: [{ ip: '10.244.1.5' }],
    startTime: T0,
    qosClass: 'Burstable',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True' },
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'True' },
      { type: 'ContainersReady', status: 'True' },
      { type: 'PodScheduled', status: 'True' },
    ],
    containerStatuses: [
      {
        name: 'agent',
        image: 'fluent/fluent-bit:3.1',
        imageID: 'docker.io/fluent/fluent-bit@sha256:0123',
        containerID: 'containerd://4f2a',
        ready: true,
        restartCount: 1,
        started: true,
        state: { running: { startedAt: '2025-01-01T00:05:00Z' } },
        lastState: {
          terminated: {
            exitCode: 137,
            reason: 'OOMKilled',
            startedAt: '2025-01-01T00:00:03Z',
            finishedAt: '2025-01-01T00:04:58Z',
          },
        },
      },
    ],
  },
};

describe('describePod', () => {
  // upstream: TestDescribePodVolumes (the whole output of a pod with nothing but a volume)
  test('TestDescribePodVolumes: a bare pod, whole output', () => {
    const pod: Pod = {
      metadata: { name: 'bar', namespace: 'foo' },
      spec: {
        containers: [],
        volumes: [{ name: 'image', image: { reference: 'image', pullPolicy: 'IfNotPresent' } } as never],
      },
    };
    expect(describePod(pod, [], NOW)).toBe(
      [
        'Name:         bar',
        'Namespace:    foo',
        'Node:         <none>',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       ',
        'IP:           ',
        'IPs:          <none>',
        'Containers: <none>',
        'Volumes:',
        '  image:',
        '    Type:        Image (a container image or OCI artifact)',
        '    Reference:   image',
        '    PullPolicy:  IfNotPresent',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });

  test('a DaemonSet pod on worker-1 with its automatic tolerations, whole output', () => {
    const ref = { kind: 'Pod', name: 'log-agent-x7k2p', namespace: 'kube-system', uid: 'pod-log-agent-x7k2p' };
    const container = { ...ref, fieldPath: 'spec.containers{agent}' };
    const events = [
      event(ref, 'Scheduled', 'Successfully assigned kube-system/log-agent-x7k2p to worker-1', {
        component: 'default-scheduler',
      }),
      event(container, 'Pulled', 'Container image "fluent/fluent-bit:3.1" already present on machine', {
        first: '2025-01-01T00:00:02Z',
        last: '2025-01-01T00:05:00Z',
        count: 2,
      }),
      event(container, 'BackOff', 'Back-off restarting failed container agent in pod log-agent-x7k2p', {
        type: 'Warning',
        first: '2025-01-01T00:04:59Z',
      }),
      // another pod's event, and an event of an earlier pod of the same name (another uid)
      event({ ...ref, name: 'log-agent-q8m3z', uid: 'other' }, 'Scheduled', 'elsewhere', {
        component: 'default-scheduler',
      }),
      event({ ...ref, uid: 'old-uid' }, 'Killing', 'Stopping container agent'),
    ];
    expect(describePod(runningAgent, events, NOW)).toBe(
      [
        'Name:             log-agent-x7k2p',
        'Namespace:        kube-system',
        'Priority:         0',
        'Service Account:  default',
        'Node:             worker-1/192.168.49.3',
        'Start Time:       Wed, 01 Jan 2025 00:00:00 +0000',
        'Labels:           app=log-agent',
        '                  controller-revision-hash=5d8c9f7b6d',
        '                  pod-template-generation=1',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:           10.244.1.5',
        'Controlled By:  DaemonSet/log-agent',
        'Containers:',
        '  agent:',
        '    Container ID:   containerd://4f2a',
        '    Image:          fluent/fluent-bit:3.1',
        '    Image ID:       docker.io/fluent/fluent-bit@sha256:0123',
        '    Port:           2020/TCP (metrics)',
        '    Host Port:      0/TCP (metrics)',
        '    State:          Running',
        '      Started:      Wed, 01 Jan 2025 00:05:00 +0000',
        '    Last State:     Terminated',
        '      Reason:       OOMKilled',
        '      Exit Code:    137',
        '      Started:      Wed, 01 Jan 2025 00:00:03 +0000',
        '      Finished:     Wed, 01 Jan 2025 00:04:58 +0000',
        '    Ready:          True',
        '    Restart Count:  1',
        '    Limits:',
        '      memory:  256Mi',
        '    Requests:',
        '      cpu:        100m',
        '      memory:     128Mi',
        '    Liveness:     http-get http://:2020/ delay=10s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:  <none>',
        '    Mounts:',
        '      /fluent-bit/etc/ from config (rw)',
        '      /var/log from varlog (ro)',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        '  varlog:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /var/log',
        '    HostPathType:  Directory',
        '  config:',
        '    Type:        ConfigMap (a volume populated by a ConfigMap)',
        '    Name:        log-agent-config',
        '    Optional:    false',
        'QoS Class:       Burstable',
        'Node-Selectors:  <none>',
        'Tolerations:     node.kubernetes.io/disk-pressure:NoSchedule op=Exists',
        '                 node.kubernetes.io/memory-pressure:NoSchedule op=Exists',
        '                 node.kubernetes.io/not-ready:NoExecute op=Exists',
        '                 node.kubernetes.io/pid-pressure:NoSchedule op=Exists',
        '                 node.kubernetes.io/unreachable:NoExecute op=Exists',
        '                 node.kubernetes.io/unschedulable:NoSchedule op=Exists',
        'Events:',
        '  Type     Reason     Age                From               Message',
        '  ----     ------     ----               ----               -------',
        '  Normal   Scheduled  60m                default-scheduler  Successfully assigned kube-system/log-agent-x7k2p to worker-1',
        '  Warning  BackOff    55m                kubelet            Back-off restarting failed container agent in pod log-agent-x7k2p',
        '  Normal   Pulled     55m (x2 over 59m)  kubelet            Container image "fluent/fluent-bit:3.1" already present on machine',
        '',
      ].join('\n'),
    );
  });

  // upstream: TestDescribePod
  const deleted = ago(10 * 365 * 24 * H);
  test.each<[string, string, string[], string[]]>([
    [
      'Running',
      'a running pod being deleted',
      ['Status:                    Terminating (lasts 10y)', 'Termination Grace Period:  1234s'],
      [],
    ],
    ['Pending', 'a pending pod being deleted', ['Terminating (lasts 10y)', 'Termination Grace Period:  1234s'], []],
    ['Succeeded', 'a succeeded pod keeps its phase', ['Status:       Succeeded'], ['Terminating']],
    ['Failed', 'a failed pod keeps its phase', ['Status:       Failed'], ['Terminating']],
  ])('TestDescribePod: %s (%s)', (phase, _why, want, dontWant) => {
    const pod: Pod = {
      metadata: { name: 'bar', namespace: 'foo', deletionTimestamp: deleted, deletionGracePeriodSeconds: 1234 },
      spec: { containers: [], readinessGates: [{ conditionType: 'condition1' }, { conditionType: 'condition2' }] },
      status: { phase, conditions: [{ type: 'condition1', status: 'True' }] },
    };
    const out = describePod(pod, null, NOW);
    for (const w of want) expect(out).toContain(w);
    for (const d of dontWant) expect(out).not.toContain(d);
    expect(out).toContain('Readiness Gates:\n  Type         Status\n  condition1   True \n  condition2   <none> \n');
  });

  // upstream: TestDescribePodServiceAccount, TestDescribePodNode, TestDescribePodPriority, TestDescribePodRuntimeClass
  test.each<[string, Pod, string[], string[]]>([
    [
      'TestDescribePodServiceAccount',
      { metadata: { name: 'bar', namespace: 'foo' }, spec: { containers: [], serviceAccountName: 'fooaccount' } },
      ['Service Account:  fooaccount'],
      [],
    ],
    [
      'TestDescribePodNode',
      {
        metadata: { name: 'bar', namespace: 'foo' },
        spec: { containers: [], nodeName: 'all-in-one' },
        status: { hostIP: '127.0.0.1', nominatedNodeName: 'nodeA' },
      },
      ['Node:               all-in-one/127.0.0.1', 'NominatedNodeName:  nodeA'],
      [],
    ],
    [
      'TestDescribePodPriority',
      { metadata: { name: 'bar' }, spec: { containers: [], priorityClassName: 'high-priority', priority: 1000 } },
      ['Priority:             1000', 'Priority Class Name:  high-priority'],
      [],
    ],
    [
      'TestDescribePodRuntimeClass test1',
      { metadata: { name: 'bar' }, spec: { containers: [], runtimeClassName: 'test1' } },
      ['Runtime Class Name:  test1'],
      [],
    ],
    [
      'TestDescribePodRuntimeClass test2 (empty name)',
      { metadata: { name: 'bar' }, spec: { containers: [], runtimeClassName: '' } },
      ['Name:         bar'],
      ['Runtime Class Name'],
    ],
  ])('%s', (_name, pod, want, dontWant) => {
    const out = describePod(pod, [], NOW);
    for (const w of want) expect(linesOf(out)).toContain(w);
    for (const d of dontWant) expect(out).not.toContain(d);
  });

  // upstream: TestDescribePodTolerations
  test('TestDescribePodTolerations', () => {
    const pod: Pod = {
      metadata: { name: 'bar', namespace: 'foo' },
      spec: {
        containers: [],
        tolerations: [
          { operator: 'Exists' },
          { effect: 'NoSchedule', operator: 'Exists' },
          { key: 'key0', operator: 'Exists' },
          { key: 'key1', value: 'value1' },
          { key: 'key2', operator: 'Equal', value: 'value2', effect: 'NoSchedule' },
          { key: 'key3', value: 'value3', effect: 'NoExecute', tolerationSeconds: 300 },
          { key: 'key4', effect: 'NoExecute', tolerationSeconds: 60 },
        ],
      },
    };
    const out = describePod(pod, [], NOW);
    const at = linesOf(out).findIndex((l) => l.startsWith('Tolerations:'));
    expect(linesOf(out).slice(at, at + 7)).toEqual([
      'Tolerations:     op=Exists',
      '                 :NoSchedule op=Exists',
      '                 key0 op=Exists',
      '                 key1=value1',
      '                 key2=value2:NoSchedule',
      '                 key3=value3:NoExecute for 300s',
      '                 key4:NoExecute for 60s',
    ]);
  });

  // upstream: TestDescribeTopologySpreadConstraints
  test('TestDescribeTopologySpreadConstraints', () => {
    const pod: Pod = {
      metadata: { name: 'bar', namespace: 'foo' },
      spec: {
        containers: [],
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'topology.kubernetes.io/test2',
            whenUnsatisfiable: 'ScheduleAnyway',
          },
          {
            maxSkew: 3,
            topologyKey: 'topology.kubernetes.io/test1',
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: { matchLabels: { key1: 'val1', key2: 'val2' } },
          },
        ],
      },
    };
    const out = describePod(pod, [], NOW);
    expect(out).toContain(
      'Topology Spread Constraints:  topology.kubernetes.io/test1:DoNotSchedule when max skew 3 is exceeded for selector key1=val1,key2=val2\n' +
        '                              topology.kubernetes.io/test2:ScheduleAnyway when max skew 1 is exceeded\n',
    );
  });

  // upstream: TestDescribeProjectedVolumesOptionalSecret, plus the other projected sources
  test('TestDescribeProjectedVolumesOptionalSecret: projected, secret and emptyDir volumes', () => {
    const pod: Pod = {
      metadata: { name: 'bar', namespace: 'foo' },
      spec: {
        containers: [],
        volumes: [
          {
            name: 'optional-secret',
            projected: { sources: [{ secret: { name: 'optional-secret', optional: true } }] },
          },
          {
            name: 'kube-api-access-x',
            projected: {
              sources: [
                { serviceAccountToken: { path: 'token', expirationSeconds: 3607 } },
                { configMap: { name: 'kube-root-ca.crt' } },
                { downwardAPI: { items: [] } },
              ],
            },
          },
          { name: 'certs', secret: { secretName: 'tls' } },
          { name: 'scratch', emptyDir: { sizeLimit: '1024Mi' } },
          { name: 'cache', emptyDir: { medium: 'Memory' } },
        ],
      },
    };
    const out = describePod(pod, [], NOW);
    expect(out).toContain('SecretName:  optional-secret\n    Optional:    true');
    const at = linesOf(out).indexOf('Volumes:');
    expect(linesOf(out).slice(at, at + 25)).toEqual([
      'Volumes:',
      '  optional-secret:',
      '    Type:        Projected (a volume that contains injected data from multiple sources)',
      '    SecretName:  optional-secret',
      '    Optional:    true',
      '  kube-api-access-x:',
      '    Type:                    Projected (a volume that contains injected data from multiple sources)',
      '    TokenExpirationSeconds:  3607',
      '    ConfigMapName:           kube-root-ca.crt',
      '    Optional:                false',
      '    DownwardAPI:             true',
      '  certs:',
      '    Type:        Secret (a volume populated by a Secret)',
      '    SecretName:  tls',
      '    Optional:    false',
      '  scratch:',
      "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
      '    Medium:     ',
      '    SizeLimit:  1Gi',
      '  cache:',
      "    Type:        EmptyDir (a temporary directory that shares a pod's lifetime)",
      '    Medium:      Memory',
      '    SizeLimit:   <unset>',
      'QoS Class:       BestEffort',
      'Node-Selectors:  <none>',
    ]);
  });

  // upstream: TestDescribeSeccompProfile
  test.each<[string, Pod, string[]]>([
    [
      'podLocalhostSeccomp',
      {
        metadata: { name: 'p' },
        spec: {
          containers: [],
          securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'lauseafoodpod' } },
        },
      },
      ['SeccompProfile:    Localhost', 'LocalhostProfile:  lauseafoodpod'],
    ],
    [
      'podOther',
      {
        metadata: { name: 'p' },
        spec: { containers: [], securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
      },
      ['SeccompProfile:  RuntimeDefault'],
    ],
    [
      'containerLocalhostSeccomp',
      {
        metadata: { name: 'p' },
        spec: {
          containers: [
            {
              name: 'c',
              securityContext: {
                seccompProfile: { type: 'Localhost', localhostProfile: 'tikkamasalaconatiner' },
              },
            },
          ],
        },
      },
      ['    SeccompProfile:      Localhost', '      LocalhostProfile:  tikkamasalaconatiner'],
    ],
  ])('TestDescribeSeccompProfile: %s', (_name, pod, want) => {
    const out = linesOf(describePod(pod, [], NOW));
    for (const w of want) expect(out).toContain(w);
  });

  // upstream: TestDescribeTerminalEscape; printAnnotationsMultiline skips last-applied-configuration
  test('TestDescribeTerminalEscape, and the last-applied annotation is not shown', () => {
    const pod: Pod = {
      metadata: {
        name: 'bar',
        annotations: {
          annotation1: 'terminal escape: \x1b',
          'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Pod"}',
        },
      },
      spec: { containers: [] },
    };
    const out = describePod(pod, [], NOW);
    expect(out).not.toContain('\x1b');
    expect(linesOf(out)).toContain('Annotations:  annotation1: terminal escape: ^[');
    expect(out).not.toContain('last-applied');
  });

  // upstream: TestPrintLabelsMultiline (printAnnotationsMultiline), seen through the tabwriter
  const key = 'MaxLenAnnotation';
  const value = 'a'.repeat(140 - key.length - 2);
  test.each<[string, Record<string, string>, string[]]>([
    ['sorted, upper case first', { col1: 'asd', COL2: 'zxc' }, ['Annotations:  COL2: zxc', '              col1: asd']],
    ['at the limit', { [key]: value }, [`Annotations:  ${key}: ${value}`]],
    ['one past the limit', { [key]: value + '1' }, [`Annotations:  ${key}:`, `                ${value}1`]],
    ['too long is cut', { [key]: value + value }, [`Annotations:  ${key}:`, `                ${'a'.repeat(138)}...`]],
    [
      'newlines',
      { key: 'value\nwith\nnewlines\n' },
      ['Annotations:  key:', '                value', '                with', '                newlines'],
    ],
    ['none', {}, ['Annotations:  <none>']],
  ])('TestPrintLabelsMultiline: %s', (_name, annotations, want) => {
    const out = linesOf(describePod({ metadata: { name: 'bar', annotations }, spec: { containers: [] } }, [], NOW));
    const at = out.findIndex((l) => l.startsWith('Annotations:'));
    expect(out.slice(at, at + want.length)).toEqual(want);
  });
});

describe('describeContainers', () => {
  const containerLines = (container: Container, status?: ContainerStatus) => {
    const pod: Pod = {
      metadata: { name: 'bar', namespace: 'foo', labels: { app: 'web' }, uid: 'u-1' },
      spec: { containers: [container] },
      status: status ? { containerStatuses: [status] } : {},
    };
    const out = describePod(pod, [], NOW);
    return out.slice(out.indexOf('Containers:'), out.indexOf('QoS Class:'));
  };
  const base: ContainerStatus = { name: 'test', image: 'image', imageID: '', ready: true, restartCount: 7 };

  // upstream: TestDescribeContainers (state cases, env, command, args, resources, mounts, devices)
  test.each<[string, Container, ContainerStatus | undefined, string[]]>([
    [
      'running state',
      { name: 'test', image: 'image' },
      { ...base, state: { running: { startedAt: '2025-01-01T00:59:00Z' } } },
      [
        '    State:          Running',
        '      Started:      Wed, 01 Jan 2025 00:59:00 +0000',
        '    Ready:          True',
        '    Restart Count:  7',
      ],
    ],
    [
      'waiting state',
      { name: 'test', image: 'image' },
      { ...base, state: { waiting: { reason: 'potato' } } },
      ['    State:          Waiting', '      Reason:       potato'],
    ],
    [
      'terminated state',
      { name: 'test', image: 'image' },
      {
        ...base,
        state: {
          terminated: { startedAt: T0, finishedAt: T0, reason: 'potato', exitCode: 2, signal: 9, message: 'oom' },
        },
      },
      [
        '    State:          Terminated',
        '      Reason:       potato',
        '      Message:      oom',
        '      Exit Code:    2',
        '      Signal:       9',
        '      Started:      Wed, 01 Jan 2025 00:00:00 +0000',
        '      Finished:     Wed, 01 Jan 2025 00:00:00 +0000',
      ],
    ],
    [
      'last terminated',
      { name: 'test', image: 'image' },
      {
        ...base,
        state: { running: { startedAt: T0 } },
        lastState: { terminated: { startedAt: T0, finishedAt: T0, reason: 'crashing', exitCode: 3 } },
      },
      ['    Last State:     Terminated', '      Reason:       crashing', '      Exit Code:    3'],
    ],
    ['no state defaults to waiting', { name: 'test', image: 'image' }, base, ['    State:          Waiting']],
    [
      'env and envFrom',
      {
        name: 'test',
        image: 'image',
        env: [{ name: 'envname', value: 'xyz' }],
        envFrom: [
          { configMapRef: { name: 'a123' } },
          { prefix: 'p_', configMapRef: { name: 'b123', optional: true } },
          { secretRef: { name: 'c123', optional: true } },
          { prefix: 'p_', secretRef: { name: 'd123' } },
        ],
      },
      base,
      [
        '    Environment Variables from:',
        '      a123  ConfigMap                   Optional: false',
        "      b123  ConfigMap with prefix 'p_'  Optional: true",
        '      c123  Secret                      Optional: true',
        "      d123  Secret with prefix 'p_'     Optional: false",
        '    Environment:',
        '      envname:   xyz',
      ],
    ],
    [
      'command and args with newlines',
      { name: 'test', image: 'image', command: ['sleep', '1000\n2000'], args: ['time', '1000'] },
      base,
      ['    Command:', '      sleep', '      1000', '      2000', '    Args:', '      time', '      1000'],
    ],
    [
      'limits and requests',
      {
        name: 'test',
        image: 'image',
        resources: {
          limits: { cpu: '1000', memory: '4G', storage: '20G' },
          requests: { cpu: '0.5', memory: '1536Mi' },
        },
      },
      base,
      [
        '    Limits:',
        '      cpu:      1k',
        '      memory:   4G',
        '      storage:  20G',
        '    Requests:',
        '      cpu:        500m',
        '      memory:     1536Mi',
      ],
    ],
    [
      'volume mounts and devices',
      {
        name: 'test',
        image: 'image',
        volumeMounts: [
          { name: 'mounted-volume', mountPath: '/opt/', subPath: 'foo' },
          { name: 'ro-volume', mountPath: '/etc/ro', readOnly: true },
        ],
        volumeDevices: [{ name: 'volume-device', devicePath: '/dev/xvda' }],
      },
      undefined,
      [
        '    Mounts:',
        '      /etc/ro from ro-volume (ro)',
        '      /opt/ from mounted-volume (rw,path="foo")',
        '    Devices:',
        '      /dev/xvda from volume-device',
      ],
    ],
  ])('TestDescribeContainers: %s', (_name, container, status, want) => {
    const out = linesOf(containerLines(container, status));
    const at = out.indexOf(want[0]);
    expect(at).toBeGreaterThan(0);
    expect(out.slice(at, at + want.length)).toEqual(want);
  });

  test('a container without a status has no ID, state or restart count', () => {
    expect(containerLines({ name: 'test', image: 'image' })).toBe(
      [
        'Containers:',
        '  test:',
        '    Image:        image',
        '    Port:         <none>',
        '    Host Port:    <none>',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        'Volumes:          <none>',
        '',
      ].join('\n'),
    );
  });

  // describeContainerEnvVars: fieldRef (resolved only for metadata, as kubectl's fieldpath does), resourceFieldRef, key refs
  test('describeContainerEnvVars: valueFrom sources', () => {
    const out = linesOf(
      containerLines({
        name: 'test',
        image: 'image',
        resources: { limits: { memory: '256Mi' }, requests: { cpu: '250m' } },
        env: [
          { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
          { name: 'APP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['app']" } } },
          { name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
          { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
          { name: 'CPU_REQUEST', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
          { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
          { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'creds', key: 'token' } } },
          { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'level', optional: true } } },
          { name: 'MULTI', value: 'one\ntwo' },
        ],
      }),
    );
    const at = out.indexOf('    Environment:');
    expect(out.slice(at, at + 11)).toEqual([
      '    Environment:',
      '      POD_NAME:     bar (v1:metadata.name)',
      "      APP:          web (v1:metadata.labels['app'])",
      '      NODE_NAME:     (v1:spec.nodeName)',
      '      CPU_LIMIT:    node allocatable (limits.cpu)',
      '      CPU_REQUEST:  250 (requests.cpu)',
      '      MEM_LIMIT:    256 (limits.memory)',
      "      TOKEN:        <set to the key 'token' in secret 'creds'>    Optional: false",
      "      LEVEL:        <set to the key 'level' of config map 'cfg'>  Optional: true",
      '      MULTI:        one',
      '                    two',
    ]);
  });

  // upstream: TestDescribeContainerPorts
  test.each<[string, Container['ports'], string, string]>([
    ['no ports', [], '    Port:         <none>', '    Host Port:    <none>'],
    [
      'container and host port, with name',
      [{ name: 'web', containerPort: 8080, hostPort: 8080, protocol: 'TCP' }],
      '    Port:         8080/TCP (web)',
      '    Host Port:    8080/TCP (web)',
    ],
    [
      'multiple ports with mixed configuration',
      [
        { name: 'controller', containerPort: 9093, hostPort: 9093, protocol: 'TCP' },
        { containerPort: 9092, protocol: 'TCP' },
        { name: 'interbroker', containerPort: 9094, hostPort: 9094, protocol: 'TCP' },
      ],
      '    Ports:        9093/TCP (controller), 9092/TCP, 9094/TCP (interbroker)',
      '    Host Ports:   9093/TCP (controller), 0/TCP, 9094/TCP (interbroker)',
    ],
  ])('TestDescribeContainerPorts: %s', (_name, ports, port, hostPort) => {
    const out = linesOf(containerLines({ name: 'test', image: 'image', ports }));
    expect(out).toContain(port);
    expect(out).toContain(hostPort);
  });

  // DescribeProbe
  test.each<[string, Probe, string]>([
    [
      'http-get with defaults',
      {
        httpGet: { path: '/healthz', port: 8080 },
        timeoutSeconds: 1,
        periodSeconds: 10,
        successThreshold: 1,
        failureThreshold: 3,
      },
      'http-get //:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
    ],
    [
      'https with a host and a named port',
      { httpGet: { host: 'example.com', path: 'ready', port: 'https', scheme: 'HTTPS' }, initialDelaySeconds: 5 },
      'http-get https://example.com:https/ready delay=5s timeout=0s period=0s #success=0 #failure=0',
    ],
    [
      'exec',
      { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 },
      'exec [cat /tmp/healthy] delay=0s timeout=0s period=5s #success=0 #failure=0',
    ],
    [
      'tcp-socket',
      { tcpSocket: { port: 6379 } },
      'tcp-socket :6379 delay=0s timeout=0s period=0s #success=0 #failure=0',
    ],
  ])('DescribeProbe: %s', (_name, probe, want) => {
    expect(describeProbe(probe)).toBe(want);
  });
});

/** Like the simulator's default worker: 4 CPU, 16Gi, 110 pods; here lost (Unknown) and tainted. */
const worker1: Node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'worker-1',
    uid: 'node-uid-1',
    creationTimestamp: T0,
    labels: {
      'kubernetes.io/hostname': 'worker-1',
      'kubernetes.io/os': 'linux',
      'node-role.kubernetes.io/worker': '',
    },
    annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
  },
  spec: {
    taints: [
      { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2025-01-01T00:50:00Z' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
    ],
  },
  status: {
    capacity: { cpu: '4', 'ephemeral-storage': '102400Mi', memory: '16Gi', pods: '110' },
    allocatable: { cpu: '4', 'ephemeral-storage': '102400Mi', memory: '16Gi', pods: '110' },
    conditions: [
      {
        type: 'MemoryPressure',
        status: 'Unknown',
        lastHeartbeatTime: '2025-01-01T00:49:00Z',
        lastTransitionTime: '2025-01-01T00:50:00Z',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
      },
      {
        type: 'Ready',
        status: 'Unknown',
        lastHeartbeatTime: '2025-01-01T00:49:00Z',
        lastTransitionTime: '2025-01-01T00:50:00Z',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
      },
    ],
    addresses: [
      { type: 'InternalIP', address: '192.168.49.3' },
      { type: 'Hostname', address: 'worker-1' },
    ],
    nodeInfo: {
      machineID: 'm1',
      systemUUID: 's1',
      bootID: 'b1',
      kernelVersion: '6.8.0-45-generic',
      osImage: 'Ubuntu 24.04.1 LTS',
      operatingSystem: 'linux',
      architecture: 'amd64',
      containerRuntimeVersion: 'containerd://2.1.4',
      kubeletVersion: 'v1.34.1',
      kubeProxyVersion: '',
    },
  },
};

const webPod: Pod = {
  metadata: { name: 'web', namespace: 'default', creationTimestamp: '2025-01-01T00:30:00Z' },
  spec: {
    nodeName: 'worker-1',
    containers: [
      {
        name: 'web',
        image: 'nginx',
        resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
      },
    ],
  },
  status: { phase: 'Running' },
};
const finishedPod: Pod = {
  metadata: { name: 'pi-abcde', namespace: 'default', creationTimestamp: T0 },
  spec: { nodeName: 'worker-1', containers: [{ name: 'pi', resources: { requests: { cpu: '3' } } }] },
  status: { phase: 'Succeeded' },
};

describe('describeNode', () => {
  test('a tainted, lost worker with a daemon pod and a web pod, whole output', () => {
    const events = [
      event(
        { kind: 'Node', name: 'worker-1', uid: 'node-uid-1' },
        'NodeNotReady',
        'Node worker-1 status is now: NodeNotReady',
        {
          first: '2025-01-01T00:50:00Z',
          component: 'node-controller',
        },
      ),
      // the kubelet uses the node's name as the uid
      event(
        { kind: 'Node', name: 'worker-1', uid: 'worker-1' },
        'NodeHasSufficientMemory',
        'Node worker-1 status is now: NodeHasSufficientMemory',
      ),
      // another node's, and a pod's of the same name
      event({ kind: 'Node', name: 'worker-2', uid: 'worker-2' }, 'NodeReady', 'Node worker-2 status is now: NodeReady'),
      event({ kind: 'Pod', name: 'worker-1', namespace: 'default', uid: 'p' }, 'Scheduled', 'a pod named worker-1'),
    ];
    const out = describeNode(worker1, [runningAgent, webPod, finishedPod], events, NOW, {
      spec: { holderIdentity: 'worker-1', renewTime: '2025-01-01T00:49:05.000000Z' },
    });
    expect(out).toBe(
      [
        'Name:               worker-1',
        'Roles:              worker',
        'Labels:             kubernetes.io/hostname=worker-1',
        '                    kubernetes.io/os=linux',
        '                    node-role.kubernetes.io/worker=',
        'Annotations:        node.alpha.kubernetes.io/ttl: 0',
        'CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000',
        'Taints:             node.kubernetes.io/unreachable:NoExecute',
        '                    dedicated=gpu:NoSchedule',
        '                    node.kubernetes.io/unreachable:NoSchedule',
        'Unschedulable:      false',
        'Lease:',
        '  HolderIdentity:  worker-1',
        '  AcquireTime:     <unset>',
        '  RenewTime:       Wed, 01 Jan 2025 00:49:05 +0000',
        'Conditions:',
        '  Type             Status    LastHeartbeatTime                 LastTransitionTime                Reason              Message',
        '  ----             ------    -----------------                 ------------------                ------              -------',
        '  MemoryPressure   Unknown   Wed, 01 Jan 2025 00:49:00 +0000   Wed, 01 Jan 2025 00:50:00 +0000   NodeStatusUnknown   Kubelet stopped posting node status.',
        '  Ready            Unknown   Wed, 01 Jan 2025 00:49:00 +0000   Wed, 01 Jan 2025 00:50:00 +0000   NodeStatusUnknown   Kubelet stopped posting node status.',
        'Addresses:',
        '  InternalIP:  192.168.49.3',
        '  Hostname:    worker-1',
        'Capacity:',
        '  cpu:                4',
        '  ephemeral-storage:  100Gi',
        '  memory:             16Gi',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                4',
        '  ephemeral-storage:  100Gi',
        '  memory:             16Gi',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 m1',
        '  System UUID:                s1',
        '  Boot ID:                    b1',
        '  Kernel Version:             6.8.0-45-generic',
        '  OS Image:                   Ubuntu 24.04.1 LTS',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://2.1.4',
        '  Kubelet Version:            v1.34.1',
        '  Kube-Proxy Version:         ',
        'Non-terminated Pods:          (2 in total)',
        '  Namespace                   Name               CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----               ------------  ----------  ---------------  -------------  ---',
        '  default                     web                1 (25%)       2 (50%)     1Gi (6%)         2Gi (12%)      30m',
        '  kube-system                 log-agent-x7k2p    100m (2%)     0 (0%)      128Mi (0%)       256Mi (1%)     60m',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests     Limits',
        '  --------           --------     ------',
        '  cpu                1100m (27%)  2 (50%)',
        '  memory             1152Mi (7%)  2304Mi (14%)',
        '  ephemeral-storage  0 (0%)       0 (0%)',
        'Events:',
        '  Type    Reason                   Age   From             Message',
        '  ----    ------                   ----  ----             -------',
        '  Normal  NodeHasSufficientMemory  60m   kubelet          Node worker-1 status is now: NodeHasSufficientMemory',
        '  Normal  NodeNotReady             10m   node-controller  Node worker-1 status is now: NodeNotReady',
        '',
      ].join('\n'),
    );
  });

  const hugeNode = (extra: Partial<Node['spec']> = {}): Node => ({
    metadata: { name: 'bar', uid: 'uid' },
    spec: { unschedulable: true, ...extra },
    status: {
      capacity: { 'hugepages-2Mi': '4Gi', cpu: '8', memory: '24Gi', 'hugepages-1Gi': '0' },
      allocatable: { 'hugepages-2Mi': '2Gi', cpu: '4', memory: '12Gi', 'hugepages-1Gi': '0' },
    },
  });
  const hugepagesContainer: Container = {
    name: 'hugepages',
    image: 'image:latest',
    resources: { requests: { 'hugepages-2Mi': '512Mi' }, limits: { 'hugepages-2Mi': '512Mi' } },
  };
  const cpuMem: Container = {
    name: 'cpu-mem',
    image: 'image:latest',
    resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
  };
  const allocated = (out: string) => {
    const l = linesOf(out);
    const at = l.indexOf('Allocated resources:');
    return l
      .slice(
        at,
        l.findIndex((x, i) => i > at && x.startsWith('Events:')),
      )
      .join('\n');
  };

  // upstream: TestDescribeNode
  test('TestDescribeNode: hugepages in Allocated resources; the kubelet event (uid = name) is listed', () => {
    const pod: Pod = {
      metadata: { name: 'pod-with-resources', namespace: 'foo' },
      spec: { nodeName: 'bar', containers: [cpuMem, hugepagesContainer] },
      status: { phase: 'Running' },
    };
    const events = [
      event({ kind: 'Node', name: 'bar', uid: 'bar' }, '', 'Node bar status is now: NodeHasNoDiskPressure', {
        first: '2014-01-15T00:00:00Z',
      }),
      // upstream's fake clientset ignores field selectors; the API server would not return this one (foreign uid)
      event(
        { kind: 'Node', name: 'bar', uid: '0ceac5fb-a393-49d7-b04f-9ea5f18de5e9' },
        '',
        'Node bar status is now: NodeReady',
        {
          first: '2014-01-15T00:00:00Z',
          count: 2,
        },
      ),
    ];
    const out = describeNode(hugeNode(), [pod], events, NOW, { spec: { holderIdentity: 'holder' } });
    expect(linesOf(out)).toContain('Unschedulable:      true');
    expect(linesOf(out)).toContain('  HolderIdentity:  holder');
    expect(allocated(out)).toBe(
      [
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests     Limits',
        '  --------           --------     ------',
        '  cpu                1 (25%)      2 (50%)',
        '  memory             1Gi (8%)     2Gi (16%)',
        '  ephemeral-storage  0 (0%)       0 (0%)',
        '  hugepages-1Gi      0 (0%)       0 (0%)',
        '  hugepages-2Mi      512Mi (25%)  512Mi (25%)',
      ].join('\n'),
    );
    expect(out).toContain('Node bar status is now: NodeHasNoDiskPressure');
    expect(out).not.toContain('Node bar status is now: NodeReady');
  });

  // upstream: TestDescribeNodeWithSidecar
  test('TestDescribeNodeWithSidecar: a sidecar adds to the requests, a plain init container sets a floor', () => {
    const pod: Pod = {
      metadata: { name: 'pod-with-resources', namespace: 'foo' },
      spec: {
        nodeName: 'bar',
        initContainers: [
          { name: 'init-container-1', restartPolicy: 'Always', resources: { requests: { cpu: '1', memory: '1Gi' } } },
          { name: 'init-container-2', resources: { requests: { cpu: '1', memory: '1Gi' } } },
        ],
        containers: [cpuMem, hugepagesContainer],
      },
      status: { phase: 'Running' },
    };
    expect(allocated(describeNode(hugeNode(), [pod], [], NOW))).toBe(
      [
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests     Limits',
        '  --------           --------     ------',
        '  cpu                2 (50%)      2 (50%)',
        '  memory             2Gi (16%)    2Gi (16%)',
        '  ephemeral-storage  0 (0%)       0 (0%)',
        '  hugepages-1Gi      0 (0%)       0 (0%)',
        '  hugepages-2Mi      512Mi (25%)  512Mi (25%)',
      ].join('\n'),
    );
  });

  // upstream: TestDescribeNodeWithPodLevelResources
  test('TestDescribeNodeWithPodLevelResources', () => {
    const node: Node = {
      metadata: { name: 'bar', uid: 'uid' },
      status: { capacity: { cpu: '8', memory: '24Gi' }, allocatable: { cpu: '4', memory: '12Gi' } },
    };
    const pod = {
      metadata: { name: 'pod-with-pod-level-resources', namespace: 'foo' },
      spec: {
        nodeName: 'bar',
        resources: { requests: { cpu: '2', memory: '4Gi' }, limits: { cpu: '4', memory: '8Gi' } },
        containers: [
          { name: 'container-1', image: 'image:latest' },
          { name: 'container-2', image: 'image:latest' },
        ],
      },
      status: { phase: 'Running' },
    } as Pod;
    const out = describeNode(node, [pod], [], NOW);
    expect(out).toContain('pod-with-pod-level-resources    2 (50%)       4 (100%)    4Gi (33%)        8Gi (66%)');
    expect(allocated(out)).toBe(
      [
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests   Limits',
        '  --------           --------   ------',
        '  cpu                2 (50%)    4 (100%)',
        '  memory             4Gi (33%)  8Gi (66%)',
        '  ephemeral-storage  0 (0%)     0 (0%)',
      ].join('\n'),
    );
    expect(describePod(pod, null, NOW)).toContain(
      'Resources:\n  Limits:\n    cpu:     4\n    memory:  8Gi\n  Requests:\n    cpu:     2\n    memory:  4Gi\n',
    );
  });

  test('no pods: an empty table, and Events: <none> aligned with the totals', () => {
    const out = linesOf(describeNode(hugeNode(), [finishedPod], [], NOW));
    const at = out.indexOf('Non-terminated Pods:          (0 in total)');
    expect(at).toBeGreaterThan(0);
    expect(out.slice(-3)).toEqual(['  hugepages-2Mi      0 (0%)    0 (0%)', 'Events:              <none>', '']);
  });

  test('the Lease: the kubelet renews every 10s; stops at the last heartbeat once Unknown; missing', () => {
    const healthy: Node = {
      metadata: { name: 'worker-2', creationTimestamp: T0 },
      status: { conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: T0 }] },
    };
    expect(kubeletLease(healthy, Date.parse('2025-01-01T00:03:27Z')).spec).toEqual({
      holderIdentity: 'worker-2',
      leaseDurationSeconds: 40,
      renewTime: '2025-01-01T00:03:20.000000Z',
    });
    expect(kubeletLease(worker1, NOW).spec?.renewTime).toBe('2025-01-01T00:49:00.000000Z');
    expect(describeNode(healthy, [], null, Date.parse('2025-01-01T00:03:27Z'))).toContain(
      'Lease:\n  HolderIdentity:  worker-2\n  AcquireTime:     <unset>\n  RenewTime:       Wed, 01 Jan 2025 00:03:20 +0000\n',
    );
    expect(linesOf(describeNode(healthy, [], null, NOW, null))).toContain(
      'Lease:              Failed to get lease: leases.coordination.k8s.io "worker-2" not found',
    );
  });
});

describe('describeDaemonSet', () => {
  // upstream: TestDescribeDaemonSet
  test('TestDescribeDaemonSet', () => {
    const ds: DaemonSet = {
      metadata: { name: 'bar', namespace: 'foo' },
      spec: {
        selector: { matchLabels: { 'node-role.kubernetes.io/control-plane': 'true' } },
        template: { spec: { containers: [{ name: '', image: 'mytest-image:latest' }] } },
      },
    };
    const out = describeDaemonSet(ds, [], [], NOW);
    for (const want of [
      'Name:           bar',
      'Namespace:      foo',
      'Selector:       node-role.kubernetes.io/control-plane=true',
    ]) {
      expect(linesOf(out)).toContain(want);
    }
    expect(out).toContain('  Containers:\n   :\n    Image:         mytest-image:latest\n');
  });

  test('log-agent: Pods Status counts the pods it controls, whole output', () => {
    const ref = { kind: 'DaemonSet', name: 'log-agent', namespace: 'kube-system', uid: dsUID, apiVersion: 'apps/v1' };
    const pods = [
      runningAgent,
      agentPod('log-agent-q8m3z', 'worker-2', 'Running'),
      agentPod('log-agent-b4n7c', 'worker-3', 'Pending'),
      agentPod('log-agent-old01', 'worker-3', 'Failed'),
      // an orphan with the same labels, and a pod of another DaemonSet of the same name (another uid)
      {
        ...agentPod('log-agent-orphan', 'worker-1', 'Running'),
        metadata: { name: 'orphan', namespace: 'kube-system', labels: { app: 'log-agent' } },
      },
      {
        ...agentPod('log-agent-zzz', 'worker-1', 'Running'),
        metadata: {
          ...agentPod('log-agent-zzz', 'worker-1', 'Running').metadata,
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'log-agent', uid: 'older', controller: true },
          ],
        },
      },
    ];
    const events = [
      event(ref, 'SuccessfulCreate', 'Created pod: log-agent-x7k2p', { component: 'daemonset-controller' }),
      event(ref, 'SuccessfulCreate', 'Created pod: log-agent-q8m3z', { component: 'daemonset-controller' }),
      event(ref, 'SuccessfulCreate', 'Created pod: log-agent-b4n7c', { component: 'daemonset-controller' }),
      event(ref, 'SuccessfulDelete', 'Deleted pod: log-agent-old01', {
        component: 'daemonset-controller',
        first: '2025-01-01T00:40:00Z',
      }),
      event({ ...ref, kind: 'Job' }, 'SuccessfulCreate', 'a Job of the same name'),
    ];
    expect(describeDaemonSet(daemonSet, pods, events, NOW)).toBe(
      [
        'Name:           log-agent',
        'Namespace:      kube-system',
        'Selector:       app=log-agent',
        'Node-Selector:  <none>',
        'Labels:         app=log-agent',
        'Annotations:    deprecated.daemonset.template.generation: 1',
        'Desired Number of Nodes Scheduled: 3',
        'Current Number of Nodes Scheduled: 3',
        'Number of Nodes Scheduled with Up-to-date Pods: 3',
        'Number of Nodes Scheduled with Available Pods: 2',
        'Number of Nodes Misscheduled: 0',
        'Pods Status:  2 Running / 1 Waiting / 0 Succeeded / 1 Failed',
        'Pod Template:',
        '  Labels:  app=log-agent',
        '  Containers:',
        '   agent:',
        '    Image:      fluent/fluent-bit:3.1',
        '    Port:       2020/TCP (metrics)',
        '    Host Port:  0/TCP (metrics)',
        '    Limits:',
        '      memory:  256Mi',
        '    Requests:',
        '      cpu:        100m',
        '      memory:     128Mi',
        '    Liveness:     http-get http://:2020/ delay=10s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:  <none>',
        '    Mounts:',
        '      /fluent-bit/etc/ from config (rw)',
        '      /var/log from varlog (ro)',
        '  Volumes:',
        '   varlog:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /var/log',
        '    HostPathType:  Directory',
        '   config:',
        '    Type:          ConfigMap (a volume populated by a ConfigMap)',
        '    Name:          log-agent-config',
        '    Optional:      false',
        '  Node-Selectors:  <none>',
        '  Tolerations:     node-role.kubernetes.io/control-plane:NoSchedule op=Exists',
        'Events:',
        '  Type    Reason            Age   From                  Message',
        '  ----    ------            ----  ----                  -------',
        '  Normal  SuccessfulCreate  60m   daemonset-controller  Created pod: log-agent-x7k2p',
        '  Normal  SuccessfulCreate  60m   daemonset-controller  Created pod: log-agent-q8m3z',
        '  Normal  SuccessfulCreate  60m   daemonset-controller  Created pod: log-agent-b4n7c',
        '  Normal  SuccessfulDelete  20m   daemonset-controller  Deleted pod: log-agent-old01',
        '',
      ].join('\n'),
    );
  });
});

describe('describeJob', () => {
  // upstream: TestDescribeJob
  test.each<[string, Job['spec'], Job['status'], string[], string[]]>([
    [
      'empty job',
      { template: {} },
      undefined,
      ['Completions:    <unset>', 'Pods Statuses:  0 Active / 0 Succeeded / 0 Failed'],
      ['Completed Indexes:', 'Suspend:', 'Backoff Limit:', 'TTL Seconds After Finished:'],
    ],
    [
      'no completed indexes',
      { template: {}, completionMode: 'Indexed' },
      undefined,
      ['Completed Indexes:  <none>'],
      [],
    ],
    [
      'few completed indexes',
      { template: {}, completionMode: 'Indexed' },
      { completedIndexes: '0-5,7,9,10,12,13,15,16,18,20,21,23,24,26,27,29,30,32' },
      ['Completed Indexes:  0-5,7,9,10,12,13,15,16,18,20,21,23,24,26,27,29,30,32'],
      [],
    ],
    [
      'too many completed indexes',
      { template: {}, completionMode: 'Indexed' },
      { completedIndexes: '0-5,7,9,10,12,13,15,16,18,20,21,23,24,26,27,29,30,32-34,36,37' },
      ['Completed Indexes:  0-5,7,9,10,12,13,15,16,18,20,21,23,24,26,27,29,30,32-34,...'],
      [],
    ],
    [
      'suspend set to true',
      { template: {}, suspend: true, ttlSecondsAfterFinished: 123, backoffLimit: 1 },
      undefined,
      ['Suspend:                     true', 'TTL Seconds After Finished:  123', 'Backoff Limit:               1'],
      [],
    ],
    ['suspend set to false', { template: {}, suspend: false }, undefined, ['Suspend:        false'], []],
  ])('TestDescribeJob: %s', (_name, spec, status, want, dontWant) => {
    const out = describeJob({ metadata: { name: 'bar', namespace: 'foo' }, spec, status }, [], [], NOW);
    for (const w of want) expect(linesOf(out)).toContain(w);
    for (const d of dontWant) expect(out).not.toContain(d);
  });

  test('a failed Job with retries, whole output', () => {
    const job: Job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'flaky',
        namespace: 'default',
        uid: 'job-uid',
        labels: { 'batch.kubernetes.io/controller-uid': 'job-uid', 'batch.kubernetes.io/job-name': 'flaky' },
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'cj', controller: true }],
      },
      spec: {
        parallelism: 1,
        completions: 1,
        backoffLimit: 2,
        completionMode: 'NonIndexed',
        suspend: false,
        activeDeadlineSeconds: 600,
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'job-uid' } },
        template: {
          metadata: {
            labels: { 'batch.kubernetes.io/controller-uid': 'job-uid', 'batch.kubernetes.io/job-name': 'flaky' },
          },
          spec: {
            restartPolicy: 'Never',
            containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'exit 1'] }],
          },
        },
      },
      status: { startTime: '2025-01-01T00:10:00Z', active: 0, failed: 3, ready: 0 },
    };
    const ref = { kind: 'Job', name: 'flaky', namespace: 'default', uid: 'job-uid', apiVersion: 'batch/v1' };
    const events = [
      event(ref, 'SuccessfulCreate', 'Created pod: flaky-a', {
        component: 'job-controller',
        first: '2025-01-01T00:10:00Z',
        last: '2025-01-01T00:14:00Z',
        count: 3,
      }),
      event(ref, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', {
        type: 'Warning',
        component: 'job-controller',
        first: '2025-01-01T00:15:00Z',
      }),
    ];
    expect(describeJob(job, [], events, NOW)).toBe(
      [
        'Name:                     flaky',
        'Namespace:                default',
        'Selector:                 batch.kubernetes.io/controller-uid=job-uid',
        'Labels:                   batch.kubernetes.io/controller-uid=job-uid',
        '                          batch.kubernetes.io/job-name=flaky',
        'Annotations:              <none>',
        'Controlled By:            CronJob/nightly',
        'Parallelism:              1',
        'Completions:              1',
        'Completion Mode:          NonIndexed',
        'Suspend:                  false',
        'Backoff Limit:            2',
        'Start Time:               Wed, 01 Jan 2025 00:10:00 +0000',
        'Active Deadline Seconds:  600s',
        'Pods Statuses:            0 Active (0 Ready) / 0 Succeeded / 3 Failed',
        'Pod Template:',
        '  Labels:  batch.kubernetes.io/controller-uid=job-uid',
        '           batch.kubernetes.io/job-name=flaky',
        '  Containers:',
        '   main:',
        '    Image:      busybox',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      sh',
        '      -c',
        '      exit 1',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type     Reason                Age                From            Message',
        '  ----     ------                ----               ----            -------',
        '  Normal   SuccessfulCreate      46m (x3 over 50m)  job-controller  Created pod: flaky-a',
        '  Warning  BackoffLimitExceeded  45m                job-controller  Job has reached the specified backoff limit',
        '',
      ].join('\n'),
    );
  });

  test('a completed Job: Completed At and Duration', () => {
    const out = linesOf(
      describeJob(
        {
          metadata: { name: 'pi', namespace: 'default' },
          spec: { template: {} },
          status: { startTime: T0, completionTime: '2025-01-01T00:03:10Z', succeeded: 1 },
        },
        [],
        [],
        NOW,
      ),
    );
    expect(out).toContain('Completed At:   Wed, 01 Jan 2025 00:03:10 +0000');
    expect(out).toContain('Duration:       3m10s');
    expect(out).toContain('Pods Statuses:  0 Active / 1 Succeeded / 0 Failed');
  });
});

describe('describeCronJob', () => {
  // upstream: TestDescribeCronJob
  test('TestDescribeCronJob: standard cronjob', () => {
    const cj: CronJob = {
      metadata: { name: 'bar', namespace: 'foo' },
      spec: {
        schedule: '*/5 * * * *',
        concurrencyPolicy: 'Forbid',
        suspend: false,
        timeZone: 'America/New_York',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        startingDeadlineSeconds: 200,
        jobTemplate: {
          spec: {
            selector: {},
            parallelism: 4,
            completions: 5,
            activeDeadlineSeconds: 400,
            template: { spec: { containers: [] } },
          },
        },
      },
    };
    const out = linesOf(describeCronJob(cj, [], NOW));
    for (const want of [
      'Name:                          bar',
      'Namespace:                     foo',
      'Schedule:                      */5 * * * *',
      'Concurrency Policy:            Forbid',
      'Suspend:                       False',
      'Successful Job History Limit:  3',
      'Failed Job History Limit:      1',
      'Starting Deadline Seconds:     200s',
      'Selector:                      ',
      'Parallelism:                   4',
      'Completions:                   5',
      'Active Deadline Seconds:       400s',
      'Last Schedule Time:  <unset>',
      'Active Jobs:         <none>',
      'Events:              <none>',
    ]) {
      expect(out).toContain(want);
    }
    // kubectl 1.34's describeCronJob has no Time Zone line, even when spec.timeZone is set.
    expect(out.some((l) => l.startsWith('Time Zone'))).toBe(false);
  });

  test('a scheduled CronJob with active Jobs, whole output', () => {
    const cj: CronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello', namespace: 'default', uid: 'cj-uid' },
      spec: {
        schedule: '* * * * *',
        concurrencyPolicy: 'Allow',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: {
          spec: {
            template: {
              spec: {
                restartPolicy: 'OnFailure',
                containers: [{ name: 'hello', image: 'busybox:1.28', command: ['/bin/sh', '-c', 'date'] }],
              },
            },
          },
        },
      },
      status: {
        lastScheduleTime: '2025-01-01T00:59:00Z',
        active: [
          { kind: 'Job', name: 'hello-28930138', namespace: 'default' },
          { kind: 'Job', name: 'hello-28930139', namespace: 'default' },
        ],
      },
    };
    const ref = { kind: 'CronJob', name: 'hello', namespace: 'default', uid: 'cj-uid', apiVersion: 'batch/v1' };
    const events = [
      event(ref, 'SuccessfulCreate', 'Created job hello-28930139', {
        component: 'cronjob-controller',
        first: '2025-01-01T00:59:00Z',
      }),
      event(ref, 'SawCompletedJob', 'Saw completed job: hello-28930137, condition: Complete', {
        component: 'cronjob-controller',
        first: '2025-01-01T00:58:10Z',
      }),
    ];
    expect(describeCronJob(cj, events, NOW)).toBe(
      [
        'Name:                          hello',
        'Namespace:                     default',
        'Labels:                        <none>',
        'Annotations:                   <none>',
        'Schedule:                      * * * * *',
        'Concurrency Policy:            Allow',
        'Suspend:                       <unset>',
        'Successful Job History Limit:  3',
        'Failed Job History Limit:      1',
        'Starting Deadline Seconds:     <unset>',
        'Selector:                      <unset>',
        'Parallelism:                   <unset>',
        'Completions:                   <unset>',
        'Pod Template:',
        '  Labels:  <none>',
        '  Containers:',
        '   hello:',
        '    Image:      busybox:1.28',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      /bin/sh',
        '      -c',
        '      date',
        '    Environment:     <none>',
        '    Mounts:          <none>',
        '  Volumes:           <none>',
        '  Node-Selectors:    <none>',
        '  Tolerations:       <none>',
        'Last Schedule Time:  Wed, 01 Jan 2025 00:59:00 +0000',
        'Active Jobs:         hello-28930138, hello-28930139',
        'Events:',
        '  Type    Reason            Age   From                Message',
        '  ----    ------            ----  ----                -------',
        '  Normal  SawCompletedJob   110s  cronjob-controller  Saw completed job: hello-28930137, condition: Complete',
        '  Normal  SuccessfulCreate  60s   cronjob-controller  Created job hello-28930139',
        '',
      ].join('\n'),
    );
  });
});

describe('DescribeEvents', () => {
  const pod: Pod = { metadata: { name: 'bar', namespace: 'foo', uid: 'pod-uid' }, spec: { containers: [] } };
  const ref = { kind: 'Pod', name: 'bar', namespace: 'foo', uid: 'pod-uid' };
  const eventsTable = (events: Event[]) => {
    const out = describePod(pod, events, NOW);
    return out.slice(out.indexOf('Events:'));
  };

  // upstream: TestDescribeEvents — every describer prints Events with ShowEvents, none without
  test.each<[string, (events: Event[] | null) => string, Event['involvedObject']]>([
    ['Pod', (e) => describePod(pod, e, NOW), ref],
    [
      'Node',
      (e) => describeNode({ metadata: { name: 'bar', uid: 'node-uid' } }, [], e, NOW),
      { kind: 'Node', name: 'bar', uid: 'bar' },
    ],
    [
      'DaemonSet',
      (e) => describeDaemonSet({ metadata: { name: 'bar', namespace: 'foo' }, spec: daemonSet.spec }, [], e, NOW),
      { kind: 'DaemonSet', name: 'bar', namespace: 'foo' },
    ],
    [
      'Job',
      (e) => describeJob({ metadata: { name: 'bar', namespace: 'foo' } }, [], e, NOW),
      { kind: 'Job', name: 'bar', namespace: 'foo' },
    ],
    [
      'CronJob',
      (e) => describeCronJob({ metadata: { name: 'bar', namespace: 'foo' } }, e, NOW),
      { kind: 'CronJob', name: 'bar', namespace: 'foo' },
    ],
  ])('TestDescribeEvents: %s', (_kind, describeIt, involved) => {
    const events = [
      event(involved, 'Reason1', 'Item 1', { first: '2014-01-15T00:00:00Z' }),
      {
        metadata: { name: 'event-2', namespace: 'foo' },
        involvedObject: involved,
        reason: 'Reason2',
        message: 'Item 2',
        type: 'Normal',
        reportingComponent: 'kubelet',
        eventTime: '2014-01-15T00:00:00.000000Z',
        series: { count: 1, lastObservedTime: '2014-01-15T00:00:00.000000Z' },
      } as Event,
    ];
    const out = describeIt(events);
    expect(out).toContain('bar');
    // the Event without a lastTimestamp (new API: eventTime + series) sorts first
    expect(out.slice(out.indexOf('Events:'))).toBe(
      [
        'Events:',
        '  Type    Reason   Age                From     Message',
        '  ----    ------   ----               ----     -------',
        '  Normal  Reason2  10y (x1 over 10y)  kubelet  Item 2',
        '  Normal  Reason1  10y                kubelet  Item 1',
        '',
      ].join('\n'),
    );
    expect(describeIt(null)).not.toContain('Events:');
  });

  test('repeats: `x3 over 5m`; the new API: eventTime and series; reportingComponent when there is no source', () => {
    const out = eventsTable([
      event(ref, 'BackOff', '  Back-off restarting failed container  ', {
        type: 'Warning',
        first: ago(5 * M),
        last: ago(30 * S),
        count: 3,
      }),
      {
        metadata: { name: 'bar.2', namespace: 'foo' },
        involvedObject: ref,
        reason: 'Preempted',
        message: 'by a higher-priority pod',
        type: 'Normal',
        reportingComponent: 'default-scheduler',
        eventTime: new Date(NOW - 20 * M).toISOString(),
        series: { count: 4, lastObservedTime: new Date(NOW - 10 * S).toISOString() },
      } as Event,
      {
        metadata: { name: 'bar.3', namespace: 'foo' },
        involvedObject: ref,
        reason: 'Nominated',
        message: 'once',
        type: 'Normal',
        reportingComponent: 'default-scheduler',
        eventTime: new Date(NOW - 2 * H).toISOString(),
      } as Event,
    ]);
    // sorted by lastTimestamp: the new-API events have none, so they come first
    expect(out).toBe(
      [
        'Events:',
        '  Type     Reason     Age                From               Message',
        '  ----     ------     ----               ----               -------',
        '  Normal   Preempted  10s (x4 over 20m)  default-scheduler  by a higher-priority pod',
        '  Normal   Nominated  120m               default-scheduler  once',
        '  Warning  BackOff    30s (x3 over 5m)   kubelet            Back-off restarting failed container',
        '',
      ].join('\n'),
    );
  });

  // upstream: TestPodDescribeResultsSorted
  test('TestPodDescribeResultsSorted: oldest lastTimestamp first', () => {
    const out = eventsTable([
      event(ref, 'R', 'Item 1', { first: '2014-01-15T00:00:00Z' }),
      event(ref, 'R', 'Item 2', { first: '1987-06-17T00:00:00Z', component: 'scheduler' }),
      event(ref, 'R', 'Item 3', { first: '2002-12-25T00:00:00Z' }),
    ]);
    expect(linesOf(out).slice(3, 6)).toEqual([
      '  Normal  R       37y   scheduler  Item 2',
      '  Normal  R       22y   kubelet    Item 3',
      '  Normal  R       10y   kubelet    Item 1',
    ]);
  });

  test('searchEvents: name, namespace and uid of the pod, any kind; others left out', () => {
    const out = eventsTable([
      event({ ...ref, kind: '' }, 'Mine', 'kind is not part of a pod query'),
      event({ ...ref, namespace: 'other' }, 'OtherNS', 'x'),
      event({ ...ref, uid: 'recreated' }, 'OtherUID', 'x'),
      event({ ...ref, name: 'baz' }, 'OtherName', 'x'),
    ]);
    expect(out).toContain('Mine');
    for (const r of ['OtherNS', 'OtherUID', 'OtherName']) expect(out).not.toContain(r);
  });
});

describe('describeObject', () => {
  test('dispatches by kind to the describer, with the related objects', () => {
    const events = [event({ kind: 'Job', name: 'pi', namespace: 'default' }, 'Completed', 'Job completed')];
    const job: Job = { metadata: { name: 'pi', namespace: 'default' }, spec: { template: {} } };
    expect(describeObject('Job', job, { events }, NOW)).toBe(describeJob(job, [], events, NOW));
    expect(describeObject('Pod', runningAgent, { events }, NOW)).toBe(describePod(runningAgent, events, NOW));
    expect(describeObject('DaemonSet', daemonSet, { pods: [runningAgent], events }, NOW)).toBe(
      describeDaemonSet(daemonSet, [runningAgent], events, NOW),
    );
    expect(describeObject('Node', worker1, { pods: [webPod], events: null }, NOW)).toBe(
      describeNode(worker1, [webPod], null, NOW),
    );
    const cj: CronJob = {
      metadata: { name: 'c', namespace: 'default' },
      spec: { schedule: '@daily', jobTemplate: {} },
    };
    expect(describeObject('CronJob', cj, { events, jobs: [] }, NOW)).toBe(describeCronJob(cj, events, NOW));
  });

  test('NamespaceDescriber: no quotas and no limit ranges', () => {
    const ns = {
      metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } },
      status: { phase: 'Active' },
    };
    expect(describeObject('Namespace', ns, { events: [] }, NOW)).toBe(
      [
        'Name:         default',
        'Labels:       kubernetes.io/metadata.name=default',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
        '',
      ].join('\n'),
    );
  });

  // upstream: TestDescribeUnstructuredContent, through the generic describer kubectl uses for ControllerRevision
  test('genericDescriber: a ControllerRevision', () => {
    const cr = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: 'log-agent-5d8c9f7b6d',
        namespace: 'kube-system',
        uid: 'cr-uid',
        creationTimestamp: T0,
        labels: { 'controller-revision-hash': '5d8c9f7b6d' },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'log-agent', uid: dsUID, controller: true },
        ],
        managedFields: [{ manager: 'kube-controller-manager' }],
      },
      data: { spec: { template: { $patch: 'replace', spec: { dnsPolicy: 'ClusterFirst' } } } },
      revision: 1,
    };
    const events = [
      event(
        { kind: 'ControllerRevision', name: 'log-agent-5d8c9f7b6d', namespace: 'kube-system', uid: 'cr-uid' },
        'X',
        'y',
      ),
    ];
    expect(describeObject('ControllerRevision', cr, { events: [] }, NOW)).toBe(
      [
        'Name:         log-agent-5d8c9f7b6d',
        'Namespace:    kube-system',
        'Labels:       controller-revision-hash=5d8c9f7b6d',
        'Annotations:  <none>',
        'API Version:  apps/v1',
        'Data:',
        '  Spec:',
        '    Template:',
        '      $patch:  replace',
        '      Spec:',
        '        Dns Policy:  ClusterFirst',
        'Kind:                ControllerRevision',
        'Metadata:',
        '  Creation Timestamp:  2025-01-01T00:00:00Z',
        '  Owner References:',
        '    API Version:  apps/v1',
        '    Controller:   true',
        '    Kind:         DaemonSet',
        '    Name:         log-agent',
        '    UID:          ds-uid-1',
        '  UID:            cr-uid',
        'Revision:         1',
        'Events:           <none>',
        '',
      ].join('\n'),
    );
    expect(describeObject('ControllerRevision', cr, { events }, NOW)).toContain('  Normal  X       60m   kubelet  y\n');
  });

  test('a kind without a describer is an error', () => {
    expect(() => describeObject('Deployment', {}, { events: [] }, NOW)).toThrow(
      'no description has been implemented for Deployment',
    );
  });
});

describe('with the engine', () => {
  test('a busybox Job and its pod, from the simulator’s own objects', () => {
    const cluster = createCluster();
    const result = cluster.apply(`apiVersion: batch/v1
kind: Job
metadata:
  name: sleeper
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
        command: ["sh", "-c", "sleep 5"]
`);
    expect(result.ok).toBe(true);
    cluster.advance(30);
    const now = cluster.now();
    const events = cluster.events() as Event[];
    const pods = cluster.list('Pod') as Pod[];
    const job = (cluster.list('Job') as Job[]).find((j) => j.metadata?.name === 'sleeper')!;
    const jobOut = linesOf(describeObject('Job', job, { pods, events }, now));
    for (const want of [
      'Name:             sleeper',
      'Namespace:        default',
      `Selector:         batch.kubernetes.io/controller-uid=${job.metadata?.uid}`,
      'Annotations:      <none>',
      'Completions:      1',
      'Start Time:       Wed, 01 Jan 2025 00:00:00 +0000',
      'Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed',
      '      sleep 5',
    ]) {
      expect(jobOut).toContain(want);
    }
    expect(
      jobOut.some((l) => /^ {2}Normal {2}SuccessfulCreate {2}30s +job-controller {2}Created pod: sleeper-/.test(l)),
    ).toBe(true);
    expect(jobOut.some((l) => /^ {2}Normal {2}Completed +\d+s +job-controller {2}Job completed$/.test(l))).toBe(true);

    const pod = pods.find((p) => p.metadata?.labels?.['batch.kubernetes.io/job-name'] === 'sleeper')!;
    const podOut = linesOf(describeObject('Pod', pod, { events }, now));
    const node = pod.spec?.nodeName;
    for (const want of [
      `Name:             ${pod.metadata?.name}`,
      'Status:           Succeeded',
      'Controlled By:  Job/sleeper',
      '    State:          Terminated',
      '      Reason:       Completed',
      '      Exit Code:    0',
      '    Ready:          False',
      '    Restart Count:  0',
    ]) {
      expect(podOut).toContain(want);
    }
    expect(podOut.some((l) => l.startsWith(`Node:             ${node}/192.168.`))).toBe(true);
    expect(podOut.some((l) => /^QoS Class: +BestEffort$/.test(l))).toBe(true);
    expect(podOut.some((l) => /default-scheduler {2}Successfully assigned default\/sleeper-\S+ to /.test(l))).toBe(
      true,
    );
    // The container's event, without its fieldPath (kubectl 1.34 prints the message alone).
    expect(podOut.some((l) => /kubelet +Started container main$/.test(l))).toBe(true);

    const nodeObj = (cluster.list('Node') as Node[]).find((n) => n.metadata?.name === node)!;
    const nodeOut = linesOf(describeObject('Node', nodeObj, { pods, events }, now));
    expect(nodeOut.some((l) => /^Non-terminated Pods: +\(0 in total\)$/.test(l))).toBe(true);
    expect(nodeOut.some((l) => /^ {2}memory: +16Gi$/.test(l))).toBe(true);
  });
});
