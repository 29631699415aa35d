/**
 * Label selectors as k8s.io/apimachinery/pkg/labels implements them: the string syntax that
 * `kubectl -l` takes (`app=web,tier!=db,env in (prod,staging),!canary`), parsed by a port of
 * upstream's lexer and recursive-descent parser so that bad input fails with upstream's message,
 * and `metav1.LabelSelector` objects (`matchLabels` + `matchExpressions`), both turned into one
 * matcher. Field selectors (`kubectl --field-selector`) follow apimachinery/pkg/fields.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { fieldErrorMessage, goQuote, invalid, notSupported, type FieldError } from '../apiserver/field';
import { isQualifiedName, isValidLabelValue } from './validation';

/** selection.Operator values, spelled as upstream spells them. */
export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

const binaryOperators: Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const validRequirementOperators: Operator[] = [...binaryOperators, 'exists', '!'];

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export interface Selector {
  matches(labels: Record<string, string> | undefined | null): boolean;
  /** True for the selector that matches everything (labels.Selector.Empty). */
  empty(): boolean;
  /** The requirements, sorted by key; empty for Everything and Nothing. */
  requirements(): Requirement[];
  toString(): string;
}

/**
 * errors.NewAggregate(errs).Error(): one message alone, several deduplicated inside `[a, b]`.
 */
export function aggregateMessage(messages: string[]): string {
  if (messages.length === 1) return messages[0];
  const seen = [...new Set(messages)];
  return seen.length === 1 ? seen[0] : `[${seen.join(', ')}]`;
}

/** Go's `%#v` for a []string; `undefined` stands for a nil slice. */
function goStringSlice(values: string[] | undefined): { go: string } {
  return { go: values === undefined ? '[]string(nil)' : `[]string{${values.map(goQuote).join(', ')}}` };
}

function joinPath(path: string | undefined, child: string): string {
  return path ? `${path}.${child}` : child;
}

/** Invalid with the value rendered as Go's %#v of a string slice. */
function invalidSlice(field: string, values: string[] | undefined, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, badValue: goStringSlice(values), detail };
}

function isInt64(s: string): boolean {
  if (!/^[+-]?[0-9]+$/.test(s)) return false;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n;
}

/**
 * labels.NewRequirement: the requirement and the field errors upstream would aggregate. `path`
 * is the field.PathOption (absent in labels.Parse and LabelSelectorAsSelector). `values`
 * undefined stands for a nil slice (it only changes how the bad value is printed).
 */
export function newRequirement(
  key: string,
  operator: Operator,
  values: string[] | undefined,
  path?: string,
): { requirement: Requirement; errors: FieldError[] } {
  const errs: FieldError[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) errs.push(invalid(joinPath(path, 'key'), key, keyErrs.join('; ')));
  const vals = values ?? [];
  const valuePath = joinPath(path, 'values');
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0)
        errs.push(invalidSlice(valuePath, values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1)
        errs.push(invalidSlice(valuePath, values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0)
        errs.push(invalidSlice(valuePath, values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1)
        errs.push(invalidSlice(valuePath, values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (!isInt64(v))
          errs.push(invalid(`${valuePath}[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
    default:
      errs.push(notSupported(joinPath(path, 'operator'), operator, validRequirementOperators));
  }
  vals.forEach((v, i) => {
    const valErrs = isValidLabelValue(v);
    if (valErrs.length) errs.push(invalid(`${valuePath}[${i}][${key}]`, v, valErrs.join('; ')));
  });
  return { requirement: { key, operator, values: [...vals] }, errors: errs };
}

/** Like labels.NewRequirement's error return: throws the aggregate message. */
function mustRequirement(key: string, operator: Operator, values: string[] | undefined, path?: string): Requirement {
  const { requirement, errors } = newRequirement(key, operator, values, path);
  if (errors.length) throw new Error(aggregateMessage(errors.map(fieldErrorMessage)));
  return requirement;
}

/** Requirement.Matches */
export function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
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
      if (!has || !isInt64(value) || r.values.length !== 1 || !isInt64(r.values[0])) return false;
      const ls = BigInt(value);
      const rv = BigInt(r.values[0]);
      return r.operator === 'gt' ? ls > rv : ls < rv;
    }
  }
}

/** Requirement.String: values sorted, `in`/`notin` in parentheses. */
export function requirementString(r: Requirement): string {
  const prefix = r.operator === '!' ? '!' : '';
  const op = (
    { '=': '=', '==': '==', '!=': '!=', in: ' in ', notin: ' notin ', gt: '>', lt: '<' } as Record<string, string>
  )[r.operator];
  if (op === undefined) return `${prefix}${r.key}`;
  const vals = r.values.length === 1 ? r.values[0] : [...r.values].sort().join(',');
  return r.operator === 'in' || r.operator === 'notin' ? `${r.key}${op}(${vals})` : `${r.key}${op}${vals}`;
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

/** labels.SelectorFromSet: every key equal to its value; nil or empty selects everything. */
export function selectorFromSet(set: Record<string, string> | undefined | null): Selector {
  return makeSelector(Object.entries(set ?? {}).map(([key, v]) => ({ key, operator: '=', values: [v] })));
}

/** labels.ValidatedSelectorFromSet: like selectorFromSet, but throws NewRequirement's error. */
export function validatedSelectorFromSet(set: Record<string, string> | undefined | null): Selector {
  const keys = Object.keys(set ?? {}).sort();
  return makeSelector(keys.map((k) => mustRequirement(k, '=', [set![k]])));
}

const labelSelectorOperators: Record<string, Operator> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/**
 * metav1.LabelSelectorAsSelector: nil selects nothing, an empty selector everything. Throws with
 * upstream's message for an operator it does not know or a requirement NewRequirement refuses.
 * (Go walks matchLabels in map order; we walk the keys sorted, so the first error is stable.)
 */
export function labelSelectorAsSelector(ls: LabelSelector | undefined | null): Selector {
  if (ls === undefined || ls === null) return nothing();
  const matchLabels = ls.matchLabels ?? {};
  const exprs = ls.matchExpressions ?? [];
  if (Object.keys(matchLabels).length + exprs.length === 0) return everything();
  const reqs: Requirement[] = [];
  for (const key of Object.keys(matchLabels).sort()) reqs.push(mustRequirement(key, '=', [matchLabels[key]]));
  for (const expr of exprs) {
    const op = labelSelectorOperators[expr.operator];
    if (!op) throw new Error(`${goQuote(expr.operator ?? '')} is not a valid label selector operator`);
    // append([]string(nil), expr.Values...) is nil when there are no values.
    const values = expr.values && expr.values.length > 0 ? [...expr.values] : undefined;
    reqs.push(mustRequirement(expr.key, op, values));
  }
  return makeSelector(reqs);
}

// ---- labels.Parse: lexer ------------------------------------------------------------------

type Token =
  | 'Error'
  | 'EndOfString'
  | 'ClosedPar'
  | 'Comma'
  | 'DoesNotExist'
  | 'DoubleEquals'
  | 'Equals'
  | 'GreaterThan'
  | 'Identifier'
  | 'In'
  | 'LessThan'
  | 'NotEquals'
  | 'NotIn'
  | 'OpenPar';

const string2token: Record<string, Token> = {
  ')': 'ClosedPar',
  ',': 'Comma',
  '!': 'DoesNotExist',
  '==': 'DoubleEquals',
  '=': 'Equals',
  '>': 'GreaterThan',
  in: 'In',
  '<': 'LessThan',
  '!=': 'NotEquals',
  notin: 'NotIn',
  '(': 'OpenPar',
};

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string) => '=!(),><'.includes(ch) && ch !== '';

interface ScannedItem {
  tok: Token;
  literal: string;
}

/** Lexer.Lex over the whole input (Parser.scan). Works on UTF-16 units; specials are ASCII. */
function scan(s: string): ScannedItem[] {
  const items: ScannedItem[] = [];
  let pos = 0;
  const read = () => (pos < s.length ? s[pos++] : '');
  for (;;) {
    let ch = read();
    while (ch !== '' && isWhitespace(ch)) ch = read();
    if (ch === '') {
      items.push({ tok: 'EndOfString', literal: '' });
      return items;
    }
    pos--;
    if (isSpecialSymbol(ch)) {
      // scanSpecialSymbol: the longest run of specials that is still a token.
      let buffer = '';
      let last: ScannedItem | undefined;
      for (;;) {
        const c = read();
        if (c === '') break;
        if (isSpecialSymbol(c)) {
          buffer += c;
          const t = string2token[buffer];
          if (t) last = { tok: t, literal: buffer };
          else if (last) {
            pos--;
            break;
          }
        } else {
          pos--;
          break;
        }
      }
      items.push(last ?? { tok: 'Error', literal: `error expected: keyword found '${buffer}'` });
    } else {
      // scanIDOrKeyword
      let buffer = '';
      for (;;) {
        const c = read();
        if (c === '') break;
        if (isSpecialSymbol(c) || isWhitespace(c)) {
          pos--;
          break;
        }
        buffer += c;
      }
      items.push({ tok: string2token[buffer] ?? 'Identifier', literal: buffer });
    }
  }
}

type Context = 'KeyAndOperator' | 'Values';

class Parser {
  private position = 0;
  constructor(private readonly items: ScannedItem[]) {}

  private at(i: number, context: Context): [Token, string] {
    const { tok, literal } = this.items[i];
    if (context === 'Values' && (tok === 'In' || tok === 'NotIn')) return ['Identifier', literal];
    return [tok, literal];
  }
  lookahead(context: Context): [Token, string] {
    return this.at(this.position, context);
  }
  consume(context: Context): [Token, string] {
    this.position++;
    return this.at(this.position - 1, context);
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const [tok, lit] = this.lookahead('Values');
      switch (tok) {
        case 'Identifier':
        case 'DoesNotExist': {
          let r: Requirement;
          try {
            r = this.parseRequirement();
          } catch (e) {
            throw new Error(`unable to parse requirement: ${(e as Error).message}`, { cause: e });
          }
          requirements.push(r);
          const [t, l] = this.consume('Values');
          if (t === 'EndOfString') return requirements;
          if (t === 'Comma') {
            const [t2, l2] = this.lookahead('Values');
            if (t2 !== 'Identifier' && t2 !== 'DoesNotExist') {
              throw new Error(`found '${l2}', expected: identifier after ','`);
            }
            break;
          }
          throw new Error(`found '${l}', expected: ',' or 'end of string'`);
        }
        case 'EndOfString':
          return requirements;
        default:
          throw new Error(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const [key, inferred] = this.parseKeyAndInferOperator();
    if (inferred === 'exists' || inferred === '!') return mustRequirement(key, inferred, []);
    const operator = this.parseOperator();
    const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue();
    // sets.String.List(): sorted, without duplicates.
    return mustRequirement(key, operator, [...values].sort());
  }

  private parseKeyAndInferOperator(): [string, Operator | undefined] {
    let operator: Operator | undefined;
    let [tok, literal] = this.consume('Values');
    if (tok === 'DoesNotExist') {
      operator = '!';
      [tok, literal] = this.consume('Values');
    }
    if (tok !== 'Identifier') throw new Error(`found '${literal}', expected: identifier`);
    const keyErrs = isQualifiedName(literal);
    if (keyErrs.length) {
      // validateLabelKey with the parser's nil path: field.Path(nil).String() is "<nil>".
      throw new Error(fieldErrorMessage(invalid('<nil>', literal, keyErrs.join('; '))));
    }
    const [t] = this.lookahead('Values');
    if ((t === 'EndOfString' || t === 'Comma') && operator !== '!') operator = 'exists';
    return [literal, operator];
  }

  private parseOperator(): Operator {
    const [tok, lit] = this.consume('KeyAndOperator');
    const op = (
      {
        In: 'in',
        Equals: '=',
        DoubleEquals: '==',
        GreaterThan: 'gt',
        LessThan: 'lt',
        NotIn: 'notin',
        NotEquals: '!=',
      } as Partial<Record<Token, Operator>>
    )[tok];
    if (!op) throw new Error(`found '${lit}', expected: ${binaryOperators.join(', ')}`);
    return op;
  }

  private parseValues(): Set<string> {
    let [tok, lit] = this.consume('Values');
    if (tok !== 'OpenPar') throw new Error(`found '${lit}' expected: '('`);
    [tok, lit] = this.lookahead('Values');
    switch (tok) {
      case 'Identifier':
      case 'Comma': {
        const s = this.parseIdentifiersList();
        const [closing] = this.consume('Values');
        if (closing !== 'ClosedPar') throw new Error(`found '${lit}', expected: ')'`);
        return s;
      }
      case 'ClosedPar':
        this.consume('Values');
        return new Set(['']);
      default:
        throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
    }
  }

  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const [tok, lit] = this.consume('Values');
      if (tok === 'Identifier') {
        s.add(lit);
        const [tok2, lit2] = this.lookahead('Values');
        if (tok2 === 'Comma') continue;
        if (tok2 === 'ClosedPar') return s;
        throw new Error(`found '${lit2}', expected: ',' or ')'`);
      } else if (tok === 'Comma') {
        if (s.size === 0) s.add('');
        const [tok2] = this.lookahead('Values');
        if (tok2 === 'ClosedPar') {
          s.add('');
          return s;
        }
        if (tok2 === 'Comma') {
          this.consume('Values');
          s.add('');
        }
      } else {
        throw new Error(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): Set<string> {
    const [next] = this.lookahead('Values');
    if (next === 'EndOfString' || next === 'Comma') return new Set(['']);
    const [tok, lit] = this.consume('Values');
    if (tok === 'Identifier') return new Set([lit]);
    throw new Error(`found '${lit}', expected: identifier`);
  }
}

/**
 * labels.Parse: the string syntax of `kubectl get -l`. Throws an Error whose message is
 * upstream's (e.g. `unable to parse requirement: found '', expected: in, notin, =, ==, !=, gt, lt`).
 */
export function parseSelector(s: string): Selector {
  return makeSelector(new Parser(scan(s)).parse());
}

// ---- fields.ParseSelector -------------------------------------------------------------------

export interface FieldRequirement {
  field: string;
  operator: '=' | '==' | '!=';
  value: string;
}

export interface FieldSelector {
  matches(obj: object | undefined | null): boolean;
  empty(): boolean;
  requirements(): FieldRequirement[];
  toString(): string;
}

/** fields.splitTerms: commas split terms unless backslash-escaped. */
function splitTerms(s: string): string[] {
  if (s.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

/** fields.UnescapeValue, with InvalidEscapeSequence and UnescapedRune (a rune prints as its code, `%v`). */
function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c === '\\' || c === ',' || c === '=') out += c;
      else throw new Error(`invalid field selector: invalid escape sequence: \\${c}`);
      inSlash = false;
      continue;
    }
    if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=')
      throw new Error(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else out += c;
  }
  if (inSlash) throw new Error('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** fields.EscapeValue */
function escapeValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/**
 * Selectable fields whose value is not the object's field at the same path: booleans and counters
 * are rendered even when absent (pods' spec.hostNetwork, nodes' spec.unschedulable), Jobs'
 * `status.successful` reads status.succeeded, Events' `source` is source.component.
 */
const derivedFields: Record<string, { path: string; absent: string }> = {
  'spec.hostNetwork': { path: 'spec.hostNetwork', absent: 'false' },
  'spec.unschedulable': { path: 'spec.unschedulable', absent: 'false' },
  'status.successful': { path: 'status.succeeded', absent: '0' },
  source: { path: 'source.component', absent: '' },
};

/** The value a field selector compares an object's field with, as the API server's field sets render it. */
export function fieldValue(obj: object | undefined | null, field: string): string {
  const { path, absent } = derivedFields[field] ?? { path: field, absent: '' };
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return absent;
    cur = (cur as Record<string, unknown>)[part];
  }
  if (typeof cur === 'string') return cur;
  if (typeof cur === 'number' || typeof cur === 'boolean') return String(cur);
  return absent;
}

/**
 * fields.ParseSelector: `a=b`, `a==b`, `a!=b`, comma-separated, with `\,` `\=` `\\` escapes in
 * values. Throws upstream's message (`invalid selector: 'x'; can't understand 'x'`).
 */
export function parseFieldSelector(selector: string): FieldSelector {
  const parts = splitTerms(selector).sort();
  const reqs: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    let found: FieldRequirement | undefined;
    outer: for (let i = 0; i < part.length; i++) {
      for (const op of ['!=', '==', '='] as const) {
        if (part.startsWith(op, i)) {
          found = { field: part.slice(0, i), operator: op, value: unescapeValue(part.slice(i + op.length)) };
          break outer;
        }
      }
    }
    if (!found) throw new Error(`invalid selector: '${selector}'; can't understand '${part}'`);
    reqs.push(found);
  }
  return {
    matches: (obj) =>
      reqs.every((r) =>
        r.operator === '!=' ? fieldValue(obj, r.field) !== r.value : fieldValue(obj, r.field) === r.value,
      ),
    empty: () => reqs.length === 0,
    requirements: () => reqs.map((r) => ({ ...r })),
    toString: () => reqs.map((r) => `${r.field}${r.operator === '!=' ? '!=' : '='}${escapeValue(r.value)}`).join(','),
  };
}

/**
 * The field labels the API server accepts in a field selector per kind (pkg/registry/*
 * GetAttrs / AddFieldLabelConversionFunc for v1 and batch/v1, apps/v1); every kind accepts
 * metadata.name and metadata.namespace.
 */
export const fieldLabels: Record<string, string[]> = {
  Pod: [
    'metadata.name',
    'metadata.namespace',
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  Node: ['metadata.name', 'spec.unschedulable'],
  Job: ['metadata.name', 'metadata.namespace', 'status.successful'],
  Event: [
    'metadata.name',
    'metadata.namespace',
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
};

/**
 * The API server's refusal of a field label the kind does not support (`field label not
 * supported: spec.foo`), or undefined when every label is supported.
 */
export function unsupportedFieldLabel(kind: string, selector: FieldSelector): string | undefined {
  const allowed = fieldLabels[kind] ?? ['metadata.name', 'metadata.namespace'];
  const bad = selector.requirements().find((r) => !allowed.includes(r.field));
  return bad ? `field label not supported: ${bad.field}` : undefined;
}
