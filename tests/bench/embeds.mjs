// Benchmark: a blog post with N embeds (tests/bench/README.md, "Many embeds").
// For each mode and each N, in a
// fresh headless Chromium: the memory the embeds add once every one has run
// (PSS of all of that Chromium's processes, Linux /proc, after minus before
// the runs), and Run → output in each embed, the first (which starts Python)
// apart from the later ones.
//
// Modes: shared (the page's one interpreter), own (the fallback, forced with
// data-pyplay-python="own": a worker per embed, at most 3 live), before (plain
// iframes with python=own and no embed.js, so no pool: a worker per embed,
// as every embed had before issue 24).
//
// Usage: node tests/bench/embeds.mjs [--n=1,6,24] [--modes=shared,own,before] [--out=file.json]
//   (npm run bench:embeds)
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from '../support/serve.mjs';
import { startBlog } from '../support/blog.mjs';
import { CHROMIUM, ARTIFACTS, BROWSER_ARGS } from '../support/browser.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const COUNTS = opt('n', '1,6,24').split(',').map(Number);
const MODES = opt('modes', 'shared,own,before').split(',');
const OUT = opt('out', `${ARTIFACTS}bench-embeds.json`);
const DIST = new URL('../../dist/', import.meta.url).pathname;
const log = (...m) => console.error('[bench:embeds]', ...m);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : null;
};

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

/** PSS in MB of every process descending from this node process (our Chromium only). */
function pssMb() {
  const ppid = parents();
  const ours = (pid) => {
    for (let p = pid; p > 1; p = ppid.get(p) ?? 0) if (p === process.pid) return pid !== process.pid;
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

/** Clicks Run in the snippet of `frame`; ms from the click to its output on screen. */
function runAndTime(frame) {
  return frame.locator('[data-snippet="code-embed"]').evaluate((box) => new Promise((resolve) => {
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
  }), { timeout: 180_000 });
}

async function measure(site, mode, n) {
  const attr = mode === 'own' ? ' data-pyplay-python="own"' : '';
  const body = Array.from({ length: n }, (_, i) => (mode === 'before'
    ? `<iframe class="pyplay-embed" title="embed" style="height:200px" src="${site.url}?embed#/code?code=${encodeURIComponent(`print("embed ${i}")`)}&python=own"></iframe>`
    : `<pre data-pyplay${attr}>\nprint("embed ${i}")\n</pre>`)).join('\n');
  const blog = await startBlog(site.url, body);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${blog.url}post.html`);
    const frames = [];
    for (let i = 0; i < n; i++) {
      await page.locator('iframe.pyplay-embed').nth(i).scrollIntoViewIfNeeded();
      const frame = page.frameLocator(`iframe.pyplay-embed >> nth=${i}`);
      await frame.locator('.embed[data-engine="idle"] .cm-editor').waitFor({ timeout: 60_000 });
      frames.push(frame);
    }
    await page.waitForTimeout(2000);
    const before = pssMb();
    const first = await runAndTime(frames[0]);
    const later = [];
    for (const frame of frames.slice(1)) later.push(await runAndTime(frame));
    await page.waitForTimeout(2000);
    const after = pssMb();
    return { mode, n, addedMb: Math.round(after - before), idleMb: Math.round(before), firstMs: Math.round(first), laterMs: later.map(Math.round) };
  } finally {
    await browser.close();
    await blog.close();
  }
}

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
writeFileSync(OUT, JSON.stringify({ load, results }, null, 2));
console.log(`load average ${load.map((l) => l.toFixed(1)).join(' → ')}`);
console.log('| mode | N | memory added by the runs | first Run → output | later Run → output, median (max) |');
console.log('|---|---:|---:|---:|---:|');
for (const r of results) {
  const later = r.laterMs.length ? `${median(r.laterMs)} ms (${Math.max(...r.laterMs)} ms)` : '–';
  console.log(`| ${r.mode} | ${r.n} | ${r.addedMb} MB | ${r.firstMs} ms | ${later} |`);
}
