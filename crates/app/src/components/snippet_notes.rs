//! The notes under a snippet's toolbar: a share link's code, a damaged
//! share link, and the threads caveat.

use yew::prelude::*;

use crate::share::ShareError;

#[derive(PartialEq, Properties)]
pub struct SnippetNotesProps {
    /// A share link's code is on screen, untouched.
    pub showing_shared: bool,
    /// The reader has a saved version of their own.
    pub has_saved: bool,
    pub shared_error: Option<ShareError>,
    /// The code starts threads, which the browser runs one after another.
    pub uses_threads: bool,
    pub on_mine: Callback<()>,
}

#[component]
pub fn SnippetNotes(props: &SnippetNotesProps) -> Html {
    html! {
        <>
            if props.showing_shared {
                <p class="shared-note" role="note">
                    { "Code from a share link — not run until you press Run. " }
                    if props.has_saved {
                        { "Your own saved version is kept until you edit this. " }
                        <button class="mine" onclick={props.on_mine.reform(|_: MouseEvent| ())}>{ "Show my version" }</button>
                    }
                </p>
            }
            if let Some(error) = &props.shared_error {
                <p class="shared-note error" role="alert">{ error.to_string() }</p>
            }
            if props.uses_threads {
                <p class="caveat">
                    { "In the browser, threads run one after another, each to completion: \
                       results match CPython, timing and interleaving do not." }
                </p>
            }
        </>
    }
}
