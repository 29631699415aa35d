/**
 * The words for the engine's "why?" reasons (src/sim/explain/why.ts), in English and 简体中文,
 * for learners. The engine returns codes and params; only this file turns them into sentences.
 * Times are shown on the simulated clock as HH:MM:SS (UTC), with the date in front when it is
 * not the day of `opts.now`; params named `…Seconds` are durations; Kubernetes names (fields,
 * taints, objects, reasons) stay verbatim in backticks.
 */
import type { Reason } from '../sim/explain/why';
import { describeSchedule } from '../sim/cronjob/describe';

export type WhyLocale = 'en' | 'zh';

export interface WhyTextOptions {
  /** The simulated "now": times on another day get their date shown. */
  now?: Date | string;
}

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/;

/** `2025-01-01T00:00:40Z` → `00:00:40`, or `2025-01-02 00:00:40` when `now` is another day. */
export function formatSimTime(value: string, now?: Date | string): string {
  const m = ISO_TIME.exec(value);
  if (!m) return value;
  const today = now === undefined ? undefined : (typeof now === 'string' ? now : now.toISOString()).slice(0, 10);
  return today === undefined || today === m[1] ? m[2] : `${m[1]} ${m[2]}`;
}

/** 40 → `40 seconds` / `40 秒`; 90 → `1 minute 30 seconds` / `1 分 30 秒`. */
export function formatDuration(locale: WhyLocale, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const parts: [number, string, string, string][] = [
    [Math.floor(s / 3600), 'hour', 'hours', '小时'],
    [Math.floor((s % 3600) / 60), 'minute', 'minutes', '分钟'],
    [s % 60, 'second', 'seconds', '秒'],
  ];
  const used = parts.filter(([n]) => n > 0);
  if (used.length === 0) return locale === 'zh' ? '0 秒' : '0 seconds';
  if (locale === 'zh')
    return used.map(([n, , , zh]) => `${n} ${used.length > 1 && zh === '分钟' ? '分' : zh}`).join(' ');
  return used.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(' ');
}

/** A param as shown: times on the sim clock, `…Seconds` as durations, the rest as they are. */
interface Shown {
  (name: string): string;
  /** Verbatim in backticks. */
  code(name: string): string;
  num(name: string): number;
  raw(name: string): string;
}

type Sentences = Record<string, (p: Shown) => string>;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: Sentences = {
  // Pods
  'pod.notFound': (p) => `There is no Pod ${p.code('name')} in namespace ${p.code('namespace')} (any more).`,
  'pod.owner': (p) => `This Pod belongs to ${p('kind')} ${p.code('name')}, which created it and looks after it.`,
  'pod.owner.cronJob': (p) =>
    `Job ${p.code('job')} was in turn created by CronJob ${p.code('cronJob')} for a scheduled run.`,
  'pod.pinned': (p) =>
    `The DaemonSet controller pinned this Pod to node ${p.code('node')} with a required node affinity on \`metadata.name\`, so the scheduler can only place it there.`,
  'pod.scheduling': (p) =>
    p.raw('schedulerName') === 'default-scheduler'
      ? `The Pod is not on a node yet: the scheduler (${p.code('schedulerName')}) has not looked at it so far.`
      : `The Pod is not on a node yet: it waits for the scheduler ${p.code('schedulerName')}, and the sandbox only runs \`default-scheduler\`.`,
  'pod.unschedulable': (p) =>
    `The scheduler found no node for this Pod (tried ${plural(p.num('count'), 'time', 'times')}, last at ${p('at')}) and tries again whenever the cluster changes. It said: ${p.code('message')}`,
  'pod.assigned': (p) => `The Pod is assigned to node ${p.code('node')} and waits for that node's kubelet to start it.`,
  'pod.pulling': (p) =>
    `Container ${p.code('container')} waits while node ${p.code('node')} pulls the image ${p.code('image')} (since ${p('since')}). The first pull of an image on a node takes a few seconds.`,
  'pod.running': (p) => `The Pod is running on node ${p.code('node')}; its containers started at ${p('since')}.`,
  'pod.backoff': (p) =>
    `Container ${p.code('container')} on node ${p.code('node')} keeps exiting (last exit code ${p('exitCode')}) and has been restarted ${plural(p.num('restarts'), 'time', 'times')}. After each crash the kubelet waits longer before the next start (10 seconds, doubling up to 5 minutes): now ${p('delaySeconds')}, so it restarts at ${p('until')}.`,
  'pod.waiting': (p) => `Container ${p.code('container')} is waiting: ${p.code('reason')}.`,
  'pod.completed': (p) =>
    `The Pod ran to completion on node ${p.code('node')}: its containers exited with code ${p('exitCode')} at ${p('at')}. It will not run again.`,
  'pod.error': (p) =>
    `Container ${p.code('container')} failed on node ${p.code('node')} at ${p('at')} with exit code ${p('exitCode')} (${p.code('reason')}). The Pod has failed and will not be restarted.`,
  'pod.terminating': (p) =>
    `The Pod is being deleted: its containers were told to stop and have ${p('graceSeconds')} to exit, so it is gone by ${p('until')} at the latest.`,
  'pod.evicted': (p) =>
    p.raw('taint')
      ? `At ${p('at')} the taint eviction controller evicted this Pod: its node has the NoExecute taint ${p.code('taint')}, which the Pod does not tolerate.`
      : `At ${p('at')} the taint eviction controller evicted this Pod because of a NoExecute taint on its node.`,
  'pod.evicted.tolerationExpired': (p) =>
    `At ${p('at')} the taint eviction controller evicted this Pod: its node has the NoExecute taint ${p.code('taint')}, and the Pod tolerated it for ${p('tolerationSeconds')} only.`,
  'pod.evictionDue': (p) =>
    `Its node has the NoExecute taint ${p.code('taint')}. The Pod tolerates it for ${p('tolerationSeconds')} only, so unless the taint goes away first it is evicted at ${p('at')}.`,
  'pod.nodeNotReady': (p) => `Its node ${p.code('node')} is NotReady: the kubelet there reports a problem.`,
  'pod.nodeUnreachable': (p) =>
    `Its node ${p.code('node')} has stopped reporting (\`Ready\` is \`Unknown\`), so nothing there can be confirmed: a deleted Pod stays Terminating until the node is back.`,

  // Nodes
  'node.notFound': (p) => `There is no node ${p.code('name')}.`,
  'node.ready': (p) => `Node ${p.code('name')} is Ready: its kubelet reports in regularly.`,
  'node.notReady': (p) =>
    `Node ${p.code('name')} is NotReady${p.raw('since') ? ` since ${p('since')}` : ''}: the kubelet reports ${p.code('reason')}${p.raw('message') ? ` (${p.code('message')})` : ''}.`,
  'node.unreachable': (p) =>
    `Node ${p.code('name')} has stopped reporting${p.raw('since') ? `: since ${p('since')}` : ', so'} the node lifecycle controller marks it \`Unknown\` and taints it \`node.kubernetes.io/unreachable\`.`,
  'node.cordoned': (p) =>
    `Node ${p.code('name')} is cordoned (\`spec.unschedulable: true\`): the scheduler puts no new Pods here, but DaemonSet Pods tolerate that and still come.`,
  'node.taint': (p) => {
    const t = p.code('taint');
    if (p.raw('effect') === 'NoExecute')
      return `Taint ${t}: Pods that do not tolerate it are not scheduled here, and those already running here are evicted.`;
    if (p.raw('effect') === 'PreferNoSchedule')
      return `Taint ${t}: the scheduler avoids this node for Pods that do not tolerate it, when it has a choice.`;
    return `Taint ${t}: new Pods that do not tolerate it are not scheduled here; Pods already running stay.`;
  },
  'node.daemonset.runs': (p) =>
    `DaemonSet ${p.code('daemonSet')} runs its Pod ${p.code('pod')} here (${p.code('phase')}).`,
  'node.daemonset.creating': (p) =>
    `DaemonSet ${p.code('daemonSet')} should run a Pod here and has none yet; its controller is about to create one.`,
  'node.daemonset.keeps': (p) =>
    `DaemonSet ${p.code('daemonSet')} would not start a Pod here now because of the taint ${p.code('taint')}, but its Pod ${p.code('pod')} was already running and stays: NoSchedule only keeps new Pods away.`,
  'node.daemonset.selector': (p) =>
    `DaemonSet ${p.code('daemonSet')} does not run here: the node does not match its \`nodeSelector\` / node affinity${p.raw('selector') ? ` (${p.code('selector')})` : ''}.`,
  'node.daemonset.nodeName': (p) =>
    `DaemonSet ${p.code('daemonSet')} does not run here: its Pod template sets \`nodeName: ${p.raw('nodeName')}\`.`,
  'node.daemonset.taint': (p) =>
    `DaemonSet ${p.code('daemonSet')} does not run here: the node has the taint ${p.code('taint')} and the Pod template has no toleration for it.`,
  'node.daemonset.removing': (p) => `So the DaemonSet controller removes its Pod ${p.code('pod')} from this node.`,

  // Jobs
  'job.notFound': (p) => `There is no Job ${p.code('name')} in namespace ${p.code('namespace')} (any more).`,
  'job.owner': (p) => `CronJob ${p.code('cronJob')} created this Job for its run scheduled at ${p('scheduled')}.`,
  'job.progress': (p) =>
    `${p('succeeded')} of ${p('completions')} completions done; ${p('active')} running now (${p('ready')} ready; at most ${p('parallelism')} at a time); ${p('failed')} failed so far — the Job gives up after more than \`backoffLimit\` (${p('backoffLimit')}) failures.`,
  'job.progress.workQueue': (p) =>
    `No \`completions\` set, so the Job works like a queue: up to ${p('parallelism')} Pods at once, done when one succeeds and the others have stopped. Now ${p('active')} running (${p('ready')} ready), ${p('succeeded')} succeeded, ${p('failed')} failed (it gives up after more than \`backoffLimit\` (${p('backoffLimit')}) failures).`,
  'job.backoff': (p) =>
    `${p.num('failures') === 1 ? 'The last Pod failed' : `The last ${p('failures')} Pods failed in a row`}, so the Job controller waits ${p('delaySeconds')} before it creates the next one (10 seconds after a failure, doubling with each further failure, at most 10 minutes). The next Pod comes at ${p('until')}.`,
  'job.restarts': (p) =>
    `With \`restartPolicy: OnFailure\` the kubelet restarts failed containers in place; those ${plural(p.num('restarts'), 'restart counts', 'restarts count')} toward \`backoffLimit\` (${p('backoffLimit')}).`,
  'job.deadline': (p) =>
    `\`activeDeadlineSeconds\` is ${p('deadlineSeconds')}: if the Job is still running at ${p('at')}, its Pods are stopped and it fails.`,
  'job.failing': (p) =>
    `The Job has failed (${p.code('reason')}) and is stopping its Pods (${p('terminating')} still shutting down); it is marked Failed once they are gone.`,
  'job.failed.backoffLimit': (p) =>
    `The Job failed at ${p('at')} (\`BackoffLimitExceeded\`): ${plural(p.num('failed'), 'Pod', 'Pods')} failed, more than \`backoffLimit\` (${p('backoffLimit')}) allows.`,
  'job.failed.deadline': (p) =>
    `The Job failed at ${p('at')} (\`DeadlineExceeded\`): it ran longer than \`activeDeadlineSeconds\` (${p('deadlineSeconds')}), so its Pods were stopped.`,
  'job.failed': (p) => `The Job failed at ${p('at')} (${p.code('reason')}).`,
  'job.failed.podFailurePolicy': (p) =>
    `The Job failed at ${p('at')} (\`PodFailurePolicy\`): a \`FailJob\` rule of its \`podFailurePolicy\` matched — ${p('message')}.`,
  'job.failed.indexes': (p) =>
    p.raw('reason') === 'MaxFailedIndexesExceeded'
      ? `The Job failed at ${p('at')} (\`MaxFailedIndexesExceeded\`): indexes ${p.code('failedIndexes')} failed, more than \`maxFailedIndexes\` (${p('maxFailedIndexes')}) allows.`
      : `The Job failed at ${p('at')} (\`FailedIndexes\`): every index finished, and indexes ${p.code('failedIndexes')} used up their \`backoffLimitPerIndex\`.`,
  'job.succeeding': (p) =>
    `The Job has met its success criteria (${p.code('reason')}: ${p('message')}) and is stopping the Pods still running (${p('terminating')} shutting down); it is marked Complete once they are gone.`,
  'job.indexes': (p) =>
    `An Indexed Job: each index 0…completions−1 must succeed once. Done: ${p.raw('completedIndexes') ? p.code('completedIndexes') : 'none yet'}${p.raw('failedIndexes') ? `; failed for good (after \`backoffLimitPerIndex\` ${p('backoffLimitPerIndex')} retries): ${p.code('failedIndexes')}` : ''}.`,
  'job.complete': (p) =>
    `The Job completed at ${p('at')} with ${plural(p.num('succeeded'), 'successful Pod', 'successful Pods')}.`,
  'job.suspended': (p) =>
    `The Job is suspended (\`spec.suspend: true\`) since ${p('since')}: it runs no Pods and creates none until it is resumed.`,
  'job.ttl': (p) =>
    `\`ttlSecondsAfterFinished\` is ${p('ttlSeconds')}, so the Job and its Pods are deleted at ${p('at')}.`,

  // CronJobs
  'cronjob.notFound': (p) => `There is no CronJob ${p.code('name')} in namespace ${p.code('namespace')} (any more).`,
  'cronjob.suspended': () =>
    'The CronJob is suspended (`spec.suspend: true`): scheduled times pass without a Job being created.',
  'cronjob.next': (p) => {
    const words = describeSchedule(p.raw('schedule'), 'en', p.raw('timeZone'));
    return `Schedule ${p.code('schedule')}: ${words || p('timeZone')}. The next Job is created at ${p('at')}.`;
  },
  'cronjob.noNext': (p) =>
    `The schedule ${p.code('schedule')} never comes round (no matching time in the next five years), so no Job is created.`,
  'cronjob.active': (p) =>
    `${p.num('count') === 1 ? '1 Job of this CronJob is' : `${p('count')} Jobs of this CronJob are`} still running: ${p.code('jobs')}.`,
  'cronjob.skipped': (p) =>
    `The run at ${p('at')} was skipped (\`JobAlreadyActive\`): \`concurrencyPolicy\` is \`Forbid\` and the previous Job was still running.`,
  'cronjob.missed': (p) =>
    p.num('count') === 1
      ? `The run at ${p('at')} was missed and will not start: it is more than \`startingDeadlineSeconds\` (${p('deadlineSeconds')}) late.`
      : `${p('count')} runs, the last at ${p('at')}, were missed and will not start: they are more than \`startingDeadlineSeconds\` (${p('deadlineSeconds')}) late.`,
  'cronjob.tooManyMissed': (p) =>
    `At ${p('at')} the controller found more than 100 missed start times (\`TooManyMissedTimes\`) and starts only the latest. Set or lower \`startingDeadlineSeconds\` to limit how far back it looks.`,
  'cronjob.lastSchedule': (p) => `The last Job was created for the run at ${p('at')}.`,
  'cronjob.lastSuccess': (p) => `The last successful Job finished at ${p('at')}.`,
  'cronjob.history': (p) =>
    `Finished Jobs kept: ${p('successful')} succeeded (\`successfulJobsHistoryLimit\`: ${p('successfulLimit')}) and ${p('failed')} failed (\`failedJobsHistoryLimit\`: ${p('failedLimit')}); older ones are deleted.`,
};

const zh: Sentences = {
  // Pods
  'pod.notFound': (p) => `命名空间 ${p.code('namespace')} 里没有（或已经没有）名为 ${p.code('name')} 的 Pod。`,
  'pod.owner': (p) => `这个 Pod 归 ${p('kind')} ${p.code('name')} 管理：是它创建了这个 Pod，也由它负责照看。`,
  'pod.owner.cronJob': (p) => `而 Job ${p.code('job')} 又是 CronJob ${p.code('cronJob')} 按计划时间创建的。`,
  'pod.pinned': (p) =>
    `DaemonSet 控制器给这个 Pod 加了针对 \`metadata.name\` 的必需节点亲和性，把它钉在节点 ${p.code('node')} 上，调度器只能把它放在那里。`,
  'pod.scheduling': (p) =>
    p.raw('schedulerName') === 'default-scheduler'
      ? `这个 Pod 还没有分配到节点：调度器（${p.code('schedulerName')}）还没处理到它。`
      : `这个 Pod 还没有分配到节点：它在等调度器 ${p.code('schedulerName')}，而沙盒里只运行 \`default-scheduler\`。`,
  'pod.unschedulable': (p) =>
    `调度器找不到能放下这个 Pod 的节点（已尝试 ${p('count')} 次，最近一次在 ${p('at')}）；集群一有变化它就会再试。调度器的原话是：${p.code('message')}`,
  'pod.assigned': (p) => `这个 Pod 已分配到节点 ${p.code('node')}，正等那台节点上的 kubelet 把它启动起来。`,
  'pod.pulling': (p) =>
    `节点 ${p.code('node')} 正在拉取镜像 ${p.code('image')}（从 ${p('since')} 开始），容器 ${p.code('container')} 要等镜像拉好才能启动。一个镜像在一台节点上第一次拉取需要几秒钟。`,
  'pod.running': (p) => `这个 Pod 正在节点 ${p.code('node')} 上运行，容器于 ${p('since')} 启动。`,
  'pod.backoff': (p) =>
    `节点 ${p.code('node')} 上的容器 ${p.code('container')} 一再退出（最近一次退出码 ${p('exitCode')}），已经重启了 ${p('restarts')} 次。每崩溃一次，kubelet 就多等一会儿再启动它（从 10 秒起翻倍，最长 5 分钟）：这次等 ${p('delaySeconds')}，会在 ${p('until')} 重启。`,
  'pod.waiting': (p) => `容器 ${p.code('container')} 正在等待：${p.code('reason')}。`,
  'pod.completed': (p) =>
    `这个 Pod 已在节点 ${p.code('node')} 上运行完毕：容器于 ${p('at')} 以退出码 ${p('exitCode')} 结束，不会再运行。`,
  'pod.error': (p) =>
    `容器 ${p.code('container')} 于 ${p('at')} 在节点 ${p.code('node')} 上出错退出，退出码 ${p('exitCode')}（${p.code('reason')}）。这个 Pod 已经失败，不会再重启。`,
  'pod.terminating': (p) =>
    `这个 Pod 正在被删除：容器已收到停止信号，有 ${p('graceSeconds')}的时间退出，最晚 ${p('until')} 就会消失。`,
  'pod.evicted': (p) =>
    p.raw('taint')
      ? `${p('at')} 时，污点驱逐控制器驱逐了这个 Pod：它所在的节点带有 NoExecute 污点 ${p.code('taint')}，而这个 Pod 不容忍它。`
      : `${p('at')} 时，污点驱逐控制器因为节点上的 NoExecute 污点驱逐了这个 Pod。`,
  'pod.evicted.tolerationExpired': (p) =>
    `${p('at')} 时，污点驱逐控制器驱逐了这个 Pod：它所在的节点带有 NoExecute 污点 ${p.code('taint')}，而这个 Pod 只容忍它 ${p('tolerationSeconds')}。`,
  'pod.evictionDue': (p) =>
    `它所在的节点带有 NoExecute 污点 ${p.code('taint')}。这个 Pod 只容忍它 ${p('tolerationSeconds')}，如果污点在此之前没有消失，它会在 ${p('at')} 被驱逐。`,
  'pod.nodeNotReady': (p) => `它所在的节点 ${p.code('node')} 处于 NotReady 状态：那里的 kubelet 报告了问题。`,
  'pod.nodeUnreachable': (p) =>
    `它所在的节点 ${p.code('node')} 已经失联（\`Ready\` 为 \`Unknown\`），那里发生的事都无法确认：被删除的 Pod 会一直停在 Terminating，直到节点恢复。`,

  // Nodes
  'node.notFound': (p) => `没有名为 ${p.code('name')} 的节点。`,
  'node.ready': (p) => `节点 ${p.code('name')} 处于 Ready 状态：它的 kubelet 一直在按时汇报。`,
  'node.notReady': (p) =>
    `节点 ${p.code('name')}${p.raw('since') ? ` 从 ${p('since')} 起` : ''}处于 NotReady 状态：kubelet 报告 ${p.code('reason')}${p.raw('message') ? `（${p.code('message')}）` : ''}。`,
  'node.unreachable': (p) =>
    `节点 ${p.code('name')} 不再汇报状态，${p.raw('since') ? `从 ${p('since')} 起` : ''}节点生命周期控制器把它标为 \`Unknown\`，并加上污点 \`node.kubernetes.io/unreachable\`。`,
  'node.cordoned': (p) =>
    `节点 ${p.code('name')} 已被封锁（\`spec.unschedulable: true\`）：调度器不再往这里放新的 Pod，但 DaemonSet 的 Pod 容忍这一点，照样会来。`,
  'node.taint': (p) => {
    const t = p.code('taint');
    if (p.raw('effect') === 'NoExecute')
      return `污点 ${t}：不容忍它的 Pod 不会调度到这里，已经在这里运行的也会被驱逐。`;
    if (p.raw('effect') === 'PreferNoSchedule')
      return `污点 ${t}：只要有别的选择，调度器就尽量不把不容忍它的 Pod 放到这里。`;
    return `污点 ${t}：不容忍它的新 Pod 不会调度到这里，已经在运行的 Pod 不受影响。`;
  },
  'node.daemonset.runs': (p) =>
    `DaemonSet ${p.code('daemonSet')} 在这里运行着它的 Pod ${p.code('pod')}（${p.code('phase')}）。`,
  'node.daemonset.creating': (p) =>
    `DaemonSet ${p.code('daemonSet')} 应该在这里运行一个 Pod，目前还没有；它的控制器马上会创建一个。`,
  'node.daemonset.keeps': (p) =>
    `因为污点 ${p.code('taint')}，DaemonSet ${p.code('daemonSet')} 现在不会在这里新建 Pod；但它的 Pod ${p.code('pod')} 在污点加上之前就已经在运行，可以继续留下：NoSchedule 只拦新来的 Pod。`,
  'node.daemonset.selector': (p) =>
    `DaemonSet ${p.code('daemonSet')} 不在这里运行：这个节点不满足它的 \`nodeSelector\` / 节点亲和性${p.raw('selector') ? `（${p.code('selector')}）` : ''}。`,
  'node.daemonset.nodeName': (p) =>
    `DaemonSet ${p.code('daemonSet')} 不在这里运行：它的 Pod 模板指定了 \`nodeName: ${p.raw('nodeName')}\`。`,
  'node.daemonset.taint': (p) =>
    `DaemonSet ${p.code('daemonSet')} 不在这里运行：节点带有污点 ${p.code('taint')}，而 Pod 模板里没有容忍它的配置。`,
  'node.daemonset.removing': (p) => `所以 DaemonSet 控制器会把它在这个节点上的 Pod ${p.code('pod')} 删掉。`,

  // Jobs
  'job.notFound': (p) => `命名空间 ${p.code('namespace')} 里没有（或已经没有）名为 ${p.code('name')} 的 Job。`,
  'job.owner': (p) => `这个 Job 是 CronJob ${p.code('cronJob')} 为 ${p('scheduled')} 那次计划运行创建的。`,
  'job.progress': (p) =>
    `已完成 ${p('succeeded')}/${p('completions')} 次；现在有 ${p('active')} 个 Pod 在运行（${p('ready')} 个已就绪，同时最多 ${p('parallelism')} 个）；目前失败 ${p('failed')} 次，失败次数超过 \`backoffLimit\`（${p('backoffLimit')}）时 Job 就会放弃。`,
  'job.progress.workQueue': (p) =>
    `没有设置 \`completions\`，所以这个 Job 按工作队列的方式运行：同时最多 ${p('parallelism')} 个 Pod，只要有一个成功、其余都停下，Job 就算完成。现在运行中 ${p('active')} 个（${p('ready')} 个已就绪），成功 ${p('succeeded')} 个，失败 ${p('failed')} 个（失败超过 \`backoffLimit\`（${p('backoffLimit')}）次就放弃）。`,
  'job.backoff': (p) =>
    `${p.num('failures') === 1 ? '上一个 Pod 失败了' : `最近连续有 ${p('failures')} 个 Pod 失败`}，所以 Job 控制器要等 ${p('delaySeconds')}才创建下一个（第一次失败后等 10 秒，之后每多失败一次翻一倍，最长 10 分钟）。下一个 Pod 会在 ${p('until')} 创建。`,
  'job.restarts': (p) =>
    `在 \`restartPolicy: OnFailure\` 下，kubelet 会就地重启失败的容器；这 ${p('restarts')} 次重启都计入 \`backoffLimit\`（${p('backoffLimit')}）。`,
  'job.deadline': (p) =>
    `\`activeDeadlineSeconds\` 是 ${p('deadlineSeconds')}：如果到 ${p('at')} 这个 Job 还在运行，它的 Pod 会被停掉，Job 记为失败。`,
  'job.failing': (p) =>
    `这个 Job 已经判定失败（${p.code('reason')}），正在停掉它的 Pod（还有 ${p('terminating')} 个在退出）；等它们都结束后才会标记为 Failed。`,
  'job.failed.backoffLimit': (p) =>
    `这个 Job 于 ${p('at')} 失败（\`BackoffLimitExceeded\`）：已有 ${p('failed')} 个 Pod 失败，超过了 \`backoffLimit\`（${p('backoffLimit')}）允许的次数。`,
  'job.failed.deadline': (p) =>
    `这个 Job 于 ${p('at')} 失败（\`DeadlineExceeded\`）：运行时间超过了 \`activeDeadlineSeconds\`（${p('deadlineSeconds')}），它的 Pod 都被停掉了。`,
  'job.failed': (p) => `这个 Job 于 ${p('at')} 失败（${p.code('reason')}）。`,
  'job.failed.podFailurePolicy': (p) =>
    `这个 Job 于 ${p('at')} 失败（\`PodFailurePolicy\`）：它的 \`podFailurePolicy\` 中一条 \`FailJob\` 规则匹配了——${p('message')}。`,
  'job.failed.indexes': (p) =>
    p.raw('reason') === 'MaxFailedIndexesExceeded'
      ? `这个 Job 于 ${p('at')} 失败（\`MaxFailedIndexesExceeded\`）：索引 ${p.code('failedIndexes')} 失败，超过了 \`maxFailedIndexes\`（${p('maxFailedIndexes')}）允许的数量。`
      : `这个 Job 于 ${p('at')} 失败（\`FailedIndexes\`）：所有索引都已结束，其中索引 ${p.code('failedIndexes')} 用完了 \`backoffLimitPerIndex\` 的重试次数。`,
  'job.succeeding': (p) =>
    `这个 Job 已满足成功条件（${p.code('reason')}：${p('message')}），正在停掉仍在运行的 Pod（还有 ${p('terminating')} 个在退出）；等它们都结束后才会标记为 Complete。`,
  'job.indexes': (p) =>
    `这是一个 Indexed Job：0…completions−1 的每个索引都要成功一次。已完成：${p.raw('completedIndexes') ? p.code('completedIndexes') : '暂无'}${p.raw('failedIndexes') ? `；彻底失败（用完 \`backoffLimitPerIndex\` ${p('backoffLimitPerIndex')} 次重试）：${p.code('failedIndexes')}` : ''}。`,
  'job.complete': (p) => `这个 Job 于 ${p('at')} 完成，共有 ${p('succeeded')} 个 Pod 成功。`,
  'job.suspended': (p) =>
    `这个 Job 从 ${p('since')} 起处于挂起状态（\`spec.suspend: true\`）：不运行 Pod，也不会新建，直到恢复为止。`,
  'job.ttl': (p) =>
    `\`ttlSecondsAfterFinished\` 是 ${p('ttlSeconds')}，所以这个 Job 和它的 Pod 会在 ${p('at')} 被删除。`,

  // CronJobs
  'cronjob.notFound': (p) => `命名空间 ${p.code('namespace')} 里没有（或已经没有）名为 ${p.code('name')} 的 CronJob。`,
  'cronjob.suspended': () => '这个 CronJob 处于挂起状态（`spec.suspend: true`）：计划时间到了也不会创建 Job。',
  'cronjob.next': (p) => {
    const words = describeSchedule(p.raw('schedule'), 'zh', p.raw('timeZone'));
    return `调度计划 ${p.code('schedule')}：${words || p('timeZone')}。下一个 Job 会在 ${p('at')} 创建。`;
  },
  'cronjob.noNext': (p) =>
    `调度计划 ${p.code('schedule')} 永远等不到触发时间（未来五年内没有匹配的时刻），所以不会创建任何 Job。`,
  'cronjob.active': (p) => `这个 CronJob 还有 ${p('count')} 个 Job 在运行：${p.code('jobs')}。`,
  'cronjob.skipped': (p) =>
    `${p('at')} 那次运行被跳过了（\`JobAlreadyActive\`）：\`concurrencyPolicy\` 是 \`Forbid\`，而上一个 Job 还在运行。`,
  'cronjob.missed': (p) =>
    `${p.num('count') === 1 ? `${p('at')} 那次运行` : `有 ${p('count')} 次运行（最近一次在 ${p('at')}）`}错过了，不会再补跑：已经晚了超过 \`startingDeadlineSeconds\`（${p('deadlineSeconds')}）。`,
  'cronjob.tooManyMissed': (p) =>
    `${p('at')} 时控制器发现错过的启动时间超过 100 个（\`TooManyMissedTimes\`），只会补跑最近的一次。设置或调小 \`startingDeadlineSeconds\` 可以限制它往回追溯的范围。`,
  'cronjob.lastSchedule': (p) => `最近一次创建的 Job 对应 ${p('at')} 的计划运行。`,
  'cronjob.lastSuccess': (p) => `最近一次成功的 Job 于 ${p('at')} 结束。`,
  'cronjob.history': (p) =>
    `保留的已结束 Job：成功 ${p('successful')} 个（\`successfulJobsHistoryLimit\`：${p('successfulLimit')}），失败 ${p('failed')} 个（\`failedJobsHistoryLimit\`：${p('failedLimit')}）；更早的会被删除。`,
};

const sentences: Record<WhyLocale, Sentences> = { en, zh };

/** The codes that have a sentence (the same in every locale). */
export const whyCodes: readonly string[] = Object.keys(en);

/** One reason as a sentence for a learner. An unknown code still gives a line that names it. */
export function whyText(locale: WhyLocale, r: Reason, opts: WhyTextOptions = {}): string {
  const shown = ((name: string) => {
    const v = r.params[name];
    if (v === undefined) return '';
    if (name.endsWith('Seconds') && typeof v === 'number') return formatDuration(locale, v);
    return typeof v === 'string' ? formatSimTime(v, opts.now) : String(v);
  }) as Shown;
  shown.code = (name: string) => `\`${shown(name)}\``;
  shown.num = (name: string) => Number(r.params[name] ?? 0);
  shown.raw = (name: string) => String(r.params[name] ?? '');
  const sentence = sentences[locale][r.code] ?? sentences.en[r.code];
  if (sentence) return sentence(shown);
  return locale === 'zh' ? `（暂无关于 \`${r.code}\` 的说明）` : `(No explanation for \`${r.code}\` yet.)`;
}
