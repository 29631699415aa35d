import { describe, expect, test } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import {
  appendDuplicatedIndexPodsForRemoval,
  calculateFailedIndexes,
  calculateSucceededIndexes,
  firstPendingIndexes,
  getIndexFailureCount,
  getNewIndexFailureCounts,
  has,
  intervalsString,
  isIndexFailed,
  podGenerateNameWithIndex,
  type OrderedIntervals,
} from '../../../src/sim/job/indexed-job-utils';

const noIndex = '-';
type IndexPhase = [index: string, phase: string];
/** hollowPodsWithIndexPhase */
const hollow = (descs: IndexPhase[]): Pod[] =>
  descs.map(([index, phase], i) => ({
    metadata: {
      name: `p${i}`,
      uid: `u${i}`,
      ...(index !== noIndex ? { annotations: { 'batch.kubernetes.io/job-completion-index': index } } : {}),
    },
    status: { phase },
  }));
const toIndexPhases = (pods: Pod[]): IndexPhase[] =>
  pods.map((p) => [p.metadata?.annotations?.['batch.kubernetes.io/job-completion-index'] ?? noIndex, p.status!.phase!]);
const all = () => true;

/** buildPod().uid().indexFailureCount().phase().index() */
const buildPod = (o: { uid?: string; failures?: string; phase: string; index: string; status?: object }): Pod => ({
  metadata: {
    uid: o.uid ?? 'x',
    name: o.uid ?? 'x',
    annotations: {
      'batch.kubernetes.io/job-completion-index': o.index,
      ...(o.failures !== undefined ? { 'batch.kubernetes.io/job-index-failure-count': o.failures } : {}),
    },
  },
  status: { phase: o.phase, ...(o.status ?? {}) },
});

// indexed_job_utils_test.go TestCalculateSucceededIndexes
describe('calculateSucceededIndexes', () => {
  test.each<[string, string, IndexPhase[], number, OrderedIntervals, OrderedIntervals]>([
    ['one index', '', [['1', 'Succeeded']], 2, [], [[1, 1]]],
    [
      'two separate',
      '',
      [
        ['2', 'Failed'],
        ['5', 'Succeeded'],
        ['5', 'Succeeded'],
        ['10', 'Failed'],
        ['10', 'Succeeded'],
      ],
      11,
      [],
      [
        [5, 5],
        [10, 10],
      ],
    ],
    [
      'two intervals',
      '',
      [
        ['0', 'Running'],
        ['1', 'Pending'],
        ['2', 'Succeeded'],
        ['3', 'Succeeded'],
        ['5', 'Succeeded'],
        ['6', 'Succeeded'],
        ['7', 'Succeeded'],
      ],
      8,
      [],
      [
        [2, 3],
        [5, 7],
      ],
    ],
    [
      'one index and one interval',
      '',
      [
        ['0', 'Succeeded'],
        ['1', 'Failed'],
        ['2', 'Succeeded'],
        ['3', 'Succeeded'],
        ['4', 'Succeeded'],
        ['5', 'Succeeded'],
        [noIndex, 'Succeeded'],
        ['-2', 'Succeeded'],
      ],
      6,
      [],
      [
        [0, 0],
        [2, 5],
      ],
    ],
    [
      'out of range',
      '',
      [
        ['0', 'Succeeded'],
        ['1', 'Succeeded'],
        ['2', 'Succeeded'],
        ['3', 'Failed'],
        ['4', 'Succeeded'],
        ['5', 'Succeeded'],
        [noIndex, 'Succeeded'],
        ['-2', 'Succeeded'],
      ],
      5,
      [],
      [
        [0, 2],
        [4, 4],
      ],
    ],
    ['prev interval out of range', '0-5,8-10', [], 8, [[0, 5]], [[0, 5]]],
    [
      'prev interval partially out of range',
      '0-5,8-10',
      [],
      10,
      [
        [0, 5],
        [8, 9],
      ],
      [
        [0, 5],
        [8, 9],
      ],
    ],
    [
      'prev and new separate',
      '0,4,5,10-12',
      [
        ['2', 'Succeeded'],
        ['7', 'Succeeded'],
        ['8', 'Succeeded'],
      ],
      13,
      [
        [0, 0],
        [4, 5],
        [10, 12],
      ],
      [
        [0, 0],
        [2, 2],
        [4, 5],
        [7, 8],
        [10, 12],
      ],
    ],
    [
      'prev between new',
      '3,4,6',
      [
        ['2', 'Succeeded'],
        ['7', 'Succeeded'],
        ['8', 'Succeeded'],
      ],
      9,
      [
        [3, 4],
        [6, 6],
      ],
      [
        [2, 4],
        [6, 8],
      ],
    ],
    [
      'new between prev',
      '2,7,8',
      [
        ['3', 'Succeeded'],
        ['4', 'Succeeded'],
        ['6', 'Succeeded'],
      ],
      9,
      [
        [2, 2],
        [7, 8],
      ],
      [
        [2, 4],
        [6, 8],
      ],
    ],
    [
      'new within prev',
      '2-7',
      [
        ['0', 'Succeeded'],
        ['3', 'Succeeded'],
        ['5', 'Succeeded'],
        ['9', 'Succeeded'],
      ],
      10,
      [[2, 7]],
      [
        [0, 0],
        [2, 7],
        [9, 9],
      ],
    ],
    [
      'corrupted interval',
      '0,1-foo,bar',
      [['3', 'Succeeded']],
      4,
      [[0, 0]],
      [
        [0, 0],
        [3, 3],
      ],
    ],
  ])('%s', (_name, prev, pods, completions, wantStatus, want) => {
    const job = { spec: { completions, template: {} }, status: { completedIndexes: prev } };
    const [gotStatus, got] = calculateSucceededIndexes(job, hollow(pods), all);
    expect(gotStatus).toEqual(wantStatus);
    expect(got).toEqual(want);
  });

  test('pods already counted (no finalizer) are not new', () => {
    const job = { spec: { completions: 3, template: {} } };
    expect(calculateSucceededIndexes(job, hollow([['1', 'Succeeded']]))[1]).toEqual([]);
  });
});

// indexed_job_utils_test.go TestIsIndexFailed
describe('isIndexFailed', () => {
  const spec = (backoffLimitPerIndex: number, podFailurePolicy?: object) => ({
    spec: { completions: 2, backoffLimitPerIndex, podFailurePolicy, template: {} },
  });
  test.each<[string, any, Pod, boolean]>([
    [
      'failed pod exceeding backoffLimitPerIndex, when backoffLimitPerIndex=0',
      spec(0),
      buildPod({ failures: '0', phase: 'Failed', index: '0' }),
      true,
    ],
    [
      'failed pod exceeding backoffLimitPerIndex, when backoffLimitPerIndex=1',
      spec(1),
      buildPod({ failures: '1', phase: 'Failed', index: '1' }),
      true,
    ],
    [
      'matching FailIndex pod failure policy',
      spec(1, { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [3] } }] }),
      buildPod({
        failures: '0',
        phase: 'Failed',
        index: '0',
        status: { containerStatuses: [{ name: 'c', state: { terminated: { exitCode: 3 } } }] },
      }),
      true,
    ],
    ['a first failure within the limit', spec(1), buildPod({ failures: '0', phase: 'Failed', index: '0' }), false],
  ])('%s', (_name, job, pod, want) => {
    expect(isIndexFailed(job, pod)).toBe(want);
  });
});

// indexed_job_utils_test.go TestCalculateFailedIndexes
describe('calculateFailedIndexes', () => {
  const job = (backoffLimitPerIndex: number, failedIndexes?: string) => ({
    spec: { completions: 2, backoffLimitPerIndex, template: {} },
    status: failedIndexes === undefined ? {} : { failedIndexes },
  });
  test.each<[string, any, Pod[], OrderedIntervals]>([
    [
      'one new index failed',
      job(1),
      [
        buildPod({ uid: 'a', failures: '0', phase: 'Failed', index: '0' }),
        buildPod({ uid: 'b', failures: '1', phase: 'Failed', index: '1' }),
      ],
      [[1, 1]],
    ],
    ['pod outside completions is ignored', job(0), [buildPod({ failures: '0', phase: 'Failed', index: '3' })], []],
    ['extend the failed indexes', job(0, '0'), [buildPod({ failures: '0', phase: 'Failed', index: '1' })], [[0, 1]]],
    ['prev failed indexes empty', job(0, ''), [buildPod({ failures: '0', phase: 'Failed', index: '1' })], [[1, 1]]],
    [
      'prev failed indexes outside the completions',
      job(0, '9'),
      [buildPod({ failures: '0', phase: 'Failed', index: '1' })],
      [[1, 1]],
    ],
  ])('%s', (_name, j, pods, want) => {
    expect(calculateFailedIndexes(j, pods, all)).toEqual(want);
  });
  test('pod without finalizer is ignored', () => {
    expect(calculateFailedIndexes(job(0), [buildPod({ failures: '0', phase: 'Failed', index: '0' })])).toEqual([]);
  });
});

// indexed_job_utils_test.go TestIntervalsHaveIndex
test.each<[string, OrderedIntervals, number, boolean]>([
  ['empty', [], 4, false],
  [
    'before all',
    [
      [2, 4],
      [5, 7],
    ],
    1,
    false,
  ],
  [
    'after all',
    [
      [2, 4],
      [6, 8],
    ],
    9,
    false,
  ],
  [
    'in between',
    [
      [2, 4],
      [6, 8],
    ],
    5,
    false,
  ],
  [
    'in first',
    [
      [2, 4],
      [6, 8],
    ],
    2,
    true,
  ],
  [
    'in second',
    [
      [2, 4],
      [6, 8],
    ],
    8,
    true,
  ],
])('intervals have index: %s', (_name, intervals, index, want) => {
  expect(has(intervals, index)).toBe(want);
});

test('orderedIntervals.String: "1,3-5,7" and two consecutive as "1,2"', () => {
  expect(
    intervalsString([
      [1, 1],
      [3, 5],
      [7, 7],
    ]),
  ).toBe('1,3-5,7');
  expect(intervalsString([[1, 2]])).toBe('1,2');
});

// indexed_job_utils_test.go TestFirstPendingIndexes
describe('firstPendingIndexes', () => {
  test.each<[string, number, number, IndexPhase[], OrderedIntervals, OrderedIntervals | undefined, number[]]>([
    ['cnt greater than completions', 5, 3, [], [], undefined, [0, 1, 2]],
    ['cnt less than completions', 2, 5, [], [], undefined, [0, 1]],
    [
      'first pods active',
      3,
      10,
      [
        ['0', 'Running'],
        ['1', 'Pending'],
      ],
      [],
      undefined,
      [2, 3, 4],
    ],
    ['last pods active or succeeded', 6, 6, [['6', 'Pending']], [[4, 5]], undefined, [0, 1, 2, 3]],
    [
      'mixed',
      5,
      20,
      [
        ['3', 'Pending'],
        ['5', 'Running'],
        ['8', 'Pending'],
        [noIndex, 'Running'],
        ['-3', 'Running'],
      ],
      [
        [2, 4],
        [9, 9],
      ],
      undefined,
      [0, 1, 6, 7, 10],
    ],
    [
      'with failed indexes',
      5,
      20,
      [
        ['3', 'Pending'],
        ['9', 'Pending'],
      ],
      [
        [1, 1],
        [5, 5],
        [9, 9],
      ],
      [
        [2, 2],
        [6, 7],
      ],
      [0, 4, 8, 10, 11],
    ],
  ])('%s', (_name, cnt, completions, active, succeededIndexes, failedIndexes, want) => {
    const job = { spec: { completionMode: 'Indexed', completions: 1, parallelism: 1, template: {} } };
    expect(
      firstPendingIndexes({ job, activePods: hollow(active), succeededIndexes, failedIndexes }, cnt, completions),
    ).toEqual(want);
  });
});

// indexed_job_utils_test.go TestAppendDuplicatedIndexPodsForRemoval
describe('appendDuplicatedIndexPodsForRemoval', () => {
  test.each<[string, IndexPhase[], IndexPhase[], IndexPhase[], number]>([
    [
      'all unique',
      [
        [noIndex, 'Pending'],
        ['2', 'Pending'],
        ['5', 'Running'],
        ['6', 'Running'],
      ],
      [
        [noIndex, 'Pending'],
        ['6', 'Running'],
      ],
      [
        ['2', 'Pending'],
        ['5', 'Running'],
      ],
      6,
    ],
    [
      'all with index',
      [
        ['5', 'Pending'],
        ['0', 'Running'],
        ['3', 'Pending'],
        ['0', 'Running'],
        ['3', 'Running'],
        ['0', 'Pending'],
        ['6', 'Running'],
        ['6', 'Pending'],
      ],
      [
        ['0', 'Pending'],
        ['0', 'Running'],
        ['3', 'Pending'],
        ['6', 'Running'],
        ['6', 'Pending'],
      ],
      [
        ['0', 'Running'],
        ['3', 'Running'],
        ['5', 'Pending'],
      ],
      6,
    ],
    [
      'mixed',
      [
        [noIndex, 'Pending'],
        ['invalid', 'Running'],
        ['-2', 'Running'],
        ['0', 'Pending'],
        ['1', 'Pending'],
        ['1', 'Pending'],
        ['1', 'Running'],
      ],
      [
        [noIndex, 'Pending'],
        ['invalid', 'Running'],
        ['-2', 'Running'],
        ['1', 'Pending'],
        ['1', 'Pending'],
      ],
      [
        ['0', 'Pending'],
        ['1', 'Running'],
      ],
      6,
    ],
  ])('%s', (_name, pods, wantRm, wantLeft, completions) => {
    const [rm, left] = appendDuplicatedIndexPodsForRemoval([], [], hollow(pods), completions);
    expect(toIndexPhases(rm)).toEqual(wantRm);
    expect(toIndexPhases(left)).toEqual(wantLeft);
  });
});

// indexed_job_utils_test.go TestPodGenerateNameWithIndex
test.each([
  ['short job name', 'indexed-job', 1, 'indexed-job-1-'],
  [
    'job name exceeds MaxGeneneratedNameLength',
    'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooo',
    1,
    'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhh-1-',
  ],
  [
    'job name with index suffix exceeds MaxGeneratedNameLength',
    'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhoo',
    1,
    'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhh-1-',
  ],
])('podGenerateNameWithIndex: %s', (_name, job, index, want) => {
  expect(podGenerateNameWithIndex(job, index)).toBe(want);
});

// indexed_job_utils_test.go TestGetIndexFailureCount
test.each([
  ['no annotation', undefined, 0],
  ['valid value', '2', 2],
  ['valid maxint32 value', '2147483647', 2147483647],
  ['too large value', '2147483648', 0],
  ['negative value', '-1', 0],
  ['invalid int value', 'xyz', 0],
])('getIndexFailureCount: %s', (_name, value, want) => {
  const pod: Pod =
    value === undefined ? {} : { metadata: { annotations: { 'batch.kubernetes.io/job-index-failure-count': value } } };
  expect(getIndexFailureCount(pod)).toBe(want);
});

// indexed_job_utils_test.go TestGetNewIndexFailureCountValue
test.each<[string, any, Pod | undefined, [number, number]]>([
  ['first pod created', { spec: { template: {} } }, undefined, [0, 0]],
  [
    'failed pod being replaced with 0 index failure count',
    { spec: { template: {} } },
    buildPod({ failures: '0', phase: 'Failed', index: '0' }),
    [1, 0],
  ],
  [
    'failed pod being replaced with >0 index failure count',
    { spec: { template: {} } },
    buildPod({ failures: '3', phase: 'Failed', index: '0' }),
    [4, 0],
  ],
  [
    'failed pod being replaced, matching the ignore rule',
    {
      spec: {
        template: {},
        podFailurePolicy: {
          rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }],
        },
      },
    },
    buildPod({
      failures: '3',
      phase: 'Failed',
      index: '3',
      status: { conditions: [{ type: 'DisruptionTarget', status: 'True' }] },
    }),
    [3, 1],
  ],
])('getNewIndexFailureCounts: %s', (_name, job, pod, want) => {
  expect(getNewIndexFailureCounts(job, pod)).toEqual(want);
});
