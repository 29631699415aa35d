/**
 * `kubectl` against the simulated cluster: the words a learner types, parsed as the shell and
 * kubectl parse them, and answered with kubectl 1.34's output on stdout and its errors on stderr.
 * Each command lives in its own module; this one splits the line, finds the command and turns
 * errors into kubectl's wording (cmdutil.CheckErr: `error: …`, usage errors with
 * `See 'kubectl get --help' for usage.`).
 */
import { globalFlags, parseFlags, splitWords, UsageError, type FlagSpec, type ParsedArgs } from './args';
import type { KubectlHost } from './host';
import { KubectlError } from './resources';
import { commandHelp, lookupCommand, notModelled, rootHelp, unknownCommandError, unknownFlagError } from './help';
import { getCommand } from './get';
import { describeCommand } from './describe-command';
import { applyCommand, createCommand, deleteCommand } from './write';
import { annotateCommand, cordonCommand, drainCommand, labelCommand, taintCommand } from './nodes';
import { rolloutCommand } from './rollout';
import {
  apiResourcesCommand,
  clusterInfoCommand,
  explainCommand,
  logsCommand,
  scaleCommand,
  versionCommand,
} from './info';

export interface KubectlOptions {
  /** What `-f -` reads. */
  stdin?: string;
  /** Files that `-f NAME` can read (e.g. the sandbox editor's text as `manifest.yaml`). */
  files?: Record<string, string>;
}

/**
 * Output that keeps coming as the simulated clock moves (`get -w`, `logs -f`, `rollout status`
 * while it waits): `read()` returns what was printed since the last read; `stop()` is Ctrl-C.
 */
export interface KubectlFollow {
  read(): string;
  stop(): void;
  /** True once the command finished by itself (a rollout that completed). */
  done(): boolean;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  follow?: KubectlFollow;
}

/** What a command gets: the host, the parsed words, the namespace in effect, and output buffers. */
export interface CommandContext {
  host: KubectlHost;
  args: ParsedArgs;
  /** `-n` or `default`. */
  namespace: string;
  opts: KubectlOptions;
  out: string[];
  err: string[];
  exitCode: number;
  follow?: KubectlFollow;
  /** The command's path, e.g. ['rollout', 'status'], for usage errors. */
  path: string[];
}

export interface Command {
  flags: FlagSpec[];
  /** Subcommands (`rollout status`, `create job`); chosen by the first positional. */
  sub?: Record<string, Command>;
  run?(ctx: CommandContext): void;
}

const COMMANDS: Record<string, Command> = {
  get: getCommand,
  describe: describeCommand,
  apply: applyCommand,
  create: createCommand,
  delete: deleteCommand,
  label: labelCommand,
  annotate: annotateCommand,
  taint: taintCommand,
  cordon: cordonCommand('cordon'),
  uncordon: cordonCommand('uncordon'),
  drain: drainCommand,
  rollout: rolloutCommand,
  logs: logsCommand,
  explain: explainCommand,
  'api-resources': apiResourcesCommand,
  version: versionCommand,
  'cluster-info': clusterInfoCommand,
  scale: scaleCommand,
};

/** Global flags that take a value when written before the command (`kubectl -n kube-system get pods`). */
const valueGlobals = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-v']);

/** Runs one kubectl line. Never throws: every failure becomes kubectl's error text and exit code 1. */
export function runKubectl(host: KubectlHost, line: string, opts: KubectlOptions = {}): KubectlResult {
  let words: string[];
  try {
    words = splitWords(line);
  } catch (e) {
    return { stdout: '', stderr: `sh: ${(e as Error).message}\n`, exitCode: 2 };
  }
  if (words[0] === 'kubectl') words = words.slice(1);
  // The command is the first word that is neither a flag nor a global flag's value.
  let at = 0;
  while (at < words.length && words[at].startsWith('-')) {
    at += valueGlobals.has(words[at]) ? 2 : 1;
  }
  const name = words[at];
  const rest = [...words.slice(0, at), ...words.slice(at + 1)];
  if (name === undefined) {
    return { stdout: rootHelp(), stderr: '', exitCode: 0 };
  }
  if (name === 'help') {
    const text = rest.length ? commandHelp(rest) : rootHelp();
    if (text === undefined)
      return { stdout: `Unknown help topic [\`${rest.join('` `')}\`]\n${rootHelp()}`, stderr: '', exitCode: 0 };
    return { stdout: text, stderr: '', exitCode: 0 };
  }
  let cmd = COMMANDS[name];
  const path = [name];
  if (!cmd) {
    // A real kubectl command the sandbox does not model says so; anything else is unknown.
    if (lookupCommand([name])) return { stdout: '', stderr: notModelled([name]), exitCode: 1 };
    return { stdout: '', stderr: unknownCommandError(name), exitCode: 1 };
  }
  let restWords = rest;
  if (cmd.sub) {
    const i = firstPositional(restWords, cmd.flags);
    const subName = i >= 0 ? restWords[i] : undefined;
    if (subName !== undefined && cmd.sub[subName]) {
      cmd = cmd.sub[subName];
      path.push(subName);
      restWords = [...restWords.slice(0, i), ...restWords.slice(i + 1)];
    } else if (!cmd.run) {
      if (restWords.includes('--help') || restWords.includes('-h'))
        return { stdout: commandHelp(path) ?? '', stderr: '', exitCode: 0 };
      // cobra: a command group without its subcommand prints its help and fails.
      if (subName === undefined) return { stdout: commandHelp(path) ?? '', stderr: '', exitCode: 1 };
      return {
        stdout: '',
        stderr: `error: unknown command ${JSON.stringify(subName)}\nSee 'kubectl ${path.join(' ')} -h' for help and examples\n`,
        exitCode: 1,
      };
    } else if (subName !== undefined && name === 'create' && !/^-/.test(subName)) {
      const known = lookupCommand([name, subName]) !== undefined;
      if (!known)
        return {
          stdout: '',
          stderr: `error: Unexpected args: [${subName}]\nSee 'kubectl ${name} -h' for help and examples\n`,
          exitCode: 1,
        };
      return { stdout: '', stderr: notModelled([name, subName]), exitCode: 1 };
    }
  }
  const ctx: CommandContext = {
    host,
    args: { positionals: [], flags: {}, changed: new Set() },
    namespace: 'default',
    opts,
    out: [],
    err: [],
    exitCode: 0,
    path,
  };
  try {
    ctx.args = parseFlags(restWords, cmd.flags);
    if (ctx.args.flags.help) return { stdout: commandHelp(path) ?? '', stderr: '', exitCode: 0 };
    const ns = ctx.args.flags.namespace as string;
    if (ns) ctx.namespace = ns;
    cmd.run!(ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      const msg = e.message;
      const flag = /^unknown flag: (--\S+)$/.exec(msg)?.[1] ?? /^unknown shorthand flag: '.' in (-\S+)$/.exec(msg)?.[1];
      const text = flag
        ? unknownFlagError(path, flag)
        : `error: ${msg}\nSee 'kubectl ${path.join(' ')} -h' for help and examples\n`;
      return { stdout: ctx.out.join(''), stderr: ctx.err.join('') + text, exitCode: 1 };
    }
    // Errors of kubectl's own making (KubectlError, and the messages the ported parsers and
    // printers throw) are printed as kubectl prints them; a TypeError and the like is a bug here.
    if (
      e instanceof KubectlError ||
      !(e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError)
    ) {
      ctx.err.push(errorLine((e as Error).message));
      ctx.exitCode = 1;
    } else {
      // A bug in the sandbox, not in the learner's command: say so instead of crashing the console.
      ctx.err.push(`error: the sandbox failed to run this command: ${(e as Error).message}\n`);
      ctx.exitCode = 1;
    }
  }
  return {
    stdout: ctx.out.join(''),
    stderr: ctx.err.join(''),
    exitCode: ctx.exitCode,
    ...(ctx.follow ? { follow: ctx.follow } : {}),
  };
}

/** Index of the first word that is neither a flag nor the value of a flag before it (cobra's stripFlags). */
function firstPositional(words: string[], flags: FlagSpec[]): number {
  const takesValue = new Set(
    [...flags, ...globalFlags]
      .filter((f) => f.type !== 'bool' && f.noOptDefault === undefined)
      .flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]),
  );
  for (let i = 0; i < words.length; i++) {
    if (!words[i].startsWith('-')) return i;
    if (takesValue.has(words[i])) i++;
  }
  return -1;
}

/** cmdutil.CheckErr's line: `error: ` unless the message already carries kubectl's own prefix. */
export function errorLine(message: string): string {
  const text = /^(error: |Error from server|The \w+ ".*" is invalid|Error: )/.test(message)
    ? message
    : `error: ${message}`;
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Prints an error and marks the command failed, going on with the rest (ContinueOnError). */
export function fail(ctx: CommandContext, message: string): void {
  ctx.err.push(errorLine(message));
  ctx.exitCode = 1;
}

export { completions } from './complete';
