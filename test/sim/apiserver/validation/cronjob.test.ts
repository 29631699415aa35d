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

// upstream: TestValidateCronJob, TestValidateCronJobSpec (pkg/apis/batch/validation/validation_test.go)
describe('TestValidateCronJob (upstream tables)', () => {
  test.each([
    { name: 'basic scheduled job', spec: { schedule: '* * * * ?' } },
    { name: 'non-standard scheduled', spec: { schedule: '@hourly' } },
    { name: 'correct timeZone value', spec: { schedule: '0 * * * *', timeZone: 'Europe/Rome' } },
  ])('success: $name (create and no-op update)', ({ spec }) => {
    const r = create('CronJob', cj(spec, 'mycronjob'));
    expect(messages(r.errors)).toEqual([]);
    expect(messages(update('CronJob', r.object, r.object).errors)).toEqual([]);
  });

  test.each([
    ['spec.schedule: Invalid value', { schedule: 'error' }],
    [
      'spec.timeZone: Invalid value: "Europe/InvalidRome": unknown time zone Europe/InvalidRome',
      { timeZone: 'Europe/InvalidRome' },
    ],
    ['spec.timeZone: Invalid value: " ": unknown time zone  ', { timeZone: ' ' }],
    ['spec.timeZone: Invalid value: "Europe/Rome ": unknown time zone Europe/Rome ', { timeZone: 'Europe/Rome ' }],
    [
      'spec.timeZone: timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      { timeZone: 'LOCAL' },
    ],
    [
      'spec.jobTemplate.spec.completions: Invalid value: -1: must be greater than or equal to 0',
      { jobTemplate: { spec: { completions: -1, template: podTemplate({}, 'OnFailure') } } },
    ],
    [
      'spec.jobTemplate.spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0',
      { jobTemplate: { spec: { activeDeadlineSeconds: -1, template: podTemplate({}, 'OnFailure') } } },
    ],
    [
      'spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value',
      { jobTemplate: { spec: { template: podTemplate({}, 'Invalid') } } },
    ],
    [
      'spec.jobTemplate.spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0',
      { jobTemplate: { spec: { ttlSecondsAfterFinished: -1, template: podTemplate({}, 'OnFailure') } } },
    ],
    // 'spec.concurrencyPolicy: Required value' cannot come from a manifest: SetDefaults_CronJob sets Allow.
  ] as [string, Record<string, unknown>][])('error: %s (create and update)', (want, spec) => {
    const field = want.slice(0, want.indexOf(':'));
    const rest = want.slice(want.indexOf(':') + 1);
    const r = create('CronJob', cj(spec, 'mycronjob'));
    expect(r.errors[0]?.field).toBe(field);
    expect(messages(r.errors)[0]).toContain(rest);
    // upstream: the update from the same object with timeZone cleared fails the same way
    const old = create('CronJob', cj({}, 'mycronjob')).object;
    const next = { ...JSON.parse(JSON.stringify(old)), spec: { ...old.spec, ...spec } };
    if (spec.jobTemplate) next.spec.jobTemplate = spec.jobTemplate;
    const u = update('CronJob', old, next);
    expect(u.errors[0]?.field).toBe(field);
  });

  test.each([
    { name: 'no validation because timeZone is nil for old and new', old: undefined, next: undefined, err: false },
    {
      name: 'check validation because timeZone is different for new',
      old: undefined,
      next: 'America/New_York',
      err: false,
    },
    {
      name: 'check validation because timeZone is different for new and invalid',
      old: undefined,
      next: 'broken',
      err: true,
    },
    { name: 'old timeZone and new timeZone are valid', old: 'America/New_York', next: 'America/Chicago', err: false },
    { name: 'old timeZone is valid, but new timeZone is invalid', old: 'America/New_York', next: 'broken', err: true },
    { name: 'old timeZone and new timeZone are invalid, but unchanged', old: 'broken', next: 'broken', err: false },
    {
      name: 'old timeZone and new timeZone are invalid, but different',
      old: 'broken',
      next: 'still broken',
      err: true,
    },
    { name: 'old timeZone is invalid, but new timeZone is valid', old: 'broken', next: 'America/New_York', err: false },
  ])('TestValidateCronJobSpec: $name', ({ old, next, err }) => {
    const stored: any = create('CronJob', cj({ schedule: '0 * * * *' })).object;
    if (old !== undefined) stored.spec.timeZone = old;
    const edited = JSON.parse(JSON.stringify(stored));
    if (next !== undefined) edited.spec.timeZone = next;
    else delete edited.spec.timeZone;
    expect(update('CronJob', stored, edited).errors.length > 0).toBe(err);
  });

  test('SetObjectDefaults_CronJob leaves the jobTemplate JobSpec unset; the pod spec below is defaulted', () => {
    const r = create('CronJob', cj());
    expect(Object.keys(r.object.spec.jobTemplate.spec)).toEqual(['template']);
    expect(r.object.spec.jobTemplate.spec.template.spec).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
    });
  });
});

// upstream: TestValidateCronJobScheduleTZ (1.34 has no TestValidateCronJobUpdate; TestValidateCronJob's
// update halves are above). A schedule with TZ cannot be created, so the old CronJob is stored with a
// valid schedule and given the TZ one afterwards, as a CronJob from before the check would have it.
describe('TestValidateCronJobScheduleTZ (upstream)', () => {
  const tzSchedule = 'TZ=UTC 0 * * * *';
  test.each<{ name: string; oldSchedule: string; createErr?: string; edit: (c: any) => void; updateErr?: string }>([
    {
      name: 'update removing TZ should work',
      oldSchedule: tzSchedule,
      createErr: 'cannot use TZ or CRON_TZ in schedule',
      edit: (c) => (c.spec.schedule = '0 * * * *'),
    },
    {
      name: 'update not modifying TZ should work',
      oldSchedule: tzSchedule,
      createErr: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      edit: (c) => (c.spec.schedule = tzSchedule),
    },
    {
      name: 'update not modifying TZ but adding .spec.timeZone should fail',
      oldSchedule: tzSchedule,
      createErr: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      edit: (c) => (c.spec.timeZone = 'UTC'),
      updateErr: 'cannot use both timeZone field and TZ or CRON_TZ in schedule',
    },
    {
      name: 'update adding TZ should fail',
      oldSchedule: '0 * * * *',
      edit: (c) => (c.spec.schedule = tzSchedule),
      updateErr: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    },
  ])('$name', ({ oldSchedule, createErr, edit, updateErr }) => {
    const created = messages(create('CronJob', cj({ schedule: oldSchedule }, 'mycronjob')).errors);
    if (createErr) expect(created[0]).toContain(createErr);
    else expect(created).toEqual([]);
    const old = create('CronJob', cj({ schedule: '0 * * * *' }, 'mycronjob')).object;
    old.spec.schedule = oldSchedule;
    const next = JSON.parse(JSON.stringify(old));
    edit(next);
    const errs = messages(update('CronJob', old, next).errors);
    if (updateErr) expect(errs[0]).toContain(updateErr);
    else expect(errs).toEqual([]);
  });

  test('kubernetes#131525: a jobTemplate pattern without status is defaulted to True, not rejected', () => {
    const rules = [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }];
    const r = create(
      'CronJob',
      cj({ jobTemplate: { spec: { podFailurePolicy: { rules }, template: podTemplate({}, 'Never') } } }),
    );
    expect(messages(r.errors)).toEqual([]);
    expect(r.object.spec.jobTemplate.spec.podFailurePolicy.rules[0].onPodConditions[0].status).toBe('True');
  });
});
