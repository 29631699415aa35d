/**
 * Tab completion for the sandbox console: what can follow the words typed so far (commands,
 * subcommands, resource types, object names, flags), from the same tables kubectl's own
 * completion uses (commands, api-resources, the objects in the cluster).
 */
import { kindInfo } from '../kinds';
import { splitWords } from './args';
import type { KubectlHost } from './host';
import { resolveType, typeWords } from './resources';
import { COMMANDS } from './help';

// The commands and subcommands the sandbox models, from the same table as `kubectl help`.
const modelled = COMMANDS.filter((c) => c.supported);
const COMMAND_WORDS = modelled.filter((c) => c.path.length === 1).map((c) => c.path[0]);
const SUBCOMMANDS: Record<string, string[]> = {};
for (const c of modelled) if (c.path.length === 2) (SUBCOMMANDS[c.path[0]] ??= []).push(c.path[1]);
const NODE_COMMANDS = new Set(['cordon', 'uncordon', 'drain', 'taint']);
const TYPED_COMMANDS = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'rollout', 'scale']);
const FLAGS: Record<string, string[]> = {
  get: [
    '--all-namespaces',
    '--field-selector',
    '--no-headers',
    '--output',
    '--selector',
    '--show-labels',
    '--sort-by',
    '--watch',
  ],
  delete: ['--all', '--cascade', '--force', '--grace-period', '--now', '--selector'],
  drain: ['--delete-emptydir-data', '--force', '--ignore-daemonsets'],
  logs: ['--container', '--follow', '--previous', '--tail'],
  apply: ['--filename'],
  create: ['--filename'],
  label: ['--overwrite'],
  annotate: ['--overwrite'],
  taint: ['--overwrite'],
};

/** Candidate completions for the last (partial) word of `line`, sorted. */
export function completions(host: KubectlHost, line: string, namespace = 'default'): string[] {
  let words: string[];
  try {
    words = splitWords(line);
  } catch {
    return [];
  }
  if (words[0] === 'kubectl') words = words.slice(1);
  const partial = /\s$/.test(line) || line.trim() === '' || line.trim() === 'kubectl' ? '' : (words.pop() ?? '');
  const positional = words.filter((w) => !w.startsWith('-'));
  const pick = (xs: string[]) => [...new Set(xs)].filter((x) => x.startsWith(partial)).sort();
  if (positional.length === 0) return pick(COMMAND_WORDS);
  const [cmd, ...rest] = positional;
  if (partial.startsWith('-')) return pick(FLAGS[cmd] ?? []);
  if (SUBCOMMANDS[cmd] && rest.length === 0) return pick(SUBCOMMANDS[cmd]);
  const args = SUBCOMMANDS[cmd] ? rest.slice(1) : rest;
  const names = (type: string) => {
    try {
      const info = resolveType(type);
      if (info.kind === 'Event') return [];
      return host.list(info.kind, kindInfo(info.kind).namespaced ? namespace : undefined).map((o) => o.metadata.name);
    } catch {
      return [];
    }
  };
  if (NODE_COMMANDS.has(cmd)) return pick(cmd === 'taint' && args.length === 0 ? ['nodes'] : names('nodes'));
  if (cmd === 'logs') return pick(names('pods'));
  if (cmd === 'explain') return pick(typeWords());
  if (TYPED_COMMANDS.has(cmd)) {
    if (args.length === 0) {
      const slash = partial.indexOf('/');
      if (slash > 0) return pick(names(partial.slice(0, slash)).map((n) => `${partial.slice(0, slash)}/${n}`));
      return pick(cmd === 'rollout' ? ['daemonset', 'ds'] : typeWords());
    }
    return pick(names(args[0]));
  }
  return [];
}
