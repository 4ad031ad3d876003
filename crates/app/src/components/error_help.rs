//! Under a traceback: what the error usually means and what to try
//! (`explain.rs`), with the names from the message as code. Nothing is
//! shown for an exception `explain` does not know.

use pyplay_content::Lang;
use pyplay_protocol::PyError;
use yew::prelude::*;

use crate::explain::{Span, explain};

#[derive(PartialEq, Properties)]
pub struct ErrorHelpProps {
    pub error: PyError,
    /// The page's language.
    #[prop_or_default]
    pub lang: Lang,
}

#[component]
pub fn ErrorHelp(props: &ErrorHelpProps) -> Html {
    let Some(help) = explain(&props.error, props.lang) else {
        return html! {};
    };
    let (label, what, fix) = match props.lang {
        Lang::En => ("Help with this error", "What it means: ", "Try: "),
        Lang::Zh => ("关于这个错误", "含义：", "怎么改："),
    };
    html! {
        // A note, not an <aside>: a complementary landmark may not sit
        // inside <main>.
        <div class="error-help" role="note" lang={props.lang.html_lang()} aria-label={label}>
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
