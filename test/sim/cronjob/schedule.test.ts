import { describe, expect, test } from 'vitest';
import { CronExpressionParser } from 'cron-parser';
import { parseGoDuration, parseSchedule, robfigInternals, validateTimeZone } from '../../../src/sim/cronjob/schedule';
import { fieldErrorMessage, invalid } from '../../../src/sim/apiserver/field';

function next(spec: string, from: string): string | undefined {
  const r = parseSchedule(spec);
  if (!r.ok) throw new Error(r.error);
  return r.schedule.next(new Date(from))?.toISOString();
}

// upstream: robfig/cron v3 spec_test.go TestNext (seconds field dropped: Kubernetes uses 5 fields).
describe('next activation (robfig TestNext)', () => {
  test.each([
    ['2012-07-09T14:45:00Z', '0/15 * * * *', '2012-07-09T15:00:00.000Z'],
    ['2012-07-09T14:59:00Z', '0/15 * * * *', '2012-07-09T15:00:00.000Z'],
    ['2012-07-09T14:59:59Z', '0/15 * * * *', '2012-07-09T15:00:00.000Z'],
    // Wrap around hours
    ['2012-07-09T15:45:00Z', '20-35/15 * * * *', '2012-07-09T16:20:00.000Z'],
    // Wrap around days
    ['2012-07-09T23:46:00Z', '*/15 * * * *', '2012-07-10T00:00:00.000Z'],
    ['2012-07-09T23:45:00Z', '20-35/15 * * * *', '2012-07-10T00:20:00.000Z'],
    ['2012-07-09T23:35:51Z', '20-35/15 1/2 * * *', '2012-07-10T01:20:00.000Z'],
    ['2012-07-09T23:35:51Z', '20-35/15 10-12 * * *', '2012-07-10T10:20:00.000Z'],
    ['2012-07-09T23:35:51Z', '20-35/15 1/2 */2 * *', '2012-07-11T01:20:00.000Z'],
    ['2012-07-09T23:35:51Z', '20-35/15 * 9-20 * *', '2012-07-10T00:20:00.000Z'],
    ['2012-07-09T23:35:51Z', '20-35/15 * 9-20 Jul *', '2012-07-10T00:20:00.000Z'],
    // Wrap around months
    ['2012-07-09T23:35:00Z', '0 0 9 Apr-Oct ?', '2012-08-09T00:00:00.000Z'],
    ['2012-07-09T23:35:00Z', '0 0 */5 Apr,Aug,Oct Mon', '2012-08-01T00:00:00.000Z'],
    ['2012-07-09T23:35:00Z', '0 0 */5 Oct Mon', '2012-10-01T00:00:00.000Z'],
    // Wrap around years
    ['2012-07-09T23:35:00Z', '0 0 * Feb Mon', '2013-02-04T00:00:00.000Z'],
    ['2012-07-09T23:35:00Z', '0 0 * Feb Mon/2', '2013-02-01T00:00:00.000Z'],
    // Wrap around minute, hour, day, month, and year
    ['2012-12-31T23:59:45Z', '* * * * *', '2013-01-01T00:00:00.000Z'],
    // Leap year
    ['2012-07-09T23:35:00Z', '0 0 29 Feb ?', '2016-02-29T00:00:00.000Z'],
    // Daylight savings time 2am EST (-5) -> 3am EDT (-4)
    ['2012-03-11T05:00:00Z', 'TZ=America/New_York 30 2 11 Mar ?', '2013-03-11T06:30:00.000Z'],
    // hourly job across the spring-forward gap
    ['2012-03-11T05:00:00Z', 'TZ=America/New_York 0 * * * ?', '2012-03-11T06:00:00.000Z'],
    ['2012-03-11T06:00:00Z', 'TZ=America/New_York 0 * * * ?', '2012-03-11T07:00:00.000Z'],
    ['2012-03-11T07:00:00Z', 'TZ=America/New_York 0 * * * ?', '2012-03-11T08:00:00.000Z'],
    // 1am nightly job
    ['2012-03-11T05:00:00Z', 'TZ=America/New_York 0 1 * * ?', '2012-03-11T06:00:00.000Z'],
    ['2012-03-11T06:00:00Z', 'TZ=America/New_York 0 1 * * ?', '2012-03-12T05:00:00.000Z'],
    // 2am nightly job (skipped)
    ['2012-03-11T05:00:00Z', 'TZ=America/New_York 0 2 * * ?', '2012-03-12T06:00:00.000Z'],
    // Daylight savings time 2am EDT (-4) => 1am EST (-5)
    ['2012-11-04T04:00:00Z', 'TZ=America/New_York 30 2 04 Nov ?', '2012-11-04T07:30:00.000Z'],
    ['2012-11-04T05:45:00Z', 'TZ=America/New_York 30 1 04 Nov ?', '2012-11-04T06:30:00.000Z'],
    // hourly job across the fall-back overlap
    ['2012-11-04T04:00:00Z', 'TZ=America/New_York 0 * * * ?', '2012-11-04T05:00:00.000Z'],
    ['2012-11-04T05:00:00Z', 'TZ=America/New_York 0 * * * ?', '2012-11-04T06:00:00.000Z'],
    ['2012-11-04T06:00:00Z', 'TZ=America/New_York 0 * * * ?', '2012-11-04T07:00:00.000Z'],
    // 1am nightly job (runs twice)
    ['2012-11-04T04:00:00Z', 'TZ=America/New_York 0 1 * * ?', '2012-11-04T05:00:00.000Z'],
    ['2012-11-04T05:00:00Z', 'TZ=America/New_York 0 1 * * ?', '2012-11-04T06:00:00.000Z'],
    ['2012-11-04T06:00:00Z', 'TZ=America/New_York 0 1 * * ?', '2012-11-05T06:00:00.000Z'],
    // 2am and 3am nightly jobs
    ['2012-11-04T04:00:00Z', 'TZ=America/New_York 0 2 * * ?', '2012-11-04T07:00:00.000Z'],
    ['2012-11-04T07:00:00Z', 'TZ=America/New_York 0 2 * * ?', '2012-11-05T07:00:00.000Z'],
    ['2012-11-04T04:00:00Z', 'TZ=America/New_York 0 3 * * ?', '2012-11-04T08:00:00.000Z'],
    // Monthly job
    ['2012-11-04T04:00:00Z', 'TZ=America/New_York 0 3 3 * ?', '2012-12-03T08:00:00.000Z'],
    // DST making midnight invalid (robfig/cron#157)
    ['2018-10-17T09:00:00Z', 'TZ=America/Sao_Paulo 0 9 10 * ?', '2018-11-10T11:00:00.000Z'],
    ['2018-02-14T10:00:00Z', 'TZ=America/Sao_Paulo 0 9 22 * ?', '2018-02-22T12:00:00.000Z'],
  ])('from %s, %s → %s', (from, spec, want) => {
    expect(next(spec, from)).toBe(want);
  });

  test.each([['0 0 30 Feb ?'], ['0 0 31 Apr ?']])('unsatisfiable %s has no next time', (spec) => {
    expect(next(spec, '2012-07-09T23:35:00Z')).toBeUndefined();
  });
});

// upstream: robfig spec_test.go TestActivation (its DOM/DOW rows, plus */1 and */2 cases) — the day-of-month/day-of-week rule.
describe('day-of-month and day-of-week (robfig TestActivation)', () => {
  const runsAt = (spec: string, iso: string) =>
    next(spec, new Date(new Date(iso).getTime() - 1000).toISOString()) === new Date(iso).toISOString();
  test.each([
    // Sun Jul 15 2012: DOM 15 restricted, DOW restricted → OR.
    ['* * 1,15 * Sun', '2012-07-15T00:00:00Z', true],
    ['* * 15 * *', '2012-07-15T00:00:00Z', true],
    ['* * 1,15 * *', '2012-07-15T00:00:00Z', true],
    ['* * */10 * Sun', '2012-07-15T00:00:00Z', true],
    ['* * */10 * *', '2012-07-15T00:00:00Z', false],
    ['* * 1,15 * Mon', '2012-07-15T00:00:00Z', true],
    ['* * */2 * Sun', '2012-07-15T00:00:00Z', true],
    // Both wildcards: every day.
    ['* * * * *', '2012-07-15T00:00:00Z', true],
    // `*` in DOM with a DOW → AND (only Sundays).
    ['* * * * Mon', '2012-07-15T00:00:00Z', false],
    ['* * ? * Sun', '2012-07-15T00:00:00Z', true],
    // `*/1` keeps the star bit; `*/2` does not.
    ['* * */1 * Mon', '2012-07-15T00:00:00Z', false],
    ['* * 1-31/2 * Mon', '2012-07-15T00:00:00Z', true],
  ])('%s at %s → %s', (spec, iso, want) => {
    expect(runsAt(spec, iso)).toBe(want);
  });
});

// upstream: robfig parser_test.go TestParseScheduleErrors, TestRange, and Kubernetes validation cases.
describe('errors as robfig words them', () => {
  test.each([
    ['', 'empty spec string'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ['L * * * *', 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'],
    ['H * * * *', 'failed to parse int from H: strconv.Atoi: parsing "H": invalid syntax'],
    ['* * * * MON-FOO', 'failed to parse int from FOO: strconv.Atoi: parsing "FOO": invalid syntax'],
    ['@minutely', 'unrecognized descriptor: @minutely'],
    ['@weekdays', 'unrecognized descriptor: @weekdays'],
    ['@every 1d', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['TZ=Nowhere/Here * * * * *', 'provided bad location Nowhere/Here: unknown time zone Nowhere/Here'],
  ])('%j → %s', (spec, error) => {
    expect(parseSchedule(spec)).toEqual({ ok: false, error });
  });

  test.each([
    '*/5 * * * *',
    '0 9 * * MON-FRI',
    '0 0 1 JAN,jul *',
    '@yearly',
    '@annually',
    '@monthly',
    '@weekly',
    '@daily',
    '@midnight',
    '@hourly',
    '@every 90s',
    '@every 1h30m',
    '0 0 ? * *',
    'TZ=UTC 0 * * * *',
    'CRON_TZ=Europe/Berlin 0 * * * *',
    '  */5   *  * * *',
  ])('accepts %j', (spec) => {
    expect(parseSchedule(spec).ok).toBe(true);
  });
});

describe('descriptors', () => {
  test.each([
    ['@yearly', '2025-03-04T05:06:07Z', '2026-01-01T00:00:00.000Z'],
    ['@monthly', '2025-03-04T05:06:07Z', '2025-04-01T00:00:00.000Z'],
    ['@weekly', '2025-03-04T05:06:07Z', '2025-03-09T00:00:00.000Z'],
    ['@daily', '2025-03-04T05:06:07Z', '2025-03-05T00:00:00.000Z'],
    ['@midnight', '2025-03-04T05:06:07Z', '2025-03-05T00:00:00.000Z'],
    ['@hourly', '2025-03-04T05:06:07Z', '2025-03-04T06:00:00.000Z'],
  ])('%s after %s', (spec, from, want) => expect(next(spec, from)).toBe(want));

  // upstream: robfig constantdelay_test.go TestConstantDelayNext
  test.each([
    ['@every 15m', '2012-07-09T14:45:00Z', '2012-07-09T15:00:00.000Z'],
    ['@every 90s', '2012-07-09T14:45:00Z', '2012-07-09T14:46:30.000Z'],
    ['@every 1h30m', '2012-07-09T14:45:17Z', '2012-07-09T16:15:17.000Z'],
    // Sub-second parts are dropped from both the delay and the start.
    ['@every 15m0.5s', '2012-07-09T14:45:00.250Z', '2012-07-09T15:00:00.000Z'],
    // Less than a second rounds up to one.
    ['@every 100ms', '2012-07-09T14:45:00Z', '2012-07-09T14:45:01.000Z'],
  ])('%s after %s — counted from the given time, not the clock', (spec, from, want) =>
    expect(next(spec, from)).toBe(want),
  );
});

// Go's time.ParseDuration (time/time_test.go parseDurationTests, a selection).
test.each([
  ['0', 0n],
  ['5s', 5_000_000_000n],
  ['30s', 30_000_000_000n],
  ['1478s', 1_478_000_000_000n],
  ['-5s', -5_000_000_000n],
  ['+5s', 5_000_000_000n],
  ['5.6s', 5_600_000_000n],
  ['.5s', 500_000_000n],
  ['1h2m3s', 3_723_000_000_000n],
  ['10µs', 10_000n],
  ['10us', 10_000n],
  ['100ns', 100n],
])('parseGoDuration(%s)', (s, ns) => expect(parseGoDuration(s)).toBe(ns));

describe('time zones (Kubernetes validateTimeZone via Go LoadLocation)', () => {
  test.each([
    ['America/New_York', true],
    ['Asia/Shanghai', true],
    ['Etc/UTC', true],
    ['UTC', true],
    ['Europe/Berlin', true],
    ['america/new_york', false],
    ['Mars/Olympus_Mons', false],
    ['Not a zone', false],
  ])('%s → %s', (tz, ok) => expect(validateTimeZone(tz)).toBe(ok));

  test("a schedule in a zone fires on that zone's wall clock", () => {
    const r = parseSchedule('0 9 * * *', 'Asia/Shanghai');
    expect(r.ok && r.schedule.next(new Date('2025-01-01T00:00:00Z'))?.toISOString()).toBe('2025-01-01T01:00:00.000Z');
  });
});

/**
 * Where the `cron-parser` package disagrees with Kubernetes (robfig/cron v3). Each row records what
 * cron-parser does and what Kubernetes does; our parser must give the Kubernetes answer.
 */
describe('cron-parser vs Kubernetes', () => {
  const cronParserAccepts = (s: string) => {
    try {
      CronExpressionParser.parse(s);
      return true;
    } catch {
      return false;
    }
  };
  test.each([
    ['0 * * * * *', true, false], // a sixth (seconds) field
    ['0 0 L * *', true, false], // last day of month
    ['H * * * *', true, false], // Jenkins hash
    ['0 0 * * 7', true, false], // Sunday as 7
    ['@minutely', true, false],
    ['@weekdays', true, false],
    ['@midnight', false, true],
    ['@every 90s', false, true],
    ['*/5 * * * *', true, true],
    ['0 0 ? * *', true, true],
  ])('%j: cron-parser accepts=%s, Kubernetes accepts=%s', (spec, theirs, ours) => {
    expect(cronParserAccepts(spec)).toBe(theirs);
    expect(parseSchedule(spec).ok).toBe(ours);
  });

  test('where both accept, both give the same times for a month of */7 9-17 * * MON-FRI', () => {
    const spec = '*/7 9-17 * * MON-FRI';
    const theirs = CronExpressionParser.parse(spec, { currentDate: new Date('2025-01-01T00:00:00Z'), tz: 'UTC' });
    const mine = parseSchedule(spec);
    if (!mine.ok) throw new Error(mine.error);
    let t = new Date('2025-01-01T00:00:00Z');
    for (let i = 0; i < 500; i++) {
      const a = theirs.next().toDate().toISOString();
      t = mine.schedule.next(t)!;
      expect(t.toISOString()).toBe(a);
    }
  });
});

// upstream: robfig/cron v3.0.1 parser_test.go TestRange
describe('getRange (robfig TestRange)', () => {
  const { getRange, starBit } = robfigInternals;
  const b = (n: number) => 1n << BigInt(n);
  test.each([
    ['5', 0, 7, b(5), ''],
    ['0', 0, 7, b(0), ''],
    ['7', 0, 7, b(7), ''],
    ['5-5', 0, 7, b(5), ''],
    ['5-6', 0, 7, b(5) | b(6), ''],
    ['5-7', 0, 7, b(5) | b(6) | b(7), ''],
    ['5-6/2', 0, 7, b(5), ''],
    ['5-7/2', 0, 7, b(5) | b(7), ''],
    ['5-7/1', 0, 7, b(5) | b(6) | b(7), ''],
    ['*', 1, 3, b(1) | b(2) | b(3) | starBit, ''],
    ['*/2', 1, 3, b(1) | b(3), ''],
    ['5--5', 0, 0, 0n, 'too many hyphens'],
    ['jan-x', 0, 0, 0n, 'failed to parse int from'],
    ['2-x', 1, 5, 0n, 'failed to parse int from'],
    ['*/-12', 0, 0, 0n, 'negative number'],
    ['*//2', 0, 0, 0n, 'too many slashes'],
    ['1', 3, 5, 0n, 'below minimum'],
    ['6', 3, 5, 0n, 'above maximum'],
    ['5-3', 3, 5, 0n, 'beyond end of range'],
    ['*/0', 0, 0, 0n, 'should be a positive number'],
  ])('%s in [%i, %i]', (expr, min, max, expected, err) => {
    if (err) expect(() => getRange(expr, { min, max })).toThrow(err);
    else expect(getRange(expr, { min, max })).toBe(expected);
  });

  test('whole messages', () => {
    expect(() => getRange('*/-12', { min: 0, max: 0 })).toThrow('negative number (-12) not allowed: -12');
    expect(() => getRange('jan-x', { min: 0, max: 0 })).toThrow(
      'failed to parse int from jan: strconv.Atoi: parsing "jan": invalid syntax',
    );
  });
});

// upstream: robfig/cron v3.0.1 parser_test.go TestField
describe('getField (robfig TestField)', () => {
  const b = (n: number) => 1n << BigInt(n);
  test.each([
    ['5', 1, 7, b(5)],
    ['5,6', 1, 7, b(5) | b(6)],
    ['5,6,7', 1, 7, b(5) | b(6) | b(7)],
    ['1,5-7/2,3', 1, 7, b(1) | b(5) | b(7) | b(3)],
  ])('%s', (expr, min, max, expected) => {
    expect(robfigInternals.getField(expr, { min, max })).toBe(expected);
  });
});

// upstream: robfig/cron v3.0.1 parser_test.go TestBits
describe('bits (robfig TestBits)', () => {
  const { all, getBits, starBit, bounds } = robfigInternals;
  test.each([
    ['minutes', bounds.minutes, 0xfffffffffffffffn], // 0-59: 60 ones
    ['hours', bounds.hours, 0xffffffn], // 0-23: 24 ones
    ['dom', bounds.dom, 0xfffffffen], // 1-31: 31 ones, 1 zero
    ['months', bounds.months, 0x1ffen], // 1-12: 12 ones, 1 zero
    ['dow', bounds.dow, 0x7fn], // 0-6: 7 ones
  ])('all(%s)', (_n, r, expected) => expect(all(r)).toBe(expected | starBit));
  test.each([
    [0, 0, 1, 0x1n],
    [1, 1, 1, 0x2n],
    [1, 5, 2, 0x2an], // 101010
    [1, 4, 2, 0xan], // 1010
  ])('getBits(%i, %i, %i)', (min, max, step, expected) => expect(getBits(min, max, step)).toBe(expected));
});

// upstream: kubernetes pkg/apis/batch/validation/validation_test.go TestValidateCronJob and
// TestValidateCronJobScheduleTZ: what the validation code gets from the parser and from
// validateTimeZone (Go's time.LoadLocation), and the API error it builds from them.
describe('schedule and timeZone as validation sees them', () => {
  test.each([
    ['* * * * ?', undefined],
    ['@hourly', undefined],
    ['0 * * * *', undefined],
    ['error', 'spec.schedule: Invalid value: "error": expected exactly 5 fields, found 1: [error]'],
    ['0 0 * * 7', 'spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7'],
    // robfig itself accepts TZ= (validation adds its own error for it)
    ['TZ=UTC 0 * * * *', undefined],
  ])('%j', (schedule, apiError) => {
    const r = parseSchedule(schedule);
    expect(r.ok ? undefined : fieldErrorMessage(invalid('spec.schedule', schedule, r.error))).toBe(apiError);
  });

  // The upstream tests load a fake zoneinfo where "Continent/Zone" exists; a real IANA name stands in.
  test.each([
    ['Europe/Rome', true],
    ['UTC', true],
    ['Etc/UTC', true],
    ['Local', true], // LoadLocation succeeds; validation rejects it with its own message
    ['LOCAL', false],
    [' Continent/Zone', false],
    ['Continent/Zone ', false],
    ['Continent/InvalidZone', false],
    [' ', false],
    ['utc', false],
    ['EUROPE/ROME', false],
    ['+05:00', false],
  ])('LoadLocation(%j) succeeds: %s', (tz, ok) => {
    expect(validateTimeZone(tz)).toBe(ok);
  });

  test('a timeZone the controller cannot load is robfig\'s "provided bad location" for TZ=<zone>', () => {
    expect(parseSchedule('0 * * * *', 'Continent/InvalidZone')).toEqual({
      ok: false,
      error: 'provided bad location Continent/InvalidZone: unknown time zone Continent/InvalidZone',
    });
  });
});
