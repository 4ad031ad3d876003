//! Under a traceback: what the error usually means and what to try
//! (`explain.rs`), with the names from the message as code. Nothing is
//! shown for an exception `explain` does not know.

use pyplay_protocol::PyError;
use yew::prelude::*;

use crate::{
    explain::{Span, explain},
    hooks::{use_lang, use_ui},
};

#[derive(PartialEq, Properties)]
pub struct ErrorHelpProps {
    pub error: PyError,
}

#[component]
pub fn ErrorHelp(props: &ErrorHelpProps) -> Html {
    let (lang, ui) = (use_lang(), use_ui());
    let Some(help) = explain(&props.error, lang) else {
        return html! {};
    };
    let (label, what, fix) = (ui.error_help, ui.error_means, ui.error_try);
    html! {
        // A note, not an <aside>: a complementary landmark may not sit
        // inside <main>.
        <div class="error-help" role="note" lang={lang.html_lang()} aria-label={label}>
            <p><strong>{ what }</strong>{ spans(&help.what) }</p>
            <p><strong>{ fix }</strong>{ spans(&help.fix) }</p>
        </div>
    }
}

/// Text nodes and `<code>`: names from the reader's program are never
/// parsed as HTML.
fn spans(spans: &[Span]) -> Html {
    spans
        .iter()
        .map(|span| match span {
            Span::Text(text) => html! { { text.clone() } },
            Span::Code(code) => html! { <code>{ code.clone() }</code> },
        })
        .collect()
}
