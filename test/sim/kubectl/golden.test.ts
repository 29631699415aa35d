/**
 * Golden transcripts of kubectl sessions against the simulated cluster (cram style, after kwok's
 * stage_test.go golden files). Each `test/sim/kubectl/golden/*.txt` file is a transcript:
 *
 *   > file ds.yaml          a file the commands can read with -f, up to `> end`
 *   > advance 30            move the simulated clock 30 s
 *   > health worker-2 NotReady
 *   $ kubectl get pods      a command; the lines after it are its expected output:
 *   stdout as is, stderr lines prefixed with `! `, and `[exit N]` when the exit code is not 0.
 *
 * `UPDATE_GOLDEN=1 npm run test:unit -- test/sim/kubectl/golden.test.ts` rewrites the expected
 * output from what the engine prints (review the diff before committing). Ages need no
 * normalising: the clock is simulated, so they are the same on every run.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createCluster, type Cluster } from '../../../src/sim';

const dir = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

interface Step {
  /** The transcript's lines for this step, up to its output. */
  head: string[];
  command?: string;
  expected: string[];
}

function parse(text: string): { options: Record<string, string>; steps: Step[] } {
  const lines = text.replace(/\n$/, '').split('\n');
  const steps: Step[] = [];
  const options: Record<string, string> = {};
  let head: string[] = [];
  let current: Step | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('$ ')) {
      current = { head: [...head, line], command: line.slice(2), expected: [] };
      steps.push(current);
      head = [];
    } else if (line.startsWith('> ') || line.startsWith('#') || (current === undefined && line === '')) {
      if (line.startsWith('> file ')) {
        const block = [line];
        while (++i < lines.length && lines[i] !== '> end') block.push(lines[i]);
        block.push('> end');
        head.push(...block);
      } else {
        const m = /^> option (\S+) (.*)$/.exec(line);
        if (m) options[m[1]] = m[2];
        head.push(line);
      }
      current = undefined;
    } else if (current) {
      current.expected.push(line);
    } else {
      head.push(line);
    }
  }
  if (head.length) steps.push({ head, expected: [] });
  return { options, steps };
}

function render(r: { stdout: string; stderr: string; exitCode: number }): string[] {
  const out: string[] = [];
  if (r.stdout) out.push(...r.stdout.replace(/\n$/, '').split('\n'));
  if (r.stderr)
    out.push(
      ...r.stderr
        .replace(/\n$/, '')
        .split('\n')
        .map((l) => `! ${l}`),
    );
  if (r.exitCode !== 0) out.push(`[exit ${r.exitCode}]`);
  return out;
}

/** Runs the directives in a step's head against the cluster; returns the files defined so far. */
function runHead(c: Cluster, head: string[], files: Record<string, string>): void {
  for (let i = 0; i < head.length; i++) {
    const line = head[i];
    const file = /^> file (\S+)$/.exec(line);
    if (file) {
      const body: string[] = [];
      while (head[++i] !== '> end') body.push(head[i]);
      files[file[1]] = `${body.join('\n')}\n`;
      continue;
    }
    const adv = /^> advance (\d+(?:\.\d+)?)$/.exec(line);
    if (adv) c.advance(Number(adv[1]));
    const health = /^> health (\S+) (Ready|NotReady|Unreachable)$/.exec(line);
    if (health) c.setNodeHealth(health[1], health[2] as 'Ready');
  }
}

const transcripts = readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('kubectl golden transcripts', () => {
  test('there are transcripts', () => {
    expect(transcripts.length).toBeGreaterThan(5);
  });

  test.each(transcripts)('%s', (name) => {
    const path = join(dir, name);
    const { options, steps } = parse(readFileSync(path, 'utf8'));
    const c = createCluster({
      ...(options.nodes ? { nodes: readFileSync(join(dir, options.nodes), 'utf8') } : {}),
      ...(options.seed ? { seed: Number(options.seed) } : {}),
    });
    const files: Record<string, string> = {};
    const rewritten: string[] = [];
    const mismatches: string[] = [];
    for (const step of steps) {
      runHead(c, step.head, files);
      rewritten.push(...step.head);
      if (step.command === undefined) continue;
      const actual = render(c.kubectl(step.command, { files }));
      rewritten.push(...actual);
      if (actual.join('\n') !== step.expected.join('\n'))
        mismatches.push(
          `$ ${step.command}\n--- expected\n${step.expected.join('\n')}\n--- actual\n${actual.join('\n')}`,
        );
    }
    if (update) {
      writeFileSync(path, `${rewritten.join('\n')}\n`);
      return;
    }
    expect(mismatches.join('\n\n')).toBe('');
  });
});
