/**
 * The YAML fast path against the `yaml` package: wherever the fast path answers, it must give the
 * same documents, values and node positions (every path in the value, and paths that do not
 * exist, which fall back to the closest ancestor) as the general path; and it must answer for the
 * manifests the project ships, or it is no faster. The corpus: every scenario's manifests and
 * solutions, every YAML block of the lessons, and manifests generated from a seeded random source
 * in the styles people write (compact and indented sequences, flow collections, comments, quotes).
 */
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { parseWithYaml } from '../../../src/sim/apiserver/yaml';
import { fastParseDocuments } from '../../../src/sim/apiserver/yaml-fast';
import { parseYamlDocuments } from '../../../src/sim/apiserver/yaml';

const root = path.resolve(import.meta.dirname, '../../..');

function corpus(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const scenarios = path.join(root, 'content/scenarios');
  for (const f of readdirSync(scenarios)) {
    const s = parse(readFileSync(path.join(scenarios, f), 'utf8'));
    const walk = (v: unknown, at: string) => {
      if (typeof v === 'string' && /^(apiVersion|kind):/m.test(v)) out.push({ name: `${f} ${at}`, text: v });
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
    };
    walk(s, '');
  }
  for (const locale of readdirSync(path.join(root, 'content/lessons'))) {
    const dir = path.join(root, 'content/lessons', locale);
    for (const f of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      let i = 0;
      for (const m of text.matchAll(/```ya?ml\n([\s\S]*?)```/g))
        out.push({ name: `${locale}/${f} #${i++}`, text: m[1] });
    }
  }
  // Manifests the tests apply (template literals without substitutions).
  const testFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? testFiles(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : [],
    );
  for (const f of testFiles(path.join(root, 'test/sim'))) {
    const text = readFileSync(f, 'utf8');
    let i = 0;
    for (const m of text.matchAll(/`((?:apiVersion|kind):[^`]*)`/g)) {
      if (m[1].includes('${') || m[1].includes('\\')) continue;
      if (parseWithYaml(m[1]).some((d) => d.errors.length > 0)) continue;
      out.push({ name: `${path.relative(root, f)} #${i++}`, text: m[1] });
    }
  }
  // What `kubectl get -o yaml` printed in the golden transcripts: timestamps, quoted strings, deep nesting.
  const golden = path.join(root, 'test/sim/kubectl/golden');
  for (const f of readdirSync(golden)) {
    const blocks = readFileSync(path.join(golden, f), 'utf8').split(/^\$ /m);
    blocks.forEach((b, i) => {
      if (!/^kubectl get [^\n]*-o yaml/.test(b)) return;
      const body = b.slice(b.indexOf('\n') + 1);
      if (/^apiVersion:/m.test(body)) out.push({ name: `${f} $${i}`, text: body });
    });
  }
  return out;
}

/** Every path of a value, as the API server's field paths write them, plus a missing child of each. */
function paths(v: unknown, at = ''): string[] {
  const out = [at, `${at ? `${at}.` : ''}nosuchfield`];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, `${at}[${i}]`)), out.push(`${at}[${v.length}]`));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, at ? `${at}.${k}` : k));
  return out;
}

function same(text: string): boolean {
  const fast = fastParseDocuments(text);
  if (!fast) return false;
  const general = parseWithYaml(text);
  const viaFast = parseYamlDocuments(text);
  expect(viaFast.length).toBe(general.length);
  general.forEach((g, i) => {
    expect(g.errors).toEqual([]);
    expect(JSON.stringify(viaFast[i].value)).toBe(JSON.stringify(g.value));
    for (const p of paths(g.value)) expect([p, viaFast[i].position(p)]).toEqual([p, g.position(p)]);
  });
  return true;
}

describe('the fast YAML path agrees with the yaml package', () => {
  const all = corpus();
  test("the corpus is the project's manifests", () => {
    expect(all.length).toBeGreaterThan(40);
  });

  test.each(all)('$name', ({ text }) => {
    // Where the fast path answers it must agree; the project's own manifests must mostly take it.
    const fast = same(text);
    if (!fast) expect(parseWithYaml(text).length).toBeGreaterThanOrEqual(0);
  });

  test("most of the project's manifests take the fast path", () => {
    const taken = all.filter(({ text }) => fastParseDocuments(text) !== undefined).length;
    expect(taken / all.length).toBeGreaterThan(0.6);
  });

  test('generated manifests', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const scalars = [
      'nginx',
      'busybox:1.36',
      '"sh"',
      "'quoted value'",
      '-c',
      '100m',
      '64Mi',
      '3',
      '0',
      '-1',
      'true',
      'False',
      'null',
      '~',
      'a plain value',
      '/var/log',
      'node-role.kubernetes.io/control-plane',
      '"with # hash"',
      'value # and a comment',
      '[a, "b", 3]',
      '[]',
      '{}',
      '{app: agent, tier: "infra"}',
    ];
    let taken = 0;
    for (let n = 0; n < 300; n++) {
      const lines: string[] = [];
      const block = (indent: number, depth: number) => {
        const pad = ' '.repeat(indent);
        const keys = 1 + rnd(4);
        for (let k = 0; k < keys; k++) {
          const key =
            ['name', 'image', 'app.kubernetes.io/name', 'value', 'items', 'spec', `k${k}`][rnd(7)] + (k ? k : '');
          const kind = depth > 2 ? 0 : rnd(4);
          if (rnd(8) === 0) lines.push(`${pad}# a comment`);
          if (kind === 0) lines.push(`${pad}${key}: ${scalars[rnd(scalars.length)]}`);
          else if (kind === 1) {
            lines.push(`${pad}${key}:`);
            block(indent + 2, depth + 1);
          } else {
            lines.push(`${pad}${key}:`);
            const compact = rnd(2) === 0;
            const seqPad = compact ? pad : `${pad}  `;
            for (let j = 0; j < 1 + rnd(3); j++) {
              if (rnd(2) === 0) lines.push(`${seqPad}- ${scalars[rnd(scalars.length)]}`);
              else {
                lines.push(`${seqPad}- name: item${j}`);
                lines.push(`${seqPad}  image: ${scalars[rnd(scalars.length)]}`);
                if (depth < 2 && rnd(2) === 0) {
                  lines.push(`${seqPad}  env:`);
                  lines.push(`${seqPad}    - {name: A, value: "1"}`);
                }
              }
            }
          }
        }
      };
      const docs = 1 + rnd(3);
      const texts: string[] = [];
      for (let d = 0; d < docs; d++) {
        lines.length = 0;
        lines.push('apiVersion: v1', 'kind: Pod');
        block(0, 0);
        texts.push(lines.join('\n') + '\n');
      }
      if (same(texts.join('---\n'))) taken++;
    }
    // Duplicate keys and the scalars it leaves to `yaml` send some documents the slow way.
    expect(taken).toBeGreaterThan(100);
  });

  test('hand-written cases it takes', () => {
    for (const text of [
      'a: [1, [2]]\n',
      'a: {b: [x, {c: d}], e: "f"}\n',
      'spec:\n  containers: [{name: a, image: busybox, command: [sh, -c, "sleep 1"]}]\n',
      'a:\n- b\n- c: d\n  e: f\n-\n  g: h\n',
      'a: x # comment\nb: "y" # comment\n# end\n',
      '---\na: 1\n---\nb: 2\n',
      'a:\n  - - x\n    - y\n',
      'cpu: 100m\nmemory: 64Mi\nreplicas: 3\nneg: -1\nzero: 0\nflag: true\nnothing: ~\n',
    ])
      expect([text, same(text)]).toEqual([text, true]);
  });

  test('what it leaves to the yaml package', () => {
    for (const text of [
      'a: |\n  block\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: 1.5\n',
      'a: 0x1F\n',
      'a: .inf\n',
      'a: "esc\\n"\n',
      'a: b\na: c\n',
      'a:\n\tb: 1\n',
      'a: multi\n  line\n',
      'a: b: c\n',
      '',
      '---\n',
      'a: 1\n---\n---\nb: 2\n',
      'a: [unclosed\n',
      '? complex\n: key\n',
      "a: 'it''s'\n",
    ])
      expect([text, fastParseDocuments(text)]).toEqual([text, undefined]);
  });
});

describe('parsed documents are trees', () => {
  // applyCreate admits a parsed manifest in place, so no node may be reachable twice.
  test('aliases give copies, not the anchored node', () => {
    const [doc] = parseYamlDocuments('a: &x {k: [1, {m: 2}]}\nb: *x\n');
    const v = doc.value as { a: { k: unknown[] }; b: { k: unknown[] } };
    expect(v.b).toEqual(v.a);
    expect(v.b).not.toBe(v.a);
    expect(v.b.k).not.toBe(v.a.k);
    expect(v.b.k[1]).not.toBe(v.a.k[1]);
  });
});
