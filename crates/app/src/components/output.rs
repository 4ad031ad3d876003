//! A run's output: stdout and stderr in the order written, then the error.
//! Everything is rendered as text nodes, never parsed as HTML.

use std::rc::Rc;

use pyplay_protocol::{PyError, Stream};

use crate::output_buffer::OutputBuffer;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct OutputProps {
    pub output: Rc<OutputBuffer>,
    pub error: Option<PyError>,
    /// A message from the playground itself (stopped, crashed).
    pub notice: Option<String>,
}

#[component]
pub fn Output(props: &OutputProps) -> Html {
    html! {
        <div class="output" aria-live="polite">
            if props.output.dropped() > 0 {
                <p class="notice dropped">{ format!("… {} earlier lines not shown", props.output.dropped()) }</p>
            }
            <pre class="stream">
                { for props.output.chunks().map(|(stream, text)| {
                    let class = match stream {
                        Stream::Stdout => "stdout",
                        Stream::Stderr => "stderr",
                        Stream::Stdin => "stdin",
                    };
                    html! { <span class={class}>{ text.clone() }</span> }
                }) }
            </pre>
            if let Some(error) = &props.error {
                <pre class="traceback" data-error-kind={error.kind.clone()}>{ error.traceback.clone() }</pre>
            }
            if let Some(notice) = &props.notice {
                <p class="notice">{ notice.clone() }</p>
            }
        </div>
    }
}
