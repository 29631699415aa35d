import { describe, expect, test } from 'vitest';
import { parseFlags, splitWords, type FlagSpec } from '../../../src/sim/kubectl/args';

describe('splitWords (POSIX shell quoting)', () => {
  test.each<[string, string[]]>([
    ['get pods', ['get', 'pods']],
    ['  get   pods  ', ['get', 'pods']],
    [`get pods -o jsonpath='{.items[*].metadata.name}'`, ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']],
    [`get pods -o "jsonpath={.items[0].metadata.name}"`, ['get', 'pods', '-o', 'jsonpath={.items[0].metadata.name}']],
    [`label node w1 "a=b c"`, ['label', 'node', 'w1', 'a=b c']],
    [`annotate pod p note="say \\"hi\\""`, ['annotate', 'pod', 'p', 'note=say "hi"']],
    [`a\\ b c`, ['a b', 'c']],
    [`''`, ['']],
    [`-l 'app in (a,b)'`, ['-l', 'app in (a,b)']],
  ])('%s', (line, words) => {
    expect(splitWords(line)).toEqual(words);
  });

  test('an unterminated quote is refused as a shell refuses it', () => {
    expect(() => splitWords(`get pods -l 'app=x`)).toThrow(/unexpected EOF/);
  });
});

// upstream: spf13/pflag flag_test.go (testParse, TestShorthand) — the forms kubectl users type.
describe('parseFlags (pflag)', () => {
  const specs: FlagSpec[] = [
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'watch', short: 'w', type: 'bool', default: false },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'label-columns', short: 'L', type: 'strings', default: [] },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
  ];
  test.each<[string[], Record<string, unknown>, string[]]>([
    [['pods', '-o', 'wide'], { output: 'wide' }, ['pods']],
    [['pods', '-owide'], { output: 'wide' }, ['pods']],
    [['pods', '-o=wide'], { output: 'wide' }, ['pods']],
    [['pods', '--output=yaml'], { output: 'yaml' }, ['pods']],
    [['pods', '--output', 'json'], { output: 'json' }, ['pods']],
    [['-wA', 'pods'], { watch: true, 'all-namespaces': true }, ['pods']],
    [['--watch=false', 'pods'], { watch: false }, ['pods']],
    [['--grace-period=0', 'pod', 'x'], { 'grace-period': 0 }, ['pod', 'x']],
    [['-L', 'app', '-L', 'tier,env'], { 'label-columns': ['app', 'tier', 'env'] }, []],
    [['--cascade', 'ds'], { cascade: 'background' }, ['ds']],
    [['--cascade=orphan', 'ds', 'x'], { cascade: 'orphan' }, ['ds', 'x']],
    [['-n', 'kube-system', 'pods'], { namespace: 'kube-system' }, ['pods']],
    [['pods', '--', '-o'], {}, ['pods', '-o']],
  ])('%j', (words, flags, positionals) => {
    const r = parseFlags(words, specs);
    expect(r.positionals).toEqual(positionals);
    for (const [k, v] of Object.entries(flags)) expect(r.flags[k]).toEqual(v);
  });

  test.each<[string[], string]>([
    [['--foo'], 'unknown flag: --foo'],
    [['-z'], "unknown shorthand flag: 'z' in -z"],
    [['-wz'], "unknown shorthand flag: 'z' in -wz"],
    [['-o'], "flag needs an argument: 'o' in -o"],
    [['--output'], 'flag needs an argument: --output'],
    [
      ['--grace-period=soon'],
      'invalid argument "soon" for "grace-period" flag: strconv.ParseInt: parsing "soon": invalid syntax',
    ],
    [
      ['--watch=maybe'],
      'invalid argument "maybe" for "watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    ],
  ])('%j is refused: %s', (words, message) => {
    expect(() => parseFlags(words, specs)).toThrow(message);
  });
});
