//! The root component: owns the Python runner and lays out the page.

use yew::prelude::*;

use crate::{
    components::{sidebar::Sidebar, status_badge::StatusBadge, topic_page::TopicPage},
    runner::{EngineStatus, Runner},
};

#[component]
pub fn App() -> Html {
    let status = use_state(|| EngineStatus::Loading);
    // Created once, on first render: the worker starts loading right away.
    let runner = {
        let status = status.clone();
        use_memo((), move |()| Runner::start(Callback::from(move |s| status.set(s))))
    };
    let topic = pyplay_content::first_topic();

    html! {
        <ContextProvider<Runner> context={(*runner).clone()}>
        <ContextProvider<EngineStatus> context={*status}>
            <div class="layout">
                <header class="topbar">
                    <a class="brand" href="./">{ "Python Playground" }</a>
                    <StatusBadge />
                </header>
                <Sidebar current={topic.id} />
                <main id="main" class="content">
                    <TopicPage topic_id={topic.id} />
                </main>
            </div>
        </ContextProvider<EngineStatus>>
        </ContextProvider<Runner>>
    }
}
