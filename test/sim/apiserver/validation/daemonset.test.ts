/**
 * DaemonSet defaulting and validation through admission (defaults, PrepareForCreate/Update,
 * ValidateDaemonSet / the strategy's ValidateUpdate), as the API server runs them on apps/v1.
 *
 * The tables follow upstream's pkg/apis/apps/validation/validation_test.go (TestValidateDaemonSet,
 * TestValidateDaemonSetUpdate, TestDaemonSetUpdateMaxSurge) and pkg/apis/apps/v1/defaults_test.go
 * (TestSetDefaultDaemonSetSpec). Upstream calls the validation functions on internal objects; here
 * each case is the apps/v1 manifest a user would send, so v1 defaulting runs first. Where that
 * changes what the case can express, the case says so.
 */
import { describe, test, expect } from 'vitest';
import { createCluster } from '../../../../src/sim';
import { create, messages, podTemplate, update } from './helpers';

const ds = (spec: Record<string, unknown>, name = 'y') => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name },
  spec: { selector: { matchLabels: { app: 'y' } }, template: podTemplate({ app: 'y' }), ...spec },
});

/** podtest.MakePodSpec(): one container `ctr` (image `image`, IfNotPresent, File). */
const makePodSpec = (extra: Record<string, unknown> = {}) => ({
  containers: [{ name: 'ctr', image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }],
  ...extra,
});
const validSelector = { a: 'b' };
const validPodTemplate = { metadata: { labels: validSelector }, spec: makePodSpec() };

/** An upstream TestValidateDaemonSet object: name abc in namespace default (set by the request). */
const upstreamDS = (
  spec: Record<string, unknown>,
  meta: Record<string, unknown> = { name: 'abc' },
): Record<string, unknown> => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta, spec });

const invalidKey = 'NoUppercaseOrSpecialCharsLike=Equals';
const invalidKeyMsg = `Invalid value: "${invalidKey}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`;

const clone = <T>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

describe('TestValidateDaemonSet (upstream)', () => {
  // upstream: TestValidateDaemonSet successCases (the three use OnDelete).
  test.each([
    { name: 'abc', template: validPodTemplate },
    { name: 'abc-123', template: validPodTemplate },
    {
      name: 'hostnet',
      template: {
        metadata: { labels: validSelector },
        spec: {
          hostNetwork: true,
          containers: [
            {
              name: 'abc',
              image: 'image',
              imagePullPolicy: 'IfNotPresent',
              terminationMessagePolicy: 'File',
              ports: [{ containerPort: 12345, protocol: 'TCP' }],
            },
          ],
        },
      },
    },
  ])('success: $name', ({ name, template }) => {
    const r = create(
      'DaemonSet',
      upstreamDS(
        { selector: { matchLabels: validSelector }, template, updateStrategy: { type: 'OnDelete' } },
        { name },
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.object.spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  // upstream: TestValidateDaemonSet errorCases. Upstream only checks that each error's field has
  // an expected prefix; these pin the whole message kubectl prints.
  test.each([
    {
      name: 'zero-length ID',
      obj: upstreamDS({ selector: { matchLabels: validSelector }, template: validPodTemplate }, { name: '' }),
      want: ['metadata.name: Required value: name or generateName is required'],
    },
    // "missing-namespace" cannot be sent: the namespace comes from the request, and an object
    // without one is created in `default` (see the "namespace defaults" test below).
    {
      name: 'nil selector',
      obj: upstreamDS({ template: validPodTemplate }),
      want: [
        'spec.template.metadata.labels: Invalid value: map[string]string{"a":"b"}: `selector` does not match template `labels`',
      ],
    },
    {
      name: 'empty selector',
      obj: upstreamDS({ selector: {}, template: validPodTemplate }),
      want: [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset',
      ],
    },
    {
      name: 'selector_doesnt_match',
      obj: upstreamDS({ selector: { matchLabels: { foo: 'bar' } }, template: validPodTemplate }),
      want: [
        'spec.template.metadata.labels: Invalid value: map[string]string{"a":"b"}: `selector` does not match template `labels`',
      ],
    },
    {
      // No template at all: the template is a struct in apps/v1, so its pod spec is defaulted
      // (restartPolicy Always, dnsPolicy ClusterFirst, …) and only the missing containers and
      // labels are reported.
      name: 'invalid template',
      obj: upstreamDS({ selector: { matchLabels: validSelector } }),
      want: [
        'spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
        'spec.template.spec.containers: Required value',
      ],
    },
    {
      name: 'invalid_label',
      obj: upstreamDS(
        { selector: { matchLabels: validSelector }, template: validPodTemplate },
        { name: 'abc-123', labels: { [invalidKey]: 'bar' } },
      ),
      want: [`metadata.labels: ${invalidKeyMsg}`],
    },
    {
      // Upstream's invalidPodTemplate puts the invalid labels on the pod spec helper, not on the
      // template's metadata, so the template has no labels.
      name: 'invalid_label 2',
      obj: upstreamDS({ template: { spec: makePodSpec() } }, { name: 'abc-123', labels: { [invalidKey]: 'bar' } }),
      want: [
        `metadata.labels: ${invalidKeyMsg}`,
        'spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
      ],
    },
    {
      name: 'invalid_annotation',
      obj: upstreamDS(
        { selector: { matchLabels: validSelector }, template: validPodTemplate },
        { name: 'abc-123', annotations: { [invalidKey]: 'bar' } },
      ),
      want: [`metadata.annotations: ${invalidKeyMsg}`],
    },
    {
      name: 'invalid restart policy 1',
      obj: upstreamDS(
        {
          selector: { matchLabels: validSelector },
          template: { metadata: { labels: validSelector }, spec: makePodSpec({ restartPolicy: 'OnFailure' }) },
        },
        { name: 'abc-123' },
      ),
      want: ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    },
    {
      name: 'invalid restart policy 2',
      obj: upstreamDS(
        {
          selector: { matchLabels: validSelector },
          template: { metadata: { labels: validSelector }, spec: makePodSpec({ restartPolicy: 'Never' }) },
        },
        { name: 'abc-123' },
      ),
      want: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {
      name: 'template may not contain ephemeral containers',
      obj: upstreamDS({
        selector: { matchLabels: validSelector },
        template: {
          metadata: { labels: validSelector },
          spec: makePodSpec({
            ephemeralContainers: [
              { name: 'debug', image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' },
            ],
          }),
        },
        updateStrategy: { type: 'OnDelete' },
      }),
      want: ['spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template'],
    },
  ])('error: $name', ({ obj, want }) => {
    expect(messages(create('DaemonSet', obj).errors)).toEqual(want);
  });

  test('missing-namespace: the request namespace (default) is filled in, so the object is valid', () => {
    const r = create('DaemonSet', upstreamDS({ selector: { matchLabels: validSelector }, template: validPodTemplate }));
    expect(r.errors).toEqual([]);
    expect(r.object.metadata.namespace).toBe('default');
  });
});

describe('ValidateDaemonSetSpec (more rules)', () => {
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

  test.each([
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
    { name: 'zero revisionHistoryLimit is valid', spec: { revisionHistoryLimit: 0 }, want: [] },
    {
      name: 'unknown update strategy type',
      spec: { updateStrategy: { type: 'Foo' } },
      want: [
        'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Foo", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
      ],
    },
    {
      name: 'selector with an invalid key: no "does not match" error (the selector does not convert)',
      spec: { selector: { matchLabels: { [invalidKey]: 'b' } } },
      want: [`spec.selector.matchLabels: ${invalidKeyMsg}`],
    },
    {
      name: 'template with metadata but no spec: the pod spec is defaulted, containers are required',
      spec: { template: { metadata: { labels: { app: 'y' } } } },
      want: ['spec.template.spec.containers: Required value'],
    },
    {
      name: 'OnDelete keeps a given rollingUpdate and does not validate it',
      spec: { updateStrategy: { type: 'OnDelete', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } },
      want: [],
    },
  ])('$name', ({ spec, want }) => {
    expect(messages(create('DaemonSet', ds(spec)).errors)).toEqual(want);
  });
});

describe('TestDaemonSetUpdateMaxSurge (upstream ValidateRollingUpdateDaemonSet)', () => {
  // Upstream builds apps.RollingUpdateDaemonSet values whose unset fields are the zero
  // IntOrString (0). Through apps/v1 an unset field is defaulted instead (maxUnavailable 1,
  // maxSurge 0), so each unset field is written here as an explicit 0.
  const path = 'spec.updateStrategy.rollingUpdate';
  const requiredMsg = `${path}.maxUnavailable: Required value: cannot be 0 when maxSurge is 0`;
  const gt100 = (f: string, v: string) =>
    `${path}.${f}: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"${v}"}: must not be greater than 100%`;
  const bothSet = `${path}.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"1%"}: may not be set when maxUnavailable is non-zero`;
  test.each([
    { name: 'invalid: unset', ru: { maxUnavailable: 0, maxSurge: 0 }, want: [requiredMsg] },
    { name: 'invalid: zero percent', ru: { maxUnavailable: '0%', maxSurge: 0 }, want: [requiredMsg] },
    { name: 'invalid: zero', ru: { maxUnavailable: 0, maxSurge: 0 }, want: [requiredMsg] },
    { name: 'valid: one', ru: { maxUnavailable: 1, maxSurge: 0 }, want: [] },
    { name: 'valid: one percent', ru: { maxUnavailable: '1%', maxSurge: 0 }, want: [] },
    { name: 'valid: 100%', ru: { maxUnavailable: '100%', maxSurge: 0 }, want: [] },
    {
      name: 'invalid: greater than 100%',
      ru: { maxUnavailable: '101%', maxSurge: 0 },
      want: [gt100('maxUnavailable', '101%')],
    },
    // Upstream's name says "valid" but the case expects an error.
    { name: 'valid: surge and unavailable set', ru: { maxUnavailable: '1%', maxSurge: '1%' }, want: [bothSet] },
    {
      name: 'invalid: surge enabled, unavailable zero percent',
      ru: { maxUnavailable: '0%', maxSurge: 0 },
      want: [requiredMsg],
    },
    { name: 'invalid: surge enabled, unavailable zero', ru: { maxUnavailable: 0, maxSurge: 0 }, want: [requiredMsg] },
    { name: 'valid: surge enabled, unavailable one', ru: { maxUnavailable: 1, maxSurge: 0 }, want: [] },
    { name: 'valid: surge enabled, unavailable one percent', ru: { maxUnavailable: '1%', maxSurge: 0 }, want: [] },
    { name: 'valid: surge enabled, unavailable 100%', ru: { maxUnavailable: '100%', maxSurge: 0 }, want: [] },
    {
      name: 'invalid: surge enabled, unavailable greater than 100%',
      ru: { maxUnavailable: '101%', maxSurge: 0 },
      want: [gt100('maxUnavailable', '101%')],
    },
    {
      name: 'invalid: surge enabled, surge zero percent',
      ru: { maxUnavailable: 0, maxSurge: '0%' },
      want: [requiredMsg],
    },
    { name: 'invalid: surge enabled, surge zero', ru: { maxUnavailable: 0, maxSurge: 0 }, want: [requiredMsg] },
    { name: 'valid: surge enabled, surge one', ru: { maxUnavailable: 0, maxSurge: 1 }, want: [] },
    { name: 'valid: surge enabled, surge one percent', ru: { maxUnavailable: 0, maxSurge: '1%' }, want: [] },
    { name: 'valid: surge enabled, surge 100%', ru: { maxUnavailable: 0, maxSurge: '100%' }, want: [] },
    {
      name: 'invalid: surge enabled, surge greater than 100%',
      ru: { maxUnavailable: 0, maxSurge: '101%' },
      want: [gt100('maxSurge', '101%')],
    },
    {
      name: 'invalid: surge enabled, surge and unavailable set',
      ru: { maxUnavailable: '1%', maxSurge: '1%' },
      want: [bothSet],
    },
    {
      name: 'invalid: surge enabled, surge and unavailable zero percent',
      ru: { maxUnavailable: '0%', maxSurge: '0%' },
      want: [requiredMsg],
    },
    {
      name: 'invalid: surge enabled, surge and unavailable zero',
      ru: { maxUnavailable: 0, maxSurge: 0 },
      want: [requiredMsg],
    },
    {
      name: 'invalid: surge enabled, surge and unavailable mixed zero',
      ru: { maxUnavailable: 0, maxSurge: '0%' },
      want: [requiredMsg],
    },
  ])('$name', ({ ru, want }) => {
    const r = create('DaemonSet', ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: ru } }));
    expect(messages(r.errors)).toEqual(want);
  });

  // ValidatePositiveIntOrPercent and the defaulting of the unset half.
  test.each([
    {
      name: 'both non-zero ints',
      ru: { maxUnavailable: 1, maxSurge: 2 },
      want: [
        `${path}.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:2, StrVal:""}: may not be set when maxUnavailable is non-zero`,
      ],
    },
    {
      // maxSurge is defaulted to 0 only when it is unset; a surge alone keeps maxUnavailable 1.
      name: 'maxSurge alone: maxUnavailable defaults to 1, so both are non-zero',
      ru: { maxSurge: 1 },
      want: [
        `${path}.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero`,
      ],
    },
    {
      name: 'not a percent: the percent error, and "abc" counts as 0',
      ru: { maxUnavailable: 'abc' },
      want: [
        `${path}.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"abc"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
        requiredMsg,
      ],
    },
    {
      name: 'a numeric string is not a percent, but counts as its number',
      ru: { maxUnavailable: '5' },
      want: [
        `${path}.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"5"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
      ],
    },
    {
      name: 'negative int',
      ru: { maxUnavailable: -1 },
      want: [`${path}.maxUnavailable: Invalid value: -1: must be greater than or equal to 0`],
    },
  ])('$name', ({ ru, want }) => {
    const r = create('DaemonSet', ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: ru } }));
    expect(messages(r.errors)).toEqual(want);
  });
});

describe('TestValidateDaemonSetUpdate (upstream)', () => {
  const abc = (spec: Record<string, unknown> = {}) => ({
    metadata: { labels: validSelector },
    spec: makePodSpec(spec),
  });
  const onDelete = { type: 'OnDelete' };
  const stored = (template: unknown = abc(), updateStrategy: unknown = onDelete) =>
    create('DaemonSet', upstreamDS({ selector: { matchLabels: validSelector }, template, updateStrategy })).object;

  // upstream: TestValidateDaemonSetUpdate successCases. TemplateGeneration is the internal twin of
  // the `deprecated.daemonset.template.generation` annotation and is set by the registry strategy,
  // not by the user, so the cases leave it out.
  test('no change', () => {
    const old = stored();
    const r = update('DaemonSet', old, clone(old));
    expect(r.errors).toEqual([]);
    expect(r.object.metadata.generation).toBe(1);
  });

  test('change template', () => {
    const old = stored();
    const next = clone(old);
    next.spec.template.spec.nodeSelector = validSelector;
    next.spec.template.spec.nodeName = 'xyz';
    const r = update('DaemonSet', old, next);
    expect(r.errors).toEqual([]);
    expect(r.object.metadata.generation).toBe(2);
  });

  test('change update strategy', () => {
    const old = stored();
    const next = clone(old);
    next.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } };
    const r = update('DaemonSet', old, next);
    expect(r.errors).toEqual([]);
    expect(r.object.spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
  });

  test('unchanged templateGeneration upon semantically equal template update', () => {
    const old = stored();
    const next = clone(old);
    next.spec.template.spec.imagePullSecrets = [];
    next.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } };
    expect(update('DaemonSet', old, next).errors).toEqual([]);
  });

  test('Read-write volume verification', () => {
    const old = stored();
    const next = clone(old);
    next.spec.template.spec.volumes = [
      { name: 'gcepd', gcePersistentDisk: { pdName: 'my-PD', fsType: 'ext4', partition: 1, readOnly: false } },
    ];
    expect(update('DaemonSet', old, next).errors).toEqual([]);
  });

  // "change template and selector" and "change container image name" change spec.selector too:
  // upstream's ValidateDaemonSetUpdate allows that, but the daemonset strategy forbids it on
  // apps/v1 (it is only allowed on extensions/v1beta1), so through the API both fail.
  test.each(['change template and selector', 'change container image name'])(
    '%s: selector change is immutable on apps/v1',
    (name) => {
      const old = stored();
      const next = clone(old);
      next.spec.selector = { matchLabels: { c: 'd' } };
      next.spec.template.metadata.labels = { c: 'd' };
      if (name === 'change container image name') next.spec.template.spec.containers[0].name = 'def';
      expect(messages(update('DaemonSet', old, next).errors)).toEqual([
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"c":"d"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
      ]);
    },
  );

  // upstream: TestValidateDaemonSetUpdate errorCases.
  // "change daemon name": upstream's old object has an empty name; via the API the name picks the
  // object, so the case is the immutable-name check on an existing DaemonSet.
  test('change daemon name', () => {
    const old = stored();
    const next = clone(old);
    next.metadata.name = 'z';
    expect(messages(update('DaemonSet', old, next).errors)).toEqual([
      'metadata.name: Invalid value: "z": field is immutable',
    ]);
  });

  test('invalid selector (and, on apps/v1, a changed selector)', () => {
    const old = stored();
    const next = clone(old);
    next.spec.selector = { matchLabels: { [invalidKey]: 'b' } };
    expect(messages(update('DaemonSet', old, next).errors)).toEqual([
      `spec.selector.matchLabels: ${invalidKeyMsg}`,
      `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"${invalidKey}":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable`,
    ]);
  });

  test('invalid pod', () => {
    const old = stored();
    const next = clone(old);
    next.spec.template.spec.containers = [];
    expect(messages(update('DaemonSet', old, next).errors)).toEqual(['spec.template.spec.containers: Required value']);
  });

  test('invalid update strategy', () => {
    const old = stored();
    const next = clone(old);
    next.spec.updateStrategy = { type: 'Random' };
    expect(messages(update('DaemonSet', old, next).errors)).toEqual([
      'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Random", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
    ]);
  });

  // "negative templateGeneration", "decreased templateGeneration" and "unchanged
  // templateGeneration upon template update" set the internal Spec.TemplateGeneration, which
  // PrepareForCreate/PrepareForUpdate overwrite from the stored object; an apps/v1 request cannot
  // set it, so these cases cannot be sent.

  test('an unchanged spec keeps the generation; a template change bumps it', () => {
    const old = create('DaemonSet', ds({})).object;
    expect(update('DaemonSet', old, clone(old)).object.metadata.generation).toBe(1);
    const next = clone(old);
    next.spec.template.spec.containers[0].image = 'busybox:1.36';
    const r = update('DaemonSet', old, next);
    expect(r.errors).toEqual([]);
    expect(r.object.metadata.generation).toBe(2);
  });

  // TestValidateDaemonSetStatusUpdate is about the /status subresource, which a manifest cannot
  // write (status in an applied manifest is dropped by PrepareForUpdate).
  test('status in an update is ignored (the stored status is kept)', () => {
    const old = create('DaemonSet', ds({})).object;
    const next = clone(old);
    next.status = { currentNumberScheduled: -1, numberMisscheduled: -1, desiredNumberScheduled: -3, numberReady: -1 };
    const r = update('DaemonSet', old, next);
    expect(r.errors).toEqual([]);
    expect(r.object.status).toEqual(old.status);
  });
});

describe('TestSetDefaultDaemonSetSpec (upstream pkg/apis/apps/v1/defaults_test.go)', () => {
  const defaultLabels = { foo: 'bar' };
  const defaultTemplate = {
    spec: {
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
    },
    metadata: { labels: defaultLabels },
  };
  const defaults = (obj: Record<string, unknown>) => {
    const r = create('DaemonSet', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'x' }, ...obj });
    return r.object;
  };

  test('labels and selector are not defaulted from the template; strategy and history are', () => {
    const o = defaults({ spec: { template: { metadata: { labels: defaultLabels } } } });
    expect(o.metadata.labels).toBeUndefined();
    expect(o.spec.selector).toBeUndefined();
    expect(o.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(o.spec.revisionHistoryLimit).toBe(10);
    expect(o.spec.template).toMatchObject(defaultTemplate);
  });

  test('given labels, revisionHistoryLimit and OnDelete are kept', () => {
    const o = defaults({
      metadata: { name: 'x', labels: { foo: 'blah' } },
      spec: { template: defaultTemplate, revisionHistoryLimit: 1, updateStrategy: { type: 'OnDelete' } },
    });
    expect(o.metadata.labels).toEqual({ foo: 'blah' });
    expect(o.spec.revisionHistoryLimit).toBe(1);
    expect(o.spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  test('an empty spec gets the template pod spec defaults', () => {
    const o = defaults({ spec: {} });
    expect(o.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(o.spec.revisionHistoryLimit).toBe(10);
    expect(o.spec.template.spec).toMatchObject(defaultTemplate.spec);
  });

  test('an empty rollingUpdate gets maxUnavailable 1 and maxSurge 0; given values are kept', () => {
    expect(defaults({ spec: { updateStrategy: { rollingUpdate: {} } } }).spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
    expect(
      defaults({ spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%' } } } }).spec
        .updateStrategy.rollingUpdate,
    ).toEqual({ maxUnavailable: '25%', maxSurge: 0 });
  });
});

describe('through the public contract (kubectl apply wording)', () => {
  const manifest = (rollingUpdate: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
${rollingUpdate}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
        - name: agent
          image: fluentd`;

  test('maxUnavailable and maxSurge both zero', () => {
    const r = createCluster().apply(manifest('      maxUnavailable: 0\n      maxSurge: "0%"'));
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({
      field: 'spec.updateStrategy.rollingUpdate.maxUnavailable',
      type: 'FieldValueRequired',
      message:
        'The DaemonSet "agent" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    });
  });

  test('maxSurge with a non-zero maxUnavailable', () => {
    const r = createCluster().apply(manifest('      maxUnavailable: 1\n      maxSurge: 10%'));
    expect(r.errors[0]).toMatchObject({
      field: 'spec.updateStrategy.rollingUpdate.maxSurge',
      type: 'FieldValueInvalid',
      message:
        'The DaemonSet "agent" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"10%"}: may not be set when maxUnavailable is non-zero',
    });
  });

  test('restartPolicy Never', () => {
    const r = createCluster().apply(`apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      restartPolicy: Never
      containers:
        - name: agent
          image: fluentd`);
    expect(r.errors[0]).toMatchObject({
      field: 'spec.template.spec.restartPolicy',
      type: 'FieldValueNotSupported',
      message:
        'The DaemonSet "agent" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    });
  });
});
