// @ts-check
/**
 * Vite plugin: Monaco's CSS is applied by the editor chunk when it runs, instead of becoming a
 * stylesheet of the pages that can load the editor.
 *
 * monaco-editor's ESM modules import their own CSS (`import './hover.css'`, ≈ 150 KB for the features
 * the sandbox uses). Vite extracts such imports into a CSS file, and Astro's build walks the module
 * graph through dynamic `import()`s too, so that file would become a render-blocking
 * `<link rel="stylesheet">` on every page whose script can `import('…/yaml-editor')`, i.e. every
 * lesson. Importing the CSS with `?inline` from our own code does not help, because these imports
 * are inside monaco-editor.
 *
 * So each CSS file under `monaco-editor/esm/` is replaced by a small JS module that imports it with
 * `?inline` (Vite still rewrites its `url()`s, e.g. the codicon font) and hands the text to
 * `addEditorCss` in `styles.ts`, which appends it to one `<style>` element. The virtual module's id
 * does not end in `.css`, so neither Vite nor Astro treat it as a stylesheet.
 */
import { fileURLToPath } from 'node:url';

const stylesModule = fileURLToPath(new URL('./styles.ts', import.meta.url));
const PREFIX = '\0reconcile-monaco-css:';
const monacoEsm = /[\\/]monaco-editor[\\/]esm[\\/].*\.css$/;

/** @returns {import('vite').Plugin} */
export function monacoCssFromJs() {
  return {
    name: 'reconcile:monaco-css-from-js',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/\.css$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !monacoEsm.test(resolved.id)) return null;
      return `${PREFIX}${resolved.id}.js`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      return [
        `import css from ${JSON.stringify(`${file}?inline`)};`,
        `import { addEditorCss } from ${JSON.stringify(stylesModule)};`,
        `addEditorCss(css);`,
      ].join('\n');
    },
  };
}
