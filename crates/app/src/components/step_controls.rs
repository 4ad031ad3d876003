//! The step-through's controls: first, previous, a slider, next, last,
//! "Step N of M", and Edit.

use pyplay_content::ui::fill;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::use_ui;

#[derive(PartialEq, Properties)]
pub struct StepControlsProps {
    /// 0-based.
    pub index: usize,
    pub count: usize,
    pub on_step: Callback<usize>,
    pub on_edit: Callback<()>,
}

#[component]
pub fn StepControls(props: &StepControlsProps) -> Html {
    let ui = use_ui();
    let last = props.count.saturating_sub(1);
    let go = |to: usize| props.on_step.reform(move |_: MouseEvent| to);
    let on_slide = props.on_step.reform(|e: InputEvent| {
        let value = e.target_unchecked_into::<HtmlInputElement>().value();
        value.parse::<usize>().map_or(0, |n| n.saturating_sub(1))
    });
    let (at_start, at_end) = (props.index == 0, props.index >= last);
    html! {
        <div class="step-controls">
            <button class="step-first" onclick={go(0)} disabled={at_start} aria-label={ui.first_step}>{ "|◀" }</button>
            <button class="step-prev" onclick={go(props.index.saturating_sub(1))} disabled={at_start} aria-label={ui.previous_step}>{ ui.previous }</button>
            <input
                class="step-slider"
                type="range"
                min="1"
                max={props.count.max(1).to_string()}
                value={(props.index + 1).to_string()}
                aria-label={ui.step}
                oninput={on_slide}
            />
            <button class="step-next" onclick={go((props.index + 1).min(last))} disabled={at_end} aria-label={ui.next_step}>{ ui.next_label }</button>
            <button class="step-last" onclick={go(last)} disabled={at_end} aria-label={ui.last_step}>{ "▶|" }</button>
            <span class="step-count">{ fill(ui.step_of, &[("n", &(props.index + 1)), ("count", &props.count)]) }</span>
            <button class="step-edit" onclick={props.on_edit.reform(|_: MouseEvent| ())}>{ ui.edit }</button>
        </div>
    }
}
