//! The root component: owns the Python runner and the route, lays out the page.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::components::update_notice::UpdateNotice;
use crate::components::{
    home_page::HomePage,
    progress_page::ProgressPage,
    scratch_page::ScratchPage,
    search::{SearchBox, SearchPage},
    theme_toggle::ThemeToggle,
};
use crate::{
    components::{sidebar::Sidebar, status_badge::StatusBadge, topic_page::TopicPage},
    progress::Progress,
    route::{Route, View},
    runner::{EngineStatus, Runner},
    storage,
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
    let progress = use_reducer(storage::load_progress);
    use_effect_with((*progress).clone(), storage::save_progress);
    use_effect_with((*route).clone(), |route| {
        if route.view == View::Topic {
            storage::save_last_topic(&route.topic);
        }
    });
    // The sidebar behind the menu button, on narrow screens.
    let nav_open = use_state(|| false);
    {
        let nav_open = nav_open.clone();
        use_effect_with((*route).clone(), move |_| nav_open.set(false));
    }
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

    let main = match &route.view {
        View::Topic => html! {
            <TopicPage
                key={route.topic.clone()}
                topic_id={route.topic.clone()}
                snippet_id={route.snippet.clone().map(AttrValue::from)}
                shared={route.code.clone().map(AttrValue::from)}
            />
        },
        View::Scratch => html! {
            <ScratchPage key={route.code.clone().unwrap_or_default()} shared={route.code.clone().map(AttrValue::from)} />
        },
        View::Search(query) => html! { <SearchPage query={query.clone()} /> },
        View::Home => html! { <HomePage /> },
        View::Progress => html! { <ProgressPage /> },
    };
    let current = if route.view == View::Topic { route.topic.clone() } else { String::new() };
    let toggle_nav = {
        let nav_open = nav_open.clone();
        Callback::from(move |_: MouseEvent| nav_open.set(!*nav_open))
    };

    html! {
        <ContextProvider<Runner> context={(*runner).clone()}>
        <ContextProvider<EngineStatus> context={*status}>
        <ContextProvider<UseReducerHandle<Progress>> context={progress.clone()}>
            <div class={classes!("layout", nav_open.then_some("nav-open"))}>
                <header class="topbar">
                    <button class="menu-toggle" aria-controls="sidebar" aria-expanded={nav_open.to_string()} onclick={toggle_nav}>
                        { "Menu" }
                    </button>
                    <a class="brand" href="#/">{ "Python Playground" }</a>
                    <SearchBox />
                    <a class="scratch-link" href="#/scratch" aria-current={(route.view == View::Scratch).then_some("page")}>{ "Scratchpad" }</a>
                    <a class="progress-link" href="#/progress" aria-current={(route.view == View::Progress).then_some("page")}>{ "Progress" }</a>
                    <ThemeToggle />
                    <StatusBadge />
                </header>
                <Sidebar current={current} />
                <main id="main" class="content">
                    { main }
                </main>
            </div>
            <UpdateNotice />
        </ContextProvider<UseReducerHandle<Progress>>>
        </ContextProvider<EngineStatus>>
        </ContextProvider<Runner>>
    }
}
