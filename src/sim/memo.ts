/**
 * A pure function of a string, remembered: the engine looks up the same few names, scripts,
 * images and timestamps over and over. At most `max` answers are kept; when full the memory
 * starts over, so it cannot grow without bound.
 */
export function memoByString<T>(fn: (key: string) => T, max = 10_000): (key: string) => T {
  let seen = new Map<string, T>();
  return (key: string) => {
    if (seen.has(key)) return seen.get(key) as T;
    const value = fn(key);
    if (seen.size >= max) seen = new Map();
    seen.set(key, value);
    return value;
  };
}
