import { describe, expect, test } from 'vitest';
import './ensure-schema';
import { parse } from 'yaml';
import {
  checkTypeMeta,
  decodeErrorMessage,
  decodeStrict,
  kubectlDecodeErrorLine,
  parseQuantityError,
  parseRFC3339Error,
  quantityFormatError,
} from '../../../../src/sim/apiserver/schema/decode';
import type { KindName } from '../../../../src/sim/kinds';

const ds = (spec: string) =>
  parse(`apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd
spec:
${spec}`);

const dsSpec = `  selector:
    matchLabels: {app: fluentd}
  template:
    metadata:
      labels: {app: fluentd}
    spec:
      containers:
      - name: fluentd
        image: fluentd:v1`;

describe('decodeStrict: unknown fields', () => {
  // upstream: test/integration/apiserver/field_validation_test.go testFieldValidationPost
  // "post-strict-validation-yaml" (a YAML body reaches the decoder through a Go map, keys sorted,
  // as kubectl's body does). The Deployment there is a DaemonSet here; duplicate keys cannot
  // survive kubectl's YAML→JSON conversion, so only the unknown fields remain.
  test('the upstream invalid body, strict', () => {
    const obj = parse(`apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: dupename
  unknownMeta: metaVal
  labels:
    app: nginx
spec:
  unknown1: val1
  unknownDupe: valDupe2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:latest
        unknownNested: val1
        imagePullPolicy: Never`);
    const issues = decodeStrict('DaemonSet', obj);
    expect(issues.map((i) => i.kind)).toEqual(['unknownField', 'unknownField', 'unknownField', 'unknownField']);
    expect(decodeErrorMessage('DaemonSet', issues)).toBe(
      'DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "metadata.unknownMeta", unknown field "spec.template.spec.containers[0].unknownNested", unknown field "spec.unknown1", unknown field "spec.unknownDupe"',
    );
  });

  test.each<[string, KindName, unknown, string[]]>([
    ['unknown top-level field', 'Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spce: {} }, ['spce']],
    [
      'tolerations put on the DaemonSet spec instead of the pod template',
      'DaemonSet',
      ds(`${dsSpec}\n  tolerations:\n  - operator: Exists`),
      ['spec.tolerations'],
    ],
    [
      'a misspelled field in containers[1]',
      'Pod',
      parse(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - {name: a, image: busybox}
  - {name: b, image: busybox, imagePullPolcy: Always}`),
      ['spec.containers[1].imagePullPolcy'],
    ],
    [
      'a misspelled field in tolerations[0]',
      'DaemonSet',
      ds(
        `${dsSpec}\n      tolerations:\n      - key: node-role.kubernetes.io/control-plane\n        operater: Exists\n        effect: NoSchedule`,
      ),
      ['spec.template.spec.tolerations[0].operater'],
    ],
    [
      'fields are case-sensitive',
      'Job',
      parse(`apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  BackoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: perl}]`),
      ['spec.BackoffLimit'],
    ],
  ])('%s', (_name, kind, obj, paths) => {
    const issues = decodeStrict(kind, obj);
    expect(issues.map((i) => i.path)).toEqual(paths);
    expect(issues.map((i) => i.message)).toEqual(paths.map((p) => `unknown field "${p}"`));
  });

  test('the whole kubectl line', () => {
    const issues = decodeStrict('DaemonSet', ds(`${dsSpec}\n  tolerations: []`));
    expect(kubectlDecodeErrorLine('DaemonSet', issues, 'ds.yaml')).toBe(
      'Error from server (BadRequest): error when creating "ds.yaml": DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.tolerations"',
    );
  });

  test('status is a known field (the server drops it later, it does not reject it)', () => {
    const obj = ds(dsSpec);
    (obj as Record<string, unknown>).status = {
      numberReady: 1,
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberMisscheduled: 0,
    };
    expect(decodeStrict('DaemonSet', obj)).toEqual([]);
  });
});

const job = (spec: string) =>
  parse(`apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
${spec}
  template:
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: perl}]`);

describe('decodeStrict: wrong JSON types', () => {
  test.each<[string, KindName, unknown, string]>([
    [
      'a string where a list of containers belongs',
      'DaemonSet',
      ds(
        `  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers: nginx`,
      ),
      'json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    ],
    [
      'a quoted number in an int32',
      'Job',
      job(`  backoffLimit: "6"`),
      'json: cannot unmarshal string into Go struct field JobSpec.spec.backoffLimit of type int32',
    ],
    [
      'a fraction in an int32',
      'Job',
      job(`  backoffLimit: 1.5`),
      'json: cannot unmarshal number 1.5 into Go struct field JobSpec.spec.backoffLimit of type int32',
    ],
    [
      'an int32 overflow',
      'Job',
      job(`  completions: 3000000000`),
      'json: cannot unmarshal number 3000000000 into Go struct field JobSpec.spec.completions of type int32',
    ],
    [
      'a bool in an int64',
      'Job',
      job(`  activeDeadlineSeconds: true`),
      'json: cannot unmarshal bool into Go struct field JobSpec.spec.activeDeadlineSeconds of type int64',
    ],
    [
      'a number in a named string type',
      'Pod',
      parse(
        `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  restartPolicy: 1\n  containers: [{name: a, image: busybox}]`,
      ),
      'json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
    ],
    [
      'a number in a container image (innermost struct named, no indices)',
      'Pod',
      parse(
        `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: busybox}, {name: b, image: 5}]`,
      ),
      'json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string',
    ],
    [
      'an unquoted number as a label value',
      'Pod',
      parse(
        `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {tier: 1}\nspec:\n  containers: [{name: a, image: busybox}]`,
      ),
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    ],
    [
      'a scalar spec',
      'Job',
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'x' }, spec: 'x' },
      'json: cannot unmarshal string into Go struct field Job.spec of type v1.JobSpec',
    ],
    [
      'a map where the command list belongs',
      'Pod',
      parse(
        `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: busybox\n    command: {sh: -c}`,
      ),
      'json: cannot unmarshal object into Go struct field Container.spec.containers.command of type []string',
    ],
    [
      'a fraction in an IntOrString',
      'DaemonSet',
      ds(`${dsSpec}\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate: {maxUnavailable: 1.5}`),
      'json: cannot unmarshal number 1.5 into Go struct field RollingUpdateDaemonSet.spec.updateStrategy.rollingUpdate.maxUnavailable of type int32',
    ],
    [
      'a malformed Quantity',
      'Pod',
      parse(
        `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: busybox\n    resources: {limits: {memory: 1Gb}}`,
      ),
      quantityFormatError,
    ],
    [
      'a bad RFC 3339 time',
      'Pod',
      parse(
        `apiVersion: v1\nkind: Pod\nmetadata: {name: p, creationTimestamp: yesterday}\nspec:\n  containers: [{name: a, image: busybox}]`,
      ),
      'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    ],
  ])('%s', (_name, kind, obj, message) => {
    const issues = decodeStrict(kind, obj);
    expect(issues.length).toBeGreaterThan(0);
    expect(decodeErrorMessage(kind, issues)).toBe(`${kind} in version "v1" cannot be handled as a ${kind}: ${message}`);
  });

  test('a type error is fatal: the unknown fields are not reported with it', () => {
    const issues = decodeStrict('Job', job(`  backoffLimit: "6"\n  backofLimit: 6`));
    // keys are sorted: "backofLimit" < "backoffLimit"
    expect(issues.map((i) => i.kind)).toEqual(['unknownField', 'typeMismatch']);
    expect(decodeErrorMessage('Job', issues)).toBe(
      'Job in version "v1" cannot be handled as a Job: json: cannot unmarshal string into Go struct field JobSpec.spec.backoffLimit of type int32',
    );
  });

  test('null is accepted anywhere (the Go zero value)', () => {
    expect(decodeStrict('Job', job(`  backoffLimit: null\n  selector: null`))).toEqual([]);
  });
});

describe('IntOrString and Quantity accept both forms', () => {
  test.each([1, '25%', 0, '1'])('maxUnavailable %j', (v) => {
    const obj = ds(
      `${dsSpec}\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate: {maxUnavailable: ${JSON.stringify(v)}, maxSurge: 0}`,
    );
    expect(decodeStrict('DaemonSet', obj)).toEqual([]);
  });

  test.each([['500m'], [0.5], [1], ['1Gi'], ['128974848'], ['129e6'], ['1.5'], ['+1k'], ['12E']])(
    'resources.requests %j',
    (v) => {
      const obj = parse(
        `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: busybox\n    resources: {requests: {cpu: ${JSON.stringify(v)}}}`,
      );
      expect(decodeStrict('Pod', obj)).toEqual([]);
    },
  );

  // upstream: apimachinery/pkg/api/resource quantity_test.go TestQuantityParseErrors (a selection)
  test.each([
    ['', quantityFormatError],
    ['abc', quantityFormatError],
    ['1Gb', quantityFormatError],
    ['500 m', quantityFormatError],
    ['1.2.3', quantityFormatError],
    ['1GG', "unable to parse quantity's suffix"],
    ['1e', "unable to parse quantity's suffix"],
  ])('ParseQuantity(%j) fails', (s, msg) => {
    expect(parseQuantityError(s)).toBe(msg);
  });
});

describe('RFC 3339 times', () => {
  test.each([
    ['2025-01-01T00:00:00Z', undefined],
    ['2025-01-01T00:00:00.123456Z', undefined],
    ['2025-01-01T08:00:00+08:00', undefined],
    ['2025-01-01', 'parsing time "2025-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"'],
    ['2025-13-01T00:00:00Z', 'parsing time "2025-13-01T00:00:00Z": month out of range'],
    [
      '2025-01-01T00:00:00',
      'parsing time "2025-01-01T00:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"',
    ],
  ])('%s', (s, msg) => {
    expect(parseRFC3339Error(s)).toBe(msg);
  });
});

describe('valid manifests of every kind pass', () => {
  test.each<[KindName, string]>([
    ['Namespace', `apiVersion: v1\nkind: Namespace\nmetadata: {name: lab, labels: {team: a}}`],
    [
      'Node',
      `apiVersion: v1
kind: Node
metadata: {name: worker-1, labels: {kubernetes.io/hostname: worker-1}}
spec:
  taints: [{key: dedicated, value: gpu, effect: NoSchedule}]
status:
  capacity: {cpu: "4", memory: 16Gi, pods: "110"}
  allocatable: {cpu: 3800m, memory: 15Gi, pods: 110}
  conditions:
  - {type: Ready, status: "True", lastHeartbeatTime: "2025-01-01T00:00:00Z", lastTransitionTime: "2025-01-01T00:00:00Z", reason: KubeletReady, message: kubelet is posting ready status}`,
    ],
    [
      'Pod',
      `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: default}
spec:
  initContainers:
  - {name: log-shipper, image: busybox, restartPolicy: Always, command: [sh, -c, "tail -F /var/log/app.log"]}
  containers:
  - name: web
    image: nginx:1.27
    ports: [{containerPort: 80, protocol: TCP}]
    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}
    readinessProbe: {httpGet: {path: /, port: http}, periodSeconds: 5}
    livenessProbe: {tcpSocket: {port: 80}}
  resources: {limits: {cpu: "1"}}
  tolerations: [{operator: Exists, effect: NoExecute, tolerationSeconds: 300}]
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions: [{key: disktype, operator: In, values: [ssd]}]`,
    ],
    [
      'DaemonSet',
      `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: fluentd, namespace: kube-system, labels: {k8s-app: fluentd}}
spec:
  selector: {matchLabels: {name: fluentd}}
  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1, maxSurge: 0}}
  minReadySeconds: 5
  revisionHistoryLimit: 10
  template:
    metadata: {labels: {name: fluentd}}
    spec:
      tolerations:
      - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
      containers:
      - name: fluentd
        image: quay.io/fluentd_elasticsearch/fluentd:v2.5.2
        volumeMounts: [{name: varlog, mountPath: /var/log}]
      terminationGracePeriodSeconds: 30
      volumes: [{name: varlog, hostPath: {path: /var/log}}]`,
    ],
    [
      'Job',
      `apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  completions: 5
  parallelism: 2
  completionMode: Indexed
  backoffLimitPerIndex: 1
  maxFailedIndexes: 2
  activeDeadlineSeconds: 100
  ttlSecondsAfterFinished: 100
  podReplacementPolicy: Failed
  successPolicy: {rules: [{succeededIndexes: "0-2", succeededCount: 2}]}
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes: {containerName: pi, operator: In, values: [42]}
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: pi, image: perl:5.34.0, command: [perl, "-Mbignum=bpi", -wle, "print bpi(2000)"]}`,
    ],
    [
      'CronJob',
      `apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: "*/1 * * * *"
  timeZone: Etc/UTC
  concurrencyPolicy: Forbid
  startingDeadlineSeconds: 200
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 1
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - {name: hello, image: busybox:1.28, command: [/bin/sh, -c, date; echo Hello]}`,
    ],
    [
      'ControllerRevision',
      `apiVersion: apps/v1
kind: ControllerRevision
metadata: {name: fluentd-7d9c8b, ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: fluentd, uid: 1b2c, controller: true, blockOwnerDeletion: true}]}
revision: 1
data: {spec: {template: {$patch: replace, spec: {containers: [{name: fluentd, image: fluentd}]}}}}`,
    ],
    [
      'Event',
      `apiVersion: v1
kind: Event
metadata: {name: pi.1811a}
involvedObject: {kind: Job, name: pi, namespace: default, apiVersion: batch/v1}
reason: SuccessfulCreate
message: "Created pod: pi-abcde"
type: Normal
count: 1
firstTimestamp: "2025-01-01T00:00:00Z"
lastTimestamp: "2025-01-01T00:00:00Z"
source: {component: job-controller}
reportingComponent: job-controller`,
    ],
  ])('%s', (kind, yaml) => {
    expect(decodeStrict(kind, parse(yaml))).toEqual([]);
  });
});

describe('checkTypeMeta: what kubectl says before sending', () => {
  test.each([
    ['apps/v1beta2', 'DaemonSet', 'fluentd', 'kube-system'],
    ['extensions/v1beta1', 'DaemonSet', 'fluentd', ''],
    ['batch/v1beta1', 'CronJob', 'hello', ''],
    ['apps/v1', 'Deployment', 'nginx', ''],
  ])('old or unserved %s %s', (apiVersion, kind, name, ns) => {
    const obj = { apiVersion, kind, metadata: { name, ...(ns ? { namespace: ns } : {}) } };
    expect(checkTypeMeta(obj, 'ds.yaml')).toEqual({
      ok: false,
      reason: 'noMatch',
      message: `error: resource mapping not found for name: "${name}" namespace: "${ns}" from "ds.yaml": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
    });
  });

  test.each([
    ['v1', 'Pod', 'Pod'],
    ['apps/v1', 'DaemonSet', 'DaemonSet'],
    ['batch/v1', 'CronJob', 'CronJob'],
  ])('%s %s is served', (apiVersion, kind, expected) => {
    expect(checkTypeMeta({ apiVersion, kind }, 'x.yaml')).toEqual({ ok: true, kind: expected });
  });

  // upstream: kubectl/pkg/validation schema_test.go "fails because apiVersion is not provided" and
  // "fails because apiVersion type is not string and kind is not provided"
  test.each([
    [{ kind: 'Pod', metadata: { name: 'name' } }, 'apiVersion not set'],
    [{ apiVersion: 1, metadata: { name: 'name' } }, "[apiVersion isn't string type, kind not set]"],
    [{ apiVersion: 'apps/v1', metadata: { name: 'x' } }, 'kind not set'],
  ])('validation of %j', (obj, agg) => {
    expect(checkTypeMeta(obj, 'pod.yaml')).toEqual({
      ok: false,
      reason: 'validation',
      message: `error: error validating "pod.yaml": error validating data: ${agg}; if you choose to ignore these errors, turn validation off with --validate=false`,
    });
  });

  test("--validate=false: Object 'Kind' is missing", () => {
    const obj = parse(`apiVersion: apps/v1\nmetadata:\n  name: x\nspec:\n  selector: {matchLabels: {a: "<b>"}}`);
    expect(checkTypeMeta(obj, 'ds.yaml', { validate: false })).toEqual({
      ok: false,
      reason: 'decode',
      message: `error: unable to decode "ds.yaml": Object 'Kind' is missing in '{"apiVersion":"apps/v1","metadata":{"name":"x"},"spec":{"selector":{"matchLabels":{"a":"\\u003cb\\u003e"}}}}'`,
    });
  });
});
