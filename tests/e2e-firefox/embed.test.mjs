// The Firefox smoke suite, part 3: an embed on someone else's page. A "blog
// post" from another origin (another port, and localhost vs 127.0.0.1, so
// another site too) with a strict CSP, a topic embed and a <pre data-pyplay>,
// both through embed.js, as tests/e2e/embed.test.mjs does in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchFirefox, openPage, frameOf, finished, runCode, clickRun, textOf, countOf, attributeOf, editorText, DIST, ARTIFACTS,
} from '../support/firefox.mjs';
import { startServer } from '../support/serve.mjs';
import { startBlog } from '../support/blog.mjs';

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
let browser;
let site;
let blog;

before(async () => {
  site = await startServer({ root: DIST });
  blog = await startBlog(site.url, `<div data-pyplay-topic="enum" data-pyplay-snippet="basics"></div>
<pre data-pyplay>
print("hi from the blog")
</pre>`);
  browser = await launchFirefox();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await blog?.close();
});

/**
 * Waits until `fn(arg)` is truthy in the blog page. Not waitForFunction:
 * puppeteer builds that function with eval, which the post's strict CSP refuses.
 */
async function poll(page, fn, arg, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${fn}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

test('a blog post on another origin with a strict CSP: embeds load, run, size themselves', async () => {
  const { page, context, errors } = await openPage(browser, `${blog.url}post.html`);
  try {
    await poll(page, () => document.querySelectorAll('iframe.pyplay-embed').length === 2);
    for (const n of [0, 1]) {
      const attrs = await page.evaluate((i) => {
        const el = document.querySelectorAll('iframe.pyplay-embed')[i];
        return { sandbox: el.getAttribute('sandbox'), title: el.getAttribute('title') };
      }, n);
      assert.equal(attrs.sandbox, SANDBOX);
      assert.ok(attrs.title.length > 0);
    }
    // Loaded as they come near the viewport: the first one at once.
    await poll(page, () => document.querySelector('iframe.pyplay-embed').src);
    const iframes = await page.$$('iframe.pyplay-embed');
    const first = await frameOf(iframes[0]);
    await first.waitForSelector('.embed[data-engine="idle"]', { timeout: 60_000 });
    assert.equal(await countOf(first, '.topbar, .sidebar'), 0, 'no app chrome in an embed');

    // Run the topic embed, edited; its iframe grows with the output.
    const box = '[data-snippet="enum-basics"]';
    const heightOf = () => iframes[0].evaluate((el) => el.getBoundingClientRect().height);
    const before1 = await heightOf();
    const previous = await runCode(page, first, box, 'for i in range(15):\n    print("line", i)');
    await finished(first, box, previous, 120_000);
    assert.match(await textOf(first, `${box} .output .stream`), /^line 0\n(line \d+\n){13}line 14\n$/);
    // It grows (by less than in Chromium: Firefox lays the output out tighter); what matters is that it fits.
    await poll(page, (h) => document.querySelector('iframe.pyplay-embed').getBoundingClientRect().height > h, before1);
    // Settled: the iframe fits its content, with no scrolling inside.
    await first.waitForFunction(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight, { timeout: 10_000 });
    const inner = await first.evaluate(() => document.querySelector('.embed').getBoundingClientRect().height);
    const outer = await heightOf();
    assert.ok(Math.abs(outer - Math.ceil(inner)) <= 1, `iframe ${outer}px fits its content ${inner}px`);

    // The <pre> embed: its code shown, run only on click.
    await iframes[1].evaluate((el) => el.scrollIntoView());
    await poll(page, () => document.querySelectorAll('iframe.pyplay-embed')[1].src);
    const second = await frameOf(iframes[1]);
    const code = '[data-snippet="code-embed"]';
    await second.waitForSelector(`${code} .cm-editor`, { timeout: 60_000 });
    assert.equal(await editorText(second, code), 'print("hi from the blog")');
    assert.equal(await attributeOf(second, code, 'data-phase'), 'idle');
    const prev2 = await clickRun(second, code);
    await finished(second, code, prev2, 120_000);
    assert.equal(await textOf(second, `${code} .output .stream`), 'hi from the blog\n');

    // "Open in playground" points at the full page on the playground's own origin.
    assert.equal(await attributeOf(first, 'a.open', 'href'), `${site.url}enum/#basics`);
    await page.screenshot({ path: `${ARTIFACTS}firefox-embed-blog.png`, fullPage: true });
    assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), []);
  } finally {
    await context.close();
  }
});
