/**
 * Imported first by the schema tests: (re)generates src/generated/ when it is missing or older than
 * the generator or the overlay, so the tests run on a clean clone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const outputs = [
  'src/generated/k8s-schema.json',
  'src/generated/k8s-schema-docs.json',
  'src/generated/json-schema/Pod.json',
];
const inputs = ['scripts/gen-k8s-schema.mjs', 'src/sim/apiserver/schema/overlay-1.34.json'];

const oldest = Math.min(...outputs.map((f) => (existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : 0)));
const newest = Math.max(...inputs.map((f) => statSync(join(root, f)).mtimeMs));
if (oldest === 0 || oldest < newest) {
  execFileSync(process.execPath, [join(root, 'scripts/gen-k8s-schema.mjs')], { cwd: root, stdio: 'inherit' });
}
