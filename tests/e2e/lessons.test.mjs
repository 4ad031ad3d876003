// Every lesson snippet, run on its own topic page in the shipped worker,
// prints exactly what the lesson says (the native content test checks the
// same against the native build; this one catches wasm-only differences).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { snippet, useDistInChromium, firstInput } from '../support/browser.mjs';
import { looseMatch } from '../support/loose.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const site = useDistInChromium({ before, after });

function lessons() {
  const out = execFileSync('cargo', ['run', '-q', '--locked', '-p', 'pyplay-content', '--example', 'export'], {
    cwd: ROOT, encoding: 'utf8',
  });
  return out.trim().split('\n').map((line) => JSON.parse(line));
}

// Exact, or loose for snippets marked `loose` in their topic file.
const matches = (s, stdout, error) =>
  s.loose ? looseMatch(s.expected, stdout) && looseMatch(s.error, error) : stdout === s.expected && error === s.error;

test('every runnable lesson snippet prints its expected output in the browser', async () => {
  const all = lessons();
  const byTopic = new Map();
  for (const s of all.filter((x) => x.runnable)) {
    byTopic.set(s.topic, [...(byTopic.get(s.topic) ?? []), s]);
  }
  const page = await (await site.browser.newContext()).newPage();
  const failures = [];
  let count = 0;
  let first = true;
  for (const [topic, snippets] of byTopic) {
    // The first topic at its page URL, the rest followed in place, as a reader would.
    if (first) {
      await page.goto(`${site.url}${topic}/`);
      await firstInput(page);
      first = false;
    } else {
      await page.evaluate((id) => { location.hash = `#/${id}`; }, topic);
    }
    const where = () => page.evaluate(() => `${location.href}: ${document.querySelector('.layout')?.className}, h1 ${document.querySelector('h1')?.textContent}`);
    await page.locator(`[data-snippet^="${topic}-"]`).first().waitFor({ timeout: 60_000 })
      .catch(async (err) => { throw new Error(`${topic} never showed its snippets (${await where()})`, { cause: err }); });
    for (const s of snippets) {
      const box = snippet(page, topic, s.id);
      await box.getByRole('button', { name: /^(Run|Loading Python…)$/ }).click();
      await page.locator(`[data-snippet="${topic}-${s.id}"][data-phase="finished"]`).waitFor({ timeout: 60_000 });
      const stdout = (await box.locator('.output .stream .stdout').allTextContents()).join('');
      const tb = (await box.locator('.output .traceback').count()) ? await box.locator('.output .traceback').textContent() : null;
      const error = tb ? tb.trimEnd().split('\n').at(-1) : null;
      count += 1;
      if (!matches(s, stdout, error)) {
        failures.push(`${topic}/${s.id}\n--- expected\n${s.expected}--- got\n${stdout}${tb ?? ''}`);
      }
    }
  }
  console.log(`lesson snippets in the browser: ${count - failures.length} of ${count} match`);
  assert.ok(count > 200);
  assert.equal(failures.length, 0, `differ:\n${failures.join('\n\n')}`);
});
