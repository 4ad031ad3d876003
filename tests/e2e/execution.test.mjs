// What learners' mistakes must not do: freeze the page or lose the code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, snippet, finished, useDistInChromium, runCode, editorText } from '../support/browser.mjs';

const site = useDistInChromium({ before, after });

test('Stop ends an infinite loop, keeps the code, and the next run works', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  // A run on a ready interpreter shows "Running…" (its Started event used to
  // fire before the snippet knew the run's id).
  await page.getByTestId('engine-status').filter({ hasText: 'Python ready' }).waitFor({ timeout: 60_000 });
  const loop = 'print("start")\nwhile True:\n    pass\n';
  await runCode(box, loop);
  await box.getByRole('button', { name: 'Running…' }).waitFor({ timeout: 30_000 });
  await box.locator('.output .stream', { hasText: 'start' }).waitFor();
  const stopped = Date.now();
  await box.getByRole('button', { name: 'Stop' }).click();
  await box.getByRole('button', { name: 'Run' }).waitFor();
  const latency = Date.now() - stopped;
  console.log(`stop latency (click to Run usable): ${latency} ms`);
  assert.ok(latency < 1000, `Run usable again after ${latency} ms`);
  assert.equal(await box.locator('.notice').textContent(), 'Stopped.');
  assert.equal(await editorText(box), loop);
  // The replacement interpreter takes the next run.
  const stoppedRun = await runCode(box, 'print(6 * 7)');
  await finished(page, 'enum', 'basics', stoppedRun);
  assert.equal(await box.locator('.output .stream').textContent(), '42\n');
  assert.deepEqual(errors.filter((e) => !String(e).includes('worker died')), []);
});

test('a flood of output is capped and the page stays usable', async () => {
  const { page } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  await runCode(box, 'for i in range(20000):\n    print(i)\n');
  await finished(page, 'enum', 'basics');
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

test('runaway recursion is a clean RecursionError and the worker lives on', async () => {
  const { page } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  await runCode(box, 'def f(n):\n    return f(n + 1)\n\nf(0)\n');
  const traceback = box.locator('.output .traceback');
  await traceback.waitFor({ timeout: 60_000 });
  assert.equal(await traceback.getAttribute('data-error-kind'), 'RecursionError');
  assert.equal(await box.locator('.output .notice').count(), 0, 'no crash notice');
  // Lesson-sized recursion still works in the same worker.
  await runCode(box, 'def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(18))\n');
  await box.locator('.output .stream', { hasText: '2584' }).waitFor({ timeout: 60_000 });
});

test('a huge allocation is a clean Python error', async () => {
  const { page } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  await runCode(box, 'x = [0] * 10**10\n');
  const traceback = box.locator('.output .traceback');
  await traceback.waitFor({ timeout: 60_000 });
  // wasm32 cannot even index that many items: OverflowError, as on 32-bit CPython.
  assert.match(await traceback.getAttribute('data-error-kind'), /^(OverflowError|MemoryError)$/);
});

test('memory exhaustion is a clean MemoryError, and the worker lives on', async () => {
  const { page } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  await runCode(box, 'hoard = []\nwhile True:\n    hoard.append(bytearray(50_000_000))\n');
  const traceback = box.locator('.output .traceback');
  await traceback.waitFor({ timeout: 120_000 });
  assert.equal(await traceback.getAttribute('data-error-kind'), 'MemoryError');
  await runCode(box, 'print("alive")');
  await box.locator('.output .stream', { hasText: 'alive' }).waitFor({ timeout: 60_000 });
});

test('a run that kills the interpreter is reported, the code kept, and a new one starts', async () => {
  const { page } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  // os.abort() ends the process in CPython; here it traps the wasm instance.
  const killer = 'import os\nprint("going down")\nos.abort()\n';
  await runCode(box, killer);
  const notice = box.locator('.output .notice');
  await notice.waitFor({ timeout: 60_000 });
  assert.match(await notice.textContent(), /crashed .* restarted\. Your code is unchanged\./);
  assert.equal(await box.locator('.output .stream').textContent(), 'going down\n');
  assert.equal(await editorText(box), killer);
  const t0 = Date.now();
  await runCode(box, 'print("alive")');
  await box.locator('.output .stream', { hasText: 'alive' }).waitFor({ timeout: 60_000 });
  console.log(`crash to next output on a fresh worker: ${Date.now() - t0} ms`);
});

test('each run starts fresh: patches do not leak, unless the scratchpad keeps a session', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/scratch`);
  const box = snippet(page, 'scratch', 'main');
  const output = () => box.locator('.output .stream').textContent();
  let previous = await runCode(box, [
    'import builtins, sys, math, random',
    'sys.setrecursionlimit(80)',
    'math.pi = 3',
    'random.randint = lambda a, b: 4',
    'builtins.abs = None',
    'answer = 41',
  ].join('\n'));
  await finished(page, 'scratch', 'main', previous);
  previous = await runCode(box, [
    'import sys, math, random',
    'print(sys.getrecursionlimit() > 80, math.pi, random.randint(10, 10), abs(-2))',
    'print("answer" in globals())',
  ].join('\n'));
  await finished(page, 'scratch', 'main', previous);
  assert.equal(await output(), 'True 3.141592653589793 10 2\nFalse\n');

  // Opted in, the variables live on from run to run.
  await box.page().getByLabel(/Keep variables between runs/).check();
  previous = await runCode(box, 'answer = 41\ndef bump(): return answer + 1');
  await finished(page, 'scratch', 'main', previous);
  previous = await runCode(box, 'print(bump())');
  await finished(page, 'scratch', 'main', previous);
  assert.equal(await output(), '42\n');
  await box.page().getByLabel(/Keep variables between runs/).uncheck();
  previous = await runCode(box, 'print("answer" in globals())');
  await finished(page, 'scratch', 'main', previous);
  assert.equal(await output(), 'False\n');
  assert.deepEqual(errors, []);
});
