/**
 * A schedule in words, for the UI: cronstrue for the five-field expressions and the descriptors
 * it knows, our own words for what only robfig/cron has (`@every <duration>`), in English or
 * Simplified Chinese. The expression is checked with our robfig port first: what Kubernetes
 * rejects gets no description (an empty string), even where cronstrue would describe it.
 *
 * robfig reads `*` and `?` (also with a step of 1) as "any", which decides the day-of-month /
 * day-of-week rule; such fields are handed to cronstrue as a plain `*`, so its "and on <weekday>"
 * wording (said "or on" here) appears exactly when robfig ORs the two day fields.
 */
import cronstrue from 'cronstrue/i18n';
import { parseGoDuration, parseSchedule } from './schedule';

export type DescribeLocale = 'en' | 'zh';

const cronstrueLocale: Record<DescribeLocale, string> = { en: 'en', zh: 'zh_CN' };

/** Drops a `TZ=` / `CRON_TZ=` prefix the way robfig's parser reads it. */
function splitZone(spec: string): { zone?: string; rest: string } {
  if (!spec.startsWith('TZ=') && !spec.startsWith('CRON_TZ=')) return { rest: spec };
  const i = spec.indexOf(' ');
  return { zone: spec.slice(spec.indexOf('=') + 1, i), rest: spec.slice(i).trim() };
}

const anyField = /^[*?](\/0*1)?$/;

function everyWords(spec: string, locale: DescribeLocale): string {
  // constantdelay.go Every: at least one second, sub-second part dropped
  const ns = parseGoDuration(spec.slice('@every '.length));
  const secondsTotal = ns < 1_000_000_000n ? 1 : Number(ns / 1_000_000_000n);
  const h = Math.floor(secondsTotal / 3600);
  const m = Math.floor((secondsTotal % 3600) / 60);
  const s = secondsTotal % 60;
  const units: [number, string, string, string][] = [
    [h, 'hour', 'hours', '小时'],
    [m, 'minute', 'minutes', '分钟'],
    [s, 'second', 'seconds', '秒'],
  ];
  const parts = units.filter(([n]) => n > 0);
  if (locale === 'zh') {
    const single = parts.length === 1 && parts[0][0] === 1;
    const amount = single ? `每${parts[0][3]}` : `每隔 ${parts.map(([n, , , zh]) => `${n} ${zh}`).join(' ')}`;
    return `${amount}（从上次调度时间或创建时间起算）`;
  }
  const single = parts.length === 1 && parts[0][0] === 1;
  const amount = single
    ? `Every ${parts[0][1]}`
    : `Every ${parts.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(' ')}`;
  return `${amount}, counted from the last scheduled time (or the creation time)`;
}

function zoneWords(text: string, zone: string | undefined, locale: DescribeLocale): string {
  if (!zone) return text;
  return locale === 'zh' ? `${text}（${zone} 时间）` : `${text} (${zone} time)`;
}

/**
 * describeSchedule('*\/5 * * * *', 'en') → 'Every 5 minutes'. `timeZone` (spec.timeZone) is named
 * after the description; an invalid schedule gives ''.
 */
export function describeSchedule(spec: string, locale: DescribeLocale, timeZone?: string): string {
  if (!parseSchedule(spec, timeZone).ok) return '';
  const { zone, rest } = splitZone(spec);
  const where = zone ?? timeZone;
  if (rest.startsWith('@every ')) return everyWords(rest, locale);
  let expr = rest;
  if (!rest.startsWith('@')) {
    const fields = rest.split(/\s+/).filter((f) => f !== '');
    expr = fields.map((f) => (anyField.test(f) ? '*' : f)).join(' ');
  }
  const text = cronstrue.toString(expr, {
    locale: cronstrueLocale[locale],
    use24HourTimeFormat: true,
    throwExceptionOnParseError: false,
  });
  // cronstrue says ", and on <weekday>" exactly when both day fields are restricted, which robfig
  // ORs (a day matches either field); the Chinese text already says 或者.
  return zoneWords(locale === 'en' ? text.replace(', and on ', ', or on ') : text, where, locale);
}
