//! Visualize's panel, under the editor: the controls, what the step does,
//! the frames and the objects with arrows between them, and what was
//! printed by then. Arrow keys step while the panel has focus.

use std::rc::Rc;

use pyplay_content::ui::fill;
use pyplay_protocol::{PyError, Trace, trace::MAX_STEPS};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::{
    components::{step_controls::StepControls, trace_frames::TraceFrames, trace_heap::TraceHeap},
    hooks::{use_arrows, use_ui},
    visualize::{event_words, step_for_key},
};

#[derive(PartialEq, Properties)]
pub struct StepThroughProps {
    pub trace: Rc<Trace>,
    /// 0-based.
    pub index: usize,
    /// The run's uncaught error, shown at the last step.
    #[prop_or_default]
    pub error: Option<PyError>,
    pub on_step: Callback<usize>,
    pub on_edit: Callback<()>,
    /// Record again with the larger cap; None when it was already used.
    #[prop_or_default]
    pub on_more: Option<Callback<()>>,
}

#[component]
pub fn StepThrough(props: &StepThroughProps) -> Html {
    let ui = use_ui();
    let body = use_node_ref();
    let count = props.trace.steps.len();
    let index = props.index.min(count.saturating_sub(1));
    let arrows = use_arrows(body.clone(), (Rc::as_ptr(&props.trace) as usize, index));
    let step = props.trace.steps.get(index).cloned().map(Rc::new);

    let on_keydown = {
        let on_step = props.on_step.clone();
        Callback::from(move |e: KeyboardEvent| {
            // The slider moves itself with these keys.
            if e.target_dyn_into::<HtmlInputElement>().is_some() {
                return;
            }
            if let Some(next) = step_for_key(&e.key(), index, count) {
                e.prevent_default();
                on_step.emit(next);
            }
        })
    };
    let at_end = count > 0 && index + 1 == count;

    html! {
        <section class="step-through" role="region" aria-label={ui.step_through} tabindex="0" onkeydown={on_keydown}>
            <StepControls {index} {count} on_step={props.on_step.clone()} on_edit={props.on_edit.clone()} />
            if props.trace.truncated {
                <p class="step-notice" role="status">
                    { fill(ui.steps_limit, &[("count", &count)]) }
                    if let Some(on_more) = &props.on_more {
                        { " " }
                        <button class="visualize-more" onclick={on_more.reform(|_: MouseEvent| ())}>
                            { fill(ui.visualize_more, &[("max", &MAX_STEPS)]) }
                        </button>
                    }
                </p>
            }
            if let Some(step) = step {
                <p class="step-event" aria-live="polite">{ event_words(ui, &step) }</p>
                if let Some(exception) = &step.exception {
                    <p class="step-exception">{ exception.clone() }</p>
                }
                <div class="step-body" ref={body}>
                    <TraceFrames step={step.clone()} />
                    <TraceHeap step={step.clone()} />
                    <svg class="step-arrows" aria-hidden="true">
                        <defs>
                            <marker id="step-arrow-head" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                                <path d="M0,0 L8,4 L0,8 z" />
                            </marker>
                        </defs>
                        { for arrows.iter().map(|arrow| html! {
                            <path d={arrow.path.clone()} marker-end="url(#step-arrow-head)" />
                        }) }
                    </svg>
                </div>
                <div class="step-printed">
                    <h4>{ ui.printed_so_far }</h4>
                    // Focusable: it scrolls once the output is long.
                    <pre tabindex="0">{ props.trace.printed_by(index).to_string() }</pre>
                </div>
            } else {
                <p class="step-event">{ ui.nothing_ran }</p>
            }
            if at_end {
                if let Some(error) = &props.error {
                    <p class="step-exception">{ fill(ui.ended_with, &[("kind", &error.kind), ("message", &error.message)]) }</p>
                }
            }
        </section>
    }
}
