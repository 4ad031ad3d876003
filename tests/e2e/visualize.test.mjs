// Visualize: the step-through panel on the built site. Aliasing drawn as
// one box, the editor's step marks, recursion depth, a generator suspended
// and resumed, an exception at its step, the step cap on an endless loop,
// keyboard-only use, an embed opened straight into it, and axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, openPage, seriousAxeViolations, setCode, snippet, useDistInChromium } from '../support/browser.mjs';

const site = useDistInChromium({ before, after });

const panel = (box) => box.getByRole('region', { name: 'Step-through' });

/** Puts `code` in the scratchpad, clicks Visualize and waits for the panel. */
async function visualize(page, code) {
  const box = snippet(page, 'scratch', 'main');
  await box.locator('.cm-content').waitFor();
  await setCode(box, code);
  await box.getByRole('button', { name: 'Visualize' }).click();
  await panel(box).waitFor({ timeout: 120_000 });
  return box;
}

async function stepCount(box) {
  const text = await panel(box).locator('.step-count').textContent();
  const [, at, of] = text.match(/^Step (\d+) of (\d+)$/);
  return { at: Number(at), of: Number(of) };
}

/** The variables of the frame named `name` (newest first): name -> text. */
async function frameVariables(box, name) {
  return panel(box).locator(`table[data-frame="${name}"]`).first().evaluate((table) => {
    const out = {};
    for (const row of table.querySelectorAll('tr[data-name]')) {
      const ref = row.querySelector('.trace-ref');
      out[row.dataset.name] = ref ? `#${ref.dataset.target}` : row.querySelector('td').textContent;
    }
    return out;
  });
}

test('aliasing: two names, one box, arrows to it; Edit gives the editor back', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/scratch`);
  const box = await visualize(page, 'a = [1, 2]\nb = a\nb.append(3)\n');
  assert.equal(await box.locator('.cm-content').getAttribute('aria-readonly'), 'true', 'read-only while visualizing');
  await panel(box).getByRole('button', { name: 'Last step' }).click();
  const { at, of } = await stepCount(box);
  assert.equal(at, of);
  const globals = await frameVariables(box, '<module>');
  assert.equal(globals.a, globals.b, 'a and b point to the same object');
  const target = globals.a.slice(1);
  const items = await panel(box).locator(`[data-obj="${target}"] .trace-items li`).allTextContents();
  assert.deepEqual(items, ['1', '2', '3']);
  assert.equal(await panel(box).locator('.trace-obj').count(), 1, 'one list, not two');
  assert.equal(await panel(box).locator('.step-arrows > path').count(), 2, 'an arrow from each name');
  await page.screenshot({ path: `${ARTIFACTS}visualize-aliasing.png` });
  await panel(box).getByRole('button', { name: 'Edit' }).click();
  await panel(box).waitFor({ state: 'detached' });
  assert.equal(await box.locator('.cm-content').getAttribute('aria-readonly'), null, 'editable again');
  assert.equal(await box.locator('.cm-pyplay-step').count(), 0, 'the step mark goes with the panel');
  assert.deepEqual(errors, []);
});

test('Previous and Next move the editor mark; "Step N of M" is right at both ends', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/scratch`);
  const box = await visualize(page, 'x = 1\ny = 2\nz = x + y\n');
  assert.deepEqual(await stepCount(box), { at: 1, of: 4 });
  assert.equal(await panel(box).getByRole('button', { name: 'Previous step' }).isDisabled(), true);
  assert.equal((await box.locator('.cm-pyplay-step').textContent()).trim(), 'x = 1');
  await panel(box).getByRole('button', { name: 'Next step' }).click();
  assert.deepEqual(await stepCount(box), { at: 2, of: 4 });
  assert.equal((await box.locator('.cm-pyplay-step').textContent()).trim(), 'y = 2');
  assert.equal((await box.locator('.cm-pyplay-step-done').textContent()).trim(), 'x = 1', 'the line just run');
  await panel(box).getByRole('button', { name: 'Last step' }).click();
  assert.deepEqual(await stepCount(box), { at: 4, of: 4 });
  assert.equal(await panel(box).getByRole('button', { name: 'Next step' }).isDisabled(), true);
  assert.match(await panel(box).locator('.step-event').textContent(), /The program has ended/);
  await panel(box).getByRole('button', { name: 'Previous step' }).click();
  assert.deepEqual(await stepCount(box), { at: 3, of: 4 });
  assert.equal((await box.locator('.cm-pyplay-step').textContent()).trim(), 'z = x + y');
  assert.deepEqual(errors, []);
});

test('fib(4): the deepest step has five frames, and keyboard keys step through', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/scratch`);
  const code = 'def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nprint(fib(4))\n';
  const box = await visualize(page, code);
  const { of } = await stepCount(box);
  let deepest = 0;
  await panel(box).focus();
  for (let i = 1; i < of; i += 1) {
    deepest = Math.max(deepest, await panel(box).locator('table[data-frame]').count());
    await page.keyboard.press('ArrowRight');
  }
  // fib(4) -> fib(3) -> fib(2) -> fib(1), under the module: five frames.
  assert.equal(deepest, 5);
  assert.deepEqual(await stepCount(box), { at: of, of });
  await page.keyboard.press('Home');
  assert.deepEqual(await stepCount(box), { at: 1, of });
  await page.keyboard.press('End');
  assert.equal(await panel(box).locator('.step-printed pre').textContent(), '3\n');
  assert.deepEqual(errors, []);
});

test('a generator suspends with its locals and resumes; an exception shows at its step', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/scratch`);
  const code = [
    'def countdown(n):',
    '    while n > 0:',
    '        yield n',
    '        n -= 1',
    '',
    'gen = countdown(2)',
    'first = next(gen)',
    'second = next(gen)',
    '1 / 0',
    '',
  ].join('\n');
  const box = await visualize(page, code);
  const { of } = await stepCount(box);
  const seen = [];
  for (let i = 0; i < of; i += 1) {
    const heads = await panel(box).locator('.trace-gen .trace-obj-head').allTextContents();
    const frames = await panel(box).locator('table[data-frame]').evaluateAll((ts) => ts.map((t) => t.dataset.frame));
    seen.push({ heads, frames, event: await panel(box).locator('.step-event').textContent() });
    if (i + 1 < of) await panel(box).getByRole('button', { name: 'Next step' }).click();
  }
  assert.ok(seen.some((s) => s.heads.some((h) => /suspended, line 3/.test(h))), 'suspended at the yield');
  const resumed = seen.findIndex((s, i) => i > 0 && s.frames[0] === 'countdown' && /Line 4/.test(s.event));
  assert.ok(resumed > 0, 'the generator resumes after its yield');
  assert.ok(seen.some((s) => /ZeroDivisionError: division by zero is raised/.test(s.event)));
  assert.match(await panel(box).locator(':scope > .step-exception').last().textContent(), /ZeroDivisionError/);
  assert.deepEqual(errors, []);
});

test('an endless loop stops at the cap with a notice, and the page stays responsive', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/scratch`);
  const box = await visualize(page, 'n = 0\nwhile True:\n    n += 1\n');
  assert.deepEqual(await stepCount(box), { at: 1, of: 1000 });
  assert.match(await panel(box).locator('.step-notice').textContent(), /Stopped after 1000 steps/);
  // Responsive: the slider and the buttons still answer at once.
  await panel(box).getByRole('slider', { name: 'Step' }).fill('500');
  assert.deepEqual(await stepCount(box), { at: 500, of: 1000 });
  await panel(box).getByRole('button', { name: /Visualize more/ }).click();
  await page.waitForFunction(() => /of 10000$/.test(document.querySelector('.step-count')?.textContent ?? ''), null, { timeout: 120_000 });
  assert.equal(await panel(box).getByRole('button', { name: /Visualize more/ }).count(), 0, 'no more than 10,000');
  // Run still works after a capped Visualize.
  await panel(box).getByRole('button', { name: 'Edit' }).click();
  await setCode(box, 'print("still here")');
  await box.getByRole('button', { name: 'Run' }).click();
  await box.locator('.output').getByText('still here').waitFor({ timeout: 60_000 });
  assert.deepEqual(errors, []);
});

test('an embed with data-pyplay-visualize shows the code and waits for a click', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}?embed#/code?code=${encodeURIComponent('a = [1]\nb = a\n')}&visualize=1`);
  const box = page.locator('.snippet');
  const start = page.getByRole('button', { name: /Visualize: step through/ });
  await start.waitFor();
  assert.equal(await box.getAttribute('data-phase'), 'idle', 'nothing runs before the click');
  await start.click();
  await panel(box).waitFor({ timeout: 120_000 });
  await panel(box).getByRole('button', { name: 'Last step' }).click();
  const globals = await frameVariables(box, '<module>');
  assert.equal(globals.a, globals.b);
  assert.deepEqual(errors, []);
});

for (const theme of ['light', 'dark']) {
  test(`axe finds nothing serious with the panel open, on a phone (${theme})`, async () => {
    const context = await site.browser.newContext({ colorScheme: theme, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.url}#/scratch`);
    const box = await visualize(page, 'class P:\n    def __init__(self, x):\n        self.x = x\n\np = P([1, 2])\nd = {"k": p}\n');
    await panel(box).getByRole('button', { name: 'Last step' }).click();
    await panel(box).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}visualize-phone-${theme}.png`, fullPage: true });
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, []);
    await context.close();
  });
}
