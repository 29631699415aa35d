import { describe, test, expect } from 'vitest';
import { create, messages } from './helpers';

describe('ValidateNode', () => {
  // upstream: TestValidateNode (errorCases: "invalid-taints", "duplicate-taints")
  test.each([
    {
      name: 'missing taint effect',
      taints: [{ key: 'dedicated', value: 'gpu' }],
      want: ['spec.taints[0].effect: Required value'],
    },
    {
      name: 'unsupported taint effect',
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoRun' }],
      want: [
        'spec.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    },
    {
      name: 'duplicate taints by key and effect',
      taints: [
        { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
        { key: 'dedicated', value: 'cpu', effect: 'NoSchedule' },
      ],
      want: [
        'spec.taints[1]: Duplicate value: core.Taint{Key:"dedicated", Value:"cpu", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
      ],
    },
    {
      name: 'same key, different effects is fine',
      taints: [
        { key: 'k', effect: 'NoSchedule' },
        { key: 'k', effect: 'NoExecute' },
      ],
      want: [],
    },
  ])('$name', ({ taints, want }) => {
    expect(messages(create('Node', { metadata: { name: 'worker-1' }, spec: { taints } }).errors)).toEqual(want);
  });

  test('a namespace is forbidden on a cluster-scoped kind', () => {
    expect(messages(create('Node', { metadata: { name: 'n', namespace: 'default' } }).errors)).toEqual([
      'metadata.namespace: Forbidden: not allowed on this type',
    ]);
  });
});

describe('ValidateNamespace', () => {
  // upstream: TestValidateNamespace
  test('name must be a DNS label; defaults add the metadata.name label', () => {
    const ok = create('Namespace', { metadata: { name: 'team-a' } });
    expect(ok.errors).toEqual([]);
    expect(ok.object.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    expect(ok.object.status).toEqual({ phase: 'Active' });
    expect(ok.object.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(create('Namespace', { metadata: { name: 'a.b' } }).errors.map((e) => [e.field, e.type])).toEqual([
      ['metadata.name', 'FieldValueInvalid'],
    ]);
  });
});
