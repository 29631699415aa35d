/**
 * kubectl get's non-table output: -o json/yaml/name/jsonpath/custom-columns and --sort-by.
 * Ported tables: yaml.v2's TestMarshal (marshalTests), TestLineWrapping, TestSortedOutput and
 * TestQuotingMaintained (sigs.k8s.io/yaml goyaml.v2/encode_test.go); kubectl's
 * TestMassageJSONPath, TestNewColumnPrinterFromSpec, TestColumnPrint,
 * TestIndividualPrintObjOnExistingTabWriter, TestSliceColumnPrint (get/customcolumn_test.go)
 * and TestSortingPrinter (get/sorter_test.go). Upstream's typed Go objects are the JSON they
 * encode to, which is what kubectl get's unstructured objects hold.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { createCluster } from '../../../src/sim';
import {
  PrintError,
  keyLess,
  listOf,
  naturalLess,
  parseCustomColumnsSpec,
  printCustomColumns,
  printJSON,
  printJSONPath,
  printName,
  printYAML,
  relaxedJSONPathExpression,
  resolveTag,
  sortObjects,
} from '../../../src/sim/kubectl/output';

let pod: any;
beforeAll(() => {
  const c = createCluster();
  c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
    app.kubernetes.io/name: web-frontend
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    resources:
      requests:
        cpu: 250m
`);
  c.advance(20);
  const p = (c.list('Pod') as any[]).find((x) => x.metadata.name === 'web');
  pod = { apiVersion: 'v1', kind: 'Pod', ...p };
});

describe('printJSON (-o json)', () => {
  test('a simulator Pod prints with sorted keys, 4-space indentation and a trailing newline', () => {
    const out = printJSON(pod);
    expect(
      out.startsWith('{\n    "apiVersion": "v1",\n    "kind": "Pod",\n    "metadata": {\n        "annotations": {\n'),
    ).toBe(true);
    expect(out.endsWith('\n    }\n}\n')).toBe(true);
    const top = [...out.matchAll(/^ {4}"(\w+)":/gm)].map((m) => m[1]);
    expect(top).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    const meta = [...out.matchAll(/^ {8}"(\w+)":/gm)].map((m) => m[1]);
    expect(meta.slice(0, 3)).toEqual(['annotations', 'creationTimestamp', 'generation']);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(pod)));
  });

  test('encoding/json escaping: <, > and & as \\u003c…, control characters, U+2028', () => {
    expect(printJSON({ s: '<a href="x">&</a>\u0001\t\u2028é' })).toBe(
      '{\n    "s": "\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e\\u0001\\t\\u2028é"\n}\n',
    );
  });

  test('empty containers and numbers', () => {
    expect(printJSON({ b: [], a: {}, n: [1, 0.5, -3, 1e-7], z: null, t: true })).toBe(
      '{\n    "a": {},\n    "b": [],\n    "n": [\n        1,\n        0.5,\n        -3,\n        1e-7\n    ],\n    "t": true,\n    "z": null\n}\n',
    );
  });

  test('several objects print as a List with an empty resourceVersion', () => {
    expect(printJSON(listOf([{ kind: 'Pod', metadata: { name: 'a' } }]))).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [\n        {\n            "kind": "Pod",\n            "metadata": {\n                "name": "a"\n            }\n        }\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
    expect(printJSON(listOf([]))).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });
});

describe('printYAML (-o yaml)', () => {
  test('a simulator Pod', () => {
    const out = printYAML(pod);
    expect(out.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n')).toBe(true);
    // last-applied-configuration ends with a newline: a literal block, clipped
    expect(out).toContain('    kubectl.kubernetes.io/last-applied-configuration: |\n      {"apiVersion":"v1"');
    expect(out).toContain(`  creationTimestamp: "${pod.metadata.creationTimestamp}"\n`);
    expect(out).toContain('  labels:\n    app: web\n    app.kubernetes.io/name: web-frontend\n');
    expect(out).toContain(
      'spec:\n  containers:\n  - image: nginx:1.27\n    imagePullPolicy: IfNotPresent\n    name: nginx\n',
    );
    expect(out).toContain('    resources:\n      requests:\n        cpu: 250m\n');
    expect(out).toContain('  - lastProbeTime: null\n');
    expect(out).toContain('    status: "True"\n');
    expect(out).toContain(`  resourceVersion: "${pod.metadata.resourceVersion}"\n`);
    expect(out.endsWith('\n')).toBe(true);
  });

  test('a List', () => {
    const out = printYAML(listOf([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }]));
    expect(out).toBe(
      'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
    expect(printYAML(listOf([]))).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });

  // TestMarshal: the marshalTests whose values are JSON
  test.each<[unknown, string]>([
    [null, 'null\n'],
    [{}, '{}\n'],
    [{ v: 'hi' }, 'v: hi\n'],
    [{ v: 'true' }, 'v: "true"\n'],
    [{ v: 'false' }, 'v: "false"\n'],
    [{ v: true }, 'v: true\n'],
    [{ v: false }, 'v: false\n'],
    [{ v: 10 }, 'v: 10\n'],
    [{ v: -10 }, 'v: -10\n'],
    [{ v: 42 }, 'v: 42\n'],
    [{ v: 4294967296 }, 'v: 4294967296\n'],
    [{ v: '10' }, 'v: "10"\n'],
    [{ v: 0.1 }, 'v: 0.1\n'],
    [{ v: 0.99 }, 'v: 0.99\n'],
    [{ v: -0.1 }, 'v: -0.1\n'],
    [{ v: null }, 'v: null\n'],
    [{ v: '' }, 'v: ""\n'],
    [{ v: ['A', 'B'] }, 'v:\n- A\n- B\n'],
    [{ v: ['A', 'B\nC'] }, 'v:\n- A\n- |-\n  B\n  C\n'],
    [{ v: ['A', 1, { B: [2, 3] }] }, 'v:\n- A\n- 1\n- B:\n  - 2\n  - 3\n'],
    [{ a: { b: 'c' } }, 'a:\n  b: c\n'],
    [{ a: '-' }, "a: '-'\n"],
    [{ a: '<foo>' }, 'a: <foo>\n'],
    [{ a: '1:1' }, 'a: "1:1"\n'],
    [{ a: '\x00' }, 'a: "\\0"\n'],
    [{ a: '你好' }, 'a: 你好\n'],
    [{ a: '2015-02-24T18:19:39Z' }, 'a: "2015-02-24T18:19:39Z"\n'],
    [{ a: 'b: c' }, "a: 'b: c'\n"],
    [{ a: 'Hello #comment' }, "a: 'Hello #comment'\n"],
    [{ a: '你好 #comment' }, "a: '你好 #comment'\n"],
  ])('TestMarshal %j', (value, out) => {
    expect(printYAML(value)).toBe(out);
  });

  test('TestLineWrapping: long strings fold at the first space past column 80', () => {
    expect(
      printYAML({
        a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ',
      }),
    ).toBe(
      "a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n" +
        "  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\n",
    );
  });

  test('TestSortedOutput: natural key order (string keys)', () => {
    const order = [
      '',
      '.1',
      '.2',
      '.a',
      '1',
      '2',
      'a!10',
      'a/0001',
      'a/002',
      'a/3',
      'a/10',
      'a/11',
      'a/0012',
      'a/100',
      'a~10',
      'ab/1',
      'b/1',
      'b/01',
      'b/2',
      'b/02',
      'b/3',
      'b/03',
      'b1',
      'b01',
      'b3',
      'c2.10',
      'c10.2',
      'd1',
      'd7',
      'd7abc',
      'd12',
      'd12a',
    ];
    const m = Object.fromEntries([...order].reverse().map((k) => [k, 1]));
    const keys = printYAML(m)
      .trimEnd()
      .split('\n')
      .map((l) => l.slice(0, l.lastIndexOf(': 1')));
    const repr = (k: string) => (k === '' || /^[.0-9]+$/.test(k) ? `"${k}"` : k);
    expect(keys).toEqual(order.map(repr));
    expect(keyLess('a_b', 'aB')).toBe(true);
  });

  test('TestQuotingMaintained: hex strings that resolve to ints stay quoted', () => {
    expect(
      printYAML({
        data: {
          A1: '0x0000000000000000000000010000000000000000',
          A2: '0x000000000000000000000000FFFFFFFFFFFFFFFF',
          A3: '1234',
          A6: 1234,
        },
      }),
    ).toBe(
      'data:\n  A1: "0x0000000000000000000000010000000000000000"\n  A2: "0x000000000000000000000000FFFFFFFFFFFFFFFF"\n  A3: "1234"\n  A6: 1234\n',
    );
  });

  test.each<[string, string]>([
    ['2025-01-01', 'timestamp'],
    ['2025-1-2T3:4:5.123+02:00', 'timestamp'],
    ['2025-13-01', 'str'],
    ['1e3', 'float'],
    ['.5', 'float'],
    ['0755', 'int'],
    ['08', 'float'],
    ['0x1F', 'int'],
    ['1_000', 'int'],
    ['yes', 'bool'],
    ['On', 'bool'],
    ['~', 'null'],
    ['1.2.3', 'str'],
    ['10Mi', 'str'],
    ['nginx', 'str'],
  ])('resolve(%j) is %s', (s, tag) => {
    expect(resolveTag(s)).toBe(tag);
  });

  test('quoting as yaml.v2 decides it', () => {
    expect(printYAML({ a: 'yes', b: '1.2.3', c: ' x', d: 'x ', e: 'tab\there', f: '😀', g: "it's", h: '@x' })).toBe(
      "a: \"yes\"\nb: 1.2.3\nc: ' x'\nd: 'x '\ne: \"tab\\there\"\nf: \"\\U0001F600\"\ng: it's\nh: '@x'\n",
    );
  });

  test('block scalars: chomping and indentation indicators', () => {
    expect(printYAML({ a: 'x\ny', b: 'x\n', c: 'x\n\n', d: ' x\ny' })).toBe(
      'a: |-\n  x\n  y\nb: |\n  x\nc: |+\n  x\n\nd: |2-\n   x\n  y\n',
    );
  });

  test('nested sequences and empty containers', () => {
    expect(printYAML({ a: [['x', 'y'], []], b: [{}], c: { d: [] } })).toBe(
      'a:\n- - x\n  - "y"\n- []\nb:\n- {}\nc:\n  d: []\n',
    );
  });
});

describe('printName (-o name)', () => {
  test('kind.group/name per object', () => {
    expect(printName('pod', [pod, { metadata: {} }])).toBe('pod/web\npod/<unknown>\n');
    expect(printName('daemonset.apps', [{ metadata: { name: 'fluentd' } }])).toBe('daemonset.apps/fluentd\n');
    expect(printName('cronjob.batch', [])).toBe('');
  });
});

describe('printJSONPath (-o jsonpath)', () => {
  const list = () =>
    listOf([
      pod,
      {
        ...pod,
        metadata: { ...pod.metadata, name: 'db', labels: { app: 'db' } },
        status: { ...pod.status, phase: 'Pending' },
      },
    ]);

  test.each<[string, string]>([
    ['{.metadata.name}', 'web'],
    ['{.status.phase}', 'Running'],
    ['{.metadata.labels.app\\.kubernetes\\.io/name}', 'web-frontend'],
    ["{.metadata.labels['app']}", 'web'],
    ['{.spec.containers[0].resources.requests.cpu}', '250m'],
    ['{.spec.containers[*].name}', 'nginx'],
    ['{.metadata.labels}', '{"app":"web","app.kubernetes.io/name":"web-frontend"}'],
    ['{.missing}', ''],
    ['name={.metadata.name} ns={.metadata.namespace}', 'name=web ns=default'],
  ])('one object: %s', (template, out) => {
    expect(printJSONPath(template, pod)).toBe(out);
  });

  test.each<[string, string]>([
    ['{.items[*].metadata.name}', 'web db'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', 'web\tRunning\ndb\tPending\n'],
    ['{.items[?(@.status.phase=="Running")].metadata.name}', 'web'],
    ['{.items[-1].metadata.name}', 'db'],
    ['{.items[0:2].metadata.name}', 'web db'],
    ['{.kind} {.metadata}', 'List {"resourceVersion":""}'],
    ['{..phase}', 'Running Pending'],
  ])('a List: %s', (template, out) => {
    expect(printJSONPath(template, list())).toBe(out);
  });

  test('jsonpath-as-json', () => {
    expect(printJSONPath('{.items[*].metadata.name}', list(), { asJSON: true })).toBe('[\n    "web",\n    "db"\n]\n');
  });

  test('a template that does not parse', () => {
    expect(() => printJSONPath('{.metadata.name', pod)).toThrow(
      'error parsing jsonpath {.metadata.name, unclosed action',
    );
    expect(() => printJSONPath('{.items[?(@.metadata.name=~/^test$/)]}', pod)).toThrow(
      "error parsing jsonpath {.items[?(@.metadata.name=~/^test$/)]}, unrecognized character in action: U+007E '~'",
    );
    expect(() => printJSONPath('', pod)).toThrow('template format specified but no template given');
  });

  test('an execution error prints the template and the object as Go sees them', () => {
    const obj = { kind: 'Pod', metadata: { name: 'x', labels: { a: 'b' } }, spec: { n: 1 } };
    let message = '';
    try {
      printJSONPath('{.foo}', obj, { allowMissingKeys: false });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      'error executing jsonpath "{.foo}": Error executing template: foo is not found. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.foo}\n' +
        '\tobject given to jsonpath engine was:\n' +
        '\t\tmap[string]interface {}{"kind":"Pod", "metadata":map[string]interface {}{"labels":map[string]interface {}{"a":"b"}, "name":"x"}, "spec":map[string]interface {}{"n":1}}\n\n\n',
    );
    expect(() => printJSONPath('{.items[5]}', listOf([obj]))).toThrow(
      'error executing jsonpath "{.items[5]}": Error executing template: array index out of bounds: index 5, length 1. Printing more information',
    );
  });
});

describe('printCustomColumns (-o custom-columns)', () => {
  test.each([
    ['foo.bar', '{.foo.bar}'],
    ['{foo.bar}', '{.foo.bar}'],
    ['.foo.bar', '{.foo.bar}'],
    ['{.foo.bar}', '{.foo.bar}'],
    ['', ''],
  ])('TestMassageJSONPath %j', (input, out) => {
    expect(relaxedJSONPathExpression(input)).toBe(out);
  });

  test.each(['{foo.bar', 'foo.bar}', '{foo.bar}}', '{{foo.bar}'])('TestMassageJSONPath %j fails', (input) => {
    expect(() => relaxedJSONPathExpression(input)).toThrow(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  });

  test.each([
    ['', 'custom-columns format specified but no custom columns given'],
    ['invalid', 'unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>'],
    ['invalid=foobar', 'unexpected custom-columns spec: invalid=foobar, expected <header>:<json-path-expr>'],
    ['invalid,foobar:blah', 'unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>'],
  ])('TestNewColumnPrinterFromSpec %j', (spec, err) => {
    expect(() => parseCustomColumnsSpec(spec)).toThrow(err);
  });

  test('TestNewColumnPrinterFromSpec ok and no-headers', () => {
    expect(parseCustomColumnsSpec('NAME:metadata.name,API_VERSION:apiVersion')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'API_VERSION', fieldSpec: '{.apiVersion}' },
    ]);
    expect(printCustomColumns('API_VERSION:apiVersion', [{}], { noHeaders: true })).toBe('<none>\n');
  });

  test.each<[string, object[], string]>([
    ['NAME:{.metadata.name}', [{ metadata: { name: 'foo' } }], 'NAME\nfoo\n'],
    ['NAME:{.metadata.name}', [{ metadata: { name: 'foo' } }, { metadata: { name: 'bar' } }], 'NAME\nfoo\nbar\n'],
    [
      'NAME:{.metadata.name},API_VERSION:{.apiVersion}',
      [{ apiVersion: 'baz', metadata: { name: 'foo' } }],
      'NAME   API_VERSION\nfoo    baz\n',
    ],
    [
      'NAME:{.metadata.name},API_VERSION:{.apiVersion},NOT_FOUND:{.notFound}',
      [{ apiVersion: 'baz', metadata: { name: 'foo' } }],
      'NAME   API_VERSION   NOT_FOUND\nfoo    baz           <none>\n',
    ],
    ['NAME:{.metadata.name}', [{ metadata: { name: '\x1b \r' } }], 'NAME\n^[ \\r\n'],
  ])('TestColumnPrint %s', (spec, objects, out) => {
    expect(printCustomColumns(spec, objects)).toBe(out);
  });

  test('TestIndividualPrintObjOnExistingTabWriter', () => {
    const objects = [
      { metadata: { name: 'foo', labels: { label1: 'foo', label2: 'foo' } } },
      { metadata: { name: 'bar', labels: { label1: 'bar', label2: 'bar' } } },
    ];
    expect(
      printCustomColumns(
        'NAME:{.metadata.name},LONG COLUMN NAME:{.metadata.labels.label1},LABEL 2:{.metadata.labels.label2}',
        objects,
      ),
    ).toBe('NAME   LONG COLUMN NAME   LABEL 2\nfoo    foo                foo\nbar    bar                bar\n');
  });

  describe('TestSliceColumnPrint', () => {
    const obj = {
      metadata: { name: 'fake-name', namespace: 'fake-namespace' },
      spec: { containers: [{ name: 'fake0' }, { name: 'fake1' }, { name: 'fake2' }, { name: 'fake3' }] },
    };
    test.each<[string, string | null]>([
      ['containers[0]', 'fake0'],
      ['containers[3]', 'fake3'],
      ['containers[5]', null],
      ['containers[-1]', 'fake3'],
      ['containers[-2]', 'fake2'],
      ['containers[-4]', 'fake0'],
      ['containers[-5]', null],
      ['containers[0:0]', '<none>'],
      ['containers[0:3]', 'fake0,fake1,fake2'],
      ['containers[1:]', 'fake1,fake2,fake3'],
      ['containers[3:1]', null],
      ['containers[0:-1]', 'fake0,fake1,fake2'],
      ['containers[-1:]', 'fake3'],
      ['containers[-4:]', 'fake0,fake1,fake2,fake3'],
      ['containers[-3:-1]', 'fake1,fake2'],
      ['containers[-2:-3]', null],
      ['containers[4:4]', '<none>'],
      ['containers[-5:-5]', '<none>'],
    ])('%s', (expr, value) => {
      const spec = `CONTAINER:.spec.${expr}.name`;
      if (value !== null) {
        expect(printCustomColumns(spec, [obj])).toBe(`CONTAINER\n${value}\n`);
        return;
      }
      let err: unknown;
      try {
        printCustomColumns(spec, [obj]);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PrintError);
      // the header is already in the tabwriter and kubectl flushes it
      expect((err as PrintError).output).toBe('CONTAINER\n');
    });
  });

  test('a simulator Pod: values with fmt %v, several values comma-joined', () => {
    const out = printCustomColumns(
      'NAME:.metadata.name,NODE:.spec.nodeName,PHASE:{.status.phase},LABELS:.metadata.labels,IPS:.status.podIPs[*].ip,GATES:.spec.readinessGates',
      [pod],
    );
    const ip = pod.status.podIPs[0].ip;
    const node = pod.spec.nodeName;
    const row = ['web', node, 'Running', 'map[app:web app.kubernetes.io/name:web-frontend]', ip, '<none>'];
    const header = ['NAME', 'NODE', 'PHASE', 'LABELS', 'IPS', 'GATES'];
    const widths = header.map((h, i) => Math.max(6, h.length + 3, row[i].length + 3));
    const line = (cells: string[]) => cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]) : c)).join('');
    expect(out).toBe(`${line(header)}\n${line(row)}\n`);
  });

  test('without objects kubectl still prints the header', () => {
    expect(printCustomColumns('NAME:.metadata.name,NODE:.spec.nodeName', [])).toBe('NAME   NODE\n');
    expect(printCustomColumns('NAME:.metadata.name', [], { noHeaders: true })).toBe('');
  });
});

describe('sortObjects (--sort-by)', () => {
  const names = (objs: any[]) => objs.map((o) => o.metadata?.name ?? '');
  const byName = (...ns: string[]) => ns.map((name) => ({ metadata: { name } }));
  const at = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');

  describe.each(['table', 'generic'] as const)('TestSortingPrinter (%s)', (printer) => {
    test('empty', () => {
      expect(sortObjects([], '{.metadata.name}', { printer })).toEqual([]);
    });
    test('in-order-already', () => {
      expect(names(sortObjects(byName('a', 'b', 'c'), '{.metadata.name}', { printer }))).toEqual(['a', 'b', 'c']);
    });
    test('reverse-order', () => {
      expect(names(sortObjects(byName('b', 'c', 'a'), '{.metadata.name}', { printer }))).toEqual(['a', 'b', 'c']);
    });
    test('random-order-timestamp', () => {
      const objs = [300, 100, 200].map((s) => ({ metadata: { creationTimestamp: at(s) } }));
      expect(
        sortObjects(objs, '{.metadata.creationTimestamp}', { printer }).map((o) => o.metadata.creationTimestamp),
      ).toEqual([at(100), at(200), at(300)]);
    });
    test('random-order-numbers', () => {
      const objs = [5, 1, 9].map((replicas) => ({ spec: { replicas } }));
      expect(sortObjects(objs, '{.spec.replicas}', { printer }).map((o) => o.spec.replicas)).toEqual([1, 5, 9]);
    });
    test('v1.List in reverse', () => {
      expect(names(sortObjects(byName('c', 'b', 'a'), '{.metadata.name}', { printer }))).toEqual(['a', 'b', 'c']);
    });
    test('some-missing-fields', () => {
      const objs = [{ status: { availableReplicas: 2 } }, { status: {} }, { status: { availableReplicas: 1 } }];
      expect(sortObjects(objs, '{.status.availableReplicas}', { printer })).toEqual([
        { status: {} },
        { status: { availableReplicas: 1 } },
        { status: { availableReplicas: 2 } },
      ]);
    });
    test('all-missing-fields', () => {
      const objs = [{ status: { replicas: 0 } }, { status: { replicas: 0 } }];
      expect(() => sortObjects(objs, '{.status.availableReplicas}', { printer })).toThrow(
        'couldn\'t find any field with path "{.status.availableReplicas}" in the list of objects',
      );
    });
    test('model-invalid-fields', () => {
      expect(() => sortObjects([{ status: {} }, { status: {} }, { status: {} }], '{.invalid}', { printer })).toThrow(
        'couldn\'t find any field with path "{.invalid}" in the list of objects',
      );
    });
    test('empty fields', () => {
      const objs = [
        { metadata: { creationTimestamp: at(300) }, lastTimestamp: at(300) },
        { metadata: { creationTimestamp: at(200) } },
      ];
      expect(sortObjects(objs, '{.lastTimestamp}', { printer })).toEqual([objs[1], objs[0]]);
    });
  });

  test('accepts .x as well as {.x}, and sorts quantities as quantities', () => {
    const objs = ['1', '500m', '250m', '2Gi', '100Mi'].map((cpu, i) => ({
      metadata: { name: `p${i}` },
      spec: { containers: [{ resources: { requests: { cpu } } }] },
    }));
    expect(
      sortObjects(objs, '.spec.containers[0].resources.requests.cpu').map(
        (o) => o.spec.containers[0].resources.requests.cpu,
      ),
    ).toEqual(['250m', '500m', '1', '100Mi', '2Gi']);
  });

  test('strings in natural order (sortorder.NaturalLess)', () => {
    expect(names(sortObjects(byName('pod-10', 'pod-9', 'pod-09', 'Pod-1', 'pod-1a'), '.metadata.name'))).toEqual([
      'Pod-1',
      'pod-1a',
      'pod-9',
      'pod-09',
      'pod-10',
    ]);
    expect(naturalLess('abc2', 'abc12')).toBe(true);
    expect(naturalLess('2', '02')).toBe(true);
  });

  test('unsortable types stop kubectl with klog.Exitf', () => {
    const objs = [{ metadata: { labels: { a: 'x' } } }, { metadata: { labels: { b: 'y' } } }];
    expect(() => sortObjects(objs, '.metadata.labels')).toThrow(
      'Field {.metadata.labels} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: map[string]interface {}',
    );
    expect(() => sortObjects(objs, '.metadata.labels', { printer: 'generic' })).toThrow(
      'Field {.metadata.labels} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: map[string]interface {}',
    );
    expect(() => sortObjects([{ a: 1 }, { a: 'x' }], '.a')).toThrow('err: unsortable interface: interface');
  });

  test('a bad field expression', () => {
    expect(() => sortObjects(byName('a'), '{.metadata.name', { printer: 'generic' })).toThrow(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
    expect(() => sortObjects(byName('a', 'b'), '{.metadata.name')).toThrow('sorting error: unclosed action');
  });

  test('a table of one row is not sorted, so a missing or bad field is no error there', () => {
    expect(names(sortObjects(byName('a'), '{.status.nope}'))).toEqual(['a']);
    expect(names(sortObjects(byName('a'), '{.metadata.name'))).toEqual(['a']);
    expect(() => sortObjects(byName('a'), '{.status.nope}', { printer: 'generic' })).toThrow(
      'couldn\'t find any field with path "{.status.nope}" in the list of objects',
    );
  });

  test('pdqsort sorts long inputs (partitions, pattern breaking) and keeps the input untouched', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const objs = Array.from({ length: 300 }, () => ({ spec: { n: rand() % 1000 } }));
    const sorted = sortObjects(objs, '.spec.n').map((o) => o.spec.n);
    expect(sorted).toEqual(objs.map((o) => o.spec.n).sort((a, b) => a - b));
    const desc = Array.from({ length: 100 }, (_, i) => ({ spec: { n: 100 - i } }));
    expect(sortObjects(desc, '.spec.n').map((o) => o.spec.n)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(desc[0].spec.n).toBe(100);
  });

  test('up to 12 objects Go sorts by insertion, which keeps ties in order', () => {
    const objs = byName('b', 'a', 'b', 'a').map((o, i) => ({ ...o, i }));
    expect(sortObjects(objs, '.metadata.name').map((o) => o.i)).toEqual([1, 3, 0, 2]);
  });
});
