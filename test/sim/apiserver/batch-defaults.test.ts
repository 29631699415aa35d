import { describe, test, expect } from 'vitest';
import { setDefaultsCronJob, setDefaultsJob } from '../../../src/sim/apiserver/defaults';

// upstream: TestSetDefaultJob, TestSetDefaultCronJob (pkg/apis/batch/v1/defaults_test.go). Upstream
// round-trips a Job through the scheme's codec; here SetObjectDefaults_Job runs on the v1 shape.
// Cases that upstream runs with JobPodReplacementPolicy off expect no podReplacementPolicy; the gate
// is on by default (GA in 1.34), so those expect TerminatingOrFailed here.
const defaultLabels = { default: 'default' };
const template = { metadata: { labels: defaultLabels } };
const MAX_INT32 = 2147483647;
const exitCode1 = { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1] } }] };
const nonIndexedDefaults = {
  backoffLimit: 6,
  completionMode: 'NonIndexed',
  suspend: false,
  manualSelector: false,
  podReplacementPolicy: 'TerminatingOrFailed',
};

describe('TestSetDefaultJob (upstream)', () => {
  test.each<{ name: string; labels?: Record<string, string>; spec: any; want: any; expectLabels?: boolean }>([
    {
      name: 'Pod failure policy with some field values unspecified -> set default values',
      spec: {
        podFailurePolicy: {
          rules: [
            {
              action: 'FailJob',
              onPodConditions: [
                { type: 'DisruptionTarget', status: 'True' },
                { type: 'MemoryLimitExceeded', status: 'False' },
                { type: 'DiskLimitExceeded' },
              ],
            },
            { action: 'FailJob', onExitCodes: { operator: 'In', values: [1] } },
            { action: 'FailJob', onPodConditions: [{ type: 'DisruptionTarget' }] },
          ],
        },
      },
      want: {
        completions: 1,
        parallelism: 1,
        ...nonIndexedDefaults,
        podReplacementPolicy: 'Failed',
        podFailurePolicy: {
          rules: [
            {
              action: 'FailJob',
              onPodConditions: [
                { type: 'DisruptionTarget', status: 'True' },
                { type: 'MemoryLimitExceeded', status: 'False' },
                { type: 'DiskLimitExceeded', status: 'True' },
              ],
            },
            { action: 'FailJob', onExitCodes: { operator: 'In', values: [1] } },
            { action: 'FailJob', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
          ],
        },
      },
    },
    {
      name: 'Pod failure policy and defaulting for pod replacement policy',
      spec: { podFailurePolicy: exitCode1 },
      want: {
        completions: 1,
        parallelism: 1,
        ...nonIndexedDefaults,
        podReplacementPolicy: 'Failed',
        podFailurePolicy: exitCode1,
      },
    },
    {
      name: 'All unspecified and podReplacementPolicyEnabled -> sets all to default values',
      spec: {},
      want: { completions: 1, parallelism: 1, ...nonIndexedDefaults },
    },
    {
      name: 'All unspecified -> sets all to default values',
      spec: {},
      want: { completions: 1, parallelism: 1, ...nonIndexedDefaults },
    },
    {
      name: 'All unspecified, suspend job enabled -> sets all to default values',
      spec: {},
      want: { completions: 1, parallelism: 1, ...nonIndexedDefaults },
    },
    {
      name: 'suspend set, everything else is defaulted',
      spec: { suspend: true },
      want: { completions: 1, parallelism: 1, ...nonIndexedDefaults, suspend: true },
    },
    {
      name: 'All unspecified -> all pointers are defaulted and no default labels',
      labels: { mylabel: 'myvalue' },
      spec: {},
      want: { completions: 1, parallelism: 1, ...nonIndexedDefaults },
      expectLabels: false,
    },
    {
      name: 'WQ: Parallelism explicitly 0 and completions unset -> BackoffLimit is defaulted',
      spec: { parallelism: 0 },
      want: { completions: undefined, parallelism: 0, ...nonIndexedDefaults },
    },
    {
      name: 'WQ: Parallelism explicitly 2 and completions unset -> BackoffLimit is defaulted',
      spec: { parallelism: 2 },
      want: { completions: undefined, parallelism: 2, ...nonIndexedDefaults },
    },
    {
      name: 'Completions explicitly 2 and others unset -> parallelism and BackoffLimit are defaulted',
      spec: { completions: 2 },
      want: { completions: 2, parallelism: 1, ...nonIndexedDefaults },
    },
    {
      name: 'BackoffLimit explicitly 5 and others unset -> parallelism and completions are defaulted',
      spec: { backoffLimit: 5 },
      want: { completions: 1, parallelism: 1, ...nonIndexedDefaults, backoffLimit: 5 },
    },
    ...[
      {
        name: 'All set -> no change',
        spec: {
          completions: 8,
          parallelism: 9,
          backoffLimit: 10,
          completionMode: 'NonIndexed',
          suspend: false,
          podReplacementPolicy: 'TerminatingOrFailed',
          manualSelector: false,
        },
      },
      {
        name: 'All set, flipped -> no change',
        spec: {
          completions: 11,
          parallelism: 10,
          backoffLimit: 9,
          completionMode: 'Indexed',
          suspend: true,
          podReplacementPolicy: 'Failed',
          manualSelector: true,
        },
      },
      {
        name: 'BackoffLimitPerIndex and BackoffLimit specified -> no change',
        spec: {
          completions: 11,
          parallelism: 10,
          backoffLimit: 3,
          backoffLimitPerIndex: 1,
          completionMode: 'Indexed',
          suspend: true,
          manualSelector: true,
          podReplacementPolicy: 'TerminatingOrFailed',
        },
      },
    ].map(({ name, spec }) => ({ name, spec, want: spec })),
    {
      name: 'BackoffLimitPerIndex specified, but no BackoffLimit -> default BackoffLimit to max int32',
      spec: {
        completions: 11,
        parallelism: 10,
        backoffLimitPerIndex: 1,
        completionMode: 'Indexed',
        suspend: true,
        manualSelector: false,
      },
      want: {
        completions: 11,
        parallelism: 10,
        backoffLimit: MAX_INT32,
        backoffLimitPerIndex: 1,
        completionMode: 'Indexed',
        suspend: true,
        manualSelector: false,
        podReplacementPolicy: 'TerminatingOrFailed',
      },
    },
  ])('$name', ({ labels, spec, want, expectLabels = true }) => {
    const job: any = { metadata: labels ? { labels } : {}, spec: { ...structuredClone(spec), template } };
    setDefaultsJob(job);
    for (const k of [
      'completions',
      'parallelism',
      'backoffLimit',
      'completionMode',
      'suspend',
      'podReplacementPolicy',
      'manualSelector',
      'podFailurePolicy',
    ])
      expect(job.spec[k], k).toEqual(want[k]);
    expect(job.metadata.labels).toEqual(expectLabels ? defaultLabels : labels);
  });
});

describe('TestSetDefaultCronJob (upstream)', () => {
  test.each([
    {
      name: 'empty batchv1.CronJob should default batchv1.ConcurrencyPolicy and Suspend',
      spec: {},
      want: { concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 },
    },
    {
      name: 'set fields should not be defaulted',
      spec: { concurrencyPolicy: 'Forbid', suspend: true, successfulJobsHistoryLimit: 5, failedJobsHistoryLimit: 5 },
      want: { concurrencyPolicy: 'Forbid', suspend: true, successfulJobsHistoryLimit: 5, failedJobsHistoryLimit: 5 },
    },
  ])('$name', ({ spec, want }) => {
    const cj: any = { spec: { ...spec } };
    setDefaultsCronJob(cj);
    expect(cj.spec).toMatchObject(want);
    // SetDefaults_Job takes a Job: the generated walk never reaches the jobTemplate's JobSpec fields
    expect(Object.keys(cj.spec.jobTemplate.spec)).toEqual(['template']);
    expect(cj.spec.jobTemplate.spec.template.spec.terminationGracePeriodSeconds).toBe(30);
  });

  test('SetDefaults_PodFailurePolicyOnPodConditionsPattern reaches the jobTemplate (kubernetes#131525)', () => {
    const cj: any = {
      spec: {
        jobTemplate: {
          spec: {
            podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] },
          },
        },
      },
    };
    setDefaultsCronJob(cj);
    expect(cj.spec.jobTemplate.spec.podFailurePolicy.rules[0].onPodConditions[0].status).toBe('True');
    expect(cj.spec.jobTemplate.spec.podReplacementPolicy).toBeUndefined();
  });
});
