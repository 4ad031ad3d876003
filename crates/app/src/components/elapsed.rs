//! "running 2.4 s" while a run is in progress, "finished in 12 ms" after:
//! a long run is never a silent hang.

use gloo::timers::callback::Interval;
use pyplay_content::ui::fill;
use yew::prelude::*;

use crate::hooks::use_ui;

#[derive(PartialEq, Properties)]
pub struct ElapsedProps {
    /// `performance.now()` when the worker took the run, while it runs.
    pub running_since: Option<f64>,
    /// The worker's own measure of the finished run.
    pub finished_ms: Option<f64>,
}

fn now_ms() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

#[component]
pub fn Elapsed(props: &ElapsedProps) -> Html {
    let ui = use_ui();
    let tick = use_state(|| 0u32);
    {
        let tick = tick.clone();
        use_effect_with(props.running_since.is_some(), move |running| {
            let interval = running.then(|| Interval::new(100, move || tick.set(tick.wrapping_add(1))));
            move || drop(interval)
        });
    }
    match (props.running_since, props.finished_ms) {
        (Some(since), _) => html! {
            <span class="elapsed running" role="timer">{ fill(ui.running_for, &[("seconds", &format!("{:.1}", (now_ms() - since) / 1000.0))]) }</span>
        },
        (None, Some(ms)) => {
            html! { <span class="elapsed">{ fill(ui.finished_in, &[("ms", &format!("{ms:.0}"))]) }</span> }
        }
        (None, None) => Html::default(),
    }
}
