/**
 * Upstream: kubernetes/kubernetes pkg/controller/job/job_controller_test.go TestControllerSyncJob.
 *
 * Each case is named as upstream and drives JobController.sync directly, as upstream drives
 * syncJob: a fake JobHost (the informer stores and a fake pod control) holds the Job and its
 * pods, the clock, and records what the controller asks for (pods created and deleted, the
 * status written, events, requeues).
 *
 * Upstream runs its table with feature gates switched per case; the sim is Kubernetes 1.34 with
 * the default gates, where JobPodReplacementPolicy, JobSuccessPolicy, JobManagedBy and
 * PodIndexLabel are all on. So, for every case:
 * - status.terminating is always reported (upstream: nil unless JobPodReplacementPolicy);
 * - the terminal condition is delayed (delayTerminalCondition): FailureTarget / SuccessCriteriaMet
 *   first, then Failed / Complete once no pod is terminating; success conditions carry reason
 *   CompletionsReached (upstream, with the gates off: a bare Complete);
 * - expectedPodPatches has no counterpart: the sim writes no job-tracking finalizer (see the
 *   controller's header comment), so there is nothing to patch.
 * Where a case's expectation below differs from upstream's, `sim` says why.
 */
import { describe, expect, test } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../../src/sim';
import { JobController, type JobHost } from '../../../src/sim/job/controller';
import { rfc3339 } from '../../../src/sim/time';

type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';
type Cond = [type: string, status: string, reason?: string, message?: string];

interface Case {
  // job setup
  parallelism: number;
  /** -1: nil (a work queue). */
  completions: number;
  /** Upstream's newJob always sets it, to 0 when the case does not say. */
  backoffLimit?: number;
  deleting?: boolean;
  podLimit?: number;
  completionMode?: 'Indexed';
  wasSuspended?: boolean;
  suspend?: boolean;
  podReplacementPolicy?: 'Failed' | 'TerminatingOrFailed';
  podFailurePolicy?: object;
  initialStatus?: { active?: number; succeed?: number; failed?: number; conditions?: Cond[] };
  backoffRecord?: { failuresAfterLastSuccess: number };
  // pod setup
  podControllerError?: boolean;
  pendingPods?: number;
  activePods?: number;
  readyPods?: number;
  succeededPods?: number;
  failedPods?: number;
  terminatingPods?: number;
  podsWithIndexes?: [index: string, phase: Phase][];
  // expectations
  expectedCreations?: number;
  expectedDeletions?: number;
  expectedActive?: number;
  expectedReady?: number;
  expectedSucceeded?: number;
  expectedCompletedIdxs?: string;
  expectedFailed?: number;
  expectedTerminating?: number;
  expectedConditions?: Cond[];
  expectedCreatedIndexes?: number[];
  /** A sync asked again after this many ms (upstream: enqueueSyncJobWithDelay). */
  expectedRequeueAfterMs?: number;
  /** Why the expectation differs from upstream's. */
  sim?: string;
}

const NOW = Date.parse('2025-01-01T00:00:00Z');
/** testFinishedAt: one second after the zero time, so no back-off applies. */
const testFinishedAt = '0001-01-01T00:00:01Z';
const scm: Cond = ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'];
const complete: Cond = ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'];
const backoffTarget: Cond = [
  'FailureTarget',
  'True',
  'BackoffLimitExceeded',
  'Job has reached the specified backoff limit',
];
const backoffFailed: Cond = ['Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'];
const suspended: Cond = ['Suspended', 'True', 'JobSuspended', 'Job suspended'];
const GATES_OFF_COMPLETE =
  'upstream runs it with JobSuccessPolicy off: a bare Complete; in 1.34 SuccessCriteriaMet then Complete (CompletionsReached)';
const GATES_OFF_FAILED =
  'upstream runs it with JobPodReplacementPolicy and JobManagedBy off: Failed at once; in 1.34 FailureTarget, and Failed once no pod is terminating';
const NO_EXPECTATIONS =
  'the sim creates and deletes pods at once, so its expectations are always satisfied: this is the satisfied-expectations case';
const NO_FINALIZER =
  'the fake pod control fails the finalizer patches too, so upstream counts no finished pod; the sim writes no finalizer and counts it';

const cases: Record<string, Case> = {
  'job start': { parallelism: 2, completions: 5, backoffLimit: 6, expectedCreations: 2, expectedActive: 2 },
  'WQ job start': { parallelism: 2, completions: -1, backoffLimit: 6, expectedCreations: 2, expectedActive: 2 },
  'pending pods': { parallelism: 2, completions: 5, backoffLimit: 6, pendingPods: 2, expectedActive: 2 },
  'correct # of pods': {
    parallelism: 3,
    completions: 5,
    backoffLimit: 6,
    activePods: 3,
    readyPods: 2,
    expectedActive: 3,
    expectedReady: 2,
  },
  'WQ job: correct # of pods': { parallelism: 2, completions: -1, backoffLimit: 6, activePods: 2, expectedActive: 2 },
  'too few active pods': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    activePods: 1,
    succeededPods: 1,
    expectedCreations: 1,
    expectedActive: 2,
    expectedSucceeded: 1,
  },
  'WQ job: recreate pods when failed': {
    parallelism: 1,
    completions: -1,
    backoffLimit: 6,
    activePods: 1,
    failedPods: 1,
    podReplacementPolicy: 'Failed',
    terminatingPods: 1,
    expectedTerminating: 1,
    expectedFailed: 1,
    expectedActive: 1,
  },
  'WQ job: turn on PodReplacementPolicy but not set PodReplacementPolicy': {
    parallelism: 1,
    completions: 1,
    backoffLimit: 6,
    activePods: 1,
    failedPods: 1,
    terminatingPods: 1,
    expectedTerminating: 1,
    expectedActive: 1,
    expectedFailed: 2,
  },
  'WQ job: recreate pods when terminating or failed': {
    parallelism: 1,
    completions: -1,
    backoffLimit: 6,
    activePods: 1,
    failedPods: 1,
    podReplacementPolicy: 'TerminatingOrFailed',
    terminatingPods: 1,
    expectedTerminating: 1,
    expectedActive: 1,
    expectedFailed: 2,
  },
  'more terminating pods than parallelism': {
    parallelism: 1,
    completions: 1,
    backoffLimit: 6,
    activePods: 2,
    terminatingPods: 4,
    podReplacementPolicy: 'Failed',
    expectedTerminating: 5,
    expectedActive: 1,
    expectedDeletions: 1,
  },
  'more terminating pods than parallelism; PodFailurePolicy used': {
    parallelism: 1,
    completions: 1,
    backoffLimit: 6,
    activePods: 2,
    terminatingPods: 4,
    podFailurePolicy: { rules: [] },
    expectedTerminating: 5,
    expectedActive: 1,
    expectedDeletions: 1,
    sim: 'upstream runs it with JobPodReplacementPolicy off, so status.terminating is nil; in 1.34 it is 4 + the 1 deleted',
  },
  'too few active pods and active back-off': {
    parallelism: 1,
    completions: 1,
    backoffLimit: 6,
    backoffRecord: { failuresAfterLastSuccess: 1 },
    initialStatus: {},
    expectedCreations: 0,
    expectedActive: 0,
    expectedRequeueAfterMs: 10_000,
  },
  'too few active pods and no back-offs': {
    parallelism: 1,
    completions: 1,
    backoffLimit: 6,
    backoffRecord: { failuresAfterLastSuccess: 0 },
    expectedCreations: 1,
    expectedActive: 1,
  },
  'too few active pods with a dynamic job': {
    parallelism: 2,
    completions: -1,
    backoffLimit: 6,
    activePods: 1,
    expectedCreations: 1,
    expectedActive: 2,
  },
  'too few active pods, with controller error': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    podControllerError: true,
    activePods: 1,
    succeededPods: 1,
    expectedCreations: 1,
    expectedActive: 1,
    expectedSucceeded: 1,
    sim: `upstream expects succeeded 0: ${NO_FINALIZER}`,
  },
  'too many active pods': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    activePods: 3,
    expectedDeletions: 1,
    expectedActive: 2,
    expectedTerminating: 1,
  },
  'too many active pods; PodReplacementPolicy enabled': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    activePods: 3,
    expectedDeletions: 1,
    expectedActive: 2,
    expectedTerminating: 1,
  },
  'too many active pods, with controller error': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    podControllerError: true,
    activePods: 3,
    expectedDeletions: 1,
    expectedActive: 2,
    expectedTerminating: 1,
    sim: 'upstream expects no deletion and active 3 (deleteJobPods stops when the finalizer patch fails); the sim has no finalizer to patch and JobHost.deletePod cannot fail',
  },
  'count ready pods when too many active pods': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    activePods: 3,
    readyPods: 3,
    expectedDeletions: 1,
    expectedActive: 2,
    expectedReady: 2,
    expectedTerminating: 1,
  },
  'failed + succeed pods: reset backoff delay': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    activePods: 1,
    succeededPods: 1,
    failedPods: 1,
    expectedCreations: 1,
    expectedActive: 2,
    expectedSucceeded: 1,
    expectedFailed: 1,
  },
  'new failed pod': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    activePods: 1,
    failedPods: 1,
    expectedCreations: 1,
    expectedActive: 2,
    expectedFailed: 1,
  },
  'no new pod; possible finalizer update of failed pod': {
    parallelism: 1,
    completions: 1,
    backoffLimit: 6,
    initialStatus: { active: 1, succeed: 0, failed: 1 },
    activePods: 1,
    expectedCreations: 0,
    expectedActive: 1,
    expectedFailed: 1,
  },
  'only new failed pod with controller error': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    podControllerError: true,
    activePods: 1,
    failedPods: 1,
    expectedCreations: 1,
    expectedActive: 1,
    expectedFailed: 1,
    sim: `upstream expects failed 0: ${NO_FINALIZER}`,
  },
  'job finish': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    succeededPods: 5,
    expectedSucceeded: 5,
    expectedConditions: [scm, complete],
    sim: GATES_OFF_COMPLETE,
  },
  'WQ job finishing': {
    parallelism: 2,
    completions: -1,
    backoffLimit: 6,
    activePods: 1,
    succeededPods: 1,
    expectedActive: 1,
    expectedSucceeded: 1,
  },
  'WQ job all finished': {
    parallelism: 2,
    completions: -1,
    backoffLimit: 6,
    succeededPods: 2,
    expectedSucceeded: 2,
    expectedConditions: [scm, complete],
    sim: GATES_OFF_COMPLETE,
  },
  'WQ job all finished despite one failure': {
    parallelism: 2,
    completions: -1,
    backoffLimit: 6,
    succeededPods: 1,
    failedPods: 1,
    expectedSucceeded: 1,
    expectedFailed: 1,
    expectedConditions: [scm, complete],
    sim: GATES_OFF_COMPLETE,
  },
  'more active pods than parallelism': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    activePods: 10,
    expectedDeletions: 8,
    expectedActive: 2,
    expectedTerminating: 8,
  },
  'more active pods than remaining completions': {
    parallelism: 3,
    completions: 4,
    backoffLimit: 6,
    activePods: 3,
    succeededPods: 2,
    expectedDeletions: 1,
    expectedActive: 2,
    expectedSucceeded: 2,
    expectedTerminating: 1,
  },
  'status change': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    activePods: 2,
    succeededPods: 2,
    expectedActive: 2,
    expectedSucceeded: 2,
  },
  'deleting job': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    deleting: true,
    pendingPods: 1,
    activePods: 1,
    succeededPods: 1,
    expectedActive: 2,
    expectedSucceeded: 1,
  },
  'limited pods': {
    parallelism: 100,
    completions: 200,
    backoffLimit: 6,
    podLimit: 10,
    expectedCreations: 10,
    expectedActive: 10,
  },
  'too many job failures': {
    parallelism: 2,
    completions: 5,
    deleting: true,
    failedPods: 1,
    expectedFailed: 1,
    expectedConditions: [backoffTarget, backoffFailed],
    sim: GATES_OFF_FAILED,
  },
  'job failures, unsatisfied expectations': {
    parallelism: 2,
    completions: 5,
    deleting: true,
    failedPods: 1,
    expectedFailed: 1,
    expectedConditions: [backoffTarget, backoffFailed],
    sim: `upstream expects no condition yet; ${NO_EXPECTATIONS} ("too many job failures")`,
  },
  'indexed job start': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    completionMode: 'Indexed',
    expectedCreations: 2,
    expectedActive: 2,
    expectedCreatedIndexes: [0, 1],
  },
  'indexed job with some pods deleted, podReplacementPolicy Failed': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    completionMode: 'Indexed',
    expectedCreations: 1,
    expectedActive: 1,
    expectedCreatedIndexes: [0],
    podReplacementPolicy: 'Failed',
    terminatingPods: 1,
    expectedTerminating: 1,
  },
  'indexed job with some pods deleted, podReplacementPolicy TerminatingOrFailed': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    completionMode: 'Indexed',
    expectedCreations: 2,
    expectedActive: 2,
    expectedCreatedIndexes: [0, 1],
    podReplacementPolicy: 'TerminatingOrFailed',
    terminatingPods: 1,
    expectedTerminating: 1,
  },
  'indexed job completed': {
    parallelism: 2,
    completions: 3,
    backoffLimit: 6,
    completionMode: 'Indexed',
    podsWithIndexes: [
      ['0', 'Succeeded'],
      ['1', 'Failed'],
      ['1', 'Succeeded'],
      ['2', 'Succeeded'],
    ],
    expectedSucceeded: 3,
    expectedFailed: 1,
    expectedCompletedIdxs: '0-2',
    expectedConditions: [scm, complete],
    sim: GATES_OFF_COMPLETE,
  },
  'indexed job failed': {
    parallelism: 2,
    completions: 3,
    backoffLimit: 0,
    completionMode: 'Indexed',
    podsWithIndexes: [
      ['0', 'Succeeded'],
      ['1', 'Failed'],
      ['2', 'Running'],
    ],
    expectedSucceeded: 1,
    expectedFailed: 2,
    expectedCompletedIdxs: '0',
    expectedConditions: [backoffTarget],
    expectedDeletions: 1,
    expectedTerminating: 1,
    sim: GATES_OFF_FAILED,
  },
  'count terminating pods when indexed job fails and PodReplacementPolicy enabled': {
    parallelism: 2,
    completions: 3,
    backoffLimit: 0,
    completionMode: 'Indexed',
    podsWithIndexes: [
      ['0', 'Succeeded'],
      ['1', 'Failed'],
      ['2', 'Running'],
    ],
    expectedSucceeded: 1,
    expectedFailed: 2,
    expectedCompletedIdxs: '0',
    expectedConditions: [backoffTarget],
    expectedDeletions: 1,
    expectedTerminating: 1,
  },
  'count ready pods when job fails': {
    parallelism: 2,
    completions: 3,
    backoffLimit: 0,
    activePods: 2,
    readyPods: 2,
    failedPods: 1,
    expectedFailed: 3,
    expectedConditions: [backoffTarget],
    expectedDeletions: 2,
    expectedTerminating: 2,
    sim: GATES_OFF_FAILED,
  },
  'indexed job repeated completed index': {
    parallelism: 2,
    completions: 3,
    backoffLimit: 6,
    completionMode: 'Indexed',
    podsWithIndexes: [
      ['0', 'Succeeded'],
      ['1', 'Succeeded'],
      ['1', 'Succeeded'],
    ],
    expectedCreations: 1,
    expectedActive: 1,
    expectedSucceeded: 2,
    expectedCompletedIdxs: '0,1',
    expectedCreatedIndexes: [2],
  },
  'indexed job some running and completed pods': {
    parallelism: 8,
    completions: 20,
    backoffLimit: 6,
    completionMode: 'Indexed',
    podsWithIndexes: [
      ['0', 'Running'],
      ['2', 'Succeeded'],
      ['3', 'Pending'],
      ['4', 'Succeeded'],
      ['5', 'Succeeded'],
      ['7', 'Succeeded'],
      ['8', 'Succeeded'],
      ['9', 'Succeeded'],
    ],
    expectedCreations: 6,
    expectedActive: 8,
    expectedSucceeded: 6,
    expectedCompletedIdxs: '2,4,5,7-9',
    expectedCreatedIndexes: [1, 6, 10, 11, 12, 13],
  },
  'indexed job some failed pods': {
    parallelism: 3,
    completions: 4,
    backoffLimit: 6,
    completionMode: 'Indexed',
    podsWithIndexes: [
      ['0', 'Failed'],
      ['1', 'Pending'],
      ['2', 'Failed'],
    ],
    expectedCreations: 2,
    expectedActive: 3,
    expectedFailed: 2,
    expectedCreatedIndexes: [0, 2],
  },
  'indexed job some pods without index': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    completionMode: 'Indexed',
    activePods: 1,
    succeededPods: 1,
    failedPods: 1,
    podsWithIndexes: [
      ['invalid', 'Running'],
      ['invalid', 'Succeeded'],
      ['invalid', 'Failed'],
      ['invalid', 'Pending'],
      ['0', 'Succeeded'],
      ['1', 'Running'],
      ['2', 'Running'],
    ],
    expectedDeletions: 3,
    expectedActive: 2,
    expectedSucceeded: 1,
    expectedFailed: 0,
    expectedCompletedIdxs: '0',
    expectedTerminating: 3,
  },
  'indexed job repeated indexes': {
    parallelism: 5,
    completions: 5,
    backoffLimit: 6,
    completionMode: 'Indexed',
    succeededPods: 1,
    failedPods: 1,
    podsWithIndexes: [
      ['invalid', 'Running'],
      ['0', 'Succeeded'],
      ['1', 'Running'],
      ['2', 'Running'],
      ['2', 'Pending'],
    ],
    expectedCreations: 0,
    expectedDeletions: 2,
    expectedActive: 2,
    expectedSucceeded: 1,
    expectedCompletedIdxs: '0',
    expectedTerminating: 2,
  },
  'indexed job with indexes outside of range': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    completionMode: 'Indexed',
    podsWithIndexes: [
      ['0', 'Succeeded'],
      ['5', 'Running'],
      ['6', 'Succeeded'],
      ['7', 'Pending'],
      ['8', 'Failed'],
    ],
    // only one of creations and deletions can happen in a sync
    expectedCreations: 0,
    expectedSucceeded: 1,
    expectedDeletions: 2,
    expectedCompletedIdxs: '0',
    expectedActive: 0,
    expectedFailed: 0,
    expectedTerminating: 2,
  },
  'suspending a job with satisfied expectations': {
    suspend: true,
    parallelism: 2,
    activePods: 2,
    completions: 4,
    backoffLimit: 6,
    expectedCreations: 0,
    expectedDeletions: 2,
    expectedActive: 0,
    expectedConditions: [suspended],
    expectedTerminating: 2,
  },
  'suspending a job with satisfied expectations; PodReplacementPolicy enabled': {
    suspend: true,
    parallelism: 2,
    activePods: 2,
    completions: 4,
    backoffLimit: 6,
    expectedCreations: 0,
    expectedDeletions: 2,
    expectedActive: 0,
    expectedConditions: [suspended],
    expectedTerminating: 2,
  },
  'count ready pods when suspending a job with satisfied expectations': {
    suspend: true,
    parallelism: 2,
    activePods: 2,
    readyPods: 2,
    completions: 4,
    backoffLimit: 6,
    expectedCreations: 0,
    expectedDeletions: 2,
    expectedActive: 0,
    expectedConditions: [suspended],
    expectedReady: 0,
    expectedTerminating: 2,
  },
  'suspending a job with unsatisfied expectations': {
    suspend: true,
    parallelism: 2,
    activePods: 3,
    completions: 4,
    backoffLimit: 6,
    expectedDeletions: 3,
    expectedActive: 0,
    expectedConditions: [suspended],
    expectedTerminating: 3,
    sim: `upstream expects no deletion and active 3 until the expected deletion is seen; ${NO_EXPECTATIONS}`,
  },
  'count ready pods when suspending a job with unsatisfied expectations': {
    suspend: true,
    parallelism: 2,
    activePods: 3,
    readyPods: 3,
    completions: 4,
    backoffLimit: 6,
    expectedDeletions: 3,
    expectedActive: 0,
    expectedReady: 0,
    expectedConditions: [suspended],
    expectedTerminating: 3,
    sim: `upstream expects no deletion, active 3 and ready 3; ${NO_EXPECTATIONS}`,
  },
  'suspending a job with unsatisfied expectations; PodReplacementPolicy enabled': {
    suspend: true,
    parallelism: 2,
    activePods: 3,
    completions: 4,
    backoffLimit: 6,
    expectedDeletions: 3,
    expectedActive: 0,
    expectedConditions: [suspended],
    expectedTerminating: 3,
    sim: `upstream expects no deletion, active 3 and terminating 0; ${NO_EXPECTATIONS}`,
  },
  'resuming a suspended job': {
    wasSuspended: true,
    suspend: false,
    parallelism: 2,
    completions: 4,
    backoffLimit: 6,
    expectedCreations: 2,
    expectedDeletions: 0,
    expectedActive: 2,
    expectedConditions: [['Suspended', 'False', 'JobResumed', 'Job resumed']],
  },
  'suspending a deleted job': {
    // The Job is being deleted: nothing changes from before it was suspended, and there is no
    // JobSuspended condition.
    suspend: true,
    deleting: true,
    parallelism: 2,
    activePods: 2,
    completions: 4,
    backoffLimit: 6,
    expectedCreations: 0,
    expectedDeletions: 0,
    expectedActive: 2,
  },
  'suspending a deleted job; PodReplacementPolicy enabled': {
    suspend: true,
    deleting: true,
    parallelism: 2,
    activePods: 2,
    completions: 4,
    backoffLimit: 6,
    expectedCreations: 0,
    expectedDeletions: 0,
    expectedActive: 2,
    expectedTerminating: 0,
  },
  'indexed job with podIndexLabel feature disabled': {
    parallelism: 2,
    completions: 5,
    backoffLimit: 6,
    completionMode: 'Indexed',
    expectedCreations: 2,
    expectedActive: 2,
    expectedCreatedIndexes: [0, 1],
    sim: 'PodIndexLabel is GA in 1.34 and cannot be disabled: the pods carry the completion-index label',
  },
  'FailureTarget=False condition added manually is ignored': {
    parallelism: 1,
    completions: 1,
    activePods: 1,
    readyPods: 1,
    initialStatus: { active: 1, conditions: [['FailureTarget', 'False', 'ConditionAddedManually', 'Testing']] },
    expectedActive: 1,
    expectedReady: 1,
    expectedConditions: [['FailureTarget', 'False', 'ConditionAddedManually', 'Testing']],
  },
  'SuccessCriteriaMet=False condition added manually is ignored': {
    parallelism: 1,
    completions: 1,
    activePods: 1,
    readyPods: 1,
    initialStatus: {
      active: 1,
      conditions: [['SuccessCriteriaMet', 'False', 'ConditionAddedManually', 'Testing']],
    },
    expectedActive: 1,
    expectedReady: 1,
    expectedConditions: [['SuccessCriteriaMet', 'False', 'ConditionAddedManually', 'Testing']],
  },
  'backoff limit exceeded; JobManagedBy enabled': {
    parallelism: 2,
    completions: 3,
    backoffLimit: 0,
    completionMode: 'Indexed',
    podsWithIndexes: [
      ['0', 'Succeeded'],
      ['1', 'Failed'],
      ['2', 'Running'],
    ],
    expectedSucceeded: 1,
    expectedFailed: 2,
    expectedCompletedIdxs: '0',
    expectedConditions: [backoffTarget],
    expectedDeletions: 1,
    expectedTerminating: 1,
  },
};

const condition = ([type, status, reason = '', message = '']: Cond, at = NOW) => ({
  type,
  status,
  reason,
  message,
  lastProbeTime: rfc3339(at),
  lastTransitionTime: rfc3339(at),
});

/** newJob: name foobar, selector foo=bar, the given parallelism / completions / backoffLimit / mode. */
function newJob(tc: Case): Job {
  const job: any = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'foobar', namespace: 'default', uid: 'foobar-uid' },
    spec: {
      selector: { matchLabels: { foo: 'bar' } },
      template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'c', image: 'foo/bar' }] } },
      backoffLimit: tc.backoffLimit ?? 0,
      suspend: tc.suspend ?? false,
    },
    status: {},
  };
  if (tc.completionMode) job.spec.completionMode = tc.completionMode;
  if (tc.completions >= 0) job.spec.completions = tc.completions;
  if (tc.parallelism >= 0) job.spec.parallelism = tc.parallelism;
  if (tc.podReplacementPolicy) job.spec.podReplacementPolicy = tc.podReplacementPolicy;
  if (tc.podFailurePolicy) job.spec.podFailurePolicy = tc.podFailurePolicy;
  if (tc.initialStatus) {
    const s = tc.initialStatus;
    job.status = { startTime: rfc3339(NOW) };
    if (s.active) job.status.active = s.active;
    if (s.succeed) job.status.succeeded = s.succeed;
    if (s.failed) job.status.failed = s.failed;
    if (s.conditions) job.status.conditions = s.conditions.map((c) => condition(c));
  }
  if (tc.wasSuspended) (job.status.conditions ??= []).push(condition(suspended));
  if (tc.deleting) job.metadata.deletionTimestamp = rfc3339(NOW);
  return job;
}

/** setPodsStatuses and setPodsStatusesWithIndexes: pods owned by the Job, in the given phases. */
function newPods(job: Job, tc: Case): Pod[] {
  const pods: Pod[] = [];
  const add = (phase: Phase, extra: (p: any) => void = () => {}) => {
    const name = `pod-${pods.length}`;
    const p: any = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        uid: name,
        namespace: 'default',
        labels: { foo: 'bar' },
        ownerReferences: [
          { apiVersion: 'batch/v1', kind: 'Job', name: 'foobar', uid: job.metadata!.uid, controller: true },
        ],
      },
      spec: { containers: [{ name: 'c', image: 'foo/bar' }] },
      status: { phase, containerStatuses: [{ name: 'c', state: { terminated: { finishedAt: testFinishedAt } } }] },
    };
    extra(p);
    pods.push(p);
  };
  for (let i = 0; i < (tc.pendingPods ?? 0); i++) add('Pending');
  for (let i = 0; i < (tc.activePods ?? 0); i++)
    add('Running', (p) => {
      if (i < (tc.readyPods ?? 0)) p.status.conditions = [{ type: 'Ready', status: 'True' }];
    });
  for (let i = 0; i < (tc.succeededPods ?? 0); i++) add('Succeeded');
  for (let i = 0; i < (tc.failedPods ?? 0); i++) add('Failed');
  for (let i = 0; i < (tc.terminatingPods ?? 0); i++)
    add('Running', (p) => (p.metadata.deletionTimestamp = rfc3339(NOW)));
  for (const [index, phase] of tc.podsWithIndexes ?? [])
    add(phase, (p) => {
      if (phase !== 'Failed' && phase !== 'Succeeded') delete p.status.containerStatuses;
      p.metadata.annotations = { 'batch.kubernetes.io/job-completion-index': index };
      p.spec.hostname = `foobar-${index}`;
    });
  return pods;
}

/** The informer stores and controller.FakePodControl (Err, CreateLimit), as a JobHost. */
function fakeHost(job: Job, pods: Pod[], opts: { err?: boolean; createLimit?: number }) {
  const byName = new Map(pods.map((p) => [p.metadata!.name!, p]));
  const got = {
    templates: [] as Pod[],
    createCallCount: 0,
    deleted: [] as string[],
    status: undefined as any,
    events: [] as [string, string, string][],
    requeues: [] as number[],
  };
  const host: JobHost = {
    now: () => NOW,
    schedule: (at, type) => type === 'job.sync' && got.requeues.push(at - NOW),
    pending: () => false,
    peekAll: (kind) => (kind === 'Pod' ? [...byName.values()] : [job]),
    peek: (kind, _ns, name) => (kind === 'Job' ? (name === job.metadata!.name ? job : undefined) : byName.get(name)),
    peekOwnedBy: (_kind, uid) =>
      [...byName.values()].filter((p) => p.metadata?.ownerReferences?.some((r) => r.uid === uid)),
    createPod: (pod) => {
      got.createCallCount++;
      if (opts.createLimit && got.createCallCount > opts.createLimit)
        return {
          error: `not creating pod, limit ${opts.createLimit} already reached (create call ${got.createCallCount})`,
        };
      got.templates.push(pod);
      if (opts.err) return { error: 'fake error' };
      return { name: `${pod.metadata!.generateName}${got.templates.length}` };
    },
    deletePod: (pod) => void got.deleted.push(pod.metadata!.name!),
    deleteJob: () => {},
    writeStatus: (_kind, obj) => (got.status = obj.status),
    record: (_obj, type, reason, message) => void got.events.push([type, reason, message]),
  };
  return { host, got };
}

function syncJob(tc: Case) {
  const job = newJob(tc);
  const { host, got } = fakeHost(job, newPods(job, tc), { err: tc.podControllerError, createLimit: tc.podLimit });
  const jm = new JobController(host);
  if (tc.backoffRecord)
    jm.state.jobs[job.metadata!.uid!] = {
      key: 'default/foobar',
      tracked: {},
      counted: {},
      countedN: 0,
      backoff: { failuresAfterLastSuccess: tc.backoffRecord.failuresAfterLastSuccess, lastFailureTime: NOW },
    };
  jm.sync('default', 'foobar');
  return { job, got, status: got.status ?? job.status ?? {}, machine: jm.machineStates()['default/foobar'] };
}

describe('TestControllerSyncJob', () => {
  test.each(Object.entries(cases))('%s', (_name, tc) => {
    const { job, got, status } = syncJob(tc);

    // created and deleted pods
    expect(got.templates.length).toBe(tc.expectedCreations ?? 0);
    expect(got.deleted.length).toBe(tc.expectedDeletions ?? 0);
    for (const p of got.templates)
      expect(p.metadata!.ownerReferences).toEqual([
        expect.objectContaining({
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: job.metadata!.name,
          uid: job.metadata!.uid,
          controller: true,
        }),
      ]);
    if (tc.completionMode === 'Indexed') {
      // checkIndexedJobPods
      const indexes = got.templates.map((p) => {
        const ix = p.metadata!.annotations!['batch.kubernetes.io/job-completion-index'];
        expect(p.metadata!.labels!['batch.kubernetes.io/job-completion-index']).toBe(ix);
        expect(p.spec!.hostname).toBe(`foobar-${ix}`);
        expect(p.metadata!.generateName).toBe(`foobar-${ix}-`);
        expect(p.spec!.containers[0].env).toContainEqual({
          name: 'JOB_COMPLETION_INDEX',
          valueFrom: { fieldRef: { fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } },
        });
        return Number(ix);
      });
      expect(indexes.sort((a, b) => a - b)).toEqual(tc.expectedCreatedIndexes ?? []);
    } else for (const p of got.templates) expect(p.spec!.hostname).toBeUndefined();

    // status
    expect(status.active ?? 0).toBe(tc.expectedActive ?? 0);
    expect(status.ready).toBe(tc.expectedReady ?? 0);
    expect(status.succeeded ?? 0).toBe(tc.expectedSucceeded ?? 0);
    expect(status.completedIndexes ?? '').toBe(tc.expectedCompletedIdxs ?? '');
    expect(status.failed ?? 0).toBe(tc.expectedFailed ?? 0);
    expect(status.terminating).toBe(tc.expectedTerminating ?? 0);
    if (tc.suspend) expect(status.startTime).toBeUndefined();
    else expect(status.startTime).toBeDefined();
    expect((status.conditions ?? []).map((c: any) => [c.type, c.status, c.reason ?? '', c.message ?? ''])).toEqual(
      (tc.expectedConditions ?? []).map(([type, st, reason = '', message = '']) => [type, st, reason, message]),
    );

    // slow start: batches of 1, 2, 4, … stop after the batch that failed
    if (tc.podLimit) {
      let expectedLimit = 0;
      for (let pass = 0; expectedLimit <= tc.podLimit; pass++) expectedLimit += 1 << pass;
      expect(got.createCallCount).toBeLessThanOrEqual(expectedLimit);
    }
    if (tc.expectedRequeueAfterMs !== undefined) expect(got.requeues).toContain(tc.expectedRequeueAfterMs);

    // the pod control's events, as upstream's RealPodControl records them
    const reasons = got.events.map((e) => e[1]);
    expect(reasons.filter((r) => r === 'SuccessfulCreate').length).toBe(
      (tc.expectedCreations ?? 0) - (tc.podControllerError ? (tc.expectedCreations ?? 0) : 0),
    );
    expect(reasons.filter((r) => r === 'SuccessfulDelete').length).toBe(tc.expectedDeletions ?? 0);
  });

  test("the Job machine: a deleted Job's sync is not suspended, whatever spec.suspend says", () => {
    expect(syncJob(cases['suspending a deleted job']).machine.value).toBe('active');
    expect(syncJob(cases['suspending a job with satisfied expectations']).machine.value).toBe('suspended');
    expect(syncJob(cases['too few active pods and active back-off']).machine.value).toBe('backoff');
    expect(
      syncJob(cases['count terminating pods when indexed job fails and PodReplacementPolicy enabled']).machine.value,
    ).toBe('finishing');
    expect(syncJob(cases['too many job failures']).machine.value).toBe('failed');
    expect(syncJob(cases['job finish']).machine.value).toBe('complete');
  });

  test('event reasons and messages are upstream verbatim', () => {
    expect(syncJob(cases['job finish']).got.events).toEqual([['Normal', 'Completed', 'Job completed']]);
    expect(syncJob(cases['too many job failures']).got.events).toEqual([
      ['Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    expect(syncJob(cases['suspending a job with satisfied expectations']).got.events).toEqual([
      ['Normal', 'SuccessfulDelete', 'Deleted pod: pod-0'],
      ['Normal', 'SuccessfulDelete', 'Deleted pod: pod-1'],
      ['Normal', 'Suspended', 'Job suspended'],
    ]);
    expect(syncJob(cases['resuming a suspended job']).got.events).toEqual([
      ['Normal', 'SuccessfulCreate', 'Created pod: foobar-1'],
      ['Normal', 'SuccessfulCreate', 'Created pod: foobar-2'],
      ['Normal', 'Resumed', 'Job resumed'],
    ]);
    expect(syncJob(cases['too few active pods, with controller error']).got.events).toEqual([
      ['Warning', 'FailedCreate', 'Error creating: fake error'],
    ]);
  });
});

// The headline cases through the public contract.
describe('TestControllerSyncJob through createCluster', () => {
  const yaml = (spec: string, command = 'sleep 600') => `apiVersion: batch/v1
kind: Job
metadata:
  name: foobar
spec:
${spec}
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox
          command: ["sh", "-c", "${command}"]
`;
  const job = (c: Cluster) => c.get('job', 'foobar') as any;
  const pods = (c: Cluster) =>
    (c.list('pods', { labelSelector: 'batch.kubernetes.io/job-name=foobar' }) as any[]).filter(
      (p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    );
  const conds = (c: Cluster) => (job(c).status.conditions ?? []).map((x: any) => [x.type, x.status, x.reason]);
  const start = (spec: string, command?: string) => {
    const c = createCluster();
    expect(c.apply(yaml(spec, command)).errors).toEqual([]);
    return c;
  };

  test('job start, then job finish', () => {
    const c = start('  parallelism: 2\n  completions: 5', 'sleep 5');
    c.advance(1);
    expect(pods(c)).toHaveLength(2);
    expect(job(c).status.active).toBe(2);
    c.advance(120);
    expect(job(c).status.succeeded).toBe(5);
    expect(conds(c)).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached'],
      ['Complete', 'True', 'CompletionsReached'],
    ]);
  });

  test('too many active pods', () => {
    const c = start('  parallelism: 3\n  completions: 5');
    c.advance(20);
    expect(pods(c)).toHaveLength(3);
    c.apply(yaml('  parallelism: 2\n  completions: 5'));
    c.advance(2);
    expect(pods(c)).toHaveLength(2);
    expect(job(c).status.active).toBe(2);
    expect(job(c).status.terminating).toBe(1);
  });

  test('suspending a job with satisfied expectations, then resuming a suspended job', () => {
    const c = start('  parallelism: 2\n  completions: 4');
    c.advance(20);
    c.apply(yaml('  parallelism: 2\n  completions: 4\n  suspend: true'));
    c.advance(2);
    expect(pods(c)).toHaveLength(0);
    expect(job(c).status.active).toBeUndefined();
    expect(conds(c)).toEqual([['Suspended', 'True', 'JobSuspended']]);
    c.advance(60);
    c.apply(yaml('  parallelism: 2\n  completions: 4\n  suspend: false'));
    c.advance(2);
    expect(pods(c)).toHaveLength(2);
    expect(conds(c)).toEqual([['Suspended', 'False', 'JobResumed']]);
    const reasons = (c.events() as any[]).filter((e) => e.involvedObject.kind === 'Job').map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['Suspended', 'Resumed']));
  });

  test('deleting job: no pod is created while the Job is being deleted, its status is still tracked', () => {
    const c = start('  parallelism: 2\n  completions: 5');
    c.advance(20);
    c.delete('job', 'foobar', { cascade: 'foreground' });
    c.advance(1);
    const j = job(c);
    expect(j?.metadata.deletionTimestamp).toBeDefined();
    expect(pods(c)).toHaveLength(0);
    expect(j.status.terminating).toBe(2);
    c.advance(60);
    expect(job(c)).toBeUndefined();
    expect(c.list('pods')).toHaveLength(0);
  });
});
