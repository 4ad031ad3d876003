//! The search index, fetched on the reader's first search rather than built
//! into the app: it would be a third of the app's wasm, which every visitor
//! downloads and most never search. One fetch per page load; a failure is
//! retried by the next search.

use std::{cell::RefCell, rc::Rc};

use gloo::net::http::Request;
use pyplay_search::Index;
use yew::prelude::*;

/// Where the index is, as a component sees it.
#[derive(Clone)]
pub enum SearchIndex {
    Loading,
    Ready(Rc<Index>),
    Failed,
}

/// The same index is the same `Rc`: no walk through its words.
impl PartialEq for SearchIndex {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Ready(a), Self::Ready(b)) => Rc::ptr_eq(a, b),
            (Self::Loading, Self::Loading) | (Self::Failed, Self::Failed) => true,
            _ => false,
        }
    }
}

impl SearchIndex {
    /// [`Index::search_in`], or nothing while there is no index.
    pub fn search_in(&self, query: &str, lang: pyplay_content::Lang) -> Vec<pyplay_search::Hit> {
        match self {
            Self::Ready(index) => index.search_in(query, lang),
            Self::Loading | Self::Failed => Vec::new(),
        }
    }
}

thread_local! {
    /// `None` until the first search asks for it.
    static STATE: RefCell<Option<SearchIndex>> = const { RefCell::new(None) };
    /// Components to re-render when the fetch ends.
    static WAITING: RefCell<Vec<Callback<()>>> = const { RefCell::new(Vec::new()) };
}

/// Starts the fetch unless it is under way or done, and calls `done` when it ends.
fn request(done: Callback<()>) {
    let start = STATE.with_borrow_mut(|state| {
        if let Some(SearchIndex::Ready(_)) = state {
            return false;
        }
        WAITING.with_borrow_mut(|w| w.push(done));
        let idle = !matches!(state, Some(SearchIndex::Loading));
        if idle {
            *state = Some(SearchIndex::Loading);
        }
        idle
    });
    if !start {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        let got = fetch().await;
        if let Err(why) = &got {
            web_sys::console::warn_1(&format!("pyplay: search index: {why}").into());
        }
        let state = got.map_or(SearchIndex::Failed, |index| SearchIndex::Ready(Rc::new(index)));
        STATE.set(Some(state));
        for done in WAITING.take() {
            done.emit(());
        }
    });
}

async fn fetch() -> Result<Index, String> {
    // Relative to the site root: every page's <base>.
    let response = Request::get(pyplay_search::FILE).send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let bytes = response.binary().await.map_err(|e| e.to_string())?;
    Index::from_bytes(&bytes).map_err(|e| e.to_string())
}

/// The index, loaded once a query is `wanted` (a search box in use, a
/// results page); the component re-renders when loading ends, and a new
/// query retries a failed load. `Loading` until then.
#[hook]
pub fn use_search_index(wanted: Option<AttrValue>) -> SearchIndex {
    let update = use_force_update();
    use_effect_with(wanted, move |wanted| {
        if wanted.is_some() {
            request(Callback::from(move |()| update.force_update()));
        }
    });
    STATE.with_borrow(|state| state.clone().unwrap_or(SearchIndex::Loading))
}
