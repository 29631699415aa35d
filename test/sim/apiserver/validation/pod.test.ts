import { describe, test, expect } from 'vitest';
import { create, messages, update } from './helpers';
import { validateTolerations, validateAffinity } from '../../../../src/sim/apiserver/validation/core';
import { podUpdateForbiddenMessage } from '../../../../src/sim/apiserver/validation/core';

const pod = (spec: Record<string, unknown> = {}, name = 'p') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec },
});

describe('Pod admission', () => {
  test('defaults, admission plugins and status as kubectl get -o yaml shows them', () => {
    const r = create('Pod', pod());
    expect(r.errors).toEqual([]);
    expect(r.object.spec).toEqual({
      containers: [
        {
          name: 'c',
          image: 'busybox',
          imagePullPolicy: 'Always',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
    expect(r.object.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  // upstream: plugin/pkg/admission/defaulttolerationseconds TestForgivenessAdmission
  test.each([
    {
      name: 'pod has tolerations, but none is for taint `not-ready:NoExecute` or `unreachable:NoExecute`',
      tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }],
      added: ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'],
    },
    {
      name: 'pod specified a toleration for taint `not-ready:NoExecute`',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 700 },
      ],
      added: ['node.kubernetes.io/unreachable'],
    },
    {
      name: 'pod specified tolerations for both taints',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 700 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 700 },
      ],
      added: [],
    },
    {
      name: 'pod specified toleration for all taints',
      tolerations: [{ operator: 'Exists' }],
      added: [],
    },
  ])('$name', ({ tolerations, added }) => {
    const r = create('Pod', pod({ tolerations }));
    expect(r.object.spec.tolerations.slice(tolerations.length).map((t: any) => t.key)).toEqual(added);
  });

  test('QoS class Guaranteed when limits equal requests', () => {
    const r = create(
      'Pod',
      pod({ containers: [{ name: 'c', image: 'busybox', resources: { limits: { cpu: '1', memory: '1Gi' } } }] }),
    );
    expect(r.object.status.qosClass).toBe('Guaranteed');
    const b = create(
      'Pod',
      pod({ containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: '100m' } } }] }),
    );
    expect(b.object.status.qosClass).toBe('Burstable');
  });
});

describe('ValidatePodSpec', () => {
  // upstream: TestValidatePodSpec, TestValidateContainers, TestValidatePorts, TestValidateVolumeMounts (error cases)
  test.each([
    { name: 'missing containers', spec: { containers: [] }, want: ['spec.containers: Required value'] },
    {
      name: 'container name not a DNS label',
      spec: { containers: [{ name: 'Web_1', image: 'nginx' }] },
      want: [
        "spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    },
    {
      name: 'duplicate container name',
      spec: {
        containers: [
          { name: 'a', image: 'nginx' },
          { name: 'a', image: 'nginx' },
        ],
      },
      want: ['spec.containers[1].name: Duplicate value: "a"'],
    },
    {
      name: 'image required',
      spec: { containers: [{ name: 'a' }] },
      want: ['spec.containers[0].image: Required value'],
    },
    {
      name: 'restartPolicy unsupported',
      spec: { restartPolicy: 'Sometimes' },
      want: ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    },
    {
      name: 'dnsPolicy unsupported',
      spec: { dnsPolicy: 'Cluster' },
      want: [
        'spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      ],
    },
    {
      name: 'containerPort out of range',
      spec: { containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: 70000 }] }] },
      want: ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    },
    {
      name: 'port protocol unsupported',
      spec: { containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: 80, protocol: 'HTTP' }] }] },
      want: ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
    },
    {
      name: 'hostPort conflict',
      spec: {
        containers: [
          { name: 'a', image: 'nginx', ports: [{ containerPort: 80, hostPort: 80 }] },
          { name: 'b', image: 'nginx', ports: [{ containerPort: 81, hostPort: 80 }] },
        ],
      },
      want: ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//80"'],
    },
    {
      name: 'hostNetwork: hostPort must match containerPort',
      spec: {
        hostNetwork: true,
        containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080 }] }],
      },
      want: [
        'spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
      ],
    },
    {
      name: 'volumeMount refers to a missing volume',
      spec: { containers: [{ name: 'a', image: 'nginx', volumeMounts: [{ name: 'logs', mountPath: '/var/log' }] }] },
      want: ['spec.containers[0].volumeMounts[0].name: Not found: "logs"'],
    },
    {
      name: 'hostPath path required',
      spec: { volumes: [{ name: 'v', hostPath: { path: '' } }] },
      want: ['spec.volumes[0].hostPath.path: Required value'],
    },
    {
      name: 'hostPath type unsupported',
      spec: { volumes: [{ name: 'v', hostPath: { path: '/var/log', type: 'Dir' } }] },
      want: [
        'spec.volumes[0].hostPath.type: Unsupported value: "Dir": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
      ],
    },
    {
      name: 'two volume sources',
      spec: { volumes: [{ name: 'v', hostPath: { path: '/x' }, emptyDir: {} }] },
      want: ['spec.volumes[0].emptyDir: Forbidden: may not specify more than 1 volume type'],
    },
    {
      name: 'requests above limits',
      spec: {
        containers: [{ name: 'a', image: 'nginx', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }],
      },
      want: ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'],
    },
    {
      name: 'unknown resource name',
      spec: { containers: [{ name: 'a', image: 'nginx', resources: { requests: { gpu: '1' } } }] },
      want: [
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      ],
    },
    {
      name: 'liveness probe successThreshold must be 1',
      spec: {
        containers: [
          { name: 'a', image: 'nginx', livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } },
        ],
      },
      want: ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
    },
    {
      name: 'probe without handler',
      spec: { containers: [{ name: 'a', image: 'nginx', readinessProbe: { periodSeconds: 5 } }] },
      want: ['spec.containers[0].readinessProbe: Required value: must specify a handler type'],
    },
    {
      name: 'activeDeadlineSeconds 0',
      spec: { activeDeadlineSeconds: 0 },
      want: ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'],
    },
  ])('$name', ({ spec, want }) => {
    expect(messages(create('Pod', pod(spec)).errors)).toEqual(want);
  });

  test('metadata.name required', () => {
    expect(messages(create('Pod', { spec: pod().spec }).errors)).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });
});

describe('ValidateTolerations', () => {
  // upstream: TestValidateTolerations (errorCases)
  test.each([
    {
      name: 'invalid operator',
      t: [{ key: 'foo', operator: 'In', value: 'bar', effect: 'NoSchedule' }],
      want: ['t[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"'],
    },
    {
      name: "value must be empty when `operator` is 'Exists'",
      t: [{ key: 'foo', operator: 'Exists', value: 'bar', effect: 'NoSchedule' }],
      want: [
        't[0].operator: Invalid value: core.Toleration{Key:"foo", Operator:"Exists", Value:"bar", Effect:"NoSchedule", TolerationSeconds:(*int64)(nil)}: value must be empty when `operator` is \'Exists\'',
      ],
    },
    {
      name: "operator must be 'Exists' when `key` is empty",
      t: [{ operator: 'Equal', value: 'bar', effect: 'NoSchedule' }],
      want: [
        't[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      ],
    },
    {
      name: "effect must be 'NoExecute' when `TolerationSeconds` is set",
      t: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 20 }],
      want: ['t[0].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set'],
    },
    {
      name: 'invalid effect',
      t: [{ key: 'foo', operator: 'Exists', effect: 'NoRun' }],
      want: [
        't[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    },
  ])('$name', ({ t, want }) => {
    expect(messages(validateTolerations(t as any, 't'))).toEqual(want);
  });

  test.each([
    [[{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }]],
    [[{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }]],
    [[{ operator: 'Exists' }]],
    [[{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]],
  ])('valid %j', (t) => {
    expect(validateTolerations(t as any, 't')).toEqual([]);
  });
});

describe('validateAffinity', () => {
  // upstream: TestValidateAffinity (errorCases)
  test.each([
    {
      name: 'empty nodeSelectorTerms',
      a: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } },
      want: [
        'a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
      ],
    },
    {
      name: 'In without values',
      a: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'In' }] }],
          },
        },
      },
      want: [
        "a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      ],
    },
    {
      name: 'Exists with values',
      a: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'Exists', values: ['v'] }] }],
          },
        },
      },
      want: [
        "a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ],
    },
    {
      name: 'invalid operator',
      a: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'Equals', values: ['v'] }] }],
          },
        },
      },
      want: [
        'a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
      ],
    },
    {
      name: 'preferred weight out of range',
      a: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 199, preference: { matchExpressions: [{ key: 'k', operator: 'Exists' }] } },
          ],
        },
      },
      want: [
        'a.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 199: must be in the range 1-100',
      ],
    },
    {
      name: 'invalid matchFields key',
      a: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.namespace', operator: 'In', values: ['x'] }] }],
          },
        },
      },
      want: [
        'a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key: Invalid value: "metadata.namespace": not a valid field selector key',
      ],
    },
  ])('$name', ({ a, want }) => {
    expect(messages(validateAffinity(a as any, 'a'))).toEqual(want);
  });
});

describe('ValidatePodUpdate', () => {
  // upstream: TestValidatePodUpdate
  const stored = create('Pod', pod()).object;
  const edit = (f: (p: any) => void) => {
    const p = JSON.parse(JSON.stringify(stored));
    f(p);
    return p;
  };

  test('image may change', () => {
    expect(
      update(
        'Pod',
        stored,
        edit((p) => (p.spec.containers[0].image = 'busybox:1.36')),
      ).errors,
    ).toEqual([]);
  });

  test('adding a toleration is allowed', () => {
    expect(
      update(
        'Pod',
        stored,
        edit((p) => p.spec.tolerations.push({ key: 'a', operator: 'Exists' })),
      ).errors,
    ).toEqual([]);
  });

  test('removing or changing a toleration is not', () => {
    const tolerating = create('Pod', pod({ tolerations: [{ key: 'a', operator: 'Exists' }] })).object;
    const next = JSON.parse(JSON.stringify(tolerating));
    next.spec.tolerations[0].key = 'b';
    expect(messages(update('Pod', tolerating, next).errors)).toEqual([
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    ]);
  });

  test('adding a container is forbidden', () => {
    expect(
      messages(
        update(
          'Pod',
          stored,
          edit((p) => p.spec.containers.push({ ...p.spec.containers[0], name: 'd' })),
        ).errors,
      ),
    ).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers']);
  });

  test('other spec changes: Forbidden with upstream message', () => {
    const r = update(
      'Pod',
      stored,
      edit((p) => (p.spec.nodeSelector = { disk: 'ssd' })),
    );
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].field).toBe('spec');
    expect(r.errors[0].type).toBe('FieldValueForbidden');
    expect(r.errors[0].detail.startsWith(`${podUpdateForbiddenMessage}\n`)).toBe(true);
  });

  test('activeDeadlineSeconds may only shrink', () => {
    const withDeadline = edit((p) => (p.spec.activeDeadlineSeconds = 30));
    const next = JSON.parse(JSON.stringify(withDeadline));
    next.spec.activeDeadlineSeconds = 60;
    expect(messages(update('Pod', withDeadline, next).errors)).toEqual([
      'spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value',
    ]);
  });
});
