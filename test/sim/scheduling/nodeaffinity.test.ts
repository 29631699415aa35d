import { describe, expect, test } from 'vitest';
import type { Node, NodeSelectorTerm, Pod } from 'kubernetes-types/core/v1';
import {
  getRequiredNodeAffinity,
  matchNodeSelectorTerms,
  preferredSchedulingTermsScore,
} from '../../../src/sim/scheduling/nodeaffinity';

const node = (name: string, labels: Record<string, string>): Node => ({ metadata: { name, labels } });
const n1 = node('worker-1', { disktype: 'ssd', zone: 'a', cores: '8' });

// upstream: component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity_test.go TestNodeSelectorMatch / TestMatchNodeSelectorTerms
describe('matchNodeSelectorTerms', () => {
  test.each<[string, NodeSelectorTerm[], boolean]>([
    ['nil terms match nothing', [], false],
    ['an empty term matches nothing', [{}], false],
    ['In matches', [{ matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd', 'nvme'] }] }], true],
    ['In without the label', [{ matchExpressions: [{ key: 'gpu', operator: 'In', values: ['yes'] }] }], false],
    [
      'NotIn matches a missing label',
      [{ matchExpressions: [{ key: 'gpu', operator: 'NotIn', values: ['yes'] }] }],
      true,
    ],
    ['Exists', [{ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }], true],
    ['DoesNotExist', [{ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }], false],
    ['Gt', [{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }], true],
    ['Lt', [{ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['4'] }] }], false],
    [
      'Gt with two values is invalid',
      [{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4', '5'] }] }],
      false,
    ],
    ['In with no values is invalid', [{ matchExpressions: [{ key: 'zone', operator: 'In', values: [] }] }], false],
    [
      'expressions in a term are ANDed',
      [
        {
          matchExpressions: [
            { key: 'zone', operator: 'In', values: ['a'] },
            { key: 'disktype', operator: 'In', values: ['hdd'] },
          ],
        },
      ],
      false,
    ],
    [
      'terms are ORed',
      [
        { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] },
        { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
      ],
      true,
    ],
    [
      'matchFields metadata.name In',
      [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }] }],
      true,
    ],
    [
      'matchFields metadata.name In another node',
      [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-2'] }] }],
      false,
    ],
    [
      'matchFields metadata.name NotIn',
      [{ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['worker-2'] }] }],
      true,
    ],
    [
      'matchFields on another field is invalid',
      [{ matchFields: [{ key: 'metadata.uid', operator: 'In', values: ['x'] }] }],
      false,
    ],
    [
      'matchFields with two names is invalid',
      [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1', 'worker-2'] }] }],
      false,
    ],
  ])('%s', (_d, terms, want) => {
    expect(matchNodeSelectorTerms(n1, terms)).toBe(want);
  });
});

// upstream: nodeaffinity_test.go TestPodMatchesNodeSelectorAndAffinityTerms (RequiredNodeAffinity.Match)
describe('getRequiredNodeAffinity', () => {
  const pod = (spec: Pod['spec']): Pod => ({ spec: { containers: [], ...spec } });
  test.each<[string, Pod, boolean]>([
    ['no selector, no affinity', pod({ containers: [] }), true],
    ['matching nodeSelector', pod({ containers: [], nodeSelector: { disktype: 'ssd' } }), true],
    ['non-matching nodeSelector', pod({ containers: [], nodeSelector: { disktype: 'hdd' } }), false],
    [
      'nodeSelector and affinity must both match',
      pod({
        containers: [],
        nodeSelector: { disktype: 'ssd' },
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }],
            },
          },
        },
      }),
      false,
    ],
    [
      'the DaemonSet rewrite: matchFields on the node name',
      pod({
        containers: [],
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }] }],
            },
          },
        },
      }),
      true,
    ],
    [
      'empty nodeSelectorTerms match nothing',
      pod({
        containers: [],
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } },
      }),
      false,
    ],
  ])('%s', (_d, p, want) => {
    expect(getRequiredNodeAffinity(p).match(n1)).toBe(want);
  });
});

// upstream: nodeaffinity_test.go TestPreferredSchedulingTermsScore
test('preferredSchedulingTermsScore sums the weights of matching terms', () => {
  const terms = [
    { weight: 10, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
    { weight: 5, preference: { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] } },
    { weight: 7, preference: { matchExpressions: [{ key: 'gpu', operator: 'Exists' }] } },
  ];
  expect(preferredSchedulingTermsScore(terms, n1)).toBe(15);
  expect(preferredSchedulingTermsScore([], n1)).toBe(0);
});
