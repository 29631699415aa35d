import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { checkGoals, createCluster } from '../../src/sim';
import { scenarioSchema } from '../../src/content/schemas';

const dir = path.resolve(import.meta.dirname, '../../content/scenarios');
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ file: f, scenario: scenarioSchema.parse(parse(readFileSync(path.join(dir, f), 'utf8'))) }));

// Every manifest a learner starts from, and every solution, is accepted by the simulated API server
// exactly as a real one would accept it (strict decoding, defaults, validation).
describe('scenario manifests are valid Kubernetes', () => {
  test.each(scenarios)('$file: starting manifests apply', ({ scenario }) => {
    const c = createCluster({ nodes: scenario.nodes, seed: scenario.seed, startTime: scenario.startTime });
    const r = c.apply(scenario.manifests);
    expect(r.errors).toEqual([]);
    expect(r.objects.length).toBeGreaterThan(0);
  });

  test.each(scenarios.filter((s) => s.scenario.solution?.manifests))(
    '$file: the solution applies over the start',
    ({ scenario }) => {
      const c = createCluster({ nodes: scenario.nodes, seed: scenario.seed, startTime: scenario.startTime });
      c.apply(scenario.manifests);
      const r = c.apply(scenario.solution!.manifests!);
      expect(r.errors).toEqual([]);
      expect(r.objects.every((o) => o.action === 'configured' || o.action === 'created')).toBe(true);
    },
  );
});

// Every scenario's solution reaches all of its goals, headless (as learnGitBranching checks its levels).
describe('scenario solutions reach their goals', () => {
  test.each(scenarios.filter((s) => s.scenario.goals?.length && s.scenario.solution))('$file', ({ scenario }) => {
    const c = createCluster({ nodes: scenario.nodes, seed: scenario.seed, startTime: scenario.startTime });
    c.apply(scenario.solution!.manifests ?? scenario.manifests);
    c.advance(scenario.solution!.advanceSeconds ?? 60);
    const results = checkGoals(c, scenario.goals);
    expect(results.filter((r) => !r.met).map((r) => r.id)).toEqual([]);
  });
});
