/**
 * resource.Quantity as far as validation and QoS need it: parsing with the API's grammar
 * (`^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$`), exact comparison, and the Pod QoS class
 * (pkg/apis/core/helper/qos GetPodQOS) that PrepareForCreate stores in `status.qosClass`.
 */
import type { PodSpec } from 'kubernetes-types/core/v1';

/** resource.ErrFormatWrong's text, which the API server returns for a malformed quantity. */
export const quantityFormatError =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const binary: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const decimal: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** A parsed quantity: value = num / den exactly. */
export interface Quantity {
  num: bigint;
  den: bigint;
}

/** Parses a quantity as resource.ParseQuantity does; undefined when the text is not a quantity. */
export function parseQuantity(input: string | number): Quantity | undefined {
  const s = typeof input === 'number' ? String(input) : input;
  const m = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(s);
  if (!m) return undefined;
  const [, numStr, suffix] = m;
  if ((numStr.match(/\./g) ?? []).length > 1 || !/[0-9]/.test(numStr)) return undefined;
  const neg = numStr.startsWith('-');
  const digits = numStr.replace(/^[+-]/, '');
  const [intPart, fracPart = ''] = digits.split('.');
  let num = BigInt((intPart || '0') + fracPart);
  let den = 10n ** BigInt(fracPart.length);
  if (neg) num = -num;
  if (suffix in binary) num *= 2n ** BigInt(binary[suffix]);
  else if (suffix in decimal) {
    const e = decimal[suffix];
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
  } else {
    const em = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
    if (!em) return undefined;
    const e = Number(em[1]);
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
  }
  return { num, den };
}

/** Compares two quantities: -1, 0 or 1. */
export function compareQuantity(a: Quantity, b: Quantity): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function isNegative(q: Quantity): boolean {
  return q.num < 0n;
}

/** Whether the quantity is a whole number (for hugepages and extended resources). */
export function isInteger(q: Quantity): boolean {
  return q.num % q.den === 0n;
}

/** Resources that count towards QoS (GetPodQOS only looks at cpu and memory). */
const qosResources = ['cpu', 'memory'];

/**
 * GetPodQOS: Guaranteed when every container sets cpu and memory limits and its requests equal
 * them; BestEffort when no container sets any cpu/memory request or limit; Burstable otherwise.
 */
export function podQOSClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  // No container asks for anything: BestEffort, without the arithmetic.
  const sets = (cs: PodSpec['containers'] | undefined) =>
    (cs ?? []).some((c) => c.resources?.requests || c.resources?.limits);
  if (!sets(spec.containers) && !sets(spec.initContainers)) return 'BestEffort';
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let isGuaranteed = true;
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  for (const c of containers) {
    const seenLimits = new Set<string>();
    for (const [name, v] of Object.entries(c.resources?.requests ?? {})) {
      if (!qosResources.includes(name)) continue;
      const q = parseQuantity(v);
      if (!q || q.num === 0n) continue;
      const prev = requests.get(name);
      requests.set(name, prev ? { num: prev.num * q.den + q.num * prev.den, den: prev.den * q.den } : q);
    }
    for (const [name, v] of Object.entries(c.resources?.limits ?? {})) {
      if (!qosResources.includes(name)) continue;
      const q = parseQuantity(v);
      if (!q || q.num === 0n) continue;
      seenLimits.add(name);
      const prev = limits.get(name);
      limits.set(name, prev ? { num: prev.num * q.den + q.num * prev.den, den: prev.den * q.den } : q);
    }
    if (!qosResources.every((r) => seenLimits.has(r))) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantity(lim, req) !== 0) {
        isGuaranteed = false;
        break;
      }
    }
  }
  if (isGuaranteed && requests.size === limits.size) return 'Guaranteed';
  return 'Burstable';
}

const decimalSuffixes: Record<number, string> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};
const binarySuffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** Rounds up (away from zero for positives, as Quantity.RoundUp) to 10^scale. */
function roundUpToScale(q: Quantity, scale: number): Quantity {
  const unitDen = scale < 0 ? 10n ** BigInt(-scale) : 1n;
  const unitNum = scale > 0 ? 10n ** BigInt(scale) : 1n;
  // value / unit = q.num * unitDen / (q.den * unitNum)
  const n = q.num * unitDen;
  const d = q.den * unitNum;
  let whole = n / d;
  if (n % d !== 0n && n > 0n) whole += 1n;
  return { num: whole * unitNum, den: unitDen };
}

export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

/** The format a quantity's text implies: its suffix binary (`Ki`…), an exponent, or decimal. */
export function quantityFormat(text: string | number): QuantityFormat {
  const suffix = /^[+-]?[0-9.]+(.*)$/.exec(String(text))?.[1] ?? '';
  return suffix in binary ? 'BinarySI' : /^[eE]/.test(suffix) ? 'DecimalExponent' : 'DecimalSI';
}

/**
 * Quantity.String() of an exact value in a format: binary when it is a whole multiple of 1024,
 * else the largest multiple-of-3 decimal exponent that keeps the (nano-rounded-up) mantissa whole.
 */
export function formatQuantity(value: Quantity, format: QuantityFormat): string {
  const q = roundUpToScale(value, -9);
  if (q.num === 0n) return '0';
  if (format === 'BinarySI') {
    const isInt = q.num % q.den === 0n;
    const v = isInt ? q.num / q.den : 0n;
    if (!isInt || (v > -1024n && v < 1024n)) format = 'DecimalSI';
    else {
      let k = 0;
      let m = v;
      while (k < 6 && m % 1024n === 0n) {
        m /= 1024n;
        k++;
      }
      return `${m}${binarySuffixes[k]}`;
    }
  }
  let exp = -9;
  let mant = (q.num * 10n ** 9n) / q.den;
  while (exp < 18 && mant % 1000n === 0n) {
    mant /= 1000n;
    exp += 3;
  }
  if (format === 'DecimalExponent') return exp === 0 ? `${mant}` : `${mant}e${exp}`;
  return `${mant}${decimalSuffixes[exp]}`;
}

/**
 * resource.Quantity.String(): the canonical text the API server returns, e.g. `0.5` → `500m`,
 * `1024Mi` → `1Gi`, `1536Mi` stays, `1000` → `1k`. `roundToMilli` applies SetDefaults_ResourceList's
 * round-up to milli units first. Malformed input is returned unchanged.
 */
export function canonicalQuantity(input: string | number, roundToMilli = false): string {
  const text = String(input);
  const q = parseQuantity(text);
  if (!q) return text;
  return formatQuantity(roundUpToScale(q, roundToMilli ? -3 : -9), quantityFormat(text));
}
