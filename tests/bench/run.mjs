// Benchmark of the built dist/ in headless Chromium: cold start to first
// output, bytes on the wire, interpreter init, warm re-run and the reference
// workloads. A measurement script, not a test: it prints a table and writes
// tests/artifacts/bench.json. Usage: node tests/bench/run.mjs [runs]
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { startServer } from '../support/serve.mjs';
import { launch, ARTIFACTS } from '../support/browser.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const RUNS = Number(process.argv[2] ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function bytes() {
  const kinds = { wasm: [0, 0, 0], js: [0, 0, 0], other: [0, 0, 0] };
  for (const name of readdirSync(DIST)) {
    const path = `${DIST}${name}`;
    if (!statSync(path).isFile() || name.startsWith('.')) continue;
    const data = readFileSync(path);
    const kind = name.endsWith('.wasm') ? 'wasm' : name.endsWith('.js') ? 'js' : 'other';
    kinds[kind][0] += data.length;
    kinds[kind][1] += gzipSync(data, { level: 9 }).length;
    kinds[kind][2] += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return kinds;
}

async function runOnPage(page, code) {
  const box = page.locator('[data-snippet="enum-basics"]');
  const before = await box.getAttribute('data-run');
  await box.locator('textarea').fill(code);
  const t0 = Date.now();
  await box.getByRole('button', { name: /^(Run|Loading Python…)$/ }).click();
  await page.waitForFunction(
    (prev) => {
      const el = document.querySelector('[data-snippet="enum-basics"]');
      return el.dataset.phase === 'finished' && el.dataset.run !== prev;
    },
    before, { timeout: 300_000 },
  );
  const wall = Date.now() - t0;
  const reported = Number((await box.locator('.elapsed').textContent()).match(/([\d.]+) ms/)[1]);
  const stdout = (await box.locator('.output .stream .stdout').allTextContents()).join('');
  const failed = await box.locator('.output .traceback').count();
  return { wall, reported, stdout, failed };
}

const server = await startServer({ root: DIST });
const browser = await launch();
const result = { date: new Date().toISOString(), runs: RUNS, bytes: bytes(), cold: [], init: [], rerun: [], workloads: {} };
const workloads = readFileSync(new URL('workloads.py', import.meta.url), 'utf8')
  .split(/^## /m).slice(1).map((block) => {
    const [name, ...code] = block.split('\n');
    return { name: name.trim(), code: code.join('\n') };
  });

for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext(); // empty cache
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${server.url}#/enum`);
  const first = await runOnPage(page, 'print("hello")');
  result.cold.push(Date.now() - t0);
  result.init.push(Number((await page.getByTestId('engine-status').textContent()).match(/(\d+) ms/)[1]));
  const again = await runOnPage(page, 'print("hello")');
  result.rerun.push(again.wall);
  if (first.stdout !== 'hello\n' || again.stdout !== 'hello\n') throw new Error('hello did not print');
  for (const w of workloads) {
    const r = await runOnPage(page, w.code);
    (result.workloads[w.name] ??= []).push(r.failed ? null : r.reported);
  }
  await context.close();
}
await browser.close();
await server.close();

const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
const rows = [
  ['cold start: navigation to first output of print("hello")', `${median(result.cold)} ms`],
  ['interpreter init inside the worker', `${median(result.init)} ms`],
  ['warm re-run of print("hello"), click to output', `${median(result.rerun)} ms`],
  ...Object.entries(result.bytes).map(([k, [raw, gz, br]]) => [`bytes: ${k} (raw / gzip / brotli)`, `${kb(raw)} / ${kb(gz)} / ${kb(br)}`]),
  ...Object.entries(result.workloads).map(([k, v]) => [`workload ${k}`, v.includes(null) ? 'failed' : `${median(v).toFixed(0)} ms`]),
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`median of ${RUNS} runs, headless Chromium, dist/ served from localhost\n`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
mkdirSync(ARTIFACTS, { recursive: true });
writeFileSync(`${ARTIFACTS}bench.json`, JSON.stringify(result, null, 2));
