// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

/** The engine is deterministic (DESIGN.md): time comes from the simulated clock, randomness from the seed. */
/** @type {import("eslint").Linter.Config} */
const determinism = {
  files: ['src/sim/**/*.ts'],
  rules: {
    'no-restricted-properties': [
      'error',
      { object: 'Date', property: 'now', message: 'src/sim is deterministic: use the simulated clock.' },
      { object: 'Math', property: 'random', message: 'src/sim is deterministic: use the seeded RNG.' },
      { object: 'performance', property: 'now', message: 'src/sim is deterministic: use the simulated clock.' },
    ],
    'no-restricted-globals': [
      'error',
      { name: 'setTimeout', message: 'src/sim has no timers: schedule on the simulated clock.' },
      { name: 'setInterval', message: 'src/sim has no timers: schedule on the simulated clock.' },
      { name: 'window', message: 'src/sim is headless.' },
      { name: 'document', message: 'src/sim is headless.' },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'src/sim is deterministic: `new Date()` reads the wall clock; pass the simulated time.',
      },
      {
        selector: "CallExpression[callee.name='Date'][arguments.length=0]",
        message: 'src/sim is deterministic: `Date()` reads the wall clock.',
      },
    ],
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/ui/**', '**/editor/**', '**/components/**', '**/pages/**', '**/layouts/**'],
            message: 'src/sim must not import the view layer.',
          },
          { group: ['astro', 'astro:*', 'astro/*'], message: 'src/sim must not import Astro.' },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.astro/', 'src/generated/', 'test-results/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  determinism,
);
