// The reader's first input on a page written at build time, which the app
// takes over only then (crates/app/src/takeover.rs): reading needs none of
// it, and its first render is a long task. Listens from the start, since
// the app's wasm loads later: the app reads what came before it, or leaves
// `then` to be called at it. The names come from www/channels.js, written in
// by www/build-scripts.mjs at build time.
(() => {
  const CHANNELS = /* CHANNELS */ {};
  const EARLY = CHANNELS.earlyInput;
  const state = { [EARLY.seen]: false, [EARLY.click]: null, [EARLY.then]: null };
  window[EARLY.global] = state;
  const seen = () => {
    if (state[EARLY.seen]) return;
    state[EARLY.seen] = true;
    state[EARLY.then]?.();
  };
  const quiet = { capture: true, passive: true };
  for (const name of ['keydown', 'focusin', 'wheel']) addEventListener(name, seen, quiet);
  // A touch or a pen counts once its press ends (a scroll, or a tap whose
  // click follows within a few hundred ms): its target must stay until the
  // click, or the browser drops the click. A mouse counts when it moves.
  addEventListener('pointermove', (e) => e.pointerType === 'mouse' && seen(), quiet);
  addEventListener('pointercancel', seen, quiet);
  addEventListener('pointerup', () => setTimeout(seen, 500), quiet);
  // A click on one of the built page's buttons is held back, to be made on
  // the app's button in its place. Links are followed as built.
  addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest('.layout.static button') : null;
    if (!button) return;
    e.preventDefault();
    e.stopPropagation();
    state[EARLY.click] = button;
    seen();
  }, { capture: true });
})();
