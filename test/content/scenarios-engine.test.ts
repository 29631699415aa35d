import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createCluster } from '../../src/sim';
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
