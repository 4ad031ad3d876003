// The names of the channels between the parts of the site, for the JS side.
// crates/protocol/src/channels.rs has the same names as Rust types and
// constants; its test reads this file and checks every name here against
// them, so the two cannot drift.
//
// sw.js, early-worker.js and embed.js are classic scripts and cannot import
// this: www/build-scripts.mjs writes the object below into them at build
// time, in place of their `/* CHANNELS */ {}`.
//
// Keep the object JSON (quoted keys, no trailing commas) apart from
// whole-line comments: the Rust test parses it as JSON.
export const CHANNELS = {
  // Page → service worker (sw.js), posted as an object tagged by `pyplay`:
  // {pyplay: "skip-waiting"}, {pyplay: "input", token, line}. Rust: ToServiceWorker.
  "toServiceWorker": {
    "tag": "pyplay",
    "skipWaiting": "skip-waiting",
    "input": "input",
    "inputFields": ["token", "line"]
  },
  // Embed iframe → host page (embed.js): {pyplay: 1, type: "height", id, height},
  // {pyplay: 1, type: "worker", id, state} (state: one of "states").
  // Rust: FromEmbed, EMBED_VERSION, WorkerState.
  "fromEmbed": {
    "tag": "pyplay",
    "version": 1,
    "type": "type",
    "height": "height",
    "heightFields": ["id", "height"],
    "worker": "worker",
    "workerFields": ["id", "state"],
    "states": ["want", "busy", "idle", "gone"]
  },
  // Host page (embed.js) → embed iframe, for embeds that cannot share an
  // interpreter: {pyplay: 1, type: "granted"}, {pyplay: 1, type: "retire"};
  // at most poolSize of their workers live. Rust: ToEmbed, POOL_SIZE.
  "toEmbed": {
    "tag": "pyplay",
    "type": "type",
    "granted": "granted",
    "retire": "retire",
    "poolSize": 3
  },
  // Python worker → service worker: synchronous GET pause.txt?ms=N (answered
  // after N ms) or pause.txt?input=TOKEN (answered with the page's line for
  // TOKEN), marked by the headers. Rust: channels::pause.
  "pause": {
    "url": "pause.txt",
    "ms": "ms",
    "input": "input",
    "sleptHeader": "x-pyplay-slept",
    "lineHeader": "x-pyplay-line"
  },
  // early-worker.js → the app (crates/app/src/runner.rs):
  // window.pyplayEarlyWorker = {worker, early}, the worker started from
  // worker_loader.js and the events it sent before the app listened.
  // Rust: channels::early_worker.
  "earlyWorker": {
    "global": "pyplayEarlyWorker",
    "worker": "worker",
    "events": "early",
    "loader": "worker_loader.js"
  },
  // early-input.js → the app (crates/app/src/takeover.rs), on a page written
  // at build time: window.pyplayEarlyInput = {seen, click, then}: whether the
  // reader's first input came, the built page's button its click was held
  // back from (or null), and the function the app leaves to be called at it.
  // Rust: channels::early_input.
  "earlyInput": {
    "global": "pyplayEarlyInput",
    "seen": "seen",
    "click": "click",
    "then": "then"
  }
};
