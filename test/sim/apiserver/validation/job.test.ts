import { describe, test, expect } from 'vitest';
import { create, messages, podTemplate, update, uid } from './helpers';
import { invalidMessage } from '../../../../src/sim/apiserver/status-error';

const job = (spec: Record<string, unknown> = {}, name = 'pi') => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name },
  spec: { template: podTemplate({}, 'Never'), ...spec },
});

describe('Job PrepareForCreate (generateSelector)', () => {
  test('labels, selector, status and generation', () => {
    const r = create('Job', job());
    expect(r.errors).toEqual([]);
    const labels = {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'job-name': 'pi',
    };
    expect(r.object.spec.template.metadata.labels).toEqual(labels);
    expect(r.object.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    // read back: SetDefaults_Job copies the template labels onto a Job that has none
    expect(r.object.metadata.labels).toEqual(labels);
    expect(r.object.metadata.generation).toBe(1);
    expect(r.object.status).toEqual({});
    expect(r.object.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
    });
  });

  test('manualSelector: true leaves selector and labels alone', () => {
    const r = create(
      'Job',
      job({
        manualSelector: true,
        selector: { matchLabels: { app: 'x' } },
        template: podTemplate({ app: 'x' }, 'Never'),
      }),
    );
    expect(r.errors).toEqual([]);
    expect(r.object.spec.template.metadata.labels).toEqual({ app: 'x' });
  });

  test('the input is not mutated', () => {
    const input = job();
    const copy = JSON.parse(JSON.stringify(input));
    create('Job', input);
    expect(input).toEqual(copy);
  });
});

describe('ValidateJob', () => {
  // upstream: TestValidateJob (errorCases)
  test.each([
    {
      name: 'spec.template.spec.restartPolicy:Required value (defaulted to Always)',
      spec: { template: podTemplate({}) },
      want: ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    },
    {
      name: 'spec.template.spec.restartPolicy: Unsupported value',
      spec: { template: podTemplate({}, 'Sometimes') },
      want: [
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
      ],
    },
    {
      name: 'spec.parallelism:must be greater than or equal to 0',
      spec: { parallelism: -1 },
      want: ['spec.parallelism: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'spec.completions:must be greater than or equal to 0',
      spec: { completions: -1 },
      want: ['spec.completions: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'spec.activeDeadlineSeconds:must be greater than or equal to 0',
      spec: { activeDeadlineSeconds: -1 },
      want: ['spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'spec.backoffLimit:must be greater than or equal to 0',
      spec: { backoffLimit: -1 },
      want: ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'spec.ttlSecondsAfterFinished: must be greater than or equal to 0',
      spec: { ttlSecondsAfterFinished: -1 },
      want: ['spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'spec.completions: Required value: when completion mode is Indexed',
      spec: { completionMode: 'Indexed', parallelism: 2 },
      want: ['spec.completions: Required value: when completion mode is Indexed'],
    },
    {
      name: 'spec.completionMode: Unsupported value',
      spec: { completionMode: 'Foo' },
      want: ['spec.completionMode: Unsupported value: "Foo": supported values: "NonIndexed", "Indexed"'],
    },
    {
      name: 'spec.backoffLimitPerIndex: Invalid value: requires indexed completion mode',
      spec: { backoffLimitPerIndex: 1 },
      want: ['spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode'],
    },
    {
      name: 'spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified',
      spec: { completionMode: 'Indexed', completions: 2, maxFailedIndexes: 1 },
      want: ['spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified'],
    },
    {
      name: 'spec.maxFailedIndexes: Invalid value: must be less than or equal to completions',
      spec: { completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1, maxFailedIndexes: 3 },
      want: ['spec.maxFailedIndexes: Invalid value: 3: must be less than or equal to completions'],
    },
    {
      name: 'spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required',
      spec: { podFailurePolicy: { rules: [{ action: 'FailJob' }] } },
      want: [
        'spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required',
      ],
    },
    {
      name: 'spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value',
      spec: {
        podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1, 1, 2] } }] },
      },
      want: ['spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value: 1'],
    },
    {
      name: 'spec.podFailurePolicy.rules[0].onExitCodes.values: must be ordered; 0 forbidden for In',
      spec: { podFailurePolicy: { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [2, 0] } }] } },
      want: [
        'spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must not be 0 for the In operator',
        'spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{2, 0}: must be ordered',
      ],
    },
    {
      name: 'spec.podFailurePolicy.rules[0].action: Unsupported value',
      spec: {
        podFailurePolicy: { rules: [{ action: 'UnknownAction', onExitCodes: { operator: 'In', values: [1] } }] },
      },
      want: [
        'spec.podFailurePolicy.rules[0].action: Unsupported value: "UnknownAction": supported values: "Count", "FailIndex", "FailJob", "Ignore"',
      ],
    },
    {
      name: 'spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value',
      spec: {
        podFailurePolicy: {
          rules: [{ action: 'FailJob', onExitCodes: { containerName: 'nope', operator: 'In', values: [1] } }],
        },
      },
      want: [
        'spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "nope": must be one of the container or initContainer names in the pod template',
      ],
    },
    {
      name: 'spec.template.spec.restartPolicy: only Never with podFailurePolicy',
      spec: {
        template: podTemplate({}, 'OnFailure'),
        podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] },
      },
      want: [
        'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
      ],
    },
    {
      name: 'spec.podReplacementPolicy: Unsupported value with podFailurePolicy',
      spec: {
        podReplacementPolicy: 'TerminatingOrFailed',
        podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] },
      },
      want: ['spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"'],
    },
    {
      name: 'metadata.name: will not able to create pod with invalid DNS label',
      name_: 'a'.repeat(62),
      spec: { completionMode: 'Indexed', completions: 10 },
      want: [
        `metadata.name: Invalid value: "${'a'.repeat(62)}": will not able to create pod with invalid DNS label: ${'a'.repeat(62)}-9`,
      ],
    },
  ])('$name', ({ spec, want, name_ }: any) => {
    const r = create('Job', job(spec, name_ ?? 'pi'));
    expect(messages(r.errors)).toEqual(want);
  });

  test('spec.selector: `selector` not auto-generated and template labels must be as generated', () => {
    const r = create('Job', job({ selector: { matchLabels: { 'controller-uid': 'other' } } }));
    expect(messages(r.errors)).toEqual([
      `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"batch.kubernetes.io/controller-uid":"${uid}", "controller-uid":"other"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: \`selector\` not auto-generated`,
      `spec.template.metadata.labels: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"${uid}", "batch.kubernetes.io/job-name":"pi", "controller-uid":"${uid}", "job-name":"pi"}: \`selector\` does not match template \`labels\``,
    ]);
  });

  test('manualSelector without selector: Required', () => {
    const r = create('Job', job({ manualSelector: true }));
    // a nil selector converts to labels.Nothing(), which matches no template
    expect(messages(r.errors)).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{}: `selector` does not match template `labels`',
    ]);
  });

  test('kubectl wording of the classic mistake', () => {
    const r = create('Job', job({ template: podTemplate({}) }));
    expect(invalidMessage('Job', 'pi', r.errors)).toBe(
      'The Job "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
  });
});

describe('ValidateJobUpdate', () => {
  // upstream: TestValidateJobUpdate
  const stored = create('Job', job({ completions: 3, parallelism: 1 })).object;
  const edit = (f: (j: any) => void, base = stored) => {
    const j = JSON.parse(JSON.stringify(base));
    f(j);
    return j;
  };

  test('parallelism may change and bumps generation', () => {
    const r = update(
      'Job',
      stored,
      edit((j) => (j.spec.parallelism = 3)),
    );
    expect(r.errors).toEqual([]);
    expect(r.object.metadata.generation).toBe(2);
  });

  test('completions are immutable for NonIndexed Jobs', () => {
    expect(
      messages(
        update(
          'Job',
          stored,
          edit((j) => (j.spec.completions = 4)),
        ).errors,
      ),
    ).toEqual(['spec.completions: Invalid value: 4: field is immutable']);
  });

  test('selector is immutable', () => {
    const r = update(
      'Job',
      stored,
      edit((j) => (j.spec.selector.matchLabels['batch.kubernetes.io/controller-uid'] = 'x')),
    );
    expect(messages(r.errors)).toContain(
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"batch.kubernetes.io/controller-uid":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  test('template is immutable', () => {
    const r = update(
      'Job',
      stored,
      edit((j) => (j.spec.template.spec.containers[0].image = 'perl')),
    );
    expect(r.errors.map((e) => [e.field, e.type, e.detail])).toEqual([
      ['spec.template', 'FieldValueInvalid', 'field is immutable'],
    ]);
  });

  test('completionMode is immutable', () => {
    const r = update(
      'Job',
      stored,
      edit((j) => (j.spec.completionMode = 'Indexed')),
    );
    expect(messages(r.errors)).toContain('spec.completionMode: Invalid value: "Indexed": field is immutable');
  });

  test('Indexed: completions may change in tandem with parallelism (ElasticIndexedJob)', () => {
    const idx = create('Job', job({ completionMode: 'Indexed', completions: 2, parallelism: 2 })).object;
    expect(
      update(
        'Job',
        idx,
        edit((j) => {
          j.spec.completions = 4;
          j.spec.parallelism = 4;
        }, idx),
      ).errors,
    ).toEqual([]);
    expect(
      messages(
        update(
          'Job',
          idx,
          edit((j) => (j.spec.completions = 4), idx),
        ).errors,
      ),
    ).toEqual(['spec.completions: Invalid value: 4: can only be modified in tandem with spec.parallelism']);
  });

  test('suspended, never started: node selector and tolerations may change', () => {
    const susp = create('Job', job({ suspend: true })).object;
    const r = update(
      'Job',
      susp,
      edit((j) => {
        j.spec.template.spec.nodeSelector = { disk: 'ssd' };
        j.spec.template.spec.tolerations = [{ key: 'k', operator: 'Exists' }];
      }, susp),
    );
    expect(r.errors).toEqual([]);
    const started = { ...susp, status: { startTime: '2025-01-01T00:00:00Z' } };
    const r2 = update(
      'Job',
      started,
      edit((j) => (j.spec.template.spec.nodeSelector = { disk: 'ssd' }), started),
    );
    expect(r2.errors.map((e) => e.field)).toEqual(['spec.template']);
  });
});
