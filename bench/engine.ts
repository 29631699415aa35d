/**
 * Engine benchmarks (issue "Engine core"): medians of several runs and peak RSS.
 *  - 1,000 nodes, one long-running pod each (pinned by nodeName), one simulated hour.
 *  - 10,000 pods created, run to completion and deleted, on the default cluster plus 40 workers.
 *  - A DaemonSet on 1,000 nodes: rolled out, then a rolling update with maxUnavailable 10% (timed
 *    from the new template's apply to the last pod available, the cluster built beforehand).
 *  - 30 days of an every-minute CronJob; a Job with completions 10,000 and parallelism 100.
 */
import { createCluster } from '../src/sim';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Times `fn` (given what `setup` returned, which is not timed) over several runs. */
function measure<T>(name: string, runs: number, fn: (input: T) => void, setup: () => T = () => undefined as T): void {
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    // Collect the previous run's garbage first (npm run bench exposes gc), so that no run pays for another's.
    (globalThis as { gc?: () => void }).gc?.();
    const input = setup();
    const t0 = performance.now();
    fn(input);
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

measure('10,000 pods created, run (sleep 5) and deleted', 5, () => {
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

const agent = (tag: string) =>
  `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels: {app: agent}\n  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 10%\n  template:\n    metadata:\n      labels: {app: agent}\n    spec:\n      containers:\n        - name: agent\n          image: prom/node-exporter:${tag}\n`;
const rolledOut = () => {
  const c = createCluster({ nodes: Array.from({ length: 1000 }, (_, i) => node(`node-${i}`)) });
  c.apply(agent('v1.8.2'));
  c.advance(60);
  return c;
};

measure('1,000 nodes and a DaemonSet rolled out to all of them', 3, rolledOut);

measure(
  'DaemonSet rolling update on 1,000 nodes (maxUnavailable 10%)',
  3,
  (c) => {
    c.apply(agent('v1.9.0'));
    const done = c.runUntil((cl) => {
      const d = cl.get('ds', 'agent') as any;
      return (
        d.status.observedGeneration === d.metadata.generation &&
        d.status.updatedNumberScheduled === 1000 &&
        d.status.numberAvailable === 1000
      );
    }, 3600);
    if (!done) throw new Error('rolling update did not finish');
  },
  rolledOut,
);

measure('30 days of an every-minute CronJob running 10 s Jobs', 3, () => {
  const c = createCluster();
  c.apply(
    `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: tick\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: tick\n              image: busybox\n              command: ["sh", "-c", "sleep 10"]\n`,
  );
  c.advance(30 * 86400);
});

measure('a Job with completions 10,000 and parallelism 100', 5, () => {
  const c = createCluster({ nodes: Array.from({ length: 20 }, (_, i) => node(`w-${i}`)) });
  c.apply(
    `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: big\nspec:\n  completions: 10000\n  parallelism: 100\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: w\n          image: busybox\n          command: ["sh", "-c", "sleep 5"]\n`,
  );
  const done = c.runUntil((cl) => ((cl.get('job', 'big') as any).status?.succeeded ?? 0) >= 10000, 86400);
  if (!done) throw new Error('job did not finish');
});
