import { describe, expect, test } from 'vitest';
import './ensure-schema';
import { explain, explainCommand } from '../../../../src/sim/apiserver/schema/explain';

// Expected texts follow kubectl explain's plaintext template
// (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl) over the upstream
// descriptions; tabs separate a field name from its type as kubectl prints them.
describe('kubectl explain', () => {
  test('job.spec.backoffLimit: a scalar field', () => {
    expect(explain('job.spec.backoffLimit')).toBe(
      'GROUP:      batch\nKIND:       Job\nVERSION:    v1\n\nFIELD: backoffLimit <integer>\n\n\nDESCRIPTION:\n    Specifies the number of retries before marking this job failed. Defaults to\n    6\n    \n\n',
    );
  });

  test('pods.spec.restartPolicy: an enum field (core group: no GROUP line)', () => {
    expect(explain('pods.spec.restartPolicy')).toBe(
      'KIND:       Pod\nVERSION:    v1\n\nFIELD: restartPolicy <string>\nENUM:\n    Always\n    Never\n    OnFailure\n\nDESCRIPTION:\n    Restart policy for all containers within the pod. One of Always, OnFailure,\n    Never. In some contexts, only a subset of those values may be permitted.\n    Default to Always. More info:\n    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy\n    \n\n',
    );
  });

  test('ds.spec.template.spec.tolerations: a list of objects, field and type descriptions, fields', () => {
    expect(explain('ds.spec.template.spec.tolerations')).toBe(
      [
        'GROUP:      apps',
        'KIND:       DaemonSet',
        'VERSION:    v1',
        '',
        'FIELD: tolerations <[]Toleration>',
        '',
        '',
        'DESCRIPTION:',
        "    If specified, the pod's tolerations.",
        '    The pod this Toleration is attached to tolerates any taint that matches the',
        '    triple <key,value,effect> using the matching operator <operator>.',
        '    ',
        'FIELDS:',
        '  effect\t<string>',
        '  enum: NoExecute, NoSchedule, PreferNoSchedule',
        '    Effect indicates the taint effect to match. Empty means match all taint',
        '    effects. When specified, allowed values are NoSchedule, PreferNoSchedule and',
        '    NoExecute.',
        '',
        '  key\t<string>',
        '    Key is the taint key that the toleration applies to. Empty means match all',
        '    taint keys. If the key is empty, operator must be Exists; this combination',
        '    means to match all values and all keys.',
        '',
        '  operator\t<string>',
        '  enum: Equal, Exists',
        "    Operator represents a key's relationship to the value. Valid operators are",
        '    Exists and Equal. Defaults to Equal. Exists is equivalent to wildcard for',
        '    value, so that a pod can tolerate all taints of a particular category.',
        '',
        '  tolerationSeconds\t<integer>',
        '    TolerationSeconds represents the period of time the toleration (which must',
        '    be of effect NoExecute, otherwise this field is ignored) tolerates the',
        '    taint. By default, it is not set, which means tolerate the taint forever (do',
        '    not evict). Zero and negative values will be treated as 0 (evict',
        '    immediately) by the system.',
        '',
        '  value\t<string>',
        '    Value is the taint value the toleration matches to. If the operator is',
        '    Exists, the value should be empty, otherwise just a regular string.',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  test('cronjob.spec: object field with required fields', () => {
    const out = explain('cronjob.spec');
    expect(
      out.startsWith(
        'GROUP:      batch\nKIND:       CronJob\nVERSION:    v1\n\nFIELD: spec <CronJobSpec>\n\n\nDESCRIPTION:\n',
      ),
    ).toBe(true);
    expect(out).toContain(
      '\n  jobTemplate\t<JobTemplateSpec> -required-\n    Specifies the job that will be created when executing a CronJob.\n\n',
    );
    expect(out).toContain(
      '\n  schedule\t<string> -required-\n    The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.\n\n',
    );
    expect(out).toContain('\n  concurrencyPolicy\t<string>\n  enum: Allow, Forbid, Replace\n');
  });

  test('pods.spec.containers: array of Container, resolved through the alias', () => {
    const out = explain('po.spec.containers');
    expect(out).toContain('FIELD: containers <[]Container>\n\n\nDESCRIPTION:\n');
    expect(out).toContain('\n  name\t<string> -required-\n');
    expect(out).toContain('\n  resources\t<ResourceRequirements>\n');
    expect(out).toContain('\n  ports\t<[]ContainerPort>\n');
  });

  // IntOrString and Quantity are oneOf schemas in OpenAPI v3, Time a plain string
  test('types of special strings and maps', () => {
    const out = explain('pods.metadata');
    expect(out).toContain('\n  labels\t<map[string]string>\n');
    expect(out).toContain('\n  creationTimestamp\t<string>\n');
    expect(explain('ds.spec.updateStrategy.rollingUpdate')).toContain('\n  maxUnavailable\t<IntOrString>\n');
    expect(explain('pods.spec.containers.resources')).toContain('\n  limits\t<map[string]Quantity>\n');
  });

  test('a whole kind: description then all fields', () => {
    const out = explain('daemonsets');
    expect(
      out.startsWith(
        'GROUP:      apps\nKIND:       DaemonSet\nVERSION:    v1\n\nDESCRIPTION:\n    DaemonSet represents the configuration of a daemon set.\n    \nFIELDS:\n  apiVersion\t<string>\n',
      ),
    ).toBe(true);
    expect(out).toContain('\n  spec\t<DaemonSetSpec>\n');
    expect(out).toContain('\n  status\t<DaemonSetStatus>\n');
  });

  test('--recursive lists nested fields, two spaces per level, without descriptions', () => {
    const out = explain('job.spec.podFailurePolicy', { recursive: true });
    expect(out).toContain(
      'FIELDS:\n  rules\t<[]PodFailurePolicyRule> -required-\n    action\t<string> -required-\n    enum: Count, FailIndex, FailJob, Ignore\n    onExitCodes\t<PodFailurePolicyOnExitCodesRequirement>\n      containerName\t<string>\n      operator\t<string> -required-\n      enum: In, NotIn\n      values\t<[]integer> -required-\n',
    );
  });

  test('a short enum list stops after four values', () => {
    expect(
      explain(
        'pods.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.matchExpressions',
      ),
    ).toContain('\n  operator\t<string> -required-\n  enum: DoesNotExist, Exists, Gt, In, ....\n');
  });

  test('the 1.34 overlay: pod-level resources', () => {
    expect(explain('pods.spec.resources')).toContain('FIELD: resources <ResourceRequirements>\n');
  });

  // upstream: plaintext_test.go TestPlaintext "SchemaFieldPathNotFound": the error names the last
  // element of the path
  test.each([
    ['pods.spec.foo', 'error: field "foo" does not exist'],
    ['pods.spec.foo.bar', 'error: field "bar" does not exist'],
    ['job.spec.backoffLimit.x', 'error: field "x" does not exist'],
    ['widgets', 'error: the server doesn\'t have a resource type "widgets"'],
  ])('%s', (path, err) => {
    expect(explain(path)).toBe(err);
    expect(explainCommand(path)).toEqual({ stdout: '', stderr: `${err}\n`, exitCode: 1 });
  });
});
