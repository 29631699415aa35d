import { describe, expect, test } from 'vitest';
import {
  labelSelectorAsSelector,
  parseFieldSelector,
  parseSelector,
  selectorFromSet,
} from '../../../src/sim/labels/selector';

// upstream: apimachinery/pkg/labels/selector_test.go TestSelectorParse / TestSelectorMatches
describe('parseSelector', () => {
  test.each([
    ['', ''],
    ['x=a', 'x=a'],
    ['x=a,y=b,z=c', 'x=a,y=b,z=c'],
    ['x!=a,y=b', 'x!=a,y=b'],
    ['x=,z= ', 'x=,z='],
    ['x= ,z= ', 'x=,z='],
    ['!x', '!x'],
    ['x>1', 'x>1'],
    ['x<7', 'x<7'],
    ['x in (b,a)', 'x in (a,b)'],
    ['env notin (prod, staging),tier', 'env notin (prod,staging),tier'],
    ['x==a', 'x==a'],
  ])('%j → %j', (input, out) => {
    expect(parseSelector(input).toString()).toBe(out);
  });

  // upstream: TestSelectorParse's error cases; the messages are Parser.parse's and parseValues'.
  test.each([
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['x,', "found '', expected: identifier after ','"],
    ['x=a,', "found '', expected: identifier after ','"],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    [
      'x>a',
      "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer",
    ],
  ])('rejects %j: %s', (input, message) => {
    expect(() => parseSelector(input)).toThrow(message);
  });

  test('a value that is not a label value is refused with the label-value message', () => {
    expect(() => parseSelector('x=a||y=b')).toThrow(
      /^unable to parse requirement: values\[0\]\[x\]: Invalid value: "a\|\|y"/,
    );
  });

  test.each<[string, Record<string, string>, boolean]>([
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x', { x: 'z' }, true],
    ['!x', { y: 'z' }, true],
    ['x>1', { x: '2' }, true],
    ['x<1', { x: '0' }, true],
    ['x=z', {}, false],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x', { y: 'z' }, false],
    ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false],
    ['x<1', { x: '2' }, false],
    ['x in (a,b)', { x: 'b' }, true],
    ['x notin (a,b)', {}, true],
    ['x notin (a,b)', { x: 'a' }, false],
  ])('%j matches %j: %s', (sel, labels, want) => {
    expect(parseSelector(sel).matches(labels)).toBe(want);
  });
});

// upstream: apimachinery/pkg/apis/meta/v1/helpers_test.go TestLabelSelectorAsSelector
describe('labelSelectorAsSelector', () => {
  test('nil selects nothing, empty selects everything', () => {
    expect(labelSelectorAsSelector(undefined).matches({ a: 'b' })).toBe(false);
    expect(labelSelectorAsSelector({}).matches({ a: 'b' })).toBe(true);
    expect(labelSelectorAsSelector({}).empty()).toBe(true);
  });
  test('matchLabels and matchExpressions combine', () => {
    const s = labelSelectorAsSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['front', 'edge'] },
        { key: 'canary', operator: 'DoesNotExist' },
      ],
    });
    expect(s.toString()).toBe('app=web,!canary,tier in (edge,front)'); // sorted by key
    expect(s.matches({ app: 'web', tier: 'edge' })).toBe(true);
    expect(s.matches({ app: 'web', tier: 'edge', canary: 'yes' })).toBe(false);
  });
  test('an unknown operator is an error', () => {
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Foo' }] })).toThrow(
      '"Foo" is not a valid label selector operator',
    );
  });
  test('In without values and Exists with values cannot convert, as labels.NewRequirement refuses them', () => {
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toThrow(
      "values set can't be empty",
    );
    expect(() =>
      labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }),
    ).toThrow('values set must be empty for exists and does not exist');
  });
  test('selectorFromSet', () => {
    expect(selectorFromSet({ b: '2', a: '1' }).toString()).toBe('a=1,b=2');
  });
});

// upstream: apimachinery/pkg/fields/selector_test.go TestSelectorParse / TestSelectorMatches
describe('parseFieldSelector', () => {
  const pod = {
    metadata: { name: 'p', namespace: 'default' },
    spec: { nodeName: 'worker-1' },
    status: { phase: 'Running' },
  };
  test.each<[string, boolean]>([
    ['spec.nodeName=worker-1', true],
    ['spec.nodeName==worker-1', true],
    ['spec.nodeName!=worker-1', false],
    ['status.phase=Running,spec.nodeName=worker-1', true],
    ['status.phase=Pending,spec.nodeName=worker-1', false],
    ['status.phase!=Succeeded', true],
    ['', true],
  ])('%j on a Running pod on worker-1: %s', (sel, want) => {
    expect(parseFieldSelector(sel).matches(pod)).toBe(want);
  });

  test('a term without an operator is refused with fields.ParseSelector’s message', () => {
    expect(() => parseFieldSelector('a')).toThrow("invalid selector: 'a'; can't understand 'a'");
  });
});
