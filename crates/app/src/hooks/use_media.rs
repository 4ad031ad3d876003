//! Whether a CSS media query matches, kept current as the window changes.

use gloo::events::EventListener;
use yew::prelude::*;

/// `query` matches now; the component re-renders when that changes. False
/// where the browser cannot evaluate it.
#[hook]
pub fn use_media(query: &'static str) -> bool {
    let list = use_memo((), |()| gloo::utils::window().match_media(query).ok().flatten());
    let matches = use_state(|| list.as_ref().as_ref().is_some_and(web_sys::MediaQueryList::matches));
    {
        let matches = matches.clone();
        use_effect_with((), move |()| {
            let listener = list.as_ref().as_ref().map(|target| {
                let list = target.clone();
                EventListener::new(target, "change", move |_| matches.set(list.matches()))
            });
            move || drop(listener)
        });
    }
    *matches
}
