/**
 * apimachinery's `pkg/util/duration` (HumanDuration, ShortHumanDuration) and printers.go's
 * translateTimestampSince/Until: how kubectl turns an age into `3m10s`, `2d1h`, `5y`.
 * Durations are milliseconds; Go's int() conversions truncate toward zero, as Math.trunc does.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const trunc = Math.trunc;

/** ShortHumanDuration: one unit, used by `kubectl get events` LAST SEEN and `(5m ago)`-style columns. */
export function shortHumanDuration(ms: number): string {
  // Allow deviation no more than 2 seconds (excluded) to tolerate machine time inconsistence.
  const seconds = trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${trunc(hours / 24)}d`;
  return `${trunc(ms / HOUR / 24 / 365)}y`;
}

/** HumanDuration: ~2-3 significant figures (`3m10s`, `2d1h`, `2y1d`), the AGE column's form. */
export function humanDuration(ms: number): string {
  const seconds = trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = trunc(ms / SECOND) % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${trunc(hours / 24)}d` : `${trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = trunc(hours / 24) % 365;
    return dy === 0 ? `${trunc(hours / 24 / 365)}y` : `${trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${trunc(hours / 24 / 365)}y`;
}

/** A timestamp as kubectl receives it: RFC 3339 text, a Date, epoch ms, or absent. */
export type Timestamp = string | Date | number | null | undefined;

/** Epoch milliseconds of a timestamp, or undefined when it is missing (Go's zero metav1.Time). */
export function toMillis(ts: Timestamp): number | undefined {
  if (ts === null || ts === undefined || ts === '') return undefined;
  if (typeof ts === 'number') return ts;
  if (ts instanceof Date) return ts.getTime();
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}

/** printers.go translateTimestampSince: `<unknown>` for a zero time, else HumanDuration(now - ts). */
export function translateTimestampSince(ts: Timestamp, now: Date | number): string {
  const t = toMillis(ts);
  if (t === undefined) return '<unknown>';
  return humanDuration(toMillis(now)! - t);
}

/** printers.go translateTimestampUntil: `<unknown>` for a zero time, else HumanDuration(ts - now). */
export function translateTimestampUntil(ts: Timestamp, now: Date | number): string {
  const t = toMillis(ts);
  if (t === undefined) return '<unknown>';
  return humanDuration(t - toMillis(now)!);
}
