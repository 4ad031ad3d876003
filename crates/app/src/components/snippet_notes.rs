//! The notes under a snippet's toolbar: a share link's code, a damaged
//! share link, and the threads caveat.

use yew::prelude::*;

use crate::{hooks::use_ui, share::ShareError};

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
    let ui = use_ui();
    html! {
        <>
            if props.showing_shared {
                <p class="shared-note" role="note">
                    { ui.shared_note }
                    if props.has_saved {
                        { ui.shared_saved }
                        <button class="mine" onclick={props.on_mine.reform(|_: MouseEvent| ())}>{ ui.show_mine }</button>
                    }
                </p>
            }
            if let Some(error) = &props.shared_error {
                <p class="shared-note error" role="alert">{ error.message(ui) }</p>
            }
            if props.uses_threads {
                <p class="caveat">
                    { ui.threads_caveat }
                </p>
            }
        </>
    }
}
