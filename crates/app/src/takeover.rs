//! When the app takes over the page written at build time.
//!
//! The built page holds the whole lesson, so reading needs none of the app,
//! and the app's first render is one long task that would block the page
//! while it loads. So a new reader reads the page as built, and the app
//! takes it over at the reader's first input (a mouse move, a key, a focus,
//! a press, a wheel), as it is about to be needed; the interpreter's worker
//! has been starting since the page loaded (early-worker.js). The app takes
//! over at once where the built page is not what the reader should see: a
//! fragment (an app view, an old or shared link, a snippet to scroll to), a
//! page the reader left marks on (saved code, the home page's "continue"),
//! or the root page in the reader's other language.
//!
//! What counts as that input is www/early-input.js's (it listens from the
//! start; the app's wasm comes later). A click on one of the built page's
//! buttons is held back there and made again on the app's button in its
//! place, and the focus moves to the app's element in the place of the
//! focused one.

use std::cell::Cell;

use pyplay_protocol::channels::early_input;
use wasm_bindgen::{JsCast, JsValue, prelude::Closure};
use web_sys::{Element, HtmlElement};

use crate::{route::Route, storage};

/// Runs `start` (the app's first render) when it is wanted: now, or at the
/// reader's first input, as www/early-input.js notes it.
pub fn when_wanted(start: impl FnOnce() + 'static) {
    let early = field(&js_sys::global(), early_input::GLOBAL).filter(JsValue::is_object);
    // Without early-input.js (not a built page), at once.
    let seen = early.as_ref().and_then(|e| field(e, early_input::SEEN)?.as_bool()).unwrap_or(true);
    match early {
        Some(early) if !seen && !wanted_now() => {
            let notes = early.clone();
            let then = Closure::once_into_js(move || take_over(start, field(&notes, early_input::CLICK)));
            let _ = js_sys::Reflect::set(&early, &early_input::THEN.into(), &then);
        }
        early => take_over(start, early.and_then(|e| field(&e, early_input::CLICK))),
    }
}

fn field(object: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &name.into()).ok()
}

/// Renders the app; [`rendered`] then makes the held-back `click` and moves
/// the focus, on the app's page.
fn take_over(start: impl FnOnce(), click: Option<JsValue>) {
    let click = click.and_then(|c| c.dyn_into::<Element>().ok()).and_then(|c| Place::of(&c));
    let focus = gloo::utils::document()
        .active_element()
        .filter(|e| e.closest(".layout.static").ok().flatten().is_some())
        .and_then(|e| Place::of(&e));
    AFTER.set(Some(After { focus, click }));
    start();
}

/// What the reader did on the built page, done again on the app's.
struct After {
    focus: Option<Place>,
    click: Option<Place>,
}

thread_local! {
    static AFTER: Cell<Option<After>> = const { Cell::new(None) };
}

/// Called by the app once its first render's effects have run (Yew may run
/// them in later tasks), so a click lands on a settled page.
pub fn rendered() {
    let Some(after) = AFTER.take() else { return };
    gloo::timers::callback::Timeout::new(0, move || {
        if let Some(el) = after.focus.as_ref().and_then(Place::find) {
            let _ = el.focus();
        }
        if let Some(el) = after.click.as_ref().and_then(Place::find) {
            el.click();
        }
    })
    .forget();
}

/// Where the built page is not what the reader should see.
fn wanted_now() -> bool {
    let document = gloo::utils::document();
    let built = document.body().and_then(|b| b.get_attribute("data-prerendered"));
    let fragment = gloo::utils::window().location().hash().unwrap_or_default();
    let route = Route::current();
    match built.as_deref() {
        _ if !fragment.is_empty() => true,
        Some("topic") => storage::has_saved_code(&route.topic),
        Some("scratch") => storage::has_saved_code(crate::route::SCRATCH),
        // The root page's language is the reader's (crate::lang::for_root).
        Some("home") => {
            let built_lang = document.document_element().and_then(|e| e.get_attribute("lang"));
            storage::load_last_topic().is_some() || built_lang.as_deref() != Some(route.lang.html_lang())
        }
        _ => true,
    }
}

/// An element of the built page, named so that the app's element in its
/// place can be found: its first class, and which of that class it is
/// within its nearest ancestor with an id (the built page and the app give
/// sections, snippets' toolbars and the frame the same ids and classes).
struct Place {
    scope: Option<String>,
    class: String,
    nth: u32,
}

impl Place {
    fn of(el: &Element) -> Option<Self> {
        let class = el.class_list().item(0)?;
        let scope = el.parent_element().and_then(|p| p.closest("[id]").ok().flatten()).map(|s| s.id());
        let all = Self::all(scope.as_deref(), &class)?;
        let nth = (0..all.length()).find(|&i| all.item(i).is_some_and(|n| n == **el))?;
        Some(Self { scope, class, nth })
    }

    fn find(&self) -> Option<HtmlElement> {
        Self::all(self.scope.as_deref(), &self.class)?.item(self.nth)?.dyn_into().ok()
    }

    fn all(scope: Option<&str>, class: &str) -> Option<web_sys::NodeList> {
        let selector = format!(".{class}");
        let document = gloo::utils::document();
        match scope {
            Some(id) => document.get_element_by_id(id)?.query_selector_all(&selector).ok(),
            None => document.query_selector_all(&selector).ok(),
        }
    }
}
