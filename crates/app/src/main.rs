//! The playground's single-page app.

mod app;
mod clipboard;
mod components;
mod editor_bundle;
mod embed;
mod explain;
mod hooks;
mod lang;
mod output_buffer;
mod pool;
mod practice;
mod progress;
mod route;
mod run_queue;
mod run_state;
mod runner;
mod search_index;
mod service_worker;
mod share;
mod shared;
mod shared_queue;
mod storage;
mod takeover;
mod visualize;

fn main() {
    let location = gloo::utils::window().location();
    if embed::requested(&location.search().unwrap_or_default()) {
        route::pin_base();
        let options = embed::EmbedOptions::parse(&location.hash().unwrap_or_default());
        let props = components::embed_page::EmbedPageProps { options };
        yew::Renderer::<components::embed_page::EmbedPage>::with_props(props).render();
        return;
    }
    takeover::when_wanted(|| {
        // Not before: a new base re-resolves every link of the built page.
        route::pin_base();
        app::remember_place();
        yew::Renderer::<app::App>::new().render();
    });
}
