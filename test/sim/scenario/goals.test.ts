import { describe, expect, test } from 'vitest';
import { checkGoal, fieldAt, matchesFieldSelector, type Goal, type GoalTarget } from '../../../src/sim/scenario/goals';

const pods = [
  {
    kind: 'Pod',
    metadata: { name: 'a', labels: { app: 'x' } },
    spec: { nodeName: 'worker-1' },
    status: { phase: 'Running' },
  },
  {
    kind: 'Pod',
    metadata: { name: 'b', labels: { app: 'x' } },
    spec: { nodeName: 'worker-2' },
    status: { phase: 'Pending' },
  },
  {
    kind: 'Pod',
    metadata: { name: 'c', labels: { app: 'y' } },
    spec: { nodeName: 'worker-1' },
    status: { phase: 'Running' },
  },
];
const ds = { kind: 'DaemonSet', metadata: { name: 'd' }, status: { numberReady: 4 } };

/** A fake cluster answering list/get with simple equality label selectors. */
const cluster: GoalTarget = {
  list(kind, opts) {
    const all: any[] = kind === 'Pod' ? pods : [ds];
    const sel = opts?.labelSelector;
    if (!sel) return all;
    const [k, v] = sel.split('=');
    return all.filter((o) => o.metadata.labels?.[k] === v);
  },
  get(kind, name) {
    return (kind === 'Pod' ? pods : [ds]).find((o) => o.metadata.name === name);
  },
};

const goal = (check: Goal['check']): Goal => ({ id: 'g', description: { en: '' }, check });

describe('checkGoal', () => {
  test.each([
    [
      'count of running x pods ≥ 1',
      goal({ kind: 'Pod', labelSelector: 'app=x', fieldSelector: 'status.phase=Running', count: { min: 1 } }),
      true,
      1,
    ],
    [
      'count of running x pods ≥ 2',
      goal({ kind: 'Pod', labelSelector: 'app=x', fieldSelector: 'status.phase=Running', count: { min: 2 } }),
      false,
      1,
    ],
    [
      'pods on worker-1 at most 1',
      goal({ kind: 'Pod', fieldSelector: 'spec.nodeName=worker-1', count: { max: 1 } }),
      false,
      2,
    ],
    [
      'no pod on worker-3',
      goal({ kind: 'Pod', fieldSelector: 'spec.nodeName=worker-3', count: { min: 0, max: 0 } }),
      true,
      0,
    ],
    ['a field equals', goal({ kind: 'DaemonSet', name: 'd', jsonPath: 'status.numberReady', equals: 4 }), true, 1],
    ['a field differs', goal({ kind: 'DaemonSet', name: 'd', jsonPath: 'status.numberReady', equals: 3 }), false, 1],
    [
      'a missing object',
      goal({ kind: 'DaemonSet', name: 'nope', jsonPath: 'status.numberReady', equals: 4 }),
      false,
      0,
    ],
    ['a field exists', goal({ kind: 'DaemonSet', name: 'd', jsonPath: 'status.numberReady', exists: true }), true, 1],
  ])('%s', (_name, g, met, matching) => {
    const r = checkGoal(cluster, g);
    expect(r.met).toBe(met);
    expect(r.found.matching).toBe(matching);
  });
});

test('fieldAt reads dotted paths and indices', () => {
  const obj = { spec: { containers: [{ image: 'nginx' }] } };
  expect(fieldAt(obj, 'spec.containers[0].image')).toBe('nginx');
  expect(fieldAt(obj, 'spec.containers.0.image')).toBe('nginx');
  expect(fieldAt(obj, 'spec.missing.deeper')).toBeUndefined();
});

test('matchesFieldSelector supports =, == and != and commas', () => {
  expect(matchesFieldSelector(pods[0], 'status.phase=Running,spec.nodeName==worker-1')).toBe(true);
  expect(matchesFieldSelector(pods[0], 'spec.nodeName!=worker-1')).toBe(false);
  expect(() => matchesFieldSelector(pods[0], 'status.phase')).toThrow('invalid field selector');
});
