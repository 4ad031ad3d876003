// The walking skeleton, end to end: the built dist/ in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, snippet, finished, ARTIFACTS, useDistInChromium } from '../support/browser.mjs';

const site = useDistInChromium({ before, after });

test('Run prints the snippet output, exactly', async () => {
  const { page, errors, started } = await openPage(site.browser, `${site.url}#/enum`);
  await page.getByRole('heading', { level: 1, name: 'Enumerations' }).waitFor();
  const basics = snippet(page, 'enum', 'basics');
  await basics.getByRole('button', { name: /Run|Loading/ }).click();
  const stdout = basics.locator('.output .stream');
  await finished(page, 'enum', 'basics');
  assert.equal(await stdout.textContent(), 'RED 1\nGREEN 2\nBLUE 3\nTrue\nColor.RED\n');
  const firstOutputMs = Date.now() - started;
  console.log(`navigation to first snippet output: ${firstOutputMs} ms`);
  await page.screenshot({ path: `${ARTIFACTS}skeleton-topic.png`, fullPage: true });
  assert.deepEqual(errors, []);
});

test('an exception shows its name and traceback', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/enum`);
  const unique = snippet(page, 'enum', 'unique');
  await unique.getByRole('button', { name: /Run|Loading/ }).click();
  const traceback = unique.locator('.output .traceback');
  await traceback.waitFor({ timeout: 60_000 });
  assert.equal(await traceback.getAttribute('data-error-kind'), 'ValueError');
  const text = await traceback.textContent();
  assert.match(text, /^Traceback \(most recent call last\):/);
  assert.match(text, /File "main\.py", line \d+/);
  assert.match(text, /ValueError: duplicate values found in <enum 'Status'>: SUSPENDED -> DISABLED\n?$/);
  assert.equal(await unique.locator('.output .stream').textContent(), '');
  assert.deepEqual(errors, []);
});

test('the page is readable and Run waits while the interpreter loads', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  // Hold the interpreter back so the loading state is observable.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/worker_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${site.url}#/enum`);
  await page.getByRole('heading', { level: 1, name: 'Enumerations' }).waitFor();
  assert.match(await page.getByTestId('engine-status').textContent(), /Loading/);
  const lookup = snippet(page, 'enum', 'lookup');
  await lookup.getByRole('button', { name: 'Run' }).click();
  await lookup.getByRole('button', { name: 'Loading Python…' }).waitFor();
  release();
  await finished(page, 'enum', 'lookup');
  assert.match(await lookup.locator('.output .stream').textContent(), /^Weekday\.WED True\n/);
  assert.match(await page.getByTestId('engine-status').textContent(), /Python ready/);
  await context.close();
});
