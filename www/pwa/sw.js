// The service worker: the whole site from one versioned cache, so the app
// runs offline and one build's files are never mixed with another's.
// This is a template: build-sw.mjs (run by tools/build.mjs) writes it to the
// build's root as sw.js with BUILD filled in from the files of that build,
// and CHANNELS with the names of www/channels.js.
const BUILD = /* BUILD */ { version: 'template', files: [] };
const CHANNELS = /* CHANNELS */ {};
const { toServiceWorker: TO_SW, pause: PAUSE } = CHANNELS;

const PREFIX = 'pyplay-';
const CACHE = `${PREFIX}${BUILD.version}`;
// The root page; each topic is a page of its own, `topic/` (its index.html).
const SHELL = 'index.html';
// What a host serves for a missing page, and this worker offline.
const NOT_FOUND = '404.html';

/** The file of the page at `path` (relative to the scope). */
function pageFile(path) {
  if (path === '') return SHELL;
  return path.endsWith('/') ? `${path}index.html` : path;
}

self.addEventListener('install', (event) => {
  // No skipWaiting() here: a new version waits until the page asks for it
  // (its Reload button), so a running page never gets another build's files.
  event.waitUntil(precache());
});

// From the page (crates/app/src/service_worker.rs, ToServiceWorker).
self.addEventListener('message', (event) => {
  const kind = event.data?.[TO_SW.tag];
  if (kind === TO_SW.skipWaiting) self.skipWaiting();
  else if (kind === TO_SW.input) {
    const [token, line] = TO_SW.inputFields.map((field) => String(event.data[field]));
    deliverLine(token, line);
  }
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((key) => key.startsWith(PREFIX) && key !== CACHE);
    await Promise.all(old.map((key) => caches.delete(key)));
    // The first install takes the page that registered it, so it works offline at once.
    await self.clients.claim();
  })());
});

// Standard-library packs (crates/stdlib): the lessons' one and the Unicode
// names table are in BUILD.files, fetched after the app; those under more/
// are cached when first used.
const PACKS = 'stdlib/';
const MORE_PACKS = 'stdlib/more/';

async function precache() {
  const cache = await caches.open(CACHE);
  const put = async ({ url, integrity, type }) => {
    // no-cache + integrity: worker_bg.wasm and friends keep their names
    // across builds, so a stale HTTP or CDN copy must not pass as this build's.
    const response = await fetch(new Request(url, { cache: 'no-cache', integrity }));
    if (!response.ok) throw new Error(`precache ${url}: HTTP ${response.status}`);
    // Our own content type, not the host's: wasm streaming compile needs
    // application/wasm. The body is already decoded, so no other headers.
    await cache.put(url, new Response(response.body, { headers: { 'content-type': type } }));
  };
  try {
    // The app first: the packs must not compete with it for the network.
    await Promise.all(BUILD.files.filter((f) => !f.url.startsWith(PACKS)).map(put));
    await Promise.all(BUILD.files.filter((f) => f.url.startsWith(PACKS)).map(put));
  } catch (err) {
    await caches.delete(CACHE);
    throw err;
  }
}

// The Python worker blocks in synchronous requests for pause.txt, which we
// answer later (crates/worker/src/blocking.rs): ?ms=N after N ms (time.sleep
// without spinning), ?input=TOKEN with the line the page sends for TOKEN
// (input()), or after INPUT_POLL_MS with nothing, and the worker asks again.
const MAX_SLEEP_MS = 10_000;
const INPUT_POLL_MS = 20_000;
// token -> the waiting request's resolve, or a line that came first.
const lines = new Map();

function deliverLine(token, line) {
  const waiting = lines.get(token);
  lines.delete(token);
  if (typeof waiting === 'function') waiting(line);
  else lines.set(token, line);
}

async function lineFor(token) {
  const early = lines.get(token);
  let line;
  if (typeof early === 'string') {
    lines.delete(token);
    line = early;
  } else {
    line = await new Promise((resolve) => {
      lines.set(token, resolve);
      setTimeout(() => {
        if (lines.get(token) === resolve) deliverLine(token, null);
      }, INPUT_POLL_MS);
    });
  }
  const headers = { 'cache-control': 'no-store', 'content-type': 'text/plain; charset=utf-8' };
  if (line === null) return new Response(null, { status: 204, headers: { ...headers, [PAUSE.sleptHeader]: String(INPUT_POLL_MS) } });
  return new Response(line, { headers: { ...headers, [PAUSE.lineHeader]: '1' } });
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.url.startsWith(self.registration.scope + PAUSE.url)) {
    const url = new URL(request.url);
    const token = url.searchParams.get(PAUSE.input);
    event.respondWith(token === null ? sleep(url) : lineFor(token));
    return;
  }
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith(respond(request));
});

async function sleep(url) {
  const ms = Math.min(Math.max(Number(url.searchParams.get(PAUSE.ms)) || 0, 0), MAX_SLEEP_MS);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return new Response('', { headers: { [PAUSE.sleptHeader]: String(ms), 'cache-control': 'no-store' } });
}

async function respond(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  url.hash = '';
  const path = url.href.slice(self.registration.scope.length).replace(/\?.*$/, '');
  if (request.mode === 'navigate') {
    const page = await cache.match(pageFile(path));
    if (page) return withHeaders(page);
    try {
      return withHeaders(await fetch(request));
    } catch (err) {
      // Offline, a page this build does not have.
      const missing = await cache.match(NOT_FOUND);
      if (missing) return withHeaders(new Response(missing.body, { status: 404, headers: missing.headers }));
      throw err;
    }
  }
  const hit = await cache.match(url.href);
  if (hit) return withHeaders(hit);
  const response = await fetch(request);
  // A pack's name carries its hash: a copy is good for as long as this version.
  if (path.startsWith(MORE_PACKS) && response.ok) await cache.put(url.href, response.clone());
  return withHeaders(response);
}

// Every response the page gets passes here: the one place for a header
// transform (e.g. COOP/COEP, should the site need cross-origin isolation).
function withHeaders(response) {
  return response;
}
