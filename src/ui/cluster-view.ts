/**
 * The cluster view: a card per node (name, role, Ready/NotReady, cordon, taints, labels) holding
 * its pods, and a lane for pods no node has taken. Elements are keyed by uid and updated in
 * place, so CSS can animate a pod arriving, changing phase and leaving; the phase shows as text
 * and as a shape, not by colour alone.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { t } from '../i18n';
import type { Locale } from '../content/schemas';
import { findNodeRoles, nodeStatus, podStatusReason } from '../sim/kubectl/printers';
import { taintToString } from '../sim/scheduling/taints';

export interface Selection {
  kind: 'Pod' | 'Node' | 'Job' | 'CronJob';
  namespace?: string;
  name: string;
}

export interface PodRow {
  name: string;
  status: string;
  node: string;
  owner: string;
}

/** The look of a pod's STATUS: the class (shape and colour) its chip gets. */
export function phaseClass(status: string): string {
  if (status === 'Running') return 'running';
  if (status === 'Completed') return 'succeeded';
  if (status === 'Terminating') return 'terminating';
  if (status === 'Pending') return 'pending';
  if (status === 'ContainerCreating' || status === 'PodInitializing') return 'creating';
  if (status === 'CrashLoopBackOff' || /BackOff$/.test(status)) return 'backoff';
  return 'failed';
}

const LEAVE_MS = 450;

interface ViewState {
  nodes: Map<string, HTMLElement>;
  pods: Map<string, HTMLElement>;
  lane?: HTMLElement;
}
const states = new WeakMap<HTMLElement, ViewState>();

function owner(pod: Pod): string {
  const ref = (pod.metadata?.ownerReferences ?? []).find((r) => r.controller) ?? pod.metadata?.ownerReferences?.[0];
  return ref ? `${ref.kind} ${ref.name}` : '';
}

function restarts(pod: Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
}

function make(tag: string, cls: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function setText(e: Element, text: string): void {
  if (e.textContent !== text) e.textContent = text;
}

function nodeCard(host: HTMLElement, node: Node, locale: Locale): HTMLElement {
  const name = node.metadata?.name ?? '';
  const card = make('div', 'sb-node');
  card.setAttribute('role', 'group');
  card.setAttribute('aria-label', t(locale, 'sb.nodeGroup', { name }));
  const head = make('div', 'sb-node-head');
  const button = make('button', 'sb-node-name', name) as HTMLButtonElement;
  button.type = 'button';
  button.dataset.select = `Node//${name}`;
  head.append(button, make('span', 'sb-badge sb-role'), make('span', 'sb-badge sb-status'));
  const taints = make('ul', 'sb-taints');
  taints.setAttribute('aria-label', t(locale, 'sb.taints'));
  const labels = make('p', 'sb-labels');
  const pods = make('ul', 'sb-pods');
  pods.setAttribute('aria-label', t(locale, 'sb.podsOn', { name }));
  card.append(head, taints, labels, pods);
  host.append(card);
  return card;
}

const nodeCache = new WeakMap<HTMLElement, string>();

function updateNodeCard(card: HTMLElement, node: Node, locale: Locale, selected: boolean): void {
  const key = `${node.metadata?.resourceVersion}|${selected}`;
  if (nodeCache.get(card) === key) return;
  nodeCache.set(card, key);
  const status = nodeStatus(node);
  const roles = findNodeRoles(node);
  card.classList.toggle('notready', !status.startsWith('Ready'));
  card.classList.toggle('cordoned', status.includes('SchedulingDisabled'));
  card.classList.toggle('selected', selected);
  setText(card.querySelector('.sb-role')!, roles.length ? roles.join(',') : t(locale, 'sb.worker'));
  setText(card.querySelector('.sb-status')!, status);
  card.querySelector('.sb-status')!.className = `sb-badge sb-status ${status.startsWith('Ready') ? 'ok' : 'bad'}`;
  const taints = (node.spec?.taints ?? []).map(taintToString);
  const ul = card.querySelector('.sb-taints')!;
  if (ul.getAttribute('data-v') !== taints.join('|')) {
    ul.setAttribute('data-v', taints.join('|'));
    ul.replaceChildren(...taints.map((x) => make('li', 'sb-taint', x)));
  }
  const shown = Object.entries(node.metadata?.labels ?? {})
    .filter(([k]) => !/^(kubernetes\.io\/(arch|os|hostname)|beta\.kubernetes\.io\/)/.test(k))
    .map(([k, v]) => (v ? `${k}=${v}` : k));
  setText(card.querySelector('.sb-labels')!, shown.length ? shown.join(', ') : '');
}

function podChip(pod: Pod): HTMLElement {
  const li = make('li', 'sb-pod-item entering');
  const b = make('button', 'sb-pod') as HTMLButtonElement;
  b.type = 'button';
  b.dataset.select = `Pod/${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
  // The accessible name is the visible text plus visually hidden glue: "Pod x, Running on worker-1, DaemonSet y".
  b.append(
    make('span', 'sb-shape'),
    make('span', 'sb-glue sb-sr-pre'),
    make('span', 'sb-pod-name', pod.metadata?.name ?? ''),
    make('span', 'sb-glue sb-sr-comma', ', '),
    document.createElement('br'),
    make('span', 'sb-pod-status'),
    make('span', 'sb-glue sb-sr-where'),
    make('span', 'sb-restarts'),
    make('span', 'sb-glue sb-sr-restarts'),
    make('span', 'sb-glue sb-sr-owner-comma'),
    make('span', 'sb-owner'),
  );
  li.append(b);
  setTimeout(() => li.classList.remove('entering'), 30);
  return li;
}

const rowCache = new WeakMap<HTMLElement, { key: string; row: PodRow }>();

function updatePodChip(li: HTMLElement, pod: Pod, locale: Locale, selected: boolean): PodRow {
  // An unchanged pod (same resourceVersion, same selection) needs no DOM work.
  const key = `${pod.metadata?.resourceVersion}|${selected}`;
  const cached = rowCache.get(li);
  if (cached?.key === key) return cached.row;
  const row = writePodChip(li, pod, locale, selected);
  rowCache.set(li, { key, row });
  return row;
}

function writePodChip(li: HTMLElement, pod: Pod, locale: Locale, selected: boolean): PodRow {
  const status = podStatusReason(pod);
  const node = pod.spec?.nodeName ?? '';
  const name = pod.metadata?.name ?? '';
  const b = li.firstElementChild as HTMLElement;
  const cls = `sb-pod phase-${phaseClass(status)}${selected ? ' selected' : ''}`;
  if (b.className !== cls) b.className = cls;
  setText(b.querySelector('.sb-pod-status')!, status);
  const r = restarts(pod);
  setText(b.querySelector('.sb-restarts')!, r ? `↻${r}` : '');
  const o = owner(pod);
  setText(b.querySelector('.sb-owner')!, o);
  setText(b.querySelector('.sb-sr-pre')!, t(locale, 'sb.podWord'));
  setText(b.querySelector('.sb-sr-where')!, node ? t(locale, 'sb.podOnNode', { node }) : t(locale, 'sb.podOnNoNode'));
  setText(b.querySelector('.sb-sr-restarts')!, r ? ` (${t(locale, 'sb.restarts', { n: r })})` : '');
  setText(b.querySelector('.sb-sr-owner-comma')!, o ? ', ' : '');
  return { name, status, node, owner: o };
}

/**
 * Renders nodes and pods into `host`, reusing the elements of the previous render. Returns the
 * rows of the accessible table view.
 */
export function renderCluster(
  host: HTMLElement,
  nodes: Node[],
  pods: Pod[],
  locale: Locale,
  selection?: Selection,
): { rows: PodRow[] } {
  let st = states.get(host);
  if (!st) states.set(host, (st = { nodes: new Map(), pods: new Map() }));
  const state = st;
  const isSel = (kind: string, name: string, ns?: string) =>
    selection?.kind === kind && selection.name === name && (kind === 'Node' || selection.namespace === ns);

  const seenNodes = new Set<string>();
  for (const n of nodes) {
    const name = n.metadata?.name ?? '';
    seenNodes.add(name);
    let card = state.nodes.get(name);
    if (!card) state.nodes.set(name, (card = nodeCard(host, n, locale)));
    updateNodeCard(card, n, locale, isSel('Node', name));
  }
  for (const [name, card] of state.nodes)
    if (!seenNodes.has(name)) {
      state.nodes.delete(name);
      card.classList.add('leaving');
      setTimeout(() => card.remove(), LEAVE_MS);
    }
  // Keep the cards in the API's order.
  let prev: Element | null = null;
  for (const n of nodes) {
    const card = state.nodes.get(n.metadata?.name ?? '')!;
    if (prev === null ? card !== host.firstElementChild : card.previousElementSibling !== prev) {
      if (prev) prev.after(card);
      else host.prepend(card);
    }
    prev = card;
  }
  if (!state.lane) {
    const lane = make('div', 'sb-node sb-lane');
    lane.setAttribute('role', 'group');
    lane.setAttribute('aria-label', t(locale, 'sb.unscheduledLane'));
    const head = make('div', 'sb-node-head');
    head.append(make('span', 'sb-node-name', t(locale, 'sb.unscheduledLane')));
    const ul = make('ul', 'sb-pods');
    lane.append(head, ul);
    state.lane = lane;
  }
  host.append(state.lane);

  const rows: PodRow[] = [];
  const seenPods = new Set<string>();
  let unscheduled = 0;
  for (const p of pods) {
    const uid = p.metadata?.uid ?? p.metadata?.name ?? '';
    seenPods.add(uid);
    let li = state.pods.get(uid);
    if (!li) state.pods.set(uid, (li = podChip(p)));
    const node = p.spec?.nodeName;
    const list =
      node && state.nodes.has(node)
        ? state.nodes.get(node)!.querySelector('.sb-pods')!
        : state.lane.querySelector('.sb-pods')!;
    if (!node || !state.nodes.has(node)) unscheduled++;
    if (li.parentElement !== list) list.append(li);
    rows.push(updatePodChip(li, p, locale, isSel('Pod', p.metadata?.name ?? '', p.metadata?.namespace)));
  }
  for (const [uid, li] of state.pods)
    if (!seenPods.has(uid)) {
      state.pods.delete(uid);
      li.classList.add('leaving');
      setTimeout(() => li.remove(), LEAVE_MS);
    }
  state.lane.hidden = unscheduled === 0;
  return { rows };
}
