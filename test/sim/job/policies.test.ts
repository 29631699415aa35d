import { describe, expect, test } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { matchPodFailurePolicy } from '../../../src/sim/job/pod-failure-policy';
import { matchSuccessPolicy, matchSucceededIndexesRule } from '../../../src/sim/job/success-policy';
import {
  getFinishedTime,
  getRemainingTimeForFailuresCount,
  newBackoffRecord,
} from '../../../src/sim/job/backoff-utils';

const failedPod = (status: object): Pod => ({
  metadata: { namespace: 'default', name: 'mypod' },
  status: { phase: 'Failed', ...status },
});
const exited = (...codes: [string, number][]) => ({
  containerStatuses: codes.map(([name, exitCode]) => ({ name, state: { terminated: { exitCode } } })),
});
const disruption = (status = 'True') => ({ conditions: [{ type: 'DisruptionTarget', status }] });
const onExit = (action: string, operator: string, values: number[]) => ({
  action,
  onExitCodes: { operator, values },
});
const onCond = (action: string, status = 'True') => ({
  action,
  onPodConditions: [{ type: 'DisruptionTarget', status }],
});

// pod_failure_policy_test.go TestMatchPodFailurePolicy
describe('matchPodFailurePolicy', () => {
  test.each<[string, any, Pod, string | undefined, boolean, string | undefined]>([
    [
      'unknown action for rule matching by exit codes - skip rule with unknown action',
      { rules: [onExit('UnknownAction', 'In', [1, 2]), onExit('FailJob', 'In', [2, 3])] },
      failedPod(exited(['main-container', 2])),
      'Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 1',
      true,
      'FailJob',
    ],
    [
      'unknown action for rule matching by pod conditions - skip rule with unknown action',
      { rules: [onCond('UnkonwnAction'), onCond('Ignore')] },
      failedPod(disruption()),
      undefined,
      false,
      'Ignore',
    ],
    [
      'unknown operator - rule with unknown action is skipped for onExitCodes',
      { rules: [onExit('Ignore', 'UnknownOperator', [1, 2]), onExit('FailJob', 'In', [2, 3])] },
      failedPod(exited(['main-container', 2])),
      'Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 1',
      true,
      'FailJob',
    ],
    ['no policy rules', undefined, failedPod(exited(['', 2])), undefined, true, undefined],
    [
      'ignore rule matched for exit codes',
      { rules: [onExit('Ignore', 'In', [1, 2, 3])] },
      failedPod(exited(['', 2])),
      undefined,
      false,
      'Ignore',
    ],
    [
      'FailJob rule matched for exit codes',
      { rules: [onExit('FailJob', 'In', [1, 2, 3])] },
      failedPod(exited(['main-container', 2])),
      'Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 0',
      true,
      'FailJob',
    ],
    [
      'successful containers are skipped by the rules',
      { rules: [onExit('FailJob', 'NotIn', [111])] },
      failedPod({
        initContainerStatuses: [{ name: 'init-container', state: { terminated: { exitCode: 0 } } }],
        ...exited(['main-container', 111], ['suppport-container', 0]),
      }),
      undefined,
      true,
      undefined,
    ],
    [
      'FailIndex rule matched for exit codes; JobBackoffLimitPerIndex enabled',
      { rules: [onExit('FailIndex', 'In', [1, 2, 3])] },
      failedPod(exited(['', 2])),
      undefined,
      true,
      'FailIndex',
    ],
    [
      'pod failure policy with NotIn operator and value 0',
      { rules: [onExit('FailJob', 'NotIn', [0])] },
      failedPod(exited(['main-container', 1], ['suppport-container', 0])),
      'Container main-container for pod default/mypod failed with exit code 1 matching FailJob rule at index 0',
      true,
      'FailJob',
    ],
    [
      'second jobfail rule matched for exit codes',
      { rules: [onExit('Count', 'In', [1, 2, 3]), onExit('FailJob', 'In', [4, 5, 6])] },
      failedPod(exited(['main-container', 6])),
      'Container main-container for pod default/mypod failed with exit code 6 matching FailJob rule at index 1',
      true,
      'FailJob',
    ],
    [
      'count rule matched for exit codes',
      { rules: [onExit('Count', 'In', [1, 2, 3])] },
      failedPod({ containerStatuses: [{ name: 'foo' }, { name: 'bar', state: { terminated: { exitCode: 2 } } }] }),
      undefined,
      true,
      'Count',
    ],
    [
      'FailIndex rule matched for pod conditions; JobBackoffLimitPerIndex enabled',
      { rules: [onCond('FailIndex')] },
      failedPod(disruption()),
      undefined,
      true,
      'FailIndex',
    ],
    [
      'ignore rule matched for pod conditions',
      { rules: [onCond('Ignore')] },
      failedPod(disruption()),
      undefined,
      false,
      'Ignore',
    ],
    [
      'ignore rule matches by the status=False',
      { rules: [onCond('Ignore', 'False')] },
      failedPod(disruption('False')),
      undefined,
      false,
      'Ignore',
    ],
    [
      'FailJob rule matched for pod conditions (our case)',
      { rules: [onCond('FailJob')] },
      failedPod(disruption()),
      'Pod default/mypod has condition DisruptionTarget matching FailJob rule at index 0',
      true,
      'FailJob',
    ],
  ])('%s', (_name, policy, pod, message, countFailed, action) => {
    expect(matchPodFailurePolicy(policy, pod)).toEqual({
      ...(message ? { message } : {}),
      countFailed,
      ...(action ? { action } : {}),
    });
  });
});

const I = (...xs: [number, number][]) => xs;

// success_policy_test.go TestMatchSuccessPolicy (cases in its manner)
describe('matchSuccessPolicy', () => {
  test.each<[string, any, number, [number, number][], string, boolean]>([
    ['no successPolicy', undefined, 10, I([0, 9]), '', false],
    ['no succeeded indexes', { rules: [{ succeededCount: 1 }] }, 10, [], '', false],
    [
      'succeededIndexes all succeeded',
      { rules: [{ succeededIndexes: '0-2' }] },
      10,
      I([0, 3]),
      'Matched rules at index 0',
      true,
    ],
    ['succeededIndexes partly succeeded', { rules: [{ succeededIndexes: '0-2' }] }, 10, I([0, 1]), '', false],
    [
      'succeededIndexes with succeededCount',
      { rules: [{ succeededIndexes: '0-4', succeededCount: 2 }] },
      10,
      I([1, 1], [3, 3]),
      'Matched rules at index 0',
      true,
    ],
    [
      'succeededCount only, second rule matches',
      { rules: [{ succeededIndexes: '7' }, { succeededCount: 3 }] },
      10,
      I([0, 2]),
      'Matched rules at index 1',
      true,
    ],
    [
      'succeededIndexes out of completions are skipped',
      { rules: [{ succeededIndexes: '20-30' }] },
      10,
      I([0, 9]),
      '',
      false,
    ],
  ])('%s', (_name, policy, completions, succeeded, message, met) => {
    expect(matchSuccessPolicy(policy, completions, succeeded)).toEqual({ message, met });
  });

  test('matchSucceededIndexesRule counts the overlap of interval lists', () => {
    expect(matchSucceededIndexesRule(I([0, 3], [6, 9]), I([2, 7]), 4)).toBe(true);
    expect(matchSucceededIndexesRule(I([0, 3], [6, 9]), I([2, 7]), 5)).toBe(false);
    expect(matchSucceededIndexesRule(I([0, 3], [6, 9]), I([0, 9]))).toBe(true);
  });
});

const t0 = Date.parse('2025-01-01T00:00:00Z');
const finished = (sec: number, phase = 'Failed'): Pod => ({
  metadata: { creationTimestamp: new Date(t0).toISOString() },
  status: {
    phase,
    containerStatuses: [
      { name: 'c', state: { terminated: { exitCode: 1, finishedAt: new Date(t0 + sec * 1000).toISOString() } } },
    ],
  } as any,
});

// backoff_utils_test.go TestNewBackoffRecord
describe('newBackoffRecord', () => {
  test.each<
    [
      string,
      { failuresAfterLastSuccess: number; lastFailureTime?: number } | undefined,
      number[],
      number[],
      number,
      number | undefined,
    ]
  >([
    ['no new finished pods keeps the record', { failuresAfterLastSuccess: 2, lastFailureTime: t0 }, [], [], 2, t0],
    [
      'new failures add up, the last one is remembered',
      { failuresAfterLastSuccess: 1, lastFailureTime: t0 },
      [],
      [5, 3],
      3,
      t0 + 5000,
    ],
    ['a success resets', { failuresAfterLastSuccess: 3, lastFailureTime: t0 }, [10], [], 0, undefined],
    ['only failures after the last success count', undefined, [10], [5, 12, 15], 2, t0 + 15000],
    [
      'failures before the success are forgotten',
      { failuresAfterLastSuccess: 4, lastFailureTime: t0 },
      [20],
      [5, 12],
      0,
      undefined,
    ],
  ])('%s', (_name, old, succ, fail, count, last) => {
    const r = newBackoffRecord(
      old,
      succ.map((s) => finished(s, 'Succeeded')),
      fail.map((s) => finished(s)),
    );
    expect(r.failuresAfterLastSuccess).toBe(count);
    expect(r.lastFailureTime).toBe(last);
  });
});

// backoff_utils_test.go TestGetRemainingBackoffTime
test.each([
  ['no failures', 0, 0, 0],
  ['one failure; no elapsed time', 1, 0, 10_000],
  ['one failure; 5s elapsed', 1, 5_000, 5_000],
  ['one failure; 10s elapsed', 1, 10_000, 0],
  ['two failures; 10s elapsed', 2, 10_000, 10_000],
  ['large number of failures; capped at 10 minutes', 50, 0, 600_000],
])('getRemainingTimeForFailuresCount: %s', (_name, failures, elapsed, want) => {
  expect(getRemainingTimeForFailuresCount(t0 + elapsed, failures, t0)).toBe(want);
});

// backoff_utils_test.go TestGetFinishedTime
describe('getFinishedTime', () => {
  test('the latest finish when all containers terminated', () => {
    const p = finished(7);
    p.status!.containerStatuses!.push({
      name: 'd',
      state: { terminated: { exitCode: 0, finishedAt: new Date(t0 + 3000).toISOString() } },
    } as any);
    expect(getFinishedTime(p)).toBe(t0 + 7000);
  });
  test('a running container: the Ready=False transition', () => {
    const p: Pod = {
      status: {
        containerStatuses: [{ name: 'c', state: { running: {} } } as any],
        conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: new Date(t0 + 4000).toISOString() }],
      },
    };
    expect(getFinishedTime(p)).toBe(t0 + 4000);
  });
  test('a deleted pod: deletionTimestamp less the grace period', () => {
    const p: Pod = {
      metadata: { deletionTimestamp: new Date(t0 + 30_000).toISOString(), deletionGracePeriodSeconds: 30 },
      status: { containerStatuses: [{ name: 'c', state: { running: {} } } as any] },
    };
    expect(getFinishedTime(p)).toBe(t0);
  });
  test('otherwise the creation time', () => {
    expect(getFinishedTime({ metadata: { creationTimestamp: new Date(t0).toISOString() } })).toBe(t0);
  });
});
