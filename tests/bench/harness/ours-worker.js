// Loads our dist/ worker as the page does (dist/worker_loader.js), and adds one
// timing message for the benchmark: when the wasm finished downloading and
// when the engine said ready (worker clock), plus how the wasm was compiled
// (instantiateStreaming, or wasm-bindgen's slower fallback) and the MIME
// type and Content-Encoding it was served with.
const realPost = self.postMessage.bind(self);
const how = { instantiate: null, contentType: null, contentEncoding: null };
const realStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  how.contentType = response.headers.get('content-type');
  how.contentEncoding = response.headers.get('content-encoding');
  const result = await realStreaming.call(WebAssembly, response, imports);
  how.instantiate ??= 'instantiateStreaming';
  return result;
};
const realInstantiate = WebAssembly.instantiate;
WebAssembly.instantiate = (...args) => {
  how.instantiate ??= 'instantiate (no streaming)';
  return realInstantiate.apply(WebAssembly, args);
};
self.postMessage = (msg) => {
  if (typeof msg === 'string' && msg.startsWith('{"type":"ready"')) {
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    realPost({ type: 'marks', wasmFetched: wasm?.responseEnd ?? null, ready: performance.now(), ...how });
  }
  realPost(msg);
};
// Served as ours/bench-worker.js (run.mjs), beside worker_loader.js.
importScripts('./worker_loader.js');
