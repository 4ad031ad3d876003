// Benchmark: our dist/ side by side with Pyodide and MicroPython's wasm port,
// in one headless Chromium run, every engine in a Web Worker served by the
// same local static server. A measurement script, not a test: it prints a
// table and writes tests/artifacts/bench.json (see tests/bench/README.md).
//
// Usage: node tests/bench/run.mjs [runs=5] [--engines=ours-app,ours,pyodide,micropython]
//          [--out=file.json] [--dist=dir] [--net=mbps,rtt_ms]
//   (npm run bench -- 3 --engines=ours,pyodide)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../support/serve.mjs';
import { CHROMIUM, ARTIFACTS, BROWSER_ARGS, setCode } from '../support/browser.mjs';
import { precompressDir, wireSizes } from '../../tools/precompress.mjs';

const here = (p) => new URL(p, import.meta.url).pathname;
const distArg = process.argv.find((a) => a.startsWith('--dist='))?.slice(7);
const DIST = distArg ? `${resolve(distArg)}/` : here('../../dist/'); // --dist=dir: another build
const BENCH = here('./');
const SITE = here('.site/');
const ALL = ['ours-app', 'ours', 'pyodide', 'micropython'];

const args = process.argv.slice(2);
const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const RUNS = Number(args.find((a) => /^\d+$/.test(a)) ?? process.env.BENCH_RUNS ?? 5);
const ENGINES = (opt('engines') ?? ALL.join(',')).split(',');
const OUT = opt('out') ?? `${ARTIFACTS}bench.json`;
for (const e of ENGINES) if (!ALL.includes(e)) throw new Error(`unknown engine ${e}; one of ${ALL}`);

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (...m) => console.error('[bench]', ...m);

// ---------------------------------------------------------------- setup
if (!existsSync(`${DIST}index.html`)) throw new Error('dist/ is missing: run ./x build first');
const lock = `${BENCH}package-lock.json`;
const installed = `${BENCH}node_modules/.package-lock.json`;
if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
  log('installing the comparison engines (npm ci --prefix tests/bench)');
  const r = spawnSync('npm', ['ci', '--prefix', BENCH, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm ci --prefix tests/bench failed');
}
const pkgVersion = (name) => JSON.parse(readFileSync(`${BENCH}node_modules/${name}/package.json`, 'utf8')).version;
const MP_PKG = '@micropython/micropython-webassembly-pyscript';

// One served root: ours -> dist/, the harness, and copies of the npm packages
// with .br/.gz beside them (a CDN would compress them too).
rmSync(SITE, { recursive: true, force: true });
mkdirSync(SITE, { recursive: true });
// ours/ is dist/ plus the harness's worker script beside worker_loader.js,
// so what the worker fetches relative to itself (stdlib/, pause.txt) resolves
// as on the real site.
mkdirSync(`${SITE}ours`);
for (const name of readdirSync(DIST)) symlinkSync(`${DIST}${name}`, `${SITE}ours/${name}`);
symlinkSync(here('harness/ours-worker.js'), `${SITE}ours/bench-worker.js`);
symlinkSync(here('harness/'), `${SITE}harness`);
cpSync(`${BENCH}node_modules/pyodide/`, `${SITE}pyodide/`, { recursive: true });
cpSync(`${BENCH}node_modules/${MP_PKG}/`, `${SITE}micropython/`, { recursive: true });
log('compressing the comparison engines (cached by content hash)');
await precompressDir(`${SITE}pyodide`);
await precompressDir(`${SITE}micropython`);
const distPrecompressed = existsSync(`${DIST}worker_bg.wasm.br`);

// Workloads and what CPython prints for them.
const workloads = readFileSync(here('workloads.py'), 'utf8')
  .split(/^## /m).slice(1).map((block) => {
    const [name, ...code] = block.split('\n');
    return { name: name.trim(), code: code.join('\n') };
  });
for (const w of workloads) {
  try {
    w.expected = execFileSync('python3', ['-c', w.code], { encoding: 'utf8' });
  } catch {
    w.expected = null; // no CPython here: outputs are not checked
  }
}

// ---------------------------------------------------------------- browser
// --net=MBPS[,RTT_MS]: every response crosses one simulated link (serve.mjs throttle).
const NET = opt('net') ? { mbps: Number(opt('net').split(',')[0]), rttMs: Number(opt('net').split(',')[1] ?? 0) } : null;
const server = await startServer({ root: SITE, throttle: NET });
const LAUNCH = {
  executablePath: CHROMIUM,
  // Nothing may leave localhost: unresolvable everywhere else.
  args: [...BROWSER_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
};
const offsite = [];
const failures = [];
let chromiumVersion = null;

// Each cold start gets a brand-new profile directory: an empty disk cache,
// like a first visit. Not browser.newContext(): its off-the-record in-memory
// cache refuses entries over a few MB, so our 8 MB wasm would never be
// cached and "warm" would re-download it (a real profile caches it).
async function newContext() {
  const profile = mkdtempSync(`${tmpdir()}/pyplay-bench-`);
  const context = await chromium.launchPersistentContext(profile, LAUNCH);
  chromiumVersion ??= context.browser()?.version() ?? (await (async () => {
    const p = await context.newPage();
    const v = await p.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1]);
    await p.close();
    return v;
  })());
  context.dispose = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  for (const page of context.pages()) await page.close();
  context.on('request', (req) => {
    const url = new URL(req.url());
    if (/^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1') offsite.push(req.url());
  });
  context.on('response', (res) => {
    if (res.status() >= 400) failures.push(`HTTP ${res.status()} ${res.url()}`);
  });
  return context;
}

function guard(what) {
  if (offsite.length) throw new Error(`${what}: requests left localhost (CDN?):\n  ${offsite.join('\n  ')}`);
  if (failures.length) throw new Error(`${what}: failed requests:\n  ${failures.join('\n  ')}`);
}

const HELLO_TIMEOUT = 180_000;

/** Harness page: engine in a worker; returns the page and its timings. */
async function harnessStart(context, engine) {
  const page = await context.newPage();
  await page.goto(`${server.url}harness/index.html?engine=${engine}`);
  await page.waitForFunction(() => window.bench.hello || window.bench.fatal, null, { timeout: HELLO_TIMEOUT });
  const b = await page.evaluate(() => window.bench);
  if (b.fatal) throw new Error(`${engine}: ${b.fatal}`);
  if (b.hello.stdout !== 'hello\n') throw new Error(`${engine}: print("hello") gave ${JSON.stringify(b.hello)}`);
  return {
    page,
    cold: b.helloAt,
    boot: b.ready.at - b.workerCreated,
    init: b.marks?.wasmFetched != null ? b.marks.ready - b.marks.wasmFetched : null,
    engineInit: b.ready.initMs,
    loading: b.marks?.instantiate ? { instantiate: b.marks.instantiate, contentType: b.marks.contentType, contentEncoding: b.marks.contentEncoding } : null,
  };
}

// Marks on the app page: first "hello" in the snippet's output, and click ->
// finished for re-runs (page clock, ms since navigation).
const APP_MARKS = () => {
  window.__marks = { hello: null, click: null, done: null, runAtClick: null, panel: null, traceBytes: null };
  // The size of Visualize's trace message as the worker sends it.
  const PageWorker = window.Worker;
  window.Worker = function Worker(...args) {
    const worker = new PageWorker(...args);
    worker.addEventListener('message', (e) => {
      if (typeof e.data === 'string' && e.data.startsWith('{"type":"traced"')) {
        window.__marks.traceBytes = new TextEncoder().encode(e.data).length;
      }
    });
    return worker;
  };
  window.Worker.prototype = PageWorker.prototype;
  const box = () => document.querySelector('[data-snippet="enum-basics"]');
  document.addEventListener('click', () => {
    window.__marks.click = performance.now();
    window.__marks.done = null;
    window.__marks.runAtClick = box()?.dataset.run ?? null;
    window.__marks.panel = null;
  }, true);
  new MutationObserver(() => {
    const el = box();
    if (!el) return;
    const m = window.__marks;
    if (m.hello === null && el.querySelector('.output')?.textContent.includes('hello')) m.hello = performance.now();
    if (m.click !== null && m.panel === null && el.querySelector('.step-through .step-count')) m.panel = performance.now();
    if (m.click !== null && m.done === null && el.dataset.phase === 'finished' && (el.dataset.run ?? null) !== m.runAtClick) {
      m.done = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
};

async function appClickRun(page, code) {
  const box = page.locator('[data-snippet="enum-basics"]');
  await setCode(box, code);
  await box.getByRole('button', { name: /^(Run|Loading Python…)$/ }).click();
  await page.waitForFunction(() => window.__marks.done !== null, null, { timeout: HELLO_TIMEOUT });
  return page.evaluate(() => ({ ...window.__marks }));
}

// Visualize of a loop that meets the 1,000-step cap: click -> panel drawn.
const VISUALIZE_CODE = 'total = 0\nfor i in range(5000):\n    total += i\n';
async function appVisualize(page) {
  const box = page.locator('[data-snippet="enum-basics"]');
  await setCode(box, VISUALIZE_CODE);
  await box.getByRole('button', { name: 'Visualize' }).click();
  await page.waitForFunction(() => window.__marks.panel !== null, null, { timeout: HELLO_TIMEOUT });
  const m = await page.evaluate(() => ({ ...window.__marks }));
  await box.getByRole('button', { name: 'Edit' }).click();
  return { ms: m.panel - m.click, bytes: m.traceBytes };
}

async function appStart(context) {
  const page = await context.newPage();
  await page.goto(`${server.url}ours/index.html#/enum`);
  const marks = await appClickRun(page, 'print("hello")');
  const text = await page.getByTestId('engine-status').textContent();
  return { page, cold: marks.hello, engineInit: Number(text.match(/(\d+) ms/)?.[1] ?? NaN) };
}

const results = Object.fromEntries(ENGINES.map((e) => [e, {
  cold: [], warm: [], boot: [], init: [], engineInit: [], rerun: [], visualize: [], traceBytes: [], workloads: {}, workloads2: {}, requests: null, encodings: null,
}]));

async function measure(engine) {
  const r = results[engine];
  const context = await newContext();
  await context.addInitScript(APP_MARKS);
  const encodings = {};
  context.on('response', (res) => {
    encodings[new URL(res.url()).pathname] = res.headers()['content-encoding'] ?? 'identity';
  });
  const first = server.requests.length;
  const cold = engine === 'ours-app' ? await appStart(context) : await harnessStart(context, engine);
  const ownFile = (p) => p.startsWith('/harness/') || p === '/ours/bench-worker.js';
  const requests = [...new Set(server.requests.slice(first))].filter((p) => !ownFile(p));
  r.requests ??= requests;
  r.encodings ??= Object.fromEntries(requests.map((p) => [p, encodings[p] ?? '?']));
  if (cold.loading) r.wasmLoading = cold.loading;
  r.cold.push(cold.cold);
  if (cold.boot != null) r.boot.push(cold.boot);
  if (cold.init != null) r.init.push(cold.init);
  if (!Number.isNaN(cold.engineInit)) r.engineInit.push(cold.engineInit);
  const afterCold = server.requests.length;

  // Warm re-run of a small snippet: median of 3 in this page.
  const reruns = [];
  for (let i = 0; i < 3; i++) {
    if (engine === 'ours-app') {
      const m = await appClickRun(cold.page, 'print("hello")');
      reruns.push(m.done - m.click);
    } else {
      const res = await cold.page.evaluate(() => window.bench.run('print("hello")'));
      reruns.push(res.wallMs);
    }
  }
  r.rerun.push(median(reruns));
  if (engine === 'ours-app') {
    const v = await appVisualize(cold.page);
    r.visualize.push(v.ms);
    r.traceBytes.push(v.bytes);
  }

  // The suite twice in the cold page: the first pass is what a reader gets
  // right after loading (V8 may still be tiering the interpreter up), the
  // second shows the engine once its hot code is optimised.
  for (const pass of engine === 'ours-app' ? [] : ['workloads', 'workloads2']) {
    for (const w of workloads) {
      const res = await cold.page.evaluate((code) => window.bench.run(code), w.code);
      let value;
      if (res.error) value = { error: res.error.message.startsWith(res.error.kind) ? res.error.message : `${res.error.kind}: ${res.error.message}` };
      else if (w.expected !== null && res.stdout !== w.expected) value = { error: `wrong output: ${JSON.stringify(res.stdout.slice(0, 80))}` };
      else value = res.elapsedMs;
      (r[pass][w.name] ??= []).push(value);
    }
  }
  // What the runs fetched beyond the cold start (our standard-library packs).
  r.later ??= [...new Set(server.requests.slice(afterCold))].filter((p) => !ownFile(p) && !requests.includes(p));
  await cold.page.close();

  // Warm start: same context, HTTP cache (and V8's wasm code cache) warm.
  const warm = engine === 'ours-app' ? await appStart(context) : await harnessStart(context, engine);
  r.warm.push(warm.cold);
  await warm.page.close();
  await context.dispose();
  guard(engine);
}

const load0 = loadavg()[0];
for (let i = 0; i < RUNS; i++) {
  for (const engine of ENGINES) {
    log(`run ${i + 1}/${RUNS}: ${engine}`);
    await measure(engine);
  }
}
await server.close();

// ---------------------------------------------------------------- report
const KINDS = (path) => (path.endsWith('.wasm') ? 'wasm' : /\.m?js$/.test(path) ? 'js' : 'data');
async function bytesOf(requests) {
  const bytes = { wasm: { raw: 0, gz: 0, br: 0 }, js: { raw: 0, gz: 0, br: 0 }, data: { raw: 0, gz: 0, br: 0 } };
  for (const p of requests) {
    const file = `${SITE}${decodeURIComponent(p).replace(/^\//, '').replace(/\?.*$/, '')}`;
    if (!existsSync(file)) continue; // a 404 (favicon.ico): nothing sent
    const path = statSync(file).isDirectory() ? `${file}/index.html` : file;
    const s = await wireSizes(path);
    for (const k of ['raw', 'gz', 'br']) bytes[KINDS(path)][k] += s[k];
  }
  bytes.total = Object.fromEntries(['raw', 'gz', 'br'].map((k) => [k, bytes.wasm[k] + bytes.js[k] + bytes.data[k]]));
  return bytes;
}
for (const [engine, r] of Object.entries(results)) {
  r.bytes = await bytesOf(r.requests);
  r.laterBytes = await bytesOf(r.later ?? []);
  r.median = {
    cold: median(r.cold), warm: median(r.warm), boot: median(r.boot), init: median(r.init),
    engineInit: median(r.engineInit), rerun: median(r.rerun), visualize: median(r.visualize), traceBytes: median(r.traceBytes),
    workloads: Object.fromEntries(Object.entries(r.workloads).map(([k, v]) => {
      const err = v.find((x) => typeof x !== 'number');
      return [k, err ? err : median(v)];
    })),
  };
  const total = (wl) => {
    const ws = Object.values(wl).map((v) => (v.some((x) => typeof x !== 'number') ? null : median(v)));
    return ws.length && ws.every((x) => x !== null) ? ws.reduce((a, b) => a + b, 0) : null;
  };
  r.median.suite = total(r.workloads);
  r.median.suite2 = total(r.workloads2);
  // Least of the runs: on a loaded machine the best estimate of the engine itself.
  r.min = { suite: Object.keys(r.workloads).length ? Object.values(r.workloads).reduce((a, v) => (a === null || v.some((x) => typeof x !== 'number') ? null : a + Math.min(...v)), 0) : null };
}

const versions = {
  'ours-app': 'dist/ (full app page)',
  ours: 'dist/ worker only',
  pyodide: `pyodide ${pkgVersion('pyodide')}`,
  micropython: `micropython ${pkgVersion(MP_PKG)}`,
};
const ms = (x) => (x == null ? '–' : typeof x === 'number' ? `${x.toFixed(0)} ms` : 'error');
const kib = (b) => `${(b / 1024).toFixed(0)}`;
const sz = (b) => `${kib(b.raw)}/${kib(b.gz)}/${kib(b.br)}`;
const cols = ENGINES;
const rows = [
  ['cold start → first output of print("hello")', (r) => ms(r.median.cold)],
  ['warm start (same profile, HTTP cache warm)', (r) => ms(r.median.warm)],
  ['worker created → ready (page clock)', (r) => ms(r.median.boot)],
  ['init: wasm downloaded → ready (in worker)', (r) => ms(r.median.init)],
  ['init as the engine reports it', (r) => ms(r.median.engineInit)],
  ['warm re-run of print("hello")', (r) => ms(r.median.rerun)],
  ['Visualize, 1,000 steps: click → panel', (r) => ms(r.median.visualize)],
  ['Visualize, 1,000 steps: trace message, KiB', (r) => (r.median.traceBytes == null ? '–' : kib(r.median.traceBytes))],
  ['KiB wasm      raw/gzip/brotli', (r) => sz(r.bytes.wasm)],
  ['KiB JS        raw/gzip/brotli', (r) => sz(r.bytes.js)],
  ['KiB data+stdlib raw/gzip/brotli', (r) => sz(r.bytes.data)],
  ['KiB total     raw/gzip/brotli', (r) => sz(r.bytes.total)],
  ['KiB fetched after first output', (r) => (r.later?.length ? sz(r.laterBytes.total) : '–')],
  ...workloads.map((w) => [`workload ${w.name}`, (r) => {
    const v = r.median.workloads[w.name];
    return v === undefined ? '–' : typeof v === 'number' ? ms(v) : 'ERROR*';
  }]),
  ['suite total', (r) => (Object.keys(r.workloads).length ? (r.median.suite == null ? 'incomplete' : ms(r.median.suite)) : '–')],
  ['suite total, second pass in the same page', (r) => (Object.keys(r.workloads2).length ? (r.median.suite2 == null ? 'incomplete' : ms(r.median.suite2)) : '–')],
  ['suite total, fastest run of each workload', (r) => (Object.keys(r.workloads).length ? (r.min.suite == null ? 'incomplete' : ms(r.min.suite)) : '–')],
];
const table = [['', ...cols], ...rows.map(([label, f]) => [label, ...cols.map((e) => f(results[e]))])];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const lines = [];
lines.push(`median of ${RUNS} runs, Chromium ${chromiumVersion}, all served from 127.0.0.1 by tests/support/serve.mjs${NET ? ` over a simulated ${NET.mbps} Mbit/s link, ${NET.rttMs} ms per request` : ' (no throttling)'}`);
lines.push(`dist/ precompressed (.br/.gz beside assets): ${distPrecompressed ? 'yes' : 'no'}; load average ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)}`);
lines.push(cols.map((e) => `${e} = ${versions[e]}`).join('; '));
lines.push('');
for (const row of table) lines.push(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
const errors = [];
for (const e of cols) {
  for (const [k, v] of Object.entries(results[e].median.workloads)) if (typeof v !== 'number') errors.push(`  * ${e} ${k}: ${v.error}`);
}
if (errors.length) lines.push('', 'workloads that did not run:', ...errors);
if (results.ours?.wasmLoading) {
  const w = results.ours.wasmLoading;
  lines.push('', `our worker wasm: ${w.instantiate}, served as ${w.contentType}, Content-Encoding ${w.contentEncoding ?? 'none'}`);
}
if (results['ours-app'] || results.ours) {
  // Everything a first visit downloads in the end: what sw.js caches at
  // install (the app, the interpreter, the lessons' packs), after first output.
  const list = readFileSync(`${DIST}sw.js`, 'utf8').match(/"url":"[^"]+"/g) ?? [];
  const all = await bytesOf(list.map((m) => `/ours/${m.slice(7, -1)}`));
  lines.push(`our first visit in all (sw.js precache, brotli): ${kib(all.total.br)} KiB in ${list.length} files`);
}

// Goals (issue 9).
const goals = {};
const ratio = (a, b) => (a != null && b != null && b > 0 ? a / b : null);
const py = results.pyodide;
const fmt = (x) => (x == null ? 'n/a' : x.toFixed(2));
const verdict = (x, ok) => (x == null ? 'n/a' : ok(x) ? 'MET' : 'NOT MET');
if (py) {
  lines.push('', 'goals:');
  for (const e of ['ours-app', 'ours'].filter((x) => results[x])) {
    const r = results[e];
    const c = ratio(r.median.cold, py.median.cold);
    const b = ratio(r.bytes.total.br, py.bytes.total.br);
    goals[e] = { coldVsPyodide: c, bytesBrVsPyodide: b };
    lines.push(`  ${e}: cold start ${ms(r.median.cold)} / Pyodide ${ms(py.median.cold)} = ${fmt(c)}× (≤ 0.5: ${verdict(c, (x) => x <= 0.5)})`);
    lines.push(`  ${e}: bytes (brotli) ${kib(r.bytes.total.br)} / ${kib(py.bytes.total.br)} KiB = ${fmt(b)}× (≤ 0.5: ${verdict(b, (x) => x <= 0.5)})`);
  }
  if (results.ours) {
    const shared = Object.keys(results.ours.median.workloads).filter((k) =>
      typeof results.ours.median.workloads[k] === 'number' && typeof py.median.workloads[k] === 'number');
    const sum = (r) => shared.reduce((a, k) => a + r.median.workloads[k], 0);
    const s = ratio(sum(results.ours), sum(py));
    const sum2 = (r) => shared.reduce((a, k) => a + median(r.workloads2[k]), 0);
    const s2 = ratio(sum2(results.ours), sum2(py));
    goals.suiteVsPyodide = s;
    goals.suiteVsPyodideSecondPass = s2;
    lines.push(`  ours: suite ${ms(sum(results.ours))} / Pyodide ${ms(sum(py))} on ${shared.length} workloads = ${fmt(s)}× (≤ 2: ${verdict(s, (x) => x <= 2)}; second pass ${fmt(s2)}×)`);
  }
}
if (!py) lines.push('', 'goals:');
for (const e of ['ours-app', 'ours'].filter((x) => results[x])) {
  const v = results[e].median.rerun;
  (goals[e] ??= {}).rerunMs = v;
  lines.push(`  ${e}: warm re-run ${ms(v)} (< 50 ms: ${verdict(v, (x) => x < 50)})`);
}
console.log(lines.join('\n'));
mkdirSync(ARTIFACTS, { recursive: true });
writeFileSync(OUT, JSON.stringify({
  date: new Date().toISOString(), runs: RUNS, net: NET, chromium: chromiumVersion, distPrecompressed, versions,
  loadavg: [load0, loadavg()[0]], goals, engines: results, table: lines.join('\n'),
}, null, 2));
log(`wrote ${OUT}`);
