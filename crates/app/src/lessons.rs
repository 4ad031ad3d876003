//! A topic's prose, fetched from its body file the first time the app shows
//! the topic in a language (pyplay_content::prose): the app's wasm carries
//! the outline of every lesson (titles, code, checks) but not their prose.
//! The first page's is fetched while the app starts; a link to another
//! topic is followed once its prose is here (or by loading that page, if it
//! cannot be fetched); anything else waits in [`use_body`].

use std::cell::RefCell;

use gloo::net::http::Request;
use pyplay_content::{Lang, Topic};
use yew::prelude::*;

use crate::route::{self, Route, View};

/// Fetches and installs `topic`'s prose in `lang`, unless it is installed.
pub async fn load(topic: &'static Topic, lang: Lang) -> Result<(), String> {
    let body = topic.body(lang);
    if body.is_loaded() {
        return Ok(());
    }
    let fetched = async {
        // Relative to the site root: every page's <base>.
        let response = Request::get(body.file).send().await.map_err(|e| e.to_string())?;
        if !response.ok() {
            return Err(format!("HTTP {}", response.status()));
        }
        let json = response.text().await.map_err(|e| e.to_string())?;
        body.install(&json).map_err(|e| e.0)
    };
    fetched.await.inspect_err(|why| {
        web_sys::console::warn_1(&format!("pyplay: {}: {why}", body.file).into());
    })
}

/// The topic a route shows, if its prose is still to be fetched.
fn missing(route: &Route) -> Option<(&'static Topic, Lang)> {
    let (_, topic) = pyplay_content::topic(&route.topic).filter(|_| route.view == View::Topic)?;
    (!topic.body(route.lang).is_loaded()).then_some((topic, route.lang))
}

/// Starts fetching the prose of the page the app is about to show; the
/// promise settles when it is installed or has failed.
pub fn prefetch_current() -> Option<js_sys::Promise> {
    let (topic, lang) = missing(&Route::current())?;
    Some(wasm_bindgen_futures::future_to_promise(async move {
        let _ = load(topic, lang).await;
        Ok(wasm_bindgen::JsValue::UNDEFINED)
    }))
}

thread_local! {
    /// The link being followed while its prose is fetched.
    static FOLLOWING: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// [`route::navigate`] to `href` once the prose it shows is here; if it
/// cannot be fetched, `href` is loaded as a page, which holds its prose.
/// Of links followed meanwhile the last one wins, and a second click on
/// the same link adds no history entry.
pub fn navigate(href: &str) {
    let absolute = web_sys::Url::new_with_base(href, &route::site_root()).map(|u| u.href());
    let Some((topic, lang)) = absolute.ok().and_then(|href| missing(&Route::of_href(&href))) else {
        FOLLOWING.set(None);
        route::navigate(href);
        return;
    };
    let href = href.to_string();
    if FOLLOWING.replace(Some(href.clone())).as_ref() == Some(&href) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = load(topic, lang).await;
        if FOLLOWING.with_borrow(|f| f.as_ref() != Some(&href)) {
            return;
        }
        FOLLOWING.set(None);
        match loaded {
            Ok(()) => route::navigate(&href),
            Err(_) => {
                let _ = gloo::utils::window().location().set_href(&href);
            }
        }
    });
}

/// Whether a topic's prose can be shown yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyState {
    Ready,
    Loading,
    Failed,
}

/// `topic`'s prose in `lang`: fetched if it is not here (back or forward
/// to a page whose prose was never fetched), the component re-rendered
/// when that ends. `Ready` for no topic: there is nothing to fetch.
#[hook]
pub fn use_body(topic: Option<&'static Topic>, lang: Lang) -> BodyState {
    let failed = use_state(|| None::<(&'static str, Lang)>);
    let ready = topic.is_none_or(|t| t.body(lang).is_loaded());
    {
        let failed = failed.clone();
        let update = use_force_update();
        use_effect_with((topic.map(|t| t.id), lang), move |&(_, lang)| {
            if let Some(topic) = topic.filter(|_| !ready) {
                wasm_bindgen_futures::spawn_local(async move {
                    match load(topic, lang).await {
                        Ok(()) => update.force_update(),
                        Err(_) => failed.set(Some((topic.id, lang))),
                    }
                });
            }
        });
    }
    match (ready, topic.is_some_and(|t| *failed == Some((t.id, lang)))) {
        (true, _) => BodyState::Ready,
        (false, true) => BodyState::Failed,
        (false, false) => BodyState::Loading,
    }
}

/// Fetches the prose of `topics` in `lang` that is not here yet, and emits
/// `arrived` as each comes (search results' excerpts are cut from it).
pub fn load_all(topics: &[&'static str], lang: Lang, arrived: &Callback<()>) {
    let wanted = topics.iter().filter_map(|id| pyplay_content::topic(id)).map(|(_, t)| t);
    for topic in wanted.filter(|t| !t.body(lang).is_loaded()) {
        let arrived = arrived.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if load(topic, lang).await.is_ok() {
                arrived.emit(());
            }
        });
    }
}
