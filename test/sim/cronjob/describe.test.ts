import { describe, expect, test } from 'vitest';
import { describeSchedule } from '../../../src/sim/cronjob/describe';

describe('describeSchedule', () => {
  test.each([
    ['*/5 * * * *', 'Every 5 minutes', '每隔 5 分钟'],
    ['* * * * *', 'Every minute', '每分钟'],
    ['0 9 * * 1-5', 'At 09:00, Monday through Friday', '在09:00, 星期一至星期五'],
    [
      '30 6-16/4 * * 1-5',
      'At 30 minutes past the hour, every 4 hours, between 06:00 and 16:59, Monday through Friday',
      '在整点后的第 30 分钟, 每隔 4 小时, 在 06:00 和 16:59 之间, 星期一至星期五',
    ],
    // robfig ORs restricted day fields: a day matches the 1st or any Monday
    ['0 0 1 * 1', 'At 00:00, on day 1 of the month, or on Monday', '在00:00, 限每月 1 号, 或者为星期一'],
    // `*/1` and `?` keep robfig's star bit: only the day-of-week counts
    ['0 0 */1 * 1', 'At 00:00, only on Monday', '在00:00, 仅星期一'],
    ['0 0 ? * MON', 'At 00:00, only on Monday', '在00:00, 仅星期一'],
    ['? ? ? ? ?', 'Every minute', '每分钟'],
    ['@yearly', 'At 00:00, on day 1 of the month, only in January', '在00:00, 限每月 1 号, 仅于一月份'],
    ['@annually', 'At 00:00, on day 1 of the month, only in January', '在00:00, 限每月 1 号, 仅于一月份'],
    ['@monthly', 'At 00:00, on day 1 of the month', '在00:00, 限每月 1 号'],
    ['@weekly', 'At 00:00, only on Sunday', '在00:00, 仅星期日'],
    ['@daily', 'At 00:00', '在00:00'],
    ['@midnight', 'At 00:00', '在00:00'],
    ['@hourly', 'Every hour', '每小时'],
    [
      '@every 1h',
      'Every hour, counted from the last scheduled time (or the creation time)',
      '每小时（从上次调度时间或创建时间起算）',
    ],
    [
      '@every 90s',
      'Every 1 minute 30 seconds, counted from the last scheduled time (or the creation time)',
      '每隔 1 分钟 30 秒（从上次调度时间或创建时间起算）',
    ],
    // constantdelay.go: at least one second
    [
      '@every 500ms',
      'Every second, counted from the last scheduled time (or the creation time)',
      '每秒（从上次调度时间或创建时间起算）',
    ],
    // and rounded down to the second
    [
      '@every 2h0m1.9s',
      'Every 2 hours 1 second, counted from the last scheduled time (or the creation time)',
      '每隔 2 小时 1 秒（从上次调度时间或创建时间起算）',
    ],
    ['TZ=Asia/Tokyo 0 9 * * *', 'At 09:00 (Asia/Tokyo time)', '在09:00（Asia/Tokyo 时间）'],
    // what Kubernetes rejects gets no words, though cronstrue would describe most of these
    ['* * * * * *', '', ''],
    ['0 0 * * 7', '', ''],
    ['0 0 L * *', '', ''],
    ['@minutely', '', ''],
    ['@every 5x', '', ''],
    ['', '', ''],
  ])('%j', (spec, en, zh) => {
    expect(describeSchedule(spec, 'en')).toBe(en);
    expect(describeSchedule(spec, 'zh')).toBe(zh);
  });

  test('spec.timeZone is named after the words', () => {
    expect(describeSchedule('0 9 * * *', 'en', 'Europe/Rome')).toBe('At 09:00 (Europe/Rome time)');
    expect(describeSchedule('0 9 * * *', 'zh', 'Europe/Rome')).toBe('在09:00（Europe/Rome 时间）');
    expect(describeSchedule('0 9 * * *', 'en', 'Mars/Olympus')).toBe('');
  });
});
