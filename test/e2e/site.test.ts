import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { axe, chromiumArgs, chromiumPath, startPreview } from './harness.mjs';

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

/** Opens a page; on a failing test, its screenshot goes to test-results/ (git-ignored). */
async function open(path: string, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  onTestFailed(async ({ task }) => {
    mkdirSync('test-results', { recursive: true });
    await page
      .screenshot({ path: `test-results/${task.name.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true })
      .catch(() => {});
  });
  await page.goto(server.url + path);
  return page;
}

const pages = [
  '/',
  '/zh/',
  '/lessons/daemonset-basics/',
  '/lessons/job-basics/',
  '/lessons/cronjob-basics/',
  '/zh/lessons/daemonset-basics/',
  '/zh/lessons/job-basics/',
  '/zh/lessons/cronjob-basics/',
  '/no-such-page/',
];

describe('accessibility', () => {
  test.each(pages)('axe finds no violations on %s (light and dark)', async (path) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open(path, { colorScheme });
      expect(await axe(page)).toEqual([]);
      await page.close();
    }
  });
});

describe('home page', () => {
  test('presents the three tracks with their lessons', async () => {
    const page = await open('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Kubernetes controllers');
    for (const track of ['DaemonSet', 'Job', 'CronJob']) {
      const region = page.getByRole('region', { name: track, exact: true });
      expect(await region.getByRole('link').count()).toBeGreaterThan(0);
    }
    await page.getByRole('link', { name: /Start with DaemonSet basics/ }).click();
    await page.waitForURL(/\/lessons\/daemonset-basics\/$/);
    await page.close();
  });

  test('the Chinese home page is in Chinese and links to Chinese lessons', async () => {
    const page = await open('/zh/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    const href = await page
      .getByRole('link', { name: /DaemonSet 基础/ })
      .first()
      .getAttribute('href');
    expect(href).toBe('/zh/lessons/daemonset-basics/');
    await page.close();
  });
});

describe('lesson page', () => {
  test('has a table of contents, the sandbox, and previous/next links', async () => {
    const page = await open('/lessons/job-basics/');
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await toc.getByRole('link', { name: 'completions and parallelism' }).click();
    expect(page.url()).toMatch(/#completions-and-parallelism$/);
    await expect(page.getByRole('region', { name: /^Sandbox:/ }).isVisible()).resolves.toBe(true);
    const pager = page.getByRole('navigation', { name: 'Lesson navigation' });
    expect(await pager.getByRole('link', { name: /Previous/ }).getAttribute('href')).toBe('/lessons/daemonset-basics/');
    await pager.getByRole('link', { name: /Next/ }).click();
    await page.waitForURL(/\/lessons\/cronjob-basics\/$/);
    await page.close();
  });

  test('the language switch leads to the same lesson in Chinese', async () => {
    const page = await open('/lessons/cronjob-basics/');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '简体中文' }).click();
    await page.waitForURL(/\/zh\/lessons\/cronjob-basics\/$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('CronJob 基础');
    await page.close();
  });

  test('stacks without horizontal scrolling at 390 px', async () => {
    for (const path of ['/', '/lessons/daemonset-basics/', '/zh/lessons/cronjob-basics/']) {
      const page = await open(path, { width: 390 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.close();
    }
  });
});

describe('theme', () => {
  test('follows the OS and the toggle choice is remembered', async () => {
    const page = await open('/', { colorScheme: 'dark' });
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.goto(server.url + '/lessons/job-basics/');
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(251, 251, 253)');
    await page.close();
  });
});

describe('keyboard', () => {
  test('the skip link is the first stop and moves focus to the content', async () => {
    const page = await open('/lessons/daemonset-basics/');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    expect(first).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  test('the theme toggle works from the keyboard', async () => {
    const page = await open('/', { colorScheme: 'light' });
    await page.getByRole('button', { name: 'Dark theme' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.keyboard.press('Space');
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    await page.close();
  });
});

test('unknown addresses get the 404 page', async () => {
  const res = await fetch(server.url + '/lessons/nope/');
  expect(res.status).toBe(404);
  expect(await res.text()).toContain('Page not found');
});
