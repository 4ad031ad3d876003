//! The scratchpad, `#/scratch`: a free editor with Run/Stop and output. It
//! is a SnippetView with no lesson behind it, so it persists like one
//! (`pyplay:v1:code:scratch/main`) and shares as `#/scratch?code=…`.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::{
    components::snippet::{SnippetMode, SnippetView},
    route::SCRATCH,
};

/// What a new scratchpad holds; Reset comes back to it.
const STARTER: &str = "# Anything goes here: edit, then Run (Ctrl-Enter).\n# Your code is kept in this browser.\nprint(\"Hello from the scratchpad\")\n";

#[derive(PartialEq, Properties)]
pub struct ScratchPageProps {
    /// A share link's `code=` value.
    #[prop_or_default]
    pub shared: Option<AttrValue>,
}

#[component]
pub fn ScratchPage(props: &ScratchPageProps) -> Html {
    let keep = use_state(|| false);
    let on_keep = {
        let keep = keep.clone();
        Callback::from(move |e: Event| keep.set(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    html! {
        <article class="scratch">
            <h1>{ "Scratchpad" }</h1>
            <p class="lede">{ "A free editor: try anything, share it with a link." }</p>
            <label class="session-option">
                <input type="checkbox" checked={*keep} onchange={on_keep} />
                { " Keep variables between runs, as in a REPL" }
                <span class="hint">{ " (Stop, or a run elsewhere, starts afresh)" }</span>
            </label>
            <SnippetView
                mode={SnippetMode::Scratch { keep_globals: *keep }}
                topic_id={SCRATCH}
                snippet_id="main"
                code={STARTER}
                shared={props.shared.clone()}
            />
        </article>
    }
}
