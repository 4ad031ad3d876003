// Navigation and look: search, the scratchpad, share links, themes, the
// phone layout, and an axe-core accessibility check in light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ARTIFACTS, appTookOver, openPage, snippet, finished, useDistInChromium, runCode, setCode, editorText, seriousAxeViolations, firstInput,
} from '../support/browser.mjs';

const site = useDistInChromium({ before, after });

/** A context that may use the clipboard, with page errors collected. */
async function clipboardPage(url, options = {}) {
  const context = await site.browser.newContext(options);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err));
  await page.goto(url);
  await firstInput(page);
  return { page, context, errors };
}

const ready = (page) =>
  page.getByTestId('engine-status').filter({ hasText: 'Python ready' }).waitFor({ timeout: 60_000 });

test('search finds a topic by a word only its prose has; / focuses, Enter opens', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/enum`);
  await snippet(page, 'enum', 'basics').locator('.cm-editor').waitFor();
  await page.locator('h1').click();
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search the lessons' });
  assert.ok(await box.evaluate((el) => el === document.activeElement), '/ focuses the search box');
  // "acknowledging" is in no title and no code: only the TCP and UDP prose.
  await page.keyboard.type('acknowledging');
  const results = page.locator('#search-results a');
  await results.first().waitFor();
  assert.equal(await results.count(), 1);
  assert.match(await results.first().textContent(), /acknowledging/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.pathname.endsWith('/tcp-and-udp/'));
  await page.getByRole('heading', { level: 1, name: /TCP/ }).waitFor();
  await page.locator('#search-results').waitFor({ state: 'hidden', timeout: 2000 });

  // Arrow keys move through the results; Enter follows the focused one; Esc closes.
  await box.fill('');
  await page.keyboard.press('/');
  await box.pressSequentially('heapq');
  await results.nth(1).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = await results.nth(1).getAttribute('href');
  assert.ok(await results.nth(1).evaluate((el) => el === document.activeElement));
  await page.keyboard.press('Escape');
  await page.locator('#search-results').waitFor({ state: 'hidden', timeout: 2000 });
  assert.ok(await box.evaluate((el) => el === document.activeElement), 'Esc returns to the box');
  // The first ArrowDown reopens the list, the next ones walk it.
  await page.keyboard.press('ArrowDown');
  await results.first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction((href) => location.href === new URL(href, document.baseURI).href, second);

  // "/" typed in the code editor is code, not a shortcut.
  await page.goto(`${site.url}#/enum`);
  const content = snippet(page, 'enum', 'basics').locator('.cm-content');
  await content.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('/');
  assert.match(await editorText(snippet(page, 'enum', 'basics')), /\/$/);
  assert.equal(await box.evaluate((el) => el === document.activeElement), false);
  assert.deepEqual(errors, []);
});

test('the search index is fetched at the first search, and a failed fetch says so and is retried', async () => {
  // No service worker: its precache would answer instead of the routed network.
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => { if (r.url().endsWith('/search-index.bin')) fetched.push(r.url()); });
  let refuse = true;
  await page.route('**/search-index.bin', (route) => (refuse ? route.fulfill({ status: 503, body: '' }) : route.continue()));
  await page.goto(`${site.url}enum/`);
  await firstInput(page);
  await appTookOver(page);
  assert.deepEqual(fetched, [], 'reading a lesson does not fetch the index');
  const box = page.getByRole('searchbox');
  await box.fill('heapq');
  const note = page.locator('#search-results .search-empty');
  await note.filter({ hasText: 'Search could not load its index' }).waitFor();
  // At least one: a second user of the index may ask again once the first
  // fetch has failed (a 503 here comes at once), which CI has seen.
  const failed = fetched.length;
  assert.ok(failed >= 1, 'the first search fetched the index');
  refuse = false;
  await box.pressSequentially(' sorted');
  await page.locator('#search-results a').first().waitFor();
  assert.ok(fetched.length > failed, 'typing again retried');
  assert.equal(new URL(fetched.at(-1)).pathname, new URL('search-index.bin', site.url).pathname, 'from the site root');
  await context.close();
});

test('the results page is deep-linkable', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/search?q=heap`);
  await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
  const count = page.locator('.search-page .search-count');
  await count.filter({ hasText: 'for “heap”' }).waitFor();
  assert.match(await count.textContent(), /\d+ results? for “heap”/);
  const links = page.locator('.search-list a');
  assert.ok((await links.count()) >= 2);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.some((h) => h.startsWith('sorting-and-heapq/')), hrefs.join(' '));
  assert.deepEqual(errors, []);
});

test('a share link shows the code, marked edited, and never runs it', async () => {
  const code = 'print("shared", 6 * 7)  # ünïcode ✓\n';
  const sender = await clipboardPage(`${site.url}#/enum/basics`);
  const box = snippet(sender.page, 'enum', 'basics');
  await setCode(box, code);
  await box.getByRole('button', { name: 'Share' }).click();
  await box.locator('.copy-status').filter({ hasText: 'Link copied' }).waitFor();
  const link = await sender.page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /\/enum\/#basics\?code=[A-Za-z0-9_-]+$/);
  await sender.context.close();

  // The reader has an edit of their own in this snippet.
  const reader = await clipboardPage(`${site.url}#/enum/basics`);
  const mine = snippet(reader.page, 'enum', 'basics');
  await setCode(mine, 'print("mine")');
  await reader.page.goto(link);
  await reader.page.reload();
  await firstInput(reader.page);
  const shared = snippet(reader.page, 'enum', 'basics');
  await shared.locator('.cm-editor').waitFor();
  assert.equal(await editorText(shared), code);
  assert.equal(await shared.getAttribute('data-edited'), 'true');
  assert.ok(await shared.getByRole('button', { name: 'Reset' }).isVisible());
  assert.match(await shared.locator('.shared-note').textContent(), /not run/);
  await ready(reader.page);
  await reader.page.waitForTimeout(1000);
  assert.equal(await shared.getAttribute('data-phase'), 'idle');
  assert.equal(await shared.getAttribute('data-run'), null);
  assert.equal(await shared.locator('.output').textContent(), '');
  // Their own edit was not overwritten.
  assert.equal(await reader.page.evaluate(() => localStorage.getItem('pyplay:v1:code:enum/basics')), 'print("mine")');
  await shared.getByRole('button', { name: 'Show my version' }).click();
  assert.equal(await editorText(shared), 'print("mine")');

  // The scratchpad opens its links too; a damaged one says so, without a crash.
  await reader.page.goto(`${site.url}#/scratch?code=${link.split('code=')[1]}`);
  await reader.page.reload();
  assert.equal(await editorText(snippet(reader.page, 'scratch', 'main')), code);
  await reader.page.goto(`${site.url}#/scratch?code=abc!!`);
  await reader.page.reload();
  await reader.page.getByRole('alert').filter({ hasText: 'share link is damaged' }).waitFor();
  assert.deepEqual(reader.errors, []);
  await reader.context.close();
});

test('the scratchpad keeps its code across a reload, and runs it', async () => {
  const { page, errors, context } = await openPage(site.browser, `${site.url}#/`);
  // The app's link, not the built page's (that one loads the built scratchpad).
  await appTookOver(page);
  await page.getByRole('link', { name: 'Scratchpad' }).click();
  await page.getByRole('heading', { level: 1, name: 'Scratchpad' }).waitFor();
  const box = snippet(page, 'scratch', 'main');
  await setCode(box, 'print(sum(range(10)))');
  await page.reload();
  await firstInput(page);
  assert.equal(await editorText(box), 'print(sum(range(10)))');
  assert.equal(await page.evaluate(() => localStorage.getItem('pyplay:v1:code:scratch/main')), 'print(sum(range(10)))');
  await box.getByRole('button', { name: /^(Run|Loading Python…)$/ }).click();
  await finished(page, 'scratch', 'main');
  assert.equal(await box.locator('.output .stream').textContent(), '45\n');
  const previous = await runCode(box, 'while True: pass');
  await box.getByRole('button', { name: 'Stop' }).click();
  await finished(page, 'scratch', 'main', previous);
  assert.match(await box.locator('.output').textContent(), /Stopped/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the theme toggle overrides the system and is remembered', async () => {
  const context = await site.browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${site.url}#/enum`);
  const select = page.getByRole('combobox', { name: 'Colour theme' });
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null);
  await select.selectOption('dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const dark = await bg();
  assert.notEqual(dark, light);
  await page.reload();
  await firstInput(page);
  // Set by theme.js before the app starts: no flash of light.
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await bg(), dark);
  await select.waitFor();
  assert.equal(await select.inputValue(), 'dark');
  await select.selectOption('auto');
  assert.equal(await page.evaluate(() => localStorage.getItem('pyplay:v1:theme')), null);
  assert.equal(await bg(), light);
  await context.close();
});

test('on a phone the sidebar hides behind the Menu button', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${site.url}#/enum`);
  const menu = page.getByRole('button', { name: 'Menu' });
  const nav = page.getByRole('navigation', { name: 'Topics' });
  // The built page lists the topics after the lesson; the app tucks them away.
  await appTookOver(page);
  assert.equal(await nav.isVisible(), false);
  assert.equal(await nav.locator('a').count(), 0, 'the hidden list is not drawn: a smaller first render');
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  assert.ok(await nav.isVisible());
  await page.screenshot({ path: `${ARTIFACTS}phone-menu.png` });
  await nav.getByRole('link', { name: 'Collections' }).click();
  await page.waitForFunction(() => location.pathname.endsWith('/collections/'));
  assert.equal(await nav.isVisible(), false, 'following a link closes the menu');
  // Nothing is wider than the screen.
  assert.ok(await page.evaluate(() => document.querySelector('.content').getBoundingClientRect().right <= innerWidth + 1));
  await page.screenshot({ path: `${ARTIFACTS}phone-topic.png` });
  // A screen wide enough for the sidebar draws it.
  await page.setViewportSize({ width: 1280, height: 844 });
  await nav.getByRole('link', { name: 'Collections' }).waitFor();
  await context.close();
});

for (const theme of ['light', 'dark']) {
  test(`axe finds nothing serious on a topic, the scratchpad and search results (${theme})`, async () => {
    const context = await site.browser.newContext({ colorScheme: theme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pages = [['topic', '#/enum'], ['scratch', '#/scratch'], ['search', '#/search?q=heap']];
    for (const [name, hash] of pages) {
      await page.goto(`${site.url}${hash}`);
      await page.locator('h1').waitFor();
      await ready(page);
      if (name === 'topic') {
        await snippet(page, 'enum', 'basics').getByRole('button', { name: 'Run' }).click();
        await finished(page, 'enum', 'basics');
        await page.screenshot({ path: `${ARTIFACTS}topic-${theme}.png` });
      }
      if (name === 'search') {
        // The dropdown too, open.
        await page.getByRole('searchbox').fill('generator');
        await page.locator('#search-results a').first().waitFor();
      }
      const violations = await seriousAxeViolations(page);
      assert.deepEqual(violations, [], `${name} in ${theme}`);
    }
    await context.close();
  });
}
