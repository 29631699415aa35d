/**
 * Engine benchmarks (issue "Engine core"): medians of several runs and peak RSS.
 *  - 1,000 nodes, one long-running pod each (pinned by nodeName), one simulated hour.
 *  - 10,000 pods created, run to completion and deleted, on the default cluster plus 40 workers.
 */
import { createCluster } from '../src/sim';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(name: string, runs: number, fn: () => void): void {
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  console.log(
    `${name.padEnd(58)} median ${median(times).toFixed(0).padStart(6)} ms   min ${Math.min(...times)
      .toFixed(0)
      .padStart(6)} ms   peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB   (${runs} runs)`,
  );
}

const node = (name: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } });

measure('1,000 nodes × 1 long-running pod, 1 simulated hour', 5, () => {
  const c = createCluster({ nodes: Array.from({ length: 1000 }, (_, i) => node(`node-${i}`)) });
  const docs = Array.from(
    { length: 1000 },
    (_, i) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent-${i}\nspec:\n  nodeName: node-${i}\n  containers:\n    - name: agent\n      image: prom/node-exporter:v1.8.2\n`,
  ).join('---\n');
  const r = c.apply(docs);
  if (!r.ok) throw new Error(r.errors[0].message);
  c.advance(3600);
  const running = (c.list('pods') as any[]).filter((p) => p.status.phase === 'Running').length;
  if (running !== 1000) throw new Error(`expected 1000 running pods, got ${running}`);
});

measure('10,000 pods created, run (sleep 5) and deleted', 3, () => {
  const c = createCluster({ nodes: Array.from({ length: 40 }, (_, i) => node(`w-${i}`)) });
  for (let batch = 0; batch < 10; batch++) {
    const docs = Array.from(
      { length: 1000 },
      (_, i) =>
        `apiVersion: v1\nkind: Pod\nmetadata:\n  name: t-${batch}-${i}\nspec:\n  restartPolicy: Never\n  containers:\n    - name: t\n      image: busybox:1.36\n      command: ["sh", "-c", "sleep 5"]\n`,
    ).join('---\n');
    const r = c.apply(docs);
    if (!r.ok) throw new Error(r.errors[0].message);
    c.advance(30);
    for (const p of c.list('pods') as any[]) c.delete('pod', p.metadata.name);
    c.advance(1);
  }
  if (c.list('pods').length !== 0) throw new Error('pods left');
});
