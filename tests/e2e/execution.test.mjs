// What learners' mistakes must not do: freeze the page or lose the code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/serve.mjs';
import { launch, openPage, snippet } from '../support/browser.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
let server;
let browser;

before(async () => {
  server = await startServer({ root: DIST });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function runCode(page, box, code) {
  await box.locator('textarea').fill(code);
  await box.getByRole('button', { name: /^(Run|Loading Python…)$/ }).click();
}

test('Stop ends an infinite loop, keeps the code, and the next run works', async () => {
  const { page, errors } = await openPage(browser, `${server.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  const loop = 'print("start")\nwhile True:\n    pass\n';
  await runCode(page, box, loop);
  await box.getByRole('button', { name: 'Running…' }).waitFor({ timeout: 30_000 });
  await box.locator('.output .stream', { hasText: 'start' }).waitFor();
  const stopped = Date.now();
  await box.getByRole('button', { name: 'Stop' }).click();
  await box.getByRole('button', { name: 'Run' }).waitFor();
  const latency = Date.now() - stopped;
  console.log(`stop latency (click to Run usable): ${latency} ms`);
  assert.ok(latency < 1000, `Run usable again after ${latency} ms`);
  assert.equal(await box.locator('.notice').textContent(), 'Stopped.');
  assert.equal(await box.locator('textarea').inputValue(), loop);
  // The replacement interpreter takes the next run.
  await runCode(page, box, 'print(6 * 7)');
  await box.locator('.elapsed').waitFor({ timeout: 30_000 });
  assert.equal(await box.locator('.output .stream').textContent(), '42\n');
  assert.deepEqual(errors.filter((e) => !String(e).includes('worker died')), []);
});

test('a flood of output is capped and the page stays usable', async () => {
  const { page } = await openPage(browser, `${server.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  await runCode(page, box, 'for i in range(20000):\n    print(i)\n');
  await box.locator('.elapsed').waitFor({ timeout: 60_000 });
  const text = await box.locator('.output .stream').textContent();
  const lines = text.trimEnd().split('\n');
  assert.equal(lines.length, 1000);
  assert.equal(lines.at(-1), '19999');
  assert.equal(lines[0], '19000');
  assert.match(await box.locator('.output .dropped').textContent(), /19000 earlier lines not shown/);
  // The main thread answers promptly.
  const t0 = Date.now();
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
  assert.ok(Date.now() - t0 < 1000);
});
