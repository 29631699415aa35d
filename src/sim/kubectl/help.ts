/**
 * What kubectl 1.34 prints that does not depend on cluster state: `kubectl --help`, each
 * command's `--help`, cobra's "Did you mean this?" suggestions, the unknown command and unknown
 * flag errors, `kubectl version`, `kubectl cluster-info` and `kubectl api-resources`.
 *
 * Upstream:
 * - staging/src/k8s.io/kubectl/pkg/cmd/cmd.go: NewKubectlCommand (the command groups and the order
 *   the commands are added in).
 * - staging/src/k8s.io/kubectl/pkg/util/templates/templater.go and templates.go: ActsAsRootCommand,
 *   FlagErrorFunc, cmdGroupsString, MainHelpTemplate, MainUsageTemplate; help_flags_printer.go.
 * - spf13/cobra command.go: SuggestionsFor, findSuggestions, ld (levenshtein.go), legacyArgs.
 * - staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go: CheckErr prints `error: ` + the message.
 *
 * Help is rendered as kubectl renders it when stdout is not a terminal: kubectl only word-wraps
 * (at min(terminal width, 80)) on a TTY, and a console in a web page wraps lines itself.
 */
import type { KindInfo, KindName } from '../kinds';
import { tabwrite } from './printers';
import { COMMAND_TABLE, HELP_TEXTS, type CommandHelpText, type FlagHelp } from './help-texts';

export type { CommandHelpText, FlagHelp } from './help-texts';

/** A kubectl command or subcommand, as `kubectl --help` and its parent's help list it. */
export interface KubectlCommand {
  /** `['rollout', 'status']`. */
  path: readonly string[];
  /** The heading it is listed under (`Deploy Commands:`, `Available Commands:`); null when not listed. */
  group: string | null;
  short: string;
  /** Whether Reconcile models the command. */
  supported: boolean;
  /** cobra's SuggestFor: words that suggest this command although they are not close to its name. */
  suggestFor?: readonly string[];
}

/** The commands the simulator models (the help texts of exactly these are in help-texts.ts). */
const SUPPORTED = new Set([
  'get',
  'describe',
  'apply',
  'create',
  'create job',
  'create namespace',
  'delete',
  'label',
  'annotate',
  'taint',
  'cordon',
  'uncordon',
  'drain',
  'rollout',
  'rollout status',
  'rollout history',
  'rollout undo',
  'rollout restart',
  'logs',
  'explain',
  'api-resources',
  'version',
  'cluster-info',
  'scale',
  'help',
]);

/** SuggestFor of get.go (`list`, `ps`), wait.go (`list`, `ps`) and delete.go (`rm`). */
const SUGGEST_FOR: Readonly<Record<string, readonly string[]>> = {
  get: ['list', 'ps'],
  wait: ['list', 'ps'],
  delete: ['rm'],
};

/**
 * Every kubectl 1.34 command and subcommand. Top-level commands are in the order cmd.go adds them
 * to the root (the order cobra keeps and suggests them in), subcommands in their parent's order.
 */
export const COMMANDS: readonly KubectlCommand[] = COMMAND_TABLE.map((c) => {
  const key = c.path.join(' ');
  const suggestFor = c.path.length === 1 ? SUGGEST_FOR[key] : undefined;
  return {
    path: c.path,
    group: c.group,
    short: c.short,
    supported: SUPPORTED.has(key),
    ...(suggestFor ? { suggestFor } : {}),
  };
});

/** The command at `path` (`['create', 'job']`), or undefined when kubectl has none. */
export function lookupCommand(path: readonly string[]): KubectlCommand | undefined {
  const key = path.join(' ');
  return COMMANDS.find((c) => c.path.join(' ') === key);
}

const TOP_LEVEL = COMMANDS.filter((c) => c.path.length === 1);

/**
 * cobra's IsAvailableCommand for the root's children: the help command is never offered, and
 * `alpha` has neither a Run nor subcommands in 1.34 (it is also filtered from the help).
 */
const isAvailable = (c: KubectlCommand) => c.path[0] !== 'help' && c.path[0] !== 'alpha';

/** The root's Long after templates.LongDesc (cmd.go). */
const ROOT_LONG =
  'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/';

const GLOBAL_OPTIONS_TIP =
  'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';

/**
 * `kubectl`, `kubectl --help` and `kubectl help`: the Long text, the command groups of cmd.go
 * (cmdGroupsString: two spaces, the name padded to the longest command name, three spaces, Short),
 * the empty plugin group, "Other Commands:" (the remaining available commands, sorted by name,
 * without `options` and the hidden `alpha`), the usage line and the two tips.
 */
export function rootHelp(): string {
  const padding = Math.max(...TOP_LEVEL.map((c) => c.path[0].length));
  const line = (c: KubectlCommand) => `  ${c.path[0].padEnd(padding)}   ${c.short}`;
  const groups: string[] = [];
  for (const c of TOP_LEVEL) {
    if (c.group && c.group !== 'Other Commands:' && !groups.includes(c.group)) groups.push(c.group);
  }
  const blocks = groups.map((g) => [g, ...TOP_LEVEL.filter((c) => c.group === g).map(line)].join('\n'));
  // plugin.GetPluginCommandGroup: no kubectl-* executables on the sandbox's PATH.
  blocks.push('Subcommands provided by plugins:');
  const others = TOP_LEVEL.filter((c) => c.group === 'Other Commands:' && isAvailable(c)).sort((a, b) =>
    a.path[0] < b.path[0] ? -1 : a.path[0] > b.path[0] ? 1 : 0,
  );
  blocks.push(['Other Commands:', ...others.map(line)].join('\n'));
  return (
    `${ROOT_LONG}\n\n${blocks.join('\n\n')}\n\n` +
    'Usage:\n  kubectl [flags] [options]\n\n' +
    'Use "kubectl <command> --help" for more information about a given command.\n' +
    GLOBAL_OPTIONS_TIP
  );
}

function renderFlag(f: FlagHelp): string {
  return `    ${f.shorthand ? `-${f.shorthand}, ` : ''}--${f.name}=${f.default}:\n\t${f.usage}`;
}

/** MainHelpTemplate followed by MainUsageTemplate's sections, for one command. */
function renderHelp(path: readonly string[], h: CommandHelpText): string {
  let s = `${h.long}\n\n`;
  if (h.aliases !== undefined) s += `Aliases:\n${h.aliases}\n\n`;
  if (h.examples !== undefined) s += `Examples:\n${h.examples}\n\n`;
  if (h.subcommands !== undefined) s += `Available Commands:\n${h.subcommands}\n\n`;
  if (h.flags.length > 0) s += `Options:\n${h.flags.map(renderFlag).join('\n\n')}\n\n`;
  s += `Usage:\n  ${h.usage}\n\n`;
  if (h.subcommands !== undefined) {
    s += `Use "kubectl ${path.join(' ')} <command> --help" for more information about a given command.\n`;
  }
  return s + GLOBAL_OPTIONS_TIP;
}

/**
 * `kubectl <path> --help` (also `-h` and `kubectl help <path>`) for the commands Reconcile models;
 * `[]` gives the root help. Undefined for commands it does not model (see notModelled) and for
 * paths kubectl does not have.
 */
export function commandHelp(path: readonly string[]): string | undefined {
  if (path.length === 0) return rootHelp();
  const h = HELP_TEXTS[path.join(' ')];
  return h ? renderHelp(path, h) : undefined;
}

/** The local flags of a modelled command, as its help lists them (global flags are not included). */
export function commandFlags(path: readonly string[]): readonly FlagHelp[] | undefined {
  return HELP_TEXTS[path.join(' ')]?.flags;
}

const utf8 = new TextEncoder();

/** cobra's ld: Levenshtein distance over the bytes of both strings, lower-cased when ignoreCase. */
export function levenshtein(s: string, t: string, ignoreCase = true): number {
  const a = utf8.encode(ignoreCase ? s.toLowerCase() : s);
  const b = utf8.encode(ignoreCase ? t.toLowerCase() : t);
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      d[i][j] = a[i - 1] === b[j - 1] ? d[i - 1][j - 1] : Math.min(d[i - 1][j], d[i][j - 1], d[i - 1][j - 1]) + 1;
    }
  }
  return d[a.length][b.length];
}

/** cobra's SuggestionsMinimumDistance default (findSuggestions sets it to 2 when unset). */
export const SUGGESTIONS_MINIMUM_DISTANCE = 2;

export interface SuggestionCandidate {
  name: string;
  suggestFor?: readonly string[];
}

/**
 * cobra's SuggestionsFor: in the candidates' order, each name within Levenshtein distance 2 of
 * the typed word (case-insensitive) or starting with it, then once more for each of its
 * SuggestFor words equal to the typed word (strings.EqualFold), so a name can repeat.
 */
export function suggestionsFor(word: string, candidates: readonly (string | SuggestionCandidate)[]): string[] {
  const out: string[] = [];
  for (const c of candidates) {
    const { name, suggestFor = [] } = typeof c === 'string' ? { name: c } : c;
    const byDistance = levenshtein(word, name, true) <= SUGGESTIONS_MINIMUM_DISTANCE;
    const byPrefix = name.toLowerCase().startsWith(word.toLowerCase());
    if (byDistance || byPrefix) out.push(name);
    for (const s of suggestFor) if (s.toLowerCase() === word.toLowerCase()) out.push(name);
  }
  return out;
}

/** Go's %q for a string: double quotes, with backslash escapes for quotes and control characters. */
function goQuote(s: string): string {
  const named: Record<string, string> = {
    '\u0007': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\u000b': '\\v',
    '"': '\\"',
    '\\': '\\\\',
  };
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (named[ch]) out += named[ch];
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * What kubectl writes to stderr for `kubectl <word>` when no command or plugin has that name
 * (cobra's legacyArgs error, through cmdutil.CheckErr). kubectl silences cobra's own output, so
 * there is no "Run 'kubectl --help' for usage." line.
 */
export function unknownCommandError(word: string): string {
  const candidates = TOP_LEVEL.filter(isAvailable).map((c) => ({ name: c.path[0], suggestFor: c.suggestFor }));
  const suggestions = suggestionsFor(word, candidates);
  const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '\n';
  return `error: unknown command ${goQuote(word)} for "kubectl"${hint}`;
}

/**
 * pflag's error for a flag the command does not define, wrapped by templater.FlagErrorFunc.
 * `flag` is the argument as typed: `--foo`, `--foo=bar`, or a shorthand group whose first letter
 * is the unknown one (`-z`, `-zq`; strip the known letters before it, as pflag reports from there).
 */
export function unknownFlagError(commandPath: readonly string[], flag: string): string {
  let message: string;
  if (flag.startsWith('--')) {
    const body = flag.slice(2);
    message =
      body.startsWith('-') || body.startsWith('=')
        ? `bad flag syntax: ${flag}`
        : `unknown flag: --${body.split('=')[0]}`;
  } else {
    const shorthands = flag.replace(/^-/, '');
    // pflag quotes the first byte as a rune (%q of shorthands[0]).
    const first = String.fromCharCode(utf8.encode(shorthands)[0] ?? 0);
    message = `unknown shorthand flag: '${first === "'" ? "\\'" : first}' in -${shorthands}`;
  }
  const cmd = ['kubectl', ...commandPath].join(' ');
  const hint =
    commandPath.length === 1 && commandPath[0] === 'options'
      ? `Run '${cmd}' without flags.`
      : `See '${cmd} --help' for usage.`;
  return `error: ${message}\n${hint}\n`;
}

/** Why a real kubectl command does nothing here; the UI may word these itself. */
export type NotModelledReason =
  | 'NoContainerProcesses'
  | 'NoContainerFilesystems'
  | 'NoNetwork'
  | 'NoEditor'
  | 'NoMetricsServer'
  | 'EditManifestInstead'
  | 'ResourceNotSimulated'
  | 'CreateSubcommandNotModelled'
  | 'PauseNeedsDeployment'
  | 'NoAuthentication'
  | 'SingleKubeconfig'
  | 'NoPlugins'
  | 'NoKustomize'
  | 'NoShell'
  | 'NoComponentLogs'
  | 'UseGetEvents'
  | 'NotModelled';

const REASONS: Readonly<Record<string, NotModelledReason>> = {
  exec: 'NoContainerProcesses',
  attach: 'NoContainerProcesses',
  debug: 'NoContainerProcesses',
  cp: 'NoContainerFilesystems',
  'port-forward': 'NoNetwork',
  proxy: 'NoNetwork',
  edit: 'NoEditor',
  'apply edit-last-applied': 'NoEditor',
  top: 'NoMetricsServer',
  patch: 'EditManifestInstead',
  replace: 'EditManifestInstead',
  set: 'EditManifestInstead',
  run: 'EditManifestInstead',
  expose: 'ResourceNotSimulated',
  autoscale: 'ResourceNotSimulated',
  certificate: 'ResourceNotSimulated',
  create: 'CreateSubcommandNotModelled',
  'rollout pause': 'PauseNeedsDeployment',
  'rollout resume': 'PauseNeedsDeployment',
  auth: 'NoAuthentication',
  config: 'SingleKubeconfig',
  plugin: 'NoPlugins',
  kustomize: 'NoKustomize',
  completion: 'NoShell',
  'cluster-info dump': 'NoComponentLogs',
  events: 'UseGetEvents',
};

/** The reason for the longest prefix of `commandPath` that has one. */
export function notModelledReason(commandPath: readonly string[]): NotModelledReason {
  for (let n = commandPath.length; n > 0; n--) {
    const reason = REASONS[commandPath.slice(0, n).join(' ')];
    if (reason) return reason;
  }
  return 'NotModelled';
}

const REASON_TEXT: Readonly<Record<NotModelledReason, string>> = {
  NoContainerProcesses: 'the simulated containers have no processes to attach to',
  NoContainerFilesystems: 'the simulated containers have no file systems to copy from or to',
  NoNetwork: 'the simulated cluster has no network to connect to',
  NoEditor: 'there is no terminal editor here: change the manifest in the sandbox editor and run kubectl apply -f',
  NoMetricsServer: 'the simulated cluster runs no metrics-server, so there is no CPU or memory usage to show',
  EditManifestInstead: 'change the manifest in the sandbox editor and run kubectl apply -f instead',
  ResourceNotSimulated:
    'it works on resources this simulation does not include (it models Nodes, Pods, DaemonSets, Jobs and CronJobs)',
  CreateSubcommandNotModelled:
    'of the create subcommands only "kubectl create job" and "kubectl create namespace" are modelled; write a manifest and run kubectl apply -f',
  PauseNeedsDeployment: 'pausing a rollout applies to Deployments, which this simulation does not include',
  NoAuthentication: 'the sandbox has no authentication or authorization: every request is allowed',
  SingleKubeconfig: 'the sandbox has a single built-in kubeconfig and context',
  NoPlugins: 'no kubectl plugins are installed',
  NoKustomize: 'kustomizations are not supported; apply plain manifests',
  NoShell: 'the console has no shell to install completions into',
  NoComponentLogs: 'the simulated control plane keeps no component logs to dump',
  UseGetEvents: 'use kubectl get events instead',
  NotModelled: 'Reconcile does not model this command',
};

/**
 * The one line (with its newline) written to stderr for a real kubectl command that Reconcile
 * does not model, e.g. `error: "kubectl exec" is not available in this sandbox: the simulated
 * containers have no processes to attach to.` Our wording, not kubectl's.
 */
export function notModelled(commandPath: readonly string[]): string {
  const cmd = ['kubectl', ...commandPath].join(' ');
  return `error: "${cmd}" is not available in this sandbox: ${REASON_TEXT[notModelledReason(commandPath)]}.\n`;
}

/** version.Info (apimachinery/pkg/version/types.go) of the released kubectl v1.34.5 binary. */
export const CLIENT_VERSION = {
  major: '1',
  minor: '34',
  gitVersion: 'v1.34.5',
  gitCommit: 'ebfac057369b21558006b8815821ab2fb1e29f2d',
  gitTreeState: 'clean',
  buildDate: '2026-02-26T20:06:18Z',
  goVersion: 'go1.24.13',
  compiler: 'gc',
  platform: 'linux/amd64',
} as const;

/** The sandbox's API server: the same release; a 1.34 server also reports its emulation and minimum compatibility versions. */
export const SERVER_VERSION = {
  major: '1',
  minor: '34',
  emulationMajor: '1',
  emulationMinor: '34',
  minCompatibilityMajor: '1',
  minCompatibilityMinor: '33',
  gitVersion: 'v1.34.5',
  gitCommit: CLIENT_VERSION.gitCommit,
  gitTreeState: 'clean',
  buildDate: CLIENT_VERSION.buildDate,
  goVersion: CLIENT_VERSION.goVersion,
  compiler: 'gc',
  platform: 'linux/amd64',
} as const;

/** The kustomize kubectl 1.34 embeds (sigs.k8s.io/kustomize/kustomize/v5 in kubectl's go.mod). */
export const KUSTOMIZE_VERSION = 'v5.7.1';

/** sigs.k8s.io/yaml's scalar for the version strings: numbers and timestamps are double-quoted. */
function yamlScalar(v: string): string {
  return /^\d+$/.test(v) || /^\d{4}-\d\d-\d\dT/.test(v) ? `"${v}"` : v;
}

function yamlMap(obj: Readonly<Record<string, string>>, indent: string): string {
  return Object.keys(obj)
    .sort()
    .map((k) => `${indent}${k}: ${yamlScalar(obj[k])}\n`)
    .join('');
}

/**
 * `kubectl version` (version.go): the text form, or `-o json` (json.MarshalIndent, two spaces,
 * struct field order) and `-o yaml` (keys sorted, followed by an empty line, since kubectl
 * Fprintln's the already newline-terminated YAML). `client` is `--client`.
 */
export function versionText(opts: { client?: boolean; output?: 'json' | 'yaml' } = {}): string {
  const doc: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
  if (!opts.client) doc.serverVersion = SERVER_VERSION;
  if (opts.output === 'json') return `${JSON.stringify(doc, null, 2)}\n`;
  if (opts.output === 'yaml') {
    let y = `clientVersion:\n${yamlMap(CLIENT_VERSION, '  ')}kustomizeVersion: ${KUSTOMIZE_VERSION}\n`;
    if (!opts.client) y += `serverVersion:\n${yamlMap(SERVER_VERSION, '  ')}`;
    return `${y}\n`;
  }
  let s = `Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
  if (!opts.client) s += `Server Version: ${SERVER_VERSION.gitVersion}\n`;
  return s;
}

/**
 * `kubectl cluster-info` (clusterinfo.go) for a cluster whose only kube-system Service labelled
 * kubernetes.io/cluster-service=true is kube-dns (kubernetes.io/name=CoreDNS, first port `dns`).
 * kubectl 1.34 no longer colours the names (the go-colortext calls are gone), so there are no
 * escape codes. A host without a scheme gets `https://`.
 */
export function clusterInfoText(controlPlaneHost: string): string {
  const host = /^https?:\/\//.test(controlPlaneHost) ? controlPlaneHost : `https://${controlPlaneHost}`;
  return (
    `Kubernetes control plane is running at ${host}\n` +
    `CoreDNS is running at ${host}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n` +
    "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"
  );
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Discovery's verbs and categories of each kind, as a 1.34 API server reports them. */
const DISCOVERY: Readonly<Record<KindName, { verbs: readonly string[]; categories: readonly string[] }>> = {
  // The namespace registry has no deletecollection.
  Namespace: { verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], categories: [] },
  Node: { verbs: ALL_VERBS, categories: [] },
  Pod: { verbs: ALL_VERBS, categories: ['all'] },
  Event: { verbs: ALL_VERBS, categories: [] },
  DaemonSet: { verbs: ALL_VERBS, categories: ['all'] },
  ControllerRevision: { verbs: ALL_VERBS, categories: [] },
  Job: { verbs: ALL_VERBS, categories: ['all'] },
  CronJob: { verbs: ALL_VERBS, categories: ['all'] },
};

export interface ApiResourcesOptions {
  /** `-o wide`: adds VERBS and CATEGORIES. */
  wide?: boolean;
  /** `--namespaced=true|false`; unset lists both. */
  namespaced?: boolean;
  /** `--no-headers`. */
  noHeaders?: boolean;
  /** `-o name`: `resource.group`, no header. */
  output?: 'name';
  /** `--api-group` ('' is the core group). */
  apiGroup?: string;
  /** `--sort-by=name|kind`; by default resources are sorted by group, then name. */
  sortBy?: 'name' | 'kind';
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `kubectl api-resources` (apiresources.go) over the kinds the API server serves, aligned by
 * printers.GetNewTabWriter (minwidth 6, padding 3) as `tabwrite` does.
 */
export function apiResourcesText(
  kinds: readonly (KindInfo & { verbs?: readonly string[]; categories?: readonly string[] })[],
  opts: ApiResourcesOptions = {},
): string {
  const rows = kinds
    .filter((k) => opts.namespaced === undefined || k.namespaced === opts.namespaced)
    .filter((k) => opts.apiGroup === undefined || k.group === opts.apiGroup)
    .slice()
    .sort((a, b) => {
      if (opts.sortBy === 'name') return compare(a.resource, b.resource);
      if (opts.sortBy === 'kind') return compare(a.kind, b.kind);
      return compare(a.group, b.group) || compare(a.resource, b.resource);
    });
  if (opts.output === 'name')
    return rows.map((k) => (k.group ? `${k.resource}.${k.group}\n` : `${k.resource}\n`)).join('');
  const lines: string[][] = [];
  if (!opts.noHeaders) {
    lines.push([
      'NAME',
      'SHORTNAMES',
      'APIVERSION',
      'NAMESPACED',
      'KIND',
      ...(opts.wide ? ['VERBS', 'CATEGORIES'] : []),
    ]);
  }
  for (const k of rows) {
    const line = [k.resource, k.shortNames.join(','), k.apiVersion, String(k.namespaced), k.kind];
    if (opts.wide) {
      const d = DISCOVERY[k.kind];
      line.push((k.verbs ?? d.verbs).join(','), (k.categories ?? d.categories).join(','));
    }
    lines.push(line);
  }
  return tabwrite(lines);
}
