import { describe, expect, test } from 'vitest';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPortNum,
  validateLabels,
  validateLabelSelector,
} from '../../../src/sim/labels/validation';
import { fieldErrorMessage } from '../../../src/sim/apiserver/field';

const r = (s: string, n: number) => s.repeat(n);

// upstream: apimachinery/pkg/util/validation/validation_test.go TestIsDNS1123Label
describe('isDNS1123Label', () => {
  test.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', r('a', 63)])(
    'good %s',
    (v) => {
      expect(isDNS1123Label(v)).toEqual([]);
    },
  );
  test.each([
    '',
    'A',
    'ABC',
    'aBc',
    'A1',
    'A-1',
    '1-A',
    '-',
    'a-',
    '-a',
    '1-',
    '-1',
    '_',
    'a_',
    '_a',
    'a_b',
    '1_',
    '_1',
    '1_2',
    '.',
    'a.',
    '.a',
    'a.b',
    '1.',
    '.1',
    '1.2',
    ' ',
    'a ',
    ' a',
    'a b',
    '1 ',
    ' 1',
    '1 2',
    r('a', 64),
  ])('bad %j', (v) => {
    expect(isDNS1123Label(v).length).toBeGreaterThan(0);
  });
  test('messages', () => {
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots']);
    expect(isDNS1123Label('My_App')).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDNS1123Label(r('a', 64))).toEqual(['must be no more than 63 characters']);
  });
});

// upstream: TestIsDNS1123Subdomain
describe('isDNS1123Subdomain', () => {
  test.each([
    'a',
    'ab',
    'abc',
    'a1',
    'a-1',
    'a--1--2--b',
    '0',
    '01',
    '012',
    '1a',
    '1-a',
    '1--a--b--2',
    'a.a',
    'ab.a',
    'abc.a',
    'a1.a',
    'a-1.a',
    'a--1--2--b.a',
    'a.1',
    'ab.1',
    'abc.1',
    'a1.1',
    'a-1.1',
    'a--1--2--b.1',
    '0.a',
    '01.a',
    '012.a',
    '1a.a',
    '1-a.a',
    '1--a--b--2',
    '0.1',
    '01.1',
    '012.1',
    '1a.1',
    '1-a.1',
    '1--a--b--2.1',
    'a.b.c.d.e',
    'aa.bb.cc.dd.ee',
    '1.2.3.4.5',
    '11.22.33.44.55',
    r('a', 253),
  ])('good %s', (v) => {
    expect(isDNS1123Subdomain(v)).toEqual([]);
  });
  test.each([
    '',
    'A',
    'ABC',
    'aBc',
    'A1',
    'A-1',
    '1-A',
    '-',
    'a-',
    '-a',
    '1-',
    '-1',
    '_',
    'a_',
    '_a',
    'a_b',
    '1_',
    '_1',
    '1_2',
    '.',
    'a.',
    '.a',
    'a..b',
    '1.',
    '.1',
    '1..2',
    ' ',
    'a ',
    ' a',
    'a b',
    '1 ',
    ' 1',
    '1 2',
    'A.a',
    'aB.a',
    'ab.A',
    'A1.a',
    'a1.A',
    'A.1',
    'aB.1',
    'A1.1',
    '1A.1',
    '0.A',
    '01.A',
    '012.A',
    '1A.a',
    '1a.A',
    'A.B.C.D.E',
    'AA.BB.CC.DD.EE',
    'a.B.c.d.e',
    'aa.bB.cc.dd.ee',
    'a@b',
    'a,b',
    'a_b',
    'a;b',
    'a:b',
    'a%b',
    'a?b',
    'a$b',
    r('a', 254),
  ])('bad %j', (v) => {
    expect(isDNS1123Subdomain(v).length).toBeGreaterThan(0);
  });
  test('message', () => {
    expect(isDNS1123Subdomain('Web')).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });
});

// upstream: TestIsDNS1035Label
describe('isDNS1035Label', () => {
  test.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', r('a', 63)])('good %s', (v) =>
    expect(isDNS1035Label(v)).toEqual([]),
  );
  test.each([
    '0',
    '01',
    '012',
    '1a',
    '1-a',
    '1--a--b--2',
    '',
    'A',
    'ABC',
    'aBc',
    'A1',
    'A-1',
    '1-A',
    '-',
    'a-',
    '-a',
    '1-',
    '-1',
    '_',
    'a_',
    '_a',
    'a_b',
    '1_',
    '_1',
    '1_2',
    '.',
    'a.',
    '.a',
    'a.b',
    r('a', 64),
  ])('bad %j', (v) => expect(isDNS1035Label(v).length).toBeGreaterThan(0));
});

// upstream: TestIsQualifiedName
describe('isQualifiedName', () => {
  test.each([
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    '1234',
    'simple/simple',
    'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes',
    'now.with.dots/simple',
    'now-with.dashes-and.dots/simple',
    '1-num.2-num/3-num',
    '1234/5678',
    '1.2.3.4/5678',
    'Uppercase_Is_OK_123',
    'example.com/Uppercase_Is_OK_123',
    'requests.storage-foo',
    r('a', 63),
    r('a', 253) + '/' + r('b', 63),
  ])('good %s', (v) => expect(isQualifiedName(v)).toEqual([]));
  test.each([
    'nospecialchars%^=@',
    'cantendwithadash-',
    '-cantstartwithadash-',
    'only/one/slash',
    'Example.com/abc',
    'example_com/abc',
    'example.com/',
    '/simple',
    r('a', 64),
    r('a', 254) + '/abc',
  ])('bad %j', (v) => expect(isQualifiedName(v).length).toBeGreaterThan(0));
  test('messages name the part', () => {
    expect(isQualifiedName('/simple')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('example.com/')[0]).toBe('name part must be non-empty');
    expect(isQualifiedName('app!')).toEqual([
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });
});

// upstream: TestIsValidLabelValue
describe('isValidLabelValue', () => {
  test.each(['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', r('a', 63), ''])(
    'good %j',
    (v) => expect(isValidLabelValue(v)).toEqual([]),
  );
  test.each(['nospecialchars%^=@', 'Tama-nui-te-rā', '\u1111', 'cantendwithadash-', '-cantstartwithadash', r('a', 64)])(
    'bad %j',
    (v) => expect(isValidLabelValue(v).length).toBeGreaterThan(0),
  );
});

// upstream: TestIsValidPortNum
test.each([
  [1, true],
  [1000, true],
  [65535, true],
  [0, false],
  [-1, false],
  [65536, false],
])('isValidPortNum(%i) valid=%s', (port, ok) => {
  expect(isValidPortNum(port)).toEqual(ok ? [] : ['must be between 1 and 65535, inclusive']);
});

// upstream: apimachinery/pkg/apis/meta/v1/validation TestValidateLabels / TestLabelSelectorMatchExpression
describe('validateLabels and validateLabelSelector', () => {
  test('a bad key and a bad value, sorted by key', () => {
    const errs = validateLabels({ 'z/x/y': 'ok', app: 'bad value' }, 'metadata.labels');
    expect(errs.map((e) => [e.type, e.field])).toEqual([
      ['FieldValueInvalid', 'metadata.labels'],
      ['FieldValueInvalid', 'metadata.labels'],
    ]);
    expect(fieldErrorMessage(errs[0])).toMatch(
      /^metadata\.labels: Invalid value: "bad value": a valid label must be an empty string/,
    );
  });

  test.each([
    [
      { key: 'k', operator: 'In', values: [] },
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ],
    [
      { key: 'k', operator: 'Exists', values: ['v'] },
      "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    ],
    [
      { key: 'k', operator: 'Gt', values: ['1'] },
      'spec.selector.matchExpressions[0].operator: Invalid value: "Gt": not a valid selector operator',
    ],
  ])('requirement %j', (expr, message) => {
    const errs = validateLabelSelector({ matchExpressions: [expr] }, 'spec.selector');
    expect(errs.map(fieldErrorMessage)).toEqual([message]);
  });

  test('nil selector has no errors', () => {
    expect(validateLabelSelector(undefined, 'spec.selector')).toEqual([]);
  });
});
