//! "New version available — Reload": shown when a new deploy is installed
//! while this page runs the old one. The page keeps its files until the
//! reader clicks, so a lesson in progress is never swapped out under them.

use web_sys::ServiceWorker;
use yew::prelude::*;

use crate::{hooks::use_ui, runner::EngineStatus, service_worker};

#[derive(PartialEq, Properties)]
pub struct UpdateNoticeProps {
    /// The service worker's script, relative to the page.
    #[prop_or(AttrValue::Static("sw.js"))]
    pub script: AttrValue,
}

#[component]
pub fn UpdateNotice(props: &UpdateNoticeProps) -> Html {
    let ui = use_ui();
    let status = use_context::<EngineStatus>().unwrap_or(EngineStatus::Loading);
    let waiting = use_state(|| None::<ServiceWorker>);
    let reloading = use_state(|| false);
    {
        // Registered once Python is ready (and a few seconds more,
        // service_worker::watch): the precache download (the interpreter
        // again) must not compete with the first load or the first run.
        let (waiting, reloading) = (waiting.clone(), reloading.clone());
        let ready = matches!(status, EngineStatus::Ready { .. });
        let registered = use_mut_ref(|| false);
        use_effect_with((ready, props.script.clone()), move |(ready, script)| {
            if *ready && !registered.replace(true) {
                service_worker::watch(
                    script.to_string(),
                    Callback::from(move |w| {
                        // A newer build may replace the one a click was for.
                        waiting.set(Some(w));
                        reloading.set(false);
                    }),
                );
            }
        });
    }
    let Some(worker) = (*waiting).clone() else { return Html::default() };
    let onclick = {
        let reloading = reloading.clone();
        Callback::from(move |_| {
            reloading.set(true);
            service_worker::apply(&worker);
        })
    };
    html! {
        <div class="update-notice" role="status" data-testid="update-notice">
            <span>{ ui.new_version }</span>
            <button type="button" {onclick} disabled={*reloading}>
                { if *reloading { ui.reloading } else { ui.reload } }
            </button>
        </div>
    }
}
