/**
 * metav1.Time's RFC 3339 form at second precision (`2025-01-01T00:00:00Z`). The engine formats
 * the same simulated instant many times in a row (every write of a burst), so the last answer is
 * kept.
 */
let lastMs = NaN;
let lastText = '';

export function rfc3339(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    const text = new Date(ms).toISOString();
    // `YYYY-MM-DDTHH:MM:SS.sssZ` for the years the sim lives in; anything else the slow way.
    lastText = text.length === 24 ? `${text.slice(0, 19)}Z` : text.replace(/\.\d{3}Z$/, 'Z');
  }
  return lastText;
}
