/**
 * The data behind the sandbox's "why?" button (DESIGN.md principle 5): pure functions over the
 * engine's public contract (`list`, `get`, `events`, `now`) that say why a Pod, a Node, a Job or a
 * CronJob is in the state the learner sees. They answer with reasons as data, a code and the
 * params a sentence needs (times as ISO 8601 strings, durations as `…Seconds` numbers); the UI
 * words them (src/ui/why-text.ts). The decisions are the controllers' own pure helpers, called
 * with the same inputs, so an explanation cannot drift from what the engine does.
 */
import { rfc3339 as iso } from '../time';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type {
  ContainerStatus,
  Node,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  Pod,
  Taint,
} from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { Cluster } from '../cluster';
import { RESTART_BACKOFF_INITIAL, RESTART_BACKOFF_MAX } from '../cluster';
import type { EventRecord } from '../events/recorder';
import { nodeShouldRunDaemonPod } from '../daemonset/predicates';
import { getTargetNodeName } from '../daemonset/util';
import { getMatchingTolerations, taintToString } from '../scheduling/taints';
import {
  DefaultJobPodFailureBackOff,
  MaxJobPodFailureBackOff,
  getFinishedTime,
  remainingBackoff,
  wantActive,
} from '../job/controller';
import { parseSchedule, type Schedule } from '../cronjob/schedule';
import { mostRecentScheduleTime, nextScheduleDelta, nextScheduleTimeDuration } from '../cronjob/utils';

export interface Reason {
  code: string;
  params: Record<string, string | number>;
}

const reason = (code: string, params: Record<string, string | number> = {}): Reason => ({ code, params });
const controllerOf = (o: { metadata?: { ownerReferences?: OwnerReference[] } }) =>
  (o.metadata?.ownerReferences ?? []).find((r) => r.controller);

/** The Events about one object (by uid), oldest occurrence first by lastTimestamp. */
function eventsFor(cluster: Cluster, uid: string | undefined, reasonName?: string): EventRecord[] {
  return (cluster.events() as EventRecord[])
    .filter((e) => e.involvedObject.uid === uid && (!reasonName || e.reason === reasonName))
    .sort((a, b) => Date.parse(a.lastTimestamp) - Date.parse(b.lastTimestamp));
}

const lastEvent = (cluster: Cluster, uid: string | undefined, reasonName: string): EventRecord | undefined =>
  eventsFor(cluster, uid, reasonName).at(-1);

function readyCondition(node: Node | undefined) {
  return (node?.status?.conditions ?? []).find((c) => c.type === 'Ready');
}

// ---- Pods ------------------------------------------------------------------------------------

/**
 * Why a Pod is where it is: who owns it (and, for a Job, whether a CronJob made the Job), whether
 * the DaemonSet controller pinned it to a node, and its state: waiting for the scheduler or
 * unschedulable (the scheduler's last FailedScheduling message), pulling an image, running,
 * crash-looping with the kubelet's back-off, completed or failed with an exit code, terminating
 * (evicted by a NoExecute taint or deleted), and what its node's health and taints mean for it.
 */
export function whyPod(cluster: Cluster, namespace: string, name: string): Reason[] {
  const pod = cluster.get('Pod', name, namespace) as Pod | undefined;
  if (!pod) {
    const out = [reason('pod.notFound', { namespace, name })];
    // An evicted Pod is gone once its containers stopped; its Events stay for an hour.
    const evicted = (cluster.events() as EventRecord[])
      .filter(
        (e) =>
          e.reason === 'TaintManagerEviction' &&
          e.involvedObject.kind === 'Pod' &&
          e.involvedObject.name === name &&
          (e.involvedObject.namespace ?? 'default') === namespace,
      )
      .at(-1);
    if (evicted) out.push(reason('pod.evicted', { at: evicted.lastTimestamp, taint: '' }));
    return out;
  }
  const out: Reason[] = [];
  const now = cluster.now().getTime();
  const uid = pod.metadata?.uid;
  const nodeName = pod.spec?.nodeName ?? '';
  const node = nodeName ? (cluster.get('Node', nodeName) as Node | undefined) : undefined;

  const owner = controllerOf(pod);
  if (owner) {
    out.push(reason('pod.owner', { kind: owner.kind, name: owner.name }));
    if (owner.kind === 'Job') {
      const job = cluster.get('Job', owner.name, namespace) as Job | undefined;
      const cronJob = job && controllerOf(job);
      if (cronJob?.kind === 'CronJob')
        out.push(reason('pod.owner.cronJob', { job: owner.name, cronJob: cronJob.name }));
    }
    if (owner.kind === 'DaemonSet') {
      const target = getTargetNodeName({ ...pod, spec: { ...pod.spec!, nodeName: undefined } });
      if ('nodeName' in target) out.push(reason('pod.pinned', { node: target.nodeName }));
    }
  }

  if (pod.metadata?.deletionTimestamp) {
    const evicted = lastEvent(cluster, uid, 'TaintManagerEviction');
    if (evicted) {
      const cause = evictingTaint(pod, node);
      out.push(
        cause?.tolerationSeconds !== undefined
          ? reason('pod.evicted.tolerationExpired', {
              at: evicted.lastTimestamp,
              taint: cause.taint,
              tolerationSeconds: cause.tolerationSeconds,
            })
          : reason('pod.evicted', { at: evicted.lastTimestamp, taint: cause?.taint ?? '' }),
      );
    }
    out.push(
      reason('pod.terminating', {
        until: pod.metadata.deletionTimestamp,
        graceSeconds: pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30,
      }),
    );
    out.push(...nodeHealth(node));
    return out;
  }

  const phase = pod.status?.phase;
  const statuses = pod.status?.containerStatuses ?? [];
  if (phase === 'Succeeded' || phase === 'Failed') {
    const terminated = statuses.filter((s) => s.state?.terminated);
    if (phase === 'Succeeded') {
      const finished = terminated
        .map((s) => Date.parse(s.state!.terminated!.finishedAt ?? ''))
        .filter((t) => !Number.isNaN(t));
      out.push(
        reason('pod.completed', {
          exitCode: 0,
          at: iso(finished.length ? Math.max(...finished) : now),
          node: nodeName,
        }),
      );
    } else {
      const failed = terminated.find((s) => s.state!.terminated!.exitCode !== 0) ?? terminated[0];
      const t = failed?.state?.terminated;
      out.push(
        reason('pod.error', {
          container: failed?.name ?? '',
          exitCode: t?.exitCode ?? 1,
          reason: t?.reason ?? pod.status?.reason ?? 'Error',
          at: t?.finishedAt ?? iso(now),
          node: nodeName,
        }),
      );
    }
    return out;
  }

  if (!nodeName) {
    const failed = lastEvent(cluster, uid, 'FailedScheduling');
    const condition = (pod.status?.conditions ?? []).find(
      (c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable',
    );
    if (failed) {
      out.push(reason('pod.unschedulable', { message: failed.message, at: failed.lastTimestamp, count: failed.count }));
    } else if (condition) {
      // The Events expire after an hour; the PodScheduled condition keeps the same message.
      out.push(
        reason('pod.unschedulable', {
          message: condition.message ?? '',
          at: condition.lastTransitionTime ?? iso(now),
          count: 1,
        }),
      );
    } else {
      out.push(reason('pod.scheduling', { schedulerName: pod.spec?.schedulerName ?? 'default-scheduler' }));
    }
    return out;
  }

  if (statuses.length === 0) out.push(reason('pod.assigned', { node: nodeName }));
  for (const cs of statuses) {
    const waiting = cs.state?.waiting;
    if (!waiting) continue;
    if (waiting.reason === 'CrashLoopBackOff') out.push(restartBackoff(cs, now, nodeName));
    else if (waiting.reason === 'ContainerCreating') {
      const pulling = eventsFor(cluster, uid, 'Pulling')
        .filter((e) => e.involvedObject.fieldPath === `spec.containers{${cs.name}}`)
        .at(-1);
      out.push(
        reason('pod.pulling', {
          container: cs.name,
          image: cs.image,
          node: nodeName,
          since: pulling?.lastTimestamp ?? pod.status?.startTime ?? iso(now),
        }),
      );
    } else out.push(reason('pod.waiting', { container: cs.name, reason: waiting.reason ?? '' }));
  }
  if (statuses.length > 0 && statuses.every((s) => s.state?.running)) {
    const started = statuses.map((s) => Date.parse(s.state!.running!.startedAt ?? ''));
    out.push(reason('pod.running', { node: nodeName, since: iso(Math.max(...started)) }));
  }
  out.push(...nodeHealth(node));
  const due = evictionDue(pod, node);
  if (due) out.push(due);
  return out;
}

/**
 * The kubelet's CrashLoopBackOff (see cluster.ts kubeletExit): the first restart is immediate,
 * then the wait is 10 s doubling to 300 s, counted from when the container last exited. The
 * kubelet states the wait it chose in the waiting message (`back-off 40s restarting failed
 * container=…`), which also covers a back-off that was reset after 10 minutes of running;
 * without it the wait follows from the restart count.
 */
function restartBackoff(cs: ContainerStatus, now: number, node: string): Reason {
  const restarts = cs.restartCount ?? 0;
  const said = /back-off (\S+) restarting/.exec(cs.state?.waiting?.message ?? '');
  const delaySeconds = said
    ? goDurationSeconds(said[1])
    : Math.min(RESTART_BACKOFF_INITIAL * 2 ** Math.max(0, restarts - 1), RESTART_BACKOFF_MAX);
  const finished = Date.parse(cs.lastState?.terminated?.finishedAt ?? '');
  const from = Number.isNaN(finished) ? now : finished;
  return reason('pod.backoff', {
    container: cs.name,
    restarts,
    exitCode: cs.lastState?.terminated?.exitCode ?? 1,
    delaySeconds,
    until: iso(from + delaySeconds * 1000),
    node,
  });
}

/** `1m20s`, `40s`, `5m0s`: whole seconds. */
function goDurationSeconds(s: string): number {
  let total = 0;
  for (const [, n, unit] of s.matchAll(/(\d+(?:\.\d+)?)(h|m|s)/g))
    total += Number(n) * (unit === 'h' ? 3600 : unit === 'm' ? 60 : 1);
  return Math.round(total);
}

/** The node's Ready condition as it bears on the pods there. */
function nodeHealth(node: Node | undefined): Reason[] {
  const ready = readyCondition(node);
  const name = node?.metadata?.name ?? '';
  if (ready?.status === 'False') return [reason('pod.nodeNotReady', { node: name })];
  if (ready?.status === 'Unknown') return [reason('pod.nodeUnreachable', { node: name })];
  return [];
}

const noExecuteTaints = (node: Node | undefined): Taint[] =>
  (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');

/**
 * The NoExecute taint behind an eviction: the first one the pod does not tolerate, else the one
 * it tolerated for the shortest tolerationSeconds.
 */
function evictingTaint(pod: Pod, node: Node | undefined): { taint: string; tolerationSeconds?: number } | undefined {
  const taints = noExecuteTaints(node);
  const tolerations = pod.spec?.tolerations ?? [];
  for (const t of taints) if (!getMatchingTolerations([t], tolerations).ok) return { taint: taintToString(t) };
  const timed = timedTolerations(taints, pod);
  return timed.length
    ? { taint: taintToString(timed[0].taint), tolerationSeconds: Math.max(0, timed[0].seconds) }
    : undefined;
}

function timedTolerations(taints: Taint[], pod: Pod): { taint: Taint; seconds: number }[] {
  const m = getMatchingTolerations(taints, pod.spec?.tolerations ?? []);
  if (!m.ok) return [];
  return taints
    .map((taint, i) => ({ taint, seconds: m.matched[i].tolerationSeconds }))
    .filter((x): x is { taint: Taint; seconds: number } => typeof x.seconds === 'number')
    .sort((a, b) => a.seconds - b.seconds);
}

/**
 * Taint-based eviction to come: every NoExecute taint on the node is tolerated, some only for
 * tolerationSeconds (e.g. the 300 s DefaultTolerationSeconds adds for not-ready/unreachable);
 * the taint eviction controller evicts at the shortest of them after the taints appeared.
 */
function evictionDue(pod: Pod, node: Node | undefined): Reason | undefined {
  const taints = noExecuteTaints(node);
  const timed = timedTolerations(taints, pod);
  if (timed.length === 0) return undefined;
  const added = taints.map((t) => Date.parse(t.timeAdded ?? '')).filter((t) => !Number.isNaN(t));
  if (added.length === 0) return undefined;
  const { taint, seconds } = timed[0];
  return reason('pod.evictionDue', {
    taint: taintToString(taint),
    tolerationSeconds: Math.max(0, seconds),
    at: iso(Math.max(...added) + Math.max(0, seconds) * 1000),
  });
}

// ---- Nodes -----------------------------------------------------------------------------------

/**
 * Why a node looks as it does and which DaemonSets run a pod on it: the node's Ready condition,
 * a cordon and its taints, then for every DaemonSet the controller's own NodeShouldRunDaemonPod
 * verdict: runs (or is about to), kept despite a NoSchedule taint added later, or not here
 * because of its node selector/affinity, its template's nodeName or an untolerated taint.
 */
export function whyNode(cluster: Cluster, nodeName: string): Reason[] {
  const node = cluster.get('Node', nodeName) as Node | undefined;
  if (!node) return [reason('node.notFound', { name: nodeName })];
  const out: Reason[] = [];
  const ready = readyCondition(node);
  if (ready?.status === 'True') out.push(reason('node.ready', { name: nodeName }));
  else if (ready?.status === 'False')
    out.push(
      reason('node.notReady', {
        name: nodeName,
        reason: ready.reason ?? '',
        message: ready.message ?? '',
        since: ready.lastTransitionTime ?? '',
      }),
    );
  else if (ready?.status === 'Unknown')
    out.push(reason('node.unreachable', { name: nodeName, since: ready.lastTransitionTime ?? '' }));
  if (node.spec?.unschedulable) out.push(reason('node.cordoned', { name: nodeName }));
  for (const t of node.spec?.taints ?? [])
    out.push(reason('node.taint', { taint: taintToString(t), effect: t.effect }));

  const daemonSets = (cluster.list('DaemonSet') as DaemonSet[]).sort((a, b) =>
    `${a.metadata?.namespace}/${a.metadata?.name}`.localeCompare(`${b.metadata?.namespace}/${b.metadata?.name}`),
  );
  const pods = cluster.list('Pod') as Pod[];
  for (const ds of daemonSets) {
    const base = { daemonSet: ds.metadata?.name ?? '', namespace: ds.metadata?.namespace ?? 'default' };
    const mine = pods.filter((p) => {
      if (p.metadata?.namespace !== base.namespace || controllerOf(p)?.uid !== ds.metadata?.uid) return false;
      const target = getTargetNodeName(p);
      return 'nodeName' in target && target.nodeName === nodeName;
    });
    const live = mine.find((p) => !p.metadata?.deletionTimestamp && !isTerminal(p));
    const verdict = nodeShouldRunDaemonPod(node, ds);
    if (verdict.shouldRun) {
      out.push(
        live
          ? reason('node.daemonset.runs', {
              ...base,
              pod: live.metadata?.name ?? '',
              phase: live.status?.phase ?? 'Pending',
            })
          : reason('node.daemonset.creating', base),
      );
      continue;
    }
    const why = verdict.reason;
    if (verdict.shouldContinueRunning && live && why?.type === 'UntoleratedTaint') {
      out.push(
        reason('node.daemonset.keeps', { ...base, pod: live.metadata?.name ?? '', taint: taintToString(why.taint) }),
      );
      continue;
    }
    if (why?.type === 'NodeAffinityMismatch')
      out.push(reason('node.daemonset.selector', { ...base, selector: describeNodeSelection(ds) }));
    else if (why?.type === 'NodeNameMismatch')
      out.push(reason('node.daemonset.nodeName', { ...base, nodeName: why.nodeName }));
    else if (why?.type === 'UntoleratedTaint')
      out.push(reason('node.daemonset.taint', { ...base, taint: taintToString(why.taint) }));
    if (live && !verdict.shouldContinueRunning)
      out.push(reason('node.daemonset.removing', { ...base, pod: live.metadata?.name ?? '' }));
  }
  return out;
}

const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/**
 * The template's node selection in label-selector words: `nodeSelector` pairs (ANDed) and the
 * required node-affinity terms (ORed, each ANDing its expressions), e.g.
 * `disktype=ssd, zone in (a,b)` or `(gpu) or (!spot)`.
 */
export function describeNodeSelection(ds: DaemonSet): string {
  const spec = ds.spec?.template?.spec;
  const parts = Object.entries(spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`);
  const terms: NodeSelectorTerm[] =
    spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const rendered = terms.map((t) =>
    [...(t.matchExpressions ?? []), ...(t.matchFields ?? [])].map(requirementText).join(', '),
  );
  if (rendered.length === 1) parts.push(rendered[0]);
  else if (rendered.length > 1) parts.push(rendered.map((r) => `(${r})`).join(' or '));
  return parts.join(', ');
}

function requirementText(r: NodeSelectorRequirement): string {
  const values = (r.values ?? []).join(',');
  switch (r.operator) {
    case 'In':
      return `${r.key} in (${values})`;
    case 'NotIn':
      return `${r.key} notin (${values})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
    case 'Gt':
      return `${r.key}>${values}`;
    case 'Lt':
      return `${r.key}<${values}`;
    default:
      return `${r.key} ${r.operator} (${values})`;
  }
}

// ---- Jobs ------------------------------------------------------------------------------------

/**
 * Why a Job is where it is: finished (complete, or failed with BackoffLimitExceeded or
 * DeadlineExceeded) and when the TTL controller deletes it; failing while its pods stop;
 * suspended; or in progress, with its counts against completions and parallelism, the
 * pod-failure back-off that holds the next pod back (the Job controller's backoffRecord rebuilt
 * from its finished pods), OnFailure restarts that count toward backoffLimit, and the
 * activeDeadlineSeconds cut-off.
 */
export function whyJob(cluster: Cluster, namespace: string, name: string): Reason[] {
  const job = cluster.get('Job', name, namespace) as Job | undefined;
  if (!job) return [reason('job.notFound', { namespace, name })];
  const out: Reason[] = [];
  const now = cluster.now().getTime();
  const status = job.status ?? {};
  const spec = job.spec!;
  const conditions = status.conditions ?? [];
  const isTrue = (type: string) => conditions.find((c) => c.type === type && c.status === 'True');

  const owner = controllerOf(job);
  if (owner?.kind === 'CronJob') {
    const scheduled = Date.parse(job.metadata?.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'] ?? '');
    out.push(
      reason('job.owner', {
        cronJob: owner.name,
        scheduled: iso(Number.isNaN(scheduled) ? Date.parse(job.metadata?.creationTimestamp ?? '') : scheduled),
      }),
    );
  }

  const complete = isTrue('Complete');
  const failed = isTrue('Failed');
  if (complete) {
    out.push(
      reason('job.complete', {
        at: status.completionTime ?? complete.lastTransitionTime ?? '',
        succeeded: status.succeeded ?? 0,
      }),
    );
  } else if (failed) {
    const at = failed.lastTransitionTime ?? '';
    if (failed.reason === 'BackoffLimitExceeded')
      out.push(
        reason('job.failed.backoffLimit', { failed: status.failed ?? 0, backoffLimit: spec.backoffLimit ?? 6, at }),
      );
    else if (failed.reason === 'DeadlineExceeded')
      out.push(reason('job.failed.deadline', { deadlineSeconds: spec.activeDeadlineSeconds ?? 0, at }));
    else if (failed.reason === 'PodFailurePolicy')
      out.push(reason('job.failed.podFailurePolicy', { message: failed.message ?? '', at }));
    else if (failed.reason === 'FailedIndexes' || failed.reason === 'MaxFailedIndexesExceeded')
      out.push(
        reason('job.failed.indexes', {
          reason: failed.reason,
          failedIndexes: status.failedIndexes ?? '',
          maxFailedIndexes: spec.maxFailedIndexes ?? '',
          at,
        }),
      );
    else out.push(reason('job.failed', { reason: failed.reason ?? '', at }));
  }
  const finished = complete ?? failed;
  if (finished) {
    const ttl = spec.ttlSecondsAfterFinished;
    if (ttl !== undefined && ttl !== null)
      out.push(
        reason('job.ttl', { ttlSeconds: ttl, at: iso(Date.parse(finished.lastTransitionTime ?? '') + ttl * 1000) }),
      );
    return out;
  }

  const failureTarget = isTrue('FailureTarget');
  if (failureTarget) {
    out.push(reason('job.failing', { reason: failureTarget.reason ?? '', terminating: status.terminating ?? 0 }));
    return out;
  }
  const successCriteriaMet = isTrue('SuccessCriteriaMet');
  if (successCriteriaMet) {
    out.push(
      reason('job.succeeding', {
        reason: successCriteriaMet.reason ?? '',
        message: successCriteriaMet.message ?? '',
        terminating: status.terminating ?? 0,
      }),
    );
    return out;
  }
  if (spec.suspend) {
    const suspended = isTrue('Suspended');
    out.push(
      reason('job.suspended', { since: suspended?.lastTransitionTime ?? job.metadata?.creationTimestamp ?? '' }),
    );
    return out;
  }

  const counts = {
    active: status.active ?? 0,
    ready: status.ready ?? 0,
    succeeded: status.succeeded ?? 0,
    failed: status.failed ?? 0,
    parallelism: spec.parallelism ?? 1,
    backoffLimit: spec.backoffLimit ?? 6,
  };
  if (spec.completions === undefined || spec.completions === null) out.push(reason('job.progress.workQueue', counts));
  else out.push(reason('job.progress', { ...counts, completions: spec.completions }));
  if (spec.completionMode === 'Indexed')
    out.push(
      reason('job.indexes', {
        completedIndexes: status.completedIndexes ?? '',
        failedIndexes: status.failedIndexes ?? '',
        backoffLimitPerIndex: spec.backoffLimitPerIndex ?? '',
      }),
    );

  // The backoffRecord the controller keeps: failures since the last success, and the last failure's time.
  const pods = (cluster.list('Pod', { namespace }) as Pod[]).filter((p) =>
    (p.metadata?.ownerReferences ?? []).some((r) => r.uid === job.metadata?.uid),
  );
  const record: { failuresAfterLastSuccess: number; lastFailureTime?: number } = { failuresAfterLastSuccess: 0 };
  for (const p of pods.filter(isTerminal).sort((a, b) => getFinishedTime(a) - getFinishedTime(b))) {
    if (p.status?.phase === 'Succeeded') {
      record.failuresAfterLastSuccess = 0;
      record.lastFailureTime = undefined;
    } else {
      record.failuresAfterLastSuccess++;
      record.lastFailureTime = getFinishedTime(p);
    }
  }
  const active = pods.filter((p) => !p.metadata?.deletionTimestamp && !isTerminal(p)).length;
  if (active < wantActive(job, counts.succeeded, active) && remainingBackoff(record, now) > 0) {
    const delaySeconds = Math.min(
      DefaultJobPodFailureBackOff * 2 ** (record.failuresAfterLastSuccess - 1),
      MaxJobPodFailureBackOff,
    );
    out.push(
      reason('job.backoff', {
        failures: record.failuresAfterLastSuccess,
        delaySeconds,
        until: iso(record.lastFailureTime! + delaySeconds * 1000),
      }),
    );
  }

  if (spec.template?.spec?.restartPolicy === 'OnFailure') {
    let restarts = 0;
    for (const p of pods)
      if (p.status?.phase === 'Running' || p.status?.phase === 'Pending')
        for (const cs of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])])
          restarts += cs.restartCount ?? 0;
    if (restarts > 0) out.push(reason('job.restarts', { restarts, backoffLimit: counts.backoffLimit }));
  }

  const deadline = spec.activeDeadlineSeconds;
  if (deadline !== undefined && deadline !== null && status.startTime)
    out.push(
      reason('job.deadline', { deadlineSeconds: deadline, at: iso(Date.parse(status.startTime) + deadline * 1000) }),
    );
  return out;
}

// ---- CronJobs --------------------------------------------------------------------------------

/**
 * Why a CronJob did or did not start a Job: suspended; the next scheduled time (as the
 * controller's nextScheduleTimeDuration computes its requeue, less the 100 ms padding) or none
 * ever; its running Jobs; a run skipped by concurrencyPolicy Forbid (JobAlreadyActive); runs
 * missed past startingDeadlineSeconds (the schedule times since the last one that the deadline
 * excludes, or a MissSchedule Event) and TooManyMissedTimes; the last schedule and success times;
 * and the finished Jobs kept against the history limits.
 */
export function whyCronJob(cluster: Cluster, namespace: string, name: string): Reason[] {
  const cj = cluster.get('CronJob', name, namespace) as CronJob | undefined;
  if (!cj) return [reason('cronjob.notFound', { namespace, name })];
  const out: Reason[] = [];
  const now = cluster.now().getTime();
  const spec = cj.spec!;
  const status = cj.status ?? {};
  const uid = cj.metadata?.uid;
  const parsed = parseSchedule(spec.schedule, spec.timeZone ?? 'UTC');
  const schedule: Schedule | undefined = parsed.ok ? parsed.schedule : undefined;

  if (spec.suspend) out.push(reason('cronjob.suspended'));
  else if (schedule) {
    const d = nextScheduleTimeDuration(cj, now, schedule);
    if (d === undefined) out.push(reason('cronjob.noNext', { schedule: spec.schedule }));
    else
      out.push(
        reason('cronjob.next', {
          schedule: spec.schedule,
          timeZone: spec.timeZone ?? 'UTC',
          at: iso(now + d - nextScheduleDelta),
        }),
      );
  }

  const active = status.active ?? [];
  if (active.length)
    out.push(reason('cronjob.active', { count: active.length, jobs: active.map((j) => j.name).join(', ') }));

  const skipped = lastEvent(cluster, uid, 'JobAlreadyActive');
  if (skipped && schedule) {
    // The controller records JobAlreadyActive on every sync that finds the unmet time blocked;
    // the skipped run is the latest scheduled time at or before that sync.
    const seen = Date.parse(skipped.lastTimestamp) + 999;
    const mr = mostRecentScheduleTime({ ...cj, status: {} }, seen, schedule, false);
    if (mr.mostRecent !== undefined) out.push(reason('cronjob.skipped', { at: iso(mr.mostRecent) }));
  }

  const deadline = spec.startingDeadlineSeconds;
  const missEvent = lastEvent(cluster, uid, 'MissSchedule');
  let missed: Reason | undefined;
  if (!spec.suspend && schedule && deadline !== undefined && deadline !== null) {
    const all = mostRecentScheduleTime(cj, now, schedule, false);
    const allowed = mostRecentScheduleTime(cj, now, schedule, true);
    if (all.mostRecent !== undefined && (allowed.mostRecent === undefined || allowed.mostRecent < all.mostRecent))
      missed = reason('cronjob.missed', {
        at: iso(all.mostRecent),
        count: Math.max(1, all.count),
        deadlineSeconds: deadline,
      });
  }
  if (!missed && missEvent) {
    const at = Date.parse(missEvent.message.slice(missEvent.message.indexOf(':') + 1).trim());
    missed = reason('cronjob.missed', {
      at: iso(Number.isNaN(at) ? Date.parse(missEvent.lastTimestamp) : at),
      count: 1,
      deadlineSeconds: deadline ?? 0,
    });
  }
  if (missed) out.push(missed);
  const tooMany = lastEvent(cluster, uid, 'TooManyMissedTimes');
  if (tooMany) out.push(reason('cronjob.tooManyMissed', { at: tooMany.lastTimestamp }));

  if (status.lastScheduleTime) out.push(reason('cronjob.lastSchedule', { at: status.lastScheduleTime }));
  if (status.lastSuccessfulTime) out.push(reason('cronjob.lastSuccess', { at: status.lastSuccessfulTime }));

  const jobs = (cluster.list('Job', { namespace }) as Job[]).filter((j) => controllerOf(j)?.uid === uid);
  const finishedAs = (type: string) =>
    jobs.filter((j) => (j.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True')).length;
  out.push(
    reason('cronjob.history', {
      successful: finishedAs('Complete'),
      successfulLimit: spec.successfulJobsHistoryLimit ?? 3,
      failed: finishedAs('Failed'),
      failedLimit: spec.failedJobsHistoryLimit ?? 1,
    }),
  );
  return out;
}
