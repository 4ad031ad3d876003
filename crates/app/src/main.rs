//! The playground's single-page app.

mod app;
mod clipboard;
mod components;
mod editor_bundle;
mod embed;
mod explain;
mod hooks;
mod lang;
mod lessons;
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
    // The page's prose is fetched meanwhile; the app shows it when it takes over.
    let prose = lessons::prefetch_current();
    takeover::when_wanted(move || {
        let start = || {
            // Not before: a new base re-resolves every link of the built page.
            route::pin_base();
            app::remember_place();
            yew::Renderer::<app::App>::new().render();
        };
        match prose {
            None => start(),
            Some(prose) => wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(prose).await;
                start();
            }),
        }
    });
}
