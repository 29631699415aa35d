// The sandbox's YAML editor (src/editor) on its test bench, /dev/editor/: lazy loading, schema
// diagnostics, completion and hover docs per kind in multi-document streams, engine markers,
// Ctrl+Enter, keyboard focus and accessibility. Run after `npm run build` (npm run test:e2e does it).
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { axe, chromiumArgs, chromiumPath, startPreview } from './harness.mjs';
import type { EditorMarker, YamlEditor } from '../../src/editor/yaml-editor';

declare global {
  interface Window {
    /** Set by the bench once the editor is mounted (src/pages/dev/editor.astro). */
    __reconcileEditor?: YamlEditor & { applied: number };
  }
}

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  const executablePath = chromiumPath();
  server = await startPreview();
  browser = await chromium.launch({ executablePath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Bench {
  page: Page;
  /** Paths requested by the page, in order. */
  requests: string[];
  /** Uncaught exceptions and console errors. */
  errors: string[];
}

/** Opens the bench (editor not loaded yet); on a failing test, a screenshot goes to test-results/. */
async function openBench(colorScheme: 'light' | 'dark' = 'light'): Promise<Bench> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
  const bench: Bench = { page, requests: [], errors: [] };
  page.on('request', (r) => bench.requests.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => bench.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') bench.errors.push(m.text());
  });
  onTestFailed(async ({ task }) => {
    mkdirSync('test-results', { recursive: true });
    await page
      .screenshot({ path: `test-results/editor-${task.name.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true })
      .catch(() => {});
  });
  await page.goto(server.url + '/dev/editor/');
  return bench;
}

const editorName = 'Manifests: DaemonSet node-exporter';

/** Presses "Load the editor" and waits until the editor is mounted and focused. */
async function loadEditor(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load the editor' }).click();
  await page.getByRole('status').filter({ hasText: 'Editor ready.' }).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(editorName);
}

async function openEditor(colorScheme: 'light' | 'dark' = 'light'): Promise<Bench> {
  const bench = await openBench(colorScheme);
  await loadEditor(bench.page);
  return bench;
}

const editor = (page: Page) => page.getByRole('textbox', { name: editorName });

/**
 * Replaces the text through the test hook and puts the cursor at the `|` in `text` (removed),
 * or at the end.
 */
async function setText(page: Page, text: string): Promise<void> {
  const cursor = text.indexOf('|');
  await page.evaluate((t) => window.__reconcileEditor!.setValue(t), text.replace('|', ''));
  await editor(page).focus();
  await page.keyboard.press('Control+End');
  if (cursor < 0) return;
  const lines = text.slice(0, cursor).split('\n');
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < lines.length; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

const value = (page: Page) => page.evaluate(() => window.__reconcileEditor!.getValue());

/**
 * Ctrl+Space at the cursor; resolves with the labels of all suggestions (the list renders only the
 * rows in view, so it is paged through).
 */
async function complete(page: Page): Promise<string[]> {
  await page.keyboard.press('Control+Space');
  const options = page.getByRole('listbox', { name: 'Suggest' }).getByRole('option');
  await options.first().waitFor();
  const total = Number(await options.first().getAttribute('aria-setsize'));
  const labels = new Set<string>();
  for (let pages = 0; labels.size < total && pages <= total; pages++) {
    for (const text of await options.allInnerTexts()) labels.add(text.split('\n')[0].trim());
    await page.keyboard.press('PageDown');
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  expect(labels.size).toBe(total);
  return [...labels];
}

/** The problems in the text, in order, as F8 walks through them in Monaco's problem widget. */
async function problems(page: Page): Promise<string[]> {
  await editor(page).focus();
  await page.keyboard.press('Control+Home');
  const messages: string[] = [];
  const alert = page.getByRole('tooltip').getByRole('alert');
  for (;;) {
    await page.keyboard.press('F8');
    await alert.filter({ hasText: /\S/ }).first().waitFor();
    const text = await alert.first().innerText();
    if (messages.includes(text)) break;
    messages.push(text);
  }
  await page.keyboard.press('Escape');
  return messages;
}

/** Hovers the text of `word` on the screen (the span in `.view-line`, not a squiggle) and returns the hover's text. */
async function hover(page: Page, word: string): Promise<string> {
  await page.mouse.move(0, 0);
  const span = page.locator('.view-line span', { hasText: new RegExp(`^\\s*${word}:?$`) }).first();
  await span.hover();
  const tip = page.getByRole('tooltip').filter({ hasText: /\S/ }).first();
  await tip.waitFor();
  return tip.innerText();
}

const squiggles = (page: Page, severity: 'error' | 'warning') => page.locator(`.view-overlays .squiggly-${severity}`);

describe('loading', () => {
  test('nothing of Monaco is fetched before the learner asks for the editor, and no stylesheet after', async () => {
    const { page, requests, errors } = await openBench();
    const monacoFiles = (paths: string[]) => paths.filter((p) => /yaml-editor|\.worker|codicon/.test(p));
    expect(monacoFiles(requests)).toEqual([]);
    const stylesheets = () =>
      page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')));
    const before = await stylesheets();

    await loadEditor(page);
    expect(monacoFiles(requests).some((p) => /\/yaml-editor\.[\w-]+\.js$/.test(p))).toBe(true);
    // The YAML worker starts once the first validation runs.
    await expect.poll(() => monacoFiles(requests).some((p) => /yaml\.worker/.test(p))).toBe(true);
    expect(await stylesheets()).toEqual(before);
    const css = await page.evaluate(() => document.querySelector('style[data-reconcile-editor]')?.textContent ?? '');
    expect(css).toContain('.monaco-editor');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('accessibility', () => {
  test.each(['light', 'dark'] as const)('axe finds no violations before and after loading (%s)', async (scheme) => {
    const { page, requests } = await openBench(scheme);
    expect(await axe(page)).toEqual([]);
    await loadEditor(page);
    await expect.poll(() => requests.some((p) => /yaml\.worker/.test(p))).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  test('Tab and Shift+Tab leave the editor; Ctrl+M makes Tab indent and back', async () => {
    const { page } = await openEditor();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reset the manifest');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(editorName);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).not.toBe(editorName);

    await editor(page).focus();
    await page.keyboard.press('Control+Home');
    const original = await value(page);
    await page.keyboard.press('Control+M');
    await page.getByRole('status').filter({ hasText: 'Tab now indents.' }).waitFor({ state: 'attached' });
    await page.keyboard.press('Tab');
    expect(await value(page)).toBe('  ' + original);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(editorName);
    await page.keyboard.press('Control+M');
    await page.getByRole('status').filter({ hasText: 'Tab now moves focus' }).waitFor({ state: 'attached' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).not.toBe(editorName);
    await page.close();
  });

  test('the editor follows the site theme', async () => {
    const { page } = await openEditor('light');
    const dark = () => page.evaluate(() => document.querySelector('.monaco-editor')!.classList.contains('vs-dark'));
    expect(await dark()).toBe(false);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect.poll(dark).toBe(true);
    await page.close();
  });
});

describe('schema', () => {
  test('a field the schema does not know, typed in, gets a diagnostic', async () => {
    const { page } = await openEditor();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('bogusField: true');
    await page.keyboard.press('Enter');
    await squiggles(page, 'warning').first().waitFor();
    const [problem, ...rest] = await problems(page);
    expect(rest).toEqual([]);
    expect(problem).toContain('Property bogusField is not allowed.');
    expect(problem).toContain('Kubernetes 1.34 schema');
    expect(problem).not.toContain('reconcile://');
    await page.close();
  });

  const pod =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n';

  test.each([
    {
      situation: 'an empty DaemonSet spec at the end of the text',
      text: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  ',
      offered: ['selector', 'template', 'updateStrategy', 'minReadySeconds'],
      notOffered: ['containers'],
    },
    {
      situation: 'a DaemonSet after a Pod, at the end',
      text: `${pod}---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  `,
      offered: ['selector', 'template'],
      notOffered: ['containers', 'completions'],
    },
    {
      situation: 'a Pod between a Job and a Node',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\n---\napiVersion: v1\nkind: Pod\nspec:\n  |\n---\napiVersion: v1\nkind: Node\nmetadata:\n  name: worker-1\n',
      offered: ['containers', 'restartPolicy', 'nodeSelector', 'tolerations'],
      notOffered: ['taints', 'completions'],
    },
    {
      situation: 'a Job after a Pod',
      text: `${pod}---\napiVersion: batch/v1\nkind: Job\nspec:\n  |\n`,
      offered: ['completions', 'parallelism', 'backoffLimit', 'template'],
      notOffered: ['schedule', 'containers'],
    },
    {
      situation: 'a CronJob first, a Pod after it',
      text: `apiVersion: batch/v1\nkind: CronJob\nspec:\n  |\n---\n${pod}`,
      offered: ['schedule', 'jobTemplate', 'concurrencyPolicy', 'timeZone'],
      notOffered: ['completions', 'containers'],
    },
    {
      situation: 'a Node after a DaemonSet',
      text: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\n---\napiVersion: v1\nkind: Node\nspec:\n  ',
      offered: ['taints', 'unschedulable', 'podCIDR'],
      notOffered: ['selector', 'containers'],
    },
  ])('Ctrl+Space on $situation offers that kind’s fields', async ({ text, offered, notOffered }) => {
    const { page } = await openEditor();
    await setText(page, text);
    const labels = await complete(page);
    expect(labels).toEqual(expect.arrayContaining(offered));
    for (const label of notOffered) expect(labels).not.toContain(label);
    await page.close();
  });

  test('a chosen suggestion lands at the cursor in its own document', async () => {
    const { page } = await openEditor();
    await setText(page, `${pod}---\napiVersion: apps/v1\nkind: DaemonSet\nspec:\n  |\n---\n${pod}`);
    await complete(page);
    await page.keyboard.type('templ');
    await page
      .getByRole('listbox', { name: 'Suggest' })
      .getByRole('option', { name: /template/ })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    expect(await value(page)).toContain('kind: DaemonSet\nspec:\n  template:');
    await page.close();
  });

  test.each([
    {
      situation: 'each document is checked against its own kind',
      text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: batch/v1\nkind: Job\nspec:\n  schedule: "*/5 * * * *"\n`,
      problem: 'Property schedule is not allowed.',
    },
    {
      situation: 'a DaemonSet with the core apiVersion',
      text: 'apiVersion: v1\nkind: DaemonSet\nmetadata:\n  name: a\n',
      problem: 'Valid values: "apps/v1"',
    },
    {
      situation: 'an unknown kind',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n',
      problem: 'Value is not accepted.',
    },
  ])('diagnostics: $situation', async ({ text, problem }) => {
    const { page } = await openEditor();
    await setText(page, text);
    await expect.poll(() => squiggles(page, 'warning').count()).toBeGreaterThan(0);
    expect(await problems(page)).toEqual(expect.arrayContaining([expect.stringContaining(problem)]));
    await page.close();
  });

  test('hovering a field shows its documentation, in the first and in a later document', async () => {
    const { page } = await openEditor();
    expect(await hover(page, 'selector')).toContain('A label query over pods that are managed by the daemon set.');
    expect(await hover(page, 'hostPort')).toContain('Number of port to expose on the host.');

    await setText(page, `${pod}---\napiVersion: batch/v1\nkind: Job\nspec:\n  backoffLimit: 2\n`);
    expect(await hover(page, 'backoffLimit')).toContain(
      'Specifies the number of retries before marking this job failed.',
    );
    await page.close();
  });
});

describe('API', () => {
  test('setMarkers shows the engine’s errors, replaces them, and clears them', async () => {
    const { page } = await openEditor();
    const setMarkers = (markers: EditorMarker[]) =>
      page.evaluate((m) => window.__reconcileEditor!.setMarkers(m), markers);
    expect(await squiggles(page, 'error').count()).toBe(0);

    await setMarkers([
      { line: 4, column: 9, message: 'metadata.name: Invalid value: "node_exporter": a lowercase RFC 1123 subdomain' },
    ]);
    await squiggles(page, 'error').first().waitFor();
    expect(await problems(page)).toEqual([
      expect.stringContaining('metadata.name: Invalid value: "node_exporter": a lowercase RFC 1123 subdomain'),
    ]);

    await setMarkers([{ line: 9, column: 5, message: 'spec.template: Required value', severity: 'warning' }]);
    await expect.poll(() => squiggles(page, 'error').count()).toBe(0);
    expect(await problems(page)).toEqual([expect.stringContaining('spec.template: Required value')]);

    await setMarkers([]);
    await expect.poll(() => squiggles(page, 'warning').count()).toBe(0);
    await page.close();
  });

  test('Ctrl+Enter applies without changing the text', async () => {
    const { page } = await openEditor();
    const before = await value(page);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('status').filter({ hasText: 'Applied 1 time.' }).waitFor();
    expect(await page.evaluate(() => window.__reconcileEditor!.applied)).toBe(1);
    expect(await value(page)).toBe(before);
    await page.close();
  });

  test('onChange reports edits; setValue is undoable', async () => {
    const { page } = await openEditor();
    await page.evaluate(() => {
      const w = window as unknown as { changes: string[] };
      w.changes = [];
      window.__reconcileEditor!.onChange((text) => w.changes.push(text));
    });
    const original = await value(page);
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('# ');
    const changes = await page.evaluate(() => (window as unknown as { changes: string[] }).changes);
    expect(changes.at(-1)).toBe('# ' + original);

    await page.evaluate(() => window.__reconcileEditor!.setValue('kind: Pod\n'));
    await editor(page).focus();
    await page.keyboard.press('Control+Z');
    expect(await value(page)).toBe('# ' + original);
    await page.close();
  });
});
