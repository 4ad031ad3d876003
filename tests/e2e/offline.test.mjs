// The installed app: the service worker precaches the build, the site works
// with the network and the server gone, and a new deploy is offered, not
// forced. A service worker is bound to its origin, so the server comes back
// on the same port.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, launch, openPage, snippet, finished, runCode, ARTIFACTS, controlledByServiceWorker as controlled, firstInput } from '../support/browser.mjs';
import { startServer } from '../support/serve.mjs';
import { buildServiceWorker } from '../../www/pwa/build-sw.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
let browser;
const temps = [];

before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function copyOfDist() {
  const dir = mkdtempSync(join(tmpdir(), 'pyplay-dist-'));
  temps.push(dir);
  cpSync(DIST, dir, { recursive: true });
  return dir;
}


/** The service worker's caches and what they hold, from inside the page. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      out[key] = {};
      for (const req of await cache.keys()) {
        out[key][new URL(req.url).pathname.split('/').pop()] = (await (await cache.match(req)).arrayBuffer()).byteLength;
      }
    }
    return out;
  });
}

test('the generator lists every file of the build, skips .br/.gz, and versions by content', () => {
  const dir = copyOfDist();
  const first = buildServiceWorker(dir);
  const names = first.files.map((f) => f.url);
  for (const name of ['index.html', 'worker_loader.js', 'worker_bg.wasm', 'manifest.webmanifest', 'icon-512.png']) {
    assert.ok(names.includes(name), `${name} precached`);
  }
  assert.ok(names.some((n) => /^app-[0-9a-f]+_bg\.wasm$/.test(n)), 'hashed app wasm precached');
  assert.ok(names.some((n) => /^app-[0-9a-f]+\.js$/.test(n)), 'hashed app JS precached');
  assert.ok(!names.includes('sw.js') && !names.some((n) => n.startsWith('.')));
  // Standard-library packs: the lessons' ones at install, the others on use.
  assert.ok(names.some((n) => /^stdlib\/lessons-[0-9a-f]{16}\.bin$/.test(n)), "the lessons' pack precached");
  assert.ok(names.some((n) => /^stdlib\/unicode-names-[0-9a-f]{16}\.bin$/.test(n)), 'the Unicode names table (a lesson asks for names) precached');
  assert.ok(!names.some((n) => n.startsWith('stdlib/more/')), 'packs no lesson needs are not');
  assert.equal(first.files.find((f) => f.url === 'worker_bg.wasm').type, 'application/wasm');
  // Compressed twins change nothing; an unhashed file's content does.
  writeFileSync(join(dir, 'worker_bg.wasm.br'), 'x');
  writeFileSync(join(dir, 'index.html.gz'), 'x');
  assert.equal(buildServiceWorker(dir).version, first.version);
  appendFileSync(join(dir, 'worker_loader.js'), '\n');
  const second = buildServiceWorker(dir);
  assert.notEqual(second.version, first.version);
  assert.equal(second.files.length, first.files.length);
  // The shipped dist/ carries the generator's output for itself.
  const shipped = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const fresh = copyOfDist();
  assert.match(shipped, new RegExp(`version: "${buildServiceWorker(fresh).version}"`));
  // With precache off: a worker that caches nothing.
  assert.deepEqual(buildServiceWorker(fresh, { precache: false }).files, []);
});

test('installable from a sub-path: the manifest, its icons, and a controlling service worker', async () => {
  const host = mkdtempSync(join(tmpdir(), 'pyplay-host-'));
  temps.push(host);
  cpSync(DIST, join(host, 'some/sub'), { recursive: true });
  const server = await startServer({ root: host });
  const site = `${server.url}some/sub/`;
  // A persistent profile: Chromium never offers to install from incognito,
  // which is what browser.newContext() is.
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pyplay-profile-')), {
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(err));
    page.on('response', (res) => res.status() >= 400 && errors.push(`HTTP ${res.status()}: ${res.url()}`));
    await page.goto(`${site}#/enum`);
    const href = await page.locator('link[rel="manifest"]').evaluate((l) => l.href);
    const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), href);
    for (const key of ['name', 'short_name', 'description', 'theme_color', 'background_color']) {
      assert.ok(manifest[key], `manifest.${key}`);
    }
    assert.equal(manifest.display, 'standalone');
    // Relative, so the app installs from whatever sub-path it is served at.
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    for (const size of [192, 512]) {
      for (const purpose of ['any', 'maskable']) {
        const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.purpose.split(' ').includes(purpose));
        assert.ok(icon, `${purpose} icon ${size}`);
        const loaded = await page.evaluate(async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          return [img.naturalWidth, img.naturalHeight];
        }, new URL(icon.src, href).href);
        assert.deepEqual(loaded, [size, size], icon.src);
      }
    }
    await controlled(page);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope), site);
    // Chromium's own verdict: the criteria behind its install prompt.
    const cdp = await context.newCDPSession(page);
    assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
    const app = await cdp.send('Page.getAppManifest');
    assert.equal(app.url, href);
    assert.deepEqual(app.errors, []);
    // Chromium resolved the manifest's "./" to the sub-path.
    assert.equal(app.parsed.scope, site);
    // A Chinese page offers the Chinese app: named in Chinese, starting at zh/, spanning the site.
    await page.goto(`${site}zh/enum/`);
    const zh = await cdp.send('Page.getAppManifest');
    assert.equal(zh.url, `${site}zh/manifest.webmanifest`);
    assert.deepEqual(zh.errors, []);
    assert.equal(JSON.parse(zh.data).name, 'Python 练习场');
    assert.deepEqual([new URL(JSON.parse(zh.data).start_url, zh.url).href, zh.parsed.scope], [`${site}zh/`, site]);
    assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('works offline with the server gone, and offers a new deploy on reconnect', async () => {
  let server = await startServer({ root: copyOfDist() });
  const { port } = new URL(server.url);
  const { page, context, errors } = await openPage(browser, `${server.url}#/enum`);

  // 1. First visit: the worker installs once Python is ready, and claims the page.
  await page.getByTestId('engine-status').filter({ hasText: 'Python ready' }).waitFor({ timeout: 60_000 });
  await controlled(page);
  const installed = await cacheContents(page);
  const [version] = Object.keys(installed);
  assert.deepEqual(Object.keys(installed), [version]);
  const precacheBytes = Object.values(installed[version]).reduce((a, b) => a + b, 0);
  console.log(`precache: ${Object.keys(installed[version]).length} files, ${precacheBytes} bytes (${version})`);
  // A module no lesson imports: its pack comes from the network, and stays.
  const first = snippet(page, 'enum', 'basics');
  const before = await runCode(first, 'import csv\nprint(csv.QUOTE_ALL)');
  await finished(page, 'enum', 'basics', before);
  assert.equal(await first.locator('.output .stream').textContent(), '1\n');
  assert.ok(Object.keys((await cacheContents(page))[version]).some((n) => /^csv-[0-9a-f]{16}\.bin$/.test(n)), 'csv pack cached on use');
  // The Unicode names table is a pack too (vendor/unicode_names2-3), which
  // the worker fetches when a program first asks for a name.
  const named = await runCode(first, "import unicodedata\nprint(unicodedata.name('é'))");
  await finished(page, 'enum', 'basics', named);
  assert.equal(await first.locator('.output .stream').textContent(), 'LATIN SMALL LETTER E WITH ACUTE\n');

  // 2. No network and no server.
  await context.setOffline(true);
  await server.close();
  await page.reload();
  await firstInput(page);
  await page.getByRole('heading', { level: 1, name: 'Enumerations' }).waitFor();
  await controlled(page);
  // Cached responses keep a type that allows streaming compilation.
  const wasm = await page.evaluate(async () => {
    const res = await fetch('worker_bg.wasm');
    const type = res.headers.get('content-type');
    await WebAssembly.compileStreaming(res);
    return type;
  });
  assert.equal(wasm, 'application/wasm');

  // 3. A deep link to another topic, cold, offline: to first output.
  const deep = await context.newPage();
  deep.on('pageerror', (err) => errors.push(err));
  const t0 = Date.now();
  await deep.goto(`${server.url}#/itertools/infinite`);
  await deep.getByRole('heading', { level: 1, name: 'The itertools Module' }).waitFor();
  const box = snippet(deep, 'itertools', 'infinite');
  const previous = await runCode(box, 'from itertools import count, islice\nprint(list(islice(count(10, 5), 4)))');
  await finished(deep, 'itertools', 'infinite', previous);
  const warmMs = Date.now() - t0;
  assert.equal(await box.locator('.output .stream').textContent(), '[10, 15, 20, 25]\n');
  console.log(`warm start from the service worker cache, offline: navigation to first output ${warmMs} ms`);
  // Packs offline: the lessons' ones (asyncio and what it imports), one
  // cached on use (csv), and one never fetched, which says why it is missing.
  let previousRun = await runCode(box, 'import asyncio, csv\nasync def f():\n    return csv.QUOTE_ALL\nprint(asyncio.run(f()))');
  await finished(deep, 'itertools', 'infinite', previousRun);
  assert.equal(await box.locator('.output .stream').textContent(), '1\n');
  // The names table, precached at install, in a fresh worker offline.
  previousRun = await runCode(box, "import unicodedata\nprint('\\N{SNOWMAN}', unicodedata.lookup('GREEK SMALL LETTER ALPHA'))");
  await finished(deep, 'itertools', 'infinite', previousRun);
  assert.equal(await box.locator('.output .stream').textContent(), '☃ α\n');
  previousRun = await runCode(box, 'import xml.dom.minidom');
  await finished(deep, 'itertools', 'infinite', previousRun);
  assert.match(await box.locator('.output').textContent(), /ImportError: module 'xml' could not be loaded: the playground fetches stdlib\/more\/xml-[0-9a-f]+\.bin on first import, and the download failed/);
  // Search offline: its index, fetched at the first search, was precached.
  await deep.getByRole('searchbox').fill('heapq');
  await deep.locator('#search-results a').first().waitFor();
  await page.close();

  // 4. A new deploy: one unhashed worker file changes, the generator gives it a new version.
  const next = copyOfDist();
  appendFileSync(join(next, 'worker_loader.js'), '\n// deploy 2\n');
  const { version: nextVersion } = buildServiceWorker(next);
  assert.notEqual(`pyplay-${nextVersion}`, version);
  server = await startServer({ root: next, port: Number(port) });
  try {
    await context.setOffline(false);
    // The page hears 'online' and looks for a new sw.js; nothing is swapped yet.
    const notice = deep.getByTestId('update-notice');
    await notice.waitFor({ timeout: 120_000 });
    assert.match(await notice.textContent(), /New version available/);
    assert.doesNotMatch(await deep.evaluate(async () => (await fetch('worker_loader.js')).text()), /deploy 2/);
    mkdirSync(ARTIFACTS, { recursive: true });
    await deep.screenshot({ path: `${ARTIFACTS}update-notice.png` });

    // 5. Reload: the new worker takes over, then the page reloads once.
    const reloaded = deep.waitForEvent('load');
    await notice.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await controlled(deep);
    assert.equal(await notice.count(), 0);
    const now = await cacheContents(deep);
    assert.deepEqual(Object.keys(now), [`pyplay-${nextVersion}`], 'old caches deleted on activate');
    assert.match(await deep.evaluate(async () => (await fetch('worker_loader.js')).text()), /deploy 2\n$/);
    const again = await runCode(box, 'print("new version")');
    await finished(deep, 'itertools', 'infinite', again);
    assert.equal(await box.locator('.output .stream').textContent(), 'new version\n');
    // Offline included: nothing failed, no console error, no 4xx.
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});
