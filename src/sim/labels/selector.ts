/**
 * Label selectors as k8s.io/apimachinery/pkg/labels implements them: the string syntax that
 * `kubectl -l` takes (`app=web,tier!=db,env in (prod,staging),!canary`) and `metav1.LabelSelector`
 * objects (`matchLabels` + `matchExpressions`), both turned into one matcher.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export interface Selector {
  matches(labels: Record<string, string> | undefined | null): boolean;
  /** True for the selector that matches everything. */
  empty(): boolean;
  requirements(): Requirement[];
  toString(): string;
}

function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(value);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value) || r.values.length !== 1 || !/^-?\d+$/.test(r.values[0])) return false;
      const ls = BigInt(value);
      const rv = BigInt(r.values[0]);
      return r.operator === 'gt' ? ls > rv : ls < rv;
    }
  }
}

function requirementString(r: Requirement): string {
  const vals = [...r.values].sort();
  switch (r.operator) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case 'in':
      return `${r.key} in (${vals.join(',')})`;
    case 'notin':
      return `${r.key} notin (${vals.join(',')})`;
    case 'gt':
      return `${r.key}>${vals[0]}`;
    case 'lt':
      return `${r.key}<${vals[0]}`;
    default:
      return `${r.key}${r.operator}${vals[0]}`;
  }
}

function makeSelector(reqs: Requirement[], nothing = false): Selector {
  const sorted = [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    matches: (labels) => !nothing && sorted.every((r) => requirementMatches(r, labels ?? {})),
    empty: () => !nothing && sorted.length === 0,
    requirements: () => sorted.map((r) => ({ ...r, values: [...r.values] })),
    toString: () => sorted.map(requirementString).join(','),
  };
}

/** labels.Everything() */
export const everything = (): Selector => makeSelector([]);
/** labels.Nothing() */
export const nothing = (): Selector => makeSelector([], true);

/** labels.SelectorFromSet: every key equal to its value. */
export function selectorFromSet(set: Record<string, string> | undefined | null): Selector {
  return makeSelector(Object.entries(set ?? {}).map(([key, v]) => ({ key, operator: '=', values: [v] })));
}

/**
 * metav1.LabelSelectorAsSelector: nil selects nothing, an empty selector everything. Throws with
 * upstream's message for an operator it does not know.
 */
export function labelSelectorAsSelector(ls: LabelSelector | undefined | null): Selector {
  if (ls === undefined || ls === null) return nothing();
  const reqs: Requirement[] = [];
  for (const [key, v] of Object.entries(ls.matchLabels ?? {})) reqs.push({ key, operator: '=', values: [v] });
  for (const expr of ls.matchExpressions ?? []) {
    const op: Operator | undefined = (
      { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as Record<string, Operator>
    )[expr.operator];
    if (!op) throw new Error(`"${expr.operator}" is not a valid label selector operator`);
    const values = [...(expr.values ?? [])];
    // labels.NewRequirement's checks
    if ((op === 'in' || op === 'notin') && values.length === 0) {
      throw new Error(`values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty`);
    }
    if ((op === 'exists' || op === '!') && values.length > 0) {
      throw new Error(
        `values: Invalid value: []string{${values.map((v) => JSON.stringify(v)).join(', ')}}: values set must be empty for exists and does not exist`,
      );
    }
    reqs.push({ key: expr.key, operator: op, values });
  }
  return makeSelector(reqs);
}

/**
 * labels.Parse: the string syntax of `kubectl get -l`. Throws an Error whose message is what
 * kubectl prints after `error: ` (e.g. `unable to parse requirement: …`).
 */
export function parseSelector(s: string): Selector {
  const input = s.trim();
  if (input === '') return everything();
  const reqs: Requirement[] = [];
  let i = 0;
  const src = input;
  const skip = () => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };
  const ident = () => {
    skip();
    const start = i;
    while (i < src.length && !/[\s,=!()<>]/.test(src[i])) i++;
    return src.slice(start, i);
  };
  const fail = (msg: string): never => {
    throw new Error(`unable to parse requirement: ${msg}`);
  };
  while (i < src.length) {
    skip();
    let negate = false;
    if (src[i] === '!') {
      negate = true;
      i++;
    }
    const key = ident();
    if (!key) fail(`found '${src[i] ?? ''}', expected: identifier`);
    skip();
    if (negate) {
      reqs.push({ key, operator: '!', values: [] });
    } else if (i >= src.length || src[i] === ',') {
      reqs.push({ key, operator: 'exists', values: [] });
    } else {
      let op: Operator;
      if (src.startsWith('==', i)) {
        op = '==';
        i += 2;
      } else if (src.startsWith('!=', i)) {
        op = '!=';
        i += 2;
      } else if (src[i] === '=') {
        op = '=';
        i += 1;
      } else if (src[i] === '>') {
        op = 'gt';
        i += 1;
      } else if (src[i] === '<') {
        op = 'lt';
        i += 1;
      } else {
        const word = ident();
        if (word === 'in' || word === 'notin') op = word;
        else return fail(`found '${word}', expected: in, notin, =, ==, !=, gt, lt`);
      }
      if (op === 'in' || op === 'notin') {
        skip();
        if (src[i] !== '(') fail(`found '${src[i] ?? ''}', expected: '('`);
        i++;
        const values: string[] = [];
        for (;;) {
          const v = ident();
          skip();
          values.push(v);
          if (src[i] === ',') {
            i++;
            continue;
          }
          if (src[i] === ')') {
            i++;
            break;
          }
          fail(`found '${src[i] ?? ''}', expected: ',', ')' or identifier`);
        }
        reqs.push({ key, operator: op, values: values.filter((v) => v !== '' || values.length === 1) });
      } else {
        const v = ident();
        reqs.push({ key, operator: op, values: [v] });
      }
    }
    skip();
    if (i < src.length) {
      if (src[i] !== ',') fail(`found '${src[i]}', expected: ','`);
      i++;
      skip();
      if (i >= src.length) fail(`found '', expected: identifier after ','`);
    }
  }
  return makeSelector(reqs);
}
