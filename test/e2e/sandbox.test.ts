/**
 * A learner's path through the DaemonSet lesson's sandbox in Chromium: start it, watch pods land,
 * add the control-plane toleration and see a pod appear there, break the YAML and see the error on
 * its line, and use the kubectl console; by mouse and by keyboard only; axe on each state.
 */
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { axe, chromiumArgs, chromiumPath, startPreview } from './harness.mjs';

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  server = await startPreview();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path: string, colorScheme: 'light' | 'dark' = 'light', width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  onTestFailed(async ({ task }) => {
    mkdirSync('test-results', { recursive: true });
    await page
      .screenshot({ path: `test-results/${task.name.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true })
      .catch(() => {});
  });
  await page.goto(server.url + path);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  return page;
}

const toleration = [
  '      tolerations:',
  '        - key: node-role.kubernetes.io/control-plane',
  '          operator: Exists',
  '          effect: NoSchedule',
];

/** The manifest with `extra` lines inserted just before the pod template's `containers:`. */
function insertBeforeContainers(text: string, extra: string[]): { text: string; line: number } {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l === '      containers:');
  lines.splice(at, 0, ...extra);
  return { text: lines.join('\n'), line: at + 1 };
}

async function noViolations(page: Page): Promise<void> {
  // After the pods' enter/leave transitions (0.4 s), as JSON so that a failure names rule and elements.
  await page.waitForTimeout(500);
  expect(JSON.stringify(await axe(page), null, 1)).toBe('[]');
}

describe('the DaemonSet sandbox', () => {
  test('pods land on the workers; the toleration adds one on the control plane; errors point at their line', async () => {
    const page = await open('/lessons/daemonset-basics/');
    await page.getByRole('button', { name: 'Start the sandbox' }).click();
    const controlPlane = page.getByRole('group', { name: 'Node control-plane' });
    await expect.poll(() => controlPlane.count()).toBe(1);
    await noViolations(page);

    const editor = page.getByRole('textbox', { name: 'Manifest YAML' });
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.getByRole('button', { name: '+1 min' }).click();
    const worker1 = page.getByRole('group', { name: 'Node worker-1' });
    await expect
      .poll(() => worker1.getByRole('button', { name: /^Pod node-exporter-\w{5}, Running on worker-1/ }).count())
      .toBe(1);
    expect(await controlPlane.getByRole('button', { name: /^Pod / }).count()).toBe(0);
    // The controller inspector: the DaemonSet's loop is at rest, its last decision created three pods.
    const inspector = page.locator('.sb-inspector-list');
    await expect
      .poll(() => inspector.textContent())
      .toMatch(
        /^DaemonSet node-exporter: idle \(\d+ syncs\)Last decision at 00:00:0\d: create node-exporter-\w{5}, node-exporter-\w{5}, node-exporter-\w{5}; delete nothing\.$/,
      );
    await noViolations(page);

    const original = await editor.inputValue();
    await editor.fill(insertBeforeContainers(original, toleration).text);
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect
      .poll(() => page.getByRole('log', { name: 'kubectl output' }).textContent())
      .toContain('daemonset.apps/node-exporter configured');
    await page.getByRole('button', { name: '+1 min' }).click();
    await expect
      .poll(() =>
        controlPlane.getByRole('button', { name: /^Pod node-exporter-\w{5}, Running on control-plane/ }).count(),
      )
      .toBe(1);
    await noViolations(page);

    const broken = insertBeforeContainers(original, ['      restartPolicy: Never']);
    await editor.fill(broken.text);
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    const errors = page.locator('.sb-errors li');
    await expect.poll(() => errors.count()).toBe(1);
    expect(await errors.first().textContent()).toBe(
      `Line ${broken.line}The DaemonSet "node-exporter" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"`,
    );
    await noViolations(page);

    const input = page.getByRole('textbox', { name: 'kubectl command' });
    await input.fill('kubectl get pods -o wide');
    await input.press('Enter');
    const out = page.getByRole('log', { name: 'kubectl output' });
    await expect.poll(() => out.textContent()).toMatch(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE/);
    const text = (await out.textContent()) ?? '';
    for (const node of ['control-plane', 'worker-1', 'worker-2', 'worker-3'])
      expect(text).toMatch(
        new RegExp(`node-exporter-\\w{5}\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+10\\.244\\.\\d+\\.\\d+\\s+${node}\\s`),
      );
    await noViolations(page);
    await page.close();
  });

  test('works by keyboard only, and the text survives a reload', async () => {
    const page = await open('/lessons/daemonset-basics/', 'dark');
    // Tab to the start button and press Enter.
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.textContent === 'Start the sandbox');
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    // Focus lands in the console.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('kubectl command');
    await page.keyboard.type('kubectl apply -f manifest.yaml');
    await page.keyboard.press('Enter');
    const out = page.getByRole('log', { name: 'kubectl output' });
    await expect.poll(() => out.textContent()).toContain('daemonset.apps/node-exporter created');
    // History: ↑ brings the last command back; Tab completes a resource name.
    await page.keyboard.press('ArrowUp');
    expect(await page.getByRole('textbox', { name: 'kubectl command' }).inputValue()).toBe(
      'kubectl apply -f manifest.yaml',
    );
    await page.getByRole('textbox', { name: 'kubectl command' }).fill('kubectl get daemonsets node-');
    await page.keyboard.press('Tab');
    expect(await page.getByRole('textbox', { name: 'kubectl command' }).inputValue()).toBe(
      'kubectl get daemonsets node-exporter ',
    );
    // Shift+Tab back to the time controls and step the clock by keyboard.
    const plusMinute = page.getByRole('button', { name: '+1 min' });
    await plusMinute.focus();
    await page.keyboard.press('Enter');
    const worker2 = page.getByRole('group', { name: 'Node worker-2' });
    await expect.poll(() => worker2.getByRole('button', { name: /Running on worker-2/ }).count()).toBe(1);
    // A pod is a button: Enter shows its details and why.
    await worker2.getByRole('button', { name: /^Pod node-exporter/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.sb-details-body h4').textContent()).toMatch(/^Pod node-exporter-\w{5}$/);
    await noViolations(page);
    // The edited text is kept per sandbox across a reload.
    const editor = page.getByRole('textbox', { name: 'Manifest YAML' });
    await editor.fill(`${await editor.inputValue()}# my note\n`);
    await page.reload();
    await page.getByRole('button', { name: 'Start the sandbox' }).click();
    expect(await page.getByRole('textbox', { name: 'Manifest YAML' }).inputValue()).toContain('# my note');
    await page.close();
  });

  test('the full editor loads on request, applies with Ctrl+Enter and marks errors', async () => {
    const page = await open('/lessons/daemonset-basics/');
    const scripts: string[] = [];
    page.on('request', (r) => scripts.push(r.url()));
    await page.getByRole('button', { name: 'Start the sandbox' }).click();
    await page.getByRole('group', { name: 'Node worker-1' }).waitFor();
    expect(scripts.some((u) => /yaml-editor|yaml\.worker/.test(u))).toBe(false);
    await page.getByRole('button', { name: 'Full editor' }).click();
    await page.locator('.monaco-editor .view-lines').waitFor();
    expect(scripts.some((u) => /yaml-editor/.test(u))).toBe(true);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+Enter');
    const out = page.getByRole('log', { name: 'kubectl output' });
    await expect.poll(() => out.textContent()).toContain('daemonset.apps/node-exporter created');
    // Break the selector on line 10 (`app: node-exporter` under matchLabels) and apply again.
    await page.keyboard.press('ControlOrMeta+Home');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type('-x');
    await page.keyboard.press('ControlOrMeta+Enter');
    const errors = page.locator('.sb-errors li');
    await expect.poll(() => errors.count()).toBeGreaterThan(0);
    expect(await errors.first().textContent()).toMatch(/^Line \d+The DaemonSet "node-exporter" is invalid/);
    await expect.poll(() => page.locator('.monaco-editor .squiggly-error').count()).toBeGreaterThan(0);
    await noViolations(page);
    await page.close();
  });

  test('at 390 px the sandbox stacks without horizontal scrolling', async () => {
    const page = await open('/lessons/daemonset-basics/', 'light', 390);
    await page.getByRole('button', { name: 'Start the sandbox' }).click();
    await page.getByRole('button', { name: '+1 min' }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Node worker-3' }).count()).toBe(1);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await noViolations(page);
    await page.close();
  });
});

describe('the CronJob sandbox', () => {
  test('Next schedule jumps to the scheduled run, whose Job and pod appear; the inspector shows the decision', async () => {
    const page = await open('/lessons/cronjob-basics/');
    await page.getByRole('button', { name: 'Start the sandbox' }).click();
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    const clock = page.locator('.sb-clock');
    await expect.poll(() => clock.textContent()).toContain('09:58:00');
    await page.getByRole('button', { name: 'Next schedule' }).click();
    // The scenario starts at 09:58 and runs every 5 minutes: the 10:00 run.
    await expect.poll(() => clock.textContent()).toContain('10:00:00');
    const inspector = page.locator('.sb-inspector-list');
    await expect
      .poll(() => inspector.textContent())
      .toMatch(
        /CronJob report: waiting \(\d+ syncs\)Last decision at 10:00:00: created the Job\. Scheduled time 10:00\. Looks again at 10:05:00\. Jobs created: report-\d+; deleted: nothing\./,
      );
    await page.getByRole('button', { name: '+10 s' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Pod report-\d+-\w{5}, Running on / }).count()).toBe(1);
    await noViolations(page);
    await page.close();
  });
});
