// `npm run bench`: speed and size, never as timed tests. Runs every bench/*.ts (engine benchmarks,
// each printing medians of several runs, and the sandbox in Chromium) and then measures what a
// lesson page loads before the learner activates anything. The schema is generated and the site
// built (dist/, when missing) first, so it works on a fresh checkout after `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const benchDir = path.join(root, 'bench');
let failed = false;

// The engine reads the generated Kubernetes schema (src/generated/, not committed): make it first.
const gen = spawnSync(process.execPath, ['scripts/gen-k8s-schema.mjs'], { cwd: root, stdio: 'inherit' });
if (gen.status !== 0) process.exit(1);

if (!existsSync(path.join(root, 'dist', 'index.html'))) {
  console.log('\n▶ building the site (the sandbox bench and the page-weight figures use dist/)');
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const benches = existsSync(benchDir)
  ? readdirSync(benchDir).filter((f) => f.endsWith('.ts') && !f.includes('.util'))
  : [];
for (const file of benches.sort()) {
  console.log(`\n▶ bench/${file}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join('bench', file)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) failed = true;
}

/** JS and CSS a page requests on first load: <script src>, modulepreload and stylesheet links, inline scripts. */
function firstLoad(htmlFile) {
  const html = readFileSync(htmlFile, 'utf8');
  const refs = new Set();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="(?:modulepreload|stylesheet)"/g)) refs.add(m[1]);
  let js = 0;
  let css = 0;
  for (const ref of refs) {
    const file = path.join(root, 'dist', ref.split('?')[0]);
    if (!existsSync(file)) continue;
    const size = gzipSync(readFileSync(file)).length;
    if (ref.endsWith('.css')) css += size;
    else js += size;
  }
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) js += gzipSync(m[1]).length;
  for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) css += gzipSync(m[1]).length;
  return { js, css, html: gzipSync(html).length };
}

const pages = [
  'index.html',
  'lessons/daemonset-basics/index.html',
  'lessons/job-basics/index.html',
  'lessons/cronjob-basics/index.html',
];
console.log('\n▶ first load of built pages (gzip bytes; target for a lesson page: JS ≤ 100 KB)');
console.log('page'.padEnd(42) + 'HTML'.padStart(9) + 'JS'.padStart(9) + 'CSS'.padStart(9));
for (const p of pages) {
  const f = path.join(root, 'dist', p);
  if (!existsSync(f)) continue;
  const { js, css, html } = firstLoad(f);
  console.log(p.padEnd(42) + String(html).padStart(9) + String(js).padStart(9) + String(css).padStart(9));
  if (p.startsWith('lessons/') && js > 100 * 1024) {
    console.log(`  ✗ ${p}: ${js} B of JavaScript before activation exceeds 100 KB`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
