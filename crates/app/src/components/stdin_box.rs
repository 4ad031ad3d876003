//! The lines `input()` and `sys.stdin` read, typed before the run. Past
//! them, `input()` asks in the output, where the service worker can hold the
//! Python worker while the reader types (crates/worker/src/blocking.rs).

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::hooks::use_ui;

#[derive(PartialEq, Properties)]
pub struct StdinBoxProps {
    /// For the label's `for`; unique on the page.
    pub id: AttrValue,
    pub value: AttrValue,
    pub on_change: Callback<String>,
}

#[component]
pub fn StdinBox(props: &StdinBoxProps) -> Html {
    let ui = use_ui();
    let oninput =
        props.on_change.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let rows = props.value.lines().count().clamp(2, 8).to_string();
    html! {
        <div class="stdin-box">
            <label for={props.id.clone()}>{ ui.stdin_label }</label>
            <textarea
                id={props.id.clone()}
                class="stdin"
                rows={rows}
                spellcheck="false"
                autocapitalize="off"
                value={props.value.clone()}
                {oninput}
            />
            <p class="hint">
                { ui.stdin_hint }
            </p>
        </div>
    }
}

/// Whether `code` reads standard input, so the snippet offers the box
/// (pdb, opened by `breakpoint()`, reads its commands there).
#[must_use]
pub fn reads_stdin(code: &str) -> bool {
    ["input(", "sys.stdin", "fileinput", "breakpoint(", "pdb"].iter().any(|s| code.contains(s))
}

#[cfg(test)]
mod tests {
    use super::reads_stdin;

    #[test]
    fn offers_the_box_only_to_code_that_reads_stdin() {
        assert!(reads_stdin("name = input('Name? ')"));
        assert!(reads_stdin("import sys\nfor line in sys.stdin: pass"));
        assert!(reads_stdin("x = 1\nbreakpoint()"));
        assert!(reads_stdin("import pdb; pdb.set_trace()"));
        assert!(!reads_stdin("print('no input here')"));
    }
}
