/**
 * The editor's CSS, applied from JavaScript when the editor chunk runs: Monaco's own (each of its
 * CSS files arrives through `addEditorCss`, see `vite-plugin-monaco-css.mjs`) and ours. None of it is
 * a stylesheet of the page, so a lesson page does not wait for ≈ 150 KB of CSS it may never use.
 */

/** The host's focus ring (Monaco's own focus is on a 1 px text area) and the visually hidden status line. */
const ownCss = `
.reconcile-yaml-editor:focus-within {
  outline: 3px solid var(--focus, #c2410c);
  outline-offset: 2px;
}
.reconcile-yaml-editor-status {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}
`;

const pending: string[] = [];
let sheet: HTMLStyleElement | undefined;

/** Queues a piece of CSS; the pieces of one chunk evaluation go into the page as one text node. */
export function addEditorCss(css: string): void {
  if (pending.length === 0) queueMicrotask(flushEditorCss);
  pending.push(css);
}

/** Writes the queued CSS into the editor's <style> element (created on first use, in <head>). */
export function flushEditorCss(): void {
  if (pending.length === 0) return;
  if (!sheet) {
    sheet = document.createElement('style');
    sheet.dataset.reconcileEditor = '';
    document.head.append(sheet);
  }
  sheet.append(document.createTextNode(pending.join('\n')));
  pending.length = 0;
}

addEditorCss(ownCss);
