//! The root component: owns the Python runner and the route, lays out the page.

use gloo::events::{EventListener, EventListenerOptions};
use pyplay_content::{
    Lang,
    ui::{self, fill},
};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::update_notice::UpdateNotice;
use crate::components::{
    home_page::HomePage,
    language_switch::LanguageSwitch,
    progress_page::ProgressPage,
    scratch_page::ScratchPage,
    search::{SearchBox, SearchPage},
    theme_toggle::ThemeToggle,
};
use crate::{
    components::{sidebar::Sidebar, status_badge::StatusBadge, topic_page::TopicPage},
    lang,
    progress::Progress,
    route::{self, Route, View},
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
    let lang = route.lang;
    let ui = ui::ui(lang);
    // The root page shows the language last read in.
    use_effect_with(lang, |&lang| {
        lang::apply(lang);
        lang::remember(lang);
    });
    use_effect_with((*route).clone(), |route| {
        if route.view == View::Topic {
            storage::save_last_topic(&route.topic);
        }
    });
    // The sidebar behind the menu button, on narrow screens (style.css).
    let nav_open = use_state(|| false);
    let phone = crate::hooks::use_media("(max-width: 48rem)");
    {
        let nav_open = nav_open.clone();
        use_effect_with((*route).clone(), move |_| nav_open.set(false));
    }
    {
        // Back, forward, route::navigate (popstate), a fragment typed in (hashchange),
        // and a click on a link to a page of the app, shown without loading it.
        let route = route.clone();
        use_effect_with((), move |()| {
            let window = gloo::utils::window();
            let listeners = ["popstate", "hashchange"].map(|name| {
                let route = route.clone();
                EventListener::new(&window, name, move |_| route.set(Route::current()))
            });
            // The address may have changed between the first render and now.
            let now = Route::current();
            if now != *route {
                route.set(now);
            }
            // Not passive: a followed link's own navigation is prevented.
            let clicks = EventListener::new_with_options(
                &gloo::utils::document(),
                "click",
                EventListenerOptions::enable_prevent_default(),
                follow_link,
            );
            move || drop((listeners, clicks))
        });
    }
    // An old `#/topic/item` link shows its page's own URL.
    use_effect_with((*route).clone(), route::canonicalize);
    {
        let (_, topic) = pyplay_content::topic(&route.topic).unzip();
        let title = match (&route.view, topic) {
            (View::Topic, Some(topic)) => {
                fill(ui.page_title, &[("topic", &topic.texts(lang).title), ("site", &ui.site_name)])
            }
            _ => ui.site_name.to_string(),
        };
        use_effect_with(title, |title| gloo::utils::document().set_title(title));
    }
    {
        // A new topic starts at its top, or at the linked snippet; but the
        // page written at build time may have been read and scrolled while
        // the app loaded: there the app keeps the place.
        let first = use_mut_ref(|| true);
        use_effect_with((*route).clone(), move |route| {
            let window = gloo::utils::window();
            let document = gloo::utils::document();
            let read = std::mem::take(&mut *first.borrow_mut())
                && document.body().is_some_and(|b| b.has_attribute("data-prerendered"))
                && window.scroll_y().unwrap_or_default() > 0.0;
            if read {
                restore_place();
                return;
            }
            let target = route
                .snippet
                .as_ref()
                .and_then(|s| document.get_element_by_id(&format!("{}-{s}", route.topic)));
            match target {
                Some(el) => el.scroll_into_view(),
                None => window.scroll_to_with_x_and_y(0.0, 0.0),
            }
        });
    }

    // Last of the first render's effects: the app's page has settled.
    use_effect_with((), |()| crate::takeover::rendered());

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
        <ContextProvider<Lang> context={lang}>
        <ContextProvider<Runner> context={(*runner).clone()}>
        <ContextProvider<EngineStatus> context={*status}>
        <ContextProvider<UseReducerHandle<Progress>> context={progress.clone()}>
            <div class={classes!("layout", nav_open.then_some("nav-open"))}>
                <header class="topbar">
                    <button class="menu-toggle" aria-controls="sidebar" aria-expanded={nav_open.to_string()} onclick={toggle_nav}>
                        { ui.menu }
                    </button>
                    <a class="brand" href={lang.home()}>{ ui.site_name }</a>
                    <SearchBox />
                    <a class="scratch-link" href={pyplay_content::page_path(lang, route::SCRATCH)} aria-current={(route.view == View::Scratch).then_some("page")}>{ ui.scratchpad }</a>
                    <a class="progress-link" href={route::view_href(lang, route::PROGRESS_HREF)} aria-current={(route.view == View::Progress).then_some("page")}>{ ui.progress }</a>
                    <LanguageSwitch route={(*route).clone()} />
                    <ThemeToggle />
                    <StatusBadge />
                </header>
                <Sidebar current={current} drawn={*nav_open || !phone} />
                <main id="main" class="content">
                    { main }
                </main>
            </div>
            <UpdateNotice />
        </ContextProvider<UseReducerHandle<Progress>>>
        </ContextProvider<EngineStatus>>
        </ContextProvider<Runner>>
        </ContextProvider<Lang>>
    }
}

thread_local! {
    /// The id of the first section on screen in the page written at build
    /// time, and how far from the top of the viewport it was.
    static PLACE: std::cell::Cell<Option<(String, f64)>> = const { std::cell::Cell::new(None) };
}

/// Notes where the reader is in the page written at build time, before the
/// app replaces it (crate::main).
pub fn remember_place() {
    let document = gloo::utils::document();
    let Ok(sections) = document.query_selector_all("main [id]") else { return };
    let place = (0..sections.length())
        .filter_map(|i| sections.item(i)?.dyn_into::<web_sys::Element>().ok())
        .map(|el| (el.id(), el.get_bounding_client_rect().top()))
        .find(|&(_, top)| top >= 0.0);
    PLACE.set(place);
}

/// Scrolls the app's render of the page so that the section noted by
/// [`remember_place`] is where it was.
fn restore_place() {
    let Some((id, top)) = PLACE.take() else { return };
    if let Some(el) = gloo::utils::document().get_element_by_id(&id) {
        gloo::utils::window().scroll_by_with_x_and_y(0.0, el.get_bounding_client_rect().top() - top);
    }
}

/// A plain left click on a link to a page of the app: shown in place
/// (lessons::navigate) instead of loading that page.
fn follow_link(event: &Event) {
    let Some(click) = event.dyn_ref::<MouseEvent>() else { return };
    if click.default_prevented()
        || click.button() != 0
        || click.ctrl_key()
        || click.meta_key()
        || click.shift_key()
        || click.alt_key()
    {
        return;
    }
    let link = click
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten());
    let Some(link) = link.and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok()) else { return };
    if link.has_attribute("download") || !matches!(link.target().as_str(), "" | "_self") {
        return;
    }
    let href = link.href();
    if route::is_app_page(&href) {
        click.prevent_default();
        crate::lessons::navigate(&href);
    }
}
