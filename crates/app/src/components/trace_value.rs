//! One value in the step-through: drawn in place, or a dot an arrow
//! leaves from (the arrow is drawn by the panel; the dot also names its
//! object, for screen readers and for a reader who loses the arrow).

use std::rc::Rc;

use pyplay_content::ui::fill;
use pyplay_protocol::trace::{Step, Value};
use yew::prelude::*;

use crate::{hooks::use_ui, visualize::value_words};

#[derive(PartialEq, Properties)]
pub struct TraceValueProps {
    pub value: Value,
    pub step: Rc<Step>,
}

#[component]
pub fn TraceValue(props: &TraceValueProps) -> Html {
    let ui = use_ui();
    match &props.value {
        Value::Inline(text) => html! { <code class="trace-inline">{ text.clone() }</code> },
        Value::Ref(id) => html! {
            <span class="trace-ref" data-target={id.to_string()}>
                <span class="trace-dot" aria-hidden="true"></span>
                <span class="visually-hidden">{ fill(ui.points_to, &[("value", &value_words(ui, &props.value, &props.step))]) }</span>
                <span class="trace-ref-id" aria-hidden="true">{ format!("#{id}") }</span>
            </span>
        },
    }
}
