// monaco-yaml's language worker, as an entry of our own. In dev, a worker URL that points into
// node_modules is served as it is, and its CommonJS dependencies fail ("module is not defined");
// a bare import from our own file gets the pre-bundled copy (optimizeDeps.include in
// astro.config.mjs). This is the Vite workaround monaco-yaml's README gives.
import 'monaco-yaml/yaml.worker.js';
