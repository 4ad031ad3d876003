//! The scratchpad, `scratch/`: a free editor with Run/Stop and output. It
//! is a SnippetView with no lesson behind it, so it persists like one
//! (`pyplay:v1:code:scratch/main`) and shares as `scratch/#?code=…`.
//! crates/content/src/bin/pages.rs writes the same page at build time.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::{
    components::snippet::{SnippetMode, SnippetView},
    hooks::use_ui,
    route::SCRATCH,
};

#[derive(PartialEq, Properties)]
pub struct ScratchPageProps {
    /// A share link's `code=` value.
    #[prop_or_default]
    pub shared: Option<AttrValue>,
}

#[component]
pub fn ScratchPage(props: &ScratchPageProps) -> Html {
    let ui = use_ui();
    let keep = use_state(|| false);
    let on_keep = {
        let keep = keep.clone();
        Callback::from(move |e: Event| keep.set(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    html! {
        <article class="scratch">
            <h1>{ ui.scratchpad }</h1>
            <p class="lede">{ ui.scratch_lede }</p>
            <label class="session-option">
                <input type="checkbox" checked={*keep} onchange={on_keep} />
                { ui.keep_variables }
                <span class="hint">{ ui.keep_variables_hint }</span>
            </label>
            <SnippetView
                mode={SnippetMode::Scratch { keep_globals: *keep }}
                topic_id={SCRATCH}
                snippet_id="main"
                code={ui.scratch_starter}
                shared={props.shared.clone()}
            />
        </article>
    }
}
