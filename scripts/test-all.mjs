// `npm test`: every check a change must pass, in order, each step's output shown as it runs:
// type check (astro check), lint + format, i18n keys, unit and content tests, the production build,
// then the browser tests against that build. Ends with one line: `N passed, N failed`
// (tests counted by Vitest; a failing non-Vitest step counts as one failure).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const npmBin = path.join(root, 'node_modules', '.bin');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PATH: `${npmBin}${path.delimiter}${process.env.PATH}` };
mkdirSync(path.join(root, 'test-results'), { recursive: true });

let passed = 0;
let failed = 0;
const summary = [];

function run(name, command, args, { vitestReport } = {}) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  if (vitestReport) rmSync(vitestReport, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ok = result.status === 0;
  if (vitestReport) {
    if (existsSync(vitestReport)) {
      const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      if (!ok && report.numFailedTests === 0) failed += 1; // e.g. a file that failed to load
      summary.push(
        `${ok ? '✓' : '✗'} ${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed (${seconds.toFixed(1)} s)`,
      );
    } else {
      failed += 1;
      summary.push(`✗ ${name}: no report (${seconds.toFixed(1)} s)`);
    }
  } else {
    if (ok) passed += 1;
    else failed += 1;
    summary.push(`${ok ? '✓' : '✗'} ${name} (${seconds.toFixed(1)} s)`);
  }
  return ok;
}

const node = process.execPath;
if (existsSync(path.join(root, 'scripts/gen-k8s-schema.mjs')))
  run('generate schemas', node, ['scripts/gen-k8s-schema.mjs']);
run('type check', node, ['node_modules/astro/bin/astro.mjs', 'check']);
run('lint', node, ['node_modules/eslint/bin/eslint.js', '.']);
run('format', node, ['node_modules/prettier/bin/prettier.cjs', '--check', '.']);
run('i18n keys', node, ['scripts/check-i18n.mjs']);
run(
  'unit and content tests',
  node,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--project',
    'unit',
    '--reporter=default',
    '--reporter=json',
    '--outputFile=test-results/unit.json',
  ],
  {
    vitestReport: path.join(root, 'test-results/unit.json'),
  },
);
const built = run('build', node, ['node_modules/astro/bin/astro.mjs', 'build']);
if (built) {
  run(
    'browser tests',
    node,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      'e2e',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=test-results/e2e.json',
    ],
    {
      vitestReport: path.join(root, 'test-results/e2e.json'),
    },
  );
} else {
  failed += 1;
  summary.push('✗ browser tests: skipped because the build failed');
}

console.log('\n' + summary.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
