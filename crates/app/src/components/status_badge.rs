//! Tells the reader whether the interpreter has loaded.

use yew::prelude::*;

use crate::runner::EngineStatus;

#[component]
pub fn StatusBadge() -> Html {
    let status = use_context::<EngineStatus>().unwrap_or(EngineStatus::Loading);
    let (class, text) = match status {
        EngineStatus::Loading => ("status loading", "Loading Python…".to_string()),
        EngineStatus::Ready { init_ms } => ("status ready", format!("Python ready ({init_ms:.0} ms)")),
    };
    html! { <span class={class} role="status" data-testid="engine-status">{ text }</span> }
}
