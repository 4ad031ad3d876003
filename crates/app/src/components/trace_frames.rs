//! The step's frames, newest first, the module's last: each a table of
//! its variables, which is also the step's text equivalent.

use std::rc::Rc;

use pyplay_content::ui::fill;
use pyplay_protocol::trace::Step;
use yew::prelude::*;

use crate::{components::trace_value::TraceValue, hooks::use_ui};

#[derive(PartialEq, Properties)]
pub struct TraceFramesProps {
    pub step: Rc<Step>,
}

#[component]
pub fn TraceFrames(props: &TraceFramesProps) -> Html {
    let ui = use_ui();
    let step = &props.step;
    html! {
        <div class="trace-frames">
            <h4>{ ui.frames }</h4>
            { for step.frames.iter().enumerate().map(|(depth, frame)| {
                let gap = (step.frames_omitted > 0 && depth + 1 == step.frames.len()).then(|| html! {
                    <p class="trace-more">{ match step.frames_omitted {
                        1 => ui.older_frame.to_string(),
                        n => fill(ui.older_frames, &[("count", &n)]),
                    } }</p>
                });
                let title = if frame.name == "<module>" { ui.global_variables.to_string() } else { frame.name.clone() };
                let kind = if frame.generator { ui.generator_frame } else { "" };
                html! {
                    <>
                    { for gap }
                    <table class={classes!("trace-frame", (depth == 0).then_some("current"))} data-frame={frame.name.clone()}>
                        <caption>{ format!("{title}{kind}") }<span class="trace-line">{ fill(ui.frame_line, &[("line", &frame.line)]) }</span></caption>
                        if frame.locals.is_empty() {
                            <tbody><tr><td colspan="2" class="trace-empty">{ ui.no_variables }</td></tr></tbody>
                        } else {
                            <tbody>
                                { for frame.locals.iter().map(|(name, value)| html! {
                                    <tr data-name={name.clone()}>
                                        <th scope="row">{ name.clone() }</th>
                                        <td><TraceValue value={value.clone()} step={step.clone()} /></td>
                                    </tr>
                                }) }
                            </tbody>
                        }
                    </table>
                    </>
                }
            }) }
        </div>
    }
}
