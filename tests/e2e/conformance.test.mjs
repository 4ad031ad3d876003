// The conformance suite again, in the browser: wasm-only failures (clock and
// sleep panics, missing modules) do not show in the native run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { openPage, snippet, useDistInChromium, runCode, finished } from '../support/browser.mjs';

const SUITE = new URL('../conformance/', import.meta.url).pathname;
const site = useDistInChromium({ before, after });

/** Runs `code` in the enum-basics box through the UI; resolves to what it showed. */
async function runInBox(page, box, code) {
  const previous = await runCode(box, code);
  await finished(page, 'enum', 'basics', previous);
  return {
    stdout: (await box.locator('.output .stream .stdout').allTextContents()).join(''),
    traceback: (await box.locator('.output .traceback').count()) ? await box.locator('.output .traceback').textContent() : null,
    notice: (await box.locator('.output .notice:not(.dropped)').count()) ? await box.locator('.output .notice:not(.dropped)').textContent() : null,
  };
}

test('every conformance program prints what CPython printed, in one worker', async () => {
  const { page } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  const known = new Set(
    (existsSync(`${SUITE}known-failures.txt`) ? readFileSync(`${SUITE}known-failures.txt`, 'utf8') : '')
      .split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split(':')[0].trim()),
  );
  const programs = readdirSync(SUITE).filter((f) => f.endsWith('.py') && f !== 'generate.py').sort();
  assert.ok(programs.length >= 60);
  const failures = [];
  let passed = 0;
  for (const file of programs) {
    const name = file.slice(0, -3);
    const expected = readFileSync(`${SUITE}${name}.out`, 'utf8');
    const got = await runInBox(page, box, readFileSync(`${SUITE}${file}`, 'utf8'));
    // A crash would respawn the worker and say so; none may happen.
    assert.equal(got.notice, null, `${name}: ${got.notice}`);
    const ok = got.stdout === expected && got.traceback === null;
    if (ok) passed += 1;
    else if (!known.has(name)) failures.push(`${name}\n--- expected\n${expected}--- got\n${got.stdout}${got.traceback ?? ''}`);
  }
  console.log(`conformance in the browser: ${passed} of ${programs.length} pass`);
  assert.equal(failures.length, 0, `differ from CPython:\n${failures.join('\n\n')}`);
  // The same worker still answers after every clock, sleep and datetime call.
  const after = await runInBox(page, box, 'import time, datetime\nprint(time.monotonic() > 0, datetime.datetime.now().year > 2000)');
  assert.equal(after.stdout, 'True True\n');
});
