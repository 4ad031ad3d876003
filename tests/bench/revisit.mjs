// A reader's later visits: is the interpreter's first run still the slow,
// untiered one? V8 keeps a wasm module's optimised code beside its cached
// response once enough of it has tiered up, and a later visit that compiles
// the same response starts from that code (issue 21's "V8 tier-up" lever).
// Each run uses a new Chromium profile:
//   visit 1  open index.html#/enum, wait for Python, run the bench's
//            workloads (workloads.py, all blocks as one program) in the
//            first snippet twice, then stay STAY seconds (the service worker
//            installs, V8 writes its cache), and close the tab;
//   visit 2… the same, each in a new tab of the same profile (--visits,
//            3 by default: should the code be kept only by a visit that
//            compiles an already cached response, the third would show it).
// Per visit, the median of N runs: Python ready (ms since navigation), the
// engine's own init, the workloads' first and second run (the snippet's own
// "finished in": the second is what tiered-up code gives),
// and how many runs a service worker controlled.
//
// --no-sw blocks service workers: every request goes to the HTTP cache.
//
// Usage: node tests/bench/revisit.mjs [runs=3] [--visits=3] [--stay=10] [--dist=dir] [--no-sw]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { BROWSER_ARGS, CHROMIUM, finished, setCode, snippet } from '../support/browser.mjs';
import { startServer } from '../support/serve.mjs';

const args = process.argv.slice(2);
const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const RUNS = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const VISITS = Number(opt('visits') ?? 3);
const STAY_MS = Number(opt('stay') ?? 10) * 1000;
const DIST = resolve(opt('dist') ?? new URL('../../dist/', import.meta.url).pathname);
if (!existsSync(`${DIST}/index.html`)) throw new Error(`${DIST}: no index.html (./x build first)`);
const SERVICE_WORKERS = args.includes('--no-sw') ? 'block' : 'allow';
const WORKLOADS = readFileSync(new URL('workloads.py', import.meta.url), 'utf8');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function visit(context, url) {
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(url);
  const status = page.getByTestId('engine-status');
  await status.filter({ hasText: /\d+ ms/ }).waitFor({ timeout: 60_000 });
  const ready = Date.now() - started;
  const init = Number(/(\d+) ms/.exec(await status.textContent())[1]);
  const box = snippet(page, 'enum', 'basics');
  await setCode(box, WORKLOADS);
  const runOnce = async () => {
    const previous = await box.getAttribute('data-run');
    await box.getByRole('button', { name: 'Run', exact: true }).click();
    await finished(page, 'enum', 'basics', previous, 120_000);
    return Number(/(\d+) ms/.exec(await box.locator('.elapsed').textContent())[1]);
  };
  const run = await runOnce();
  const again = await runOnce();
  await page.waitForTimeout(STAY_MS);
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  await page.close();
  return { ready, init, run, again, controlled };
}

const server = await startServer({ root: DIST });
const visits = Array.from({ length: VISITS }, () => []);
try {
  for (let i = 0; i < RUNS; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'pyplay-revisit-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, args: BROWSER_ARGS, serviceWorkers: SERVICE_WORKERS,
    });
    try {
      for (const seen of visits) seen.push(await visit(context, `${server.url}index.html#/enum`));
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
}
console.log(`${VISITS} visits in one profile, median of ${RUNS} (${DIST}; stayed ${STAY_MS / 1000} s on each; service workers: ${SERVICE_WORKERS})`);
console.log(`  ${''.padEnd(34)} ${visits.map((_, i) => `visit ${i + 1}`.padStart(9)).join(' ')}`);
const row = (name, cell) => console.log(`  ${name.padEnd(34)} ${visits.map((v) => cell(v).padStart(9)).join(' ')}`);
row('Python ready, ms since navigation', (v) => `${median(v.map((x) => x.ready))}`);
row("the engine's own init, ms", (v) => `${median(v.map((x) => x.init))}`);
row('the workloads, one program, ms', (v) => `${median(v.map((x) => x.run))}`);
row('  run again at once, ms', (v) => `${median(v.map((x) => x.again))}`);
row('controlled by the service worker', (v) => `${v.filter((x) => x.controlled).length}/${v.length}`);
