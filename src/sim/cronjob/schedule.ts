/**
 * Cron schedules exactly as Kubernetes reads them: a port of robfig/cron v3's `ParseStandard`
 * (parser.go) and `SpecSchedule.Next` / `ConstantDelaySchedule.Next` (spec.go, constantdelay.go),
 * with its error strings, which the API server returns verbatim in
 * `spec.schedule: Invalid value: "…": <error>`.
 *
 * Why not cron-parser alone: it accepts what Kubernetes rejects (a sixth seconds field, `L`, `H`,
 * day-of-week 7, `@minutely`, `@weekdays`) and rejects what Kubernetes accepts (`@midnight`,
 * `@every 90s`). test/sim/cronjob/schedule.test.ts shows each difference against cron-parser.
 *
 * Time zones: a schedule is evaluated on the wall clock of its location (spec.timeZone, else the
 * controller manager's zone, UTC in the sandbox), with robfig's handling of DST gaps and overlaps.
 */

export interface Schedule {
  /** The first activation strictly after `after` (at whole seconds), or undefined if none within 5 years. */
  next(after: Date): Date | undefined;
}

export type ParseResult = { ok: true; schedule: Schedule } | { ok: false; error: string };

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const seconds: Bounds = { min: 0, max: 59 };
const minutes: Bounds = { min: 0, max: 59 };
const hours: Bounds = { min: 0, max: 23 };
const dom: Bounds = { min: 1, max: 31 };
const months: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
};
const dow: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** robfig's starBit: set when a field was `*` or `?` (with step 1), for the day-of-month/day-of-week rule. */
const STAR = 1n << 63n;

class CronError extends Error {}

function getBits(min: number, max: number, step: number): bigint {
  let bits = 0n;
  if (step === 1) return ~(~0n << BigInt(max + 1)) & (~0n << BigInt(min)) & ((1n << 64n) - 1n);
  for (let i = min; i <= max; i += step) bits |= 1n << BigInt(i);
  return bits;
}

function all(r: Bounds): bigint {
  return getBits(r.min, r.max, 1) | STAR;
}

const maxInt64 = 9223372036854775807n;

/** strconv.Atoi with robfig's mustParseInt messages. */
function mustParseInt(expr: string): number {
  const fail = (why: string) =>
    new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: ${why}`);
  if (!/^[+-]?\d+$/.test(expr)) throw fail('invalid syntax');
  const big = BigInt(expr);
  if (big > maxInt64 || big < -maxInt64 - 1n) throw fail('value out of range');
  const num = Number(big);
  if (num < 0) throw new CronError(`negative number (${num}) not allowed: ${expr}`);
  return num;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  if (names) {
    const named = names[expr.toLowerCase()];
    if (named !== undefined) return named;
  }
  return mustParseInt(expr);
}

/** parser.go getRange: `*`, `?`, `n`, `a-b`, each optionally `/step`. */
function getRange(expr: string, r: Bounds): bigint {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let step: number;
  let extra = 0n;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
    extra = STAR;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  if (rangeAndStep.length === 1) step = 1;
  else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    if (singleDigit) end = r.max; // "N/step" means "N-max/step"
    if (step > 1) extra = 0n;
  } else throw new CronError(`too many slashes: ${expr}`);

  if (start < r.min) throw new CronError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
  return getBits(start, end, step) | extra;
}

/** parser.go getField: a comma-separated list of ranges. */
function getField(field: string, r: Bounds): bigint {
  let bits = 0n;
  for (const expr of field.split(',').filter((s) => s !== '')) bits |= getRange(expr, r);
  return bits;
}

interface Spec {
  second: bigint;
  minute: bigint;
  hour: bigint;
  dom: bigint;
  month: bigint;
  dow: bigint;
}

/** Go's time.ParseDuration, for `@every`. Returns nanoseconds as a bigint. */
export function parseGoDuration(s: string): bigint {
  const orig = s;
  const quote = JSON.stringify(orig);
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw new Error(`time: invalid duration ${quote}`);
  const units: Record<string, bigint> = {
    ns: 1n,
    us: 1000n,
    µs: 1000n,
    μs: 1000n,
    ms: 1000000n,
    s: 1000000000n,
    m: 60000000000n,
    h: 3600000000000n,
  };
  let total = 0n;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if ((m[1] ?? '') === '' && (m[2] === undefined || m[2] === '')) throw new Error(`time: invalid duration ${quote}`);
    s = s.slice(m[0].length);
    const u = /^[^\d.]*/.exec(s)![0];
    if (u === '') throw new Error(`time: missing unit in duration ${quote}`);
    const unit = units[u];
    if (unit === undefined) throw new Error(`time: unknown unit ${JSON.stringify(u)} in duration ${quote}`);
    s = s.slice(u.length);
    const whole = BigInt(m[1] || '0') * unit;
    let frac = 0n;
    if (m[2]) frac = (BigInt(m[2]) * unit) / 10n ** BigInt(m[2].length);
    total += whole + frac;
    if (total > maxInt64) throw new Error(`time: invalid duration ${quote}`);
  }
  return neg ? -total : total;
}

/** Resolves whether Go's time.LoadLocation would load this name (IANA database, case-sensitive). */
export function validateTimeZone(tz: string): boolean {
  if (tz === 'UTC' || tz === '' || tz === 'Local') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    return false;
  }
  // Intl matches names case-insensitively; Go reads files named exactly like the zone.
  const known = supportedZones();
  if (known.has(tz)) return true;
  const lower = tz.toLowerCase();
  for (const z of known) if (z.toLowerCase() === lower) return false;
  return tz.split('/').every((part) => /^[A-Z]/.test(part));
}

let zones: Set<string> | undefined;
function supportedZones(): Set<string> {
  if (!zones) {
    const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
    zones = new Set(intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : []);
  }
  return zones;
}

/**
 * Parses like `cron.ParseStandard` (5 fields or a descriptor, optional `TZ=`/`CRON_TZ=` prefix).
 * A `timeZone` (spec.timeZone) is read as the controller does, as a `TZ=<timeZone> ` prefix: a
 * zone Go cannot load is robfig's `provided bad location` error; '' and 'Local' mean the
 * controller manager's zone, UTC here.
 */
export function parseSchedule(spec: string, timeZone?: string): ParseResult {
  try {
    const zone = timeZone === undefined || timeZone === '' || timeZone === 'Local' ? 'UTC' : timeZone;
    if (!validateTimeZone(zone)) throw new CronError(`provided bad location ${zone}: unknown time zone ${zone}`);
    return { ok: true, schedule: parse(spec, zone) };
  } catch (e) {
    if (e instanceof CronError) return { ok: false, error: e.message };
    throw e;
  }
}

function parse(spec: string, defaultZone: string): Schedule {
  if (spec.length === 0) throw new CronError('empty spec string');
  let zone = defaultZone;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    const name = i < 0 ? spec.slice(eq + 1) : spec.slice(eq + 1, i);
    if (i < 0 || !validateTimeZone(name)) {
      throw new CronError(`provided bad location ${name}: unknown time zone ${name}`);
    }
    zone = name === 'Local' ? defaultZone : name;
    spec = spec.slice(i).trim();
  }
  if (spec.startsWith('@')) return parseDescriptor(spec, zone);
  const fields = spec.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) {
    throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  }
  const s: Spec = {
    second: getField('0', seconds),
    minute: getField(fields[0], minutes),
    hour: getField(fields[1], hours),
    dom: getField(fields[2], dom),
    month: getField(fields[3], months),
    dow: getField(fields[4], dow),
  };
  return specSchedule(s, zone);
}

function parseDescriptor(descriptor: string, zone: string): Schedule {
  const one = (r: Bounds) => 1n << BigInt(r.min);
  const base = { second: one(seconds), minute: one(minutes), hour: one(hours) };
  switch (descriptor) {
    case '@yearly':
    case '@annually':
      return specSchedule({ ...base, dom: one(dom), month: one(months), dow: all(dow) }, zone);
    case '@monthly':
      return specSchedule({ ...base, dom: one(dom), month: all(months), dow: all(dow) }, zone);
    case '@weekly':
      return specSchedule({ ...base, dom: all(dom), month: all(months), dow: one(dow) }, zone);
    case '@daily':
    case '@midnight':
      return specSchedule({ ...base, dom: all(dom), month: all(months), dow: all(dow) }, zone);
    case '@hourly':
      return specSchedule({ ...base, hour: all(hours), dom: all(dom), month: all(months), dow: all(dow) }, zone);
  }
  const every = '@every ';
  if (descriptor.startsWith(every)) {
    let ns: bigint;
    try {
      ns = parseGoDuration(descriptor.slice(every.length));
    } catch (e) {
      throw new CronError(`failed to parse duration ${descriptor}: ${(e as Error).message}`);
    }
    return constantDelay(ns);
  }
  throw new CronError(`unrecognized descriptor: ${descriptor}`);
}

/** constantdelay.go: Every(d) rounds down to whole seconds, at least 1 s; Next(t) = t + delay - t's sub-second part. */
function constantDelay(ns: bigint): Schedule {
  const second = 1000000000n;
  let d = ns < second ? second : ns;
  d -= d % second;
  const delayMs = Number(d / 1000000n);
  return {
    next(after: Date) {
      const t = after.getTime();
      return new Date(t + delayMs - (((t % 1000) + 1000) % 1000));
    },
  };
}

// ---- wall-clock arithmetic in a zone, as Go's time package does it ----

interface Wall {
  y: number;
  mo: number; // 1-12
  d: number;
  h: number;
  mi: number;
  s: number;
  wd: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function offsetMs(zone: string, instant: number): number {
  if (zone === 'UTC') return 0;
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(instant))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUTC = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUTC - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The UTC offset of `zone` at `instant`, in milliseconds (what Go's `t.In(loc).Zone()` reports). */
export function zoneOffsetMs(zone: string, instant: number): number {
  return zone === '' ? 0 : offsetMs(zone, instant);
}

function wall(zone: string, instant: number): Wall {
  const d = new Date(instant + offsetMs(zone, instant));
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    wd: d.getUTCDay(),
  };
}

/** time.Date(y, mo, d, h, mi, s, 0, loc) with Go's normalisation and its choice of offset in gaps and overlaps. */
function date(zone: string, y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const unix = Date.UTC(y, mo - 1, d, h, mi, s);
  const offset = offsetMs(zone, unix);
  if (offset === 0) return unix;
  const utc = unix - offset;
  const real = offsetMs(zone, utc);
  return unix - real;
}

/** A field's bits as a lookup table (index = value), so matching costs no BigInt arithmetic. */
function table(bits: bigint, max: number): Uint8Array {
  const t = new Uint8Array(max + 1);
  for (let i = 0; i <= max; i++) t[i] = (bits >> BigInt(i)) & 1n ? 1 : 0;
  return t;
}

/** The first value at or after `from` that the table matches, else -1. */
function nextIn(t: Uint8Array, from: number): number {
  for (let i = from; i < t.length; i++) if (t[i]) return i;
  return -1;
}

/**
 * spec.go's Next, step for step, with one shortcut: where robfig adds a second (or a minute) at a
 * time until the field matches or wraps to 0, we add the whole run of non-matching seconds
 * (minutes) at once when the zone's offset is the same at both ends, which is the same result.
 */
function specSchedule(s: Spec, zone: string): Schedule {
  const sec = table(s.second, 59);
  const min = table(s.minute, 59);
  const hour = table(s.hour, 23);
  const dom = table(s.dom, 31);
  const month = table(s.month, 12);
  const dow = table(s.dow, 6);
  const star = (s.dom & STAR) > 0n || (s.dow & STAR) > 0n;
  // spec.go dayMatches: if either field is a star, both must match; otherwise either may.
  const dayMatches = (w: Wall) => (star ? dom[w.d] && dow[w.wd] : dom[w.d] || dow[w.wd]);
  // The controller asks for the same few times on every sync: remember the latest answers.
  const memo = new Map<number, number | undefined>();
  const schedule = {
    next(after: Date) {
      const key = after.getTime();
      if (memo.has(key)) {
        const m = memo.get(key);
        return m === undefined ? undefined : new Date(m);
      }
      if (memo.size >= 64) memo.clear();
      const r = schedule.compute(after);
      memo.set(key, r?.getTime());
      return r;
    },
    compute(after: Date): Date | undefined {
      // Start at the earliest possible time (the upcoming second).
      const ms = after.getTime();
      let t = ms + 1000 - (((ms % 1000) + 1000) % 1000);
      let added = false;
      const yearLimit = wall(zone, t).y + 5;
      wrap: for (;;) {
        let w = wall(zone, t);
        if (w.y > yearLimit) return undefined;
        while (!month[w.mo]) {
          if (!added) {
            added = true;
            t = date(zone, w.y, w.mo, 1, 0, 0, 0);
            w = wall(zone, t);
          }
          t = date(zone, w.y, w.mo + 1, w.d, w.h, w.mi, w.s);
          w = wall(zone, t);
          if (w.mo === 1) continue wrap;
        }
        while (!dayMatches(w)) {
          if (!added) {
            added = true;
            t = date(zone, w.y, w.mo, w.d, 0, 0, 0);
            w = wall(zone, t);
          }
          t = date(zone, w.y, w.mo, w.d + 1, w.h, w.mi, w.s);
          w = wall(zone, t);
          // Notice if the hour is no longer midnight due to DST.
          if (w.h !== 0) {
            t += (w.h > 12 ? 24 - w.h : -w.h) * 3600_000;
            w = wall(zone, t);
          }
          if (w.d === 1) continue wrap;
        }
        while (!hour[w.h]) {
          if (!added) {
            added = true;
            t = date(zone, w.y, w.mo, w.d, w.h, 0, 0);
          }
          t += 3600_000;
          w = wall(zone, t);
          if (w.h === 0) continue wrap;
        }
        while (!min[w.mi]) {
          if (!added) {
            added = true;
            t -= ((t % 60_000) + 60_000) % 60_000;
          }
          const to = nextIn(min, w.mi);
          const steps = to < 0 ? 60 - w.mi : to - w.mi;
          const jumped = t + steps * 60_000;
          const w2 = wall(zone, jumped);
          if (steps > 1 && offsetMs(zone, t) !== offsetMs(zone, jumped)) {
            t += 60_000; // the offset changes on the way: one minute at a time, as robfig
            w = wall(zone, t);
          } else {
            t = jumped;
            w = w2;
          }
          if (w.mi === 0) continue wrap;
        }
        while (!sec[w.s]) {
          if (!added) {
            added = true;
            t -= ((t % 1000) + 1000) % 1000;
          }
          const to = nextIn(sec, w.s);
          const steps = to < 0 ? 60 - w.s : to - w.s;
          const jumped = t + steps * 1000;
          if (steps > 1 && offsetMs(zone, t) !== offsetMs(zone, jumped)) {
            t += 1000;
            w = wall(zone, t);
          } else {
            t = jumped;
            w = wall(zone, t);
          }
          if (w.s === 0) continue wrap;
        }
        return new Date(t);
      }
    },
  };
  return { next: schedule.next };
}

/** parser.go's unexported helpers, for the ports of robfig's TestRange, TestField and TestBits. */
export const robfigInternals = {
  getRange: (expr: string, r: Bounds): bigint => getRange(expr, r),
  getField: (field: string, r: Bounds): bigint => getField(field, r),
  getBits,
  all,
  starBit: STAR,
  bounds: { seconds, minutes, hours, dom, months, dow },
};
