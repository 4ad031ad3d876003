// Benchmark: a blog post with N embeds (tests/bench/README.md, "Many embeds").
// For each mode and each N, in a fresh headless browser (Debian's Chromium
// through playwright-core, or firefox-esr through puppeteer-core over
// WebDriver BiDi): the memory the embeds add once every one has run (PSS of
// all of that browser's processes, Linux /proc, after minus before the runs),
// and Run → output in each embed, the first (which starts Python) apart from
// the later ones.
//
// Modes: shared (the page's one interpreter), own (the fallback, forced with
// data-pyplay-python="own": a worker per embed, at most 3 live), before (plain
// iframes with python=own and no embed.js, so no pool: a worker per embed,
// as every embed had before issue 24).
//
// Usage: node tests/bench/embeds.mjs [--browser=chromium|firefox] [--n=1,6,24]
//          [--modes=shared,own,before] [--dist=DIR] [--out=file.json]
//   (npm run bench:embeds)
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../support/serve.mjs';
import { startBlog } from '../support/blog.mjs';
import { CHROMIUM, ARTIFACTS, BROWSER_ARGS } from '../support/browser.mjs';
import { launchFirefox, openPage, frameOf } from '../support/firefox.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const COUNTS = opt('n', '1,6,24').split(',').map(Number);
const MODES = opt('modes', 'shared,own,before').split(',');
const BROWSER = opt('browser', 'chromium');
const OUT = opt('out', `${ARTIFACTS}bench-embeds${BROWSER === 'chromium' ? '' : `-${BROWSER}`}.json`);
const DIST = resolve(opt('dist', new URL('../../dist/', import.meta.url).pathname));
const log = (...m) => console.error('[bench:embeds]', ...m);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : null;
};
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Parent pid of every process (Linux /proc). */
function parents() {
  const map = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      map.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone while we looked.
    }
  }
  return map;
}

/** PSS in MB of `root` and every process below it (`root` = this node: its children only). */
function pssMb(root) {
  const ppid = parents();
  const ours = (pid) => {
    for (let p = pid; p > 1; p = ppid.get(p) ?? 0) if (p === root) return pid !== process.pid;
    return false;
  };
  let kb = 0;
  for (const pid of ppid.keys()) {
    if (!ours(pid)) continue;
    try {
      const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
      if (m) kb += Number(m[1]);
    } catch {
      // Gone, or not ours to read.
    }
  }
  return kb / 1024;
}

const IFRAMES = 'iframe.pyplay-embed';
const READY = '.embed[data-engine="idle"] .cm-editor';

/**
 * Waits until `fn(arg)` is truthy in the blog page. Not waitForFunction:
 * puppeteer builds that function with eval, which the post's strict CSP refuses.
 */
async function poll(page, fn, arg, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${fn}`);
    await sleep(100);
  }
}

/**
 * One adapter per browser: launched, it can `open(url)` the post, give
 * `frame(i)` (embed i scrolled into view and ready: a function that
 * evaluates code in it) and `close()`; `root` is the pid whose process tree
 * is the browser.
 */
const BROWSERS = {
  async chromium() {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
    let page;
    return {
      name: `Chromium ${browser.version()}`,
      // playwright hides the browser's pid; it is this node's only child.
      root: process.pid,
      async open(url) {
        page = await (await browser.newContext()).newPage();
        await page.goto(url);
      },
      async frame(i) {
        await page.locator(IFRAMES).nth(i).scrollIntoViewIfNeeded();
        const frame = page.frameLocator(`${IFRAMES} >> nth=${i}`);
        await frame.locator(READY).waitFor({ timeout: 60_000 });
        return (fn) => frame.locator('body').evaluate(fn, null, { timeout: 180_000 });
      },
      close: () => browser.close(),
    };
  },
  async firefox() {
    const browser = await launchFirefox();
    let page;
    let errors = [];
    return {
      name: `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
      root: browser.process().pid,
      async open(url) {
        ({ page, errors } = await openPage(browser, url));
      },
      async frame(i) {
        await poll(page, ([sel, k]) => document.querySelectorAll(sel).length > k, [IFRAMES, i]);
        const iframe = (await page.$$(IFRAMES))[i];
        await iframe.evaluate((el) => el.scrollIntoView());
        // embed.js sets src only once the placeholder nears the viewport.
        await poll(page, ([sel, k]) => document.querySelectorAll(sel)[k].src, [IFRAMES, i]);
        const frame = await frameOf(iframe);
        await frame.waitForSelector(READY, { timeout: 60_000 });
        return (fn) => frame.evaluate(fn);
      },
      async close() {
        // What the post refused (its CSP) or failed to load, next to the numbers.
        const shown = errors.filter((e) => !/favicon/.test(e));
        if (shown.length) log('firefox:', [...new Set(shown)].join('; '));
        await browser.close();
      },
    };
  },
};

/** Clicks Run in the embed `inFrame` evaluates in; ms from the click to its output on screen. */
function runAndTime(inFrame) {
  return inFrame(() => new Promise((resolve) => {
    const box = document.querySelector('[data-snippet="code-embed"]');
    const run = [...box.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Run');
    const t0 = performance.now();
    const done = () => box.dataset.phase === 'finished' && box.querySelector('.output .stream');
    const observer = new MutationObserver(() => {
      if (done()) {
        observer.disconnect();
        resolve(performance.now() - t0);
      }
    });
    observer.observe(box, { attributes: true, childList: true, subtree: true });
    run.click();
  }));
}

let version = BROWSER;

async function measure(site, mode, n) {
  const attr = mode === 'own' ? ' data-pyplay-python="own"' : '';
  const body = Array.from({ length: n }, (_, i) => (mode === 'before'
    ? `<iframe class="pyplay-embed" title="embed" style="height:200px" src="${site.url}?embed#/code?code=${encodeURIComponent(`print("embed ${i}")`)}&python=own"></iframe>`
    : `<pre data-pyplay${attr}>\nprint("embed ${i}")\n</pre>`)).join('\n');
  const blog = await startBlog(site.url, body);
  const browser = await BROWSERS[BROWSER]();
  try {
    await browser.open(`${blog.url}post.html`);
    const frames = [];
    for (let i = 0; i < n; i++) frames.push(await browser.frame(i));
    await sleep(2000);
    const before = pssMb(browser.root);
    const first = await runAndTime(frames[0]);
    const later = [];
    for (const frame of frames.slice(1)) later.push(await runAndTime(frame));
    await sleep(2000);
    const after = pssMb(browser.root);
    version = browser.name;
    return { mode, n, addedMb: Math.round(after - before), idleMb: Math.round(before), firstMs: Math.round(first), laterMs: later.map(Math.round) };
  } finally {
    await browser.close();
    await blog.close();
  }
}

if (!BROWSERS[BROWSER]) throw new Error(`--browser=${BROWSER}: chromium or firefox`);
const site = await startServer({ root: DIST });
const results = [];
const load = [loadavg()[0]];
try {
  for (const mode of MODES) {
    for (const n of COUNTS) {
      log(`${mode}, ${n} embeds`);
      results.push(await measure(site, mode, n));
      log(JSON.stringify(results.at(-1)));
    }
  }
} finally {
  await site.close();
}
load.push(loadavg()[0]);
mkdirSync(ARTIFACTS, { recursive: true });
writeFileSync(OUT, JSON.stringify({ browser: BROWSER, version, load, results }, null, 2));
console.log(`${version}, load average ${load.map((l) => l.toFixed(1)).join(' → ')}`);
console.log('| browser | mode | N | memory added by the runs | first Run → output | later Run → output, median (max) |');
console.log('|---|---|---:|---:|---:|---:|');
for (const r of results) {
  const later = r.laterMs.length ? `${median(r.laterMs)} ms (${Math.max(...r.laterMs)} ms)` : '–';
  console.log(`| ${BROWSER} | ${r.mode} | ${r.n} | ${r.addedMb} MB | ${r.firstMs} ms | ${later} |`);
}
