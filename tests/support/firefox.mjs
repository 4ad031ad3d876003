// Launches Debian's firefox-esr through puppeteer-core over WebDriver BiDi;
// never downloads a browser. The Firefox smoke suite (tests/e2e-firefox/)
// uses these helpers: the same data-snippet / data-phase / data-run hooks as
// the Chromium suite's (browser.mjs), in puppeteer's terms. Every helper that
// looks inside a page takes a puppeteer Page or Frame (an embed's iframe).
import puppeteer from 'puppeteer-core';
import { existsSync, mkdirSync } from 'node:fs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
export const DIST = new URL('../../dist/', import.meta.url).pathname;

export async function launchFirefox() {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox not found at ${FIREFOX}; run ./x setup (apt-get install firefox-esr)`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // No first-run pages, updates or telemetry pings on the test's network.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
}

/**
 * A fresh page in its own browser context (a BiDi user context: its own
 * storage, caches and service workers) that records every uncaught page
 * error, console error, failed request and HTTP error in `errors`.
 */
export async function openPage(browser, url, { context = null } = {}) {
  context ??= await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  await firstInput(page);
  return { page, context, errors };
}

/**
 * The reader's first input, a key that does nothing: on a page written at
 * build time, the app takes over then (crates/app/src/takeover.rs).
 */
export async function firstInput(page) {
  await page.keyboard.press('Shift');
}

/** Collects a page's uncaught errors and failures; the tests assert it stays empty. */
export function watchErrors(page, errors = []) {
  page.on('pageerror', (err) => errors.push(`pageerror: ${err?.message ?? err}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console error: ${msg.text()}`);
  });
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? ''})`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return errors;
}

/** Serves dist/ and launches Firefox for one test file. */
export function useDistInFirefox({ before, after }) {
  const env = {};
  before(async () => {
    const { startServer } = await import('./serve.mjs');
    env.server = await startServer({ root: DIST });
    env.browser = await launchFirefox();
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

/** The selector of one snippet's box. */
export const snippet = (topic, id) => `[data-snippet="${topic}-${id}"]`;

/** Waits until the engine status says Python is ready. */
export async function pythonReady(page, timeout = 90_000) {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="engine-status"]')?.textContent.includes('Python ready'),
    { timeout, polling: 100 },
  );
}

/** Waits until this build's service worker is activated and controls the page. */
export async function controlledByServiceWorker(page, timeout = 120_000) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', {
    timeout,
    polling: 250,
  });
}

/** The text of the first element matching `selector`, or null. */
export function textOf(where, selector) {
  return where.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, selector);
}

/** The texts of every element matching `selector`. */
export function textsOf(where, selector) {
  return where.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => el.textContent), selector);
}

export function attributeOf(where, selector, name) {
  return where.evaluate((sel, n) => document.querySelector(sel)?.getAttribute(n) ?? null, selector, name);
}

export function countOf(where, selector) {
  return where.evaluate((sel) => document.querySelectorAll(sel).length, selector);
}

/** Waits until an element matching `selector` exists and its text contains `text`. */
export async function waitForText(where, selector, text, timeout = 60_000) {
  await where.waitForFunction(
    (sel, t) => [...document.querySelectorAll(sel)].some((el) => el.textContent.includes(t)),
    { timeout, polling: 100 },
    selector,
    text,
  );
}

/**
 * Waits until the snippet's latest run has finished (output, error or notice
 * shown). Pass the run id seen before clicking Run to skip a stale finish.
 */
export async function finished(where, box, previousRun = null, timeout = 60_000) {
  await where.waitForFunction(
    (sel, prev) => {
      const el = document.querySelector(sel);
      return el && el.dataset.phase === 'finished' && (el.dataset.run ?? null) !== prev;
    },
    { timeout, polling: 100 },
    box,
    previousRun,
  );
}

// iframe element handles of the frames given by frameOf(), for click().
const iframeOf = new WeakMap();

/** The puppeteer Frame of an <iframe> element handle, usable with click(). */
export async function frameOf(iframe) {
  const frame = await iframe.contentFrame();
  iframeOf.set(frame, iframe);
  return frame;
}

/**
 * A real click (pointer actions over BiDi) on the first match, once it is
 * visible. In an iframe, puppeteer's own ElementHandle.click() needs BiDi's
 * `context` locator, which Firefox ESR 140 lacks: the point is computed from
 * the iframe's box instead, and clicked with the page's mouse.
 */
export async function click(where, selector, timeout = 30_000) {
  const el = await where.waitForSelector(selector, { visible: true, timeout });
  const iframe = iframeOf.get(where);
  try {
    if (!iframe) {
      await el.click();
      return;
    }
    const inner = await el.evaluate((e) => {
      e.scrollIntoView({ block: 'center', inline: 'center' });
      const r = e.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    const page = where.page();
    const point = async () => {
      const outer = await iframe.evaluate((f) => {
        const r = f.getBoundingClientRect();
        return { x: r.x + f.clientLeft, y: r.y + f.clientTop };
      });
      return { x: outer.x + inner.x, y: outer.y + inner.y };
    };
    let at = await point();
    const inView = await page.evaluate(({ x, y }) => y >= 0 && y < innerHeight && x >= 0 && x < innerWidth, at);
    if (!inView) {
      await page.evaluate(({ x, y }) => window.scrollBy(x - innerWidth / 2, y - innerHeight / 2), at);
      at = await point();
    }
    await page.mouse.click(at.x, at.y);
  } finally {
    await el.dispose();
  }
}

/** The snippet's code, from the editor (its DOM holds only the lines on screen). */
export function editorText(where, box) {
  return where.evaluate((sel) => globalThis.PyplayEditor.valueOf(document.querySelector(`${sel} .cm-editor`)), box);
}

/**
 * Replaces the snippet's code by a real paste (so no auto-indent on the way
 * in): the code goes to the clipboard, then Ctrl+A and Ctrl+V in the editor.
 * (Firefox gives a synthetic paste event's clipboardData no data, so the
 * Chromium helper's dispatched ClipboardEvent pastes nothing here.)
 */
export async function setCode(page, where, box, code) {
  // A lesson's editors are drawn as they near the screen.
  await where.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }), box);
  await click(where, `${box} .cm-content`);
  // Just after a click: the transient activation the clipboard asks for.
  await where.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  if (code === '') await page.keyboard.press('Delete');
  else await page.keyboard.press('KeyV');
  await page.keyboard.up('Control');
  await where.waitForFunction(
    (sel, text) => globalThis.PyplayEditor.valueOf(document.querySelector(`${sel} .cm-editor`)) === text,
    { timeout: 5_000, polling: 50 },
    box,
    code,
  ).catch(() => {});
  const got = await editorText(where, box);
  if (got !== code) throw new Error(`the editor holds ${JSON.stringify(got)}, not ${JSON.stringify(code)}`);
}

/** Clicks the snippet's Run button; returns the previous run's id. */
export async function clickRun(where, box) {
  const previous = await attributeOf(where, box, 'data-run');
  await where.waitForFunction((sel) => !document.querySelector(`${sel} button.run`)?.disabled, { timeout: 30_000 }, box);
  await click(where, `${box} button.run`);
  return previous;
}

/** Puts `code` in the snippet's editor and clicks Run; returns the previous run's id. */
export async function runCode(page, where, box, code) {
  await setCode(page, where, box, code);
  return clickRun(where, box);
}

/** Runs `code` to the end; returns the output's stream text and the error kind, if any. */
export async function runToEnd(page, where, box, code, timeout = 60_000) {
  const previous = await runCode(page, where, box, code);
  await finished(where, box, previous, timeout);
  return {
    stream: await textOf(where, `${box} .output .stream`),
    errorKind: await attributeOf(where, `${box} .output .traceback`, 'data-error-kind'),
    traceback: await textOf(where, `${box} .output .traceback`),
    notice: await textOf(where, `${box} .output .notice`),
  };
}
