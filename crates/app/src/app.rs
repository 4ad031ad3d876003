//! The root component: owns the Python runner and the route, lays out the page.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::components::update_notice::UpdateNotice;
use crate::{
    components::{sidebar::Sidebar, status_badge::StatusBadge, topic_page::TopicPage},
    route::Route,
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
    let route = use_state(Route::current);
    {
        let route = route.clone();
        use_effect_with((), move |()| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                route.set(Route::current());
            });
            move || drop(listener)
        });
    }
    {
        // A new topic starts at its top, or at the linked snippet.
        use_effect_with((*route).clone(), |route| {
            let document = gloo::utils::document();
            let target = route
                .snippet
                .as_ref()
                .and_then(|s| document.get_element_by_id(&format!("{}-{s}", route.topic)));
            match target {
                Some(el) => el.scroll_into_view(),
                None => gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0),
            }
        });
    }

    html! {
        <ContextProvider<Runner> context={(*runner).clone()}>
        <ContextProvider<EngineStatus> context={*status}>
            <div class="layout">
                <header class="topbar">
                    <a class="brand" href="#/">{ "Python Playground" }</a>
                    <StatusBadge />
                </header>
                <Sidebar current={route.topic.clone()} />
                <main id="main" class="content">
                    <TopicPage key={route.topic.clone()} topic_id={route.topic.clone()} />
                </main>
            </div>
            <UpdateNotice />
        </ContextProvider<EngineStatus>>
        </ContextProvider<Runner>>
    }
}
