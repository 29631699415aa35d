/**
 * client-go util/jsonpath: TestParser and TestFailParser (parser_test.go), and the tables of
 * jsonpath_test.go (TestTypesInput, TestStructInput, TestJSONInput, TestKubernetes,
 * TestEmptyRange, TestNestedRanges, TestFilterPartialMatchesSometimesMissingAnnotations,
 * TestNegativeIndex, TestStep). Upstream's Go structs are maps here (the sim's objects are JSON),
 * so cases that print a struct's fields in declaration order expect Go's sorted map order instead;
 * those are marked "as a map".
 */
import { describe, expect, test } from 'vitest';
import {
  GoNumber,
  JSONPath,
  goFormatFloat,
  goFormatV,
  goJSON,
  goQuote,
  goSyntax,
  nodeString,
  parse,
  type ListNode,
  type Node,
} from '../../../src/sim/kubectl/jsonpath';

/** collectNode: the tree flattened depth-first, lists, filters and unions included. */
function collect(nodes: Node[], cur: Node): Node[] {
  nodes.push(cur);
  if (cur.type === 'NodeList') for (const n of cur.nodes) collect(nodes, n);
  if (cur.type === 'NodeFilter') {
    collect(nodes, cur.left);
    collect(nodes, cur.right);
  }
  if (cur.type === 'NodeUnion') for (const n of cur.nodes) collect(nodes, n);
  return nodes;
}

const P = (value: number, known: boolean, derived: boolean) => `{${value} ${known} ${derived}}`;
const arr = (a: string, b: string, c: string) => `NodeArray: [${a} ${b} ${c}]`;
const L = 'NodeList';
const filter = (op: string) => `NodeFilter: NodeList ${op} NodeList`;

describe('TestParser', () => {
  test.each<[string, string, string[]]>([
    ['plain', 'hello jsonpath', ['NodeText: hello jsonpath']],
    ['variable', 'hello {.jsonpath}', ['NodeText: hello ', L, 'NodeField: jsonpath']],
    ['arrayfiled', "hello {['jsonpath']}", ['NodeText: hello ', L, 'NodeField: jsonpath']],
    ['quote', '{"{"}', [L, 'NodeText: {']],
    ['array', '{[1:3]}', [L, arr(P(1, true, false), P(3, true, false), P(0, false, false))]],
    [
      'allarray',
      '{.book[*].author}',
      [L, 'NodeField: book', arr(P(0, false, false), P(0, false, false), P(0, false, false)), 'NodeField: author'],
    ],
    ['wildcard', '{.bicycle.*}', [L, 'NodeField: bicycle', 'NodeWildcard']],
    ['filter', '{[?(@.price<3)]}', [L, filter('<'), L, 'NodeField: price', L, 'NodeInt: 3']],
    ['recursive', '{..}', [L, 'NodeRecursive']],
    ['recurField', '{..price}', [L, 'NodeRecursive', 'NodeField: price']],
    ['arraydict', "{['book.price']}", [L, 'NodeField: book', 'NodeField: price']],
    [
      'union',
      "{['bicycle.price', 3, 'book.price']}",
      [
        L,
        'NodeUnion',
        L,
        'NodeField: bicycle',
        'NodeField: price',
        L,
        arr(P(3, true, false), P(4, true, true), P(0, false, false)),
        L,
        'NodeField: book',
        'NodeField: price',
      ],
    ],
    [
      'range',
      '{range .items}{.name},{end}',
      [L, 'NodeIdentifier: range', 'NodeField: items', L, 'NodeField: name', 'NodeText: ,', L, 'NodeIdentifier: end'],
    ],
    [
      'paired parentheses in quotes',
      '{[?(@.status.nodeInfo.osImage == "()")]}',
      [L, filter('=='), L, 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', L, 'NodeText: ()'],
    ],
    [
      'paired parentheses in double quotes and with double quotes escape',
      '{[?(@.status.nodeInfo.osImage == "(\\"\\")")]}',
      [L, filter('=='), L, 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', L, 'NodeText: ("")'],
    ],
    [
      'unregular parentheses in double quotes',
      '{[?(@.test == "())(")]}',
      [L, filter('=='), L, 'NodeField: test', L, 'NodeText: ())('],
    ],
    [
      'plain text in single quotes',
      "{[?(@.status.nodeInfo.osImage == 'Linux')]}",
      [L, filter('=='), L, 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', L, 'NodeText: Linux'],
    ],
    [
      'test filter suffix',
      '{[?(@.status.nodeInfo.osImage == "{[()]}")]}',
      [L, filter('=='), L, 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', L, 'NodeText: {[()]}'],
    ],
    [
      'double inside single',
      '{[?(@.status.nodeInfo.osImage == "\'\'")]}',
      [L, filter('=='), L, 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', L, "NodeText: ''"],
    ],
    [
      'single inside double',
      '{[?(@.status.nodeInfo.osImage == \'""\')]}',
      [L, filter('=='), L, 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', L, 'NodeText: ""'],
    ],
    [
      'single containing escaped single',
      "{[?(@.status.nodeInfo.osImage == '\\\\\\'')]}",
      [L, filter('=='), L, 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', L, "NodeText: \\'"],
    ],
    [
      'negative index slice, equals a[len-5] to a[len-1]',
      '{[-5:]}',
      [L, arr(P(-5, true, false), P(0, false, false), P(0, false, false))],
    ],
    [
      'negative index slice, equals a[len-1]',
      '{[-1]}',
      [L, arr(P(-1, true, false), P(0, true, true), P(0, false, false))],
    ],
    [
      'negative index slice, equals a[1] to a[len-1]',
      '{[1:-1]}',
      [L, arr(P(1, true, false), P(-1, true, false), P(0, false, false))],
    ],
  ])('%s', (name, text, expected) => {
    const p = parse(name, text);
    expect(collect([], p.root).slice(1).map(nodeString)).toEqual(expected);
  });

  test('malformat input', () => {
    expect(() => parse('malformat input', '{\\\\\\}')).toThrow();
  });
});

describe('TestFailParser', () => {
  test.each([
    ['unclosed action', '{.hello', 'unclosed action'],
    ['unrecognized character', '{*}', "unrecognized character in action: U+002A '*'"],
    ['invalid number', '{+12.3.0}', 'cannot parse number +12.3.0'],
    ['unterminated array', '{[1}', 'unterminated array'],
    ['unterminated filter', '{[?(.price]}', 'unterminated filter'],
    // further parser.go errors
    ['multiple recursive descent', '{.....x}', 'invalid multiple recursive descent'],
    ['invalid array index', '{[a:b]}', 'invalid array index a:b'],
    ['array index not a number', '{[-]}', 'array index - is not a number'],
    ['unterminated quoted string', '{"abc}', 'unterminated quoted string'],
    ['bad escape', '{"\\q"}', 'unquote string "\\q" error invalid syntax'],
    ['unclosed filter array', '{[?(@.a)x}', 'unclosed array expect ]'],
    ['non-printable character', '{\t}', 'unrecognized character in action: U+0009'],
  ])('%s', (name, text, err) => {
    expect(() => parse(name, text)).toThrow(err);
  });
});

interface Case {
  name: string;
  template: string;
  input: unknown;
  expect: string;
  expectError?: boolean;
}

/** testJSONPath: parse, execute, compare (or expect an execution error). */
function run(cases: Case[], allowMissingKeys: boolean) {
  test.each(cases)('$name: $template', (c) => {
    const j = new JSONPath(c.name).allowMissingKeys(allowMissingKeys);
    j.parse(c.template);
    if (c.expectError) expect(() => j.execute(c.input)).toThrow();
    else expect(j.execute(c.input)).toBe(c.expect);
  });
}

/** testFailJSONPath: the execution error's text. */
function runFail(cases: Omit<Case, 'expectError'>[]) {
  test.each(cases)('$name: $template', (c) => {
    const j = new JSONPath(c.name);
    j.parse(c.template);
    expect(() => j.execute(c.input)).toThrow(c.expect);
  });
}

const c = (name: string, template: string, input: unknown, expect: string, expectError = false): Case => ({
  name,
  template,
  input,
  expect,
  expectError,
});

describe('TestTypesInput', () => {
  const types = {
    bools: [true, false, true, false],
    integers: [1, 2, 3, 4],
    floats: [1.0, 2.2, 3.3, 4.0],
    strings: ['one', 'two', 'three', 'four'],
    interfaces: [true, 'one', 1, 1.1],
    maps: [
      { name: 'one', value: 1 },
      { name: 'two', value: 2.02 },
      { name: 'three', value: 3.03 },
      { name: 'four', value: 4.04 },
    ],
  };
  run(
    [
      c('boolSlice', '{ .bools }', types, '[true,false,true,false]'),
      c('boolSliceIndex', '{ .bools[0] }', types, 'true'),
      c('boolSliceIndex', '{ .bools[-1] }', types, 'false'),
      c('boolSubSlice', '{ .bools[0:2] }', types, 'true false'),
      c('boolSubSliceFirst2', '{ .bools[:2] }', types, 'true false'),
      c('boolSubSliceStep2', '{ .bools[:4:2] }', types, 'true true'),
      c('integerSlice', '{ .integers }', types, '[1,2,3,4]'),
      c('integerSliceIndex', '{ .integers[0] }', types, '1'),
      c('integerSliceIndexReverse', '{ .integers[-2] }', types, '3'),
      c('integerSubSliceFirst2', '{ .integers[0:2] }', types, '1 2'),
      c('integerSubSliceFirst2Alt', '{ .integers[:2] }', types, '1 2'),
      c('integerSubSliceStep2', '{ .integers[:4:2] }', types, '1 3'),
      c('floatSlice', '{ .floats }', types, '[1,2.2,3.3,4]'),
      c('floatSliceIndex', '{ .floats[0] }', types, '1'),
      c('floatSliceIndexReverse', '{ .floats[-2] }', types, '3.3'),
      c('floatSubSliceFirst2', '{ .floats[0:2] }', types, '1 2.2'),
      c('floatSubSliceFirst2Alt', '{ .floats[:2] }', types, '1 2.2'),
      c('floatSubSliceStep2', '{ .floats[:4:2] }', types, '1 3.3'),
      c('stringSlice', '{ .strings }', types, '["one","two","three","four"]'),
      c('stringSliceIndex', '{ .strings[0] }', types, 'one'),
      c('stringSliceIndexReverse', '{ .strings[-2] }', types, 'three'),
      c('stringSubSliceFirst2', '{ .strings[0:2] }', types, 'one two'),
      c('stringSubSliceFirst2Alt', '{ .strings[:2] }', types, 'one two'),
      c('stringSubSliceStep2', '{ .strings[:4:2] }', types, 'one three'),
      c('interfaceSlice', '{ .interfaces }', types, '[true,"one",1,1.1]'),
      c('interfaceSliceIndex', '{ .interfaces[0] }', types, 'true'),
      c('interfaceSliceIndexReverse', '{ .interfaces[-2] }', types, '1'),
      c('interfaceSubSliceFirst2', '{ .interfaces[0:2] }', types, 'true one'),
      c('interfaceSubSliceFirst2Alt', '{ .interfaces[:2] }', types, 'true one'),
      c('interfaceSubSliceStep2', '{ .interfaces[:4:2] }', types, 'true 1'),
      c(
        'mapSlice',
        '{ .maps }',
        types,
        '[{"name":"one","value":1},{"name":"two","value":2.02},{"name":"three","value":3.03},{"name":"four","value":4.04}]',
      ),
      c('mapSliceIndex', '{ .maps[0] }', types, '{"name":"one","value":1}'),
      c('mapSliceIndexReverse', '{ .maps[-2] }', types, '{"name":"three","value":3.03}'),
      c('mapSubSliceFirst2', '{ .maps[0:2] }', types, '{"name":"one","value":1} {"name":"two","value":2.02}'),
      c('mapSubSliceFirst2Alt', '{ .maps[:2] }', types, '{"name":"one","value":1} {"name":"two","value":2.02}'),
      c('mapSubSliceStepOdd', '{ .maps[::2] }', types, '{"name":"one","value":1} {"name":"three","value":3.03}'),
      c('mapSubSliceStepEven', '{ .maps[1::2] }', types, '{"name":"two","value":2.02} {"name":"four","value":4.04}'),
    ],
    false,
  );
});

describe('TestStructInput', () => {
  const storeData = {
    Name: 'jsonpath',
    Book: [
      { Category: 'reference', Author: 'Nigel Rees', Title: 'Sayings of the Centurey', Price: 8.95 },
      { Category: 'fiction', Author: 'Evelyn Waugh', Title: 'Sword of Honour', Price: 12.99 },
      { Category: 'fiction', Author: 'Herman Melville', Title: 'Moby Dick', Price: 8.99 },
    ],
    Bicycle: [
      { Color: 'red', Price: 19.95, IsNew: true },
      { Color: 'green', Price: 20.01, IsNew: false },
    ],
    Labels: { engieer: 10, 'web/html': 15, 'k8s-app': 20 },
    Employees: { jason: 'manager', dan: 'clerk' },
  };
  run(
    [
      c('plain', 'hello jsonpath', null, 'hello jsonpath'),
      c('recursive', '{..}', [1, 2, 3], '[1,2,3]'),
      c('filter', '{[?(@<5)]}', [2, 6, 3, 7], '2 3'),
      c('quote', '{"{"}', null, '{'),
      c('union', '{[1,3,4]}', [0, 1, 2, 3, 4], '1 3 4'),
      c('array', '{[0:2]}', ['Monday', 'Tudesday'], 'Monday Tudesday'),
      c('variable', 'hello {.Name}', storeData, 'hello jsonpath'),
      c('dict/', '{$.Labels.web/html}', storeData, '15'),
      c('dict/', '{$.Employees.jason}', storeData, 'manager'),
      c('dict/', '{$.Employees.dan}', storeData, 'clerk'),
      c('dict-', '{.Labels.k8s-app}', storeData, '20'),
      c('nest', '{.Bicycle[*].Color}', storeData, 'red green'),
      c('allarray', '{.Book[*].Author}', storeData, 'Nigel Rees Evelyn Waugh Herman Melville'),
      // as a map: the fields in sorted order, not the struct's Color, Price, IsNew
      c(
        'allfields',
        '{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}',
        storeData,
        '{red true 19.95} {green false 20.01} ',
      ),
      // as a map: Bicycle sorts before Book
      c('recurfields', '{..Price}', storeData, '19.95 20.01 8.95 12.99 8.99'),
      c('recurdotfields', '{...Price}', storeData, '19.95 20.01 8.95 12.99 8.99'),
      c('superrecurfields', '{............................................................Price}', storeData, '', true),
      c(
        'allstructsSlice',
        '{.Bicycle}',
        storeData,
        '[{"Color":"red","IsNew":true,"Price":19.95},{"Color":"green","IsNew":false,"Price":20.01}]',
      ),
      c(
        'allstructs',
        '{range .Bicycle[*]}{ @ }{ " " }{end}',
        storeData,
        '{"Color":"red","IsNew":true,"Price":19.95} {"Color":"green","IsNew":false,"Price":20.01} ',
      ),
      c(
        'lastarray',
        '{.Book[-1:]}',
        storeData,
        '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}',
      ),
      c(
        'recurarray',
        '{..Book[2]}',
        storeData,
        '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}',
      ),
      c('bool', '{.Bicycle[?(@.IsNew==true)]}', storeData, '{"Color":"red","IsNew":true,"Price":19.95}'),
    ].filter((x) => x.name !== 'superrecurfields'),
    false,
  );
  test('superrecurfields: the parser refuses multiple recursive descent', () => {
    const j = new JSONPath('superrecurfields');
    expect(() => j.parse('{............................................................Price}')).toThrow(
      'invalid multiple recursive descent',
    );
  });

  describe('missingKeyTests', () => run([c('nonexistent field', '{.hello}', storeData, '')], true));

  describe('failStoreTests', () =>
    runFail([
      { name: 'invalid identifier', template: '{hello}', input: storeData, expect: 'unrecognized identifier hello' },
      { name: 'nonexistent field', template: '{.hello}', input: storeData, expect: 'hello is not found' },
      // as a map: upstream's map[string]int
      {
        name: 'invalid array',
        template: '{.Labels[0]}',
        input: storeData,
        expect: 'map[string]interface {} is not array or slice',
      },
      {
        name: 'invalid filter operator',
        template: '{.Book[?(@.Price<>10)]}',
        input: storeData,
        expect: 'unrecognized filter operator <>',
      },
      {
        name: 'redundant end',
        template: '{range .Labels.*}{@}{end}{end}',
        input: storeData,
        expect: 'not in range, nothing to end',
      },
    ]));
});

describe('TestJSONInput', () => {
  const pointsData = JSON.parse(`[
    {"id": "i1", "x":4, "y":-5},
    {"id": "i2", "x":-2, "y":-5, "z":1},
    {"id": "i3", "x":  8, "y":  3 },
    {"id": "i4", "x": -6, "y": -1 },
    {"id": "i5", "x":  0, "y":  2, "z": 1 },
    {"id": "i6", "x":  1, "y":  4 }
  ]`);
  run(
    [c('exists filter', '{[?(@.z)].id}', pointsData, 'i2 i5'), c('bracket key', "{[0]['id']}", pointsData, 'i1')],
    false,
  );
});

const nodesData = {
  kind: 'List',
  items: [
    {
      kind: 'None',
      metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } },
      status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] },
    },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } },
      status: {
        capacity: { cpu: '8' },
        ready: false,
        addresses: [
          { type: 'LegacyHostIP', address: '127.0.0.2' },
          { type: 'another', address: '127.0.0.3' },
        ],
      },
    },
  ],
  users: [
    { name: 'myself', user: {} },
    { name: 'e2e', user: { username: 'admin', password: 'secret' } },
  ],
};

describe('TestKubernetes', () => {
  run(
    [
      c('range item', '{range .items[*]}{.metadata.name}, {end}{.kind}', nodesData, '127.0.0.1, 127.0.0.2, List'),
      c('range item with quote', '{range .items[*]}{.metadata.name}{"\\t"}{end}', nodesData, '127.0.0.1\t127.0.0.2\t'),
      c('range addresss', '{.items[*].status.addresses[*].address}', nodesData, '127.0.0.1 127.0.0.2 127.0.0.3'),
      c(
        'double range',
        '{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}',
        nodesData,
        '127.0.0.1, 127.0.0.2, 127.0.0.3, ',
      ),
      c('item name', '{.items[*].metadata.name}', nodesData, '127.0.0.1 127.0.0.2'),
      c(
        'union nodes capacity',
        "{.items[*]['metadata.name', 'status.capacity']}",
        nodesData,
        '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}',
      ),
      c(
        'range nodes capacity',
        '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}',
        nodesData,
        '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ',
      ),
      c('user password', '{.users[?(@.name=="e2e")].user.password}', nodesData, 'secret'),
      c('hostname', '{.items[0].metadata.labels.kubernetes\\.io/hostname}', nodesData, '127.0.0.1'),
      c(
        'hostname filter',
        '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}',
        nodesData,
        'None',
      ),
      c('bool item', '{.items[?(@..ready==true)].metadata.name}', nodesData, '127.0.0.1'),
    ],
    false,
  );
  test('recursive name (testJSONPathSortOutput)', () => {
    const j = new JSONPath('recursive name');
    j.parse('{..name}');
    expect(j.execute(nodesData).split(/\s+/).sort()).toEqual(['127.0.0.1', '127.0.0.2', 'e2e', 'myself']);
  });
});

describe('TestEmptyRange', () => {
  const emptyList = { items: [] };
  run(
    [
      c('empty range', '{range .items[*]}{.metadata.name}{end}', emptyList, ''),
      c(
        'empty nested range',
        '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}',
        emptyList,
        '',
      ),
    ],
    true,
  );
});

describe('TestNestedRanges', () => {
  const data = {
    items: [
      {
        metadata: { name: 'pod1' },
        spec: {
          containers: [
            { name: 'foo', another: [{ name: 'value1' }, { name: 'value2' }] },
            { name: 'bar', another: [{ name: 'value1' }, { name: 'value2' }] },
          ],
        },
      },
      {
        metadata: { name: 'pod2' },
        spec: { containers: [{ name: 'baz', another: [{ name: 'value1' }, { name: 'value2' }] }] },
      },
    ],
  };
  run(
    [
      c(
        'nested range with a trailing newline',
        '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}',
        data,
        'pod1:foo,bar,+pod2:baz,+',
      ),
      c(
        'nested range with a trailing character within another nested range with a trailing newline',
        '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}',
        data,
        'pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#',
      ),
      c(
        'two nested ranges at the same level with a trailing newline',
        '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}',
        data,
        'pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n',
      ),
    ],
    false,
  );
});

describe('TestFilterPartialMatchesSometimesMissingAnnotations', () => {
  const data = {
    kind: 'List',
    items: [
      { kind: 'Pod', metadata: { name: 'pod1', annotations: { color: 'blue' } } },
      { kind: 'Pod', metadata: { name: 'pod2' } },
      { kind: 'Pod', metadata: { name: 'pod3', annotations: { color: 'green' } } },
      { kind: 'Pod', metadata: { name: 'pod4', annotations: { color: 'blue' } } },
    ],
  };
  const t = '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}';
  describe('tolerate missing items', () => run([c('filter', t, data, 'pod1 pod4')], true));
  describe('error on missing items', () => run([c('filter', t, data, '', true)], false));
});

const containers = (n: number) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  spec: { containers: Array.from({ length: n }, (_, i) => ({ image: 'radial/busyboxplus:curl', name: `fake${i}` })) },
});

describe('TestNegativeIndex', () => {
  const data = containers(4);
  run(
    [
      c('test containers[0], it equals containers[0]', '{.spec.containers[0].name}', data, 'fake0'),
      c('test containers[0:0], it equals the empty set', '{.spec.containers[0:0].name}', data, ''),
      c('test containers[0:-1], it equals containers[0:3]', '{.spec.containers[0:-1].name}', data, 'fake0 fake1 fake2'),
      c('test containers[-1:0], expect error', '{.spec.containers[-1:0].name}', data, '', true),
      c('test containers[-1], it equals containers[3]', '{.spec.containers[-1].name}', data, 'fake3'),
      c('test containers[-1:], it equals containers[3:]', '{.spec.containers[-1:].name}', data, 'fake3'),
      c('test containers[-2], it equals containers[2]', '{.spec.containers[-2].name}', data, 'fake2'),
      c('test containers[-2:], it equals containers[2:]', '{.spec.containers[-2:].name}', data, 'fake2 fake3'),
      c('test containers[-3], it equals containers[1]', '{.spec.containers[-3].name}', data, 'fake1'),
      c('test containers[-4], it equals containers[0]', '{.spec.containers[-4].name}', data, 'fake0'),
      c(
        'test containers[-4:], it equals containers[0:]',
        '{.spec.containers[-4:].name}',
        data,
        'fake0 fake1 fake2 fake3',
      ),
      c('test containers[-5], expect a error cause it out of bounds', '{.spec.containers[-5].name}', data, '', true),
      c('test containers[5:5], expect empty set', '{.spec.containers[5:5].name}', data, ''),
      c('test containers[-5:-5], expect empty set', '{.spec.containers[-5:-5].name}', data, ''),
      c(
        'test containers[3:1], expect a error cause start index is greater than end index',
        '{.spec.containers[3:1].name}',
        data,
        '',
        true,
      ),
      c(
        'test containers[-1:-2], expect a error cause start index is greater than end index',
        '{.spec.containers[-1:-2].name}',
        data,
        '',
        true,
      ),
    ],
    false,
  );
  test.each([
    ['{.spec.containers[-5].name}', 'array index out of bounds: index -1, length 4'],
    ['{.spec.containers[3:1].name}', 'starting index 3 is greater than ending index 1'],
    ['{.spec.containers[9].name}', 'array index out of bounds: index 9, length 4'],
    ['{.spec.containers[1:9].name}', 'array index out of bounds: index 8, length 4'],
  ])('%s fails with %s', (template, err) => {
    const j = new JSONPath('x');
    j.parse(template);
    expect(() => j.execute(data)).toThrow(err);
  });
});

describe('TestStep', () => {
  const data = containers(6);
  run(
    [
      c(
        'test containers[0:], it equals containers[0:6:1]',
        '{.spec.containers[0:].name}',
        data,
        'fake0 fake1 fake2 fake3 fake4 fake5',
      ),
      c(
        'test containers[0:6:], it equals containers[0:6:1]',
        '{.spec.containers[0:6:].name}',
        data,
        'fake0 fake1 fake2 fake3 fake4 fake5',
      ),
      c('test containers[0:6:1]', '{.spec.containers[0:6:1].name}', data, 'fake0 fake1 fake2 fake3 fake4 fake5'),
      c('test containers[0:6:0], it errors', '{.spec.containers[0:6:0].name}', data, '', true),
      c('test containers[0:6:-1], it errors', '{.spec.containers[0:6:-1].name}', data, '', true),
      c('test containers[1:4:2]', '{.spec.containers[1:4:2].name}', data, 'fake1 fake3'),
      c('test containers[1:4:3]', '{.spec.containers[1:4:3].name}', data, 'fake1'),
      c('test containers[1:4:4]', '{.spec.containers[1:4:4].name}', data, 'fake1'),
      c('test containers[0:6:2]', '{.spec.containers[0:6:2].name}', data, 'fake0 fake2 fake4'),
      c('test containers[0:6:3]', '{.spec.containers[0:6:3].name}', data, 'fake0 fake3'),
      c('test containers[0:6:5]', '{.spec.containers[0:6:5].name}', data, 'fake0 fake5'),
      c('test containers[0:6:6]', '{.spec.containers[0:6:6].name}', data, 'fake0'),
    ],
    false,
  );
});

describe('Go semantics the port keeps', () => {
  const pod = { metadata: { name: 'web', deletionTimestamp: null }, spec: { replicas: 3, ratio: 0.5 } };
  test.each<[string, string]>([
    // a JSON null is a nil interface, which fmt prints as <nil>
    ['{.metadata.deletionTimestamp}', '<nil>'],
    // strings are walked as bytes by * (uint8 values)
    ['{.metadata.name.*}', '119 101 98'],
    // template numbers are Go ints: they compare with JSON integers, not with floats
    ['{.spec.replicas}', '3'],
    ['{@.spec}', '{"ratio":0.5,"replicas":3}'],
    ['{1.0}', '1'],
    ['{true}', 'true'],
  ])('%s', (template, out) => {
    const j = new JSONPath('x');
    j.parse(template);
    expect(j.execute(pod)).toBe(out);
  });

  test('comparing a float field with an int literal is an error, as in text/template', () => {
    const j = new JSONPath('x');
    j.parse('{.items[?(@.ratio>0)]}');
    expect(() => j.execute({ items: [{ ratio: 0.5 }] })).toThrow('incompatible types for comparison');
    j.parse('{.items[?(@.ratio>0.1)].ratio}');
    expect(j.execute({ items: [{ ratio: 0.5 }, { ratio: 0.05 }] })).toBe('0.5');
  });

  test('a filter over a non-array names the value with %v', () => {
    const j = new JSONPath('x');
    j.parse('{.metadata[?(@.a)]}');
    expect(() => j.execute(pod)).toThrow(
      'map[deletionTimestamp:<nil> name:web] is not array or slice and cannot be filtered',
    );
  });

  test('EnableJSONOutput prints each result set as an indented array', () => {
    const j = new JSONPath('x').enableJSONOutput(true);
    j.parse('{.items[*].n}');
    expect(j.execute({ items: [{ n: 'a' }, { n: 'b' }] })).toBe('[\n    "a",\n    "b"\n]\n');
  });

  test('an exists filter keeps an item whose left side failed with values (evalArray returns its input)', () => {
    const j = new JSONPath('x');
    j.parse('{.items[?(@.a[5])].n}');
    expect(j.execute({ items: [{ n: 'x', a: [1] }, { n: 'y' }] })).toBe('x');
  });

  test('an incomplete template', () => {
    expect(() => new JSONPath('out').execute({})).toThrow('out is an incomplete jsonpath template');
  });
});

describe('Go formatting helpers', () => {
  test.each<[unknown, string]>([
    [
      { b: [1, 'x', null], a: true },
      'map[string]interface {}{"a":true, "b":[]interface {}{1, "x", interface {}(nil)}}',
    ],
    ['tab\there\x1b', '"tab\\there\\x1b"'],
    [{}, 'map[string]interface {}{}'],
  ])('%%#v of %j', (v, out) => {
    expect(goSyntax(v)).toBe(out);
  });

  test.each<[number, string]>([
    [0.5, '0.5'],
    [1e21, '1e+21'],
    [1234567.5, '1.2345675e+06'],
    [123456.5, '123456.5'],
    [0.00001, '1e-05'],
    [0.0001, '0.0001'],
    [-2.5, '-2.5'],
  ])('strconv.FormatFloat(%d, g, -1)', (f, out) => {
    expect(goFormatFloat(f)).toBe(out);
  });

  test('fmt %v of maps, slices and typed numbers', () => {
    expect(goFormatV({ b: { c: [1, 2] }, a: null })).toBe('map[a:<nil> b:map[c:[1 2]]]');
    expect(goFormatV(new GoNumber('float64', 2))).toBe('2');
  });

  test('strconv.Quote keeps printable Unicode and escapes the rest', () => {
    expect(goQuote('héllo "x"\u00a0\u{1f600}')).toBe('"héllo \\"x\\"\\u00a0😀"');
  });

  test('json.Marshal sorts keys and escapes HTML', () => {
    expect(goJSON({ z: '<a&b>', a: [], m: {} })).toBe('{"a":[],"m":{},"z":"\\u003ca\\u0026b\\u003e"}');
  });

  test('the parse tree of a range template', () => {
    const root: ListNode = parse('x', 'hello {range .items[*]}{.metadata.name}{"\\t"}{end}').root;
    expect(root.nodes.map(nodeString)).toEqual(['NodeText: hello ', L, L, L, L]);
  });
});

describe('range over nil items', () => {
  test('a nil item is the zero reflect.Value inside the range body (<no value>), <nil> outside', () => {
    const j = new JSONPath('x');
    j.parse('{range .items[*]}[{@}]{end} {.items[*]}');
    expect(j.execute({ items: [null, 'a'] })).toBe('[<no value>][a] <nil> a');
  });
});
