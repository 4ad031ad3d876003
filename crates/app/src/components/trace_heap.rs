//! The step's objects as boxes, in the order the frames first reach them.

use std::rc::Rc;

use pyplay_content::ui::{Ui, fill};
use pyplay_protocol::trace::{HeapObject, Kind, Step};
use yew::prelude::*;

use crate::{components::trace_value::TraceValue, hooks::use_ui, visualize::kind_words};

#[derive(PartialEq, Properties)]
pub struct TraceHeapProps {
    pub step: Rc<Step>,
}

fn heading(ui: &Ui, id: u32, object: &HeapObject) -> String {
    match object.kind {
        Kind::Function | Kind::Class => format!("#{id} {}", object.label),
        Kind::Generator => fill(
            ui.generator_box,
            &[
                ("id", &id),
                ("label", &object.label),
                ("state", &object.state.as_deref().unwrap_or("?")),
                (
                    "line",
                    &object.line.map(|line| fill(ui.generator_line, &[("line", &line)])).unwrap_or_default(),
                ),
            ],
        ),
        _ => format!("#{id} {}", kind_words(ui, object)),
    }
}

#[component]
pub fn TraceHeap(props: &TraceHeapProps) -> Html {
    let ui = use_ui();
    let step = &props.step;
    let value =
        |v: &pyplay_protocol::trace::Value| html! { <TraceValue value={v.clone()} step={step.clone()} /> };
    html! {
        <div class="trace-heap">
            <h4>{ ui.objects }</h4>
            if step.heap.is_empty() {
                <p class="trace-empty">{ ui.none_yet }</p>
            }
            { for step.heap.iter().map(|(id, object)| {
                let kind = match object.kind {
                    Kind::List => "list",
                    Kind::Tuple => "tuple",
                    Kind::Set => "set",
                    Kind::Dict => "dict",
                    Kind::Instance => "obj",
                    Kind::Class => "class",
                    Kind::Function => "fn",
                    Kind::Generator => "gen",
                    Kind::Cell => "cell",
                };
                html! {
                    <div class={classes!("trace-obj", format!("trace-{kind}"))} data-obj={id.to_string()} role="group" aria-label={heading(ui, *id, object)}>
                        <div class="trace-obj-head">{ heading(ui, *id, object) }</div>
                        if !object.items.is_empty() || matches!(object.kind, Kind::List | Kind::Tuple | Kind::Set) && object.entries.is_empty() {
                            <ol class="trace-items" start="0">
                                { for object.items.iter().map(|item| html! { <li>{ value(item) }</li> }) }
                                if object.items.is_empty() { <li class="trace-empty">{ ui.empty }</li> }
                            </ol>
                        }
                        if !object.entries.is_empty() {
                            <table class="trace-entries"><tbody>
                                { for object.entries.iter().map(|(key, item)| html! {
                                    <tr><th scope="row">{ value(key) }</th><td>{ value(item) }</td></tr>
                                }) }
                            </tbody></table>
                        }
                        if let Some(repr) = &object.repr {
                            <code class="trace-repr">{ repr.clone() }</code>
                        }
                        if object.more {
                            <p class="trace-more">{ ui.more_not_shown }</p>
                        }
                    </div>
                }
            }) }
            if step.more > 0 {
                <p class="trace-more">{ match step.more {
                    1 => ui.more_object.to_string(),
                    n => fill(ui.more_objects, &[("count", &n)]),
                } }</p>
            }
        </div>
    }
}
