// What the browser build must survive that native tests cannot show: clocks
// and sleep that panic on wasm32 without the shims, stdin, files, floods.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { openPage, snippet, finished, useDistInChromium, runCode, setCode, controlledByServiceWorker, firstInput } from '../support/browser.mjs';

const site = useDistInChromium({ before, after });

test('no clock, sleep or datetime call traps the worker', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  const code = [
    'import time, datetime',
    'calls = [time.time, time.monotonic, time.perf_counter, time.process_time, time.thread_time,',
    '         time.time_ns, time.monotonic_ns, time.perf_counter_ns, time.process_time_ns]',
    'print(all(f() > 0 for f in calls))',
    't0 = time.monotonic(); time.sleep(0.05); print(time.monotonic() - t0 >= 0.05)',
    'print(datetime.datetime.now().year >= 2026, datetime.date.today().year >= 2026)',
    'print(datetime.datetime.strptime("2024-03-01 10:30", "%Y-%m-%d %H:%M").strftime("%A %H:%M"))',
    'print(time.strftime("%Y-%m-%d %a", time.gmtime(0)), time.localtime().tm_year >= 2026)',
  ].join('\n');
  const previous = await runCode(box, code);
  await finished(page, 'enum', 'basics', previous);
  assert.equal(await box.locator('.output .traceback').count(), 0, await box.locator('.output').textContent());
  assert.equal(await box.locator('.output .stream').textContent(),
    'True\nTrue\nTrue True\nFriday 10:30\n1970-01-01 Thu True\n');
  // The same worker takes the next run: nothing above killed it.
  const again = await runCode(box, 'print(6 * 7)');
  await finished(page, 'enum', 'basics', again);
  assert.equal(await box.locator('.output .stream').textContent(), '42\n');
  assert.equal(await box.locator('.output .notice').count(), 0, 'no crash notice');
  assert.deepEqual(errors, []);
});

test('input() reads the stdin box, and the output shows what it read', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  assert.equal(await box.locator('.stdin-box').count(), 0, 'no stdin box for code without input()');
  const previous = await runCode(box, 'name = input("Name? ")\nage = int(input("Age? "))\nprint(f"{name} is {age}")\n');
  await finished(page, 'enum', 'basics', previous);
  // Nothing typed yet: a clean EOFError, as CPython gives with empty stdin.
  assert.equal(await box.locator('.output .traceback').getAttribute('data-error-kind'), 'EOFError');
  await box.locator('.stdin-box textarea').fill('Ada\n36');
  const second = await box.getAttribute('data-run');
  await box.getByRole('button', { name: 'Run' }).click();
  await finished(page, 'enum', 'basics', second);
  assert.equal(await box.locator('.output .stream').textContent(), 'Name? Ada\nAge? 36\nAda is 36\n');
  assert.deepEqual(await box.locator('.output .stream .stdin').allTextContents(), ['Ada\n', '36\n']);
  assert.deepEqual(errors, []);
});

test('input() past the stdin box asks in the output; the run goes on with the typed line', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/enum`);
  // The worker waits through the service worker, so it must be a controlled one.
  await controlledByServiceWorker(page);
  await page.reload();
  await firstInput(page);
  const box = snippet(page, 'enum', 'basics');
  await setCode(box, 'name = input("Name? ")\nage = int(input("Age? "))\nprint(f"{name} is {age}")\n');
  await box.locator('.stdin-box textarea').fill('Ada');
  const previous = await box.getAttribute('data-run');
  await box.getByRole('button', { name: /^(Run|Loading Python…)$/ }).click();
  const field = box.locator('.output .input-line');
  await field.waitFor({ timeout: 60_000 });
  // The box's line was read; the prompt for the next one is on screen, and the caret is in the field.
  assert.equal(await box.locator('.output .stream').textContent(), 'Name? Ada\nAge? ');
  assert.equal(await box.getAttribute('data-phase'), 'running');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'input-line');
  await page.waitForTimeout(500); // a waiting program stays waiting
  await field.fill('36');
  await field.press('Enter');
  await finished(page, 'enum', 'basics', previous);
  assert.equal(await box.locator('.output .stream').textContent(), 'Name? Ada\nAge? 36\nAda is 36\n');
  assert.deepEqual(await box.locator('.output .stream .stdin').allTextContents(), ['Ada\n', '36\n']);
  assert.equal(await field.count(), 0);
  assert.deepEqual(errors, []);
});

test('files written in a run can be walked and read back in that run', async () => {
  const { page } = await openPage(site.browser, `${site.url}#/file-walking/os-walk`);
  const box = snippet(page, 'file-walking', 'os-walk');
  await box.getByRole('button', { name: /^(Run|Loading Python…)$/ }).click();
  await finished(page, 'file-walking', 'os-walk');
  assert.equal(await box.locator('.output .stream').textContent(),
    "['README.md', 'src/app.py', 'src/utils/text.py']\n" +
    "['README.md', 'src/app.py', 'src/utils/text.py', 'tests/test_app.py']\n");
});

/** CPU seconds used so far by every Chromium process (Linux /proc). */
function chromiumCpuSeconds() {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('chrom')) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks / 100; // USER_HZ
}

test('time.sleep and asyncio.sleep wait in real time without spinning the CPU', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/enum`);
  // The worker blocks through the service worker, so it must be a controlled one.
  await controlledByServiceWorker(page);
  await page.reload();
  await firstInput(page);
  const box = snippet(page, 'enum', 'basics');
  // Imported once first: importing asyncio costs CPU that is not the sleep's.
  const warm = await runCode(box, 'import asyncio');
  await finished(page, 'enum', 'basics', warm);
  const code = [
    'import asyncio, time',
    't = time.monotonic()',
    'print("sleeping", flush=True)',
    'time.sleep(1.2)',
    'async def main():',
    '    await asyncio.gather(asyncio.sleep(0.8), asyncio.sleep(0.5))',
    'asyncio.run(main())',
    'elapsed = time.monotonic() - t',
    'print(elapsed >= 2.0, elapsed < 3.0)  # never short; a loaded machine may run late',
  ].join('\n');
  const cpuBefore = chromiumCpuSeconds();
  const started = Date.now();
  const previous = await runCode(box, code);
  await box.locator('.output .stream', { hasText: 'sleeping' }).waitFor();
  await finished(page, 'enum', 'basics', previous);
  const wall = (Date.now() - started) / 1000;
  const cpu = chromiumCpuSeconds() - cpuBefore;
  console.log(`2.0 s of sleep: ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s of Chromium CPU`);
  assert.equal(await box.locator('.output .stream').textContent(), 'sleeping\nTrue True\n');
  // Spinning would cost at least the 2 s slept; blocking costs rendering and a few requests.
  assert.ok(cpu < 1.0, `Chromium used ${cpu} s of CPU during 2 s of sleep`);
  assert.deepEqual(errors, []);
});
