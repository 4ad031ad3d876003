// Loads our dist/ worker exactly as dist/worker_loader.js does, and adds one
// timing message for the benchmark: when the wasm finished downloading and
// when the engine said ready (worker clock).
const realPost = self.postMessage.bind(self);
self.postMessage = (msg) => {
  if (typeof msg === 'string' && msg.startsWith('{"type":"ready"')) {
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    realPost({ type: 'marks', wasmFetched: wasm?.responseEnd ?? null, ready: performance.now() });
  }
  realPost(msg);
};
importScripts('../ours/worker.js');
wasm_bindgen('../ours/worker_bg.wasm');
