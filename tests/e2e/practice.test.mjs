// Practice in the browser: exercises (Check, hints, solution, cheating),
// predict-the-output cards, progress (sidebar marks, export, reset,
// import), the home page, and axe on each, light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { ARTIFACTS, appTookOver, openPage, seriousAxeViolations, setCode, useDistInChromium, firstInput } from '../support/browser.mjs';

const site = useDistInChromium({ before, after });
const TOPIC = 'arguments-and-defaults';
const EXERCISE = 'mutable-default-fix';
const CARD = 'default-list-shared';

// The reference solution, from the same data the site is built from.
const SOLUTION = (() => {
  const text = readFileSync(new URL(`../../crates/content/topics/${TOPIC}.toml`, import.meta.url), 'utf8');
  const at = text.indexOf(`id = "${EXERCISE}"`);
  const start = text.indexOf("solution = '''\n", at) + "solution = '''\n".length;
  return text.slice(start, text.indexOf("'''", start));
})();

/** Every exercise's reference solution, from the content crate. */
function solutions() {
  const out = execFileSync('cargo', ['run', '-q', '--locked', '-p', 'pyplay-content', '--example', 'export', '--', 'exercises'], {
    cwd: new URL('../../', import.meta.url).pathname, encoding: 'utf8',
  });
  return out.trim().split('\n').map((line) => JSON.parse(line));
}

const exercise = (page) => page.locator(`[data-exercise="${EXERCISE}"]`);
const card = (page) => page.locator(`[data-card="${CARD}"]`);

async function check(page, code) {
  const box = exercise(page);
  if (code !== undefined) await setCode(box, code);
  const previous = await box.getAttribute('data-run');
  await box.getByRole('button', { name: 'Check' }).click();
  await page.waitForFunction(
    ([id, prev]) => {
      const el = document.querySelector(`[data-exercise="${id}"]`);
      return el.dataset.run !== prev && el.dataset.phase === 'finished';
    },
    [EXERCISE, previous],
    { timeout: 60_000 },
  );
  return (await box.locator('.check-result').textContent()).trim();
}

test('a wrong answer says what was called, expected and got; the solution passes and the mark survives a reload', async () => {
  const { page, errors, context } = await openPage(site.browser, `${site.url}#/${TOPIC}/${EXERCISE}`);
  const box = exercise(page);
  await box.waitFor();
  assert.equal(await box.getByRole('button', { name: 'Show solution' }).isDisabled(), true, 'no solution before an attempt');
  const report = await check(page);
  assert.match(report, /^Not passed: \d+ of \d+ checks failed\./);
  assert.match(report, /Called:.*add_item/s);
  assert.match(report, /Expected:\s*\(\['apple'\], \['pear'\]\)/);
  assert.match(report, /Got:\s*\(\['apple', 'pear'\], \['apple', 'pear'\]\)/);

  await box.getByRole('button', { name: /^Hint/ }).click();
  assert.equal(await box.locator('.hints li').count(), 1);
  await box.getByRole('button', { name: 'Show solution' }).click();
  assert.match(await box.locator('.solution').textContent(), /basket=None/);

  assert.match(await check(page, SOLUTION), /^Passed: all \d+ checks\.$/);
  await page.reload();
  await firstInput(page);
  const mark = page.locator(`nav .practice-items [data-item="${EXERCISE}"]`).getByRole('img', { name: 'solved' });
  await mark.waitFor();
  await exercise(page).getByRole('img', { name: 'solved' }).waitFor();
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('pyplay:v1:progress'))).items[EXERCISE], 'solved');
  await page.screenshot({ path: `${ARTIFACTS}practice-exercise.png`, fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('cheating does not pass', async () => {
  const { page, errors, context } = await openPage(site.browser, `${site.url}#/${TOPIC}/${EXERCISE}`);
  await exercise(page).waitFor();
  const attempts = {
    'prints passed': 'print("Passed: all 4 checks.")\nprint("passed")',
    'exits early': `${SOLUTION}\nimport sys\nsys.exit(0)`,
    'raises': 'raise RuntimeError("no")',
    'a liar for a result': 'class Yes:\n    def __eq__(self, other): return True\n    def __repr__(self): return "(\\"apple\\",)"\n\ndef add_item(item, basket=None): return Yes()\n\ndef merge_options(overrides=None): return Yes()',
    'patched builtins': 'def add_item(item, basket=[]):\n    basket.append(item)\n    return basket\n\ndef merge_options(overrides={}):\n    return {}\n\nimport builtins\nbuiltins.type = lambda *a: int\nbuiltins.repr = lambda x: "ok"\nbuiltins.isinstance = lambda *a: True',
  };
  for (const [what, code] of Object.entries(attempts)) {
    const report = await check(page, code);
    assert.match(report, /^Not passed/, `${what}: ${report}`);
  }
  assert.notEqual(JSON.parse(await page.evaluate(() => localStorage.getItem('pyplay:v1:progress'))).items[EXERCISE], 'solved');
  // An endless loop: Stop ends it, and the next Check works.
  await setCode(exercise(page), 'while True:\n    pass');
  await exercise(page).getByRole('button', { name: 'Check' }).click();
  await exercise(page).getByRole('button', { name: 'Stop' }).click();
  await page.locator(`[data-exercise="${EXERCISE}"][data-phase="finished"]`).waitFor();
  assert.match(await exercise(page).locator('.verdict').textContent(), /^Not passed/);
  assert.match(await check(page, SOLUTION), /^Passed/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('predict the output, right and wrong', async () => {
  const { page, errors, context } = await openPage(site.browser, `${site.url}#/${TOPIC}/${CARD}`);
  const box = card(page);
  await box.waitFor();
  const compare = box.getByRole('button', { name: 'Run and compare' });
  assert.equal(await compare.isDisabled(), true, 'a guess comes first');
  await box.locator('.choice', { hasText: "['ann']" }).filter({ hasText: 'False' }).first().click();
  await compare.click();
  await box.locator('.verdict').waitFor({ timeout: 60_000 });
  assert.match(await box.locator('.verdict').textContent(), /^Not quite/);
  assert.equal(await box.locator('.card-actual').textContent(), "['ann', 'bob']\nTrue\n");
  assert.match(await box.locator('.explanation').textContent(), /evaluated once/);

  await page.reload();
  await firstInput(page);
  await box.waitFor();
  await box.locator('.choice').filter({ hasText: "['ann', 'bob']" }).filter({ hasText: 'True' }).click();
  await box.getByRole('button', { name: 'Run and compare' }).click();
  await box.locator('.verdict').waitFor({ timeout: 60_000 });
  assert.match(await box.locator('.verdict').textContent(), /^Right/);
  await box.getByRole('img', { name: 'solved' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('export, reset and import round-trip the progress', async () => {
  const { page, errors, context } = await openPage(site.browser, `${site.url}#/progress`);
  await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
  const saved = { version: 1, items: { [EXERCISE]: 'solved', [CARD]: 'attempted' } };
  await page.evaluate((p) => localStorage.setItem('pyplay:v1:progress', JSON.stringify(p)), saved);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
  const row = page.locator('tr[data-chapter="language"]');
  assert.match(await row.textContent(), /1 of \d+/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export' }).click()]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(exported, saved);

  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('alertdialog').waitFor();
  await page.getByRole('button', { name: 'Erase progress' }).click();
  await page.getByRole('status').filter({ hasText: 'Progress erased.' }).waitFor();
  assert.doesNotMatch(await row.textContent(), /1 of/);

  await page.locator('input[type=file]').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await page.getByRole('status').filter({ hasText: 'not a progress export' }).waitFor();
  await page.locator('input[type=file]').setInputFiles(await download.path());
  await page.getByRole('status').filter({ hasText: 'Progress imported.' }).waitFor();
  assert.match(await row.textContent(), /1 of \d+/);
  assert.deepEqual(JSON.parse(await page.evaluate(() => localStorage.getItem('pyplay:v1:progress'))), saved);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the home page introduces the site, maps the course and offers to continue', async () => {
  const { page, errors, context } = await openPage(site.browser, `${site.url}#/`);
  await page.getByRole('heading', { level: 1, name: 'Python Playground' }).waitFor();
  assert.equal(await page.locator('.course-map > li').count(), 7);
  assert.equal(await page.getByRole('link', { name: /Continue where you left off/ }).count(), 0);
  await page.goto(`${site.url}#/enum`);
  await page.getByRole('heading', { level: 1, name: 'Enumerations' }).waitFor();
  // The visit counts once the app runs, not while the built page shows.
  await appTookOver(page);
  await page.goto(`${site.url}#/`);
  await page.getByRole('link', { name: 'Continue where you left off: Enumerations' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

for (const theme of ['light', 'dark']) {
  test(`axe finds nothing serious on an exercise, a card, progress and home (${theme})`, async () => {
    const context = await site.browser.newContext({ colorScheme: theme, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    for (const [name, hash] of [['topic', `#/${TOPIC}`], ['progress', '#/progress'], ['home', '#/']]) {
      await page.goto(`${site.url}${hash}`);
      await page.locator('h1').waitFor();
      if (name === 'topic') {
        await exercise(page).getByRole('button', { name: 'Check' }).click();
        await exercise(page).locator('.verdict').waitFor({ timeout: 60_000 });
        await exercise(page).scrollIntoViewIfNeeded();
      }
      await page.screenshot({ path: `${ARTIFACTS}practice-${name}-phone-${theme}.png` });
      const violations = await seriousAxeViolations(page);
      assert.deepEqual(violations, [], `${name} (${theme})`);
    }
    await context.close();
  });
}

test('every reference solution passes its checks in the shipped worker', async () => {
  const all = solutions();
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const failures = [];
  let topic = null;
  for (const e of all) {
    if (e.topic !== topic) {
      topic = e.topic;
      await page.goto(`${site.url}#/${topic}`);
    }
    const box = page.locator(`[data-exercise="${e.id}"]`);
    await setCode(box, e.solution);
    await box.getByRole('button', { name: 'Check' }).click();
    await page.locator(`[data-exercise="${e.id}"][data-phase="finished"]`).waitFor({ timeout: 60_000 });
    const report = (await box.locator('.check-result').textContent()).trim();
    if (!report.startsWith('Passed')) failures.push(`${e.topic}/${e.id}: ${report}`);
  }
  console.log(`exercises in the browser: ${all.length - failures.length} of ${all.length} solutions pass`);
  assert.ok(all.length >= 60);
  assert.deepEqual(failures, []);
  await context.close();
});
