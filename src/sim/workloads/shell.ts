/**
 * What a container does, read from its own `command` and `args` (DESIGN.md, "Workloads"): a tiny
 * shell with `sleep`, `exit`, `true`, `false`, `echo`, `date`, joined by `;`, `&&`, `||`, inside
 * `sh -c "…"`, and `$((RANDOM % N))` drawn from the seeded generator. Any other word is treated as
 * an instant command that succeeds. Images without a command behave as the table below says.
 *
 * The result is a plan computed when the container starts: when it logs what, when it exits and
 * with which code (or never), and whether it stops at once on SIGTERM.
 */
import type { Container, EnvVar } from 'kubernetes-types/core/v1';
import { memoByString } from '../memo';

export interface ContainerPlan {
  /** Log lines with their offset from the start, in seconds. */
  logs: { at: number; text: string }[];
  /** Seconds until the process exits; Infinity for daemons and `sleep infinity`. */
  duration: number;
  exitCode: number;
  /** Whether the process stops at once on SIGTERM; a shell or `sleep` as PID 1 ignores it. */
  handlesSigterm: boolean;
}

export interface ImageInfo {
  /** Bytes, for the Pulled event and the pull time. */
  size: number;
  /** What the image does without a command. */
  default: 'daemon' | 'exit0' | 'hello' | 'pi';
}

const MB = 1024 * 1024;
/** Well-known images. Anything else is a daemon of 50 MB. */
const images: [RegExp, ImageInfo][] = [
  [/(^|\/)(busybox)(:|@|$)/, { size: 2 * MB, default: 'exit0' }],
  [/(^|\/)(alpine)(:|@|$)/, { size: 4 * MB, default: 'exit0' }],
  [/(^|\/)(ubuntu|debian)(:|@|$)/, { size: 30 * MB, default: 'exit0' }],
  [/(^|\/)(hello-world)(:|@|$)/, { size: 13 * 1024, default: 'hello' }],
  [/(^|\/)(perl)(:|@|$)/, { size: 340 * MB, default: 'exit0' }],
  [/(^|\/)(nginx)(:|@|$)/, { size: 72 * MB, default: 'daemon' }],
  [/(^|\/)(httpd)(:|@|$)/, { size: 58 * MB, default: 'daemon' }],
  [/(^|\/)(redis)(:|@|$)/, { size: 45 * MB, default: 'daemon' }],
  [/(^|\/)(fluentd|fluent-bit)(:|@|$)/, { size: 38 * MB, default: 'daemon' }],
  [/node-exporter(:|@|$)/, { size: 11 * MB, default: 'daemon' }],
  [/(^|\/)filebeat(:|@|$)/, { size: 120 * MB, default: 'daemon' }],
  [/kube-proxy(:|@|$)/, { size: 28 * MB, default: 'daemon' }],
  [/calico\/node(:|@|$)/, { size: 110 * MB, default: 'daemon' }],
  [/flannel(:|@|$)/, { size: 30 * MB, default: 'daemon' }],
];

const OTHER_IMAGE: ImageInfo = { size: 50 * MB, default: 'daemon' };

export const imageInfo: (image: string) => ImageInfo = memoByString(
  (image) => images.find(([re]) => re.test(image))?.[1] ?? OTHER_IMAGE,
  1000,
);

/** Seconds to pull an image: a fixed start-up plus ~40 MB/s. */
export function pullSeconds(image: string): number {
  return Math.round((0.8 + imageInfo(image).size / (40 * MB)) * 1000) / 1000;
}

/** busybox `date` output: `Wed Jan  1 10:00:00 UTC 2025`. */
export function busyboxDate(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** tokenize, remembered per script (every pod of a workload runs the same one); read-only. */
const tokenized = memoByString((script) => tokenize(script), 1000);

/** Splits a script into words and the operators between commands, honouring quotes. */
export function tokenize(script: string): { words: string[]; op: ';' | '&&' | '||' | '' }[] {
  const out: { words: string[]; op: ';' | '&&' | '||' | '' }[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | '' = '';
  const flushWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const flushCmd = (op: ';' | '&&' | '||' | '') => {
    flushWord();
    if (words.length || op) out.push({ words, op });
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < script.length) word += script[++i];
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '$' && script.startsWith('$((', i)) {
      const end = script.indexOf('))', i);
      word += script.slice(i, end < 0 ? script.length : end + 2);
      inWord = true;
      i = end < 0 ? script.length : end + 1;
    } else if (c === '\\' && i + 1 < script.length) {
      word += script[++i];
      inWord = true;
    } else if (c === ';' || c === '\n') flushCmd(';');
    else if (script.startsWith('&&', i)) {
      flushCmd('&&');
      i++;
    } else if (script.startsWith('||', i)) {
      flushCmd('||');
      i++;
    } else if (/\s/.test(c)) flushWord();
    else {
      word += c;
      inWord = true;
    }
  }
  flushCmd('');
  return out.filter((c) => c.words.length > 0);
}

function expand(word: string, env: Record<string, string>, random: () => number): string {
  if (!word.includes('$')) return word; // nothing to expand (most words)
  return word
    .replace(/\$\(\(\s*RANDOM\s*%\s*(\d+)\s*\)\)/g, (_, n: string) => String(Math.floor(random() * 32768) % Number(n)))
    .replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => env[(a ?? b)!] ?? '');
}

const SLEEP_UNITS = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** `sleep` arguments as busybox reads them: decimals and s/m/h/d suffixes, several summed. */
function sleepSeconds(args: string[]): number {
  let total = 0;
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') return Infinity;
    const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) continue;
    total += Number(m[1]) * SLEEP_UNITS[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  }
  return total;
}

/** Runs a script: what it logs and when, how long it takes and how it exits. */
export function runScript(
  script: string,
  env: Record<string, string>,
  startMs: number,
  random: () => number,
): Omit<ContainerPlan, 'handlesSigterm'> {
  const logs: { at: number; text: string }[] = [];
  let t = 0;
  let status = 0;
  let skip: ';' | '&&' | '||' | '' = '';
  for (const { words: raw, op } of tokenized(script)) {
    const runIt = skip === '' || skip === ';' || (skip === '&&' && status === 0) || (skip === '||' && status !== 0);
    skip = op;
    if (!runIt) continue;
    const words = raw.map((w) => expand(w, env, random));
    const [cmd, ...args] = words;
    switch (cmd) {
      case 'sleep': {
        const s = sleepSeconds(args);
        if (!Number.isFinite(s)) return { logs, duration: Infinity, exitCode: 0 };
        t += s;
        status = 0;
        break;
      }
      case 'exit':
        return { logs, duration: t, exitCode: args.length ? Number(args[0]) & 255 || 0 : status };
      case 'true':
        status = 0;
        break;
      case 'false':
        status = 1;
        break;
      case 'echo':
        logs.push({ at: t, text: (args[0] === '-n' ? args.slice(1) : args).join(' ') });
        status = 0;
        break;
      case 'date':
        logs.push({ at: t, text: busyboxDate(startMs + t * 1000) });
        status = 0;
        break;
      default:
        status = 0; // an unknown word is treated as an instant command that succeeds
    }
  }
  return { logs, duration: t, exitCode: status };
}

const shells = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', '/usr/bin/env sh', 'ash', '/bin/ash']);

/** The plan for a container, from its command/args or its image's default behaviour. */
export function planContainer(
  c: Container,
  extraEnv: Record<string, string>,
  startMs: number,
  random: () => number,
): ContainerPlan {
  const env: Record<string, string> = { ...extraEnv };
  for (const e of (c.env ?? []) as EnvVar[]) if (e.value !== undefined) env[e.name] = e.value;
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  if (argv.length === 0) {
    const info = imageInfo(c.image ?? '');
    if (info.default === 'daemon') return { logs: [], duration: Infinity, exitCode: 0, handlesSigterm: true };
    if (info.default === 'hello') {
      return {
        logs: [
          { at: 0, text: 'Hello from Docker!' },
          { at: 0, text: 'This message shows that your installation appears to be working correctly.' },
        ],
        duration: 0,
        exitCode: 0,
        handlesSigterm: true,
      };
    }
    return { logs: [], duration: 0, exitCode: 0, handlesSigterm: true };
  }
  const [prog, ...rest] = argv;
  if (shells.has(prog)) {
    const c = rest.indexOf('-c');
    const script = c >= 0 ? (rest[c + 1] ?? '') : '';
    return { ...runScript(script, env, startMs, random), handlesSigterm: false };
  }
  if (prog === 'perl' && argv.some((a) => /bpi\((\d+)\)/.test(a))) {
    const digits = Number(/bpi\((\d+)\)/.exec(argv.join(' '))![1]);
    return {
      logs: [
        { at: (digits / 2000) * 10, text: `3.14159265358979323846264338327950288419716939937510…(${digits} digits)` },
      ],
      duration: (digits / 2000) * 10,
      exitCode: 0,
      handlesSigterm: true,
    };
  }
  // A program run directly, e.g. ["sleep", "3600"]: the same words as the shell understands.
  const plan = runScript(
    argv.map((a) => (/\s|;|&|\|/.test(a) ? `'${a.replace(/'/g, "'\\''")}'` : a)).join(' '),
    env,
    startMs,
    random,
  );
  return { ...plan, handlesSigterm: prog !== 'sleep' && !prog.endsWith('/sleep') };
}
