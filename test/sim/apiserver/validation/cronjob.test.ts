import { describe, test, expect } from 'vitest';
import { create, messages, podTemplate, update } from './helpers';

const cj = (spec: Record<string, unknown> = {}, name = 'hello') => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name },
  spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: podTemplate({}, 'OnFailure') } }, ...spec },
});

describe('ValidateCronJob', () => {
  test('valid: defaults, status cleared, generation 1', () => {
    const r = create('CronJob', { ...cj(), status: { lastScheduleTime: '2024-01-01T00:00:00Z' } });
    expect(r.errors).toEqual([]);
    expect(r.object.status).toEqual({});
    expect(r.object.metadata.generation).toBe(1);
    expect(r.object.spec).toMatchObject({
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
    });
  });

  // upstream: TestValidateCronJob (errorCases)
  test.each([
    { name: 'spec.schedule: Required value', spec: { schedule: '' }, want: ['spec.schedule: Required value'] },
    {
      name: 'spec.schedule: cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      spec: { schedule: 'TZ=UTC 0 * * * *' },
      want: [
        'spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      ],
    },
    {
      name: 'spec.timeZone: timeZone must be nil or non-empty string',
      spec: { timeZone: '' },
      want: ['spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string'],
    },
    {
      name: 'spec.timeZone: timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      spec: { timeZone: 'Local' },
      want: [
        'spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ],
    },
    {
      name: 'spec.timeZone: Invalid value: " Continent/Zone": unknown time zone  Continent/Zone',
      spec: { timeZone: ' Continent/Zone' },
      want: ['spec.timeZone: Invalid value: " Continent/Zone": unknown time zone  Continent/Zone'],
    },
    {
      name: 'spec.timeZone: Invalid value: "../Etc/UTC": unknown time zone ../Etc/UTC',
      spec: { timeZone: '../Etc/UTC' },
      want: ['spec.timeZone: Invalid value: "../Etc/UTC": unknown time zone ../Etc/UTC'],
    },
    {
      name: 'spec.startingDeadlineSeconds:must be greater than or equal to 0',
      spec: { startingDeadlineSeconds: -1 },
      want: ['spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'spec.successfulJobsHistoryLimit: must be greater than or equal to 0',
      spec: { successfulJobsHistoryLimit: -1 },
      want: ['spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'spec.failedJobsHistoryLimit: must be greater than or equal to 0',
      spec: { failedJobsHistoryLimit: -1 },
      want: ['spec.failedJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'spec.concurrencyPolicy: Unsupported value',
      spec: { concurrencyPolicy: 'Sometimes' },
      want: ['spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"'],
    },
    {
      name: 'spec.jobTemplate.spec.parallelism:must be greater than or equal to 0',
      spec: { jobTemplate: { spec: { parallelism: -1, template: podTemplate({}, 'OnFailure') } } },
      want: ['spec.jobTemplate.spec.parallelism: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'spec.jobTemplate.spec.template.spec.restartPolicy: Required value',
      spec: { jobTemplate: { spec: { template: podTemplate({}) } } },
      want: ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    },
    {
      name: 'spec.jobTemplate.spec.manualSelector: Unsupported value',
      spec: { jobTemplate: { spec: { manualSelector: true, template: podTemplate({}, 'OnFailure') } } },
      want: ['spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"'],
    },
    {
      name: 'spec.jobTemplate.spec.selector: `selector` will be auto-generated',
      spec: {
        jobTemplate: {
          spec: { selector: { matchLabels: { a: 'b' } }, template: podTemplate({ a: 'b' }, 'OnFailure') },
        },
      },
      want: [
        'spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
      ],
    },
  ])('$name', ({ spec, want }) => {
    expect(messages(create('CronJob', cj(spec)).errors)).toEqual(want);
  });

  test('metadata.name: must be no more than 52 characters', () => {
    const name = 'a'.repeat(53);
    expect(messages(create('CronJob', cj({}, name)).errors)).toEqual([
      `metadata.name: Invalid value: "${name}": must be no more than 52 characters`,
    ]);
  });

  test('an invalid schedule carries the parser error', () => {
    const r = create('CronJob', cj({ schedule: '0 * * *' }));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({
      field: 'spec.schedule',
      type: 'FieldValueInvalid',
      badValue: { go: '"0 * * *"' },
    });
  });

  test('a valid IANA zone is accepted', () => {
    expect(create('CronJob', cj({ timeZone: 'Asia/Shanghai' })).errors).toEqual([]);
  });
});

describe('ValidateCronJobUpdate', () => {
  // upstream: TestValidateCronJobSpec (update cases)
  test('TZ kept in an existing schedule is allowed; with timeZone it is not', () => {
    const old = create('CronJob', cj()).object;
    old.spec.schedule = 'TZ=UTC 0 * * * *';
    const same = JSON.parse(JSON.stringify(old));
    expect(update('CronJob', old, same).errors).toEqual([]);
    same.spec.timeZone = 'UTC';
    expect(messages(update('CronJob', old, same).errors)).toEqual([
      'spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use both timeZone field and TZ or CRON_TZ in schedule',
    ]);
  });

  test('the 52-character limit is not applied on update', () => {
    const name = 'a'.repeat(53);
    const old: any = { ...cj({}, name), metadata: { name, namespace: 'default', uid: 'u', generation: 1 } };
    const next = JSON.parse(JSON.stringify(old));
    next.spec.suspend = true;
    const r = update('CronJob', old, next);
    expect(r.errors).toEqual([]);
    expect(r.object.metadata.generation).toBe(2);
  });
});
