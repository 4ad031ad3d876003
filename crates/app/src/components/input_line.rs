//! The line a running program waits for in `input()`: typed under its
//! prompt in the output, sent with Enter.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::use_ui;

#[derive(PartialEq, Properties)]
pub struct InputLineProps {
    /// The typed line, without its newline.
    pub on_submit: Callback<String>,
}

#[component]
pub fn InputLine(props: &InputLineProps) -> Html {
    let ui = use_ui();
    let input = use_node_ref();
    {
        // The program is waiting for the reader: put the caret there.
        let input = input.clone();
        use_effect_with((), move |()| {
            if let Some(el) = input.cast::<HtmlInputElement>() {
                let _ = el.focus();
            }
        });
    }
    let onkeydown = {
        let on_submit = props.on_submit.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                let el = e.target_unchecked_into::<HtmlInputElement>();
                on_submit.emit(el.value());
            }
        })
    };
    html! {
        <input
            ref={input}
            class="input-line"
            type="text"
            aria-label={ui.input_line}
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            {onkeydown}
        />
    }
}
