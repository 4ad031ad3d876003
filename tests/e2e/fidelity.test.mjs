// Real-world programs in the browser worker behave as on CPython: how they
// exit, the debugging and testing modules, every stdlib module's import,
// the stdlib's own doctests, and output far too large to show.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, snippet, finished, useDistInChromium, runCode, setCode, editorText, controlledByServiceWorker, firstInput } from '../support/browser.mjs';

const site = useDistInChromium({ before, after });
const root = new URL('../../', import.meta.url).pathname;

/** Runs `code` in enum-basics and samples frame times until it finishes. */
async function runSampling(page, box, code, timeout = 120_000) {
  const previous = await runCode(box, code);
  const gaps = [];
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const phase = await box.getAttribute('data-phase');
    if (phase === 'finished' && (await box.getAttribute('data-run')) !== previous) break;
    gaps.push(await page.evaluate(() => {
      const t0 = performance.now();
      return new Promise((ok) => requestAnimationFrame(() => ok(performance.now() - t0)));
    }));
  }
  await finished(page, 'enum', 'basics', previous, 1000);
  return Math.max(0, ...gaps);
}

test('a 100 MB line and a million lines: first and last output shown, the page responsive', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  await page.getByTestId('engine-status').filter({ hasText: 'Python ready' }).waitFor({ timeout: 60_000 });
  for (const [label, code, last] of [
    ['one 100 MB line', 'print("x" * 10**8)\nprint("the end")\n', 'the end'],
    ['10**6 lines', 'for i in range(10**6):\n    print(i)\n', '999999'],
  ]) {
    const started = Date.now();
    const worst = await runSampling(page, box, code);
    console.log(`${label}: ${Date.now() - started} ms, worst frame ${worst.toFixed(0)} ms`);
    const text = await box.locator('.output .stream').textContent();
    assert.equal(text.trimEnd().split('\n').at(-1), last);
    assert.ok(text.length < 2_000_000, `${text.length} characters on the page`);
    assert.match(await box.locator('.output .skipped').textContent(), /MB of output skipped: a run shows its first 1\.0 MB and its last 20 KB\./);
    assert.equal(await editorText(box), code);
    assert.ok(worst < 500, `a frame took ${worst} ms`);
  }
  const again = await runCode(box, 'print(6 * 7)');
  await finished(page, 'enum', 'basics', again);
  assert.equal(await box.locator('.output .stream').textContent(), '42\n');
  assert.equal(await box.locator('.output .notice').count(), 0);
  assert.deepEqual(errors, []);
});

test('sys.exit ends a run quietly; a non-zero status is a short note', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  let previous = await runCode(box, 'import sys\nprint("done")\nsys.exit(0)\n');
  await finished(page, 'enum', 'basics', previous);
  assert.equal(await box.locator('.output').textContent(), 'done\n');
  previous = await runCode(box, 'import os, sys\nprint("bye")\nsys.stdout.buffer.write(b"bytes\\n")\nos._exit(3)\n');
  await finished(page, 'enum', 'basics', previous);
  assert.equal(await box.locator('.output .stream').textContent(), 'bye\nbytes\n');
  assert.equal(await box.locator('.output .traceback').count(), 0);
  assert.equal(await box.locator('.output .notice').textContent(), 'Exited with status 3.');
  assert.deepEqual(errors, []);
});

test('doctest and pdb work in the worker; pdb reads the stdin box, then asks in the output', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/enum`);
  // Asking for a line blocks the worker on the service worker.
  await controlledByServiceWorker(page);
  await page.reload();
  await firstInput(page);
  const box = snippet(page, 'enum', 'basics');
  const code = [
    'import doctest',
    'def double(n):',
    '    """',
    '    >>> double(4)',
    '    8',
    '    """',
    '    return n * 2',
    'print(doctest.testmod())',
    'x = double(21)',
    'breakpoint()',
    'print("after", x)',
  ].join('\n');
  await setCode(box, code);
  await box.locator('.stdin-box textarea').fill('p x');
  const previous = await box.getAttribute('data-run');
  await box.getByRole('button', { name: /^(Run|Loading Python…)$/ }).click();
  const field = box.locator('.output .input-line');
  await field.waitFor({ timeout: 60_000 });
  await field.fill('c');
  await field.press('Enter');
  await finished(page, 'enum', 'basics', previous);
  const text = await box.locator('.output .stream').textContent();
  assert.match(text, /^TestResults\(failed=0, attempted=1\)\n/);
  assert.match(text, /\(Pdb\) p x\n42\n\(Pdb\) c\nafter 42\n$/);
  assert.deepEqual(errors, []);
});

test('every stdlib module imports in the worker, or says why it cannot work in a page', async () => {
  const { page } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  const previous = await runCode(box, readFileSync(`${root}tests/stdlib_sweep.py`, 'utf8'));
  await finished(page, 'enum', 'basics', previous, 300_000);
  assert.equal(await box.locator('.output .traceback').count(), 0);
  const [summary, ...failures] = (await box.locator('.output .stream').textContent()).trimEnd().split('\n');
  console.log(`stdlib import sweep in the browser: ${summary}, ${failures.length} unavailable`);
  assert.deepEqual(failures.filter((line) => !line.includes('in the browser playground')), []);
});

test("the standard library's own doctests pass in the worker as natively", async () => {
  const { page } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  const previous = await runCode(box, readFileSync(`${root}tests/stdlib_doctests.py`, 'utf8'));
  await finished(page, 'enum', 'basics', previous, 600_000);
  assert.equal(await box.locator('.output .traceback').count(), 0);
  const [summary, ...rows] = (await box.locator('.output .stream').textContent()).trimEnd().split('\n');
  console.log(`stdlib doctests in the browser: ${summary}`);
  const known = knownDoctestFailures();
  const failing = rows.map((row) => row.split(' ')).filter(([, , failed]) => failed !== '0');
  const unexpected = failing.filter(([name, , failed]) => known.get(name) !== failed);
  assert.deepEqual(unexpected, [], 'failures not listed in tests/stdlib_doctests_known.txt');
});

/** module -> failed count, from tests/stdlib_doctests_known.txt. */
function knownDoctestFailures() {
  const lines = readFileSync(`${root}tests/stdlib_doctests_known.txt`, 'utf8').split('\n');
  return new Map(lines.filter((l) => l && !l.startsWith('#')).map((l) => {
    const [name, failed] = l.split(/\s+/);
    return [name, failed];
  }));
}

test('a run that eats memory step by step ends in the crash notice, never a dead tab', async () => {
  const { page } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  const hog = 'chunks = []\nwhile True:\n    chunks.append(bytearray(10**7))\n';
  const started = Date.now();
  await runCode(box, hog);
  const notice = box.locator('.output .notice');
  await notice.waitFor({ timeout: 180_000 });
  console.log(`memory exhaustion to crash notice: ${Date.now() - started} ms`);
  assert.match(await notice.textContent(), /(crashed .* restarted\. Your code is unchanged\.|MemoryError)/);
  assert.equal(await editorText(box), hog);
  const again = await runCode(box, 'print("alive")');
  await finished(page, 'enum', 'basics', again);
  assert.equal(await box.locator('.output .stream').textContent(), 'alive\n');
});
