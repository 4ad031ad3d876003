// Many embeds on one blog post share one interpreter (crates/app/src/shared.rs):
// a blog page on another origin and site, with a strict CSP, through embed.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, setCode, ARTIFACTS } from '../support/browser.mjs';
import { startServer } from '../support/serve.mjs';
import { startBlog } from '../support/blog.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const N = 12;
let browser;
let site;
const blogs = [];

/** A blog post with `body`, closed after the tests. */
async function blog(body) {
  const b = await startBlog(site.url, body);
  blogs.push(b);
  return b;
}

const pre = (code, attrs = '') => `<pre data-pyplay${attrs}>\n${code}\n</pre>`;

before(async () => {
  site = await startServer({ root: DIST });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
  for (const b of blogs) await b.close();
});

/** Counts the page's requests for the worker's loader: one per worker started. */
function countWorkers(page) {
  const counter = { workers: 0 };
  page.on('request', (req) => {
    if (req.url().endsWith('/worker_loader.js')) counter.workers += 1;
  });
  return counter;
}

/** Scrolls each embed into view (they load lazily) and waits until its app is up. */
async function loadAll(page, n) {
  const frames = [];
  for (let i = 0; i < n; i++) {
    await page.locator('iframe.pyplay-embed').nth(i).scrollIntoViewIfNeeded();
    const frame = page.frameLocator(`iframe.pyplay-embed >> nth=${i}`);
    await frame.locator('.embed[data-engine="idle"] .cm-editor').waitFor({ timeout: 60_000 });
    frames.push(frame);
  }
  return frames;
}

/** Waits until the snippet `box` is in `phase` with a run other than `previous`. */
async function phaseIn(box, phase, previous = null, timeout = 120_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const [now, run] = [await box.getAttribute('data-phase'), await box.getAttribute('data-run')];
    if (now === phase && run !== previous) return;
    if (Date.now() > deadline) throw new Error(`not ${phase}: ${now}, run ${run}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

const finishedIn = (box, previous) => phaseIn(box, 'finished', previous);

test(`${N} embeds on a strict-CSP blog post share one interpreter; each shows only its own output and fits it`, async () => {
  const body = Array.from({ length: N }, (_, i) => `<p>Embed ${i}:</p>\n${pre(`for k in range(${i + 1}):\n    print("embed ${i} line", k)`)}`).join('\n');
  const b = await blog(body);
  const { page, errors } = await openPage(browser, `${b.url}post.html`);
  const started = countWorkers(page);
  const frames = await loadAll(page, N);
  for (const frame of frames) assert.equal(await frame.locator('.embed').getAttribute('data-python'), 'shared');

  // Run all of them: the host takes them in turns, and each output goes to
  // its own embed.
  const boxes = frames.map((f) => f.locator('[data-snippet="code-embed"]'));
  // Clicked in the DOM, one after another, each before the earlier runs are
  // done (the iframes keep growing meanwhile, so no pointer click).
  for (const box of boxes) await box.locator('button.run').evaluate((button) => button.click());
  for (let i = 0; i < N; i++) {
    await finishedIn(boxes[i], null);
    const want = Array.from({ length: i + 1 }, (_, k) => `embed ${i} line ${k}\n`).join('');
    assert.equal(await boxes[i].locator('.output .stream').textContent(), want, `embed ${i}`);
    assert.equal(await boxes[i].locator('.output .notice').count(), 0, `embed ${i}: no notice`);
  }
  assert.equal(started.workers, 1, 'one Python worker for the whole page');

  // Each iframe grows to fit its content (Chromium lays out an offscreen
  // cross-site iframe only when it comes into view).
  for (let i = 0; i < N; i++) {
    const iframe = page.locator('iframe.pyplay-embed').nth(i);
    await iframe.scrollIntoViewIfNeeded();
    let outer;
    let inner;
    for (let tries = 0; tries < 50; tries++) {
      outer = await iframe.evaluate((el) => el.getBoundingClientRect().height);
      inner = await frames[i].locator('.embed').evaluate((el) => el.getBoundingClientRect().height);
      if (Math.abs(outer - Math.ceil(inner)) <= 1) break;
      await page.waitForTimeout(100);
    }
    assert.ok(Math.abs(outer - Math.ceil(inner)) <= 1, `embed ${i}: iframe ${outer}px fits its content ${inner}px`);
  }
  await page.screenshot({ path: `${ARTIFACTS}embed-shared-12.png`, fullPage: true });
  assert.deepEqual(errors.filter((e) => !/favicon/.test(String(e))), []);
  await page.context().close();
});

test('Stop in one embed ends only its run: the other embed\'s waiting run gets its result', async () => {
  const b = await blog(`${pre('print("A")')}\n${pre('print("B")')}`);
  const { page, errors } = await openPage(browser, `${b.url}post.html`);
  const started = countWorkers(page);
  const [a, bFrame] = await loadAll(page, 2);
  const boxA = a.locator('[data-snippet="code-embed"]');
  const boxB = bFrame.locator('[data-snippet="code-embed"]');
  await setCode(boxA, 'while True:\n    pass');
  await boxA.getByRole('button', { name: 'Run' }).click();
  await phaseIn(boxA, 'running');
  // B's run waits behind A's endless loop on the one interpreter.
  await setCode(boxB, 'print("B done", sum(range(10)))');
  await boxB.getByRole('button', { name: 'Run' }).click();
  await page.waitForTimeout(1000);
  assert.notEqual(await boxB.getAttribute('data-phase'), 'finished', 'B waits for A');
  await boxA.getByRole('button', { name: 'Stop' }).click();
  await finishedIn(boxA, null);
  assert.equal(await boxA.locator('.output .notice').textContent(), 'Stopped.');
  await finishedIn(boxB, null);
  assert.equal(await boxB.locator('.output .stream').textContent(), 'B done 45\n');
  assert.equal(await boxB.locator('.output .notice').count(), 0, 'B\'s run was not cut');
  assert.equal(started.workers, 2, 'Stop replaced the one interpreter');
  // A runs again, on the replacement.
  const previous = await boxA.getAttribute('data-run');
  await setCode(boxA, 'print("A again")');
  await boxA.getByRole('button', { name: 'Run' }).click();
  await finishedIn(boxA, previous);
  assert.equal(await boxA.locator('.output .stream').textContent(), 'A again\n');
  assert.deepEqual(errors.filter((e) => !/favicon/.test(String(e))), []);
  await page.context().close();
});

test('input() in two embeds in turn, through the one interpreter and the service worker', async () => {
  const b = await blog(`${pre('print(input("A? "))')}\n${pre('print(input("B? ").upper())')}`);
  // Another origin of the same site: Chromium refuses service workers to
  // third-party iframes, and input() needs one (as it did before sharing).
  const { page, errors } = await openPage(browser, `${b.url.replace('localhost', '127.0.0.1')}post.html`);
  const [a] = await loadAll(page, 1);
  // Registered once Python is ready; the worker must start under its control.
  const box0 = a.locator('[data-snippet="code-embed"]');
  await box0.getByRole('button', { name: 'Run' }).click();
  await finishedIn(box0, null);
  const frame = page.frames().find((f) => f.url().includes('?embed'));
  await frame.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 120_000 });
  await page.reload();
  const frames = await loadAll(page, 2);
  for (const [i, [name, line, want]] of [['A', 'ada', 'A? ada\nada\n'], ['B', 'bob', 'B? bob\nBOB\n']].entries()) {
    const box = frames[i].locator('[data-snippet="code-embed"]');
    await box.getByRole('button', { name: 'Run' }).click();
    const field = box.locator('.output .input-line');
    await field.waitFor({ timeout: 60_000 });
    assert.equal(await box.locator('.output .stream').textContent(), `${name}? `);
    await field.fill(line);
    await field.press('Enter');
    await finishedIn(box, null);
    assert.equal(await box.locator('.output .stream').textContent(), want);
  }
  assert.deepEqual(errors.filter((e) => !/favicon/.test(String(e))), []);
  await page.context().close();
});

test('the fallback, forced (data-pyplay-python="own"): own workers, at most 3 live, the least recently used idle one retired', async () => {
  const own = ' data-pyplay-python="own"';
  const b = await blog([1, 2, 3, 4].map((n) => pre(`print("embed", ${n})`, own)).join('\n'));
  const { page, errors } = await openPage(browser, `${b.url}post.html`);
  const started = countWorkers(page);
  const frames = await loadAll(page, 4);
  const run = async (n) => {
    const box = frames[n - 1].locator('[data-snippet="code-embed"]');
    const previous = await box.getAttribute('data-run');
    await box.getByRole('button', { name: /^(Run|Loading Python…)$/ }).click();
    await finishedIn(box, previous);
    assert.equal(await box.locator('.output .stream').textContent(), `embed ${n}\n`);
    // The pool hears "idle" once the run is over; let it arrive.
    await page.waitForTimeout(300);
  };
  for (const frame of frames) assert.equal(await frame.locator('.embed').getAttribute('data-python'), 'own');
  for (const n of [1, 2, 3]) await run(n);
  assert.equal(started.workers, 3);
  await run(4); // 1 is retired for it
  assert.equal(started.workers, 4);
  await run(1); // back, in place of 2
  assert.equal(started.workers, 5);
  await run(3); // still live
  await run(4);
  assert.equal(started.workers, 5);
  assert.deepEqual(errors.filter((e) => !/favicon/.test(String(e))), []);
  await page.context().close();
});
