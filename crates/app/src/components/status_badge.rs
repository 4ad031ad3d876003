//! Tells the reader whether the interpreter has loaded.

use pyplay_content::ui::fill;
use yew::prelude::*;

use crate::{hooks::use_ui, runner::EngineStatus};

#[component]
pub fn StatusBadge() -> Html {
    let ui = use_ui();
    let status = use_context::<EngineStatus>().unwrap_or(EngineStatus::Loading);
    let (class, text) = match status {
        EngineStatus::Loading => ("status loading", ui.loading_python.to_string()),
        EngineStatus::Ready { init_ms } => {
            ("status ready", fill(ui.python_ready, &[("ms", &format!("{init_ms:.0}"))]))
        }
    };
    html! { <span class={class} role="status" data-testid="engine-status">{ text }</span> }
}
