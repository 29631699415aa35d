/**
 * Node selectors and node affinity: component-helpers/scheduling/corev1/nodeaffinity. A node
 * selector's terms are ORed; within a term, matchExpressions (on labels) and matchFields (only
 * `metadata.name`) are ANDed. A term that is empty or malformed matches nothing.
 */
import type {
  Node,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  Pod,
  PreferredSchedulingTerm,
} from 'kubernetes-types/core/v1';
import { selectorFromSet, type Selector } from '../labels/selector';

function labelRequirementMatches(r: NodeSelectorRequirement, labels: Record<string, string>): boolean | undefined {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      if (values.length === 0) return undefined;
      return has && values.includes(value);
    case 'NotIn':
      if (values.length === 0) return undefined;
      return !has || !values.includes(value);
    case 'Exists':
      if (values.length !== 0) return undefined;
      return has;
    case 'DoesNotExist':
      if (values.length !== 0) return undefined;
      return !has;
    case 'Gt':
    case 'Lt': {
      if (values.length !== 1 || !/^-?\d+$/.test(values[0])) return undefined;
      if (!has || !/^-?\d+$/.test(value)) return false;
      const a = BigInt(value);
      const b = BigInt(values[0]);
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return undefined;
  }
}

function fieldRequirementMatches(r: NodeSelectorRequirement, node: Node): boolean | undefined {
  if (r.key !== 'metadata.name') return undefined;
  const values = r.values ?? [];
  const name = node.metadata?.name ?? '';
  if (r.operator === 'In') return values.length === 1 ? values[0] === name : undefined;
  if (r.operator === 'NotIn') return values.length === 1 ? values[0] !== name : undefined;
  return undefined;
}

/** One term: all expressions and fields must match; an empty or invalid term matches nothing. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  for (const r of exprs) if (labelRequirementMatches(r, labels) !== true) return false;
  for (const r of fields) if (fieldRequirementMatches(r, node) !== true) return false;
  return true;
}

/** NodeSelector.Match: any term matches. */
export function matchNodeSelectorTerms(node: Node, terms: NodeSelectorTerm[] | undefined | null): boolean {
  return (terms ?? []).some((t) => nodeSelectorTermMatches(t, node));
}

export interface RequiredNodeAffinity {
  /** The pod's spec.nodeSelector as a label selector (undefined when the pod has none). */
  labelSelector?: Selector;
  nodeSelector?: NodeSelector;
  match(node: Node): boolean;
}

/** GetRequiredNodeAffinity: spec.nodeSelector AND requiredDuringSchedulingIgnoredDuringExecution. */
export function getRequiredNodeAffinity(pod: Pod): RequiredNodeAffinity {
  const spec = pod.spec;
  const labelSelector =
    spec?.nodeSelector && Object.keys(spec.nodeSelector).length > 0 ? selectorFromSet(spec.nodeSelector) : undefined;
  const nodeSelector = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return {
    labelSelector,
    nodeSelector,
    match(node: Node) {
      if (labelSelector && !labelSelector.matches(node.metadata?.labels)) return false;
      if (nodeSelector && !matchNodeSelectorTerms(node, nodeSelector.nodeSelectorTerms)) return false;
      return true;
    },
  };
}

/** PreferredSchedulingTerms.Score: the sum of the weights of the matching terms. */
export function preferredSchedulingTermsScore(terms: PreferredSchedulingTerm[] | undefined | null, node: Node): number {
  let score = 0;
  for (const t of terms ?? []) {
    if (t.weight === 0) continue;
    if (nodeSelectorTermMatches(t.preference, node)) score += t.weight;
  }
  return score;
}
