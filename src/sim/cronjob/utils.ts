/**
 * pkg/controller/cronjob/utils.go with time as an argument: which scheduled time is due, how many
 * were missed, when to look again, and the name of the Job for a scheduled time.
 */
import type { CronJob } from 'kubernetes-types/batch/v1';
import type { Schedule } from './schedule';

export type MissedSchedules = 'none' | 'few' | 'many';

export interface MostRecent {
  earliest: number;
  mostRecent?: number;
  missed: MissedSchedules;
  /** How many schedules were missed (upstream's approximation). */
  count: number;
  error?: string;
}

const next = (s: Schedule, t: number) => s.next(new Date(t))?.getTime();

/**
 * mostRecentScheduleTime: the latest scheduled time in (earliest, now], where earliest is the last
 * schedule time (or creation), moved up to now - startingDeadlineSeconds when asked. Cost does not
 * grow with the time that passed: it jumps by the interval between two schedules, as upstream.
 */
export function mostRecentScheduleTime(
  cj: CronJob,
  now: number,
  schedule: Schedule,
  includeStartingDeadlineSeconds: boolean,
): MostRecent {
  let earliest = Date.parse(cj.metadata?.creationTimestamp ?? '');
  if (cj.status?.lastScheduleTime) earliest = Date.parse(cj.status.lastScheduleTime);
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (includeStartingDeadlineSeconds && deadline !== undefined && deadline !== null) {
    const schedulingDeadline = now - deadline * 1000;
    if (schedulingDeadline > earliest) earliest = schedulingDeadline;
  }
  const t1 = next(schedule, earliest);
  if (t1 === undefined || now < t1) return { earliest, missed: 'none', count: 0 };
  const t2 = next(schedule, t1);
  if (t2 === undefined || now < t2) return { earliest, mostRecent: t1, missed: 'none', count: 1 };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1)
    return { earliest, missed: 'none', count: 0, error: 'time difference between two schedules is less than 1 second' };
  const elapsed = Math.floor((now - t1) / 1000);
  const count = Math.floor(elapsed / between) + 1;
  const potentialEarliest = t1 + (count - 1 - 1) * between * 1000;
  let mostRecent: number | undefined;
  for (let t = next(schedule, potentialEarliest); t !== undefined && t <= now; t = next(schedule, t)) mostRecent = t;
  const missed: MissedSchedules = count > 100 ? 'many' : count > 1 ? 'few' : 'none';
  return { earliest, mostRecent, missed, count };
}

/** nextScheduleTimeDuration: when the controller should look again (the next schedule + 100 ms). */
export function nextScheduleTimeDuration(cj: CronJob, now: number, schedule: Schedule): number | undefined {
  const r = mostRecentScheduleTime(cj, now, schedule, false);
  const from = r.mostRecent ?? r.earliest;
  const t = next(schedule, from);
  return t === undefined ? undefined : t + 100 - now;
}

/** getTimeHashInMinutes / getJobName: `<cronjob>-<scheduled time in Unix minutes>`. */
export function getJobName(cj: CronJob, scheduledTime: number): string {
  return `${cj.metadata?.name}-${Math.floor(scheduledTime / 60000)}`;
}

/** Go's time.RFC1123Z in UTC, for MissSchedule events: `Mon, 02 Jan 2006 15:04:05 +0000`. */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
