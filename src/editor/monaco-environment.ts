/**
 * Where Monaco's web workers come from, and the Monaco API as monaco-yaml 5.5 gets to see it.
 *
 * monaco-yaml's worker manager calls `editor.createWebWorker({ moduleId, label, createData })`, the
 * pre-0.55 signature. Since 0.55 that function wants the Worker itself (`opts.worker`) and
 * ignores `label`, so without help every YAML request lands in the plain editor worker ("Missing
 * requestHandler or method: doValidation"; monaco-yaml issue #272). `createWebWorkerCompat` does
 * what monaco-editor's own language workers do (`internal/common/workers.js`): get the Worker from
 * `MonacoEnvironment.getWorker(moduleId, label)`, post the start message and `createData`, then
 * hand it to the new API.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import { completeInOwnDocument } from './document-completion';
import { COMBINED_SCHEMA_URI } from './k8s-schema';

/** How schema problems name their source. */
export const SCHEMA_SOURCE = 'Kubernetes 1.34 schema';

/** The pre-0.55 options monaco-worker-manager passes. */
interface LegacyWebWorkerOptions {
  moduleId?: string;
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: any[]) => unknown>;
  keepIdleModels?: boolean;
  worker?: Worker | Promise<Worker>;
}

/** Installs `self.MonacoEnvironment` once: the editor worker and monaco-yaml's worker, as ES module workers. */
export function installMonacoEnvironment(): void {
  if (self.MonacoEnvironment?.getWorker) return;
  self.MonacoEnvironment = {
    getWorker(_moduleId: string, label: string): Worker {
      if (label === 'yaml') {
        // Through our own entry, see yaml.worker.ts.
        return new Worker(new URL('./yaml.worker.ts', import.meta.url), { type: 'module', name: 'yaml' });
      }
      // 'editorWorkerService': plain ESM, fine to serve unbundled in dev.
      return new Worker(new URL('monaco-editor/editor/editor.worker.js', import.meta.url), {
        type: 'module',
        name: 'editor',
      });
    },
  };
}

function createWebWorkerCompat<T extends object>(opts: LegacyWebWorkerOptions): monaco.editor.MonacoWebWorker<T> {
  if (opts.worker) {
    return monaco.editor.createWebWorker<T>({
      worker: opts.worker,
      host: opts.host,
      keepIdleModels: opts.keepIdleModels,
    });
  }
  const getWorker = self.MonacoEnvironment?.getWorker;
  if (!getWorker) throw new Error('MonacoEnvironment.getWorker is not installed');
  const label = opts.label ?? 'monaco-editor-worker';
  const worker = Promise.resolve(getWorker(opts.moduleId ?? label, label)).then((w) => {
    // The worker's first message starts it; the second carries createData (monaco-worker-manager/worker.js).
    w.postMessage('ignore');
    w.postMessage(opts.createData);
    return w;
  });
  return monaco.editor.createWebWorker<T>({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
}

/**
 * monaco-yaml's schema problems name their source by the schema's URI ("yaml-schema:
 * reconcile://k8s/…(0)"), which the problem widget shows to the learner; say what it is instead.
 */
function setModelMarkersNamed(model: monaco.editor.ITextModel, owner: string, markers: monaco.editor.IMarkerData[]) {
  monaco.editor.setModelMarkers(
    model,
    owner,
    markers.map((m) =>
      m.source?.startsWith(`yaml-schema: ${COMBINED_SCHEMA_URI}`)
        ? { ...m, source: SCHEMA_SOURCE, code: undefined }
        : m,
    ),
  );
}

/**
 * The Monaco API as monaco-yaml should see it: the same module, except that `editor.createWebWorker`
 * accepts the old options, schema problems name their source, and its completion provider gets
 * the multi-document fallback of `document-completion.ts`.
 */
export function monacoForYaml(): typeof monaco {
  return {
    ...monaco,
    editor: { ...monaco.editor, createWebWorker: createWebWorkerCompat, setModelMarkers: setModelMarkersNamed },
    languages: {
      ...monaco.languages,
      registerCompletionItemProvider: (selector, provider) =>
        monaco.languages.registerCompletionItemProvider(selector, completeInOwnDocument(provider)),
    },
  } as typeof monaco;
}
