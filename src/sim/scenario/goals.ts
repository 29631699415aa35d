/**
 * Scenario goals, checked on the cluster state through the public contract only, so the lesson
 * sandbox, exercises, quizzes and the headless grader judge a learner's cluster the same way.
 * The shapes mirror content/scenarios/*.yaml (validated by src/content/schemas.ts at build time).
 */
export interface GoalCheck {
  kind: string;
  namespace?: string;
  name?: string;
  labelSelector?: string;
  fieldSelector?: string;
  count?: { min?: number; max?: number };
  jsonPath?: string;
  equals?: string | number | boolean;
  exists?: boolean;
}

export interface Goal {
  id: string;
  description: Record<string, string>;
  check: GoalCheck;
}

/** What the grader needs from a cluster: a subset of the engine's public `Cluster`. */
export interface GoalTarget {
  list(kind: string, opts?: { namespace?: string; labelSelector?: string }): object[];
  get(kind: string, name: string, namespace?: string): object | undefined;
}

export interface GoalResult {
  id: string;
  met: boolean;
  /** Machine-readable account of what was found, for the UI to word. */
  found: { matching: number; value?: unknown };
}

/** Reads `status.numberReady` or `spec.template.spec.containers.0.image` from an object. */
export function fieldAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** kubectl's `--field-selector` for the two fields goals use: `spec.nodeName` and `status.phase` (`=`, `==`, `!=`). */
export function matchesFieldSelector(obj: unknown, selector: string | undefined): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const m = /^\s*([\w.]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
    if (!m) throw new Error(`invalid field selector: ${term}`);
    const actual = fieldAt(obj, m[1]) ?? '';
    return m[2] === '!=' ? String(actual) !== m[3] : String(actual) === m[3];
  });
}

export function checkGoal(cluster: GoalTarget, goal: Goal): GoalResult {
  const c = goal.check;
  const candidates = c.name
    ? [cluster.get(c.kind, c.name, c.namespace)].filter((o): o is object => o !== undefined)
    : cluster.list(c.kind, { namespace: c.namespace, labelSelector: c.labelSelector });
  const matching = candidates.filter((o) => matchesFieldSelector(o, c.fieldSelector));
  const { min = c.count ? 0 : 1, max = Infinity } = c.count ?? {};
  let met = matching.length >= min && matching.length <= max;
  let value: unknown;
  if (c.jsonPath) {
    const values = matching.map((o) => fieldAt(o, c.jsonPath!));
    value = values.length === 1 ? values[0] : values;
    if (c.equals !== undefined) met = met && values.length > 0 && values.every((v) => v === c.equals);
    if (c.exists !== undefined) met = met && values.length > 0 && values.every((v) => (v !== undefined) === c.exists);
  }
  return { id: goal.id, met, found: { matching: matching.length, value } };
}

export function checkGoals(cluster: GoalTarget, goals: Goal[] = []): GoalResult[] {
  return goals.map((g) => checkGoal(cluster, g));
}
