// Fails when a UI string key is missing from a locale's dictionary, or defined but never used.
// Keys are used as t(locale, 'key') in src/; a template key such as `track.${track}.title` counts as
// using every key it can match.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dictDir = path.join(root, 'src/i18n');
const locales = readdirSync(dictDir).filter((f) => f.endsWith('.json'));
const dicts = Object.fromEntries(
  locales.map((f) => [f.replace('.json', ''), JSON.parse(readFileSync(path.join(dictDir, f), 'utf8'))]),
);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'generated' || name === 'sim' ? [] : walk(p);
    return /\.(astro|ts|tsx|mjs|js)$/.test(name) ? [p] : [];
  });
}

const used = new Set();
const patterns = [];
const call = /\bt\(\s*[^,()]+,\s*(['"`])((?:(?!\1).)+)\1/g;
for (const file of walk(path.join(root, 'src'))) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(call)) {
    const key = m[2];
    if (m[1] === '`' && key.includes('${')) {
      patterns.push(
        new RegExp(
          '^' +
            key
              .split(/\$\{[^}]+\}/)
              .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
              .join('[^.]+') +
            '$',
        ),
      );
    } else used.add(key);
  }
}

const problems = [];
const allKeys = new Set(Object.values(dicts).flatMap((d) => Object.keys(d)));
for (const [locale, dict] of Object.entries(dicts)) {
  for (const key of allKeys) if (!(key in dict)) problems.push(`src/i18n/${locale}.json: missing key "${key}"`);
  for (const key of used)
    if (!(key in dict)) problems.push(`src/i18n/${locale}.json: missing key "${key}" (used in src/)`);
}
for (const key of allKeys) {
  if (!used.has(key) && !patterns.some((p) => p.test(key)))
    problems.push(`src/i18n: key "${key}" is defined but never used`);
}
for (const p of patterns) {
  if (![...allKeys].some((k) => p.test(k))) problems.push(`src/: template key ${p} matches no key`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`i18n check: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`i18n check: ${allKeys.size} keys in ${Object.keys(dicts).length} locales, all used and present`);
