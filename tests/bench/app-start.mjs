// Where the app's cold start goes: the bench's `ours-app` cold start (open
// `index.html#/enum`, paste `print("hello")` into the first snippet, click
// Run, wait for "hello"), as a timeline of what the page waited for. Times
// are ms since navigation, the median of N runs, each in a new profile:
//   html        the page's HTML received
//   app wasm    the app's wasm requested → received (Chromium's request times)
//   worker wasm the worker's wasm requested → received
//   took over   the app's render replaced the page written at build time
//   editor js   the editor bundle requested → received
//   editor      the snippet's editor drawn (the bench can paste: clicks land)
//   python      the engine's status says it is ready, and how long the
//               engine's init took of that (the worker's main(), after its
//               wasm is compiled and instantiated)
//   hello       "hello" in the snippet's output
// and the main thread's long tasks (over 50 ms) before "hello": their sum and
// the longest.
//
// Usage: node tests/bench/app-start.mjs [runs=5] [--dist=dir[,dir2…]]
//   (several builds: their runs alternate, a column each; this machine's
//   spread between two runs of one build is about 50 ms at "hello")
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, setCode } from '../support/browser.mjs';
import { startServer } from '../support/serve.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const DISTS = (args.find((a) => a.startsWith('--dist='))?.slice(7) ?? new URL('../../dist/', import.meta.url).pathname)
  .split(',').map((d) => resolve(d));
for (const dist of DISTS) if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}: no index.html (./x build first)`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// In the page before its scripts: marks for what the DOM shows, long tasks.
const MARKS = () => {
  const marks = (globalThis.pyplayStart = { longTasks: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) marks.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const once = (name, test) => {
    if (marks[name] === undefined && test()) marks[name] = performance.now();
  };
  new MutationObserver(() => {
    const box = document.querySelector('[data-snippet="enum-basics"]');
    once('tookOver', () => document.querySelector('.layout:not(.static)'));
    once('editor', () => box?.querySelector('.cm-content'));
    once('python', () => {
      const ms = /(\d+) ms/.exec(document.querySelector('[data-testid="engine-status"]')?.textContent ?? '');
      if (ms) marks.init = Number(ms[1]);
      return ms;
    });
    once('hello', () => box?.querySelector('.output')?.textContent.includes('hello'));
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
};

async function once(browser, url) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(MARKS);
    const page = await context.newPage();
    const requests = [];
    context.on('requestfinished', (req) => requests.push(req));
    await page.goto(url);
    const box = page.locator('[data-snippet="enum-basics"]');
    await setCode(box, 'print("hello")');
    await box.getByRole('button', { name: /^(Run|Loading Python…)$/ }).click();
    await page.waitForFunction(() => globalThis.pyplayStart.hello !== undefined, null, { timeout: 60_000 });
    const [marks, origin, html] = await page.evaluate(() => [
      globalThis.pyplayStart,
      performance.timeOrigin,
      performance.getEntriesByType('navigation')[0].responseEnd,
    ]);
    // Chromium's own times for each request (workers' included), epoch ms.
    const seen = {};
    for (const req of requests) {
      const name = new URL(req.url()).pathname.split('/').pop();
      const kind = /^app-.*_bg\.wasm$/.test(name) ? 'appWasm' : name === 'worker_bg.wasm' ? 'workerWasm'
        : /^pyplay-editor-.*\.js$/.test(name) ? 'editorJs' : null;
      const { startTime, responseEnd } = req.timing();
      // The first: the service worker fetches each again for its cache.
      if (kind) seen[kind] ??= [startTime - origin, startTime + responseEnd - origin];
    }
    const at = (kind) => seen[kind] ?? [NaN, NaN];
    const tasks = marks.longTasks.filter(([start]) => start < marks.hello).map(([, d]) => d);
    return {
      html,
      appWasm: at('appWasm'),
      workerWasm: at('workerWasm'),
      tookOver: marks.tookOver,
      editorJs: at('editorJs'),
      editor: marks.editor,
      python: marks.python,
      init: marks.init,
      hello: marks.hello,
      longSum: tasks.reduce((a, b) => a + b, 0),
      longest: Math.max(0, ...tasks),
    };
  } finally {
    await context.close();
  }
}

const servers = await Promise.all(DISTS.map((root) => startServer({ root })));
const browser = await launch();
const runs = DISTS.map(() => []);
try {
  for (let i = 0; i < RUNS; i++) {
    for (const [k, server] of servers.entries()) runs[k].push(await once(browser, `${server.url}index.html#/enum`));
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
}
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)}`.padStart(5) : '    –');
const col = (k, key, i) => median(runs[k].map((r) => (i === undefined ? r[key] : r[key][i])));
const span = (k, key) => `${ms(col(k, key, 0))} → ${ms(col(k, key, 1))}`;
const rows = [
  ['html', (k) => ms(col(k, 'html'))],
  ['app wasm', (k) => span(k, 'appWasm')],
  ['worker wasm', (k) => span(k, 'workerWasm')],
  ['took over', (k) => ms(col(k, 'tookOver'))],
  ['editor js', (k) => span(k, 'editorJs')],
  ['editor', (k) => ms(col(k, 'editor'))],
  ['python', (k) => ms(col(k, 'python'))],
  ["  the engine's own init", (k) => ms(col(k, 'init'))],
  ['hello', (k) => ms(col(k, 'hello'))],
  ['long tasks before hello', (k) => ms(col(k, 'longSum'))],
  ['  the longest', (k) => ms(col(k, 'longest'))],
];
console.log(`app cold start, ms since navigation, median of ${RUNS}`);
DISTS.forEach((dist, k) => console.log(`  [${k + 1}] ${dist}`));
console.log(`  ${''.padEnd(24)} ${DISTS.map((_, k) => `[${k + 1}]`.padStart(13)).join(' ')}`);
for (const [name, cell] of rows) console.log(`  ${name.padEnd(24)} ${DISTS.map((_, k) => cell(k).padStart(13)).join(' ')}`);
