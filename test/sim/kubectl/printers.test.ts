import { describe, expect, test } from 'vitest';
import type { Pod, Node, Event } from 'kubernetes-types/core/v1';
import type { Job, CronJob } from 'kubernetes-types/batch/v1';
import type { DaemonSet, ControllerRevision } from 'kubernetes-types/apps/v1';
import {
  formatLabelSelector,
  formatLabels,
  formatTable,
  noResourcesFound,
  printControllerRevision,
  printCronJob,
  printDaemonSet,
  printEvent,
  printJob,
  printNode,
  printPod,
  printTable,
  tabwrite,
} from '../../../src/sim/kubectl/printers';

const NOW = Date.parse('2025-01-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const containers = (n: number) => Array.from({ length: n }, () => ({ name: '' }));
const deleteTime = ago(10 * S);

/** printPod's first five cells, as upstream's tests compare them (AGE is <unknown>: no creationTimestamp). */
const podCells = (pod: Pod) => printPod(pod, NOW).slice(0, 5);

// upstream: TestPrintPod (pkg/printers/internalversion/printers_test.go)
test.each<[string, Pod, string[]]>([
  [
    'name, num of containers, restarts, container ready status',
    {
      metadata: { name: 'test1' },
      spec: { containers: containers(2) },
      status: {
        phase: 'podPhase',
        containerStatuses: [
          { name: '', image: '', imageID: '', ready: true, restartCount: 3, state: { running: {} } },
          { name: '', image: '', imageID: '', ready: false, restartCount: 3 },
        ],
      },
    },
    ['test1', '1/2', 'podPhase', '6', '<unknown>'],
  ],
  [
    'container error overwrites pod phase',
    {
      metadata: { name: 'test2' },
      spec: { containers: containers(2) },
      status: {
        phase: 'podPhase',
        containerStatuses: [
          { name: '', image: '', imageID: '', ready: true, restartCount: 3, state: { running: {} } },
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: 'ContainerWaitingReason' } },
          },
        ],
      },
    },
    ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>'],
  ],
  [
    'terminated state; the first container overwrites the rest',
    {
      metadata: { name: 'test3' },
      spec: { containers: containers(2) },
      status: {
        phase: 'podPhase',
        containerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: 'ContainerWaitingReason' } },
          },
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { terminated: { exitCode: 0, reason: 'ContainerTerminatedReason' } },
          },
        ],
      },
    },
    ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>'],
  ],
  [
    'ready is not enough for reporting running',
    {
      metadata: { name: 'test4' },
      spec: { containers: containers(2) },
      status: {
        phase: 'podPhase',
        containerStatuses: [
          { name: '', image: '', imageID: '', ready: true, restartCount: 3, state: { running: {} } },
          { name: '', image: '', imageID: '', ready: true, restartCount: 3 },
        ],
      },
    },
    ['test4', '1/2', 'podPhase', '6', '<unknown>'],
  ],
  [
    'status.reason wins over the phase',
    {
      metadata: { name: 'test5' },
      spec: { containers: containers(2) },
      status: {
        reason: 'podReason',
        phase: 'podPhase',
        containerStatuses: [
          { name: '', image: '', imageID: '', ready: true, restartCount: 3, state: { running: {} } },
          { name: '', image: '', imageID: '', ready: true, restartCount: 3 },
        ],
      },
    },
    ['test5', '1/2', 'podReason', '6', '<unknown>'],
  ],
  [
    'one running and one completed container, without Ready condition',
    {
      metadata: { name: 'test6' },
      spec: { containers: containers(2) },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: true,
            restartCount: 3,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
          },
          { name: '', image: '', imageID: '', ready: true, restartCount: 3, state: { running: {} } },
        ],
      },
    },
    ['test6', '1/2', 'NotReady', '6', '<unknown>'],
  ],
  [
    'one running and one completed container, with Ready condition',
    {
      metadata: { name: 'test6' },
      spec: { containers: containers(2) },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: true,
            restartCount: 3,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
          },
          { name: '', image: '', imageID: '', ready: true, restartCount: 3, state: { running: {} } },
        ],
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    },
    ['test6', '1/2', 'Running', '6', '<unknown>'],
  ],
  [
    '1 init container restarting and 1 container not running',
    {
      metadata: { name: 'test7' },
      spec: { initContainers: containers(1), containers: containers(1) },
      status: {
        phase: 'podPhase',
        initContainerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { running: {} },
            lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } },
          },
        ],
        containerStatuses: [
          { name: '', image: '', imageID: '', ready: false, restartCount: 0, state: { waiting: {} } },
        ],
      },
    },
    ['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>'],
  ],
  [
    '2 init containers, one restarting and the other not running',
    {
      metadata: { name: 'test8' },
      spec: { initContainers: containers(2), containers: containers(1) },
      status: {
        phase: 'podPhase',
        initContainerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { running: {} },
            lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } },
          },
          { name: '', image: '', imageID: '', ready: false, restartCount: 0, state: { waiting: {} } },
        ],
        containerStatuses: [
          { name: '', image: '', imageID: '', ready: false, restartCount: 0, state: { waiting: {} } },
        ],
      },
    },
    ['test8', '0/1', 'Init:0/2', '3 (10s ago)', '<unknown>'],
  ],
  [
    '2 init containers, one completed without restarts and the other restarting',
    {
      metadata: { name: 'test9' },
      spec: { initContainers: containers(2), containers: containers(1) },
      status: {
        phase: 'podPhase',
        initContainerStatuses: [
          { name: '', image: '', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0 } } },
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { running: {} },
            lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } },
          },
        ],
        containerStatuses: [
          { name: '', image: '', imageID: '', ready: false, restartCount: 0, state: { waiting: {} } },
        ],
      },
    },
    ['test9', '0/1', 'Init:1/2', '3 (10s ago)', '<unknown>'],
  ],
  [
    '2 init containers, one completed with restarts and the other restarting',
    {
      metadata: { name: 'test10' },
      spec: { initContainers: containers(2), containers: containers(1) },
      status: {
        phase: 'podPhase',
        initContainerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 2,
            state: { terminated: { exitCode: 0 } },
            lastState: { terminated: { exitCode: 0, finishedAt: ago(2 * M) } },
          },
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { running: {} },
            lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } },
          },
        ],
        containerStatuses: [
          { name: '', image: '', imageID: '', ready: false, restartCount: 0, state: { waiting: {} } },
        ],
      },
    },
    ['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>'],
  ],
  [
    '1 init container completed with restarts and one container restarting',
    {
      metadata: { name: 'test11' },
      spec: { initContainers: containers(1), containers: containers(1) },
      status: {
        phase: 'Running',
        initContainerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 2,
            state: { terminated: { exitCode: 0 } },
            lastState: { terminated: { exitCode: 0, finishedAt: ago(2 * M) } },
          },
        ],
        containerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 4,
            state: { running: {} },
            lastState: { terminated: { exitCode: 0, finishedAt: ago(20 * S) } },
          },
        ],
      },
    },
    ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>'],
  ],
  [
    '1 container that restarted 5d ago',
    {
      metadata: { name: 'test12' },
      spec: { containers: containers(1) },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: true,
            restartCount: 3,
            state: { running: {} },
            lastState: { terminated: { exitCode: 0, finishedAt: ago(5 * D) } },
          },
        ],
      },
    },
    ['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>'],
  ],
  [
    '2 containers, one never restarted and the other restarted 10d ago',
    {
      metadata: { name: 'test13' },
      spec: { containers: containers(2) },
      status: {
        phase: 'Running',
        containerStatuses: [
          { name: '', image: '', imageID: '', ready: true, restartCount: 0, state: { running: {} } },
          {
            name: '',
            image: '',
            imageID: '',
            ready: true,
            restartCount: 3,
            state: { running: {} },
            lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * D) } },
          },
        ],
      },
    },
    ['test13', '2/2', 'Running', '3 (10d ago)', '<unknown>'],
  ],
  [
    '2 containers, one restarted 5d ago and the other 20d ago',
    {
      metadata: { name: 'test14' },
      spec: { containers: containers(2) },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: true,
            restartCount: 6,
            state: { running: {} },
            lastState: { terminated: { exitCode: 0, finishedAt: ago(5 * D) } },
          },
          {
            name: '',
            image: '',
            imageID: '',
            ready: true,
            restartCount: 3,
            state: { running: {} },
            lastState: { terminated: { exitCode: 0, finishedAt: ago(20 * D) } },
          },
        ],
      },
    },
    ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>'],
  ],
  [
    'PodScheduled condition with reason SchedulingGated',
    {
      metadata: { name: 'test15' },
      spec: { containers: containers(2) },
      status: { phase: 'podPhase', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] },
    },
    ['test15', '0/2', 'SchedulingGated', '0', '<unknown>'],
  ],
  [
    'pod succeeded',
    {
      metadata: { name: 'test16' },
      spec: { containers: containers(1) },
      status: {
        phase: 'Succeeded',
        containerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
          },
        ],
      },
    },
    ['test16', '0/1', 'Completed', '0', '<unknown>'],
  ],
  [
    'pod failed',
    {
      metadata: { name: 'test17' },
      spec: { containers: containers(1) },
      status: {
        phase: 'Failed',
        containerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { terminated: { reason: 'Error', exitCode: 1 } },
          },
        ],
      },
    },
    ['test17', '0/1', 'Error', '0', '<unknown>'],
  ],
  [
    'pod succeeded with deletion',
    {
      metadata: { name: 'test18', deletionTimestamp: deleteTime },
      spec: { containers: containers(1) },
      status: {
        phase: 'Succeeded',
        containerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
          },
        ],
      },
    },
    ['test18', '0/1', 'Completed', '0', '<unknown>'],
  ],
  [
    'pod running with deletion',
    {
      metadata: { name: 'test19', deletionTimestamp: deleteTime },
      spec: { containers: containers(1) },
      status: {
        phase: 'Running',
        containerStatuses: [
          { name: '', image: '', imageID: '', ready: false, restartCount: 0, state: { running: {} } },
        ],
      },
    },
    ['test19', '0/1', 'Terminating', '0', '<unknown>'],
  ],
  [
    'pod pending with deletion',
    {
      metadata: { name: 'test20', deletionTimestamp: deleteTime },
      spec: { containers: containers(1) },
      status: { phase: 'Pending' },
    },
    ['test20', '0/1', 'Terminating', '0', '<unknown>'],
  ],
])('printPod: %s', (_name, pod, want) => {
  expect(podCells(pod)).toEqual(want);
});

// upstream: TestPrintPodWithRestartableInitContainer
const sidecars = [
  { name: 'restartable-init-1', restartPolicy: 'Always' },
  { name: 'restartable-init-2', restartPolicy: 'Always' },
];
test.each<[string, Pod, string[]]>([
  [
    'the first restartable init container running but not started',
    {
      metadata: { name: 'test1' },
      spec: { initContainers: sidecars, containers: containers(1) },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          {
            name: 'restartable-init-1',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { running: {} },
            started: false,
            lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } },
          },
          {
            name: 'restartable-init-2',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { waiting: {} },
            started: false,
          },
        ],
        containerStatuses: [
          { name: '', image: '', imageID: '', ready: false, restartCount: 0, state: { waiting: {} } },
        ],
        conditions: [{ type: 'Initialized', status: 'False' }],
      },
    },
    ['test1', '0/3', 'Init:0/2', '3 (10s ago)', '<unknown>'],
  ],
  [
    'the first started, the second running but not started',
    {
      metadata: { name: 'test1' },
      spec: { initContainers: sidecars, containers: containers(1) },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          {
            name: 'restartable-init-1',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { running: {} },
            started: true,
            lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } },
          },
          {
            name: 'restartable-init-2',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { running: {} },
            started: false,
          },
        ],
        containerStatuses: [
          { name: '', image: '', imageID: '', ready: false, restartCount: 0, state: { waiting: {} } },
        ],
        conditions: [{ type: 'Initialized', status: 'False' }],
      },
    },
    ['test1', '0/3', 'Init:1/2', '3 (10s ago)', '<unknown>'],
  ],
  [
    '2 restartable init containers started and 1 container running',
    {
      metadata: { name: 'test2' },
      spec: { initContainers: sidecars, containers: containers(1) },
      status: {
        phase: 'Running',
        initContainerStatuses: [
          {
            name: 'restartable-init-1',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { running: {} },
            started: true,
            lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } },
          },
          {
            name: 'restartable-init-2',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { running: {} },
            started: true,
          },
        ],
        containerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: true,
            restartCount: 4,
            state: { running: {} },
            lastState: { terminated: { exitCode: 0, finishedAt: ago(20 * S) } },
          },
        ],
        conditions: [{ type: 'Initialized', status: 'True' }],
      },
    },
    ['test2', '1/3', 'Running', '7 (10s ago)', '<unknown>'],
  ],
  [
    '2 restartable init containers completed with non-zero and 1 container completed',
    {
      metadata: { name: 'test3' },
      spec: { initContainers: sidecars, containers: containers(1) },
      status: {
        phase: 'Succeeded',
        initContainerStatuses: [
          {
            name: 'restartable-init-1',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 3,
            started: false,
            state: { terminated: { reason: 'Error', exitCode: 137 } },
            lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } },
          },
          {
            name: 'restartable-init-2',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            started: false,
            state: { terminated: { reason: 'Error', exitCode: 137 } },
          },
        ],
        containerStatuses: [
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 4,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
            lastState: { terminated: { exitCode: 0, finishedAt: ago(20 * S) } },
          },
        ],
        conditions: [{ type: 'Initialized', status: 'True' }],
      },
    },
    ['test3', '0/3', 'Completed', '7 (10s ago)', '<unknown>'],
  ],
  [
    'container statuses for non-existent initContainers and containers',
    {
      metadata: { name: 'test4' },
      spec: {
        initContainers: [
          { name: 'init1', image: 'initimage' },
          { name: 'sidecar1', image: 'sidecarimage', restartPolicy: 'Always' },
        ],
        containers: [{ name: 'container1', image: 'containerimage' }],
      },
      status: {
        phase: 'Running',
        initContainerStatuses: ['initinvalid', 'init1', 'sidecar1'].map((name) => ({
          name,
          image: '',
          imageID: '',
          ready: false,
          restartCount: 0,
        })),
        containerStatuses: ['containerinvalid', 'container1'].map((name) => ({
          name,
          image: '',
          imageID: '',
          ready: false,
          restartCount: 0,
        })),
      },
    },
    ['test4', '0/2', 'Init:0/2', '0', '<unknown>'],
  ],
])('printPod with restartable init containers: %s', (_name, pod, want) => {
  expect(podCells(pod)).toEqual(want);
});

describe('printPod status reasons printers.go derives', () => {
  const base = (status: Pod['status'], meta: Pod['metadata'] = {}): Pod => ({
    metadata: { name: 'p', ...meta },
    spec: { containers: containers(1) },
    status,
  });
  const cs = (state: object) => [{ name: 'c', image: '', imageID: '', ready: false, restartCount: 0, state }];
  test.each<[string, Pod, string]>([
    [
      'terminated without reason: ExitCode:N',
      base({ phase: 'Running', containerStatuses: cs({ terminated: { exitCode: 3 } }) }),
      'ExitCode:3',
    ],
    [
      'terminated by a signal: Signal:N',
      base({ phase: 'Running', containerStatuses: cs({ terminated: { exitCode: 0, signal: 9 } }) }),
      'Signal:9',
    ],
    [
      'CrashLoopBackOff from the waiting reason',
      base({ phase: 'Running', containerStatuses: cs({ waiting: { reason: 'CrashLoopBackOff' } }) }),
      'CrashLoopBackOff',
    ],
    [
      'init container failed: Init:Error',
      {
        ...base({ phase: 'Pending', initContainerStatuses: cs({ terminated: { exitCode: 1, reason: 'Error' } }) }),
        spec: { initContainers: [{ name: 'c' }], containers: containers(1) },
      },
      'Init:Error',
    ],
    [
      'init container failed without reason: Init:ExitCode:N',
      {
        ...base({ phase: 'Pending', initContainerStatuses: cs({ terminated: { exitCode: 2 } }) }),
        spec: { initContainers: [{ name: 'c' }], containers: containers(1) },
      },
      'Init:ExitCode:2',
    ],
    [
      'init container waiting on a pull: Init:ErrImagePull',
      {
        ...base({ phase: 'Pending', initContainerStatuses: cs({ waiting: { reason: 'ErrImagePull' } }) }),
        spec: { initContainers: [{ name: 'c' }], containers: containers(1) },
      },
      'Init:ErrImagePull',
    ],
    [
      'deleted on a lost node: Unknown',
      base({ phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: deleteTime }),
      'Unknown',
    ],
    ['NodeLost without deletion stays NodeLost', base({ phase: 'Running', reason: 'NodeLost' }), 'NodeLost'],
    [
      'failed pod being deleted keeps its reason',
      base(
        { phase: 'Failed', containerStatuses: cs({ terminated: { exitCode: 1, reason: 'Error' } }) },
        { deletionTimestamp: deleteTime },
      ),
      'Error',
    ],
  ])('%s', (_name, pod, want) => {
    expect(printPod(pod, NOW)[2]).toBe(want);
  });
});

// upstream: TestPrintPodwide
test.each<[string, Pod, string[]]>([
  [
    'NodeName and PodIP set',
    {
      metadata: { name: 'test1' },
      spec: {
        containers: containers(2),
        nodeName: 'test1',
        readinessGates: [
          { conditionType: 'condition1' },
          { conditionType: 'condition2' },
          { conditionType: 'condition3' },
        ],
      },
      status: {
        conditions: [
          { type: 'condition1', status: 'False' },
          { type: 'condition2', status: 'True' },
        ],
        phase: 'podPhase',
        podIPs: [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }],
        containerStatuses: [
          { name: '', image: '', imageID: '', ready: true, restartCount: 3, state: { running: {} } },
          { name: '', image: '', imageID: '', ready: false, restartCount: 3 },
        ],
        nominatedNodeName: 'node1',
      },
    },
    ['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3'],
  ],
  [
    'NodeName and PodIP none',
    {
      metadata: { name: 'test2' },
      spec: { containers: containers(2), nodeName: '' },
      status: {
        phase: 'podPhase',
        containerStatuses: [
          { name: '', image: '', imageID: '', ready: true, restartCount: 3, state: { running: {} } },
          {
            name: '',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: 'ContainerWaitingReason' } },
          },
        ],
      },
    },
    ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>', '<none>', '<none>', '<none>', '<none>'],
  ],
])('printPod wide: %s', (_name, pod, want) => {
  expect(printPod(pod, NOW)).toEqual(want);
});

// upstream: TestPrintJob (job1–job4; the STATUS column of 1.30+ sits after NAME) plus printJob's status precedence
describe('printJob', () => {
  test.each<[string, Job, string[]]>([
    [
      'completions set',
      {
        metadata: { name: 'job1', creationTimestamp: new Date(NOW + 1.9e3).toISOString() },
        spec: { completions: 2, template: {} },
        status: { succeeded: 1 },
      },
      ['job1', 'Running', '1/2', '', '0s'],
    ],
    [
      'completions nil',
      {
        metadata: { name: 'job2', creationTimestamp: ago(10 * 365 * D) },
        spec: { template: {} },
        status: { succeeded: 0 },
      },
      ['job2', 'Running', '0/1', '', '10y'],
    ],
    [
      'finished: duration from start to completion',
      {
        metadata: { name: 'job3', creationTimestamp: ago(10 * 365 * D) },
        spec: { template: {} },
        status: {
          succeeded: 0,
          startTime: new Date(NOW + M).toISOString(),
          completionTime: new Date(NOW + 31 * M).toISOString(),
        },
      },
      ['job3', 'Running', '0/1', '30m', '10y'],
    ],
    [
      'running: duration since start',
      {
        metadata: { name: 'job4', creationTimestamp: ago(10 * 365 * D) },
        spec: { template: {} },
        status: { succeeded: 0, startTime: ago(20 * M) },
      },
      ['job4', 'Running', '0/1', '20m', '10y'],
    ],
  ])('%s', (_name, job, want) => {
    expect(printJob(job, NOW).slice(0, 5)).toEqual(want);
  });

  const cond = (type: string, status = 'True') => ({ type, status });
  test.each<[string, Job['status'], Job['metadata'], string]>([
    ['Complete', { conditions: [cond('SuccessCriteriaMet'), cond('Complete')] }, {}, 'Complete'],
    ['Failed', { conditions: [cond('FailureTarget'), cond('Failed')] }, {}, 'Failed'],
    ['Terminating', { conditions: [cond('Suspended')] }, { deletionTimestamp: deleteTime }, 'Terminating'],
    ['Complete beats Terminating', { conditions: [cond('Complete')] }, { deletionTimestamp: deleteTime }, 'Complete'],
    ['Suspended', { conditions: [cond('Suspended')] }, {}, 'Suspended'],
    ['Suspended=False is Running', { conditions: [cond('Suspended', 'False')] }, {}, 'Running'],
    ['FailureTarget', { conditions: [cond('FailureTarget')] }, {}, 'FailureTarget'],
    ['SuccessCriteriaMet', { conditions: [cond('SuccessCriteriaMet')] }, {}, 'SuccessCriteriaMet'],
  ])('STATUS %s', (_name, status, meta, want) => {
    expect(printJob({ metadata: { name: 'j', ...meta }, spec: { template: {} }, status }, NOW)[1]).toBe(want);
  });

  test.each<[Job['spec'], number, string]>([
    [{ template: {}, completions: 5, parallelism: 2 }, 3, '3/5'],
    [{ template: {}, parallelism: 3 }, 1, '1/1 of 3'],
    [{ template: {}, parallelism: 1 }, 0, '0/1'],
    [{ template: {}, completions: 4, completionMode: 'Indexed' }, 2, '2/4'],
  ])('COMPLETIONS of %j with %d succeeded', (spec, succeeded, want) => {
    expect(printJob({ metadata: { name: 'j' }, spec, status: { succeeded } }, NOW)[2]).toBe(want);
  });

  test('wide cells: containers, images, selector', () => {
    const job: Job = {
      metadata: { name: 'pi' },
      spec: {
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } },
        template: {
          spec: {
            containers: [
              { name: 'pi', image: 'perl:5.34.0' },
              { name: 'side', image: 'busybox' },
            ],
          },
        },
      },
    };
    expect(printJob(job, NOW).slice(5)).toEqual([
      'pi,side',
      'perl:5.34.0,busybox',
      'batch.kubernetes.io/controller-uid=abc',
    ]);
  });
});

// upstream: TestPrintDaemonSet
test('printDaemonSet', () => {
  const ds: DaemonSet = {
    metadata: { name: 'test1', creationTimestamp: ago(10 * 365 * D) },
    spec: {
      selector: { matchLabels: { app: 'x' } },
      template: {
        spec: {
          containers: [
            { name: 'fake-container1', image: 'fake-image1' },
            { name: 'fake-container2', image: 'fake-image2' },
          ],
        },
      },
    },
    status: {
      currentNumberScheduled: 2,
      desiredNumberScheduled: 3,
      numberReady: 1,
      updatedNumberScheduled: 2,
      numberAvailable: 0,
      numberMisscheduled: 0,
    },
  };
  expect(printDaemonSet(ds, NOW)).toEqual([
    'test1',
    '3',
    '2',
    '1',
    '2',
    '0',
    '<none>',
    '10y',
    'fake-container1,fake-container2',
    'fake-image1,fake-image2',
    'app=x',
  ]);
  ds.spec!.template.spec!.nodeSelector = { 'kubernetes.io/os': 'linux', disk: 'ssd' };
  expect(printDaemonSet(ds, NOW)[6]).toBe('disk=ssd,kubernetes.io/os=linux');
});

// upstream: TestPrintCronJob
test.each<[string, CronJob, string[]]>([
  [
    'last schedule 30s ago',
    {
      metadata: { name: 'cronjob1', creationTimestamp: ago(0) },
      spec: { schedule: '0/5 * * * ?', suspend: false, jobTemplate: { spec: { template: {} } } },
      status: { lastScheduleTime: ago(30 * S) },
    },
    ['cronjob1', '0/5 * * * ?', '<none>', 'False', '0', '30s', '0s'],
  ],
  [
    'last schedule 5 minutes ago',
    {
      metadata: { name: 'cronjob2', creationTimestamp: ago(3 * 365 * D) },
      spec: { schedule: '0/5 * * * ?', suspend: false, jobTemplate: { spec: { template: {} } } },
      status: { lastScheduleTime: ago(5 * M) },
    },
    ['cronjob2', '0/5 * * * ?', '<none>', 'False', '0', '5m', '3y'],
  ],
  [
    'never scheduled',
    {
      metadata: { name: 'cronjob3', creationTimestamp: ago(3 * 365 * D) },
      spec: { schedule: '0/5 * * * ?', suspend: false, jobTemplate: { spec: { template: {} } } },
      status: {},
    },
    ['cronjob3', '0/5 * * * ?', '<none>', 'False', '0', '<none>', '3y'],
  ],
  [
    'timeZone set, suspend unset, two active',
    {
      metadata: { name: 'cronjob4', creationTimestamp: ago(3 * 365 * D) },
      spec: { schedule: '0 * * * *', timeZone: 'Asia/Shanghai', jobTemplate: { spec: { template: {} } } },
      status: { active: [{ name: 'a' }, { name: 'b' }] },
    },
    ['cronjob4', '0 * * * *', 'Asia/Shanghai', '<unset>', '2', '<none>', '3y'],
  ],
])('printCronJob: %s', (_name, cj, want) => {
  expect(printCronJob(cj, NOW).slice(0, 7)).toEqual(want);
});

// upstream: TestPrintNodeStatus, TestPrintNodeRole, TestPrintNodeOSImage, TestPrintNodeInternalIP
describe('printNode', () => {
  const node = (n: Node): Node => n;
  test.each<[string, Node, string]>([
    [
      'Ready',
      node({ metadata: { name: 'foo1' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } }),
      'Ready',
    ],
    [
      'Ready,SchedulingDisabled',
      node({
        metadata: { name: 'foo2' },
        spec: { unschedulable: true },
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      }),
      'Ready,SchedulingDisabled',
    ],
    [
      'duplicate Ready conditions: the last wins',
      node({
        metadata: { name: 'foo3' },
        status: {
          conditions: [
            { type: 'Ready', status: 'True' },
            { type: 'Ready', status: 'True' },
          ],
        },
      }),
      'Ready',
    ],
    [
      'NotReady',
      node({ metadata: { name: 'foo4' }, status: { conditions: [{ type: 'Ready', status: 'False' }] } }),
      'NotReady',
    ],
    [
      'NotReady,SchedulingDisabled',
      node({
        metadata: { name: 'foo5' },
        spec: { unschedulable: true },
        status: { conditions: [{ type: 'Ready', status: 'False' }] },
      }),
      'NotReady,SchedulingDisabled',
    ],
    [
      'no Ready condition: Unknown',
      node({ metadata: { name: 'foo6' }, status: { conditions: [{ type: 'InvalidValue', status: 'True' }] } }),
      'Unknown',
    ],
    ['no conditions', node({ metadata: { name: 'foo7' }, status: { conditions: [] } }), 'Unknown'],
    [
      'Unknown,SchedulingDisabled',
      node({
        metadata: { name: 'foo8' },
        spec: { unschedulable: true },
        status: { conditions: [{ type: 'InvalidValue', status: 'True' }] },
      }),
      'Unknown,SchedulingDisabled',
    ],
    [
      'Ready=Unknown is NotReady',
      node({ metadata: { name: 'foo9' }, status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } }),
      'NotReady',
    ],
  ])('STATUS %s', (_name, n, want) => {
    expect(printNode(n, NOW)[1]).toBe(want);
  });

  test.each<[Record<string, string>, string]>([
    [{}, '<none>'],
    [
      {
        'node-role.kubernetes.io/foo': '',
        'node-role.kubernetes.io/bar': '',
        'node-role.kubernetes.io/baz': '',
        'node-role.kubernetes.io/': '',
        'kubernetes.io/role': '',
      },
      'bar,baz,foo',
    ],
    [{ 'node-role.kubernetes.io/nodeRole': '', 'kubernetes.io/role': 'node' }, 'node,nodeRole'],
    [{ 'node-role.kubernetes.io/control-plane': '' }, 'control-plane'],
  ])('ROLES of %j', (labels, want) => {
    expect(printNode({ metadata: { name: 'n', labels } }, NOW)[2]).toBe(want);
  });

  test('wide cells: addresses and node info, <none>/<unknown> when missing', () => {
    expect(
      printNode({ metadata: { name: 'n' }, status: { nodeInfo: { kubeletVersion: 'v1.34.0' } as never } }, NOW).slice(
        4,
      ),
    ).toEqual(['v1.34.0', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
    const n: Node = {
      metadata: { name: 'n' },
      status: {
        addresses: [
          { type: 'InternalIP', address: '1.1.1.1' },
          { type: 'ExternalIP', address: '2.2.2.2' },
          { type: 'InternalIP', address: '3.3.3.3' },
        ],
        nodeInfo: {
          kubeletVersion: 'v1.34.0',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          kernelVersion: '6.1.0',
          containerRuntimeVersion: 'containerd://2.0.0',
        } as never,
      },
    };
    expect(printNode(n, NOW).slice(5)).toEqual([
      '1.1.1.1',
      '2.2.2.2',
      'Debian GNU/Linux 12 (bookworm)',
      '6.1.0',
      'containerd://2.0.0',
    ]);
  });
});

// upstream: TestPrintEvent
describe('printEvent', () => {
  test('basic event with count', () => {
    const e: Event = {
      metadata: { name: 'event1' },
      involvedObject: { kind: 'Pod', name: 'pod1', fieldPath: 'spec.containers{foo}' },
      source: { component: 'kubelet', host: 'Node1' },
      reason: 'Event Reason',
      message: 'Message Data',
      firstTimestamp: ago(3 * D),
      lastTimestamp: ago(2 * D),
      count: 6,
      type: 'Normal',
    };
    expect(printEvent(e, NOW)).toEqual([
      '2d',
      'Normal',
      'Event Reason',
      'pod/pod1',
      'spec.containers{foo}',
      'kubelet, Node1',
      'Message Data',
      '3d',
      '6',
      'event1',
    ]);
  });
  test('new-API event: eventTime, reportingController, series', () => {
    const e: Event = {
      metadata: { name: 'event2' },
      involvedObject: { kind: 'Pod', name: 'pod1' },
      reportingComponent: 'default-scheduler',
      reportingInstance: 'scheduler-1',
      reason: 'Scheduled',
      message: ' Successfully assigned default/pod1 to node-1\n',
      eventTime: ago(5 * M) as never,
      series: { count: 3, lastObservedTime: ago(30 * S) as never },
      type: 'Normal',
    };
    expect(printEvent(e, NOW)).toEqual([
      '30s',
      'Normal',
      'Scheduled',
      'pod/pod1',
      '',
      'default-scheduler, scheduler-1',
      'Successfully assigned default/pod1 to node-1',
      '5m',
      '3',
      'event2',
    ]);
  });
  test('singleton event without count counts 1; an object without name prints its kind', () => {
    const e: Event = {
      metadata: { name: 'e' },
      involvedObject: { kind: 'Node' },
      firstTimestamp: ago(M),
      type: 'Normal',
      reason: 'R',
    };
    const row = printEvent(e, NOW);
    expect([row[0], row[3], row[8]]).toEqual(['60s', 'node', '1']);
  });
});

test('printControllerRevision names its controller by group kind', () => {
  const cr: ControllerRevision = {
    metadata: {
      name: 'fluentd-5d4b8c6f9',
      creationTimestamp: ago(3 * M),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: 'u', controller: true }],
    },
    revision: 2,
  };
  expect(printControllerRevision(cr, NOW)).toEqual(['fluentd-5d4b8c6f9', 'daemonset.apps/fluentd', '2', '3m']);
  expect(printControllerRevision({ metadata: { name: 'orphan' }, revision: 1 }, NOW)[1]).toBe('<none>');
});

test('label formatting as labels.FormatLabels and metav1.FormatLabelSelector', () => {
  expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
  expect(formatLabels({})).toBe('<none>');
  expect(formatLabelSelector(undefined)).toBe('<none>');
  expect(formatLabelSelector({})).toBe('<none>');
  expect(
    formatLabelSelector({
      matchLabels: { name: 'fluentd' },
      matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }],
    }),
  ).toBe('env in (dev,prod),name=fluentd');
  expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Bogus' }] })).toBe('<error>');
});

describe('formatTable (HumanReadablePrinter + tabwriter)', () => {
  test('tabwriter: minimum width 6, padding 3, last cell unpadded', () => {
    expect(
      tabwrite([
        ['A', 'BB', 'C'],
        ['xyz', 'q', 'last'],
      ]),
    ).toBe('A     BB    C\nxyz   q     last\n');
  });
  // text/tabwriter's updateWidth: cell.width += utf8.RuneCount(...)
  test('tabwriter measures code points (utf8.RuneCount), as Go does', () => {
    expect(
      tabwrite([
        ['名前', 'X'],
        ['ab', 'Y'],
      ]),
    ).toBe('名前    X\nab    Y\n');
  });
  const pods: Pod[] = [
    {
      metadata: {
        name: 'web-1',
        namespace: 'default',
        labels: { app: 'web', tier: 'fe' },
        creationTimestamp: ago(5 * M),
      },
      spec: { containers: containers(1) },
      status: { phase: 'Pending' },
    },
    {
      metadata: { name: 'db', namespace: 'prod', creationTimestamp: ago(2 * H) },
      spec: { containers: containers(1) },
      status: { phase: 'Pending' },
    },
  ];
  const table = printTable('Pod', pods, NOW);
  test('default columns', () => {
    expect(formatTable(table, {}, pods)).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\n' +
        'web-1   0/1     Pending   0          5m\n' +
        'db      0/1     Pending   0          120m\n',
    );
  });
  test('-A --show-labels --no-headers', () => {
    expect(formatTable(table, { namespaceColumn: true, showLabels: true, noHeaders: true }, pods)).toBe(
      'default   web-1   0/1   Pending   0     5m     app=web,tier=fe\n' +
        'prod      db      0/1   Pending   0     120m   <none>\n',
    );
  });
  test('-o wide, -L, and kind/name', () => {
    expect(formatTable(table, { wide: true, columnLabels: ['app'], withKind: 'pod' }, pods)).toBe(
      'NAME        READY   STATUS    RESTARTS   AGE    IP       NODE     NOMINATED NODE   READINESS GATES   APP\n' +
        'pod/web-1   0/1     Pending   0          5m     <none>   <none>   <none>           <none>            web\n' +
        'pod/db      0/1     Pending   0          120m   <none>   <none>   <none>           <none>            \n',
    );
  });
  test('a cell is cut at a newline with ...', () => {
    const t = {
      columns: [
        { name: 'A', priority: 0 },
        { name: 'B', priority: 0 },
      ],
      rows: [['x\ny', 'z']],
    };
    expect(formatTable(t)).toBe('A      B\nx...   z\n');
  });
  test('no rows print nothing; get says why on stderr', () => {
    expect(formatTable(printTable('Pod', [], NOW))).toBe('');
    expect(noResourcesFound({ namespace: 'default' })).toBe('No resources found in default namespace.');
    expect(noResourcesFound({ namespace: 'kube-system' })).toBe('No resources found in kube-system namespace.');
    expect(noResourcesFound({ allNamespaces: true })).toBe('No resources found');
    expect(noResourcesFound({ namespaced: false })).toBe('No resources found');
  });
});
