/** Small string helpers for the engine's hot paths. */

/**
 * Sorts strings in place by code unit and returns them: an insertion sort, which for the handful
 * of keys an object has is faster than Array.prototype.sort and allocates nothing.
 */
export function sortStrings(keys: string[]): string[] {
  if (keys.length > 32) return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i];
    let j = i - 1;
    if (keys[j] <= k) continue;
    while (j >= 0 && keys[j] > k) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}
