// Python Playground embeds for any web page. Served with the site (the build
// writes it to dist/embed.js); include it from the site that serves it:
//
//   <div data-pyplay-topic="enum" data-pyplay-snippet="aliases"></div>
//   <pre data-pyplay>print("hi")</pre>
//   <script src="https://…/embed.js" async></script>
//
// Each placeholder becomes a sandboxed iframe of `<site>/?embed#/…`, loaded
// when it scrolls near the viewport and sized from the embed's height
// messages `{ pyplay: 1, type: 'height', id, height }`, accepted only from
// our origin and from the iframe they name. Options, as data attributes:
// data-pyplay-theme (light|dark|auto), data-pyplay-readonly,
// data-pyplay-height (editor px), data-pyplay-output="click", data-pyplay-title,
// data-pyplay-visualize (opens ready to step through; nothing runs until clicked),
// data-pyplay-lang (en|zh; by default the language of the page around it, which
// also gives the iframe's title its language),
// data-pyplay-python="own" (a worker of its own, not the page's shared one).
// Defines only window.Pyplay: { version, scan(root) }. The message names come
// from www/channels.js, written in by www/build-scripts.mjs at build time.
(() => {
  'use strict';
  const VERSION = 1;
  const CHANNELS = /* CHANNELS */ {};
  const EMBED = CHANNELS.fromEmbed;
  const TO = CHANNELS.toEmbed;
  if (window.Pyplay) {
    // Included twice: the first copy already watches its placeholders.
    window.Pyplay.scan();
    return;
  }
  const script = document.currentScript;
  if (!script || !script.src) return;
  const site = new URL('./', script.src);
  const origin = site.origin;
  // Scripts and wasm; own origin, for the same-origin Python worker and the
  // service worker; popups escaping the sandbox for "Open in playground".
  const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
  const OPTIONS = ['theme', 'readonly', 'height', 'output', 'visualize', 'python'];
  const frames = new Map();
  let counter = 0;
  // The iframe's title, in the embed's language.
  const TITLES = {
    en: { page: (t, s) => `Python playground: ${t}${s ? ` (${s})` : ''}`, code: 'Python code you can run' },
    zh: { page: (t, s) => `Python 练习场：${t}${s ? `（${s}）` : ''}`, code: '可运行的 Python 代码' },
  };
  const titles = (lang) => (/^zh\b/i.test(lang || '') ? TITLES.zh : TITLES.en);

  const observer = 'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          load(entry.target);
        }
      }
    }, { rootMargin: '200px 0px' })
    : null;

  function load(frame) {
    if (!frame.src) frame.src = frame.dataset.pyplaySrc;
  }

  function replace(el) {
    const params = new URLSearchParams();
    for (const key of OPTIONS) {
      const value = el.getAttribute(`data-pyplay-${key}`);
      if (value !== null) params.set(key, value === '' ? '1' : value);
    }
    const lang = el.getAttribute('data-pyplay-lang') || el.closest('[lang]')?.getAttribute('lang');
    if (lang) params.set('lang', lang);
    let route;
    let title;
    let height;
    const topic = el.getAttribute('data-pyplay-topic');
    if (topic !== null) {
      const snippet = el.getAttribute('data-pyplay-snippet');
      route = `/${encodeURIComponent(topic)}${snippet ? `/${encodeURIComponent(snippet)}` : ''}`;
      title = titles(lang).page(topic, snippet);
      height = snippet ? 300 : 800;
    } else {
      const code = el.textContent.replace(/^\r?\n/, '').replace(/\s+$/, '');
      params.set('code', code);
      route = '/code';
      title = titles(lang).code;
      height = 110 + 21 * code.split('\n').length;
    }
    const id = `pyplay-${++counter}`;
    params.set('id', id);
    const frame = document.createElement('iframe');
    // Everything after `#` stays in the browser: the code never reaches a server.
    frame.dataset.pyplaySrc = `${site.href}?embed#${route}?${params}`;
    frame.dataset.pyplayId = id;
    frame.title = el.getAttribute('data-pyplay-title') || title;
    frame.setAttribute('sandbox', SANDBOX);
    frame.setAttribute('loading', 'lazy');
    frame.className = 'pyplay-embed';
    // CSSOM, not a style attribute: allowed under a strict style-src.
    Object.assign(frame.style, { display: 'block', width: '100%', border: '0', height: `${height}px` });
    frames.set(id, frame);
    el.replaceWith(frame);
    if (observer) observer.observe(frame);
    else load(frame);
  }

  function scan(root = document) {
    root.querySelectorAll('[data-pyplay-topic], pre[data-pyplay]').forEach(replace);
  }

  // Embeds that cannot share one interpreter (no BroadcastChannel in their
  // frame, or python=own) start a worker each, ~60 MB: at most TO.poolSize
  // live at once; a newcomer takes the place of the least recently used
  // idle one, which is told to retire.
  const [WANT, BUSY, , GONE] = EMBED.states;
  const live = new Map(); // id -> { busy, used, retiring }
  const wanting = [];
  let clock = 0;

  function tell(id, type) {
    frames.get(id)?.contentWindow?.postMessage({ [TO.tag]: EMBED.version, [TO.type]: type }, origin);
  }

  function onWorker(id, state) {
    if (state === WANT) {
      if (live.has(id)) tell(id, TO.granted);
      else if (!wanting.includes(id)) wanting.push(id);
    } else if (state === GONE) {
      live.delete(id);
    } else if (live.has(id)) {
      Object.assign(live.get(id), { busy: state === BUSY, used: ++clock, retiring: false });
    }
    grant();
  }

  function grant() {
    while (wanting.length) {
      if (live.size >= TO.poolSize) {
        const workers = [...live];
        if (workers.some(([, w]) => w.retiring)) return;
        const idle = workers.filter(([, w]) => !w.busy).sort((a, b) => a[1].used - b[1].used)[0];
        if (!idle) return; // all busy: the first to go idle or away makes room
        idle[1].retiring = true;
        tell(idle[0], TO.retire);
        return;
      }
      const id = wanting.shift();
      live.set(id, { busy: true, used: ++clock, retiring: false });
      tell(id, TO.granted);
    }
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== origin) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || data[EMBED.tag] !== EMBED.version) return;
    const kind = data[EMBED.type];
    if (kind !== EMBED.height && kind !== EMBED.worker) return;
    const fields = kind === EMBED.height ? EMBED.heightFields : EMBED.workerFields;
    const [id, reported] = fields.map((field) => data[field]);
    const frame = typeof id === 'string' ? frames.get(id) : undefined;
    // Another of our iframes cannot resize this one, or speak for it.
    if (!frame || event.source !== frame.contentWindow) return;
    if (kind === EMBED.worker) {
      if (EMBED.states.includes(reported)) onWorker(id, reported);
      return;
    }
    const height = Number(reported);
    if (!Number.isFinite(height) || height <= 0) return;
    frame.style.height = `${Math.min(Math.ceil(height), 20000)}px`;
  });

  window.Pyplay = Object.freeze({ version: VERSION, scan });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => scan());
  else scan();
})();
