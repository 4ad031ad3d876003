// Starts the Python worker while the app's own wasm downloads, instead of
// after it: crates/app/src/runner.rs takes the worker over, with whatever it
// said before then. Embeds start theirs on first Run, so not for them (the
// test is crate::embed's: an `embed` query parameter). The names come from
// www/channels.js, written in by www/build-scripts.mjs at build time.
(() => {
  const CHANNELS = /* CHANNELS */ {};
  const EARLY = CHANNELS.earlyWorker;
  const query = location.search.replace(/^\?/, '').split('&');
  if (query.some((p) => p === 'embed' || p.startsWith('embed=')) || typeof Worker !== 'function') return;
  try {
    const worker = new Worker(EARLY.loader);
    const early = [];
    worker.onmessage = (event) => early.push(event);
    worker.onerror = (event) => {
      event.preventDefault();
      early.push(event);
    };
    window[EARLY.global] = { [EARLY.worker]: worker, [EARLY.events]: early };
  } catch {
    // The app starts its own.
  }
})();
