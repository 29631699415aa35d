/**
 * The DaemonSet controller's reconcile loop (pkg/controller/daemon): adoption, then the pure
 * decisions of manage.ts (podsShouldBeOnNode), update.ts (rollingUpdate, both maxSurge paths) and
 * status.ts (updateDaemonSetStatus); `sync` only carries their plans out.
 */
import { controllerRefOfKind } from '../owners';
import { clone } from '../clone';
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { labelSelectorAsSelector } from '../labels/selector';
import { gcBackoff, manage, type FailedPodsBackoff } from './manage';
import { nodeShouldRunDaemonPod, type ShouldRun } from './predicates';
import { calculateStatus, statusObject, statusRequeueAfterMs } from './status';
import { cleanupHistory, constructHistory, rollingUpdate } from './update';
import { step, type DaemonSetMachineEvent, type DaemonSetMachineState } from './machine';
import {
  computeHash,
  createPodTemplate,
  getPodsByNode,
  getTemplateGeneration,
  replaceDaemonSetPodNodeNameNodeAffinity,
} from './util';

export interface DaemonSetHost {
  now(): number;
  schedule(at: number, type: string, args: Record<string, unknown>): void;
  pending(type: string, match: (args: Record<string, unknown>) => boolean): boolean;
  peekAll(kind: 'Node' | 'Pod' | 'DaemonSet' | 'ControllerRevision'): any[];
  /** Objects that name `uid` among their owners (the informer's index). */
  peekOwnedBy(kind: 'Pod' | 'ControllerRevision', uid: string): any[];
  /** Objects no controller owns. */
  peekUncontrolled(kind: 'Pod'): any[];
  createPod(pod: Pod): { name?: string; error?: string };
  deletePod(pod: Pod): void;
  writeStatus(kind: 'DaemonSet' | 'Pod' | 'ControllerRevision', obj: any): void;
  /** Creates a ControllerRevision (through the API server); an error text when it is refused. */
  createRevision(rev: ControllerRevision): { error?: string };
  deleteRevision(namespace: string, name: string): void;
  record(obj: any, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

export interface DaemonSetState {
  /** flowcontrol.Backoff's table for failed pods, keyed `<ds uid>/<observedGeneration>/<node>`. */
  backoff: FailedPodsBackoff;
  /** The last decision per DaemonSet, for the controller inspector. */
  lastDecision: Record<string, { create: string[]; delete: string[]; at: number }>;
  /** Each DaemonSet's reconcile-loop machine (daemonSetMachine), by `namespace/name`. */
  machines?: Record<string, DaemonSetMachineState>;
}

/** The DaemonSet's pods by node: owned by it (controller ref) or orphans its selector adopts. */
function claimPods(ds: DaemonSet, pods: Pod[]): { owned: Pod[]; adopt: Pod[] } {
  const uid = ds.metadata?.uid;
  let selector;
  try {
    selector = labelSelectorAsSelector(ds.spec?.selector);
  } catch {
    return { owned: [], adopt: [] };
  }
  const owned: Pod[] = [];
  const adopt: Pod[] = [];
  for (const p of pods) {
    if (p.metadata?.namespace !== ds.metadata?.namespace) continue;
    const ref = (p.metadata?.ownerReferences ?? []).find((r) => r.controller);
    if (ref) {
      if (ref.uid === uid) owned.push(p);
    } else if (!p.metadata?.deletionTimestamp && selector.matches(p.metadata?.labels)) adopt.push(p);
  }
  return { owned, adopt };
}

export class DaemonSetController {
  constructor(
    private host: DaemonSetHost,
    public state: DaemonSetState = { backoff: {}, lastDecision: {} },
  ) {}

  /** Queues a sync of every DaemonSet (node changes) or of one. */
  enqueue(namespace?: string, name?: string): void {
    for (const ds of this.host.peekAll('DaemonSet')) {
      if (name && (ds.metadata.name !== name || ds.metadata.namespace !== namespace)) continue;
      const args = { namespace: ds.metadata.namespace, name: ds.metadata.name };
      if (!this.host.pending('daemonset.sync', (a) => a.namespace === args.namespace && a.name === args.name))
        this.host.schedule(this.host.now(), 'daemonset.sync', args);
      this.send(`${args.namespace}/${args.name}`, { type: 'watch.changed' });
    }
  }

  /** Which DaemonSets a pod change concerns. */
  onPod(pod: Pod): void {
    const ref = controllerRefOfKind(pod, 'DaemonSet');
    if (ref) this.enqueue(pod.metadata?.namespace, ref.name);
    else if (!pod.metadata?.ownerReferences?.length) this.enqueue();
  }

  sync(namespace: string, name: string): void {
    const ds: DaemonSet | undefined = this.host
      .peekAll('DaemonSet')
      .find((d) => d.metadata.name === name && d.metadata.namespace === namespace);
    const key = `${namespace}/${name}`;
    if (!ds) {
      if (this.state.machines) delete this.state.machines[key];
      return;
    }
    // A DaemonSet being deleted gets no sync, no adoption and no status update, as upstream.
    if (ds.metadata?.deletionTimestamp) return this.send(key, { type: 'watch.deleting' });
    this.send(key, { type: 'watch.changed' });
    const now = this.host.now();
    const nodes: Node[] = this.host.peekAll('Node');
    // The pods the DaemonSet owns and the orphans it may adopt, in name order, as a lister gives them.
    const candidates = [
      ...new Set([...this.host.peekOwnedBy('Pod', ds.metadata!.uid!), ...this.host.peekUncontrolled('Pod')]),
    ];
    candidates.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
    const { owned, adopt } = claimPods(ds, candidates);
    for (const p of adopt) {
      const copy = clone(p);
      copy.metadata!.ownerReferences = [...(copy.metadata!.ownerReferences ?? []), ownerRef(ds)];
      this.host.writeStatus('Pod', copy);
      owned.push(copy);
    }
    const podsByNode = getPodsByNode(owned);
    // constructHistory: the current revision's hash labels new pods; old revisions are cleaned up last.
    const revisions: ControllerRevision[] = this.host
      .peekAll('ControllerRevision')
      .filter(
        (h: ControllerRevision) =>
          h.metadata?.namespace === namespace &&
          (h.metadata?.ownerReferences ?? []).some((r) => r.controller && r.uid === ds.metadata?.uid),
      );
    const history = constructHistory(ds, revisions);
    for (const u of history.update) this.host.writeStatus('ControllerRevision', u);
    for (const d of history.delete) this.host.deleteRevision(namespace, d);
    if (history.create) this.host.createRevision(history.create);
    const hash = history.hash || computeHash(ds.spec?.template, ds.status?.collisionCount);
    const byName = new Map(owned.map((p) => [p.metadata?.name ?? '', p]));
    const created: string[] = [];
    const deleted: string[] = [];
    const create = (node: string) => {
      const r = this.host.createPod(this.podFor(ds, node, hash));
      if (r.name) {
        created.push(r.name);
        this.host.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${r.name}`);
        return true;
      }
      this.host.record(ds, 'Warning', 'FailedCreate', `Error creating: ${r.error}`);
      return false;
    };
    const remove = (name: string) => {
      const p = byName.get(name);
      if (!p || deleted.includes(name)) return;
      this.host.deletePod(p);
      deleted.push(name);
      this.host.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
    };
    const plan = manage(ds, nodes, podsByNode, hash, now, gcBackoff(this.state.backoff, now));
    this.state.backoff = plan.backoff;
    for (const e of plan.events) this.host.record(ds, e.type, e.reason, e.message);
    // syncNodes: creates in slow-start batches; a failing batch skips the rest until the next sync.
    let pos = 0;
    for (const size of plan.syncNodes.createBatches) {
      const batch = plan.nodesNeedingDaemonPods.slice(pos, pos + size);
      pos += size;
      if (!batch.map(create).every(Boolean)) break;
    }
    for (const name of plan.podsToDelete.slice(0, plan.syncNodes.deleteDiff)) remove(name);
    if (plan.requeueAfterMs !== undefined)
      this.host.schedule(now + plan.requeueAfterMs, 'daemonset.sync', { namespace, name });
    if (ds.spec?.updateStrategy?.type === 'RollingUpdate') {
      // The rolling update sees the pods as they are after manage's deletions.
      const left = owned.filter((p) => !deleted.includes(p.metadata?.name ?? ''));
      const ru = rollingUpdate(ds, nodes, getPodsByNode(left), hash, now);
      for (const node of ru.nodesToSurge) create(node);
      for (const name of ru.oldPodsToDelete) remove(name);
    }
    const livePods = owned.filter((p) => !deleted.includes(p.metadata?.name ?? ''));
    for (const d of cleanupHistory(ds, history.old, getPodsByNode(livePods, true)))
      this.host.deleteRevision(namespace, d);
    const decision = { create: created, delete: deleted, at: now };
    this.state.lastDecision[key] = decision;
    const counts = calculateStatus(ds, nodes, podsByNode, hash, now);
    const rolling =
      counts.updatedNumberScheduled < counts.desiredNumberScheduled ||
      counts.numberAvailable < counts.desiredNumberScheduled;
    this.send(key, {
      type: 'sync.done',
      outcome: plan.requeueAfterMs !== undefined ? 'backoff' : rolling ? 'rollingUpdate' : 'steady',
      decision,
    });
    const copy: any = clone(ds);
    copy.status = statusObject(ds, counts);
    if (JSON.stringify(copy.status) !== JSON.stringify(ds.status ?? {})) this.host.writeStatus('DaemonSet', copy);
    // Availability with minReadySeconds changes with time alone: look again when it may have.
    const again = statusRequeueAfterMs(ds, counts);
    if (again !== undefined) this.host.schedule(now + again, 'daemonset.sync', { namespace, name });
  }

  /** Drops the machine of a DaemonSet that is gone. */
  forget(namespace: string, name: string): void {
    if (this.state.machines) delete this.state.machines[`${namespace}/${name}`];
  }

  private send(key: string, event: DaemonSetMachineEvent): void {
    const machines = (this.state.machines ??= {});
    // A queued loop stays queued on further watch events: no transition to compute.
    if (event.type === 'watch.changed' && machines[key]?.value === 'queued') return;
    machines[key] = step(machines[key], event);
  }

  /** Where each DaemonSet's reconcile loop is, for the controller inspector. */
  machineStates(): Record<string, DaemonSetMachineState> {
    return clone(this.state.machines ?? {});
  }

  /** The pod the controller creates for a node: template, owner, hash label and node pinning. */
  podFor(ds: DaemonSet, node: string, hash: string): Pod {
    const t = createPodTemplate(ds.spec?.template, getTemplateGeneration(ds), hash);
    const spec = t.spec ?? { containers: [] };
    spec.affinity = replaceDaemonSetPodNodeNameNodeAffinity(spec.affinity, node);
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...(t.metadata ?? {}),
        generateName: `${ds.metadata?.name}-`,
        namespace: ds.metadata?.namespace,
        ownerReferences: [ownerRef(ds)],
      },
      spec,
    };
  }

  explain(ds: DaemonSet, node: Node): ShouldRun {
    return nodeShouldRunDaemonPod(node, ds);
  }
}

function ownerRef(ds: DaemonSet) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    name: ds.metadata?.name ?? '',
    uid: ds.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}
