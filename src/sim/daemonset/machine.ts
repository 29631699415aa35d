/**
 * The reconcile loop of one DaemonSet as an XState v5 machine, so that the sandbox's controller
 * inspector can show where the controller is: `idle` (nothing to do), `queued` (a watch event or a
 * timer asked for a sync), `rollingUpdate` (the last sync left pods to replace or to become
 * available), `backoff` (failed pods wait before they are replaced) and `deleting`. The
 * controller sends the events; the machine holds no timers and runs no side effects, and its
 * snapshot is plain data (value + context) so cluster snapshots stay JSON.
 */
import { assign, initialTransition, setup, transition } from 'xstate';

export interface DaemonSetDecision {
  at: number;
  create: string[];
  delete: string[];
}

export interface DaemonSetMachineContext {
  syncs: number;
  lastDecision?: DaemonSetDecision;
}

export type SyncOutcome = 'steady' | 'rollingUpdate' | 'backoff';

export type DaemonSetMachineEvent =
  | { type: 'watch.changed' }
  | { type: 'sync.done'; outcome: SyncOutcome; decision: DaemonSetDecision }
  | { type: 'watch.deleting' };

export const daemonSetMachine = setup({
  types: {
    context: {} as DaemonSetMachineContext,
    events: {} as DaemonSetMachineEvent,
  },
  guards: {
    'pods still to replace': ({ event }) => event.type === 'sync.done' && event.outcome === 'rollingUpdate',
    'failed pods in back-off': ({ event }) => event.type === 'sync.done' && event.outcome === 'backoff',
  },
  actions: {
    // The last decision that did something: a sync that found nothing to do keeps the previous one.
    'record decision': assign(({ context, event }) => {
      if (event.type !== 'sync.done') return {};
      const acted = event.decision.create.length > 0 || event.decision.delete.length > 0;
      return { syncs: context.syncs + 1, ...(acted ? { lastDecision: event.decision } : {}) };
    }),
  },
}).createMachine({
  id: 'daemonset',
  initial: 'idle',
  context: { syncs: 0 },
  on: {
    'watch.deleting': '.deleting',
  },
  states: {
    idle: { on: { 'watch.changed': 'queued' } },
    queued: {
      on: {
        'sync.done': [
          { guard: 'pods still to replace', target: 'rollingUpdate', actions: 'record decision' },
          { guard: 'failed pods in back-off', target: 'backoff', actions: 'record decision' },
          { target: 'idle', actions: 'record decision' },
        ],
      },
    },
    rollingUpdate: { on: { 'watch.changed': 'queued' } },
    backoff: { on: { 'watch.changed': 'queued' } },
    deleting: { type: 'final' },
  },
});

/** The persisted form: the state value and the context. */
export interface DaemonSetMachineState {
  value: string;
  context: DaemonSetMachineContext;
}

/** The next persisted state after `event` (the initial state when there is none yet). */
export function step(state: DaemonSetMachineState | undefined, event: DaemonSetMachineEvent): DaemonSetMachineState {
  const current = state
    ? daemonSetMachine.resolveState({ value: state.value, context: state.context })
    : initialTransition(daemonSetMachine)[0];
  const [next] = transition(daemonSetMachine, current, event);
  return { value: String(next.value), context: next.context };
}
