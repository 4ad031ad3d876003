// Embeds on someone else's page: a "blog post" from another origin (another
// port, and localhost vs 127.0.0.1 so it is another site too) with a strict
// CSP, two topic embeds and a <pre data-pyplay>, all through embed.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, runCode, setCode, editorText, ARTIFACTS, controlledByServiceWorker } from '../support/browser.mjs';
import { startServer } from '../support/serve.mjs';
import { startBlog } from '../support/blog.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
let browser;
let site;
let blog;

before(async () => {
  site = await startServer({ root: DIST });
  blog = await startBlog(site.url, `<p>Try it:</p>
<div data-pyplay-topic="enum" data-pyplay-snippet="basics"></div>
<p>And the counter:</p>
<div data-pyplay-topic="collections" data-pyplay-snippet="counter"></div>
<p>${'Some long prose. '.repeat(400)}</p>
<pre data-pyplay>
print("hi from the blog")
</pre>`);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await blog?.close();
});

const heightOf = (frame) => frame.evaluate((el) => el.getBoundingClientRect().height);

/** Waits until the snippet in an embed has finished its latest run. */
async function finishedIn(frame, id, previous) {
  const box = frame.locator(`[data-snippet="${id}"]`);
  await frame.locator(`[data-snippet="${id}"][data-phase="finished"]`).waitFor({ timeout: 120_000 });
  if (previous !== undefined) assert.notEqual(await box.getAttribute('data-run'), previous);
  return box;
}

test('a blog post on another origin with a strict CSP: embeds load lazily, run, size themselves', async () => {
  const { page, errors } = await openPage(browser, `${blog.url}post.html`);
  const wasmFrom = [];
  page.on('request', (req) => {
    if (req.url().endsWith('worker_bg.wasm')) {
      let from;
      try { from = req.frame().url(); } catch { from = 'no frame'; }
      wasmFrom.push(from);
    }
  });
  const iframes = page.locator('iframe.pyplay-embed');
  await iframes.nth(2).waitFor({ state: 'attached' });
  assert.equal(await iframes.count(), 3);
  for (let i = 0; i < 3; i++) {
    const frame = iframes.nth(i);
    assert.equal(await frame.getAttribute('sandbox'), SANDBOX);
    assert.equal(await frame.getAttribute('loading'), 'lazy');
    assert.ok((await frame.getAttribute('title')).length > 0);
  }
  // The <pre> is far below the fold: not loaded until scrolled to.
  assert.equal(await iframes.nth(2).getAttribute('src'), null);

  const first = page.frameLocator('iframe.pyplay-embed >> nth=0');
  const second = page.frameLocator('iframe.pyplay-embed >> nth=1');
  await first.locator('.embed[data-engine="idle"]').waitFor();
  await second.locator('.embed[data-engine="idle"]').waitFor();
  assert.equal(await first.locator('.topbar, .sidebar').count(), 0, 'no app chrome in an embed');
  // The whole snippet shows: the editor does not scroll inside the iframe.
  await page.waitForTimeout(300);
  assert.ok(await first.locator('.cm-scroller').evaluate((el) => el.scrollHeight <= el.clientHeight + 1), 'editor not clipped');

  // Run in the first embed; its iframe grows with the output.
  const box = first.locator('[data-snippet="enum-basics"]');
  await setCode(box, 'for i in range(15):\n    print("line", i)');
  await page.waitForTimeout(300);
  const before1 = await heightOf(iframes.nth(0));
  const previous = await box.getAttribute('data-run');
  await box.getByRole('button', { name: 'Run' }).click();
  await finishedIn(first, 'enum-basics', previous);
  assert.match(await box.locator('.output .stream').textContent(), /^line 0\n[\s\S]*line 14\n$/);
  await page.waitForFunction((h) => document.querySelectorAll('iframe.pyplay-embed')[0].getBoundingClientRect().height > h + 150, before1);
  const inner = await first.locator('.embed').evaluate((el) => el.getBoundingClientRect().height);
  const outer = await heightOf(iframes.nth(0));
  assert.ok(Math.abs(outer - Math.ceil(inner)) <= 1, `iframe ${outer}px fits its content ${inner}px`);
  const scroll = await first.locator('html').evaluate((el) => [el.scrollHeight, el.clientHeight]);
  assert.ok(scroll[0] <= scroll[1], `no inner scrolling: ${scroll}`);

  // The second embed has not started Python, and fetched no interpreter.
  assert.equal(await second.locator('.embed').getAttribute('data-engine'), 'idle');
  assert.ok(wasmFrom.length >= 1, 'the first embed loaded the interpreter');
  assert.ok(!wasmFrom.some((u) => u.includes('collections')), `wasm requested by: ${wasmFrom}`);

  // Then it runs too, when asked.
  const counter = second.locator('[data-snippet="collections-counter"]');
  const prev2 = await runCode(counter, 'from collections import Counter\nprint(Counter("hello").most_common(1))');
  await finishedIn(second, 'collections-counter', prev2);
  assert.equal(await counter.locator('.output .stream').textContent(), "[('l', 2)]\n");

  // The <pre> embed: its code, shown, run only on click.
  await iframes.nth(2).scrollIntoViewIfNeeded();
  const third = page.frameLocator('iframe.pyplay-embed >> nth=2');
  const code = third.locator('[data-snippet="code-embed"]');
  await code.locator('.cm-editor').waitFor();
  assert.equal(await editorText(code), 'print("hi from the blog")');
  assert.equal(await third.locator('.embed').getAttribute('data-engine'), 'idle');
  await code.getByRole('button', { name: 'Run' }).click();
  await finishedIn(third, 'code-embed');
  assert.equal(await code.locator('.output .stream').textContent(), 'hi from the blog\n');

  // Fake height messages: from the host page itself, and from another of
  // our embeds naming the first one's id. Both are ignored.
  const id = await iframes.nth(0).getAttribute('data-pyplay-id');
  const settled = await heightOf(iframes.nth(0));
  await page.evaluate((id) => window.postMessage({ pyplay: 1, type: 'height', id, height: 5 }, '*'), id);
  await second.locator('html').evaluate((_, id) => parent.postMessage({ pyplay: 1, type: 'height', id, height: 7 }, '*'), id);
  await page.waitForTimeout(500);
  assert.equal(await heightOf(iframes.nth(0)), settled);

  // "Open in playground": the full page, absolute, in a new tab.
  const open = first.locator('a.open');
  assert.equal(await open.getAttribute('href'), `${site.url}enum/#basics`);
  assert.equal(await open.getAttribute('target'), '_blank');
  assert.equal(await open.getAttribute('rel'), 'noopener');
  const [popup] = await Promise.all([page.context().waitForEvent('page'), open.click()]);
  await popup.waitForURL(`${site.url}enum/#basics`);
  await popup.locator('.layout').waitFor();
  await popup.close();

  await page.screenshot({ path: `${ARTIFACTS}embed-blog.png`, fullPage: true });
  const unexpected = errors.filter((e) => !/favicon/.test(String(e)));
  assert.deepEqual(unexpected, []);
});

test('embed options: theme, read-only, click to run, editor height; nothing runs on load', async () => {
  const { page, errors } = await openPage(
    browser,
    `${site.url}?embed#/enum/members?theme=dark&readonly=1&output=click&height=120`,
  );
  const box = page.locator('[data-snippet="enum-members"]');
  await box.locator('.cm-editor').waitFor();
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  assert.equal(await box.locator('.cm-content').getAttribute('aria-readonly'), 'true');
  assert.equal(Math.round(await box.locator('.cm-editor').evaluate((el) => el.getBoundingClientRect().height)), 120);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.embed').getAttribute('data-engine'), 'idle');
  assert.equal(await box.getAttribute('data-phase'), 'idle');
  await box.getByRole('button', { name: /Run to see the output/ }).click();
  await page.locator('[data-snippet="enum-members"][data-phase="finished"]').waitFor({ timeout: 120_000 });
  assert.ok((await box.locator('.output .stream').textContent()).length > 0);
  assert.equal(await box.locator('.click-to-run').count(), 0);
  // Embeds keep no edits: nothing of the reader's in storage.
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pyplay:')).length), 0);
  assert.deepEqual(errors, []);
});

test('the app offers Embed on topics and snippets; embed.js is in the build and precached', async () => {
  const { page, errors } = await openPage(browser, `${site.url}#/enum`);
  const basics = page.locator('[data-snippet="enum-basics"]');
  await basics.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this snippet' });
  const script = await dialog.locator('textarea[data-kind="script"]').inputValue();
  assert.equal(script, `<div data-pyplay-topic="enum" data-pyplay-snippet="basics"></div>\n<script src="${site.url}embed.js" async></script>`);
  const iframe = await dialog.locator('textarea[data-kind="iframe"]').inputValue();
  assert.ok(iframe.includes(`src="${site.url}?embed#/enum/basics"`), iframe);
  assert.ok(iframe.includes(`sandbox="${SANDBOX}"`));
  assert.equal(await dialog.getByRole('button', { name: /^Copy / }).count(), 2);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Embed this topic' }).click();
  const topic = page.getByRole('dialog', { name: 'Embed this topic' });
  assert.match(await topic.locator('textarea[data-kind="iframe"]').inputValue(), /\?embed#\/enum"/);
  await topic.getByRole('button', { name: 'Close' }).click();
  assert.deepEqual(errors, []);

  assert.match(readFileSync(join(DIST, 'embed.js'), 'utf8'), /version: VERSION/);
  assert.match(readFileSync(join(DIST, 'sw.js'), 'utf8'), /"url":"embed\.js"/);
});

test('an embed works offline once the service worker it registered has cached the site', async () => {
  const own = await startServer({ root: DIST });
  const { page } = await openPage(browser, `${own.url}?embed#/enum/basics`);
  const box = page.locator('[data-snippet="enum-basics"]');
  const done = page.locator('[data-snippet="enum-basics"][data-phase="finished"]');
  await box.getByRole('button', { name: 'Run' }).click();
  await done.waitFor({ timeout: 120_000 });
  // Registered once Python is ready, as in the app; the first install claims the page.
  await controlledByServiceWorker(page);
  await own.close();
  await page.reload();
  await box.getByRole('button', { name: 'Run' }).click();
  await done.waitFor({ timeout: 120_000 });
  assert.equal(await box.locator('.output .stream').textContent(), 'RED 1\nGREEN 2\nBLUE 3\nTrue\nColor.RED\n');
  await page.context().close();
});
