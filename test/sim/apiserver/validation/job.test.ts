import { describe, test, expect } from 'vitest';
import { create, messages, podTemplate, update, uid } from './helpers';
import { invalidMessage } from '../../../../src/sim/apiserver/status-error';
import { createCluster } from '../../../../src/sim';

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

// ---------------------------------------------------------------- upstream tables, restated
// upstream: pkg/apis/batch/validation/validation_test.go. The Go tests build internal objects with
// the generated selector already set; here the manifest goes through admission, which generates
// it (uid 1a2b3c, as upstream's validGeneratedSelector) and applies the v1 defaults first.

const upstreamTemplate = (restartPolicy = 'OnFailure', labels: Record<string, string> = {}) => ({
  metadata: { labels },
  spec: {
    restartPolicy,
    containers: [{ name: 'abc', image: 'image' }],
    initContainers: [{ name: 'def', image: 'image' }],
  },
});
const myjob = (spec: Record<string, unknown>) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'myjob' },
  spec: { template: upstreamTemplate(), ...spec },
});
const never = upstreamTemplate('Never');
const indexed = (completions: number, extra: Record<string, unknown> = {}) => ({
  completionMode: 'Indexed',
  completions,
  template: never,
  ...extra,
});
const tolerationFoo = { key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' };
const exitCodes = (operator: string, values: number[], containerName?: string) => ({
  ...(containerName ? { containerName } : {}),
  operator,
  values,
});

describe('TestValidateJob successCases (upstream)', () => {
  test.each([
    {
      name: 'valid success policy',
      spec: indexed(10, {
        successPolicy: { rules: [{ succeededCount: 1, succeededIndexes: '0,2,4' }, { succeededIndexes: '1,3,5-9' }] },
      }),
    },
    {
      name: 'valid pod failure policy',
      spec: {
        template: never,
        podFailurePolicy: {
          rules: [
            { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
            { action: 'FailJob', onPodConditions: [{ type: 'CustomConditionType', status: 'False' }] },
            { action: 'Count', onExitCodes: exitCodes('In', [1, 2, 3], 'abc') },
            { action: 'Ignore', onExitCodes: exitCodes('In', [4], 'def') },
            { action: 'FailJob', onExitCodes: exitCodes('NotIn', [5, 6, 7]) },
          ],
        },
      },
    },
    {
      name: 'valid pod failure policy with FailIndex',
      spec: indexed(2, {
        backoffLimitPerIndex: 1,
        podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: exitCodes('In', [10]) }] },
      }),
    },
    {
      name: 'valid manual selector',
      spec: {
        manualSelector: true,
        selector: { matchLabels: { a: 'b' } },
        template: upstreamTemplate('OnFailure', { a: 'b' }),
      },
    },
    { name: 'valid generated selector', spec: {} },
    { name: 'valid pod replacement', spec: { podReplacementPolicy: 'TerminatingOrFailed' } },
    { name: 'valid pod replacement with failed', spec: { podReplacementPolicy: 'Failed' } },
    {
      name: 'valid hostnet',
      spec: {
        template: {
          spec: {
            ...upstreamTemplate().spec,
            hostNetwork: true,
            containers: [{ name: 'abc', image: 'image', ports: [{ containerPort: 12345 }] }],
          },
        },
      },
    },
    { name: 'valid NonIndexed completion mode', spec: { completionMode: 'NonIndexed' } },
    { name: 'valid Indexed completion mode', spec: { completionMode: 'Indexed', completions: 2, parallelism: 100000 } },
    {
      name: 'valid parallelism and maxFailedIndexes for high completions when backoffLimitPerIndex is used',
      spec: {
        completionMode: 'Indexed',
        completions: 100_000,
        parallelism: 100_000,
        maxFailedIndexes: 100_000,
        backoffLimitPerIndex: 1,
      },
    },
    {
      name: 'valid parallelism and maxFailedIndexes for unlimited completions when backoffLimitPerIndex is used',
      spec: {
        completionMode: 'Indexed',
        completions: 1_000_000_000,
        parallelism: 10_000,
        maxFailedIndexes: 10_000,
        backoffLimitPerIndex: 1,
      },
    },
    { name: 'valid managedBy field', spec: { managedBy: 'example.com/foo' } },
  ])('$name', ({ spec }) => {
    expect(messages(create('Job', myjob(spec)).errors)).toEqual([]);
  });
  // 'valid job tracking annotation', 'valid batch labels': the same Job as 'valid generated selector'.
  // 'do not allow new batch labels': RequirePrefixedLabels=false only applies to updates of Jobs
  // created before 1.27 (see ValidateJobUpdate below); a create always requires the prefixed labels.
});

describe('TestValidateJob errorCases (upstream)', () => {
  // Upstream checks the first error's field and that its text contains the rest of the case name.
  const tooManyRules = Array.from({ length: 21 }, (_, i) => ({
    action: 'FailJob',
    onExitCodes: exitCodes('In', [i + 1]),
  }));
  const tooManyValues = Array.from({ length: 256 }, (_, i) => i);
  const tooManyPatterns = Array.from({ length: 21 }, (_, i) => ({ type: `CustomType_${i}`, status: 'True' }));
  const pfp = (...rules: unknown[]) => ({ template: never, podFailurePolicy: { rules } });
  test.each([
    ['spec.managedBy: Too long: may not be more than 63 bytes', { managedBy: 'example.com/' + 'x'.repeat(60) }],
    [
      'spec.managedBy: Invalid value: "invalid custom controller name": must be a domain-prefixed path (such as "acme.io/foo")',
      { managedBy: 'invalid custom controller name' },
    ],
    [
      'spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{}}: requires indexed completion mode',
      { template: never, successPolicy: { rules: [] } },
    ],
    [
      'spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified',
      indexed(5, { successPolicy: {} }),
    ],
    [
      'spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified',
      indexed(5, { successPolicy: { rules: [{}] } }),
    ],
    [
      'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "invalid-format": error parsing succeededIndexes: cannot convert string to integer for index: "invalid"',
      indexed(5, { successPolicy: { rules: [{ succeededIndexes: 'invalid-format' }] } }),
    ],
    [
      'spec.successPolicy.rules[0].succeededIndexes: Too long: may not be more than 65536 bytes',
      indexed(5, { successPolicy: { rules: [{ succeededIndexes: '1'.repeat(64 * 1024 + 1) }] } }),
    ],
    [
      'spec.successPolicy.rules[0].succeededCount: Invalid value: -1: must be greater than or equal to 0',
      indexed(5, { successPolicy: { rules: [{ succeededCount: -1 }] } }),
    ],
    [
      'spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 5 (the number of specified completions)',
      indexed(5, { successPolicy: { rules: [{ succeededCount: 6 }] } }),
    ],
    [
      'spec.successPolicy.rules[0].succeededCount: Invalid value: 4: must be less than or equal to 3 (the number of indexes in the specified succeededIndexes field)',
      indexed(5, { successPolicy: { rules: [{ succeededCount: 4, succeededIndexes: '0-2' }] } }),
    ],
    [
      'spec.successPolicy.rules: Too many: 21: must have at most 20 items',
      indexed(5, { successPolicy: { rules: Array.from({ length: 21 }, () => ({ succeededCount: 5 })) } }),
    ],
    [
      'spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required',
      pfp({ action: 'FailJob' }),
    ],
    [
      'spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value: 11',
      pfp({ action: 'FailJob', onExitCodes: exitCodes('In', [11, 11]) }),
    ],
    [
      'spec.podFailurePolicy.rules[0].onExitCodes.values: Too many: 256: must have at most 255 items',
      pfp({ action: 'FailJob', onExitCodes: exitCodes('In', tooManyValues) }),
    ],
    ['spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items', pfp(...tooManyRules)],
    [
      'spec.podFailurePolicy.rules[0].onPodConditions: Too many: 21: must have at most 20 items',
      pfp({ action: 'FailJob', onPodConditions: tooManyPatterns }),
    ],
    [
      'spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 13',
      pfp({ action: 'FailJob', onExitCodes: exitCodes('In', [12, 13, 13, 13]) }),
    ],
    [
      'spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{19, 11}: must be ordered',
      pfp({ action: 'FailJob', onExitCodes: exitCodes('In', [19, 11]) }),
    ],
    [
      'spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{}: at least one value is required',
      pfp({ action: 'FailJob', onExitCodes: exitCodes('In', []) }),
    ],
    [
      'spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]',
      pfp({ action: '', onExitCodes: exitCodes('In', [1, 2, 3]) }),
    ],
    [
      'spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid values: ["In" "NotIn"]',
      pfp({ action: 'FailJob', onExitCodes: exitCodes('', [1, 2, 3]) }),
    ],
    [
      'spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported',
      pfp({
        action: 'FailJob',
        onExitCodes: exitCodes('In', [1, 2, 3], 'abc'),
        onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }],
      }),
    ],
    [
      'spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must not be 0 for the In operator',
      pfp({ action: 'Ignore', onExitCodes: exitCodes('In', [1, 0, 2]) }),
    ],
    [
      'spec.podFailurePolicy.rules[1].onExitCodes.containerName: Invalid value: "xyz": must be one of the container or initContainer names in the pod template',
      pfp(
        { action: 'Ignore', onExitCodes: exitCodes('In', [1, 2, 3], 'abc') },
        { action: 'FailJob', onExitCodes: exitCodes('In', [5, 6, 7], 'xyz') },
      ),
    ],
    [
      'spec.podFailurePolicy.rules[0].action: Unsupported value: "UnknownAction": supported values: "Count", "FailIndex", "FailJob", "Ignore"',
      pfp({ action: 'UnknownAction', onExitCodes: exitCodes('In', [1, 2, 3], 'abc') }),
    ],
    [
      'spec.podFailurePolicy.rules[0].onExitCodes.operator: Unsupported value: "UnknownOperator": supported values: "In", "NotIn"',
      pfp({ action: 'Ignore', onExitCodes: exitCodes('UnknownOperator', [1, 2, 3]) }),
    ],
    // 'spec.podFailurePolicy.rules[0].onPodConditions[0].status: Required value' cannot come from a
    // manifest: SetDefaults_Job fills a missing status with "True" (see the defaults test below).
    [
      'spec.podFailurePolicy.rules[0].onPodConditions[0].status: Unsupported value: "UnknownStatus": supported values: "False", "True", "Unknown"',
      pfp({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'UnknownStatus' }] }),
    ],
    [
      'spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: "": name part must be non-empty',
      pfp({ action: 'Ignore', onPodConditions: [{ status: 'True' }] }),
    ],
    [
      `spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: "Invalid Condition Type": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      pfp({ action: 'Ignore', onPodConditions: [{ type: 'Invalid Condition Type', status: 'True' }] }),
    ],
    [
      'spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"',
      {
        ...pfp({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }),
        podReplacementPolicy: 'TerminatingOrFailed',
      },
    ],
    [
      'spec.podReplacementPolicy: Unsupported value: "": supported values: "Failed", "TerminatingOrFailed"',
      { template: never, podReplacementPolicy: '' },
    ],
    [
      'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
      { podFailurePolicy: { rules: [] } },
    ],
    ['spec.parallelism: Invalid value: -1: must be greater than or equal to 0', { parallelism: -1 }],
    ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0', { backoffLimit: -1 }],
    ['spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode', { backoffLimitPerIndex: 1 }],
    [
      'spec.backoffLimitPerIndex: Invalid value: -1: must be greater than or equal to 0',
      { backoffLimitPerIndex: -1, completionMode: 'Indexed' },
    ],
    [
      'spec.maxFailedIndexes: Invalid value: 11: must be less than or equal to completions',
      { completions: 10, maxFailedIndexes: 11, backoffLimitPerIndex: 1, completionMode: 'Indexed' },
    ],
    [
      'spec.maxFailedIndexes: Required value: must be specified when completions is above 100000',
      { completions: 100_001, backoffLimitPerIndex: 1, completionMode: 'Indexed' },
    ],
    [
      'spec.parallelism: Invalid value: 50000: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index',
      {
        completions: 100_001,
        parallelism: 50_000,
        backoffLimitPerIndex: 1,
        maxFailedIndexes: 1,
        completionMode: 'Indexed',
      },
    ],
    [
      'spec.maxFailedIndexes: Invalid value: 100001: must be less than or equal to 100000',
      { completions: 100_001, backoffLimitPerIndex: 1, maxFailedIndexes: 100_001, completionMode: 'Indexed' },
    ],
    [
      'spec.maxFailedIndexes: Invalid value: 50000: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index',
      { completions: 100_001, backoffLimitPerIndex: 1, maxFailedIndexes: 50_000, completionMode: 'Indexed' },
    ],
    [
      'spec.maxFailedIndexes: Invalid value: -1: must be greater than or equal to 0',
      { backoffLimitPerIndex: 1, maxFailedIndexes: -1, completionMode: 'Indexed' },
    ],
    [
      'spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified',
      { maxFailedIndexes: 1, completionMode: 'Indexed' },
    ],
    ['spec.completions: Invalid value: -1: must be greater than or equal to 0', { completions: -1 }],
    [
      'spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0',
      { activeDeadlineSeconds: -1 },
    ],
    // 'spec.selector:Required value' is in the manualSelector test above: without manualSelector the
    // API server generates the selector.
    [
      'spec.template.metadata.labels: Invalid value: map[string]string{"y":"z"}: `selector` does not match template `labels`',
      {
        manualSelector: true,
        selector: { matchLabels: { a: 'b' } },
        template: upstreamTemplate('OnFailure', { y: 'z' }),
      },
    ],
    [
      'spec.template.metadata.labels: Invalid value: map[string]string{"controller-uid":"4d5e6f"}: `selector` does not match template `labels`',
      {
        manualSelector: true,
        selector: { matchLabels: { a: 'b' } },
        template: upstreamTemplate('OnFailure', { 'controller-uid': '4d5e6f' }),
      },
    ],
    [
      'spec.template.spec.restartPolicy: Required value',
      { manualSelector: true, selector: { matchLabels: { a: 'b' } }, template: upstreamTemplate('Always', { a: 'b' }) },
    ],
    [
      'spec.template.spec.restartPolicy: Unsupported value',
      {
        manualSelector: true,
        selector: { matchLabels: { a: 'b' } },
        template: upstreamTemplate('Invalid', { a: 'b' }),
      },
    ],
    [
      'spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0',
      { ttlSecondsAfterFinished: -1 },
    ],
    // Upstream leaves parallelism unset too; SetDefaults_Job would then default completions to 1.
    [
      'spec.completions: Required value: when completion mode is Indexed',
      { completionMode: 'Indexed', parallelism: 2 },
    ],
    [
      'spec.parallelism: Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed',
      { completionMode: 'Indexed', completions: 2, parallelism: 100001 },
    ],
    [
      // ValidateHasLabel reports the whole label map as the bad value
      'spec.template.metadata.labels[batch.kubernetes.io/controller-uid]: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"4d5e6f", "batch.kubernetes.io/job-name":"myjob", "controller-uid":"1a2b3c", "job-name":"myjob"}: must be \'1a2b3c\'',
      { template: upstreamTemplate('OnFailure', { 'batch.kubernetes.io/controller-uid': '4d5e6f' }) },
    ],
    // 'spec.template.metadata.labels[controller-uid]: Required value: must be '1a2b3c'',
    // 'metadata.uid: Required value', 'spec.selector: … `selector` not auto-generated' (a selector
    // given without manualSelector, see above) and the missing batch.kubernetes.io/controller-uid
    // label: generateSelector fills in missing labels and the uid before validation, so only a
    // conflicting label or selector can reach ValidateJob.
  ] as [string, Record<string, unknown>][])('%s', (want, spec) => {
    const errs = create('Job', myjob(spec)).errors;
    const [field, rest] = [want.slice(0, want.indexOf(':')), want.slice(want.indexOf(':') + 1)];
    expect(errs[0]?.field).toBe(field);
    expect(messages(errs)[0]).toContain(rest);
  });

  test('kubectl prints every error of the headless contract', () => {
    const c = createCluster();
    const r = c.apply(
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\nspec:\n  managedBy: nope\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n',
    );
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({
      message:
        'The Job "x" is invalid: spec.managedBy: Invalid value: "nope": must be a domain-prefixed path (such as "acme.io/foo")',
      field: 'spec.managedBy',
      type: 'FieldValueInvalid',
    });
  });
});

// upstream: TestValidateJobUpdate. Upstream calls ValidateJobUpdate with options set per case; here
// each old Job is stored through `create` and the edit goes through `update`, so the options come
// from the old Job as the job strategy derives them: AllowMutableSchedulingDirectives when it is
// suspended and never started (the "mutable …" cases suspend it), AllowElasticIndexedJobs always
// (ElasticIndexedJob is GA and locked on in 1.34), RequirePrefixedLabels as the old labels say.
// The strategy runs ValidateJob too, which upstream's table leaves out; where that adds an error,
// the case says so.
describe('TestValidateJobUpdate (upstream)', () => {
  const abc = (spec: Record<string, unknown>, template = upstreamTemplate()) => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'abc', namespace: 'default' },
    spec: { template, ...spec },
  });
  const ignoreDisruption = { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] };
  const nodeAffinity = (value: string) => ({
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', value] }] }],
      },
    },
  });
  const withAffinity = { ...upstreamTemplate(), spec: { ...upstreamTemplate().spec, affinity: nodeAffinity('value') } };
  const suspended = { suspend: true };
  const indexedNever = (completions: number, extra: Record<string, unknown> = {}) => ({
    completionMode: 'Indexed',
    completions,
    ...extra,
  });
  const pfpImmutable = 'spec.podFailurePolicy: Invalid value: ';
  test.each<{ name: string; old: unknown; edit: (j: any) => void; want?: string[] }>([
    {
      name: 'mutable fields',
      old: abc({ parallelism: 5, activeDeadlineSeconds: 2, ttlSecondsAfterFinished: 1 }),
      edit: (j) => {
        j.spec.parallelism = 2;
        j.spec.activeDeadlineSeconds = 3;
        j.spec.ttlSecondsAfterFinished = 2;
        j.spec.manualSelector = true;
      },
    },
    {
      name: 'invalid attempt to set managedBy field',
      old: abc({}),
      edit: (j) => (j.spec.managedBy = 'example.com/custom-controller'),
      want: ['spec.managedBy: Invalid value: "example.com/custom-controller": field is immutable'],
    },
    {
      name: 'invalid update of the managedBy field',
      old: abc({ managedBy: 'example.com/custom-controller1' }),
      edit: (j) => (j.spec.managedBy = 'example.com/custom-controller2'),
      want: ['spec.managedBy: Invalid value: "example.com/custom-controller2": field is immutable'],
    },
    {
      name: 'immutable completions for non-indexed jobs',
      old: abc({}),
      edit: (j) => (j.spec.completions = 2),
      want: ['spec.completions: Invalid value: 2: field is immutable'],
    },
    // AllowElasticIndexedJobs=false needs ElasticIndexedJob off, which 1.34 locks on; the old Job is
    // NonIndexed, so completions are immutable either way. Upstream sets 1, which the defaulted Job
    // already has; 2 changes it.
    {
      name: 'immutable completions for indexed job when AllowElasticIndexedJobs is false',
      old: abc({}),
      edit: (j) => (j.spec.completions = 2),
      want: ['spec.completions: Invalid value: 2: field is immutable'],
    },
    {
      // ValidateJob adds that a selector with foo=bar no longer selects the generated labels.
      name: 'immutable selector',
      old: abc({}, upstreamTemplate('OnFailure', { foo: 'bar' })),
      edit: (j) => (j.spec.selector.matchLabels.foo = 'bar'),
      want: [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"batch.kubernetes.io/controller-uid":"1a2b3c", "foo":"bar"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"batch.kubernetes.io/controller-uid":"1a2b3c", "foo":"bar"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
      ],
    },
    {
      name: 'add success policy',
      old: abc(indexedNever(5), never),
      edit: (j) => (j.spec.successPolicy = { rules: [{ succeededCount: 2 }] }),
      want: [
        'spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{batch.SuccessPolicyRule{SucceededIndexes:(*string)(nil), SucceededCount:(*int32)(0xc000000000)}}}: field is immutable',
      ],
    },
    {
      name: 'update success policy',
      old: abc(indexedNever(5, { successPolicy: { rules: [{ succeededIndexes: '1-3' }] } }), never),
      edit: (j) => j.spec.successPolicy.rules.push({ succeededCount: 3 }),
      want: [
        'spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{batch.SuccessPolicyRule{SucceededIndexes:(*string)(0xc000000000), SucceededCount:(*int32)(nil)}, batch.SuccessPolicyRule{SucceededIndexes:(*string)(nil), SucceededCount:(*int32)(0xc000000000)}}}: field is immutable',
      ],
    },
    {
      name: 'remove success policy',
      old: abc(indexedNever(5, { successPolicy: { rules: [{ succeededIndexes: '1-3' }] } }), never),
      edit: (j) => delete j.spec.successPolicy,
      want: ['spec.successPolicy: Invalid value: "null": field is immutable'],
    },
    {
      // The stored Job carries podReplacementPolicy TerminatingOrFailed (defaulted without a
      // podFailurePolicy); upstream's internal object has none, so only the first error is its.
      name: 'add pod failure policy',
      old: abc({}, never),
      edit: (j) => (j.spec.podFailurePolicy = { rules: [ignoreDisruption] }),
      want: [
        'spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"',
        `${pfpImmutable}batch.PodFailurePolicy{Rules:[]batch.PodFailurePolicyRule{batch.PodFailurePolicyRule{Action:"Ignore", OnExitCodes:(*batch.PodFailurePolicyOnExitCodesRequirement)(nil), OnPodConditions:[]batch.PodFailurePolicyOnPodConditionsPattern{batch.PodFailurePolicyOnPodConditionsPattern{Type:"DisruptionTarget", Status:"True"}}}}}: field is immutable`,
      ],
    },
    {
      name: 'update pod failure policy',
      old: abc({ podFailurePolicy: { rules: [ignoreDisruption] } }, never),
      edit: (j) =>
        j.spec.podFailurePolicy.rules.push({
          action: 'Count',
          onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }],
        }),
      want: [
        `${pfpImmutable}batch.PodFailurePolicy{Rules:[]batch.PodFailurePolicyRule{batch.PodFailurePolicyRule{Action:"Ignore", OnExitCodes:(*batch.PodFailurePolicyOnExitCodesRequirement)(nil), OnPodConditions:[]batch.PodFailurePolicyOnPodConditionsPattern{batch.PodFailurePolicyOnPodConditionsPattern{Type:"DisruptionTarget", Status:"True"}}}, batch.PodFailurePolicyRule{Action:"Count", OnExitCodes:(*batch.PodFailurePolicyOnExitCodesRequirement)(nil), OnPodConditions:[]batch.PodFailurePolicyOnPodConditionsPattern{batch.PodFailurePolicyOnPodConditionsPattern{Type:"DisruptionTarget", Status:"True"}}}}}: field is immutable`,
      ],
    },
    {
      name: 'remove pod failure policy',
      old: abc({ podFailurePolicy: { rules: [ignoreDisruption] } }, never),
      edit: (j) => delete j.spec.podFailurePolicy,
      want: [`${pfpImmutable}"null": field is immutable`],
    },
    {
      name: 'set backoff limit per index',
      old: abc(indexedNever(3), never),
      edit: (j) => (j.spec.backoffLimitPerIndex = 1),
      want: ['spec.backoffLimitPerIndex: Invalid value: 1: field is immutable'],
    },
    {
      name: 'unset backoff limit per index',
      old: abc(indexedNever(3, { backoffLimitPerIndex: 1 }), never),
      edit: (j) => delete j.spec.backoffLimitPerIndex,
      want: ['spec.backoffLimitPerIndex: Invalid value: "null": field is immutable'],
    },
    {
      name: 'update backoff limit per index',
      old: abc(indexedNever(3, { backoffLimitPerIndex: 1 }), never),
      edit: (j) => (j.spec.backoffLimitPerIndex = 2),
      want: ['spec.backoffLimitPerIndex: Invalid value: 2: field is immutable'],
    },
    {
      name: 'set max failed indexes',
      old: abc(indexedNever(3, { backoffLimitPerIndex: 1 }), never),
      edit: (j) => (j.spec.maxFailedIndexes = 1),
    },
    {
      name: 'unset max failed indexes',
      old: abc(indexedNever(3, { backoffLimitPerIndex: 1, maxFailedIndexes: 1 }), never),
      edit: (j) => delete j.spec.maxFailedIndexes,
    },
    {
      name: 'update max failed indexes',
      old: abc(indexedNever(3, { backoffLimitPerIndex: 1, maxFailedIndexes: 1 }), never),
      edit: (j) => (j.spec.maxFailedIndexes = 2),
    },
    {
      name: 'immutable pod template',
      old: abc(indexedNever(3)),
      edit: (j) => (j.spec.template.spec.dnsPolicy = 'ClusterFirstWithHostNet'),
      want: ['spec.template: Invalid value: core.PodTemplateSpec{…}: field is immutable'],
    },
    {
      name: 'immutable completion mode',
      old: abc(indexedNever(2)),
      edit: (j) => (j.spec.completionMode = 'NonIndexed'),
      want: ['spec.completionMode: Invalid value: "NonIndexed": field is immutable'],
    },
    {
      name: 'immutable completions for non-indexed job when AllowElasticIndexedJobs is true',
      old: abc({ completionMode: 'NonIndexed', completions: 2 }),
      edit: (j) => (j.spec.completions = 4),
      want: ['spec.completions: Invalid value: 4: field is immutable'],
    },
    {
      name: 'immutable node affinity',
      old: abc({}),
      edit: (j) => (j.spec.template.spec.affinity = nodeAffinity('value2')),
      want: ['spec.template: Invalid value: core.PodTemplateSpec{…}: field is immutable'],
    },
    {
      name: 'add node affinity',
      old: abc(suspended),
      edit: (j) => (j.spec.template.spec.affinity = nodeAffinity('value2')),
    },
    {
      name: 'update node affinity',
      old: abc(suspended, withAffinity),
      edit: (j) => (j.spec.template.spec.affinity = nodeAffinity('value2')),
    },
    {
      name: 'remove node affinity',
      old: abc(suspended, withAffinity),
      edit: (j) => delete j.spec.template.spec.affinity.nodeAffinity,
    },
    {
      name: 'remove affinity',
      old: abc(suspended, withAffinity),
      edit: (j) => delete j.spec.template.spec.affinity,
    },
    ...(
      [
        ['tolerations', (j: any) => (j.spec.template.spec.tolerations = [tolerationFoo])],
        ['node selector', (j: any) => (j.spec.template.spec.nodeSelector = { foo: 'bar' })],
        ['annotations', (j: any) => (j.spec.template.metadata.annotations = { foo: 'baz' })],
        ['labels', (j: any) => (j.spec.template.metadata.labels.bar = 'baz')],
        ['schedulingGates', (j: any) => (j.spec.template.spec.schedulingGates = [{ name: 'gate' }])],
      ] as [string, (j: any) => void][]
    ).flatMap(([what, edit]) => [
      {
        name: `immutable ${what}`,
        old: abc({}),
        edit,
        want: ['spec.template: Invalid value: core.PodTemplateSpec{…}: field is immutable'],
      },
      { name: `mutable ${what}`, old: abc(suspended), edit },
    ]),
    {
      name: 'update completions and parallelism to same value is valid',
      old: abc(indexedNever(1, { parallelism: 1 })),
      edit: (j) => {
        j.spec.completions = 2;
        j.spec.parallelism = 2;
      },
    },
    {
      name: 'previous parallelism != previous completions, new parallelism == new completions',
      old: abc(indexedNever(1, { parallelism: 2 })),
      edit: (j) => {
        j.spec.completions = 3;
        j.spec.parallelism = 3;
      },
    },
    {
      name: 'indexed job updating completions and parallelism to different values is invalid',
      old: abc(indexedNever(1, { parallelism: 1 })),
      edit: (j) => {
        j.spec.completions = 2;
        j.spec.parallelism = 3;
      },
      want: ['spec.completions: Invalid value: 2: can only be modified in tandem with spec.parallelism'],
    },
    {
      name: 'indexed job with completions set updated to nil does not panic',
      old: abc(indexedNever(1, { parallelism: 1 })),
      edit: (j) => {
        delete j.spec.completions;
        j.spec.parallelism = 3;
      },
      want: ['spec.completions: Required value: when completion mode is Indexed'],
    },
    {
      name: 'indexed job with completions unchanged, parallelism reduced to less than completions',
      old: abc(indexedNever(2, { parallelism: 2 })),
      edit: (j) => (j.spec.parallelism = 1),
    },
    {
      name: 'indexed job with completions unchanged, parallelism increased higher than completions',
      old: abc(indexedNever(2, { parallelism: 2 })),
      edit: (j) => (j.spec.parallelism = 3),
    },
  ])('$name', ({ old, edit, want = [] }) => {
    const stored = create('Job', old);
    expect(messages(stored.errors)).toEqual([]);
    const next = JSON.parse(JSON.stringify(stored.object));
    edit(next);
    expect(messages(update('Job', stored.object, next).errors)).toEqual(want);
  });
});
