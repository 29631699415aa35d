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
    lastText = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return lastText;
}
