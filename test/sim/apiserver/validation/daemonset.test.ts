import { describe, test, expect } from 'vitest';
import { create, messages, podTemplate, update } from './helpers';

const ds = (spec: Record<string, unknown>, name = 'y') => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name },
  spec: { selector: { matchLabels: { app: 'y' } }, template: podTemplate({ app: 'y' }), ...spec },
});

describe('ValidateDaemonSet', () => {
  test('a valid DaemonSet is stored with defaults and generation 1', () => {
    const r = create('DaemonSet', ds({}));
    expect(r.errors).toEqual([]);
    expect(r.object.metadata).toMatchObject({
      name: 'y',
      namespace: 'default',
      uid: '1a2b3c',
      generation: 1,
      creationTimestamp: '2025-01-01T00:00:00Z',
    });
    expect(r.object.status).toEqual({
      currentNumberScheduled: 0,
      numberMisscheduled: 0,
      desiredNumberScheduled: 0,
      numberReady: 0,
    });
  });

  // upstream: TestValidateDaemonSet (errorCases)
  test.each([
    {
      name: 'selector does not match template labels',
      spec: { template: podTemplate({ app: 'z' }) },
      want: [
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"z"}: `selector` does not match template `labels`',
      ],
    },
    {
      name: 'nil selector: nothing matches the template',
      spec: { selector: undefined },
      want: [
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`',
      ],
    },
    {
      name: 'empty selector',
      spec: { selector: {} },
      want: [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset',
      ],
    },
    {
      name: 'invalid restart policy',
      spec: { template: podTemplate({ app: 'y' }, 'Never') },
      want: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {
      name: 'activeDeadlineSeconds is forbidden',
      spec: { template: { ...podTemplate({ app: 'y' }), spec: { ...podTemplate().spec, activeDeadlineSeconds: 10 } } },
      want: [
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported',
      ],
    },
    {
      name: 'negative minReadySeconds',
      spec: { minReadySeconds: -1 },
      want: ['spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'negative revisionHistoryLimit',
      spec: { revisionHistoryLimit: -2 },
      want: ['spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0'],
    },
    {
      name: 'unknown update strategy type',
      spec: { updateStrategy: { type: 'Foo' } },
      want: [
        'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Foo", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
      ],
    },
  ])('$name', ({ spec, want }) => {
    const r = create('DaemonSet', ds(spec));
    expect(messages(r.errors)).toEqual(want);
  });

  // upstream: TestValidateDaemonSetUpdateStrategy / TestValidateRollingUpdateDaemonSet
  test.each([
    {
      name: 'both zero',
      ru: { maxUnavailable: 0, maxSurge: 0 },
      want: ['spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0'],
    },
    {
      name: 'both non-zero',
      ru: { maxUnavailable: 1, maxSurge: '10%' },
      want: [
        'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"10%"}: may not be set when maxUnavailable is non-zero',
      ],
    },
    {
      name: 'over 100%',
      ru: { maxUnavailable: '110%' },
      want: [
        'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%',
      ],
    },
    {
      name: 'not a percent',
      ru: { maxUnavailable: 'abc' },
      want: [
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"abc\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
        'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
      ],
    },
    {
      name: 'negative',
      ru: { maxUnavailable: -1 },
      want: ['spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0'],
    },
    { name: 'surge only is valid', ru: { maxUnavailable: 0, maxSurge: 1 }, want: [] },
    { name: '100% unavailable is valid', ru: { maxUnavailable: '100%' }, want: [] },
  ])('rolling update: $name', ({ ru, want }) => {
    const r = create('DaemonSet', ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: ru } }));
    expect(messages(r.errors)).toEqual(want);
  });
});

describe('ValidateDaemonSetUpdate', () => {
  // upstream: TestValidateDaemonSetUpdate
  const stored = create('DaemonSet', ds({})).object;

  test('changing the template is allowed and bumps generation', () => {
    const next = JSON.parse(JSON.stringify(stored));
    next.spec.template.spec.containers[0].image = 'busybox:1.36';
    const r = update('DaemonSet', stored, next);
    expect(r.errors).toEqual([]);
    expect(r.object.metadata.generation).toBe(2);
  });

  test('an unchanged spec keeps the generation', () => {
    const r = update('DaemonSet', stored, JSON.parse(JSON.stringify(stored)));
    expect(r.errors).toEqual([]);
    expect(r.object.metadata.generation).toBe(1);
  });

  test('spec.selector is immutable in apps/v1', () => {
    const next = JSON.parse(JSON.stringify(stored));
    next.spec.selector = { matchLabels: { app: 'y', tier: 'b' } };
    next.spec.template.metadata.labels = { app: 'y', tier: 'b' };
    const r = update('DaemonSet', stored, next);
    expect(messages(r.errors)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"y", "tier":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  test('metadata.name is immutable', () => {
    const next = JSON.parse(JSON.stringify(stored));
    next.metadata.name = 'z';
    expect(messages(update('DaemonSet', stored, next).errors)).toEqual([
      'metadata.name: Invalid value: "z": field is immutable',
    ]);
  });
});
