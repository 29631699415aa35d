// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { monacoCssFromJs } from './src/editor/vite-plugin-monaco-css.mjs';

export default defineConfig({
  site: 'https://reconcile.dev',
  trailingSlash: 'ignore',
  integrations: [mdx()],
  i18n: {
    locales: ['en', 'zh'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
  markdown: {
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
  vite: {
    worker: { format: 'es' },
    // Monaco's CSS is applied by the lazily loaded editor chunk, not linked from every lesson page.
    plugins: [monacoCssFromJs()],
    resolve: {
      // monaco-editor ≥ 0.56 has an exports map; monaco-yaml's worker manager imports monaco-editor/esm/vs/….
      alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: 'monaco-editor/' }],
    },
    // Pre-bundled up front, so the first activation in dev does not hit a 504 "Outdated Optimize Dep".
    optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  },
});
