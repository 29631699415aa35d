// Takes screenshots of built pages for looking at them: node scripts/screenshot.mjs [path...]
// Writes test-results/screens/<name>-<width>-<scheme>.png (git-ignored). Uses `astro preview`.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { startPreview, chromiumPath, chromiumArgs } from '../test/e2e/harness.mjs';

const paths = process.argv.slice(2);
const targets = paths.length ? paths : ['/', '/lessons/daemonset-basics/', '/zh/'];
const out = 'test-results/screens';
mkdirSync(out, { recursive: true });
const server = await startPreview();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  for (const path of targets) {
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ]) {
      for (const scheme of ['light', 'dark']) {
        const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
        await page.goto(server.url + path, { waitUntil: 'networkidle' });
        const name = (path.replace(/\//g, '_').replace(/^_|_$/g, '') || 'home') + `-${width}-${scheme}.png`;
        await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL === '1' });
        await page.close();
        console.log(`${out}/${name}`);
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
