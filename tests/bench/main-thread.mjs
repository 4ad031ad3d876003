// The main thread while a page loads, measured rather than simulated: a
// phone-sized Chromium with its CPU slowed 4× (as Lighthouse's mobile
// preset), 10 s from navigation. Lighthouse's TBT is a simulation from one
// trace and moved by hundreds of ms between runs of one build; these are the
// browser's own long tasks and work counters, so two builds compare.
//
// Per page and build, the median of N runs (builds alternate within a run):
//   TBT      the long tasks after first contentful paint, each minus 50 ms;
//   longest  the longest of them;
//   task / script / layout   CDP Performance.getMetrics totals;
//   elements the DOM's size at the end.
//
// Usage: node tests/bench/main-thread.mjs [runs=3] [--dist=dir[,dir2]] [--pages=enum/,./,scratch/]
//   (npm run bench:main-thread; --dist=/tmp/dist-before,dist compares two builds)
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from '../support/browser.mjs';
import { startServer } from '../support/serve.mjs';

const args = process.argv.slice(2);
const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const DISTS = (opt('dist') ?? new URL('../../dist/', import.meta.url).pathname).split(',').map((d) => resolve(d));
const PAGES = (opt('pages') ?? 'enum/,./,scratch/').split(',');
for (const dist of DISTS) if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}: no index.html (./x build first)`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Performance.enable');
    await page.addInitScript(() => {
      globalThis.pyplayLongTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) globalThis.pyplayLongTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url);
    await page.waitForTimeout(10_000);
    const [tasks, fcp, elements] = await page.evaluate(() => [
      globalThis.pyplayLongTasks,
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
      document.getElementsByTagName('*').length,
    ]);
    const after = tasks.filter(([start]) => start >= fcp).map(([, d]) => d);
    const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    return {
      tbt: after.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      longest: Math.max(0, ...after),
      task: m.TaskDuration * 1000,
      script: m.ScriptDuration * 1000,
      layout: m.LayoutDuration * 1000,
      elements,
    };
  } finally {
    await context.close();
  }
}

const servers = await Promise.all(DISTS.map((root) => startServer({ root: `${root}/` })));
const browser = await launch();
const samples = new Map();
try {
  for (let run = 0; run < RUNS; run++) {
    for (const path of PAGES) {
      const order = run % 2 ? [...DISTS.keys()].reverse() : [...DISTS.keys()];
      for (const i of order) {
        const key = `${path}\t${DISTS[i]}`;
        samples.set(key, [...(samples.get(key) ?? []), await measure(browser, new URL(path, servers[i].url).href)]);
        console.error('[main-thread]', path, DISTS[i], `run ${run + 1}/${RUNS}`, Math.round(samples.get(key).at(-1).tbt), 'ms TBT');
      }
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}

console.log(`Main thread, 4× CPU, 412×823, 10 s from navigation, median of ${RUNS}`);
console.log('| page | build | TBT | longest task | task | script | layout | elements |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const [key, runs] of samples) {
  const [path, dist] = key.split('\t');
  const m = (k) => Math.round(median(runs.map((r) => r[k])));
  console.log(`| ${path} | ${dist} | ${m('tbt')} ms | ${m('longest')} ms | ${m('task')} ms | ${m('script')} ms | ${m('layout')} ms | ${m('elements')} |`);
}
