/**
 * The golden transcript format (see golden.test.ts): parsing a transcript into steps, replaying a
 * step's directives against a cluster, and rendering a command's result as the transcript writes
 * it. Shared by golden.test.ts and scripts/kubectl-oracle.ts, which replay the same transcripts.
 */
import type { Cluster } from '../../../src/sim';

export interface Step {
  /** The transcript's lines for this step, up to its output. */
  head: string[];
  command?: string;
  expected: string[];
}

export interface Transcript {
  /** `> option NAME VALUE` lines: `nodes FILE`, `seed N`. */
  options: Record<string, string>;
  steps: Step[];
}

export function parseTranscript(text: string): Transcript {
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

/** A command's result as transcript lines: stdout, stderr prefixed `! `, `[exit N]` when not 0. */
export function renderResult(r: { stdout: string; stderr: string; exitCode: number }): string[] {
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

/** Runs the directives in a step's head against the cluster, adding the files it defines to `files`. */
export function runHead(c: Cluster, head: string[], files: Record<string, string>): void {
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
