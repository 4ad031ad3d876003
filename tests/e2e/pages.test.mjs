// The pages written at build time (crates/content/src/bin/pages.rs): every
// topic readable with JavaScript off, its metadata, the sitemap, robots.txt
// and 404 page, the CSP; and the app taking them over: old `#/topic/item`
// links, links followed in place, all from a sub-path, and offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { launch, openPage, snippet, finished, runCode, firstInput, ARTIFACTS, controlledByServiceWorker as controlled } from '../support/browser.mjs';
import { startServer } from '../support/serve.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = new URL('../../dist/', import.meta.url).pathname;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SUB = 'some/sub/';

let browser;
let server;
let site;
let host;

/** Every topic, in reading order: { id, title, summary, snippets: [[id, code]], zh_title, zh_summary }. */
const TOPICS = execFileSync('cargo', ['run', '-q', '--locked', '-p', 'pyplay-content', '--example', 'export', 'topics'], {
  cwd: ROOT, encoding: 'utf8',
}).trim().split('\n').map((line) => JSON.parse(line));

before(async () => {
  // The site from a sub-path, as a static host would serve it.
  host = mkdtempSync(join(tmpdir(), 'pyplay-pages-'));
  cpSync(DIST, join(host, SUB), { recursive: true });
  server = await startServer({ root: host });
  site = `${server.url}${SUB}`;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(host, { recursive: true, force: true });
});

const text = (s) => s.replace(/\s+/g, ' ').trim();
// Before leaving a page: a navigation mid-load would abort the worker's requests.
const ready = (page) => page.getByTestId('engine-status').filter({ hasText: 'Python ready' }).waitFor({ timeout: 60_000 });

test('with JavaScript off, every topic page shows its heading, prose and code', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const topic of TOPICS) {
    const response = await page.goto(`${site}${topic.id}/`);
    assert.equal(response.status(), 200, topic.id);
    assert.equal(await page.locator('h1').textContent(), topic.title, topic.id);
    assert.ok((await page.locator('article.topic .prose').first().textContent()).trim().length > 40, `${topic.id}: prose`);
    const codes = await page.locator('article.topic .lesson-step pre.code').allTextContents();
    assert.deepEqual(codes.map(text), topic.snippets.map(([, code]) => text(code)), `${topic.id}: every snippet's code`);
    assert.equal(await page.locator('.sidebar a[aria-current="page"]').textContent(), topic.title);
  }
  // The Chinese pages: the same code, the Chinese texts, under zh/.
  for (const topic of TOPICS) {
    const response = await page.goto(`${site}zh/${topic.id}/`);
    assert.equal(response.status(), 200, `zh/${topic.id}`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.equal(await page.locator('h1').textContent(), topic.zh_title, `zh/${topic.id}`);
    assert.match(await page.locator('noscript p').textContent(), /运行 Python 需要 JavaScript/);
    const prose = await page.locator('article.topic .prose').first().textContent();
    assert.ok((prose.match(/[\u4e00-\u9fff]/g) ?? []).length > 20, `zh/${topic.id}: Chinese prose`);
    const codes = await page.locator('article.topic .lesson-step pre.code').allTextContents();
    assert.deepEqual(codes.map(text), topic.snippets.map(([, code]) => text(code)), `zh/${topic.id}: the same code`);
    assert.equal(await page.locator('.sidebar a[aria-current="page"]').getAttribute('href'), `zh/${topic.id}/`);
  }
  // The scratchpad is a page too, its starter code in it.
  for (const [path, title] of [['scratch/', 'Scratchpad'], ['zh/scratch/', '草稿本']]) {
    assert.equal((await page.goto(`${site}${path}`)).status(), 200, path);
    assert.equal(await page.locator('h1').textContent(), title, path);
    assert.match(await page.locator('article.scratch pre.code').textContent(), /print\(/, path);
  }
  // The switch is a link to the same page in the other language.
  await page.goto(`${site}zh/${TOPICS[3].id}/`);
  await page.getByRole('link', { name: 'Language / 语言: English' }).click();
  assert.equal(page.url(), `${site}${TOPICS[3].id}/`);
  await page.getByRole('link', { name: 'Language / 语言: 中文' }).click();
  assert.equal(page.url(), `${site}zh/${TOPICS[3].id}/`);
  await page.locator('.topic-nav .next').click();
  assert.equal(page.url(), `${site}zh/${TOPICS[4].id}/`);
  assert.equal(await page.locator('h1').textContent(), TOPICS[4].zh_title);
  // Previous/next links are real URLs under the sub-path.
  await page.goto(`${site}${TOPICS[1].id}/`);
  await page.locator('.topic-nav .next').click();
  assert.equal(page.url(), `${site}${TOPICS[2].id}/`);
  assert.equal(await page.locator('h1').textContent(), TOPICS[2].title);
  await page.locator('.topic-nav .prev').click();
  await page.locator('.topic-nav .prev').click();
  assert.equal(page.url(), `${site}${TOPICS[0].id}/`);
  // The home page: the course map links every topic.
  await page.goto(site);
  assert.equal(await page.locator('.course-map a').count(), TOPICS.length);
  await page.screenshot({ path: `${ARTIFACTS}pages-home-nojs.png` });
  await context.close();
});

test('each page has its title, description, canonical link, social tags, lang and CSP', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const head = () => page.evaluate(() => {
    const meta = (sel) => document.querySelector(sel)?.getAttribute('content');
    return {
      lang: document.documentElement.lang,
      title: document.title,
      description: meta('meta[name="description"]'),
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
      ogTitle: meta('meta[property="og:title"]'),
      ogDescription: meta('meta[property="og:description"]'),
      ogUrl: meta('meta[property="og:url"]'),
      ogImage: meta('meta[property="og:image"]'),
      twitter: meta('meta[name="twitter:card"]'),
      csp: meta('meta[http-equiv="Content-Security-Policy"]'),
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
    };
  });
  // The site URL is a build setting (PYPLAY_SITE_URL); the test reads it back from the sitemap.
  const sitemapResponse = await page.request.get(`${site}sitemap.xml`);
  assert.match(sitemapResponse.headers()['content-type'], /xml/);
  const sitemap = await sitemapResponse.text();
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  const base = locs[0];
  assert.ok(/^https?:\/\/.+\/$/.test(base), base);
  for (const topic of [TOPICS[0], TOPICS.find((t) => t.id === 'enum'), TOPICS.at(-1)]) {
    await page.goto(`${site}${topic.id}/`);
    const got = await head();
    assert.equal(got.lang, 'en');
    assert.equal(got.title, `${topic.title} · Python Playground`);
    assert.equal(got.description, topic.summary);
    assert.equal(got.canonical, `${base}${topic.id}/`);
    assert.deepEqual([got.ogTitle, got.ogDescription, got.ogUrl], [got.title, topic.summary, got.canonical]);
    assert.equal(got.ogImage, `${base}icon-512.png`);
    assert.equal(got.twitter, 'summary');
    assert.match(got.csp, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(got.csp, /unsafe-inline/);
    assert.equal(got.inlineScripts, 0);
    // Its Chinese twin, each naming the other.
    await page.goto(`${site}zh/${topic.id}/`);
    const zh = await head();
    assert.equal(zh.lang, 'zh-CN');
    assert.equal(zh.title, `${topic.zh_title} · Python 练习场`);
    assert.deepEqual([zh.description, zh.canonical, zh.ogUrl], [topic.zh_summary, `${base}zh/${topic.id}/`, `${base}zh/${topic.id}/`]);
    const alternates = await page.evaluate(() => Object.fromEntries(
      [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.getAttribute('href')])));
    assert.deepEqual(alternates, { en: `${base}${topic.id}/`, 'zh-CN': `${base}zh/${topic.id}/`, 'x-default': `${base}${topic.id}/` });
  }
  await page.goto(site);
  const home = await head();
  assert.deepEqual([home.lang, home.title, home.canonical, home.inlineScripts], ['en', 'Python Playground', base, 0]);
  assert.ok(home.description.length > 40 && home.csp);
  // The sitemap: the home page, the scratchpad and every topic, in each language; robots.txt names it.
  const pages = ['', 'scratch/', ...TOPICS.map((t) => `${t.id}/`)];
  assert.deepEqual(locs, pages.flatMap((p) => [`${base}${p}`, `${base}zh/${p}`]));
  const robots = await (await page.request.get(`${site}robots.txt`)).text();
  assert.match(robots, /^User-agent: \*$/m);
  assert.ok(robots.includes(`Sitemap: ${base}sitemap.xml`), robots);
  // The page a host serves for a missing one (at any depth): a link home.
  assert.equal((await page.goto(`${site}no-such-topic/deeper/`)).status(), 404);
  await page.goto(`${site}404.html`);
  assert.equal(await page.locator('a').first().getAttribute('href'), base);
  assert.equal(await page.locator('[lang="zh-CN"] a').getAttribute('href'), `${base}zh/`);
  assert.equal(await page.locator('h1').textContent(), 'Page not found');
  await context.close();
});

test('axe finds nothing serious on a topic page and the home page before the app loads', async () => {
  // Scripts blocked, so the page stays as built; CSP bypassed for axe's own script.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()));
  const page = await context.newPage();
  for (const url of [`${site}enum/`, site]) {
    await page.goto(url);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    assert.deepEqual(violations, [], url);
  }
  await context.close();
});

test('an old #/topic/snippet link lands on that snippet at its page URL', async () => {
  const { page, context, errors } = await openPage(browser, `${site}#/enum/lookup`);
  await page.waitForURL(`${site}enum/#lookup`);
  await page.getByRole('heading', { level: 1, name: 'Enumerations' }).waitFor();
  await snippet(page, 'enum', 'lookup').getByRole('button', { name: /Run|Loading/ }).waitFor();
  await page.waitForFunction(() => {
    const box = document.getElementById('enum-lookup').getBoundingClientRect();
    return box.top >= -1 && box.top < innerHeight;
  });
  await ready(page);
  // The same from a topic page (a share link made there), code and all.
  const code = deflateRawSync('print(42)').toString('base64url');
  await page.goto(`${site}itertools/#/enum/basics?code=${code}`);
  await page.waitForURL(`${site}enum/#basics?code=${code}`);
  await page.getByRole('heading', { level: 1, name: 'Enumerations' }).waitFor();
  await page.locator('[data-snippet="enum-basics"][data-edited="true"]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the app takes a topic page over, follows links in place, and keeps the sub-path', async () => {
  const { page, context, errors } = await openPage(browser, `${site}enum/`);
  await ready(page);
  await page.evaluate(() => { window.sameDocument = true; });
  const next = await page.locator('.topic-nav .next').textContent();
  await page.locator('.topic-nav .next').click();
  const id = TOPICS[TOPICS.findIndex((t) => t.id === 'enum') + 1].id;
  await page.waitForURL(`${site}${id}/`);
  assert.equal(await page.locator('h1').textContent(), next.replace(/ →$/, ''));
  assert.equal(await page.title(), `${await page.locator('h1').textContent()} · Python Playground`);
  // The scratchpad, search, back: all without loading a document.
  await page.getByRole('link', { name: 'Scratchpad' }).click();
  await page.waitForURL(`${site}scratch/`);
  await page.getByRole('searchbox').fill('chain');
  await page.locator('#search-results a').first().click();
  await page.waitForURL((url) => url.href.startsWith(site) && /^[a-z0-9-]+\/$/.test(url.pathname.slice(new URL(site).pathname.length)));
  await page.goBack();
  await page.waitForURL(`${site}scratch/`);
  assert.equal(await page.evaluate(() => window.sameDocument), true);
  // A prose link written `#/topic/item` in the Markdown is a page URL.
  await page.goto(`${site}contextlib/`);
  await firstInput(page);
  await ready(page);
  const link = page.locator('.follow-ups a[href="contextlib/#patched-attributes"]');
  await link.click();
  await page.waitForURL(`${site}contextlib/#patched-attributes`);
  // Run works on a page opened at its real URL.
  const [[first]] = TOPICS.find((t) => t.id === 'contextlib').snippets;
  const box = snippet(page, 'contextlib', first);
  const previous = await runCode(box, 'print("page", 6 * 7)');
  await finished(page, 'contextlib', first, previous);
  assert.equal(await box.locator('.output .stream').textContent(), 'page 42\n');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a topic\'s prose comes from its body file, once per topic and language; a page load where it cannot', async () => {
  // No service worker: its precache would answer instead of the routed network.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err));
  const bodies = [];
  page.on('request', (req) => {
    const name = new URL(req.url()).pathname.split('/lessons/')[1];
    if (name) bodies.push(name.replace(/\.[0-9a-f]{16}\.json$/, ''));
  });
  const intro = () => page.locator('article.topic > .prose').first().innerHTML();
  // The built page's prose, then the app's: the same, from enum's English body.
  await page.goto(`${site}enum/`);
  const built = await intro();
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => /_bg\.wasm$/.test(n) && n.includes('/app-')));
  await firstInput(page);
  await page.locator('.layout:not(.static)').waitFor();
  await ready(page);
  assert.equal(await intro(), built);
  assert.deepEqual(bodies, ['enum.en']);
  // The app's wasm carries the outline, not the prose.
  const inWasm = await page.evaluate(async ([url, needle]) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes).includes(needle);
  }, [wasm ?? `${site}missing.wasm`, built.slice(0, 60)]);
  assert.equal(inWasm, false, 'no prose in the app\'s wasm');
  // In place: the next topic's body first, then its page; back needs none.
  await page.evaluate(() => { window.sameDocument = true; });
  const next = TOPICS[TOPICS.findIndex((t) => t.id === 'enum') + 1].id;
  await page.locator('.topic-nav .next').click();
  await page.waitForURL(`${site}${next}/`);
  assert.notEqual(await intro(), '');
  await page.getByRole('link', { name: '中文' }).click();
  await page.waitForURL(`${site}zh/${next}/`);
  assert.match(await intro(), /[\u4e00-\u9fff]/);
  await page.goBack();
  await page.waitForURL(`${site}${next}/`);
  assert.deepEqual(bodies, ['enum.en', `${next}.en`, `${next}.zh`]);
  assert.equal(await page.evaluate(() => window.sameDocument), true);
  // A body that cannot be fetched: the link loads its page, which holds the prose.
  await context.route('**/lessons/**', (route) => route.abort());
  const after = TOPICS[TOPICS.findIndex((t) => t.id === next) + 1].id;
  await page.locator('.topic-nav .next').click();
  await page.waitForURL(`${site}${after}/`);
  await page.locator('.layout.static').waitFor();
  assert.equal(await page.evaluate(() => window.sameDocument), undefined);
  assert.notEqual(await intro(), '');
  // The app at once (a fragment) without its body: the outline, and a way back to the prose.
  // From another document: from this one, the fragment alone would not load a page.
  await page.goto('about:blank');
  await page.goto(`${site}${after}/#${TOPICS.find((t) => t.id === after).snippets[0][0]}`);
  const alert = page.getByRole('alert').filter({ hasText: 'This lesson\'s text could not be loaded.' });
  await alert.waitFor();
  assert.equal(await page.locator('.lesson-step').count(), TOPICS.find((t) => t.id === after).snippets.length);
  await context.unroute('**/lessons/**');
  await alert.getByRole('button', { name: 'Reload' }).click();
  await page.locator('.layout:not(.static)').waitFor();
  await page.waitForFunction(() => document.querySelector('article.topic > .prose')?.innerHTML.length > 0);
  assert.equal(await alert.count(), 0);
  // Links followed while prose is still coming: the last one wins, and a
  // double click is one history entry.
  const [last, second] = [TOPICS.at(-1).id, TOPICS.at(-2).id];
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/lessons/**', async (route) => { await held; await route.continue(); });
  const entries = await page.evaluate(() => history.length);
  await page.locator(`#sidebar a[href="${last}/"]`).click();
  await page.locator(`#sidebar a[href="${second}/"]`).dblclick();
  const lastArrived = page.waitForResponse((r) => r.url().includes(`/lessons/${last}.en.`));
  release();
  await page.waitForURL(`${site}${second}/`);
  await lastArrived;
  await page.waitForTimeout(300);
  assert.equal(page.url(), `${site}${second}/`);
  assert.equal(await page.evaluate(() => history.length), entries + 1);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Where the lesson's parts are, in page coordinates, down to two screens. */
function lessonLayout(page) {
  return page.evaluate(() => {
    const parts = document.querySelectorAll('article.topic h1, article.topic .prose, .lesson-step h2, .lesson-step .snippet');
    return [...parts]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.top + scrollY < 2 * innerHeight)
      .map(({ el, box }) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(box.left)},${Math.round(box.top + scrollY)} ${Math.round(box.width)}`);
  });
}

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 412, height: 823 }]]) {
  test(`the lesson does not move when the app takes the page over (${name})`, async () => {
    const phone = name === 'phone';
    const options = { viewport, isMobile: phone, hasTouch: phone };
    // Before: the page as built, with the app held back (no wasm arrives).
    const held = await browser.newContext(options);
    await held.route('**/*.wasm', (route) => route.abort());
    const before = await held.newPage();
    await before.goto(`${site}enum/`);
    await before.locator('.layout.static').waitFor();
    await before.screenshot({ path: `${ARTIFACTS}hydration-before-${name}.png` });
    const expected = await lessonLayout(before);
    await held.close();
    // After: the app in charge, every editor up, Python ready.
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await page.goto(`${site}enum/`);
    await firstInput(page);
    await ready(page);
    await page.locator('.lesson-step .cm-editor').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}hydration-after-${name}.png` });
    assert.ok(expected.length >= 4, expected.join('\n'));
    assert.deepEqual(await lessonLayout(page), expected);
    await context.close();
  });
}

test('a reader reads the page as built: the app takes over at the first input, and a click made before is not lost', async () => {
  const phone = { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true };
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err));
  const fetched = [];
  page.on('request', (req) => fetched.push(new URL(req.url()).pathname));
  // Reading: the app's wasm arrives, its worker gets ready, and the page stays as built.
  await page.goto(`${site}enum/`);
  await page.waitForFunction(() => window.pyplayEarlyWorker?.early?.length > 0, null, { timeout: 60_000 });
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.layout.static').count(), 1, 'no input, no take-over');
  assert.ok(fetched.some((p) => /\/app-[0-9a-f]+_bg\.wasm$/.test(p)), 'the app is loaded, ready to take over');
  assert.ok(!fetched.some((p) => p.includes('pyplay-editor')), 'no editor bundle for reading');
  // A tap on Run as built (its click alone; a touch press counts only then):
  // the app takes over and runs that snippet.
  await page.locator('#enum-basics .run').dispatchEvent('click');
  const box = snippet(page, 'enum', 'basics');
  await finished(page, 'enum', 'basics');
  assert.match(await box.locator('.output .stream').textContent(), /^RED 1\nGREEN 2\nBLUE 3\n/);
  await box.locator('.cm-editor').waitFor();
  assert.ok(fetched.some((p) => p.includes('pyplay-editor')), 'the editor bundle, once an editor is due');
  // The menu as built, on a phone: opens once the app has the page.
  const menu = await context.newPage();
  await menu.goto(`${site}enum/`);
  await menu.locator('.menu-toggle').dispatchEvent('click');
  await menu.locator('.layout.nav-open').waitFor();
  assert.equal(await menu.locator('.menu-toggle').getAttribute('aria-expanded'), 'true');
  // Keyboard: focus on a snippet's code as built lands in its editor.
  const keys = await context.newPage();
  await keys.goto(`${site}enum/`);
  await keys.locator('#enum-members pre').focus();
  await keys.waitForFunction(() => document.activeElement?.matches('[data-snippet="enum-members"] .cm-content'), null, { timeout: 60_000 });
  // A fragment, or code the reader saved on this page: the app at once, no input.
  const linked = await context.newPage();
  await linked.goto(`${site}enum/#lookup`);
  await linked.locator('.layout:not(.static)').waitFor({ timeout: 60_000 });
  await linked.evaluate(() => localStorage.setItem('pyplay:v1:code:enum/members', 'print("mine")\n'));
  await linked.goto(`${site}enum/`);
  await linked.locator('[data-snippet="enum-members"][data-edited="true"]').waitFor({ timeout: 60_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

/** Adds an inline script to the page: what the CSP said, and whether it ran. */
function injectInlineScript(page) {
  return page.evaluate(async () => {
    const violation = new Promise((ok) => document.addEventListener('securitypolicyviolation', (e) => ok(e.violatedDirective), { once: true }));
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.head.append(script);
    return { directive: await violation, injected: window.injected === true };
  });
}

test('the CSP refuses an injected inline script, and the app still runs', async () => {
  const { page, context, errors } = await openPage(browser, `${site}enum/`);
  const refused = [];
  page.on('console', (msg) => { if (/Content Security Policy/.test(msg.text())) refused.push(msg.text()); });
  await page.getByTestId('engine-status').filter({ hasText: 'Python ready' }).waitFor({ timeout: 60_000 });
  assert.deepEqual(await injectInlineScript(page), { directive: 'script-src-elem', injected: false });
  const basics = snippet(page, 'enum', 'basics');
  const previous = await runCode(basics, 'print(6 * 7)');
  await finished(page, 'enum', 'basics', previous);
  assert.equal(await basics.locator('.output .stream').textContent(), '42\n');
  // The only console errors are the refusal itself.
  assert.equal(refused.length, 1);
  assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(String(e))), []);
  await context.close();
});

test('offline after one visit: every topic page loads from the cache, and runs', async () => {
  const { page, context, errors } = await openPage(browser, `${site}enum/`);
  await page.getByTestId('engine-status').filter({ hasText: 'Python ready' }).waitFor({ timeout: 60_000 });
  await controlled(page);
  await context.setOffline(true);
  // A page of its own: leaving each one mid-load aborts its requests, which is no failure here.
  const reader = await context.newPage();
  for (const topic of TOPICS) {
    await reader.goto(`${site}${topic.id}/`);
    assert.equal(await reader.locator('h1').first().textContent(), topic.title, topic.id);
  }
  await reader.close();
  const last = TOPICS.at(-1);
  const [first] = last.snippets;
  await page.goto(`${site}${last.id}/#${first[0]}`);
  await ready(page);
  const box = snippet(page, last.id, first[0]);
  const previous = await runCode(box, 'print("offline", 1 + 1)');
  await finished(page, last.id, first[0], previous);
  assert.equal(await box.locator('.output .stream').textContent(), 'offline 2\n');
  await ready(page);
  // The page from the cache keeps its CSP.
  assert.deepEqual(await injectInlineScript(page), { directive: 'script-src-elem', injected: false });
  // A page this build does not have: its 404, from the cache.
  const missing = await page.goto(`${site}no-such-topic/`);
  assert.equal(missing.status(), 404);
  assert.deepEqual(errors.filter((e) => !/no-such-topic|Content Security Policy/.test(String(e))), []);
  await context.close();
});
