// The Firefox smoke suite, part 2: what needs the service worker. Once it
// controls the page, input() past the stdin box asks in the output and
// time.sleep blocks through it; with the server gone, a reload and a cold
// deep link still run Python from its cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchFirefox, openPage, watchErrors, snippet, pythonReady, controlledByServiceWorker, finished,
  runToEnd, setCode, clickRun, textOf, textsOf, countOf, DIST, firstInput,
} from '../support/firefox.mjs';
import { startServer } from '../support/serve.mjs';

let browser;
before(async () => { browser = await launchFirefox(); });
after(async () => { await browser?.close(); });

const BOX = snippet('enum', 'basics');

test('with the service worker in control: interactive input(), sleep, then offline with the server gone', async () => {
  // Its own server: a service worker is bound to its origin, and this one goes down.
  const server = await startServer({ root: DIST });
  const { page, context, errors } = await openPage(browser, `${server.url}#/enum`);
  try {
    // 1. First visit: the worker installs once Python is ready and claims the page.
    await pythonReady(page);
    await controlledByServiceWorker(page);
    // The Python worker started before that; a reload gives a controlled one.
    await page.reload();
    await firstInput(page);
    await controlledByServiceWorker(page);

    // 2. input() past the stdin box: the prompt waits in the output for the typed line.
    await setCode(page, page, BOX, 'name = input("Name? ")\nage = int(input("Age? "))\nprint(f"{name} is {age}")\n');
    await (await page.waitForSelector(`${BOX} .stdin-box textarea`)).type('Ada');
    const previous = await clickRun(page, BOX);
    const field = await page.waitForSelector(`${BOX} .output .input-line`, { timeout: 120_000 });
    assert.equal(await textOf(page, `${BOX} .output .stream`), 'Name? Ada\nAge? ');
    assert.equal(await page.evaluate((sel) => document.querySelector(sel).dataset.phase, BOX), 'running');
    // The caret is in the field, so typing goes there.
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'input-line');
    await page.keyboard.type('36');
    await page.keyboard.press('Enter');
    await finished(page, BOX, previous);
    assert.equal(await textOf(page, `${BOX} .output .stream`), 'Name? Ada\nAge? 36\nAda is 36\n');
    assert.deepEqual(await textsOf(page, `${BOX} .output .stream .stdin`), ['Ada\n', '36\n']);
    assert.equal(await countOf(page, `${BOX} .output .input-line`), 0);
    await field.dispose();

    // 3. A sleep the service worker holds: real time passes, the run goes on.
    const slept = await runToEnd(page, page, BOX,
      'import time\nt = time.monotonic()\ntime.sleep(0.5)\nprint(time.monotonic() - t >= 0.5)\n');
    assert.equal(slept.stream, 'True\n');

    // 4. The server goes away (and, where Firefox's BiDi can, the network too).
    const stoppedAt = server.requests.length;
    await server.close();
    const offline = await page.setOfflineMode(true).then(() => true, () => false);
    console.log(`Firefox offline emulation: ${offline ? 'on' : 'not supported, server stopped only'}`);
    await page.reload();
    await firstInput(page);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Enumerations', { timeout: 60_000 });
    await controlledByServiceWorker(page);
    const again = await runToEnd(page, page, BOX, 'print("offline", 6 * 7)', 120_000);
    assert.equal(again.stream, 'offline 42\n');

    // 5. A cold deep link to another topic, in a new tab, from the cache alone.
    const deep = await context.newPage();
    watchErrors(deep, errors);
    if (offline) await deep.setOfflineMode(true).catch(() => {});
    await deep.goto(`${server.url}#/itertools/infinite`);
    await deep.waitForFunction(() => document.querySelector('h1')?.textContent === 'The itertools Module', { timeout: 60_000 });
    const box = snippet('itertools', 'infinite');
    const run = await runToEnd(deep, deep, box, 'from itertools import count, islice\nprint(list(islice(count(10, 5), 4)))', 120_000);
    assert.equal(run.stream, '[10, 15, 20, 25]\n');
    assert.equal(server.requests.length, stoppedAt, 'nothing reached the stopped server');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});
