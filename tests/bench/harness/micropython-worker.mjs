// MicroPython's wasm port (PyScript variant) behind our wire protocol. Each
// run gets fresh globals via exec(code, {...}), like our fresh __main__.
import { loadMicroPython } from '../micropython/micropython.mjs';

const post = (msg) => self.postMessage(JSON.stringify(msg));
const start = performance.now();
let current = null;
const line = (stream) => (text) => {
  if (current) post({ type: 'output', id: current, stream, text: `${text}\n` });
};
try {
  // The default heap is 1 MiB, too small for the workloads; 64 MiB is a fair
  // ceiling next to engines that grow their heap on demand.
  const mp = await loadMicroPython({
    heapsize: 64 * 1024 * 1024,
    pystack: 64 * 1024,
    stdout: line('stdout'),
    stderr: line('stderr'),
  });
  const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
  self.postMessage({ type: 'marks', wasmFetched: wasm?.responseEnd ?? null, ready: performance.now() });
  self.onmessage = (event) => {
    const { id, code } = JSON.parse(event.data);
    current = id;
    mp.globals.set('_bench_code', code);
    const t0 = performance.now();
    let error = null;
    try {
      mp.runPython('exec(_bench_code, {"__name__": "__main__"})');
    } catch (e) {
      error = { kind: e.type ?? e.name, message: String(e.message).trim().split('\n').pop() };
    }
    const elapsed_ms = performance.now() - t0;
    current = null;
    post({ type: 'done', id, error, elapsed_ms });
  };
  post({ type: 'ready', init_ms: performance.now() - start });
} catch (e) {
  self.postMessage({ type: 'fatal', message: `micropython failed to load: ${e}` });
}
