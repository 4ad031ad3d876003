// Pyodide behind our wire protocol. Files come from ../pyodide/ (the npm
// package, served locally); nothing may come from a CDN.
import { loadPyodide } from '../pyodide/pyodide.mjs';

const post = (msg) => self.postMessage(JSON.stringify(msg));
const start = performance.now();
let current = null;
const sink = (stream) => ({
  write(buf) {
    if (current) post({ type: 'output', id: current, stream, text: new TextDecoder().decode(buf) });
    return buf.length;
  },
});
try {
  const py = await loadPyodide({ indexURL: new URL('../pyodide/', import.meta.url).href, packages: [] });
  py.setStdout(sink('stdout'));
  py.setStderr(sink('stderr'));
  const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
  self.postMessage({ type: 'marks', wasmFetched: wasm?.responseEnd ?? null, ready: performance.now() });
  self.onmessage = (event) => {
    const { id, code } = JSON.parse(event.data);
    current = id;
    const globals = py.globals.get('dict')();
    globals.set('__name__', '__main__');
    const t0 = performance.now();
    let error = null;
    try {
      py.runPython(code, { globals });
    } catch (e) {
      error = { kind: e.type ?? e.name, message: String(e.message).trim().split('\n').pop() };
    }
    const elapsed_ms = performance.now() - t0;
    globals.destroy();
    current = null;
    post({ type: 'done', id, error, elapsed_ms });
  };
  post({ type: 'ready', init_ms: performance.now() - start });
} catch (e) {
  self.postMessage({ type: 'fatal', message: `pyodide failed to load: ${e}` });
}
