// The classic scripts as the build writes them (channel names filled in from
// www/channels.js), run in a sandbox with just enough of a browser around
// them, fed the messages the Rust side sends (the JSON of the wire-shape
// tests in crates/protocol/src/channels.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { buildScripts, withChannels } from '../../www/build-scripts.mjs';
import { buildServiceWorker } from '../../www/pwa/build-sw.mjs';

function built(build, name) {
  const dir = mkdtempSync(join(tmpdir(), 'pyplay-scripts-'));
  try {
    build(dir);
    return readFileSync(join(dir, name), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('every built script has the names in place of its marker', () => {
  for (const name of ['early-worker.js', 'early-input.js', 'embed.js']) {
    const text = built(buildScripts, name);
    assert.ok(!text.includes('/* CHANNELS */'), name);
    assert.match(text, /"pyplayEarlyInput"/, name);
    new vm.Script(text, { filename: name });
  }
  const sw = built((dir) => buildServiceWorker(dir, { precache: false }), 'sw.js');
  assert.ok(!sw.includes('/* CHANNELS */') && !sw.includes('/* BUILD */'));
  assert.throws(() => withChannels('no marker', 'x.js'), /CHANNELS marker once/);
});

test('early-worker.js leaves the worker and its early events where runner.rs looks', () => {
  const script = built(buildScripts, 'early-worker.js');
  const run = (search) => {
    const started = [];
    class Worker {
      constructor(url) {
        started.push(url);
      }
    }
    const window = { location: { search }, Worker };
    window.window = window;
    vm.runInNewContext(script, window);
    return { window, started };
  };
  const { window, started } = run('');
  assert.deepEqual(started, ['worker_loader.js']);
  const handoff = window.pyplayEarlyWorker;
  assert.deepEqual(Object.keys(handoff), ['worker', 'early']);
  const ready = { data: 'ready' };
  handoff.worker.onmessage(ready);
  assert.equal(handoff.early.length, 1);
  assert.equal(handoff.early[0], ready);
  assert.equal(run('?embed').window.pyplayEarlyWorker, undefined);
});

test('early-input.js notes the first input, holds back a click on a built button, and calls the app once', () => {
  const script = built(buildScripts, 'early-input.js');
  const run = () => {
    const listeners = {};
    const timers = [];
    class Element {
      constructor(inBuiltButton) {
        this.inBuiltButton = inBuiltButton;
      }
      closest(selector) {
        assert.equal(selector, '.layout.static button');
        return this.inBuiltButton ? this : null;
      }
    }
    const window = {
      Element,
      addEventListener: (type, fn) => (listeners[type] ??= []).push(fn),
      setTimeout: (fn, ms) => timers.push([fn, ms]),
    };
    window.window = window;
    vm.runInNewContext(script, window);
    const fire = (type, event = {}) => {
      const e = { defaultPrevented: false, stopped: false, preventDefault() { this.defaultPrevented = true; }, stopPropagation() { this.stopped = true; }, ...event };
      for (const fn of listeners[type] ?? []) fn(e);
      return e;
    };
    return { notes: window.pyplayEarlyInput, fire, timers, Element };
  };

  // Reading: a touch's press alone, or the mouse's absence, is no input yet.
  let { notes, fire, timers, Element } = run();
  assert.deepEqual({ ...notes }, { seen: false, click: null, then: null });
  fire('pointermove', { pointerType: 'touch' });
  assert.equal(notes.seen, false);
  let calls = 0;
  notes.then = () => { calls += 1; };
  fire('keydown');
  fire('focusin');
  assert.deepEqual([notes.seen, calls], [true, 1]);

  // A tap on a built button: its click is held back for the app, which is
  // called at it; the press's own timer comes to nothing after.
  ({ notes, fire, timers, Element } = run());
  notes.then = () => { calls += 1; };
  fire('pointerup', { pointerType: 'touch' });
  assert.equal(notes.seen, false);
  assert.equal(timers[0][1], 500);
  const button = new Element(true);
  const click = fire('click', { target: button });
  assert.deepEqual([click.defaultPrevented, click.stopped, notes.click === button, notes.seen, calls], [true, true, true, true, 2]);
  timers[0][0]();
  assert.equal(calls, 2);

  // A link or the prose: followed or ignored as built; the mouse counts.
  ({ notes, fire } = run());
  const link = fire('click', { target: new Element(false) });
  assert.deepEqual([link.defaultPrevented, notes.click, notes.seen], [false, null, false]);
  fire('pointermove', { pointerType: 'mouse' });
  assert.equal(notes.seen, true);
});

function serviceWorker() {
  const listeners = {};
  const calls = { skipWaiting: 0 };
  const self = {
    registration: { scope: 'https://x.org/py/' },
    addEventListener: (type, fn) => {
      listeners[type] = fn;
    },
    skipWaiting: () => {
      calls.skipWaiting += 1;
    },
  };
  // sw.js's long timers (the 20 s input poll) must not hold the test
  // process open; short ones (a sleep) must, or the test ends before them.
  const unref = (fn, ms) => {
    const timer = setTimeout(fn, ms);
    if (ms > 1000) timer.unref();
    return timer;
  };
  vm.runInNewContext(built((dir) => buildServiceWorker(dir, { precache: false }), 'sw.js'), {
    self, Response, URL, Request, setTimeout: unref, Promise, String, Number, Math, Map, Error,
  });
  const post = (data) => listeners.message({ data });
  const get = (url) => {
    let answer;
    listeners.fetch({ request: { url, method: 'GET' }, respondWith: (p) => { answer = p; } });
    return answer;
  };
  return { calls, post, get };
}

test('sw.js takes over on the page\'s skip-waiting message', () => {
  const sw = serviceWorker();
  sw.post(JSON.parse('{"pyplay":"skip-waiting"}'));
  assert.equal(sw.calls.skipWaiting, 1);
  sw.post({ pyplay: 'something-else' });
  sw.post(null);
  assert.equal(sw.calls.skipWaiting, 1);
});

test('sw.js answers pause.txt: ?ms after the pause, ?input with the page\'s line', async () => {
  const sw = serviceWorker();
  const paused = await sw.get('https://x.org/py/pause.txt?ms=5');
  assert.equal(paused.headers.get('x-pyplay-slept'), '5');
  // The line before the request, and the request before the line.
  sw.post(JSON.parse('{"pyplay":"input","token":"4-12","line":"Ada"}'));
  const early = await sw.get('https://x.org/py/pause.txt?input=4-12');
  assert.equal(early.headers.get('x-pyplay-line'), '1');
  assert.equal(await early.text(), 'Ada');
  const waiting = sw.get('https://x.org/py/pause.txt?input=5-1');
  sw.post(JSON.parse('{"pyplay":"input","token":"5-1","line":""}'));
  const late = await waiting;
  assert.equal(late.headers.get('x-pyplay-line'), '1');
  assert.equal(await late.text(), '');
});

test('embed.js sizes its iframe from the embed\'s height message', () => {
  const script = built(buildScripts, 'embed.js');
  const listeners = {};
  const frame = {
    dataset: {},
    style: {},
    contentWindow: {},
    setAttribute() {},
  };
  const placeholder = {
    getAttribute: (name) => ({ 'data-pyplay-topic': 'enum', 'data-pyplay-snippet': 'basics' })[name] ?? null,
    // Inside a Chinese blog post: the embed takes its language.
    closest: (selector) => (selector === '[lang]' ? { getAttribute: () => 'zh-CN' } : null),
    replaceWith: (el) => assert.equal(el, frame),
  };
  const document = {
    currentScript: { src: 'https://x.org/py/embed.js' },
    readyState: 'complete',
    createElement: () => frame,
    querySelectorAll: () => [placeholder],
  };
  const window = {
    addEventListener: (type, fn) => {
      listeners[type] = fn;
    },
  };
  vm.runInNewContext(script, { window, document, URL, URLSearchParams, Map, Number, Math, Object });
  assert.equal(frame.dataset.pyplayId, 'pyplay-1');
  assert.match(frame.dataset.pyplaySrc, /^https:\/\/x\.org\/py\/\?embed#\/enum\/basics\?lang=zh-CN&id=pyplay-1$/);
  assert.match(frame.title, /练习场/);
  const send = (data, origin = 'https://x.org', source = frame.contentWindow) =>
    listeners.message({ data, origin, source });
  send(JSON.parse('{"pyplay":1,"type":"height","id":"pyplay-1","height":321.5}'));
  assert.equal(frame.style.height, '322px');
  send({ pyplay: 1, type: 'height', id: 'pyplay-1', height: 50 }, 'https://evil.example');
  send({ pyplay: 1, type: 'height', id: 'pyplay-1', height: 60 }, 'https://x.org', {});
  send({ pyplay: 2, type: 'height', id: 'pyplay-1', height: 70 });
  assert.equal(frame.style.height, '322px');
});

test('embed.js keeps at most poolSize embed workers live, retiring the least recently used idle one', () => {
  const script = built(buildScripts, 'embed.js');
  const listeners = {};
  const told = [];
  const made = [];
  const placeholders = Array.from({ length: 5 }, () => ({
    getAttribute: (name) => ({ 'data-pyplay-topic': 'enum' })[name] ?? null,
    closest: () => null,
    replaceWith() {},
  }));
  const document = {
    currentScript: { src: 'https://x.org/py/embed.js' },
    readyState: 'complete',
    createElement: () => {
      const n = made.length + 1;
      const frame = {
        dataset: {},
        style: {},
        setAttribute() {},
        contentWindow: { postMessage: (data, origin) => told.push([n, data.type, data.pyplay, origin]) },
      };
      made.push(frame);
      return frame;
    },
    querySelectorAll: () => placeholders,
  };
  const window = { addEventListener: (type, fn) => { listeners[type] = fn; } };
  vm.runInNewContext(script, { window, document, URL, URLSearchParams, Map, Number, Math, Object });
  // As pool.rs posts them: {pyplay: 1, type: "worker", id, state}.
  const say = (n, state, source = made[n - 1].contentWindow) => listeners.message({
    data: JSON.parse(`{"pyplay":1,"type":"worker","id":"pyplay-${n}","state":"${state}"}`),
    origin: 'https://x.org',
    source,
  });
  const granted = () => told.filter(([, type]) => type === 'granted').map(([n]) => n);
  for (const n of [1, 2, 3]) say(n, 'want');
  assert.deepEqual(granted(), [1, 2, 3]);
  assert.ok(told.every(([, , version, origin]) => version === 1 && origin === 'https://x.org'));
  say(2, 'idle');
  say(1, 'idle');
  say(3, 'busy');
  // A fourth: the least recently used idle worker (2) is retired first.
  say(4, 'want');
  assert.deepEqual(told.at(-1).slice(0, 2), [2, 'retire']);
  assert.deepEqual(granted(), [1, 2, 3]);
  // Another embed cannot speak for 1.
  say(1, 'gone', made[4].contentWindow);
  say(2, 'gone');
  assert.deepEqual(granted(), [1, 2, 3, 4]);
  // All live ones busy: the fifth waits until one goes idle, then takes its place.
  say(1, 'busy');
  say(4, 'busy');
  say(5, 'want');
  assert.equal(told.filter(([n]) => n === 5).length, 0);
  say(3, 'idle');
  assert.deepEqual(told.at(-1).slice(0, 2), [3, 'retire']);
  say(3, 'gone');
  assert.deepEqual(granted(), [1, 2, 3, 4, 5]);
});
