// The site in Chinese: the switch on a topic and the scratchpad keeps the
// reader's code, the root page follows the reader's language, search finds
// a topic by Chinese words, error help in both languages, embeds in
// Chinese, axe, and screenshots (light and dark, desktop and phone).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ARTIFACTS, openPage, snippet, finished, useDistInChromium, runCode, setCode, editorText, seriousAxeViolations, firstInput,
} from '../support/browser.mjs';
import { startBlog } from '../support/blog.mjs';

const site = useDistInChromium({ before, after });
const CJK = /[\u4e00-\u9fff]/;
const switchTo = (page, name) => page.getByRole('link', { name: `Language / 语言: ${name}` });

test('the switch on a topic shows it in Chinese and back, keeping the edited code and the place', async () => {
  const { page, errors, context } = await openPage(site.browser, `${site.url}enum/#members`);
  const box = snippet(page, 'enum', 'basics');
  await box.locator('.cm-editor').waitFor();
  const english = await page.locator('h1').textContent();
  await setCode(box, 'print("mine")');
  await switchTo(page, '中文').click();
  await page.waitForFunction(() => location.pathname.endsWith('/zh/enum/'));
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  const chinese = await page.locator('h1').textContent();
  assert.notEqual(chinese, english);
  assert.match(chinese, CJK);
  assert.match(await page.locator('.sidebar h2').first().textContent(), CJK);
  assert.equal(await editorText(box), 'print("mine")', 'the edited code survives the switch');
  assert.match(await page.title(), CJK);
  // Links on the page lead to Chinese pages.
  assert.match(await page.locator('.topic-nav .next').getAttribute('href'), /^zh\//);
  assert.equal(await page.evaluate(() => localStorage.getItem('pyplay:v1:lang')), 'zh');
  // It runs as in English.
  await box.locator('button.run').click();
  await finished(page, 'enum', 'basics');
  assert.equal(await box.locator('.output .stream').textContent(), 'mine\n');

  await switchTo(page, 'English').click();
  await page.waitForFunction(() => location.pathname.endsWith('/enum/') && !location.pathname.includes('/zh/'));
  assert.equal(await page.locator('h1').textContent(), english);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await editorText(box), 'print("mine")');
  // Back returns to the Chinese page.
  await page.goBack();
  await page.waitForFunction(() => location.pathname.endsWith('/zh/enum/'));
  assert.equal(await page.locator('h1').textContent(), chinese);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the root page follows the browser on a first visit, then the reader\'s choice', async () => {
  const context = await site.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  // No input needed: the built root page is not in the reader's language.
  await page.goto(site.url);
  await page.waitForFunction(() => location.pathname.endsWith('/zh/'));
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.match(await page.locator('.course-map h3').first().textContent(), CJK);
  await switchTo(page, 'English').click();
  await page.waitForFunction(() => !location.pathname.includes('/zh/'));
  await page.goto(site.url);
  await firstInput(page);
  await page.locator('.course-map h3').first().waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.ok(!page.url().includes('/zh/'), 'the choice beats the browser');
  await context.close();

  const english = await site.browser.newContext({ locale: 'en-GB' });
  const other = await english.newPage();
  await other.goto(site.url);
  await firstInput(other);
  await other.locator('.course-map h3').first().waitFor();
  assert.equal(await other.locator('html').getAttribute('lang'), 'en');
  await english.close();
});

test('the scratchpad switches language with its code, and error help speaks the page\'s language', async () => {
  const { page, errors, context } = await openPage(site.browser, `${site.url}#/scratch`);
  const box = snippet(page, 'scratch', 'main');
  await box.locator('.cm-editor').waitFor();
  await runCode(box, 'print(totl)\ntotal = 1');
  await finished(page, 'scratch', 'main');
  const help = box.locator('.error-help');
  assert.match(await help.textContent(), /What it means/);
  assert.match(await help.textContent(), /totl/);
  await switchTo(page, '中文').click();
  await page.waitForFunction(() => location.pathname.endsWith('/zh/scratch/'));
  assert.equal(await editorText(box), 'print(totl)\ntotal = 1');
  assert.equal(await help.getAttribute('lang'), 'zh-CN');
  assert.match(await help.textContent(), /含义/);
  assert.match(await help.textContent(), /totl/);
  await switchTo(page, 'English').click();
  await page.waitForFunction(() => !location.pathname.includes('/zh/') && location.pathname.endsWith('/scratch/'));
  assert.equal(await editorText(box), 'print(totl)\ntotal = 1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a search in Chinese finds the topic, and its results are Chinese pages', async () => {
  const { page, errors, context } = await openPage(site.browser, `${site.url}zh/enum/`);
  await page.locator('.cm-editor').first().waitFor();
  const box = page.getByRole('searchbox');
  await box.click();
  await box.pressSequentially('生成器');
  const results = page.locator('#search-results a');
  await results.first().waitFor();
  assert.match(await results.first().getAttribute('href'), /^zh\//);
  assert.match(await results.first().textContent(), /生成器/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /\/zh\/[a-z0-9-]+\//.test(location.pathname) && !location.pathname.endsWith('/zh/enum/'));
  assert.match(await page.locator('h1').textContent(), CJK);
  // English words still find Chinese pages from a Chinese page.
  await box.fill('');
  await box.pressSequentially('heapq');
  await results.first().waitFor();
  assert.match(await results.first().getAttribute('href'), /^zh\//);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an embed takes data-pyplay-lang, or the language of the blog around it', async () => {
  const blog = await startBlog(site.url, `<div data-pyplay-topic="enum" data-pyplay-snippet="basics" data-pyplay-lang="zh"></div>
<section lang="zh-CN"><div data-pyplay-topic="enum"></div></section>
<div data-pyplay-topic="enum" data-pyplay-snippet="basics"></div>`);
  try {
    const { page, errors, context } = await openPage(site.browser, `${blog.url}post.html`);
    const frames = page.locator('iframe');
    await frames.nth(2).scrollIntoViewIfNeeded();
    const langs = [];
    for (let i = 0; i < 3; i++) {
      const frame = frames.nth(i).contentFrame();
      await frame.locator('.cm-editor').first().waitFor({ timeout: 60_000 });
      langs.push(await frame.locator('html').getAttribute('lang'));
    }
    assert.deepEqual(langs, ['zh-CN', 'zh-CN', 'en']);
    const zh = frames.nth(0).contentFrame();
    assert.match(await zh.locator('.embed-footer a').getAttribute('href'), /\/zh\/enum\/#basics$/);
    assert.match(await frames.nth(1).contentFrame().locator('.embed-title').textContent(), CJK);
    await zh.locator('[data-snippet="enum-basics"] button.run').click();
    await zh.locator('[data-snippet="enum-basics"][data-phase="finished"]').waitFor({ timeout: 120_000 });
    assert.ok((await zh.locator('[data-snippet="enum-basics"] .output .stream').textContent()).length > 0);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await blog.close();
  }
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds nothing serious in Chinese (${scheme}); screenshots on desktop and phone`, async () => {
    for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const context = await site.browser.newContext({ colorScheme: scheme, viewport, isMobile: device === 'phone' });
      const page = await context.newPage();
      await page.goto(`${site.url}zh/generators-and-iterators/`);
      await firstInput(page);
      await page.locator('.cm-editor').first().waitFor();
      await page.screenshot({ path: `${ARTIFACTS}zh-topic-${scheme}-${device}.png` });
      if (device === 'desktop') {
        assert.deepEqual(await seriousAxeViolations(page), [], `zh topic, ${scheme}`);
        await page.goto(`${site.url}zh/#/scratch`);
        await page.locator('.cm-editor').first().waitFor();
        assert.deepEqual(await seriousAxeViolations(page), [], `zh scratchpad, ${scheme}`);
      }
      await context.close();
    }
  });
}
