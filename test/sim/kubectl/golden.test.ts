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
import { createCluster } from '../../../src/sim';
import { parseTranscript, renderResult, runHead } from './transcript';

const dir = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

const transcripts = readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('kubectl golden transcripts', () => {
  test('there are transcripts', () => {
    expect(transcripts.length).toBeGreaterThan(5);
  });

  test.each(transcripts)('%s', (name) => {
    const path = join(dir, name);
    const { options, steps } = parseTranscript(readFileSync(path, 'utf8'));
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
      const actual = renderResult(c.kubectl(step.command, { files }));
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
