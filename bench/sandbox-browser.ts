/**
 * The sandbox in Chromium (`npm run bench`, never a timed test): what starting it costs, how long
 * the full editor takes to become usable, and whether the cluster view keeps up at 100 nodes ×
 * 5 pods while the clock runs at 600×. Medians of several runs. Needs the production build.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath, startPreview } from '../test/e2e/harness.mjs';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** gzip bytes of the JavaScript responses a page receives from now on. */
function jsMeter(page: Page): { total: () => number; files: () => string[] } {
  let total = 0;
  const files: string[] = [];
  page.on('response', async (res) => {
    const url = res.url();
    if (!/\.m?js(\?|$)/.test(url)) return;
    try {
      total += gzipSync(await res.body()).length;
      files.push(url.split('/').pop()!);
    } catch {
      /* a worker script body may be unavailable; it is counted by its own request */
    }
  });
  return { total: () => total, files: () => files };
}

const server = await startPreview();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  const startMs: number[] = [];
  const editorMs: number[] = [];
  let startJs = 0;
  let editorJs = 0;
  let editorFiles: string[] = [];
  let monacoBeforeEditor = false;
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/lessons/daemonset-basics/`, { waitUntil: 'networkidle' });
    const meter = jsMeter(page);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Start the sandbox' }).click();
    await page.getByRole('group', { name: 'Node worker-3' }).waitFor();
    startMs.push(Date.now() - t0);
    await page.waitForLoadState('networkidle');
    startJs = meter.total();
    monacoBeforeEditor ||= meter.files().some((f) => /yaml-editor|editor\.worker|yaml\.worker/.test(f));
    const before = meter.total();
    const before2 = meter.files().length;
    const t1 = Date.now();
    await page.getByRole('button', { name: 'Full editor' }).click();
    await page.locator('.monaco-editor .view-lines').waitFor();
    await page.locator('.monaco-editor').click();
    await page.keyboard.type('#');
    await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('#'));
    editorMs.push(Date.now() - t1);
    await page.waitForLoadState('networkidle');
    editorJs = meter.total() - before;
    editorFiles = meter.files().slice(before2);
    await page.close();
  }
  console.log(
    `start the sandbox → cluster shown: median ${median(startMs)} ms (${RUNS} runs; JS loaded: ${kb(startJs)} gzip)`,
  );
  console.log(
    `full editor → typing shows: median ${median(editorMs)} ms (${RUNS} runs; JS loaded: ${kb(editorJs)} gzip: ${editorFiles.join(', ')})`,
  );
  console.log(`Monaco requested before the learner asked for the full editor: ${monacoBeforeEditor ? 'yes ✗' : 'no'}`);

  // 100 nodes × 5 pods (five DaemonSets), the clock at 600×: frame intervals while it plays.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/lessons/daemonset-basics/`);
  await page.getByRole('button', { name: 'Start the sandbox' }).click();
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.waitFor();
  for (let n = 4; n < 100; n++) await page.getByRole('button', { name: 'Add node' }).click();
  const ds = (i: number) =>
    `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent-${i}\nspec:\n  selector:\n    matchLabels: {app: agent-${i}}\n  template:\n    metadata:\n      labels: {app: agent-${i}}\n    spec:\n      tolerations:\n        - operator: Exists\n      containers:\n        - name: a\n          image: busybox:1.36\n          command: ["sleep", "infinity"]\n`;
  await page.getByRole('textbox', { name: 'Manifest YAML' }).fill([1, 2, 3, 4, 5].map(ds).join('---\n'));
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('600');
  await page.getByRole('button', { name: 'Play' }).click();
  // A string, not a function: tsx's transform would add helpers the page does not have.
  const frameIntervals = async () =>
    (await page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + 4000;
    const tick = (t) => {
      out.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(tick);
      else resolve(out);
    };
    requestAnimationFrame(tick);
  })`)) as number[];
  const report = async (phase: string, frames: number[]) => {
    const pods = await page.locator('.sb-pod').count();
    const sorted = [...frames].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    console.log(
      `100 nodes, ${pods} pods, playing at 600×, ${phase}: ${frames.length} frames in 4 s (${(frames.length / 4).toFixed(0)} fps), frame interval median ${median(frames).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, longest ${sorted[sorted.length - 1].toFixed(0)} ms (headless Chromium, software rendering)`,
    );
  };
  // The first 4 s include the five DaemonSets' rollout (500 pods created, pulled, started); the
  // next 4 s are the steady cluster with the clock running.
  await report('during the rollout', await frameIntervals());
  await report('steady', await frameIntervals());
  await page.close();
} finally {
  await browser.close();
  await server.stop();
}
