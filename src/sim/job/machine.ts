/**
 * The reconcile loop of one Job as an XState v5 machine, for the sandbox's controller inspector:
 * `queued` (a watch event or a timer asked for a sync), `active` (pods run toward the
 * completions), `backoff` (a replacement pod waits for the pod-failure back-off), `suspended`,
 * `finishing` (FailureTarget or SuccessCriteriaMet is set; waiting for the pods to terminate),
 * and the final `complete` and `failed`. The controller sends the events; the machine holds no
 * timers and runs no side effects, and its snapshot is plain data (value + context).
 */
import { assign, initialTransition, setup, transition } from 'xstate';

export interface JobDecision {
  at: number;
  create: string[];
  delete: string[];
}

export interface JobMachineContext {
  syncs: number;
  lastDecision?: JobDecision;
}

/** What a sync found, in the order the inspector names them. */
export type JobSyncOutcome = 'active' | 'backoff' | 'suspended' | 'finishing' | 'complete' | 'failed';

export type JobMachineEvent =
  { type: 'watch.changed' } | { type: 'sync.done'; outcome: JobSyncOutcome; decision: JobDecision };

/** The last decision that did something: a sync that found nothing to do keeps the previous one. */
export function recordDecision(context: JobMachineContext, event: JobMachineEvent): Partial<JobMachineContext> {
  if (event.type !== 'sync.done') return {};
  const acted = event.decision.create.length > 0 || event.decision.delete.length > 0;
  return { syncs: context.syncs + 1, ...(acted ? { lastDecision: event.decision } : {}) };
}

const outcome =
  (o: JobSyncOutcome) =>
  ({ event }: { event: JobMachineEvent }) =>
    event.type === 'sync.done' && event.outcome === o;

export const jobMachine = setup({
  types: {
    context: {} as JobMachineContext,
    events: {} as JobMachineEvent,
  },
  guards: {
    'pods in back-off': outcome('backoff'),
    'job suspended': outcome('suspended'),
    'terminal condition pending': outcome('finishing'),
    'job complete': outcome('complete'),
    'job failed': outcome('failed'),
  },
  actions: {
    'record decision': assign(({ context, event }) => recordDecision(context, event)),
  },
}).createMachine({
  id: 'job',
  initial: 'queued',
  context: { syncs: 0 },
  states: {
    queued: {
      on: {
        'sync.done': [
          { guard: 'job complete', target: 'complete', actions: 'record decision' },
          { guard: 'job failed', target: 'failed', actions: 'record decision' },
          { guard: 'terminal condition pending', target: 'finishing', actions: 'record decision' },
          { guard: 'job suspended', target: 'suspended', actions: 'record decision' },
          { guard: 'pods in back-off', target: 'backoff', actions: 'record decision' },
          { target: 'active', actions: 'record decision' },
        ],
      },
    },
    active: { on: { 'watch.changed': 'queued' } },
    backoff: { on: { 'watch.changed': 'queued' } },
    suspended: { on: { 'watch.changed': 'queued' } },
    finishing: { on: { 'watch.changed': 'queued' } },
    complete: { type: 'final' },
    failed: { type: 'final' },
  },
});

/** The persisted form: the state value and the context. */
export interface JobMachineState {
  value: string;
  context: JobMachineContext;
}

/**
 * transition() costs ~12 µs and a big Job syncs thousands of times, so each (state, event,
 * outcome) is computed by the machine once and remembered: the target state, and whether the
 * transition ran 'record decision' (then recordDecision gives the new context).
 */
const memo = new Map<string, { value: string; recorded: boolean }>();
/** The machine's initial state, computed once. */
let initial: JobMachineState | undefined;

/** The next persisted state after `event` (the initial state when there is none yet). */
export function step(state: JobMachineState | undefined, event: JobMachineEvent): JobMachineState {
  if (!state) {
    initial ??= (() => {
      const [init] = initialTransition(jobMachine);
      return { value: String(init.value), context: init.context };
    })();
    state = { value: initial.value, context: { ...initial.context } };
  }
  const key = `${state.value}|${event.type}|${event.type === 'sync.done' ? event.outcome : ''}`;
  let hit = memo.get(key);
  if (!hit) {
    const current = jobMachine.resolveState({ value: state.value, context: state.context });
    const [next] = transition(jobMachine, current, event);
    hit = { value: String(next.value), recorded: next.context.syncs !== state.context.syncs };
    memo.set(key, hit);
  }
  if (hit.value === state.value && !hit.recorded) return state;
  return {
    value: hit.value,
    context: hit.recorded ? { ...state.context, ...recordDecision(state.context, event) } : state.context,
  };
}
