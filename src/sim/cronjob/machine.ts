/**
 * The reconcile loop of one CronJob as an XState v5 machine, for the sandbox's controller
 * inspector: `waiting` (for the next scheduled time; a timer is set), `queued` (a Job changed, a
 * schedule came due or the CronJob was edited), `suspended`, `invalid` (the schedule does not
 * parse, nothing is requeued) and `deleting`. The controller sends the events and keeps the
 * decisions; the machine holds no context, timers or side effects, so a transition depends only on
 * the state and the event and is computed once per pair (transition() costs microseconds, and an
 * every-minute CronJob syncs several times a minute for days).
 */
import { initialTransition, setup, transition } from 'xstate';

export type CronJobSyncOutcome = 'waiting' | 'suspended' | 'invalid';

export type CronJobMachineEvent =
  { type: 'watch.changed' } | { type: 'sync.done'; outcome: CronJobSyncOutcome } | { type: 'watch.deleting' };

export const cronJobMachine = setup({
  types: { events: {} as CronJobMachineEvent },
  guards: {
    suspended: ({ event }) => event.type === 'sync.done' && event.outcome === 'suspended',
    'schedule invalid': ({ event }) => event.type === 'sync.done' && event.outcome === 'invalid',
  },
}).createMachine({
  id: 'cronjob',
  initial: 'queued',
  on: { 'watch.deleting': '.deleting' },
  states: {
    queued: {
      on: {
        'sync.done': [
          { guard: 'suspended', target: 'suspended' },
          { guard: 'schedule invalid', target: 'invalid' },
          { target: 'waiting' },
        ],
      },
    },
    waiting: { on: { 'watch.changed': 'queued' } },
    suspended: { on: { 'watch.changed': 'queued' } },
    invalid: { on: { 'watch.changed': 'queued' } },
    deleting: { type: 'final' },
  },
});

const memo = new Map<string, string>();

/** The next state value after `event` from `value` (the initial state when there is none yet). */
export function step(value: string | undefined, event: CronJobMachineEvent): string {
  const key = `${value ?? ''}|${event.type}|${event.type === 'sync.done' ? event.outcome : ''}`;
  let next = memo.get(key);
  if (next === undefined) {
    const current =
      value === undefined ? initialTransition(cronJobMachine)[0] : cronJobMachine.resolveState({ value, context: {} });
    const snapshot =
      value === undefined && event.type === 'watch.changed' ? current : transition(cronJobMachine, current, event)[0];
    next = String(snapshot.value);
    memo.set(key, next);
  }
  return next;
}
