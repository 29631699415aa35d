import { describe, expect, test } from 'vitest';
import {
  humanDuration,
  shortHumanDuration,
  translateTimestampSince,
  translateTimestampUntil,
} from '../../../src/sim/kubectl/duration';

const ms = 1;
const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

// upstream: TestHumanDuration (apimachinery/pkg/util/duration/duration_test.go)
test.each([
  [s, '1s'],
  [70 * s, '70s'],
  [190 * s, '3m10s'],
  [70 * m, '70m'],
  [47 * h, '47h'],
  [49 * h, '2d1h'],
  [(8 * 24 + 2) * h, '8d'],
  [367 * 24 * h, '367d'],
  [(365 * 2 * 24 + 25) * h, '2y1d'],
  [(365 * 8 * 24 + 2) * h, '8y'],
])('HumanDuration(%d ms) = %s', (dur, want) => {
  expect(humanDuration(dur)).toBe(want);
});

// upstream: TestHumanDurationBoundaries (Go's -2s+1ns is -1999ms here: the same truncation to -1s)
test.each([
  [-2 * s, '<invalid>'],
  [-2 * s + 1 * ms, '0s'],
  [0, '0s'],
  [s - ms, '0s'],
  [2 * m - ms, '119s'],
  [2 * m, '2m'],
  [2 * m + s, '2m1s'],
  [10 * m - ms, '9m59s'],
  [10 * m, '10m'],
  [10 * m + s, '10m'],
  [3 * h - ms, '179m'],
  [3 * h, '3h'],
  [3 * h + m, '3h1m'],
  [8 * h - ms, '7h59m'],
  [8 * h, '8h'],
  [8 * h + 59 * m, '8h'],
  [2 * d - ms, '47h'],
  [2 * d, '2d'],
  [2 * d + h, '2d1h'],
  [8 * d - ms, '7d23h'],
  [8 * d, '8d'],
  [8 * d + 23 * h, '8d'],
  [2 * 365 * d - ms, '729d'],
  [2 * 365 * d, '2y'],
  [2 * 365 * d + 23 * h, '2y'],
  [2 * 365 * d + 23 * h + 59 * m, '2y'],
  [2 * 365 * d + 24 * h - ms, '2y'],
  [2 * 365 * d + 24 * h, '2y1d'],
  [3 * 365 * d, '3y'],
  [4 * 365 * d, '4y'],
  [5 * 365 * d, '5y'],
  [6 * 365 * d, '6y'],
  [7 * 365 * d, '7y'],
  [8 * 365 * d - ms, '7y364d'],
  [8 * 365 * d, '8y'],
  [8 * 365 * d + 364 * d, '8y'],
  [9 * 365 * d, '9y'],
])('HumanDuration boundary %d ms = %s', (dur, want) => {
  expect(humanDuration(dur)).toBe(want);
});

// upstream: TestShortHumanDurationBoundaries
test.each([
  [-2 * s, '<invalid>'],
  [-2 * s + ms, '0s'],
  [0, '0s'],
  [s - ms, '0s'],
  [s, '1s'],
  [2 * s - ms, '1s'],
  [m - ms, '59s'],
  [m, '1m'],
  [2 * m - ms, '1m'],
  [h - ms, '59m'],
  [h, '1h'],
  [2 * h - ms, '1h'],
  [d - ms, '23h'],
  [d, '1d'],
  [2 * d - ms, '1d'],
  [365 * d - ms, '364d'],
  [365 * d, '1y'],
  [2 * 365 * d - ms, '1y'],
  [2 * 365 * d, '2y'],
])('ShortHumanDuration boundary %d ms = %s', (dur, want) => {
  expect(shortHumanDuration(dur)).toBe(want);
});

describe('translateTimestampSince', () => {
  const now = new Date('2025-01-01T01:00:00Z');
  test('a zero time is <unknown>', () => {
    expect(translateTimestampSince(undefined, now)).toBe('<unknown>');
    expect(translateTimestampSince('', now)).toBe('<unknown>');
  });
  test('RFC 3339 text, Date and epoch ms give the same age', () => {
    expect(translateTimestampSince('2025-01-01T00:56:50Z', now)).toBe('3m10s');
    expect(translateTimestampSince(new Date('2025-01-01T00:56:50Z'), now)).toBe('3m10s');
    expect(translateTimestampSince(Date.parse('2025-01-01T00:56:50Z'), now.getTime())).toBe('3m10s');
  });
  test('a time in the future beyond the 2s tolerance is <invalid>', () => {
    expect(translateTimestampSince('2025-01-01T01:00:05Z', now)).toBe('<invalid>');
    expect(translateTimestampUntil('2025-01-01T01:00:05Z', now)).toBe('5s');
  });
});
