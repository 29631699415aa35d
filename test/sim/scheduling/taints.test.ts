import { describe, expect, test } from 'vitest';
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import {
  doNotScheduleTaintsFilter,
  findMatchingUntoleratedTaint,
  getMatchingTolerations,
  parseTaints,
  reorganizeTaints,
  taintsAlreadyExisting,
  taintToString,
  toleratesTaint,
  tolerationsTolerateTaint,
} from '../../../src/sim/scheduling/taints';

// upstream: component-helpers/scheduling/corev1/helpers_test.go TestTolerationsTolerateTaint
describe('tolerationsTolerateTaint', () => {
  test.each<[string, Toleration[], Taint, boolean]>([
    ['no tolerations', [], { key: 'foo', value: 'bar', effect: 'NoSchedule' }, false],
    [
      'same key and effect, operator Exists, taint without value',
      [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
      { key: 'foo', effect: 'NoSchedule' },
      true,
    ],
    [
      'same key and effect, operator Exists, taint with a value',
      [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
      true,
    ],
    [
      'same effect, empty key and operator Exists: matches all taints',
      [{ operator: 'Exists', effect: 'NoSchedule' }],
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
      true,
    ],
    [
      'same key, effect and value, operator Equal',
      [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }],
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
      true,
    ],
    [
      'same key and effect, different values, operator Equal',
      [{ key: 'foo', operator: 'Equal', value: 'value1', effect: 'NoSchedule' }],
      { key: 'foo', value: 'value2', effect: 'NoSchedule' },
      false,
    ],
    [
      'same key and value, different effects, operator Equal',
      [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }],
      { key: 'foo', value: 'bar', effect: 'NoExecute' },
      false,
    ],
  ])('%s', (_d, tolerations, taint, want) => {
    expect(tolerationsTolerateTaint(tolerations, taint)).toBe(want);
  });
});

// upstream: staging/src/k8s.io/api/core/v1/toleration_test.go TestTolerationToleratesTaint
describe('toleratesTaint', () => {
  test.each<[string, Toleration, Taint, boolean]>([
    [
      'empty operator means Equal',
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
      true,
    ],
    ['empty effect matches all effects', { key: 'foo', operator: 'Exists' }, { key: 'foo', effect: 'NoExecute' }, true],
    [
      'empty key with Exists matches everything',
      { operator: 'Exists' },
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      true,
    ],
    ['different key', { key: 'a', operator: 'Exists' }, { key: 'b', effect: 'NoSchedule' }, false],
    [
      'unknown operator never tolerates',
      { key: 'foo', operator: 'Gt', value: '1' },
      { key: 'foo', value: '2', effect: 'NoSchedule' },
      false,
    ],
    [
      'Equal with empty values on both sides',
      { key: 'foo', operator: 'Equal' },
      { key: 'foo', effect: 'NoSchedule' },
      true,
    ],
  ])('%s', (_d, toleration, taint, want) => {
    expect(toleratesTaint(toleration, taint)).toBe(want);
  });
});

// upstream: helpers_test.go TestFindMatchingUntoleratedTaint (with the scheduler's NoSchedule/NoExecute filter)
describe('findMatchingUntoleratedTaint', () => {
  const cp: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
  const prefer: Taint = { key: 'spot', value: 'true', effect: 'PreferNoSchedule' };
  const gpu: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoExecute' };
  test('no taints', () => expect(findMatchingUntoleratedTaint([], [], doNotScheduleTaintsFilter)).toBeUndefined());
  test('PreferNoSchedule is filtered out', () =>
    expect(findMatchingUntoleratedTaint([prefer], [], doNotScheduleTaintsFilter)).toBeUndefined());
  test('the first untolerated taint is returned', () =>
    expect(findMatchingUntoleratedTaint([prefer, cp, gpu], [], doNotScheduleTaintsFilter)).toEqual(cp));
  test('tolerated taints are skipped', () =>
    expect(
      findMatchingUntoleratedTaint(
        [cp, gpu],
        [{ key: cp.key, operator: 'Exists', effect: 'NoSchedule' }],
        doNotScheduleTaintsFilter,
      ),
    ).toEqual(gpu));
  test('everything tolerated', () =>
    expect(
      findMatchingUntoleratedTaint([cp, gpu], [{ operator: 'Exists' }], doNotScheduleTaintsFilter),
    ).toBeUndefined());
});

test('getMatchingTolerations', () => {
  const taints: Taint[] = [{ key: 'a', effect: 'NoSchedule' }];
  expect(getMatchingTolerations(taints, [{ key: 'a', operator: 'Exists' }])).toEqual({
    ok: true,
    matched: [{ key: 'a', operator: 'Exists' }],
  });
  expect(getMatchingTolerations(taints, [])).toEqual({ ok: false, matched: [] });
});

// upstream: core/v1 taint_test.go TestTaintToString
test.each<[Taint, string]>([
  [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }, 'foo=bar:NoSchedule'],
  [{ key: 'foo', effect: 'NoSchedule' }, 'foo:NoSchedule'],
  [
    { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    'node-role.kubernetes.io/control-plane:NoSchedule',
  ],
])('taintToString(%j) = %s', (taint, s) => expect(taintToString(taint)).toBe(s));

// upstream: staging/src/k8s.io/kubectl/pkg/cmd/taint/utils_test.go TestParseTaints
describe('parseTaints (kubectl taint)', () => {
  test.each<[string[], { add: Taint[]; remove: Taint[] } | string]>([
    [['dedicated=gpu:NoSchedule'], { add: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], remove: [] }],
    [['foo:NoExecute'], { add: [{ key: 'foo', effect: 'NoExecute' }], remove: [] }],
    [['foo:NoExecute-'], { add: [], remove: [{ key: 'foo', effect: 'NoExecute' }] }],
    [['foo-'], { add: [], remove: [{ key: 'foo', effect: '' }] }],
    [
      ['foo=bar:NoSchedule', 'baz-'],
      { add: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], remove: [{ key: 'baz', effect: '' }] },
    ],
    [['foo=bar'], 'invalid taint spec: foo=bar'],
    [['foo'], 'invalid taint spec: foo'],
    [['foo=bar:Sometimes'], 'invalid taint effect: Sometimes, unsupported taint effect'],
    [['a=b=c:NoSchedule'], 'invalid taint spec: a=b=c:NoSchedule'],
    [['a:b:c'], 'invalid taint spec: a:b:c'],
    [
      ['foo=bar:NoSchedule', 'foo=baz:NoSchedule'],
      'duplicated taints with the same key and effect: {foo baz NoSchedule <nil>}',
    ],
  ])('%j', (specs, want) => {
    if (typeof want === 'string') expect(() => parseTaints(specs)).toThrow(want);
    else expect(parseTaints(specs)).toEqual(want);
  });
});

// upstream: staging/src/k8s.io/kubectl/pkg/cmd/taint/utils_test.go TestReorganizeTaints
describe('reorganizeTaints (kubectl taint)', () => {
  const node: Taint[] = [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }];
  test('adding a new taint keeps the old ones and reports "tainted"', () => {
    const r = reorganizeTaints(node, false, [{ key: 'x', effect: 'NoExecute' }], []);
    expect(r).toEqual({ operation: 'tainted', taints: [{ key: 'x', effect: 'NoExecute' }, ...node], errors: [] });
  });
  test('removing by key and effect reports "untainted"', () => {
    expect(reorganizeTaints(node, false, [], [{ key: 'foo', effect: 'NoSchedule' }])).toEqual({
      operation: 'untainted',
      taints: [],
      errors: [],
    });
  });
  test('removing by key alone removes every effect', () => {
    const two: Taint[] = [...node, { key: 'foo', effect: 'NoExecute' }];
    expect(reorganizeTaints(two, false, [], [{ key: 'foo', effect: '' }]).taints).toEqual([]);
  });
  test('removing a taint the node lacks is an error naming it', () => {
    expect(reorganizeTaints(node, false, [], [{ key: 'nope', effect: 'NoSchedule' }]).errors).toEqual([
      'taint "nope:NoSchedule" not found',
    ]);
  });
  test('overwrite reports "modified"', () => {
    const r = reorganizeTaints(node, true, [{ key: 'foo', value: 'baz', effect: 'NoSchedule' }], []);
    expect(r.operation).toBe('modified');
    expect(r.taints).toEqual([{ key: 'foo', value: 'baz', effect: 'NoSchedule' }]);
  });
  test('taintsAlreadyExisting names the keys kubectl refuses without --overwrite', () => {
    expect(taintsAlreadyExisting(node, [{ key: 'foo', value: 'x', effect: 'NoSchedule' }])).toBe('foo');
    expect(taintsAlreadyExisting(node, [{ key: 'foo', effect: 'NoExecute' }])).toBe('');
  });
});
