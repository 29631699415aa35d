import { describe, expect, test } from 'vitest';
import { labelSelectorAsSelector, parseSelector, selectorFromSet } from '../../../src/sim/labels/selector';

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

  test.each(['x=a||y=b', 'x==a==b', '!x=a', 'x in a', 'x,', 'x=a,'])('rejects %j', (input) => {
    expect(() => parseSelector(input)).toThrow(/unable to parse requirement/);
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
