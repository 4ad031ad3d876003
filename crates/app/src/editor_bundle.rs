//! The code editor's bundle (www/editor/), loaded when the first editor is
//! due rather than with the page: evaluating CodeMirror is a long task, and
//! reading a lesson needs none of it. index.html names the bundle in a
//! `<script id="pyplay-editor">` of a type the browser does not run, so
//! the build still hashes it and gives its integrity; this module runs a copy.

use std::cell::RefCell;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::HtmlScriptElement;

/// The `id` of the inert `<script>` that names the bundle.
const TAG_ID: &str = "pyplay-editor";

enum State {
    Idle,
    Loading(Vec<Box<dyn FnOnce(bool)>>),
    Done(bool),
}

thread_local! {
    static STATE: RefCell<State> = const { RefCell::new(State::Idle) };
}

/// Calls `then(true)` once the bundle has run, `then(false)` if it cannot
/// be loaded (the caller falls back to a textarea); loads it on first call.
pub fn when_loaded(then: impl FnOnce(bool) + 'static) {
    let mut then = Some(then);
    let done = STATE.with_borrow_mut(|state| {
        if let State::Idle = state {
            *state = if start().is_some() { State::Loading(Vec::new()) } else { State::Done(defined()) };
        }
        if let State::Done(ok) = state {
            return Some(*ok);
        }
        if let State::Loading(waiting) = state {
            waiting.extend(then.take().map(|t| Box::new(t) as Box<dyn FnOnce(bool)>));
        }
        None
    });
    // Outside the borrow: `then` may ask again.
    if let (Some(ok), Some(then)) = (done, then) {
        then(ok);
    }
}

/// Adds the running copy of the bundle's `<script>`; None if there is
/// nothing to load (already defined, or no such tag).
fn start() -> Option<()> {
    if defined() {
        return None;
    }
    let document = gloo::utils::document();
    let named = document.get_element_by_id(TAG_ID)?.dyn_into::<HtmlScriptElement>().ok()?;
    let script = document.create_element("script").ok()?.dyn_into::<HtmlScriptElement>().ok()?;
    script.set_src(&named.src());
    if let Some(integrity) = named.get_attribute("integrity") {
        script.set_integrity(&integrity);
    }
    for (name, loaded) in [("load", true), ("error", false)] {
        // Each fires at most once, for the page's life.
        EventListener::once(&script, name, move |_| finish(loaded && defined())).forget();
    }
    document.head()?.append_child(&script).ok()?;
    Some(())
}

fn finish(ok: bool) {
    let waiting = STATE.with_borrow_mut(|state| match std::mem::replace(state, State::Done(ok)) {
        State::Loading(waiting) => waiting,
        _ => Vec::new(),
    });
    for then in waiting {
        then(ok);
    }
}

/// Whether the bundle's one global exists.
fn defined() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &"PyplayEditor".into()).unwrap_or(false)
}
