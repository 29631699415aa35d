/**
 * A kubectl command line as the shell and pflag would see it: words split with POSIX shell
 * quoting (`'…'`, `"…"`, backslashes), then flags parsed per command as spf13/pflag does
 * (`--flag=value`, `--flag value`, `-n value`, `-nvalue`, `-oyaml`, grouped boolean shorthands,
 * `--` ends the flags). Errors carry pflag's wording, which kubectl prints after `error: `.
 */

export class UsageError extends Error {}

/**
 * Shell word splitting: whitespace separates words; single quotes keep everything; double quotes
 * keep everything but `\"`, `\\`, `\$` and `` \` ``; a backslash outside quotes escapes the next
 * character. Throws on an unterminated quote, as a shell would refuse the line.
 */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new UsageError("unexpected EOF while looking for matching `''");
      cur += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1])) j++;
        cur += line[j];
      }
      if (j >= line.length) throw new UsageError('unexpected EOF while looking for matching `"\'');
      i = j;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

export type FlagType = 'bool' | 'string' | 'int' | 'strings';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | boolean | number | string[];
  /** pflag's NoOptDefVal: the value a flag given without `=value` takes (e.g. --cascade). */
  noOptDefault?: string;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | number | string[]>;
  /** Names of the flags the user actually gave. */
  changed: Set<string>;
}

/** Flags every kubectl command accepts (the ones the sandbox honours or can ignore). */
export const globalFlags: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', default: '' },
  { name: 'help', short: 'h', type: 'bool', default: false },
  { name: 'kubeconfig', type: 'string', default: '' },
  { name: 'context', type: 'string', default: '' },
  { name: 'cluster', type: 'string', default: '' },
  { name: 'user', type: 'string', default: '' },
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'v', short: 'v', type: 'string', default: '0' },
];

function convert(spec: FlagSpec, raw: string, shown: string): string | boolean | number {
  if (spec.type === 'bool') {
    const v = raw.toLowerCase();
    if (['1', 't', 'true'].includes(v)) return true;
    if (['0', 'f', 'false'].includes(v)) return false;
    throw new UsageError(
      `invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`,
    );
  }
  if (spec.type === 'int') {
    if (!/^[+-]?\d+$/.test(raw))
      throw new UsageError(
        `invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
      );
    return Number(raw);
  }
  return raw;
}

/**
 * pflag's Parse over `words` with the command's flags plus the global ones. Unknown flags throw
 * `unknown flag: --x` / `unknown shorthand flag: 'x' in -x`; a missing value throws
 * `flag needs an argument: --x` (or `'x' in -x`).
 */
export function parseFlags(words: string[], specs: FlagSpec[]): ParsedArgs {
  const all = [...specs, ...globalFlags];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags: ParsedArgs['flags'] = {};
  for (const s of all) flags[s.name] = s.type === 'strings' ? [...((s.default as string[]) ?? [])] : (s.default ?? '');
  const changed = new Set<string>();
  const positionals: string[] = [];
  const set = (spec: FlagSpec, raw: string, shown: string) => {
    const value = convert(spec, raw, shown);
    if (spec.type === 'strings') {
      const list = changed.has(spec.name) ? (flags[spec.name] as string[]) : [];
      list.push(...raw.split(',').filter((v) => v !== ''));
      flags[spec.name] = list;
    } else flags[spec.name] = value;
    changed.add(spec.name);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') {
      positionals.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      const name = w.slice(2, eq < 0 ? undefined : eq);
      const spec = byName.get(name);
      if (!spec) throw new UsageError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, w.slice(eq + 1), name);
      else if (spec.type === 'bool') set(spec, 'true', name);
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault, name);
      else if (i + 1 < words.length) set(spec, words[++i], name);
      else throw new UsageError(`flag needs an argument: --${name}`);
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      let rest = w.slice(1);
      while (rest.length) {
        const c = rest[0];
        const spec = byShort.get(c);
        if (!spec) throw new UsageError(`unknown shorthand flag: '${c}' in -${w.slice(1)}`);
        rest = rest.slice(1);
        if (spec.type === 'bool') {
          if (rest.startsWith('=')) {
            set(spec, rest.slice(1), spec.name);
            rest = '';
          } else set(spec, 'true', spec.name);
          continue;
        }
        if (rest.length) set(spec, rest.startsWith('=') ? rest.slice(1) : rest, spec.name);
        else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault, spec.name);
        else if (i + 1 < words.length) set(spec, words[++i], spec.name);
        else throw new UsageError(`flag needs an argument: '${c}' in -${w.slice(1)}`);
        rest = '';
      }
      continue;
    }
    positionals.push(w);
  }
  return { positionals, flags, changed };
}
