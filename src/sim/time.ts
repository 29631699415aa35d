/**
 * metav1.Time's RFC 3339 form at second precision (`2025-01-01T00:00:00Z`). The engine formats
 * the same few simulated seconds many times in a row (every write of a burst, a container's start
 * and finish), so the last two answers are kept, by second.
 */
import { memoByString } from './memo';

let sec0 = NaN;
let text0 = '';
let sec1 = NaN;
let text1 = '';

export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec === sec0) return text0;
  if (sec === sec1) {
    // Keep the most recent answer in the first slot.
    const t = text1;
    sec1 = sec0;
    text1 = text0;
    sec0 = sec;
    text0 = t;
    return t;
  }
  const text = new Date(sec * 1000).toISOString();
  // `YYYY-MM-DDTHH:MM:SS.000Z` for the years the sim lives in; anything else the slow way.
  const out = text.length === 24 ? `${text.slice(0, 19)}Z` : text.replace(/\.\d{3}Z$/, 'Z');
  sec1 = sec0;
  text1 = text0;
  sec0 = sec;
  text0 = out;
  return out;
}

/**
 * Date.parse, remembered: controllers compare the same few status timestamps on every sync
 * (lastScheduleTime, lastSuccessfulTime, startTime), and parsing them was a visible cost.
 */
export const parseTime: (s: string) => number = memoByString((s) => Date.parse(s));
