// The Firefox smoke suite, part 1: the core of a lesson page in Debian's
// firefox-esr (WebDriver BiDi, puppeteer-core). A run with output, a
// traceback, Stop, the clocks and input() from the stdin box; a topic's
// prose, and the next topic's shown in place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  useDistInFirefox, openPage, snippet, pythonReady, finished, runToEnd, runCode, clickRun, click,
  textOf, textsOf, attributeOf, countOf, waitForText, editorText, setCode,
} from '../support/firefox.mjs';

const site = useDistInFirefox({ before, after });
const BOX = snippet('enum', 'basics');

test('a lesson snippet runs as written, and edited code prints its output', async () => {
  const { page, context, errors } = await openPage(site.browser, `${site.url}#/enum`);
  try {
    await page.waitForSelector(`${BOX} .cm-editor`);
    // The lesson's own code, untouched.
    const previous = await clickRun(page, BOX);
    await finished(page, BOX, previous, 120_000);
    assert.equal(await textOf(page, `${BOX} .output .stream`), 'RED 1\nGREEN 2\nBLUE 3\nTrue\nColor.RED\n');
    await pythonReady(page);
    const run = await runToEnd(page, page, BOX, 'print("hello from Firefox", 6 * 7)\nprint(sum(range(10)))\n');
    assert.equal(run.stream, 'hello from Firefox 42\n45\n');
    assert.equal(run.errorKind, null);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a topic\'s prose comes with it, and the next topic\'s is shown in place', async () => {
  const { page, context, errors } = await openPage(site.browser, `${site.url}enum/`);
  try {
    // The app's page, with the prose it fetched (crates/app/src/lessons.rs).
    await page.waitForSelector('.layout:not(.static) article.topic > .prose p');
    await page.evaluate(() => { window.sameDocument = true; });
    const next = (await textOf(page, '.topic-nav .next')).replace(/ →$/, '');
    await click(page, '.topic-nav .next');
    await page.waitForFunction(
      (title) => document.querySelector('h1')?.textContent === title && document.querySelector('article.topic > .prose p'),
      { polling: 100 },
      next,
    );
    assert.equal(await page.evaluate(() => window.sameDocument), true);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an exception shows its traceback, after the output printed before it', async () => {
  const { page, context, errors } = await openPage(site.browser, `${site.url}#/enum`);
  try {
    const code = 'def f(x):\n    return 1 / x\n\nprint("before")\nf(0)\n';
    const run = await runToEnd(page, page, BOX, code, 120_000);
    assert.equal(run.stream, 'before\n');
    assert.equal(run.errorKind, 'ZeroDivisionError');
    assert.match(run.traceback, /^Traceback \(most recent call last\):\n/);
    assert.match(run.traceback, /File "main\.py", line 5, in <module>/);
    assert.match(run.traceback, /File "main\.py", line 2, in f/);
    assert.match(run.traceback, /ZeroDivisionError: division by zero\n?$/);
    // main.py's frames link to their lines.
    assert.deepEqual(
      await page.evaluate((sel) => [...document.querySelectorAll(`${sel} .traceback .line-link`)].map((b) => b.dataset.line), BOX),
      ['5', '2'],
    );
    assert.equal(await countOf(page, `${BOX} .output .notice`), 0, 'no crash notice');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('Stop ends an infinite loop, keeps the code, and the next run works', async () => {
  const { page, context, errors } = await openPage(site.browser, `${site.url}#/enum`);
  try {
    await pythonReady(page);
    const loop = 'print("start")\nwhile True:\n    pass\n';
    await runCode(page, page, BOX, loop);
    await waitForText(page, `${BOX} button.run`, 'Running…', 30_000);
    await waitForText(page, `${BOX} .output .stream`, 'start');
    const stopped = Date.now();
    await click(page, `${BOX} button.stop`);
    await page.waitForFunction(
      (sel) => document.querySelector(`${sel} button.run`)?.textContent === 'Run' && !document.querySelector(`${sel} button.run`).disabled,
      { timeout: 10_000, polling: 50 },
      BOX,
    );
    console.log(`Firefox stop latency (click to Run usable): ${Date.now() - stopped} ms`);
    assert.equal(await textOf(page, `${BOX} .notice`), 'Stopped.');
    assert.equal(await editorText(page, BOX), loop);
    // The replacement interpreter takes the next run.
    const run = await runToEnd(page, page, BOX, 'print(6 * 7)');
    assert.equal(run.stream, '42\n');
    assert.equal(run.notice, null);
    assert.deepEqual(errors.filter((e) => !e.includes('worker died')), []);
  } finally {
    await context.close();
  }
});

test('the clocks advance: time.sleep waits, monotonic and perf_counter move, time.time is now', async () => {
  const { page, context, errors } = await openPage(site.browser, `${site.url}#/enum`);
  try {
    const code = [
      'import time, datetime',
      't0, p0, n0 = time.monotonic(), time.perf_counter(), time.monotonic_ns()',
      'time.sleep(0.3)',
      'dt, dp = time.monotonic() - t0, time.perf_counter() - p0',
      'print(dt >= 0.3, dp >= 0.3, time.monotonic_ns() > n0)',
      'print(time.time_ns() // 1_000_000_000 - int(time.time()) in (0, 1))',
      'print(datetime.datetime.now().year >= 2026, time.strftime("%Y-%m-%d", time.gmtime(0)))',
      'print(int(time.time()))',
    ].join('\n');
    const startedAt = Date.now() / 1000;
    const run = await runToEnd(page, page, BOX, code, 120_000);
    assert.equal(run.errorKind, null, run.traceback ?? '');
    const lines = run.stream.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['True True True', 'True', 'True 1970-01-01']);
    // Python's wall clock is the browser's.
    const pythonNow = Number(lines[3]);
    assert.ok(Math.abs(pythonNow - startedAt) < 120, `time.time() = ${pythonNow}, test started at ${startedAt}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('input() reads the lines typed in the stdin box, and the output shows them', async () => {
  const { page, context, errors } = await openPage(site.browser, `${site.url}#/enum`);
  try {
    const code = 'name = input("Name? ")\nage = int(input("Age? "))\nprint(f"{name} is {age}")\n';
    // The box appears for code that reads input. Not run empty first: once
    // an earlier test's service worker controls the page (this browser keeps
    // it between tests), input() past the box asks in the output instead of
    // raising EOFError (offline.test.mjs covers that path; Chromium's copy of
    // this test, in a fresh context, covers the EOFError).
    await setCode(page, page, BOX, code);
    const field = await page.waitForSelector(`${BOX} .stdin-box textarea`);
    await field.type('Ada\n36');
    assert.equal(await field.evaluate((el) => el.value), 'Ada\n36');
    const previous = await clickRun(page, BOX);
    await finished(page, BOX, previous);
    assert.equal(await textOf(page, `${BOX} .output .stream`), 'Name? Ada\nAge? 36\nAda is 36\n');
    assert.deepEqual(await textsOf(page, `${BOX} .output .stream .stdin`), ['Ada\n', '36\n']);
    assert.equal(await attributeOf(page, `${BOX} .output .traceback`, 'data-error-kind'), null);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('Visualize steps through aliasing: both names point to one list', async () => {
  const { page, context, errors } = await openPage(site.browser, `${site.url}#/enum`);
  try {
    await pythonReady(page);
    await setCode(page, page, BOX, 'a = [1, 2]\nb = a\nb.append(3)\n');
    await click(page, `${BOX} .toolbar .visualize`);
    const panel = `${BOX} .step-through`;
    await waitForText(page, `${panel} .step-count`, 'Step 1 of 4', 120_000);
    await click(page, `${panel} .step-last`);
    await waitForText(page, `${panel} .step-count`, 'Step 4 of 4');
    const targets = await page.evaluate(
      (sel) => [...document.querySelectorAll(`${sel} table[data-frame="<module>"] .trace-ref`)].map((r) => r.dataset.target),
      panel,
    );
    assert.deepEqual(targets, ['1', '1']);
    assert.deepEqual(await textsOf(page, `${panel} [data-obj="1"] .trace-inline`), ['1', '2', '3']);
    assert.equal(await countOf(page, `${panel} .step-arrows > path`), 2);
    assert.equal(await textOf(page, `${BOX} .cm-pyplay-step`), 'b.append(3)');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
