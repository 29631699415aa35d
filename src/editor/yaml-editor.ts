/**
 * The sandbox's YAML editor: Monaco with monaco-yaml and the Kubernetes 1.34 JSON Schemas, behind
 * a small framework-free API. Load it with `await import('../editor/yaml-editor')` when the learner
 * activates a sandbox: this module pulls in Monaco (≈ 1 MB gzip), its CSS and the schemas, none of
 * which belong in a lesson page's first load.
 *
 * Keyboard: Tab and Shift+Tab move focus out of the editor (Monaco's tab focus mode, on from the
 * start, so the editor never traps keyboard users); Ctrl+M (Ctrl+Shift+M on macOS) switches Tab to
 * indenting and back, and says so through a live region. Ctrl/Cmd+Enter applies. F8 / Shift+F8 go
 * to the next / previous problem, Ctrl+Space opens completion, Ctrl+K Ctrl+I shows the hover.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/suggest/register';
// features/suggest registers only the inline-completions bridge; the suggest widget (Ctrl+Space) is here.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml } from 'monaco-yaml';
import { combineKindSchemas, COMBINED_SCHEMA_URI, type KindSchema } from './k8s-schema';
import { installMonacoEnvironment, monacoForYaml } from './monaco-environment';
import { flushEditorCss } from './styles';

export interface EditorMarker {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  severity?: 'error' | 'warning';
}

export interface YamlEditor {
  getValue(): string;
  setValue(text: string): void;
  /** Engine validation errors (1-based line/column), shown as markers of owner `reconcile`; replaces the previous set. */
  setMarkers(markers: EditorMarker[]): void;
  onChange(fn: (text: string) => void): void;
  focus(): void;
  dispose(): void;
  setTheme(dark: boolean): void;
}

export interface MountOptions {
  value: string;
  /** The accessible name of the editor's text area, e.g. "Manifests for DaemonSet basics". */
  ariaLabel: string;
  dark: boolean;
  /** Called on Ctrl/Cmd+Enter. */
  onApply: () => void;
  /** The model's URI; defaults to a fresh `file:///sandbox/manifests-<n>.yaml`. */
  modelUri?: string;
}

/** Owner of the markers set through `setMarkers` (monaco-yaml's own are owner `yaml`). */
export const MARKER_OWNER = 'reconcile';

const THEME_LIGHT = 'reconcile-light';
const THEME_DARK = 'reconcile-dark';

const kindSchemas = Object.values(
  import.meta.glob<KindSchema>('../generated/json-schema/*.json', { eager: true, import: 'default' }),
);

let configured = false;
let modelCount = 0;

/** Monaco, monaco-yaml, the themes and the CSS are page-wide: set them up once, on the first mount. */
function setUpOnce(): void {
  if (configured) return;
  configured = true;
  installMonacoEnvironment();
  flushEditorCss();

  monaco.editor.defineTheme(THEME_LIGHT, { base: 'vs', inherit: true, rules: [], colors: {} });
  monaco.editor.defineTheme(THEME_DARK, {
    base: 'vs-dark',
    inherit: true,
    rules: [],
    colors: { 'editor.background': '#181c24', 'editorGutter.background': '#181c24' },
  });

  configureMonacoYaml(monacoForYaml(), {
    enableSchemaRequest: false,
    // Hovering an object-valued key would print the object back as YAML instead of the field's documentation.
    hoverAnchor: false,
    hoverSchemaSource: false,
    format: { enable: false },
    schemas: [{ uri: COMBINED_SCHEMA_URI, fileMatch: ['*'], schema: combineKindSchemas(kindSchemas) }],
  });
}

const isMac = typeof navigator === 'object' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Mounts an editor into `host` (which must have a size; the editor follows it). */
export async function mountYamlEditor(host: HTMLElement, opts: MountOptions): Promise<YamlEditor> {
  setUpOnce();

  const uri = monaco.Uri.parse(opts.modelUri ?? `file:///sandbox/manifests-${++modelCount}.yaml`);
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(opts.value, 'yaml', uri);
  model.updateOptions({ tabSize: 2, insertSpaces: true });

  host.classList.add('reconcile-yaml-editor');
  const status = document.createElement('div');
  status.className = 'reconcile-yaml-editor-status';
  status.setAttribute('role', 'status');

  const editor = monaco.editor.create(host, {
    model,
    ariaLabel: opts.ariaLabel,
    theme: opts.dark ? THEME_DARK : THEME_LIGHT,
    automaticLayout: true,
    tabFocusMode: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fixedOverflowWidgets: true,
    wordBasedSuggestions: 'off',
    stickyScroll: { enabled: false },
    fontSize: 14,
    lineNumbersMinChars: 3,
    renderWhitespace: 'boundary',
    guides: { indentation: true },
  });
  host.append(status);

  const disposables: monaco.IDisposable[] = [];
  let tabMovesFocus = true;
  disposables.push(
    editor.addAction({
      id: 'reconcile.apply',
      label: 'Apply manifests',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => opts.onApply(),
    }),
    editor.addAction({
      id: 'reconcile.toggleTabFocusMode',
      label: 'Toggle Tab Key Moves Focus',
      keybindings: [
        isMac
          ? monaco.KeyMod.WinCtrl | monaco.KeyMod.Shift | monaco.KeyCode.KeyM
          : monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM,
      ],
      run: () => {
        tabMovesFocus = !tabMovesFocus;
        editor.updateOptions({ tabFocusMode: tabMovesFocus });
        status.textContent = tabMovesFocus
          ? 'Tab now moves focus out of the editor.'
          : `Tab now indents. Press ${isMac ? 'Ctrl+Shift+M' : 'Ctrl+M'} to make Tab move focus again.`;
      },
    }),
  );

  return {
    getValue: () => model.getValue(),
    setValue(text) {
      // An edit of its own on the undo stack (model.setValue would clear the stack).
      if (text === model.getValue()) return;
      model.pushStackElement();
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
      model.pushStackElement();
    },
    setMarkers(markers) {
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        markers.map((m) => toMarkerData(model, m)),
      );
    },
    onChange(fn) {
      disposables.push(model.onDidChangeContent(() => fn(model.getValue())));
    },
    focus: () => editor.focus(),
    dispose() {
      for (const d of disposables.splice(0)) d.dispose();
      editor.dispose();
      model.dispose();
      status.remove();
      host.classList.remove('reconcile-yaml-editor');
    },
    setTheme(dark) {
      monaco.editor.setTheme(dark ? THEME_DARK : THEME_LIGHT);
    },
  };
}

/**
 * An engine error points at a position (the start of a key or value); the marker spans from there
 * to the end of that line's text, so that the squiggle is visible and covers the offending value.
 */
function toMarkerData(model: monaco.editor.ITextModel, m: EditorMarker): monaco.editor.IMarkerData {
  const line = Math.min(Math.max(1, Math.floor(m.line)), model.getLineCount());
  const maxColumn = model.getLineMaxColumn(line);
  const start = Math.min(Math.max(1, Math.floor(m.column)), maxColumn);
  const end = Math.max(model.getLineLastNonWhitespaceColumn(line), start + 1);
  return {
    startLineNumber: line,
    startColumn: start,
    endLineNumber: line,
    endColumn: Math.min(end, maxColumn),
    message: m.message,
    severity: m.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
    source: 'Reconcile',
  };
}
