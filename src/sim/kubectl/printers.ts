/**
 * `kubectl get`'s table printers, ported from pkg/printers/internalversion/printers.go (the
 * server-side Table the API server returns for each kind) and cli-runtime's HumanReadablePrinter
 * (tableprinter.go: decorateTable, printTable) with its tabwriter
 * (minwidth 6, tabwidth 4, padding 3, pad char ' ').
 *
 * A table keeps every column, wide ones included, as the server sends them; `formatTable` drops
 * the priority-1 columns unless `wide` is set, exactly as printTable does.
 */
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { Container, ContainerStatus, Event, Namespace, Node, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KindName } from '../kinds';
import { kindInfo } from '../kinds';
import { labelSelectorAsSelector } from '../labels/selector';
import { humanDuration, toMillis, translateTimestampSince, type Timestamp } from './duration';

/** A column as the server's TableColumnDefinition names it (`Nominated Node`); headers are upper-cased when printed. */
export interface Column {
  name: string;
  /** 0: shown by default; 1: only with `-o wide`. */
  priority: number;
  /** `name` for the column that holds the object's name (decorated to `kind/name` with several kinds). */
  format?: 'name';
}

export interface Table {
  columns: Column[];
  rows: string[][];
}

const col = (name: string, priority = 0, format?: 'name'): Column =>
  format ? { name, priority, format } : { name, priority };
const nameCol = col('Name', 0, 'name');
const templateCols = [col('Containers', 1), col('Images', 1), col('Selector', 1)];

/** The column definitions of printers.go's AddHandlers, for the kinds the sim serves. */
export const COLUMNS: Record<KindName, Column[]> = {
  Pod: [
    nameCol,
    col('Ready'),
    col('Status'),
    col('Restarts'),
    col('Age'),
    col('IP', 1),
    col('Node', 1),
    col('Nominated Node', 1),
    col('Readiness Gates', 1),
  ],
  Node: [
    nameCol,
    col('Status'),
    col('Roles'),
    col('Age'),
    col('Version'),
    col('Internal-IP', 1),
    col('External-IP', 1),
    col('OS-Image', 1),
    col('Kernel-Version', 1),
    col('Container-Runtime', 1),
  ],
  DaemonSet: [
    nameCol,
    col('Desired'),
    col('Current'),
    col('Ready'),
    col('Up-to-date'),
    col('Available'),
    col('Node Selector'),
    col('Age'),
    ...templateCols,
  ],
  Job: [nameCol, col('Status'), col('Completions'), col('Duration'), col('Age'), ...templateCols],
  CronJob: [
    nameCol,
    col('Schedule'),
    col('Timezone'),
    col('Suspend'),
    col('Active'),
    col('Last Schedule'),
    col('Age'),
    ...templateCols,
  ],
  Event: [
    col('Last Seen'),
    col('Type'),
    col('Reason'),
    col('Object'),
    col('Subobject', 1),
    col('Source', 1),
    col('Message'),
    col('First Seen', 1),
    col('Count', 1),
    col('Name', 1, 'name'),
  ],
  Namespace: [nameCol, col('Status'), col('Age')],
  ControllerRevision: [nameCol, col('Controller'), col('Revision'), col('Age')],
};

/** labels.FormatLabels: `k=v` pairs sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** metav1.FormatLabelSelector: the selector's string form, `<none>` when it selects nothing or everything, `<error>` when invalid. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  let s: string;
  try {
    s = labelSelectorAsSelector(selector).toString();
  } catch {
    return '<error>';
  }
  return s.length === 0 ? '<none>' : s;
}

/** layoutContainerCells: container names and images, comma-joined. */
export function layoutContainerCells(containers: Container[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name ?? '').join(','), cs.map((c) => c.image ?? '').join(',')];
}

const isRestartableInitContainer = (c: Container | undefined): boolean => c?.restartPolicy === 'Always';

const isPodPhaseTerminal = (phase: string | undefined): boolean => phase === 'Failed' || phase === 'Succeeded';

const hasPodReadyCondition = (conditions: PodCondition[] | undefined): boolean =>
  (conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

const isPodInitializedConditionTrue = (conditions: PodCondition[] | undefined): boolean =>
  (conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');

/** node.NodeUnreachablePodReason: the reason the node lifecycle controller sets on pods of a lost node. */
export const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

/** The STATUS column of a Pod (printPod's `reason`), e.g. `Running`, `Init:0/2`, `CrashLoopBackOff`, `ExitCode:3`, `Terminating`. */
export function podStatusReason(pod: Pod): string {
  return podRow(pod, 0).reason;
}

function podRow(pod: Pod, now: Date | number): { cells: string[]; reason: string } {
  let restarts = 0;
  let restartableInitContainerRestarts = 0;
  let totalContainers = pod.spec?.containers?.length ?? 0;
  let readyContainers = 0;
  let lastRestartDate: number | undefined;
  let lastRestartableInitContainerRestartDate: number | undefined;
  const later = (a: number | undefined, b: Timestamp) => {
    const t = toMillis(b);
    if (t === undefined) return a;
    return a === undefined || a < t ? t : a;
  };

  const status = pod.status ?? {};
  const podPhase = status.phase ?? '';
  let reason = podPhase;
  if (status.reason) reason = status.reason;

  // If the Pod carries {type:PodScheduled, reason:SchedulingGated}, set reason to 'SchedulingGated'.
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const c of pod.spec?.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses: ContainerStatus[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i];
    const spec = initContainers.get(container.name);
    restarts += container.restartCount ?? 0;
    if (container.lastState?.terminated)
      lastRestartDate = later(lastRestartDate, container.lastState.terminated.finishedAt);
    if (isRestartableInitContainer(spec)) {
      restartableInitContainerRestarts += container.restartCount ?? 0;
      if (container.lastState?.terminated) {
        lastRestartableInitContainerRestartDate = later(
          lastRestartableInitContainerRestartDate,
          container.lastState.terminated.finishedAt,
        );
      }
    }
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (isRestartableInitContainer(spec) && container.started === true) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // initialization is failed
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode ?? 0}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
      initializing = true;
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${pod.spec?.initContainers?.length ?? 0}`;
      initializing = true;
    }
    break;
  }

  if (!initializing || isPodInitializedConditionTrue(status.conditions)) {
    restarts = restartableInitContainerRestarts;
    lastRestartDate = lastRestartableInitContainerRestartDate;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i];
      restarts += container.restartCount ?? 0;
      if (container.lastState?.terminated)
        lastRestartDate = later(lastRestartDate, container.lastState.terminated.finishedAt);
      const waiting = container.state?.waiting;
      const terminated = container.state?.terminated;
      if (waiting && waiting.reason) {
        reason = waiting.reason;
      } else if (terminated && terminated.reason) {
        reason = terminated.reason;
      } else if (terminated && !terminated.reason) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      } else if (container.ready && container.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // change pod status back to "Running" if there is at least one container still reporting as "Running" status
    if (reason === 'Completed' && hasRunning) {
      reason = hasPodReadyCondition(status.conditions) ? 'Running' : 'NotReady';
    }
  }

  const deleting = toMillis(pod.metadata?.deletionTimestamp) !== undefined;
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown';
  } else if (deleting && !isPodPhaseTerminal(podPhase)) {
    reason = 'Terminating';
  }

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestartDate !== undefined) {
    restartsStr = `${restarts} (${translateTimestampSince(lastRestartDate, now)} ago)`;
  }

  const podIP = status.podIPs?.[0]?.ip || '<none>';
  const nodeName = pod.spec?.nodeName || '<none>';
  const nominatedNodeName = status.nominatedNodeName || '<none>';
  let readinessGates = '<none>';
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length > 0) {
    let trueConditions = 0;
    for (const gate of gates) {
      const c = (status.conditions ?? []).find((c) => c.type === gate.conditionType);
      if (c?.status === 'True') trueConditions++;
    }
    readinessGates = `${trueConditions}/${gates.length}`;
  }
  return {
    reason,
    cells: [
      pod.metadata?.name ?? '',
      `${readyContainers}/${totalContainers}`,
      reason,
      restartsStr,
      translateTimestampSince(pod.metadata?.creationTimestamp, now),
      podIP,
      nodeName,
      nominatedNodeName,
      readinessGates,
    ],
  };
}

/** printPod: NAME READY STATUS RESTARTS AGE | IP NODE NOMINATED NODE READINESS GATES. */
export function printPod(pod: Pod, now: Date | number): string[] {
  return podRow(pod, now).cells;
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` label keys and the `kubernetes.io/role` label's value, sorted. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

/** printNode's STATUS: `Ready`/`NotReady` from the Ready condition (`Unknown` without one), `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: Node): string {
  const status: string[] = [];
  // The last condition of a type wins, as printNode's conditionMap does.
  const ready = [...(node.status?.conditions ?? [])].reverse().find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** printNode: NAME STATUS ROLES AGE VERSION | INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME. */
export function printNode(node: Node, now: Date | number): string[] {
  const roles = findNodeRoles(node).join(',') || '<none>';
  const info = node.status?.nodeInfo;
  const address = (type: string) => (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
  return [
    node.metadata?.name ?? '',
    nodeStatus(node),
    roles,
    translateTimestampSince(node.metadata?.creationTimestamp, now),
    info?.kubeletVersion ?? '',
    address('InternalIP'),
    address('ExternalIP'),
    info?.osImage || '<unknown>',
    info?.kernelVersion || '<unknown>',
    info?.containerRuntimeVersion || '<unknown>',
  ];
}

/** printDaemonSet: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE | CONTAINERS IMAGES SELECTOR. */
export function printDaemonSet(ds: DaemonSet, now: Date | number): string[] {
  const s = ds.status;
  const [names, images] = layoutContainerCells(ds.spec?.template?.spec?.containers);
  return [
    ds.metadata?.name ?? '',
    String(s?.desiredNumberScheduled ?? 0),
    String(s?.currentNumberScheduled ?? 0),
    String(s?.numberReady ?? 0),
    String(s?.updatedNumberScheduled ?? 0),
    String(s?.numberAvailable ?? 0),
    formatLabels(ds.spec?.template?.spec?.nodeSelector),
    translateTimestampSince(ds.metadata?.creationTimestamp, now),
    names,
    images,
    formatLabelSelector(ds.spec?.selector),
  ];
}

const hasJobCondition = (conditions: JobCondition[] | undefined, type: string): boolean => {
  const c = (conditions ?? []).find((c) => c.type === type);
  return c !== undefined && c.status === 'True';
};

/** printJob's STATUS: Complete, Failed, Terminating, Suspended, FailureTarget, SuccessCriteriaMet or Running, in that precedence. */
export function jobStatus(job: Job): string {
  const conds = job.status?.conditions;
  if (hasJobCondition(conds, 'Complete')) return 'Complete';
  if (hasJobCondition(conds, 'Failed')) return 'Failed';
  if (toMillis(job.metadata?.deletionTimestamp) !== undefined) return 'Terminating';
  if (hasJobCondition(conds, 'Suspended')) return 'Suspended';
  if (hasJobCondition(conds, 'FailureTarget')) return 'FailureTarget';
  if (hasJobCondition(conds, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** printJob's COMPLETIONS: `succeeded/completions`, or `succeeded/1 of parallelism` for a work queue with parallelism > 1. */
export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  const completions = job.spec?.completions;
  if (completions !== undefined && completions !== null) return `${succeeded}/${completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** printJob: NAME STATUS COMPLETIONS DURATION AGE | CONTAINERS IMAGES SELECTOR. */
export function printJob(job: Job, now: Date | number): string[] {
  const start = toMillis(job.status?.startTime);
  const completion = toMillis(job.status?.completionTime);
  const jobDuration = start === undefined ? '' : humanDuration((completion ?? toMillis(now)!) - start);
  const [names, images] = layoutContainerCells(job.spec?.template?.spec?.containers);
  return [
    job.metadata?.name ?? '',
    jobStatus(job),
    jobCompletions(job),
    jobDuration,
    translateTimestampSince(job.metadata?.creationTimestamp, now),
    names,
    images,
    formatLabelSelector(job.spec?.selector),
  ];
}

/** printBoolPtr: `True`/`False`, `<unset>` for nil. */
export function printBoolPtr(value: boolean | undefined | null): string {
  if (value === undefined || value === null) return '<unset>';
  return value ? 'True' : 'False';
}

/** printCronJob: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE | CONTAINERS IMAGES SELECTOR. */
export function printCronJob(cj: CronJob, now: Date | number): string[] {
  const last = cj.status?.lastScheduleTime;
  const lastScheduleTime = last ? translateTimestampSince(last, now) : '<none>';
  const timeZone = cj.spec?.timeZone ?? '<none>';
  const jobSpec = cj.spec?.jobTemplate?.spec;
  const [names, images] = layoutContainerCells(jobSpec?.template?.spec?.containers);
  return [
    cj.metadata?.name ?? '',
    cj.spec?.schedule ?? '',
    timeZone,
    printBoolPtr(cj.spec?.suspend),
    String(cj.status?.active?.length ?? 0),
    lastScheduleTime,
    translateTimestampSince(cj.metadata?.creationTimestamp, now),
    names,
    images,
    formatLabelSelector(jobSpec?.selector),
  ];
}

/** formatEventSource: `component, host`, falling back to reportingController / reportingInstance. */
export function formatEventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/** printEvent: LAST SEEN TYPE REASON OBJECT MESSAGE | SUBOBJECT SOURCE FIRST SEEN COUNT NAME (in column order). */
export function printEvent(e: Event, now: Date | number): string[] {
  let firstTimestamp = translateTimestampSince(e.firstTimestamp, now);
  if (toMillis(e.firstTimestamp) === undefined) firstTimestamp = translateTimestampSince(e.eventTime, now);
  let lastTimestamp = translateTimestampSince(e.lastTimestamp, now);
  if (toMillis(e.lastTimestamp) === undefined) lastTimestamp = firstTimestamp;
  let count = e.count ?? 0;
  if (e.series) {
    lastTimestamp = translateTimestampSince(e.series.lastObservedTime, now);
    count = e.series.count ?? 0;
  } else if (count === 0) {
    // Singleton events don't have a count set in the new API.
    count = 1;
  }
  const kind = (e.involvedObject?.kind ?? '').toLowerCase();
  const target = e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
  return [
    lastTimestamp,
    e.type ?? '',
    e.reason ?? '',
    target,
    e.involvedObject?.fieldPath ?? '',
    formatEventSource(e),
    (e.message ?? '').trim(),
    firstTimestamp,
    String(count),
    e.metadata?.name ?? '',
  ];
}

/** printNamespace: NAME STATUS AGE. */
export function printNamespace(ns: Namespace, now: Date | number): string[] {
  return [
    ns.metadata?.name ?? '',
    ns.status?.phase ?? '',
    translateTimestampSince(ns.metadata?.creationTimestamp, now),
  ];
}

/** printControllerRevision: NAME CONTROLLER REVISION AGE; CONTROLLER is `daemonset.apps/name` from the controller ownerReference. */
export function printControllerRevision(cr: ControllerRevision, now: Date | number): string[] {
  const ref = (cr.metadata?.ownerReferences ?? []).find((r) => r.controller === true);
  let controllerName = '<none>';
  if (ref) {
    const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
    const gk = group ? `${ref.kind}.${group}` : ref.kind;
    controllerName = gk ? `${gk.toLowerCase()}/${ref.name}` : ref.name;
  }
  return [
    cr.metadata?.name ?? '',
    controllerName,
    String(cr.revision ?? 0),
    translateTimestampSince(cr.metadata?.creationTimestamp, now),
  ];
}

/** printObjectMeta, the default handler: NAME AGE. */
function printObjectMeta(
  obj: { metadata?: { name?: string; creationTimestamp?: string } },
  now: Date | number,
): string[] {
  return [obj.metadata?.name ?? '', translateTimestampSince(obj.metadata?.creationTimestamp, now)];
}

const PRINTERS: Record<KindName, (obj: never, now: Date | number) => string[]> = {
  Pod: printPod,
  Node: printNode,
  DaemonSet: printDaemonSet,
  Job: printJob,
  CronJob: printCronJob,
  Event: printEvent,
  Namespace: printNamespace,
  ControllerRevision: printControllerRevision,
};

/** The Table the API server would return for `objects` of one kind. */
export function printTable(kind: KindName, objects: readonly object[], now: Date | number): Table {
  const print = PRINTERS[kind] as ((obj: object, now: Date | number) => string[]) | undefined;
  if (!print) {
    return { columns: [nameCol, col('Age')], rows: objects.map((o) => printObjectMeta(o as never, now)) };
  }
  return { columns: COLUMNS[kind], rows: objects.map((o) => print(o, now)) };
}

export interface FormatOptions {
  noHeaders?: boolean;
  /** `--show-labels`: a LABELS column last. */
  showLabels?: boolean;
  /** `-A` / `--all-namespaces`: a NAMESPACE column first. */
  namespaceColumn?: boolean;
  /** `-o wide`: the priority-1 columns too. */
  wide?: boolean;
  /** `-L key`: one column per label key, headed by the key's last path segment upper-cased. */
  columnLabels?: string[];
  /**
   * Print names as `kind/name` (kubectl does when a get lists several types, or names its type
   * as `ds/x`): the lower-cased GroupKind, e.g. `daemonset.apps` or `pod`.
   */
  withKind?: string;
}

/** `daemonset.apps`, `pod`: the lower-cased GroupKind kubectl prefixes names with. */
export function groupKindPrefix(kind: KindName): string {
  const info = kindInfo(kind);
  return (info.group ? `${info.kind}.${info.group}` : info.kind).toLowerCase();
}

// cellBreakChars: a value is cut at its first newline, carriage return or formfeed and gets `...`.
function sanitizeCell(value: string): string {
  const i = value.search(/[\f\n\r]/);
  return i >= 0 ? `${value.slice(0, i)}...` : value;
}

/**
 * Go's text/tabwriter with kubectl's settings over tab-separated lines: every cell but the last
 * of a line is padded to the widest cell of its column plus 3, at least 6 wide. Lines of
 * different lengths form column blocks as tabwriter does (a column ends where a line has no
 * cell in it).
 */
export function tabwrite(lines: string[][], minWidth = 6, padding = 3): string {
  const widths: number[][] = lines.map((l) => new Array(Math.max(0, l.length - 1)).fill(0));
  const format = (line0: number, line1: number, column: number) => {
    let i = line0;
    while (i < line1) {
      if (column >= lines[i].length - 1) {
        i++;
        continue;
      }
      // a column block starts here
      let width = minWidth;
      let j = i;
      for (; j < line1 && column < lines[j].length - 1; j++) {
        width = Math.max(width, runeCount(lines[j][column]) + padding);
      }
      for (let k = i; k < j; k++) widths[k][column] = width;
      format(i, j, column + 1);
      i = j;
    }
  };
  format(0, lines.length, 0);
  return lines
    .map((cells, li) =>
      cells
        .map((c, ci) => (ci < cells.length - 1 ? c + ' '.repeat(Math.max(0, widths[li][ci] - runeCount(c))) : c))
        .join(''),
    )
    .map((l) => `${l}\n`)
    .join('');
}

/** text/tabwriter's cell width: utf8.RuneCount of the cell (code points, not bytes or columns). */
function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * HumanReadablePrinter: decorates the table (NAMESPACE first, label columns and LABELS last,
 * `kind/name`), drops wide columns unless asked, and aligns it. `objects` are the rows' objects,
 * in order, for their namespace and labels. Prints nothing for a table without rows.
 */
export function formatTable(table: Table, opts: FormatOptions = {}, objects: readonly object[] = []): string {
  if (table.rows.length === 0) return '';
  const meta = (i: number) =>
    (objects[i] as { metadata?: { namespace?: string; labels?: Record<string, string> } })?.metadata;
  const visible = table.columns.map((c) => opts.wide || c.priority === 0);
  const nameColumn = opts.withKind ? table.columns.findIndex((c) => c.format === 'name') : -1;
  const lines: string[][] = [];
  if (!opts.noHeaders) {
    const header: string[] = [];
    if (opts.namespaceColumn) header.push('NAMESPACE');
    table.columns.forEach((c, i) => visible[i] && header.push(c.name.toUpperCase()));
    for (const l of opts.columnLabels ?? []) header.push(l.split('/').pop()!.toUpperCase());
    if (opts.showLabels) header.push('LABELS');
    lines.push(header);
  }
  table.rows.forEach((row, r) => {
    const line: string[] = [];
    if (opts.namespaceColumn) line.push(meta(r)?.namespace ?? '');
    row.forEach((cell, i) => {
      if (i >= table.columns.length || !visible[i]) return;
      line.push(sanitizeCell(i === nameColumn ? `${opts.withKind}/${cell}` : cell));
    });
    for (const l of opts.columnLabels ?? []) line.push(meta(r)?.labels?.[l] ?? '');
    if (opts.showLabels) line.push(formatLabels(meta(r)?.labels));
    lines.push(line);
  });
  return tabwrite(lines);
}

/**
 * What `kubectl get` writes to stderr when it printed nothing: `No resources found in default
 * namespace.` for namespaced kinds in one namespace, else `No resources found` (cluster-scoped
 * kinds, `-A`). Without the trailing newline.
 */
export function noResourcesFound(opts: { namespace?: string; allNamespaces?: boolean; namespaced?: boolean }): string {
  if (opts.namespaced !== false && !opts.allNamespaces)
    return `No resources found in ${opts.namespace ?? 'default'} namespace.`;
  return 'No resources found';
}
