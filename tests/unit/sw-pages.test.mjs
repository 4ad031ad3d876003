// sw.js serving the pages written at build time (crates/content/src/bin/pages.rs):
// the root page, each topic's `topic/` from its index.html, and the 404 page
// for a page the build does not have, offline. Run in a sandbox with a fake
// Cache Storage and network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { buildServiceWorker } from '../../www/pwa/build-sw.mjs';

const SCOPE = 'https://x.org/py/';

function serviceWorker(cached, { online }) {
  const dir = mkdtempSync(join(tmpdir(), 'pyplay-sw-'));
  let script;
  try {
    buildServiceWorker(dir, { precache: false });
    script = readFileSync(join(dir, 'sw.js'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const listeners = {};
  const fetched = [];
  // Relative keys resolve against the worker's own URL, as Cache.match does.
  const cache = {
    match: async (url) => {
      const body = cached[new URL(url, SCOPE).href.slice(SCOPE.length)];
      return body === undefined ? undefined : new Response(body, { headers: { 'content-type': 'text/html' } });
    },
    put: async () => {},
  };
  const sandbox = {
    self: { registration: { scope: SCOPE }, addEventListener: (type, fn) => { listeners[type] = fn; } },
    caches: { open: async () => cache },
    fetch: async (request) => {
      fetched.push(request.url ?? request);
      if (!online) throw new TypeError('Failed to fetch');
      return new Response('from the network', { status: 200 });
    },
    Response, URL, Request, setTimeout, Promise, String, Number, Math, Map, Error,
  };
  vm.runInNewContext(script, sandbox);
  const navigate = async (url) => {
    let answer;
    listeners.fetch({ request: { url, method: 'GET', mode: 'navigate' }, respondWith: (p) => { answer = p; } });
    const response = await answer;
    return { status: response.status, text: await response.text() };
  };
  return { navigate, fetched };
}

const PAGES = { 'index.html': 'home', 'enum/index.html': 'enum page', '404.html': 'not found' };

test('sw.js serves the root and each topic page from the cache', async () => {
  const sw = serviceWorker(PAGES, { online: true });
  assert.deepEqual(await sw.navigate(SCOPE), { status: 200, text: 'home' });
  assert.deepEqual(await sw.navigate(`${SCOPE}#/scratch`), { status: 200, text: 'home' });
  assert.deepEqual(await sw.navigate(`${SCOPE}?embed#/enum/basics`), { status: 200, text: 'home' });
  assert.deepEqual(await sw.navigate(`${SCOPE}enum/`), { status: 200, text: 'enum page' });
  assert.deepEqual(await sw.navigate(`${SCOPE}enum/#basics?code=abc`), { status: 200, text: 'enum page' });
  assert.deepEqual(await sw.navigate(`${SCOPE}enum/index.html`), { status: 200, text: 'enum page' });
  assert.deepEqual(sw.fetched, []);
  // Not in this build: the network.
  assert.deepEqual(await sw.navigate(`${SCOPE}other/`), { status: 200, text: 'from the network' });
});

test('offline, a page the build does not have gets its 404 page', async () => {
  const sw = serviceWorker(PAGES, { online: false });
  assert.deepEqual(await sw.navigate(`${SCOPE}enum/`), { status: 200, text: 'enum page' });
  assert.deepEqual(await sw.navigate(`${SCOPE}no-such-topic/`), { status: 404, text: 'not found' });
});
