// The code editor (CodeMirror): typing, keys, persistence, Reset, and the
// links from the output back into the code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, snippet, finished, useDistInChromium, runCode, setCode, editorText, firstInput,
} from '../support/browser.mjs';

const site = useDistInChromium({ before, after });
const KEY = 'pyplay:v1:code:enum/basics';

/** Focuses the editor and clears it, ready for typing. */
async function clear(box) {
  const content = box.locator('.cm-content');
  await content.click();
  await content.press('ControlOrMeta+a');
  await content.press('Delete');
}

test('typed code runs with Ctrl-Enter and Cmd-Enter', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  await clear(box);
  await page.keyboard.type('print(6 * 7)');
  await page.keyboard.press('Control+Enter');
  await finished(page, 'enum', 'basics');
  assert.equal(await box.locator('.output .stream').textContent(), '42\n');
  assert.equal(await box.locator('.output').getAttribute('aria-live'), 'polite');
  const previous = await box.getAttribute('data-run');
  await page.keyboard.type(' or 1');
  await page.keyboard.press('Meta+Enter');
  await finished(page, 'enum', 'basics', previous);
  assert.equal(await box.locator('.output .stream').textContent(), '42\n');
  assert.deepEqual(errors, []);
});

test('on a touch screen a tap focuses the editor and keyboard input lands', async () => {
  const context = await site.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  await setCode(box, 'print(1)');
  await box.locator('.cm-line').last().tap();
  await page.keyboard.press('End');
  // What an on-screen keyboard sends: text input, not key presses.
  await page.keyboard.insertText(' ; print(2)');
  assert.equal(await editorText(box), 'print(1) ; print(2)');
  await box.getByRole('button', { name: /^(Run|Loading Python…)$/ }).tap();
  await finished(page, 'enum', 'basics');
  assert.equal(await box.locator('.output .stream').textContent(), '1\n2\n');
  await context.close();
});

test('Enter after a colon indents, Tab and Shift-Tab indent and dedent', async () => {
  const { page } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  await clear(box);
  await page.keyboard.type('for i in range(3):');
  await page.keyboard.press('Enter');
  await page.keyboard.type('print(i)');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('print("done")');
  assert.equal(await editorText(box), 'for i in range(3):\n    print(i)\nprint("done")');
  await page.keyboard.press('Tab');
  assert.equal(await editorText(box), 'for i in range(3):\n    print(i)\n    print("done")');
  // Edits within half a second make one undo step.
  await page.waitForTimeout(600);
  await page.keyboard.press('Shift+Tab');
  // Undo and redo step through the edits.
  await page.keyboard.press('ControlOrMeta+z');
  assert.equal(await editorText(box), 'for i in range(3):\n    print(i)\n    print("done")');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  assert.equal(await editorText(box), 'for i in range(3):\n    print(i)\nprint("done")');
  await page.keyboard.press('Control+Enter');
  await finished(page, 'enum', 'basics');
  assert.equal(await box.locator('.output .stream').textContent(), '0\n1\n2\ndone\n');
});

test('edits survive a reload, marked as edited; back to the original forgets them', async () => {
  const { page } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  const original = await editorText(box);
  assert.equal(await box.locator('.edited').count(), 0);
  await setCode(box, 'print("mine")\n');
  await box.locator('.edited').waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), 'print("mine")\n');
  await page.reload();
  await firstInput(page);
  await box.locator('.cm-editor').waitFor();
  assert.equal(await editorText(box), 'print("mine")\n');
  assert.equal(await box.getAttribute('data-edited'), 'true');
  await box.getByRole('button', { name: 'Reset' }).click();
  assert.equal(await editorText(box), original);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  await page.reload();
  await firstInput(page);
  await box.locator('.cm-editor').waitFor();
  assert.equal(await editorText(box), original);
  assert.equal(await box.locator('.edited').count(), 0);
});

test('Reset asks nothing and can be undone, by button or Ctrl-Z', async () => {
  const { page } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  const original = await editorText(box);
  await setCode(box, 'print("edited")\n');
  const reset = box.getByRole('button', { name: 'Reset' });
  await reset.click();
  assert.equal(await editorText(box), original);
  assert.equal(await box.locator('.edited').count(), 0);
  await box.getByRole('button', { name: 'Undo reset' }).click();
  assert.equal(await editorText(box), 'print("edited")\n');
  await box.locator('.edited').waitFor();
  assert.equal(await box.getByRole('button', { name: 'Undo reset' }).count(), 0);
  // Focus stays in the toolbar rather than falling to <body>.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Reset');

  await reset.click();
  assert.equal(await editorText(box), original);
  await box.locator('.cm-content').press('ControlOrMeta+z');
  assert.equal(await editorText(box), 'print("edited")\n');
  await box.locator('.edited').waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), 'print("edited")\n');
});

test('a traceback line links to that line of the code', async () => {
  const { page, errors } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  await runCode(box, 'def f():\n    raise ValueError("boom")\n\nx = 1\nf()\n');
  await finished(page, 'enum', 'basics');
  const links = box.locator('.output .traceback button.line-link');
  assert.deepEqual(await links.allTextContents(), ['line 5', 'line 2']);
  // The traceback still reads as plain text.
  assert.match(await box.locator('.output .traceback').textContent(), /File "main\.py", line 5, in <module>/);
  await links.nth(1).click();
  const target = box.locator('.cm-line.cm-pyplay-target');
  await target.waitFor();
  assert.equal(await target.textContent(), '    raise ValueError("boom")');
  await links.nth(0).click();
  assert.equal(await target.textContent(), 'f()');
  // Editing clears the mark: its line number no longer holds.
  await box.locator('.cm-content').press('End');
  await page.keyboard.type('\n');
  assert.equal(await target.count(), 0);
  assert.deepEqual(errors, []);
});

test('a syntax error marks its line and column in the editor', async () => {
  const { page } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  await runCode(box, 'print("ok")\nx = (1 +\nprint(2))\ny = = 3\n');
  await finished(page, 'enum', 'basics');
  assert.equal(await box.locator('.output .traceback').getAttribute('data-error-kind'), 'SyntaxError');
  const line = box.locator('.cm-line.cm-pyplay-error-line');
  await line.waitFor();
  assert.equal(await line.textContent(), 'y = = 3');
  // The caret under the code in the traceback and the editor's mark agree.
  const traceback = await box.locator('.output .traceback').textContent();
  const lines = traceback.split('\n');
  const at = lines.findIndex((l) => l.trim() === 'y = = 3');
  const column = lines[at + 1].indexOf('^') - lines[at].indexOf('y');
  const mark = box.locator('.cm-pyplay-error');
  assert.equal(await mark.textContent(), 'y = = 3'[column]);
  assert.equal(
    await mark.evaluate((el) => {
      const range = document.createRange();
      range.setStart(el.closest('.cm-line'), 0);
      range.setEndBefore(el);
      return range.toString().length;
    }),
    column,
  );
});

test('Esc leaves the editor: focus moves on to the toolbar', async () => {
  const { page } = await openPage(site.browser, `${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  await box.locator('.cm-content').click();
  assert.ok(await box.locator('.cm-content').evaluate((el) => el === document.activeElement));
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'run');
  assert.ok(await box.locator('button.run').evaluate((el) => el === document.activeElement));
});

test('read-only snippets cannot be edited; Copy copies the code', async () => {
  const context = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`${site.url}#/enum`);
  const box = snippet(page, 'enum', 'basics');
  const original = await editorText(box);
  await box.getByRole('button', { name: 'Copy' }).click();
  await box.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), original);

  await page.goto(`${site.url}#/dis`);
  const shown = snippet(page, 'dis', 'dis-output');
  const text = await editorText(shown);
  assert.equal(await shown.locator('.cm-content').getAttribute('aria-readonly'), 'true');
  await shown.locator('.cm-content').click();
  await page.keyboard.type('oops');
  assert.equal(await editorText(shown), text);
  assert.equal(await shown.getByRole('button', { name: /Run|Reset/ }).count(), 0);
  await page.keyboard.press('Control+Enter');
  assert.equal(await shown.getAttribute('data-phase'), 'idle');
  await context.close();
});
