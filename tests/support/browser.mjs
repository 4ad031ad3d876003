// Launches Debian's Chromium through playwright-core; never downloads a browser.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export async function launch() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}; run ./x setup (apt-get install chromium)`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
}

/** A fresh page that fails the test on any uncaught page error. */
export async function openPage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  const started = Date.now();
  await page.goto(url);
  await firstInput(page);
  return { page, context, errors, started };
}

/**
 * The reader's first input, a key that does nothing: on a page written at
 * build time, the app takes over then (crates/app/src/takeover.rs).
 */
export async function firstInput(page) {
  await page.keyboard.press('Shift');
}

/** Waits until the app has replaced the page written at build time. */
export async function appTookOver(page) {
  await page.locator('.layout:not(.static)').waitFor();
}

/** Waits until this build's service worker is activated and controls the page. */
export async function controlledByServiceWorker(page) {
  // Synchronous on purpose: waitForFunction takes a returned promise as truthy.
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
    timeout: 120_000,
    polling: 250,
  });
}

export function snippet(page, topic, id) {
  return page.locator(`[data-snippet="${topic}-${id}"]`);
}

/**
 * Waits until the snippet's latest run has finished (output, error or notice
 * shown). Pass the run id seen before clicking Run to skip a stale finish.
 */
export async function finished(page, topic, id, previousRun = null, timeout = 60_000) {
  await page.waitForFunction(
    ([sel, prev]) => {
      const el = document.querySelector(sel);
      return el && el.dataset.phase === 'finished' && (el.dataset.run ?? null) !== prev;
    },
    [`[data-snippet="${topic}-${id}"]`, previousRun],
    { timeout },
  );
}

/**
 * Registers before/after hooks that serve dist/ and launch Chromium for one
 * test file; returns live accessors for the server URL and the browser.
 */
export function useDistInChromium({ before, after }) {
  const env = {};
  before(async () => {
    const { startServer } = await import('./serve.mjs');
    env.server = await startServer({ root: new URL('../../dist/', import.meta.url).pathname });
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return {
    get url() { return env.server.url; },
    get browser() { return env.browser; },
  };
}

/** The snippet's code, from the editor (its DOM holds only the lines on screen). */
export async function editorText(box) {
  // A lesson's editors are drawn as they near the screen.
  await box.scrollIntoViewIfNeeded();
  return box.locator('.cm-editor').evaluate((el) => globalThis.PyplayEditor.valueOf(el));
}

/** Replaces the snippet's code as a paste would: no auto-indent on the way in. */
export async function setCode(box, code) {
  await box.scrollIntoViewIfNeeded();
  const content = box.locator('.cm-content');
  await content.press('ControlOrMeta+a');
  if (code === '') {
    await content.press('Delete');
  } else {
    await content.evaluate((el, text) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    }, code);
  }
  const got = await editorText(box);
  if (got !== code) throw new Error(`the editor holds ${JSON.stringify(got)}, not ${JSON.stringify(code)}`);
}

/** Puts `code` in the snippet's editor and clicks Run; returns the previous run's id. */
export async function runCode(box, code) {
  const previous = await box.getAttribute('data-run');
  await setCode(box, code);
  await box.getByRole('button', { name: /^(Run|Loading Python…)$/ }).click();
  return previous;
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** axe's source, run through DevTools rather than a <script> tag, which the pages' CSP refuses. */
export const AXE_SOURCE = readFileSync(AXE, 'utf8');

/** axe's serious and critical violations on the page as it is now, one line each. */
export async function seriousAxeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary}`).join(' | ')}`);
  });
}
