//! Search: a box in the top bar with results as you type, and the results
//! page `#/search?q=…`. The index is fetched when the box is first used
//! (crate::search_index).
//! Keys: `/` focuses the box, arrows move between results (real focus, so
//! each result is an ordinary link), Enter opens, Esc closes.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use pyplay_content::{
    Lang,
    ui::{Ui, fill},
};
use pyplay_search::Hit;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, Node};
use yew::prelude::*;

use crate::{
    hooks::{use_lang, use_ui},
    route::Route,
    search_index::{SearchIndex, use_search_index},
};

/// Results shown under the box; the rest are on the results page.
const DROPDOWN: usize = 8;

/// Results on the results page whose topics' prose is fetched for their
/// excerpts; the rest show a line of code or the start of what is here.
const PAGE_EXCERPTS: usize = 20;

/// The hits for `query`, their excerpts cut again as the prose of the
/// first `excerpts` hits' topics arrives (crate::lessons).
#[hook]
fn use_hits(query: &str, lang: Lang, index: &SearchIndex, excerpts: usize) -> Rc<Vec<Hit>> {
    let arrived = use_reducer(Arrived::default);
    let hits = use_memo((query.to_string(), lang, index.clone(), arrived.0), |(q, lang, index, _)| {
        index.search_in(q, *lang)
    });
    let mut topics: Vec<&'static str> = hits.iter().take(excerpts).map(|h| h.topic).collect();
    topics.sort_unstable();
    topics.dedup();
    let arrived = arrived.dispatcher();
    use_effect_with((topics, lang), move |(topics, lang)| {
        crate::lessons::load_all(topics, *lang, &Callback::from(move |()| arrived.dispatch(())));
    });
    hits
}

/// How many topics' prose has arrived for [`use_hits`].
#[derive(Default, PartialEq)]
struct Arrived(u32);

impl Reducible for Arrived {
    type Action = ();
    fn reduce(self: Rc<Self>, (): ()) -> Rc<Self> {
        Rc::new(Arrived(self.0 + 1))
    }
}

fn hit_item(ui: &Ui, hit: &Hit, onclick: Callback<MouseEvent>) -> Html {
    let place = if hit.snippet.is_some() { hit.topic_title } else { ui.search_topic };
    html! {
        <li>
            <a href={hit.href()} {onclick}>
                <span class="hit-title">{ hit.title }</span>
                <span class="hit-place">{ place }</span>
                <span class="hit-excerpt">{ hit.excerpt.clone() }</span>
            </a>
        </li>
    }
}

/// What to say instead of results while the index is not there.
fn waiting(ui: &Ui, index: &SearchIndex) -> Option<&'static str> {
    match index {
        SearchIndex::Loading => Some(ui.search_loading),
        SearchIndex::Failed => Some(ui.search_failed),
        SearchIndex::Ready(_) => None,
    }
}

fn count(ui: &Ui, n: usize) -> String {
    match n {
        0 => ui.no_results.into(),
        1 => ui.one_result.into(),
        n => fill(ui.n_results, &[("count", &n)]),
    }
}

/// Is the reader typing somewhere (an input, the code editor)?
fn typing(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) else { return false };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}

#[component]
pub fn SearchBox() -> Html {
    let ui = use_ui();
    let query = use_state(String::new);
    let open = use_state(|| false);
    let input = use_node_ref();
    let list = use_node_ref();
    let lang = use_lang();
    // Fetched from the box's first focus, while the reader starts typing.
    let index = use_search_index(open.then(|| AttrValue::from((*query).clone())));
    let hits = use_hits(&query, lang, &index, DROPDOWN);

    {
        let input = input.clone();
        use_effect_with((), move |()| {
            let options = EventListenerOptions::enable_prevent_default();
            let listener =
                EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |e| {
                    let e = e.unchecked_ref::<KeyboardEvent>();
                    if e.key() == "/" && !e.ctrl_key() && !e.meta_key() && !e.alt_key() && !typing(e.target())
                    {
                        e.prevent_default();
                        if let Some(el) = input.cast::<HtmlInputElement>() {
                            let _ = el.focus();
                            el.select();
                        }
                    }
                });
            move || drop(listener)
        });
    }

    let oninput = {
        let (query, open) = (query.clone(), open.clone());
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
            open.set(true);
        })
    };
    let onfocus = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(true))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    // Focus leaving the whole widget closes the list.
    let onfocusout = {
        let open = open.clone();
        Callback::from(move |e: FocusEvent| {
            let root = e.current_target().and_then(|t| t.dyn_into::<Node>().ok());
            let to = e.related_target().and_then(|t| t.dyn_into::<Node>().ok());
            if !root.is_some_and(|r| r.contains(to.as_ref())) {
                open.set(false);
            }
        })
    };
    let onkeydown = {
        let (open, input, list, hits) = (open.clone(), input.clone(), list.clone(), hits.clone());
        Callback::from(move |e: KeyboardEvent| {
            let links: Vec<HtmlElement> = list
                .cast::<Element>()
                .and_then(|l| l.query_selector_all("a").ok())
                .map(|nodes| (0..nodes.length()).filter_map(|i| nodes.item(i)?.dyn_into().ok()).collect())
                .unwrap_or_default();
            let active = gloo::utils::document().active_element();
            let at = links.iter().position(|l| active.as_ref() == Some(l.as_ref()));
            let focus_input = || {
                if let Some(el) = input.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
            };
            match e.key().as_str() {
                "ArrowDown" => {
                    e.prevent_default();
                    open.set(true);
                    let next = at.map_or(0, |i| (i + 1).min(links.len().saturating_sub(1)));
                    if let Some(link) = links.get(next) {
                        let _ = link.focus();
                    }
                }
                "ArrowUp" => {
                    e.prevent_default();
                    match at {
                        Some(0) | None => focus_input(),
                        Some(i) => {
                            let _ = links[i - 1].focus();
                        }
                    }
                }
                "Enter" if at.is_none() => {
                    if let Some(hit) = hits.first() {
                        e.prevent_default();
                        crate::lessons::navigate(&hit.href());
                        open.set(false);
                    }
                }
                // Enter on a result: the link's own click closes the list. Closing
                // here would remove the link before the browser follows it.
                "Escape" => {
                    // Focusing the box reopens the list (onfocus): close after.
                    focus_input();
                    open.set(false);
                }
                _ => {}
            }
        })
    };

    let shown = *open && !query.trim().is_empty();
    html! {
        <div class="search" role="search" {onkeydown} {onfocusout}>
            <input
                ref={input}
                type="search"
                class="search-input"
                placeholder={ui.search_placeholder}
                aria-label={ui.search_label}
                aria-controls="search-results"
                aria-keyshortcuts="/"
                autocomplete="off"
                spellcheck="false"
                value={(*query).clone()}
                {oninput}
                {onfocus}
            />
            <span class="visually-hidden" role="status">
                { match (shown, waiting(ui, &index)) {
                    (false, _) => String::new(),
                    (true, Some(note)) => note.to_string(),
                    (true, None) => count(ui, hits.len()),
                } }
            </span>
            // Always in the DOM: aria-controls must name an element that exists.
            <div id="search-results" class="search-results" ref={list} hidden={!shown}>
                if shown {
                    if let Some(note) = waiting(ui, &index) {
                        <p class="search-empty">{ note }</p>
                    } else if hits.is_empty() {
                        <p class="search-empty">{ ui.no_results }</p>
                    } else {
                        <ul>
                            { for hits.iter().take(DROPDOWN).map(|h| hit_item(ui, h, close.clone())) }
                        </ul>
                        if hits.len() > DROPDOWN {
                            <a class="all-results" href={Route::search_href(lang, &query)} onclick={close.clone()}>
                                { fill(ui.all_results, &[("count", &hits.len())]) }
                            </a>
                        }
                    }
                }
            </div>
        </div>
    }
}

#[derive(PartialEq, Properties)]
pub struct SearchPageProps {
    pub query: AttrValue,
}

/// `#/search?q=…`: every result, deep-linkable.
#[component]
pub fn SearchPage(props: &SearchPageProps) -> Html {
    let ui = use_ui();
    let lang = use_lang();
    let index = use_search_index(Some(props.query.clone()));
    let hits = use_hits(&props.query, lang, &index, PAGE_EXCERPTS);
    html! {
        <article class="search-page">
            <h1>{ ui.search }</h1>
            if props.query.trim().is_empty() {
                <p>{ ui.search_prompt }</p>
            } else if let Some(note) = waiting(ui, &index) {
                <p class="search-count" role="status">{ note }</p>
            } else {
                <p class="search-count">{ fill(ui.results_for, &[("count", &count(ui, hits.len())), ("query", &props.query)]) }</p>
                <ul class="search-list">
                    { for hits.iter().map(|h| hit_item(ui, h, Callback::noop())) }
                </ul>
            }
        </article>
    }
}

#[cfg(test)]
mod tests {
    use pyplay_content::ui::{EN, ZH};

    use super::count;

    #[test]
    fn counts_results_in_either_language() {
        assert_eq!([count(&EN, 0), count(&EN, 1), count(&EN, 12)], ["No results", "1 result", "12 results"]);
        assert_eq!([count(&ZH, 0), count(&ZH, 1), count(&ZH, 12)], ["没有结果", "1 个结果", "12 个结果"]);
    }
}
