// Lighthouse (pinned in tests/bench/package.json; 13 needs a newer Node) on
// the built site, served precompressed by tests/support/serve.mjs, with
// Debian's Chromium: mobile defaults (simulated throttling), performance
// only, the median of N runs per page. A measurement script, not a test:
// prints a table and writes tests/artifacts/lighthouse.json.
//
// Usage: node tests/bench/lighthouse.mjs [runs=3] [--dist=dir] [--pages=enum/,./,scratch/]
//   (npm run bench:lighthouse)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../support/serve.mjs';
import { CHROMIUM, ARTIFACTS } from '../support/browser.mjs';

const here = (p) => new URL(p, import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const DIST = opt('dist') ? `${resolve(opt('dist'))}/` : here('../../dist/');
// A topic page, the home page, the scratchpad.
const PAGES = (opt('pages') ?? 'enum/,./,scratch/').split(',');
const BENCH = here('./');
const LIGHTHOUSE = `${BENCH}node_modules/.bin/lighthouse`;
const log = (...m) => console.error('[lighthouse]', ...m);

if (!existsSync(`${DIST}index.html`)) throw new Error('dist/ is missing: run ./x build first');
const installed = `${BENCH}node_modules/.package-lock.json`;
if (!existsSync(installed) || statSync(`${BENCH}package-lock.json`).mtimeMs > statSync(installed).mtimeMs) {
  log('installing tests/bench packages (npm ci --prefix tests/bench)');
  const r = spawnSync('npm', ['ci', '--prefix', BENCH, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm ci --prefix tests/bench failed');
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const server = await startServer({ root: DIST });
const work = mkdtempSync(join(tmpdir(), 'pyplay-lh-'));
const results = {};
try {
  for (const page of PAGES) {
    const url = new URL(page, server.url).href;
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const out = join(work, `run-${runs.length}.json`);
      // Not spawnSync: the server runs in this process's event loop.
      const status = await new Promise((ok, fail) => spawn(LIGHTHOUSE, [
        url, '--quiet', '--only-categories=performance', '--output=json', `--output-path=${out}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      ], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: CHROMIUM } })
        .on('error', fail).on('exit', ok));
      if (status !== 0) throw new Error(`lighthouse failed on ${url}`);
      const lhr = JSON.parse(readFileSync(out, 'utf8'));
      const audit = (id) => lhr.audits[id].numericValue;
      runs.push({
        score: lhr.categories.performance.score,
        lcpMs: audit('largest-contentful-paint'),
        fcpMs: audit('first-contentful-paint'),
        tbtMs: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        ttiMs: audit('interactive'),
      });
      log(page, `run ${i + 1}/${RUNS}`, JSON.stringify(runs.at(-1)));
    }
    results[page] = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
  }
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}

const version = JSON.parse(readFileSync(`${BENCH}node_modules/lighthouse/package.json`, 'utf8')).version;
console.log(`Lighthouse ${version}, mobile defaults, median of ${RUNS}`);
console.log('| page | performance | LCP | FCP | TBT | CLS | TTI |');
console.log('|---|---|---|---|---|---|---|');
for (const [page, r] of Object.entries(results)) {
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`| ${page} | ${r.score.toFixed(2)} | ${s(r.lcpMs)} | ${s(r.fcpMs)} | ${Math.round(r.tbtMs)} ms | ${r.cls.toFixed(3)} | ${s(r.ttiMs)} |`);
}
mkdirSync(ARTIFACTS, { recursive: true });
writeFileSync(`${ARTIFACTS}lighthouse.json`, JSON.stringify({ lighthouse: version, runs: RUNS, results }, null, 2));
